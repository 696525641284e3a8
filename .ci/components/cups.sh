# shellcheck shell=bash
# CUPS for tests/printing (COMPONENTS.md §3): a private cupsd and a test queue whose output
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

# Why not a file: queue: Debian's CUPS 2.4 scheduler opens a file: device URI without O_CREAT
# and without O_TRUNC (seen with strace: open(path, O_WRONLY|O_EXCL)), so a queue whose output
# file does not exist yet stops every job with "the scheduler could not open the output file",
# and a shorter job written over a longer one leaves the old tail in place. The test queue uses
# a small backend instead, run by cupsd as root (mode 0700) after the PPD's real filter chain:
# it keeps each job as jobs/job-ID.pdf and swaps it in as file-out.pdf atomically.
_cups_install_backend() {
  cat >/usr/lib/cups/backend/motcua-test <<'BACKEND'
#!/bin/sh
# motcua-desk test sink: DEVICE_URI=motcua-test:/DIR; job-id user title copies options [file]
[ $# -eq 0 ] && { echo 'direct motcua-test "Unknown" "motcua-desk test sink"'; exit 0; }
dir=${DEVICE_URI#motcua-test:}
mkdir -p "$dir/jobs" || exit 1
cat "${6:--}" >"$dir/jobs/.job-$1.tmp" || exit 1
mv "$dir/jobs/.job-$1.tmp" "$dir/jobs/job-$1.pdf"
cp "$dir/jobs/job-$1.pdf" "$dir/.file-out.tmp" && mv "$dir/.file-out.tmp" "$dir/file-out.pdf"
BACKEND
  chmod 0700 /usr/lib/cups/backend/motcua-test
}

# Prints one page and waits for it; on failure shows what CUPS's own log says and stops the run.
_cups_check_queue() {
  local dir=$1 job
  job=$(echo "motcua-desk: kiem tra hang in" | lp -d MOTCUA_TEST_FILE -t start-up-check - | awk '{print $4}')
  for _ in $(seq 300); do [ -s "$dir/file-out.pdf" ] && break; sleep 0.1; done
  if [ ! -s "$dir/file-out.pdf" ]; then
    echo "Hàng in thử MOTCUA_TEST_FILE không in được trang kiểm tra ($job) sau 30 giây." >&2
    echo "Nhật ký của CUPS:" >&2
    tail -n 20 /var/log/cups/error_log >&2 2>/dev/null || true
    lpstat -l -o MOTCUA_TEST_FILE >&2 || true
    exit 1
  fi
  rm -f "$dir/file-out.pdf" "$dir"/jobs/*   # each test reads only what its own jobs wrote
}

# Starts cupsd -f unless one runs (stopped on exit only if started here). Needs root.
start_cups() {
  if [ -n "${MOTCUA_TEST_QUEUE:-}" ]; then
    log "cups: using the queue $MOTCUA_TEST_QUEUE given in the environment"
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Các bài kiểm thử in (tests/printing) cần CUPS với quyền root: chạy lại với quyền root," \
      "hoặc đặt MOTCUA_TEST_QUEUE và MOTCUA_TEST_OUTPUT cho một hàng in có sẵn." >&2
    return
  fi
  log "cups"
  local dir pid=""
  dir=$(mktemp -d /tmp/motcua-print.XXXXXX); chmod 755 "$dir"
  on_exit "rm -rf '$dir'"
  _cups_install_backend
  if ! _cups_running; then
    /usr/sbin/cupsd -f >"$dir/cupsd.log" 2>&1 &
    pid=$!
    on_exit "kill $pid 2>/dev/null; wait $pid 2>/dev/null"
  fi
  for _ in $(seq 100); do _cups_running && break; sleep 0.1; done
  _cups_running || { echo "cupsd không khởi động được: xem $dir/cupsd.log." >&2; exit 1; }
  local said   # lpadmin warns that PPD drivers are deprecated on every call: shown only on failure
  said=$(/usr/sbin/lpadmin -p MOTCUA_TEST_FILE -v "motcua-test:$dir" \
    -m lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd -o PageSize=A4 -E 2>&1) || {
    echo "Không tạo được hàng in thử MOTCUA_TEST_FILE: $said" >&2; exit 1; }
  cancel -a MOTCUA_TEST_FILE 2>/dev/null || true   # jobs left by an earlier, interrupted run
  _cups_check_queue "$dir"
  export MOTCUA_TEST_QUEUE=MOTCUA_TEST_FILE MOTCUA_TEST_OUTPUT=$dir/file-out.pdf
  log "cups: queue $MOTCUA_TEST_QUEUE -> $MOTCUA_TEST_OUTPUT${pid:+ (cupsd pid $pid)}"
}
