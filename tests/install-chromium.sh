#!/usr/bin/env bash
# Installs Debian's chromium, which the report rendering test (ReportRenderingTests) drives headless, when it is
# missing. Called by .ci/run before the tests and by the test itself, so neither skips the test silently.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "chromium is not installed, and installing it needs root: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
fi

log=$(mktemp)
echo "Installing chromium (apt-get) for the report rendering test..." >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "Installing chromium failed; install it by hand: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi

rm -f "$log"
command -v chromium >/dev/null
