#!/usr/bin/env bash
# Makes sure the system programs the integration tests start for real are installed:
# Dovecot (IMAP + LMTP), Chromium and openssl. Idempotent: fast and quiet when all is present.
# Installs what is missing when it can (root + apt-get); otherwise fails and names the packages,
# because a test suite that silently skips its mail and browser tests proves nothing.
set -euo pipefail

# "path-or-command|package" pairs: a file path is tested with -x, a bare name with `command -v`.
requirements=(
  "/usr/sbin/dovecot|dovecot-imapd"
  "/usr/lib/dovecot/imap|dovecot-imapd"
  "/usr/lib/dovecot/lmtp|dovecot-lmtpd"
  "/usr/bin/doveadm|dovecot-imapd"
  "/usr/bin/chromium|chromium"
  "openssl|openssl"
)

is_present() {
  local what=$1
  if [[ $what == /* ]]; then
    [[ -x $what ]]
  else
    command -v "$what" >/dev/null 2>&1
  fi
}

missing_packages() {
  local entry what package
  local -a packages=()
  for entry in "${requirements[@]}"; do
    what=${entry%%|*}
    package=${entry#*|}
    if ! is_present "$what" && [[ " ${packages[*]} " != *" $package "* ]]; then
      packages+=("$package")
    fi
  done
  echo "${packages[*]}"
}

fail() {
  echo "ensure-system-deps: $1" >&2
  echo "ensure-system-deps: install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $2" >&2
  exit 1
}

missing=$(missing_packages)
if [[ -z $missing ]]; then
  echo "ensure-system-deps: dovecot, chromium and openssl are present."
  exit 0
fi

echo "ensure-system-deps: missing packages: $missing"
if [[ $(id -u) -ne 0 ]]; then
  fail "not root, cannot install the missing packages." "$missing"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail "apt-get not found, cannot install the missing packages (package names are Debian's)." "$missing"
fi

export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # the package list is meant to split into words
if ! apt-get update || ! apt-get install -y --no-install-recommends $missing; then
  fail "apt-get could not install the missing packages." "$missing"
fi

still_missing=$(missing_packages)
if [[ -n $still_missing ]]; then
  fail "still missing after apt-get install." "$still_missing"
fi
echo "ensure-system-deps: installed $missing."
