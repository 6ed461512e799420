#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium when it is missing, for the test that opens report.html in a real
# browser (tests/UcgSim.Tests/Results/HtmlReportBrowserTests.cs). Prints the browser's path on success.
set -euo pipefail
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; exit 0; fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is not installed and installing it needs root: run 'sudo apt-get install chromium'." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium >&2
command -v chromium
