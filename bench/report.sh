#!/usr/bin/env bash
# Benchmarks `campaign report replies` over a database of about a million actions: ENROLLMENTS enrollments (default
# 300,000) in 4 campaigns and 40 senders over a year, made by bench/make-report-db.sql. Times the whole report in
# each format and with filters, 3 runs each (RUNS=N to change), and prints a Markdown table of the results.
#
#   bench/report.sh [ENROLLMENTS]          RUNS=N bench/report.sh [ENROLLMENTS]
#
# Builds a Release binary in build-bench/; the database goes to bench/data/ and is kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

enrollments=${1:-300000}
runs=${RUNS:-3}
if ! [[ "$enrollments" =~ ^[1-9][0-9]*$ ]] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [RUNS=N] bench/report.sh [ENROLLMENTS]   (default 300000; RUNS default 3)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign

mkdir -p "$data"
db="$data/report-$enrollments.db"
if [ ! -s "$db" ] || [ bench/make-report-db.sql -nt "$db" ]; then
  echo "Making $db" >&2
  fresh_db "$db.tmp"
  "$campaign" --db "$db.tmp" suppress add bench.example >/dev/null # the program's own schema
  sed "s/:enrollments/$enrollments/" bench/make-report-db.sql | sqlite3 "$db.tmp" >/dev/null
  mv "$db.tmp" "$db"
fi
actions=$(sqlite3 "$db" "SELECT count(*) FROM actions")
events=$(sqlite3 "$db" "SELECT count(*) FROM events")
rm -f "$data"/report-run-*.time "$data"/report-run-*.out

# name|arguments
cases=(
  "table|report replies"
  "json|report replies --format json"
  "csv|report replies --format csv"
  "html|report replies --format html --out $data/report.html"
  "campaign|report replies --campaign founders-intro"
  "month|report replies --since 2026-06-01 --until 2026-06-30"
)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$runs"); do # taking turns, so that a slow spell of the machine does not fall on one case only
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    read -r -a arguments <<<"${entry#*|}"
    measure "report-run-$name" "$run" "$campaign" --db "$db" "${arguments[@]}"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo
  echo "$(describe_machine) Source: $source_state. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo
  echo "Database: $enrollments enrollments, $actions actions, $events events, $(mib "$db") MiB. $runs runs of each."
  echo
  echo "| \`campaign\` | Wall time (s) | Wall range (s) | CPU user+sys (s) | Peak RSS (MiB) |"
  echo "|---|---:|---:|---:|---:|"
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    printf '| `%s` | %s | %s | %s | %s |\n' "${entry#*|}" "$(wall_seconds "report-run-$name" | median)" \
      "$(wall_seconds "report-run-$name" | range)" "$(cpu_seconds "report-run-$name" | median)" \
      "$(peak_mib "report-run-$name" | maximum)"
  done
} | tee "$data/report-results.md"
