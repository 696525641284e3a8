# shellcheck shell=bash
# PC/SC for tests/devices/token (COMPONENTS.md §2): pcscd with vsmartcard's vpcd driver, and
# pyscard (built from source: swig + libpcsclite-dev). Each PC/SC test starts its own pcscd
# in the foreground with a private reader.conf.d (vpcd on free ports) and an emulated card of
# the project's own, so nothing is started here. Sourced by run-tests.sh.
COMPONENTS+=(pcscd)

need_pcscd() {
  [ -x /usr/sbin/pcscd ] || APT_PACKAGES+=(pcscd)
  [ -f /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || APT_PACKAGES+=(vsmartcard-vpcd)
  command -v swig >/dev/null || APT_PACKAGES+=(swig)
  [ -f /usr/include/PCSC/winscard.h ] || APT_PACKAGES+=(libpcsclite-dev)
  command -v gcc >/dev/null || APT_PACKAGES+=(gcc)
  "${PYTHON:-python3}" -c 'import os, sysconfig; assert os.path.exists(
    os.path.join(sysconfig.get_paths()["include"], "Python.h"))' 2>/dev/null || APT_PACKAGES+=(python3-dev)
}

# The tests need the one pcscd socket (/run/pcscd/pcscd.comm) for themselves: a daemon left
# running (or socket-activated) would be used instead of theirs.
start_pcscd() {
  if [ -S /run/pcscd/pcscd.comm ] && kill -0 "$(cat /run/pcscd/pcscd.pid 2>/dev/null)" 2>/dev/null; then
    echo "Một pcscd khác đang chạy (pid $(cat /run/pcscd/pcscd.pid)); các bài kiểm thử PC/SC" \
      "tự khởi động pcscd riêng. Dừng pcscd đó rồi chạy lại." >&2
    exit 1
  fi
}
