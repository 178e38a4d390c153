#!/usr/bin/env bash
# npm run test:e2e [-- --screenshots] [-- --vsix]: the extension's end-to-end tests in a real
# VS Code (code-server's web build, driven by Debian's chromium through playwright-core),
# with no download of VS Code or of a browser. Sets up what it needs (scripts/e2e/setup.sh),
# builds, runs the suites and the webview checks, and ends with the line
# "e2e: N passed, N failed". Exit 0 only when nothing failed.
#   --screenshots  also write docs/images/timeline-light.png, timeline-dark.png, timeline-fit.png
#                  and timeline-month.png
#   --vsix         also package the .vsix, install it into code-server and check it activates
set -uo pipefail
cd "$(dirname "$0")/../.."

fail_setup() {
  echo "e2e: setup failed: $1" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
}

code_server="$(bash scripts/e2e/setup.sh)" || fail_setup "could not install code-server, chromium or their dependencies"
node esbuild.mjs || fail_setup "npm run build failed"
node scripts/e2e/buildTests.mjs || fail_setup "the end-to-end suites did not build"
if [[ " $* " == *" --vsix "* ]]; then
  npm run --silent package >&2 || fail_setup "npm run package failed"
fi
exec node scripts/e2e/driver.mjs --code-server "$code_server" "$@"
