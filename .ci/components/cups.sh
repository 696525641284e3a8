# shellcheck shell=bash
# CUPS for tests/printing (COMPONENTS.md §3): a private cupsd and a file: queue whose output
# the tests read; pdftotext/pdftoppm for reading the PDFs back. Sourced by run-tests.sh.
COMPONENTS+=(cups)

need_cups() {
  local tool
  for tool in /usr/sbin/cupsd /usr/sbin/lpadmin /usr/sbin/cupsenable /usr/bin/lp /usr/bin/lpstat; do
    [ -x "$tool" ] || { APT_PACKAGES+=(cups cups-client cups-bsd printer-driver-cups-pdf); break; }
  done
  command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || APT_PACKAGES+=(poppler-utils)
}

_cups_running() { lpstat -r 2>/dev/null | grep -q 'is running'; }

# Starts cupsd -f unless one runs (stopped on exit only if started here). Needs root.
start_cups() {
  if [ -n "${MOTCUA_TEST_QUEUE:-}" ]; then
    log "cups: using the queue $MOTCUA_TEST_QUEUE given in the environment"
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Các bài kiểm thử in (tests/printing) cần CUPS với quyền root: chạy lại với quyền root," \
      "hoặc đặt MOTCUA_TEST_QUEUE và MOTCUA_TEST_OUTPUT cho một hàng in file: có sẵn." >&2
    return
  fi
  log "cups"
  local dir pid=""
  dir=$(mktemp -d /tmp/motcua-print.XXXXXX); chmod 755 "$dir"
  on_exit "rm -rf '$dir'"
  sed -i 's/^#\?FileDevice .*/FileDevice Yes/' /etc/cups/cups-files.conf
  if ! _cups_running; then
    /usr/sbin/cupsd -f >"$dir/cupsd.log" 2>&1 &
    pid=$!
    on_exit "kill $pid 2>/dev/null; wait $pid 2>/dev/null"
  fi
  for _ in $(seq 100); do _cups_running && break; sleep 0.1; done
  _cups_running || { echo "cupsd không khởi động được: xem $dir/cupsd.log." >&2; exit 1; }
  /usr/sbin/lpadmin -p MOTCUA_TEST_FILE -v "file://$dir/file-out.pdf" \
    -m lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd -o PageSize=A4 -E 2>/dev/null || {
    echo "Không tạo được hàng in thử MOTCUA_TEST_FILE. Nếu cupsd đã chạy từ trước khi bật" \
      "FileDevice, hãy khởi động lại cupsd rồi chạy lại." >&2; exit 1; }
  export MOTCUA_TEST_QUEUE=MOTCUA_TEST_FILE MOTCUA_TEST_OUTPUT=$dir/file-out.pdf
  log "cups: queue $MOTCUA_TEST_QUEUE -> $MOTCUA_TEST_OUTPUT${pid:+ (cupsd pid $pid)}"
}
