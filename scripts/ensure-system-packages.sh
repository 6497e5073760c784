#!/usr/bin/env bash
# What the tests need from Debian, installed with apt-get when missing (as root; otherwise it says
# what to install): Chromium for the browser tests (Playwright's own browser download does not
# work offline), Java 17 and npm for the Nu HTML Checker (tests/vnu).
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Run 'sudo apt-get install ${missing[*]}' and try again." >&2
  exit 1
fi
