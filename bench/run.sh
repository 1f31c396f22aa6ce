#!/usr/bin/env bash
# Benchmarks campaign runs: a simulated 90-day campaign over PROSPECTS prospects (default 100,000) and 20 senders on
# the mock transport (wall time, actions per second, peak memory), and the time of one tick of the run loop with
# 10,000 and 1,000,000 enrollments in the database. Prints a Markdown table of the results.
#
#   bench/run.sh [PROSPECTS]          RUNS=N bench/run.sh [PROSPECTS]   (the 90-day run N times; default 1)
#
# Builds a Release binary in build-bench/; generated files go to bench/data/.
set -euo pipefail
cd "$(dirname "$0")/.."

prospects=${1:-100000}
runs=${RUNS:-1}
if ! [[ "$prospects" =~ ^[1-9][0-9]*$ ]] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [RUNS=N] bench/run.sh [PROSPECTS]   (default 100000; RUNS default 1)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign tick_bench

mkdir -p "$data/run/campaigns"
rm -f "$data"/run-*.time "$data"/run-*.out
csv=$(make_csv "$prospects")
cp -r templates "$data/run/"

campaign_file="$data/run/campaigns/bench.yaml"
write_bench_campaign "$campaign_file"

db="$data/run/bench.db"
rehearsal="$data/run/bench.rehearsal.db" # where a run on the mock transport works
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$runs"); do
  fresh_db "$db"
  fresh_db "$rehearsal"
  rm -f "$db.mock-journal.jsonl" "$db.run-lock" "$rehearsal.mock-journal.jsonl" "$rehearsal.run-lock"
  "$campaign" --db "$db" prospects import "$csv" >/dev/null
  measure run-90d "$run" "$campaign" --db "$db" run "$campaign_file" --seed 1 --start 2026-11-23T00:00:00Z --for 90d
done
actions=$(sqlite3 "$rehearsal" "SELECT count(*) FROM actions")
sent=$(sqlite3 "$rehearsal" "SELECT count(*) FROM actions WHERE state = 'sent'")
enrolled=$(sqlite3 "$rehearsal" "SELECT count(*) FROM enrollments")
wall=$(wall_seconds run-90d | median)

for enrollments in 10000 1000000; do
  echo "Measuring a tick with $enrollments enrollments" >&2
  build-bench/bench/tick_bench "$enrollments" "$data/tick.db" >"$data/run-tick-$enrollments.out"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
tick() { sed -n 's/.* \([0-9]*\) us per tick/\1/p' "$data/run-tick-$1.out"; }

{
  echo
  echo "$(describe_machine) Source: $source_state. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo
  echo "| Measurement | Wall time (s) | CPU user+sys (s) | Peak RSS (MiB) | Outcome |"
  echo "|---|---:|---:|---:|---|"
  printf '| `campaign run --for 90d`, %s prospects, 20 senders (median of %s) | %s | %s | %s | %s enrolled, %s actions (%s sent), %.0f actions/s |\n' \
    "$prospects" "$runs" "$wall" "$(cpu_seconds run-90d | median)" "$(peak_mib run-90d | maximum)" \
    "$enrolled" "$actions" "$sent" "$(awk -v a="$actions" -v w="$wall" 'BEGIN { print a / w }')"
  echo
  echo "| Enrollments in the database | Mean time of one tick (µs) |"
  echo "|---:|---:|"
  echo "| 10,000 | $(tick 10000) |"
  echo "| 1,000,000 | $(tick 1000000) |"
} | tee "$data/run-results.md"
