#!/usr/bin/env bash
# Headless Chromium and its chromedriver from Debian's packages, for the browser tests of the tasks page.
# Nothing is downloaded at test time: the tests drive /usr/bin/chromium through /usr/bin/chromedriver.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "The browser tests need Debian's chromium and chromium-driver packages (/usr/bin/chromium," \
       "/usr/bin/chromedriver). Install them as root: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "installing chromium and chromium-driver from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends chromium chromium-driver; then
  # a machine whose package lists are stale or absent
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium chromium-driver
fi
