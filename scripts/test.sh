#!/usr/bin/env bash
# Runs every test: unit + integration (vitest, on the real files in ../shared/data) and the
# browser tests (Playwright driving Debian's chromium against the built dashboard).
# Installs what it needs: npm packages (npm ci) and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
export WSIS_MIRROR="${WSIS_MIRROR:-$(cd .. && pwd)/shared/data}"
mkdir -p test-output
rm -f test-output/vitest.json test-output/playwright.json

if [ ! -d "$WSIS_MIRROR/worldbank" ]; then
  echo "ERROR: the shared data mirror is missing: $WSIS_MIRROR/worldbank not found." >&2
  echo "       Tests read the real files in ../shared/data (or set WSIS_MIRROR)." >&2
  exit 2
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

bash scripts/ensure-chromium.sh

echo "== svelte-kit sync, interface messages (Paraglide) and type check (svelte-check)"
npx svelte-kit sync
node scripts/i18n-compile.js
set +e
npx svelte-check --tsconfig ./tsconfig.json --threshold error
check_status=$?
set -e

echo "== unit and integration tests (vitest)"
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json
vitest_status=$?
set -e

e2e_status=0
if [ -f playwright.config.ts ]; then
  set +e
  echo "== warehouse for the browser tests (pipeline on the mirror)"
  npm run pipeline -- --mirror "$WSIS_MIRROR" --out test-output/e2e/wsis.duckdb && {
    echo "== build the dashboard"
    npm run build
  }
  e2e_status=$?
  if [ "$e2e_status" -eq 0 ]; then
    echo "== browser tests (Playwright + Debian chromium)"
    # A free port unless E2E_PORT says which: a fixed one fails the suite when something holds it.
    export E2E_PORT="${E2E_PORT:-$(node scripts/free-port.js)}"
    echo "   server on port $E2E_PORT"
    WSIS_WAREHOUSE="$PWD/test-output/e2e/wsis.duckdb" npx playwright test
    e2e_status=$?
  fi
  set -e
fi

node scripts/test-summary.js --vitest-status "$vitest_status" --e2e-status "$e2e_status" --check-status "$check_status"
if [ "$vitest_status" -ne 0 ] || [ "$e2e_status" -ne 0 ] || [ "$check_status" -ne 0 ]; then
  exit 1
fi
