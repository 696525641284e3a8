#!/usr/bin/env bash
# Runs every check and test of motcua-desk on a fresh Debian machine (or an existing checkout).
# Installs what the tests need: system packages (as root, with apt), a virtual environment
# with the project and its dev group, then: ruff, mypy --strict, import-linter, pytest.
# Exits non-zero when any check or test fails, or when no test ran.
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONUTF8=1
cd "$(dirname "$0")"

log() { echo "[run-tests +${SECONDS}s] $*"; }

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11), sys.version' 2>/dev/null || {
  echo "Cần Python 3.11 trở lên (đang dùng: $("$PYTHON" --version 2>&1))." >&2; exit 1; }

# System packages the tests need. Later components (CUPS, SoftHSM2, pcscd, SANE, PostgreSQL)
# add theirs here; the desk core needs only a Python that can make virtual environments.
APT_PACKAGES=()
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || APT_PACKAGES+=(python3-venv)
# Printing (tests/printing): a real CUPS scheduler with a file: queue, pdftotext/pdftoppm.
for tool in /usr/sbin/cupsd /usr/sbin/lpadmin /usr/sbin/cupsenable /usr/bin/lp /usr/bin/lpstat; do
  [ -x "$tool" ] || { APT_PACKAGES+=(cups cups-client cups-bsd printer-driver-cups-pdf); break; }
done
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || APT_PACKAGES+=(poppler-utils)
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "apt: ${APT_PACKAGES[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${APT_PACKAGES[@]}" >/dev/null
  else
    echo "Thiếu gói hệ thống: ${APT_PACKAGES[*]} (chạy lại với quyền root để tự cài)." >&2
    exit 1
  fi
fi

log "venv"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# The local package index mirrors print a harmless warning on every install; keep logs clean.
quiet_pip() { .venv/bin/python -m pip "$@" 2>&1 | { grep -v "WARNING: Location" || true; }; }
quiet_pip install -q --disable-pip-version-check --upgrade "pip>=25.1"   # 25.1: --group
quiet_pip install -q --disable-pip-version-check -e ".[print]" --group dev

log "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
log "mypy --strict"
.venv/bin/mypy
log "import-linter"
.venv/bin/lint-imports
# CUPS for tests/printing (COMPONENTS.md §3): start cupsd -f unless one runs (stopped on exit
# only if started here), then a file: queue whose output the tests read. Needs root.
CUPSD_PID=""; PRINT_DIR=""
stop_print() {
  [ -z "$CUPSD_PID" ] || { kill "$CUPSD_PID" 2>/dev/null; wait "$CUPSD_PID" 2>/dev/null; } || true
  [ -z "$PRINT_DIR" ] || rm -rf "$PRINT_DIR"
}
trap stop_print EXIT
cups_running() { lpstat -r 2>/dev/null | grep -q 'is running'; }
if [ -n "${MOTCUA_TEST_QUEUE:-}" ]; then
  log "cups: using the queue $MOTCUA_TEST_QUEUE given in the environment"
elif [ "$(id -u)" -eq 0 ]; then
  log "cups"
  PRINT_DIR=$(mktemp -d /tmp/motcua-print.XXXXXX); chmod 755 "$PRINT_DIR"
  sed -i 's/^#\?FileDevice .*/FileDevice Yes/' /etc/cups/cups-files.conf
  if ! cups_running; then
    /usr/sbin/cupsd -f >"$PRINT_DIR/cupsd.log" 2>&1 &
    CUPSD_PID=$!
  fi
  for _ in $(seq 100); do cups_running && break; sleep 0.1; done
  cups_running || { echo "cupsd không khởi động được: xem $PRINT_DIR/cupsd.log." >&2; exit 1; }
  /usr/sbin/lpadmin -p MOTCUA_TEST_FILE -v "file://$PRINT_DIR/file-out.pdf" \
    -m lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd -o PageSize=A4 -E 2>/dev/null || {
    echo "Không tạo được hàng in thử MOTCUA_TEST_FILE. Nếu cupsd đã chạy từ trước khi bật" \
      "FileDevice, hãy khởi động lại cupsd rồi chạy lại." >&2; exit 1; }
  export MOTCUA_TEST_QUEUE=MOTCUA_TEST_FILE MOTCUA_TEST_OUTPUT=$PRINT_DIR/file-out.pdf
  log "cups: queue $MOTCUA_TEST_QUEUE -> $MOTCUA_TEST_OUTPUT${CUPSD_PID:+ (cupsd pid $CUPSD_PID)}"
else
  echo "Các bài kiểm thử in (tests/printing) cần CUPS với quyền root: chạy lại với quyền root," \
    "hoặc đặt MOTCUA_TEST_QUEUE và MOTCUA_TEST_OUTPUT cho một hàng in file: có sẵn." >&2
fi

log "pytest"
set +e
.venv/bin/python -m pytest -p no:cacheprovider "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "Không có bài kiểm thử nào được chạy." >&2
  exit 1
fi
exit "$rc"
