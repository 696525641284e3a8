# shellcheck shell=bash
# tmux for the desk's end-to-end test in a real terminal (tests/tui/test_tmux_e2e.py,
# COMPONENTS.md §8). The test starts its own tmux server on a private socket in its temporary
# folder and kills it afterwards, so nothing is started here. Sourced by run-tests.sh.
COMPONENTS+=(tmux)

need_tmux() {
  command -v tmux >/dev/null || APT_PACKAGES+=(tmux)
}

start_tmux() {
  log "tmux: the end-to-end test runs its own server on a private socket"
}
