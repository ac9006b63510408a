#!/usr/bin/env bash
# Renders the example HTML inspection report and screenshots it with headless Chromium at a
# desktop width (1280 px) and a phone width (375 px), so a person can look at it.
#
# Needs (installs nothing itself):
#   - swift (builds tuanthu), or TUANTHU=/path/to/tuanthu
#   - Chromium: Debian's `chromium` package (`apt-get install chromium`), or CHROMIUM=/path/to/chrome
#
# Usage: scripts/render-report.sh [OUT_DIR]      (default: docs/)
# Env:   EXAMPLE=quickstart|kon-tum|binh-phuoc   (default: quickstart)
#        LANG_REPORT=vi|en                        (default: vi)
#        AS_OF=2025-12-31
# Also prints any console messages or JavaScript exceptions the page raised; exits 1 if there are any.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=${1:-docs}
example=${EXAMPLE:-quickstart}
as_of=${AS_OF:-2025-12-31}
lang=${LANG_REPORT:-vi}

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$chromium" ]; then
    echo "render-report: needs Chromium (Debian: apt-get install chromium), or set CHROMIUM=/path/to/chrome" >&2
    exit 2
fi
if [ -z "${TUANTHU:-}" ]; then
    command -v swift >/dev/null || { echo "render-report: needs swift to build tuanthu, or set TUANTHU=/path/to/tuanthu" >&2; exit 2; }
    swift build --scratch-path .build-html >&2
    TUANTHU=.build-html/debug/tuanthu
fi

case "$example" in
    quickstart) rules=examples/quickstart; data=examples/quickstart/data ;;
    kon-tum) rules=rules/kon-tum; data=examples/kon-tum-484/data ;;
    binh-phuoc) rules=rules/binh-phuoc; data=examples/binh-phuoc/data ;;
    *) echo "render-report: unknown EXAMPLE '$example'" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
html="$work/report.html"
status=0
"$TUANTHU" eval "$rules" --data "$data" --as-of "$as_of" --format html --lang "$lang" --keep-going -o "$html" || status=$?
# 1 = failing findings, 2 = data errors (kept going); both still write the report.
[ "$status" -le 2 ] && [ -s "$html" ] || { echo "render-report: tuanthu eval failed ($status)" >&2; exit 2; }

mkdir -p "$out_dir"
shoot() { # name width height
    local log="$work/$1.log"
    # --enable-logging=stderr makes Chromium print the page's console messages and uncaught
    # exceptions as "CONSOLE(line)" lines; the sandbox flag lets it run as root in containers.
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --enable-logging=stderr --v=0 --user-data-dir="$work/profile-$1" \
        --window-size="$2,$3" --screenshot="$out_dir/report-$1.png" "file://$html" >"$log" 2>&1 || true
    [ -s "$out_dir/report-$1.png" ] || { cat "$log" >&2; echo "render-report: no screenshot for $1" >&2; exit 2; }
    if grep -E 'CONSOLE|Uncaught|SyntaxError|Refused to' "$log" >&2; then
        echo "render-report: the page logged console messages at $1 width" >&2
        return 1
    fi
}
errors=0
shoot desktop 1280 ${DESKTOP_HEIGHT:-2400} || errors=1
shoot phone 375 ${PHONE_HEIGHT:-2400} || errors=1
echo "report: $(wc -c <"$html") bytes; screenshots: $out_dir/report-desktop.png $out_dir/report-phone.png"
exit $errors
