#!/usr/bin/env bash
# Print the path of a Chromium for the browser tests (make test), installing
# one if none is found: $CHROMIUM if set; chromium, chromium-browser or
# google-chrome on PATH; Playwright's own (playwright install chromium);
# Debian's package (apt-get, as root or with sudo that needs no password).
# Otherwise one line on stderr says how, and the exit status is 1.
#   usage: scripts/chromium.sh PYTHON
set -uo pipefail
python=${1:-python3}
how="no Chromium for the browser tests: install Debian's (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium"

if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] && { echo "$CHROMIUM"; exit 0; }
  echo "CHROMIUM=$CHROMIUM is not an executable; $how" >&2; exit 1
fi
for name in chromium chromium-browser google-chrome; do
  command -v "$name" && exit 0
done

playwright_chromium() {  # the newest Chromium Playwright has installed for this user
  ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome 2>/dev/null | sort -V | tail -1
}
[ -z "$(playwright_chromium)" ] && timeout 300 "$python" -m playwright install chromium >&2
[ -n "$(playwright_chromium)" ] && { playwright_chromium; exit 0; }

sudo=""
[ "$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && sudo="sudo -n"; }
if { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests" >&2
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
  command -v chromium && exit 0
fi
echo "$how" >&2
exit 1
