#!/usr/bin/env bash
# Benchmarks the http transport against a minimal gateway of the engine profile on 127.0.0.1: ACTIONS actions sent
# one by one over a kept-alive connection (default 20,000), the same with one answer in ten lost and asked again, and
# EVENTS inbound events paged in (default 200,000). Prints a Markdown table of the results.
#
#   bench/gateway.sh [ACTIONS [EVENTS]]
#
# Builds a Release binary in build-bench/; its output goes to bench/data/.
set -euo pipefail
cd "$(dirname "$0")/.."

actions=${1:-20000}
events=${2:-200000}
if ! [[ "$actions" =~ ^[1-9][0-9]*$ ]] || ! [[ "$events" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/gateway.sh [ACTIONS [EVENTS]]   (default 20000 and 200000)" >&2
  exit 2
fi

source bench/lib.sh
runs=1
source_state=$(describe_sources)
prepare_bench gateway_bench
mkdir -p "$data"
measure gateway 1 build-bench/bench/gateway_bench "$actions" "$events"

{
  echo "| Measurement | Count | Seconds | Per second | Median µs | p99 µs |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %d | %.2f | %d | %s | %s |\n", $1, $2, $3, $4, ($5 == 0 ? "" : $5), ($6 == 0 ? "" : $6) }' \
    "$data/gateway-1.out"
  echo
  echo "Peak memory (RSS) of the whole benchmark, gateway included: $(peak_mib gateway | maximum) MiB."
  echo "$(describe_machine) Source: $source_state."
} | tee "$data/gateway-results.md"
