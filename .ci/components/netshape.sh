# shellcheck shell=bash
# Network shaping for the link benchmark (tests/bench/bench_link.py, COMPONENTS.md §7): two
# network namespaces joined by a veth pair, tbf rate limits and nft random loss. The benchmark
# (and its smoke test) creates and deletes its own namespaces; only the tools are needed here.
# Needs root. Delay comes from the project's own proxy (tests/sync/faults.py): no netem.
COMPONENTS+=(netshape)

need_netshape() {
  command -v ip >/dev/null && command -v tc >/dev/null || APT_PACKAGES+=(iproute2)
  command -v nft >/dev/null || APT_PACKAGES+=(nftables)
}

start_netshape() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Bài đo đường truyền (tests/bench/bench_link.py) cần quyền root (ip netns, tc, nft)." >&2
    return
  fi
  log "netshape: ip $(ip -V 2>/dev/null | awk '{print $NF}'), $(nft --version 2>/dev/null)"
}
