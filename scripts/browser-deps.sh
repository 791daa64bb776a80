#!/usr/bin/env bash
# The browser the wasm and Playwright suites drive: Debian's chromium and chromium-driver, and
# a font for the screenshots. `make test` runs this first. When something is missing it is
# installed with apt-get if we are root (a fresh Debian machine, CI); otherwise the one command
# to run is printed and the exit status is 1 (make test then runs every suite that needs no
# browser and counts the others as failed: never a silent skip).
#
#   scripts/browser-deps.sh [--check]    (--check: report only, install nothing)
set -uo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
compgen -G '/usr/share/fonts/truetype/*/*.ttf' >/dev/null || need+=(fonts-dejavu-core fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then
  echo "==> browser: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
  exit 0
fi
if [ "${1:-}" != "--check" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> browser: apt-get install ${need[*]} (Debian's packages)"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -q && apt-get install -y -q "${need[@]}"; then
    exit 0
  fi
  echo "==> browser: apt-get failed" >&2
fi
echo "==> browser: missing ${need[*]}. The wasm and Playwright suites need them; run" >&2
echo "      sudo apt-get install -y ${need[*]}" >&2
echo "    then make test again." >&2
exit 1
