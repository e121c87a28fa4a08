#!/usr/bin/env bash
# `npm test`: lint and format check (Biome), unit tests, a production build (npm run build), then the
# browser suite against real servers.
# Every stage runs even if an earlier one failed, and one plain summary line closes the run.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

# Biome: lint and formatting, zero diagnostics allowed (biome.json; `npx biome check --write .` fixes most).
node_modules/.bin/biome ci --error-on-warnings --max-diagnostics=50 .
lint=$?
if [ "$lint" -eq 0 ]; then echo "biome: lint and format clean"; fi

node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
unit=$?

node scripts/build.mjs
build=$?

e2e=0
if [ "$build" -eq 0 ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json node_modules/.bin/playwright test --reporter=list,json
  e2e=$?
else
  echo "the build failed: the browser suite cannot run" >&2
fi

# A few seconds of `npm run bench`: it must run end to end and write its files (no goals checked).
bench=0
if [ "$build" -eq 0 ]; then
  rm -f bench/results/smoke.json bench/results/smoke.md bench/results/smoke.png
  node_modules/.bin/tsx --conditions=react-server scripts/bench/run.ts --smoke --no-build >reports/bench-smoke.log 2>&1 \
    && [ -s bench/results/smoke.json ] && [ -s bench/results/smoke.md ] && [ -s bench/results/smoke.png ]
  bench=$?
  if [ "$bench" -eq 0 ]; then echo "bench smoke run: ok"; else echo "bench smoke run failed:" >&2; tail -20 reports/bench-smoke.log >&2; fi
fi

node scripts/test-summary.mjs
summary=$?
[ "$lint" -eq 0 ] && [ "$unit" -eq 0 ] && [ "$build" -eq 0 ] && [ "$e2e" -eq 0 ] && [ "$bench" -eq 0 ] && [ "$summary" -eq 0 ]
