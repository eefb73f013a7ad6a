#!/usr/bin/env bash
# Browser tests use Debian's chromium (Playwright's own browser download cannot work here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "== installing Debian's chromium (apt-get)"
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "ERROR: chromium is not installed and this user cannot install it. Run: apt-get install -y chromium" >&2
  exit 2
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
if ! ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null); then
  echo "ERROR: could not install Debian's chromium with apt-get; browser tests need /usr/bin/chromium." >&2
  exit 2
fi
command -v chromium >/dev/null 2>&1 || { echo "ERROR: chromium still not found after install" >&2; exit 2; }
