#!/usr/bin/env bash
# Fetches the Debian source packages of the real targets into a cache outside
# the repo (default /work/bench-cache), adding a deb-src entry for the same
# archive first when the machine has none. Idempotent: an unpacked package is
# not fetched again.
#
#   bench/fetch.sh [PACKAGE...]      (default: every recipe in bench/real/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${BENCH_CACHE:-/work/bench-cache}
mkdir -p "$cache"

ensure_deb_src() {
  if grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return
  fi
  # Mirror the first deb822 stanza's archive and suite so sources match the
  # installed binaries; fall back to the plain Debian archive for bookworm.
  local uri suite
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "${uri:-http://deb.debian.org/debian}" "$suite" > /etc/apt/sources.list.d/cfuzz-bench-src.sources
  apt-get update -qq
}

pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
  for r in "$here"/real/*.sh; do pkgs+=("$(sed -n 's/^# package: //p' "$r")"); done
fi

ensure_deb_src
cd "$cache"
for p in "${pkgs[@]}"; do
  if compgen -G "$cache/$p-[0-9]*/" >/dev/null; then continue; fi
  echo "fetch.sh: apt-get source $p" >&2
  apt-get source -qq "$p" >/dev/null 2>&1 || { apt-get update -qq; apt-get source -qq "$p" >/dev/null; }
done
