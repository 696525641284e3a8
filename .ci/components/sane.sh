# shellcheck shell=bash
# SANE for tests/devices/scan (COMPONENTS.md §4): the `test` and `pnm` backends, and libsane-dev
# for building python-sane (the `scan` extra). The tests write their own SANE_CONFIG_DIR (a
# dll.conf naming test and pnm), so nothing is started here. Sourced by run-tests.sh.
COMPONENTS+=(sane)

need_sane() {
  command -v scanimage >/dev/null || APT_PACKAGES+=(sane-utils)
  [ -f /usr/include/sane/sane.h ] || APT_PACKAGES+=(libsane-dev)
}

start_sane() {
  log "sane: tests use a private SANE_CONFIG_DIR with the test and pnm backends"
}
