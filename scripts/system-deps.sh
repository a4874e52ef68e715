#!/usr/bin/env bash
# What the build and the tests need from the system, found or installed:
# - Pango, which WeasyPrint needs to make the PDFs (make build, make test);
# - for the tests: poppler's pdftotext, which reads the PDFs back, and a
#   Chromium, whose path is printed: $CHROMIUM if set; chromium,
#   chromium-browser or google-chrome on PATH; Playwright's own; Debian's.
# Debian's packages are installed with apt-get, as root or with sudo that needs
# no password. Otherwise one line on stderr says how, and the exit status is 1.
#   usage: scripts/system-deps.sh build|test PYTHON
set -uo pipefail
need=${1:-test}
python=${2:-python3}
how="install Debian's packages (sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium) or set CHROMIUM=/path/to/chromium"

sudo=""
[ "$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && sudo="sudo -n"; }
apt_install() {  # Debian's packages, if this machine lets us install them
  { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null || return 1
  echo "Installing Debian's $* for the edition" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"; } >&2
}

pango() { "$python" -c "import weasyprint" >/dev/null 2>&1; }
if ! pango; then
  apt_install libpango-1.0-0 libpangoft2-1.0-0
  pango || { echo "no Pango for WeasyPrint's PDFs; $how" >&2; exit 1; }
fi
[ "$need" = build ] && exit 0

if ! command -v pdftotext >/dev/null; then
  apt_install poppler-utils
  command -v pdftotext >/dev/null || { echo "no pdftotext for the PDF tests; $how" >&2; exit 1; }
fi

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

apt_install chromium && command -v chromium && exit 0
echo "no Chromium for the browser tests; $how" >&2
exit 1
