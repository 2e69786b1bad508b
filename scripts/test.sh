#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest, with the time of each
# step and the total printed at the end (the suite must stay under 20 minutes on a quiet 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."

steps=()
step() {
  local label=$1 started=$SECONDS
  shift
  echo "== $label"
  "$@"
  steps+=("$(printf '%-28s %4ds' "$label" $((SECONDS - started)))")
}
summary() {
  echo
  echo "== durations"
  printf '%s\n' "${steps[@]}"
  printf 'total %27ds\n' "$SECONDS"
}
trap summary EXIT

step 'system dependencies' bash scripts/ensure-system-deps.sh
step 'type-check' npm run --silent typecheck
step 'lint' npm run --silent lint
step 'build' npm run --silent build
step 'tests' npx vitest run
step 'frame-time tests (alone)' npx vitest run --config vitest.alone.config.ts
