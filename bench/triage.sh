#!/usr/bin/env bash
# Benchmarks reading replies: `campaign replies classify --file` over the labelled replies of tests/triage (corpus
# and holdout, every language) repeated TIMES times (default 10), as a run reads each reply it receives. 3 runs (RUNS=N
# to change); prints a Markdown table of the median wall time, CPU time, replies per second and peak RSS.
#
#   bench/triage.sh [TIMES]          RUNS=N bench/triage.sh [TIMES]
#
# Builds a Release binary in build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

times=${1:-10}
runs=${RUNS:-3}
if ! [[ "$times" =~ ^[1-9][0-9]*$ ]] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [RUNS=N] bench/triage.sh [TIMES]   (default 10; RUNS default 3)" >&2
  exit 2
fi

source bench/lib.sh
prepare_bench campaign
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT

for ((i = 0; i < times; i++)); do
  cat tests/triage/corpus/*.jsonl tests/triage/holdout/*.jsonl
done >"$folder/replies.jsonl"
replies=$(wc -l <"$folder/replies.jsonl")

walls=() cpus=() rss=()
for ((run = 1; run <= runs; run++)); do
  /usr/bin/time -f '%e %U %S %M' -o "$folder/time" "$campaign" replies classify --file "$folder/replies.jsonl" \
    --format json >/dev/null
  read -r wall user system kib <"$folder/time"
  walls+=("$wall")
  cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')")
  rss+=("$kib")
done
wall=$(printf '%s\n' "${walls[@]}" | median)
cpu=$(printf '%s\n' "${cpus[@]}" | median)
peak=$(printf '%s\n' "${rss[@]}" | median)
echo "| replies | wall (s, median of $runs) | CPU (s) | replies per second | per reply (ms) | peak RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|"
awk -v n="$replies" -v w="$wall" -v c="$cpu" -v m="$peak" 'BEGIN {
  printf "| %d | %.2f | %.2f | %.0f | %.2f | %.1f |\n", n, w, c, n / w, 1000 * c / n, m / 1024 }'
