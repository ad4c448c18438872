#!/usr/bin/env bash
# Installs what is missing before `npm test` / `npm run demo`: npm packages, and Debian's
# chromium, firefox-esr and its zh-CN / zh-TW language packs where apt-get is available (the
# end-to-end tests need them).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
# Firefox's Chinese language packs: the forecast's Chinese browser test runs Firefox in zh-CN and zh-TW.
for lang in zh-CN zh-TW; do
  [ -f "/usr/lib/firefox-esr/browser/extensions/langpack-$lang@firefox-esr.mozilla.org.xpi" ] || need+=("firefox-esr-l10n-${lang,,}")
done
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]} from Debian"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: ${need[*]} missing and apt-get unavailable; browser tests will be skipped" >&2
  fi
fi
