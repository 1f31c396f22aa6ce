#!/usr/bin/env bash
# Benchmarks prospect import: wall time and peak memory of `campaign prospects import` on a ROWS-row CSV (default
# 1,000,000), into a fresh database and again into the full one, the peak memory of a ROWS/10-row import beside it, and
# the time of sqlite3's own .import of the same file into an equivalent table. Prints a Markdown table of the results.
#
#   bench/import.sh [ROWS]          RUNS=N bench/import.sh [ROWS]   (each measurement N times; default 3)
#
# Builds a Release binary in build-bench/; generated files (CSV files, databases, raw measurements) go to bench/data/.
# The CSV files are kept for the next run; the databases are made afresh every time.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
runs=${RUNS:-3}
if ! [[ "$rows" =~ ^[1-9][0-9]*$ ]] || [ "$rows" -lt 10 ] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [RUNS=N] bench/import.sh [ROWS]   (ROWS: 10 or more, default 1000000; RUNS default 3)" >&2
  exit 2
fi
small_rows=$((rows / 10))

source bench/lib.sh

# The one summary line of an import: "FILE (csv): inserted N, updated N, unchanged N, rejected N".
import_outcome() {
  sed -n 's/^.* (csv): //p' "$data/$1.out"
}

# expect_outcome NAME-RUN TEXT: the import's summary must be TEXT, or its timing would measure something else.
expect_outcome() {
  local got
  got=$(import_outcome "$1")
  if [ "$got" != "$2" ]; then
    echo "$1: expected '$2', got '$got'" >&2
    exit 1
  fi
}

source_state=$(describe_sources)
prepare_bench campaign

mkdir -p "$data"
rm -f "$data"/*.time "$data"/*.out
big_csv=$(make_csv "$rows")
small_csv=$(make_csv "$small_rows")
db="$data/bench.db"
small_db="$data/bench-small.db"
sqlite_db="$data/sqlite-import.db"

# (d) sqlite3's own CSV import of the same file into an equivalent table.
write_sqlite_import "$data/sqlite-import.sql" "$big_csv"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The runs take turns, so that a slow spell of the machine does not fall on one measurement only.
for run in $(seq 1 "$runs"); do
  # (a) Import into a fresh database, (b) the same file again into the now full database: every row is unchanged.
  fresh_db "$db"
  measure import-fresh "$run" "$campaign" --db "$db" prospects import "$big_csv"
  expect_outcome "import-fresh-$run" "inserted $rows, updated 0, unchanged 0, rejected 0"
  db_mib=$(mib "$db" "$db-wal")
  measure import-again "$run" "$campaign" --db "$db" prospects import "$big_csv"
  expect_outcome "import-again-$run" "inserted 0, updated 0, unchanged $rows, rejected 0"

  # (c) A file a tenth the size, on a fresh database: the peak memory should be about the same.
  fresh_db "$small_db"
  measure import-small "$run" "$campaign" --db "$small_db" prospects import "$small_csv"
  expect_outcome "import-small-$run" "inserted $small_rows, updated 0, unchanged 0, rejected 0"

  # (d)
  fresh_db "$sqlite_db"
  measure sqlite-import "$run" sqlite3 -bail "$sqlite_db" ".read $data/sqlite-import.sql"
  sqlite_count=$(sqlite3 "$sqlite_db" "SELECT count(*) FROM prospects")
  if [ "$sqlite_count" != "$rows" ]; then
    echo "sqlite-import: expected $rows rows, got $sqlite_count" >&2
    exit 1
  fi
  sqlite_mib=$(mib "$sqlite_db" "$sqlite_db-wal")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

row() { # row LABEL NAME OUTCOME
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(wall_seconds "$2" | median)" "$(wall_seconds "$2" | range)" \
    "$(cpu_seconds "$2" | median)" "$(peak_mib "$2" | maximum)" "$3"
}
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' build-bench/CMakeCache.txt)

{
  echo
  echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB RAM, Linux $(uname -r)," \
    "$("$compiler" --version | head -1), sqlite3 $(sqlite3 --version | cut -d' ' -f1). Source: $source_state." \
    "Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after."
  echo
  echo "Prospect import, $rows rows ($(mib "$big_csv") MiB of CSV; the small file: $small_rows rows," \
    "$(mib "$small_csv") MiB). $runs runs of each measurement: the median, the range of wall times, the highest" \
    "peak RSS."
  echo
  echo "| Measurement | Wall time (s) | Wall range (s) | CPU user+sys (s) | Peak RSS (MiB) | Outcome |"
  echo "|---|---:|---:|---:|---:|---|"
  row "(a) \`campaign prospects import\`, $rows rows, fresh database" import-fresh \
    "$(import_outcome import-fresh-1); database $db_mib MiB"
  row "(b) \`campaign prospects import\`, the same $rows rows again" import-again "$(import_outcome import-again-1)"
  row "(c) \`campaign prospects import\`, $small_rows rows, fresh database" import-small \
    "$(import_outcome import-small-1)"
  row "(d) sqlite3 \`.import --csv\`, $rows rows, equivalent table" sqlite-import \
    "$sqlite_count rows; database $sqlite_mib MiB"
} | tee "$data/results.md"
