#!/usr/bin/env bash
# Runs every check and test of motcua-desk on a fresh Debian machine (or an existing checkout).
# Installs what the tests need: system packages (as root, with apt), a virtual environment
# with the project and its dev group, then: ruff, mypy --strict, import-linter, pytest.
# Exits non-zero when any check or test fails, or when no test ran.
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONUTF8=1
cd "$(dirname "$0")"

log() { echo "[run-tests +${SECONDS}s] $*"; }

# --fast: the lane for people changing the code. No root, no apt, no services: SQLite only,
# without the PostgreSQL, device (CUPS, SoftHSM2, pcscd, SANE) and slow (chaos, crash, tmux,
# benchmark) tests. CI runs the full lane.
FAST=0
if [ "${1:-}" = "--fast" ]; then FAST=1; shift; fi

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11), sys.version' 2>/dev/null || {
  echo "Cần Python 3.11 trở lên (đang dùng: $("$PYTHON" --version 2>&1))." >&2; exit 1; }

# Each real component the tests use (CUPS, SoftHSM2, pcscd, SANE, PostgreSQL…) is one file in
# .ci/components/: it names its apt packages (need_NAME) and starts its service for the test run
# (start_NAME), registering its clean-up with on_exit. The desk core itself needs only a Python
# that can make virtual environments.
APT_PACKAGES=()
COMPONENTS=()
EXIT_HOOKS=()
on_exit() { EXIT_HOOKS+=("$1"); }
run_exit_hooks() {
  local i
  for ((i = ${#EXIT_HOOKS[@]} - 1; i >= 0; i--)); do eval "${EXIT_HOOKS[i]}" || true; done
}
trap run_exit_hooks EXIT
for component in .ci/components/*.sh; do
  # shellcheck source=/dev/null
  . "$component"
done
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || APT_PACKAGES+=(python3-venv)
[ "$FAST" -eq 1 ] && COMPONENTS=()
for component in "${COMPONENTS[@]}"; do "need_$component"; done
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
quiet_pip install -q --disable-pip-version-check -e ".[print,token,scan,server]" --group dev

log "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
log "mypy --strict"
.venv/bin/mypy
log "import-linter"
.venv/bin/lint-imports
for component in "${COMPONENTS[@]}"; do "start_$component"; done

log "pytest"
set +e
if [ "$FAST" -eq 1 ]; then
  .venv/bin/python -m pytest -p no:cacheprovider -m "not slow and not pg and not hardware" "$@"
else
  .venv/bin/python -m pytest -p no:cacheprovider "$@"
fi
rc=$?
if [ "$rc" -eq 0 ] && [ "$FAST" -eq 0 ] && [ $# -eq 0 -o "$*" = "-q" ]; then
  # The date-shift check: the tests whose dates could follow the real calendar (the CLI in
  # process, reports, certificates, printing) run again with the clock a year ahead, so none
  # of them can go red because the calendar moved on.
  log "pytest: date-shift check (real clock +366 days)"
  .venv/bin/python -m pytest -p no:cacheprovider -q --shift-clock-days=366 -m "not slow" \
    tests/unit tests/integration tests/devices tests/printing
  rc=$?
fi
set -e
if [ "$rc" -eq 5 ]; then
  echo "Không có bài kiểm thử nào được chạy." >&2
  exit 1
fi
exit "$rc"
