#!/usr/bin/env bash
# One command on a fresh machine: install, build the warehouse, build and serve the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
MIRROR="${WSIS_MIRROR:-}"
if [ -z "$MIRROR" ] && [ -d ../shared/data/worldbank ]; then MIRROR="$(cd ../shared/data && pwd)"; fi
if [ -n "$MIRROR" ]; then
  npm run pipeline -- --mirror "$MIRROR"
else
  npm run pipeline
fi
npm run build
export WSIS_WAREHOUSE="${WSIS_WAREHOUSE:-$PWD/data/build/wsis.duckdb}"
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
# The upload form (/stocktaking/check) is a POST: SvelteKit accepts it only from the site's
# own origin, which adapter-node assumes is https unless ORIGIN says otherwise.
export ORIGIN="${ORIGIN:-http://$HOST:$PORT}"
echo "Serving the dashboard at http://$HOST:$PORT (Ctrl-C to stop)"
exec node build
