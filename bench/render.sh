#!/usr/bin/env bash
# Benchmarks the rendering of a campaign's message for PROSPECTS prospects (default 100,000), as `campaign validate`
# and every run do it: bench/render_bench.cpp's message, with spintax, fallbacks, sections and a partial, parsed
# once and rendered for each. The anchor is mstch, the Mustache library, rendering the same message written in
# plain Mustache from its text. 3 runs each (RUNS=N to change); prints a Markdown table of the results.
#
#   bench/render.sh [PROSPECTS]          RUNS=N bench/render.sh [PROSPECTS]
#
# Builds a Release binary in build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

prospects=${1:-100000}
runs=${RUNS:-3}
if ! [[ "$prospects" =~ ^[1-9][0-9]*$ ]] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [RUNS=N] bench/render.sh [PROSPECTS]   (default 100000; RUNS default 3)" >&2
  exit 2
fi

source bench/lib.sh
prepare_bench render_bench
bench=build-bench/bench/render_bench
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT

# The microseconds per rendering of each run, one a line.
per_rendering() {
  local run
  for ((run = 1; run <= runs; run++)); do
    "$bench" "$folder" "$prospects" "$@" | sed -n 's/.*, \([0-9.]*\) us each$/\1/p'
  done
}

product=$(per_rendering)
anchor=$(per_rendering mstch)
echo "| renderer, $prospects prospects | µs per message (median of $runs) | range |"
echo "|---|---|---|"
echo "| the product: one parse, then the tree rendered for each prospect | $(median <<<"$product") | $(range <<<"$product") |"
echo "| mstch from the message's text, each prospect (anchor) | $(median <<<"$anchor") | $(range <<<"$anchor") |"
