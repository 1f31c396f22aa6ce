#!/usr/bin/env bash
# The 90-day simulated run of bench/compare.sh (PROSPECTS prospects, default 100,000, and 20 senders) on PostgreSQL
# against the same run on SQLite. One rehearsal, enrolled and not yet sent, is copied by `campaign db copy` into a file
# and into a database of a throwaway server (scripts/lib/postgres.sh, on this machine), and each copy is run on for
# 90 days. The two must send the same actions, row for row; the script says so or fails.
#
#   bench/postgres.sh [PROSPECTS]
#
# The server is the test suite's: on 127.0.0.1, fsync off (it is thrown away), synchronous_commit off as any simulated
# run sets it. Prints a Markdown table, also written to bench/data/postgres.md.
set -euo pipefail
cd "$(dirname "$0")/.."

prospects=${1:-100000}
runs=1 # for measure()'s messages
if ! [[ "$prospects" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/postgres.sh [PROSPECTS]   (default 100000)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign
install_missing_packages postgresql
work="$data/postgres"
rm -rf "$work"
mkdir -p "$work/campaigns"
rm -f "$data"/postgres-*.time "$data"/postgres-*.out
cp -r templates "$work/"
write_bench_campaign "$work/campaigns/bench.yaml"
campaign_file="$work/campaigns/bench.yaml"

server="$work/server"
scripts/lib/postgres.sh start "$server"
trap 'scripts/lib/postgres.sh stop "$server"' EXIT
export PGPASSFILE="$server/pgpass"
server_uri=$(cat "$server/uri")
psql -q "$server_uri" -c "CREATE DATABASE bench"
uri="${server_uri%/*}/bench"

# The rehearsal: every prospect enrolled in the first minute of a Monday (00:00 UTC, before any sender's hours), so
# that nothing is sent before the copies part.
crm="$work/bench.db"
"$campaign" --db "$crm" prospects import "$(make_csv "$prospects")" >/dev/null
"$campaign" --db "$crm" run "$campaign_file" --seed 1 --start 2026-11-23T00:00:00Z --for 1m >/dev/null
measure postgres-copy 1 "$campaign" db copy "$work/bench.rehearsal.db" "$uri"
"$campaign" db copy "$work/bench.rehearsal.db" "$work/file.db" >/dev/null

# The 90 days, on each backend, from the same place.
measure postgres-run-sqlite 1 "$campaign" --db "$work/file.db" run "$campaign_file" --seed 1 --for 90d
measure postgres-run-postgresql 1 "$campaign" --db "$uri" run "$campaign_file" --seed 1 --for 90d
"$campaign" --db "$work/file.db" actions >"$work/actions-sqlite.csv"
"$campaign" --db "$uri" actions >"$work/actions-postgresql.csv"
if ! cmp -s "$work/actions-sqlite.csv" "$work/actions-postgresql.csv"; then
  echo "error: the two backends sent different actions: compare $work/actions-sqlite.csv and" \
    "$work/actions-postgresql.csv" >&2
  exit 1
fi
actions=$(($(wc -l <"$work/actions-sqlite.csv") - 1))

sqlite_s=$(wall_seconds postgres-run-sqlite | median)
postgres_s=$(wall_seconds postgres-run-postgresql | median)
row() { # NAME: wall, CPU of the campaign process, peak RSS, actions per second
  local wall
  wall=$(wall_seconds "$1" | median)
  printf '| %s | %s s | %s s | %s MiB | %s |\n' "$2" "$wall" "$(cpu_seconds "$1" | median)" \
    "$(peak_mib "$1" | maximum)" "$(awk -v a="$actions" -v s="$wall" 'BEGIN { printf "%.0f", a / s }')"
}
{
  echo "90 simulated days, $prospects prospects, 20 senders, $actions actions, the same on both ($source_state):"
  echo
  echo "| backend | wall | CPU (campaign) | peak RSS | actions/s |"
  echo "|---|---|---|---|---|"
  row postgres-run-sqlite "SQLite file"
  row postgres-run-postgresql "PostgreSQL on 127.0.0.1"
  echo
  awk -v p="$postgres_s" -v s="$sqlite_s" 'BEGIN { printf "PostgreSQL / SQLite: %.2fx the wall time\n", p / s }'
  echo "db copy of the enrolled rehearsal into PostgreSQL: $(wall_seconds postgres-copy | median) s"
} | tee "$data/postgres.md"
