#!/usr/bin/env bash
# `npm test`: unit tests, a production build, then the browser suite against real servers.
# Every stage runs even if an earlier one failed, and one plain summary line closes the run.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
unit=$?

node_modules/.bin/next build
build=$?

e2e=0
if [ "$build" -eq 0 ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json node_modules/.bin/playwright test --reporter=list,json
  e2e=$?
else
  echo "next build failed: the browser suite cannot run" >&2
fi

node scripts/test-summary.mjs
summary=$?
[ "$unit" -eq 0 ] && [ "$build" -eq 0 ] && [ "$e2e" -eq 0 ] && [ "$summary" -eq 0 ]
