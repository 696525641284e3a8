# shellcheck shell=bash
# SoftHSM2 for tests/devices/token (COMPONENTS.md §1): each test session makes its own token in
# a temporary folder (SOFTHSM2_CONF), so nothing is started here. pkcs11-tool and
# pkcs11-spy.so (which counts the PIN logins) come from OpenSC. Sourced by run-tests.sh.
COMPONENTS+=(softhsm)

need_softhsm() {
  [ -x /usr/bin/softhsm2-util ] && [ -f /usr/lib/softhsm/libsofthsm2.so ] || APT_PACKAGES+=(softhsm2)
  command -v pkcs11-tool >/dev/null || APT_PACKAGES+=(opensc)
}

start_softhsm() { :; }
