#!/usr/bin/env bash
# Benchmarks `campaign report ssi` over an agency's SSI history: SENDERS senders (default 100) with DAYS days each
# (default 730, two years) of snapshots and daily posts, comments and likes, made by bench/make-ssi-db.sql. Times the
# report over every sender in each format, for one sender, and with the longest lags, and the import of that
# activity as a CSV into a fresh database, 3 runs each (RUNS=N to change), and prints a Markdown table of the results.
#
#   bench/ssi.sh [SENDERS [DAYS]]          RUNS=N bench/ssi.sh [SENDERS [DAYS]]
#
# Builds a Release binary in build-bench/; the database goes to bench/data/ and is kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

senders=${1:-100}
days=${2:-730}
runs=${RUNS:-3}
if ! [[ "$senders" =~ ^[1-9][0-9]*$ ]] || ! [[ "$days" =~ ^[1-9][0-9]*$ ]] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [RUNS=N] bench/ssi.sh [SENDERS [DAYS]]   (default 100 senders, 730 days; RUNS default 3)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign

mkdir -p "$data"
db=$(make_ssi_db "$senders" "$days")
snapshots=$(sqlite3 "$db" "SELECT count(*) FROM ssi_snapshots")
activities=$(sqlite3 "$db" "SELECT count(*) FROM activities")
rm -f "$data"/ssi-run-*.time "$data"/ssi-run-*.out

# name|arguments
cases=(
  "table|report ssi"
  "json|report ssi --format json"
  "csv|report ssi --format csv"
  "html|report ssi --format html --out $data/ssi.html"
  "sender|report ssi --sender sender-0001"
  "lag60|report ssi --sender sender-0001 --max-lag 60"
)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$runs"); do # taking turns, so that a slow spell of the machine does not fall on one case only
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    read -r -a arguments <<<"${entry#*|}"
    measure "ssi-run-$name" "$run" "$campaign" --db "$db" "${arguments[@]}"
  done
done
# The activity import: the database's activity as a CSV, into a fresh database each time.
activity_csv="$data/ssi-activity-$senders-$days.csv"
if [ ! -s "$activity_csv" ] || [ "$db" -nt "$activity_csv" ]; then
  sqlite3 -csv -header "$db" "SELECT a.day AS date, s.name AS sender, a.activity, a.count FROM activities a
                              JOIN senders s ON s.id = a.sender_id ORDER BY 2, 1, 3" >"$activity_csv"
fi
import_db="$data/ssi-import.db"
for run in $(seq 1 "$runs"); do
  fresh_db "$import_db"
  "$campaign" --db "$import_db" suppress add bench.example >/dev/null
  measure "ssi-run-import" "$run" "$campaign" --db "$import_db" activity import "$activity_csv"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
correlations=$(grep -c . "$data/ssi-run-csv-1.out")

{
  echo
  echo "$(describe_machine) Source: $source_state. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo
  echo "Database: $senders senders, $snapshots snapshots over $days days, $activities daily activity counts," \
    "$(mib "$db") MiB; the whole report holds $((correlations - 1)) correlations. $runs runs of each."
  echo
  echo "| \`campaign\` | Wall time (s) | Wall range (s) | CPU user+sys (s) | Peak RSS (MiB) |"
  echo "|---|---:|---:|---:|---:|"
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    printf '| `%s` | %s | %s | %s | %s |\n' "${entry#*|}" "$(wall_seconds "ssi-run-$name" | median)" \
      "$(wall_seconds "ssi-run-$name" | range)" "$(cpu_seconds "ssi-run-$name" | median)" \
      "$(peak_mib "ssi-run-$name" | maximum)"
  done
  printf '| `activity import` of %s rows (%s MiB) | %s | %s | %s | %s |\n' "$activities" "$(mib "$activity_csv")" \
    "$(wall_seconds ssi-run-import | median)" "$(wall_seconds ssi-run-import | range)" \
    "$(cpu_seconds ssi-run-import | median)" "$(peak_mib ssi-run-import | maximum)"
} | tee "$data/ssi-results.md"
