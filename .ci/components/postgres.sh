# shellcheck shell=bash
# PostgreSQL for tests/sync (COMPONENTS.md §6): the server tests run on SQLite AND on a
# throwaway cluster that the tests start themselves (initdb + pg_ctl as the postgres user, in
# a temp dir, on a free localhost port; tests/sync/pg.py). Only the binaries are needed here.
COMPONENTS+=(postgres)

need_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || APT_PACKAGES+=(postgresql)
  command -v runuser >/dev/null || APT_PACKAGES+=(util-linux)
}

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    echo "Không tìm thấy PostgreSQL (initdb): cài gói postgresql rồi chạy lại." >&2
    exit 1
  fi
  export MOTCUA_PG_BIN=$bin
  log "postgres: tests start their own clusters with $bin"
}
