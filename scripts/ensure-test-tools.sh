#!/bin/sh
# What the tests need beyond Node: Debian's Chromium for the e2e scenarios (Playwright cannot download its own browser
# on the hall's closed network), fonts for Chinese and Tibetan (or every hanzi is a box in the screenshots), and socat
# for the serial tests over a real pty pair. Installs what is missing when it can (root with apt); otherwise says what
# to install.
set -e
missing=""
[ -x "${HALLQ_CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || missing="$missing fonts-noto-cjk"
fc-list 2>/dev/null | grep -q 'Tibetan Machine Uni' || missing="$missing fonts-tibetan-machine"
command -v socat >/dev/null || missing="$missing socat"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "tests: installing$missing" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "the tests need:$missing (apt-get install$missing), or HALLQ_CHROMIUM pointing at a Chromium" >&2
  exit 1
fi
