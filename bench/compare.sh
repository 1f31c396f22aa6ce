#!/usr/bin/env bash
# Each comparison the product's speed is judged by, side by side with its anchor on this machine, as ratios against
# their goals:
#
# - the import of a ROWS-row prospect CSV (default 1,000,000) against sqlite3's `.import` of the same file into an
#   equivalent table with the same unique index (goal: at most 1.3 times its time);
# - a simulated 90-day run of PROSPECTS prospects (default 100,000) and 20 senders (bench/run.sh's campaign) against the
#   same action rows written into the product's own `actions` table, indexes and triggers, in one transaction and one
#   commit per row (goal: at most 5 s, at least 35% of the batched rate);
# - a dry-run forecast of 30 days over the same prospects (goal: at most 2 s);
# - the SSI report over 300 senders' two years (goal: at most 3 s).
#
# With INSTRUCTIONS=1 (the default), the instructions behind the first two, counted by callgrind on smaller inputs
# (20,000 rows; 2,000 prospects over 10 days): per imported row and per action, product and anchor.
#
#   bench/compare.sh [ROWS [PROSPECTS]]      INSTRUCTIONS=0 bench/compare.sh
#
# Builds a Release binary in build-bench/; generated files go to bench/data/. Prints a Markdown table, also written to
# bench/data/compare.md.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
prospects=${2:-100000}
instructions=${INSTRUCTIONS:-1}
runs=1 # for measure()'s messages
if ! [[ "$rows" =~ ^[1-9][0-9]*$ ]] || ! [[ "$prospects" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [INSTRUCTIONS=0] bench/compare.sh [ROWS [PROSPECTS]]   (defaults 1000000 and 100000)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign action_anchor
if [ "$instructions" = 1 ]; then
  install_missing_packages valgrind
fi
anchor=build-bench/bench/action_anchor
mkdir -p "$data/compare/campaigns"
rm -f "$data"/compare-*.time "$data"/compare-*.out
cp -r templates "$data/compare/"
write_bench_campaign "$data/compare/campaigns/bench.yaml"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# The import and its anchor.
csv=$(make_csv "$rows")
db="$data/compare/import.db"
fresh_db "$db"
measure compare-import 1 "$campaign" --db "$db" prospects import "$csv"
write_sqlite_import "$data/compare/sqlite-import.sql" "$csv"
fresh_db "$data/compare/sqlite-import.db"
measure compare-sqlite-import 1 sqlite3 -bail "$data/compare/sqlite-import.db" ".read $data/compare/sqlite-import.sql"

# The run and its anchors, over a CRM of PROSPECTS prospects.
crm="$data/compare/bench.db"
fresh_db "$crm"
"$campaign" --db "$crm" prospects import "$(make_csv "$prospects")" >/dev/null
rehearsal="$data/compare/bench.rehearsal.db"
fresh_db "$rehearsal"
rm -f "$rehearsal.mock-journal.jsonl" "$rehearsal.run-lock"
campaign_file="$data/compare/campaigns/bench.yaml"
measure compare-run 1 "$campaign" --db "$crm" run "$campaign_file" --seed 1 --start 2026-11-23T00:00:00Z --for 90d
actions=$(sqlite3 "$rehearsal" "SELECT count(*) FROM actions")
measure compare-anchor-batched 1 "$anchor" "$rehearsal" "$data/compare/anchor.db" batched
measure compare-anchor-per-row 1 "$anchor" "$rehearsal" "$data/compare/anchor.db" per-row
anchor_rate() { sed -n 's/.*: \([0-9]*\) rows\/s$/\1/p' "$data/compare-anchor-$1-1.out"; }

measure compare-forecast 1 "$campaign" --db "$crm" run "$campaign_file" --dry-run --seed 1 \
  --start 2026-11-23T00:00:00Z --for 30d

ssi_db=$(make_ssi_db 300 730)
measure compare-ssi 1 "$campaign" --db "$ssi_db" report ssi

# Instructions, on inputs small enough for callgrind.
# count_instructions NAME [VALGRIND OPTION...] -- COMMAND...: the instructions COMMAND executes
count_instructions() {
  local name=$1 options=()
  shift
  while [ "$1" != -- ]; do
    options+=("$1")
    shift
  done
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "${options[@]}" "$@" >"$data/compare-$name.callgrind.out" \
    2>&1 || { cat "$data/compare-$name.callgrind.out" >&2; exit 1; }
  sed -n 's/.*Collected : \([0-9]*\)/\1/p' "$data/compare-$name.callgrind.out"
}
per() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.0f", n / d }'; }
if [ "$instructions" = 1 ]; then
  echo "Counting instructions (callgrind)" >&2
  small_csv=$(make_csv 20000)
  fresh_db "$data/compare/small.db"
  import_instructions=$(per "$(count_instructions import -- "$campaign" --db "$data/compare/small.db" prospects import \
    "$small_csv")" 20000)
  write_sqlite_import "$data/compare/small-import.sql" "$small_csv"
  fresh_db "$data/compare/small-sqlite.db"
  sqlite_instructions=$(per "$(count_instructions sqlite-import -- sqlite3 -bail "$data/compare/small-sqlite.db" \
    ".read $data/compare/small-import.sql")" 20000)
  small_crm="$data/compare/small-run.db"
  fresh_db "$small_crm"
  fresh_db "$data/compare/small-run.rehearsal.db"
  rm -f "$data/compare/small-run.rehearsal.db.mock-journal.jsonl"
  "$campaign" --db "$small_crm" prospects import "$(make_csv 2000)" >/dev/null
  run_total=$(count_instructions run -- "$campaign" --db "$small_crm" run "$campaign_file" --seed 1 \
    --start 2026-11-23T00:00:00Z --for 10d)
  small_actions=$(sqlite3 "$data/compare/small-run.rehearsal.db" "SELECT count(*) FROM actions")
  run_instructions=$(per "$run_total" "$small_actions")
  anchor_instructions=$(per "$(count_instructions anchor --collect-atstart=no \
    "--toggle-collect=*write_rows*" -- "$anchor" "$data/compare/small-run.rehearsal.db" \
    "$data/compare/small-anchor.db" batched)" "$small_actions")
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }'; }
seconds() { wall_seconds "$1" | median; }
rss() { peak_mib "$1" | maximum; }
import_s=$(seconds compare-import)
sqlite_s=$(seconds compare-sqlite-import)
run_s=$(seconds compare-run)
run_rate=$(awk -v a="$actions" -v w="$run_s" 'BEGIN { printf "%.0f", a / w }')

{
  echo
  echo "$(describe_machine) Source: $source_state. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo
  echo "| what | anchor | product | ratio | goal |"
  echo "|---|---|---|---|---|"
  echo "| import of a $rows-row prospect CSV | sqlite3 \`.import\` into an equivalent table: $sqlite_s s," \
    "$(rss compare-sqlite-import) MiB | $import_s s, $(rss compare-import) MiB |" \
    "$(ratio "$import_s" "$sqlite_s")x | <= 1.3x |"
  echo "| 90 simulated days, $prospects prospects, 20 senders | the same $actions action rows into the product's" \
    "\`actions\` table, batched: $(anchor_rate batched) rows/s; one commit per row: $(anchor_rate per-row) rows/s |" \
    "$run_s s, $run_rate actions/s, $(rss compare-run) MiB |" \
    "$(percent "$run_rate" "$(anchor_rate batched)") of batched, $(percent "$run_rate" "$(anchor_rate per-row)")" \
    "of per-row | <= 5 s, >= 35% of batched |"
  echo "| dry-run forecast of 30 days over $prospects prospects | - | $(seconds compare-forecast) s," \
    "$(rss compare-forecast) MiB | - | <= 2 s |"
  echo "| SSI report, 300 senders, 730 days each | - | $(seconds compare-ssi) s, $(cpu_seconds compare-ssi) s of CPU," \
    "$(rss compare-ssi) MiB | - | <= 3 s |"
  if [ "$instructions" = 1 ]; then
    echo
    echo "Instructions (callgrind):"
    echo
    echo "| what | anchor | product | ratio |"
    echo "|---|---:|---:|---:|"
    echo "| per imported row (20,000 rows) | $sqlite_instructions | $import_instructions |" \
      "$(ratio "$import_instructions" "$sqlite_instructions")x |"
    echo "| per action (2,000 prospects, 10 days: $small_actions actions; the whole run, its checks and enrolment" \
      "included) | $anchor_instructions | $run_instructions | $(ratio "$run_instructions" "$anchor_instructions")x |"
  fi
} | tee "$data/compare.md"
