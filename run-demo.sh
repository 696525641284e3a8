#!/usr/bin/env bash
# Runs the desk on the embedded demo office (SQLite file, no server). First run installs
# the project into .venv and creates the demo office; the officers' logins are printed.
set -euo pipefail
export LANG=${LANG:-C.UTF-8} PYTHONUTF8=1
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e . 2>&1 \
  | { grep -v "WARNING: Location" || true; }
DEMO_DB=${DESK_DEMO_DB:-.demo/desk.db}
if [ ! -f "$DEMO_DB" ]; then
  .venv/bin/desk demo --db "$DEMO_DB"
fi
exec .venv/bin/desk run --db "$DEMO_DB"
