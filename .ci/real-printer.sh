#!/usr/bin/env bash
# Print a real handover through CUPS to a PDF printer and read it back.
#
# On a Debian machine, as root: installs CUPS, cups-pdf, poppler-utils, ipptool
# and a monospace font with macrons (DejaVu) if any is missing, starts cupsd if it
# is not running (there is no systemd), adds the PDF printer crisishouse-pdf,
# then runs tests/printer with CRISISHOUSE_REAL_PRINTER=crisishouse-pdf.
# A cupsd this script started is stopped again when it ends.
#
# Usage: .ci/real-printer.sh [PYTHON]   (default .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${1:-.venv/bin/python}
PRINTER=crisishouse-pdf
# ipptool purges a finished job where `cancel -x` cannot (CUPS before 2.4.3).
PACKAGES=(cups cups-ipp-utils printer-driver-cups-pdf poppler-utils fonts-dejavu-core)

say() { printf 'real-printer: %s\n' "$*"; }
fail() { printf 'real-printer: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "this step needs root (or sudo): $*"
    fi
}

have_everything() {
    command -v lp >/dev/null 2>&1 &&
        command -v lpadmin >/dev/null 2>&1 &&
        command -v cancel >/dev/null 2>&1 &&
        command -v ipptool >/dev/null 2>&1 &&
        command -v pdftotext >/dev/null 2>&1 &&
        { command -v cupsd >/dev/null 2>&1 || [ -x /usr/sbin/cupsd ]; } &&
        [ -e /usr/lib/cups/backend/cups-pdf ] &&
        [ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]
}

# 1. The packages, only when something is missing (CI reruns skip this).
if have_everything; then
    say "CUPS, cups-pdf and pdftotext are already installed"
else
    command -v apt-get >/dev/null 2>&1 || fail "no apt-get: install ${PACKAGES[*]} by hand"
    started=$(date +%s)
    say "installing ${PACKAGES[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${PACKAGES[@]}" >/dev/null
    say "installed in $(($(date +%s) - started)) s"
    have_everything || fail "the install finished but something is still missing"
fi

# 2. The scheduler. Started in the foreground in the background, so that we
#    know its process id and stop exactly the cupsd we started.
CUPSD_PID=""
stop_cupsd() {
    if [ -n "$CUPSD_PID" ]; then
        say "stopping the cupsd this script started (pid $CUPSD_PID)"
        as_root kill "$CUPSD_PID" 2>/dev/null || true
        wait "$CUPSD_PID" 2>/dev/null || true
    fi
}
trap stop_cupsd EXIT

scheduler_running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }

if scheduler_running; then
    say "the CUPS scheduler is already running"
else
    CUPSD=$(command -v cupsd || echo /usr/sbin/cupsd)
    say "starting $CUPSD"
    # Not through as_root: a function in the background is a subshell, and
    # its id is not cupsd's. sudo passes a kill on to its child.
    if [ "$(id -u)" -eq 0 ]; then
        "$CUPSD" -f &
    else
        command -v sudo >/dev/null 2>&1 || fail "starting cupsd needs root (or sudo)"
        sudo "$CUPSD" -f &
    fi
    CUPSD_PID=$!
    for _ in $(seq 1 60); do
        scheduler_running && break
        kill -0 "$CUPSD_PID" 2>/dev/null || fail "cupsd stopped at once; see /var/log/cups/error_log"
        sleep 0.5
    done
    scheduler_running || fail "cupsd did not start within 30 s; see /var/log/cups/error_log"
fi

# 3. The PDF printer (lpadmin replaces it if it is already there).
PPD=""
for candidate in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd; do
    if [ -f "$candidate" ]; then PPD=$candidate; break; fi
done
if [ -n "$PPD" ]; then
    DRIVER=(-P "$PPD")
else
    MODEL=$(lpinfo -m 2>/dev/null | grep -i 'cups-pdf' | head -n 1 | cut -d' ' -f1)
    [ -n "$MODEL" ] || fail "no cups-pdf driver found (lpinfo -m)"
    DRIVER=(-m "$MODEL")
fi
# CUPS 2.4 warns that PPD drivers are deprecated; that warning is not news.
said=$(as_root lpadmin -p "$PRINTER" -E -v cups-pdf:/ "${DRIVER[@]}" 2>&1) ||
    fail "lpadmin could not add $PRINTER: $said"
[ -z "$said" ] || grep -v -i 'deprecated' <<<"$said" || true
LC_ALL=C lpstat -p "$PRINTER" | grep -q 'enabled' || fail "the printer $PRINTER is not enabled"
say "printer $PRINTER is ready ($(LC_ALL=C lpstat -v "$PRINTER"))"

# 4. The test itself.
CRISISHOUSE_REAL_PRINTER=$PRINTER "$PYTHON" -m pytest tests/printer -q
