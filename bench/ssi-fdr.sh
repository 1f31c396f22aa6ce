#!/usr/bin/env bash
# How often `campaign report ssi` finds what is not there, and how often it finds what is. Each seed is a sender who
# posts on irregular days (zero on most; the counts drawn afresh for every seed) and 120 days of SSI simulated by
# `campaign run` from 2026-01-05, with the mock model's default noise and quiet days:
#
#   - NULL seeds (default 200) with no effect of activity at all: every association at q < 0.1 is a false discovery;
#   - PLANTED seeds (default 50) where each post lifts the brand by 0.2 two days later: is posts at lag 2 the brand's
#     first association, and does the distributed-lag regression's 95% interval of the cumulative effect cover 0.2?
#
#   bench/ssi-fdr.sh [NULL [PLANTED]]
#
# Builds a Release binary in build-bench/; the workspace goes to bench/data/ssi-fdr/ and the table, in Markdown, to
# bench/data/ssi-fdr-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

null_seeds=${1:-200}
planted_seeds=${2:-50}
if ! [[ "$null_seeds" =~ ^[1-9][0-9]*$ ]] || ! [[ "$planted_seeds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/ssi-fdr.sh [NULL [PLANTED]]   (seeds without and with the planted effect; default 200 50)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign

work="$data/ssi-fdr"
rm -rf "$work"
mkdir -p "$work/templates"
db="$work/campaign.db"
printf 'linkedin_url,first_name,tags\nhttps://linkedin.com/in/someone,Sam,partners\n' >"$work/people.csv"
for day in $(seq -3 119); do # three days before the first, which the lags reach back to
  date -u -d "2026-01-05 $day days" +%F
done >"$work/days.txt"

# campaign_file EFFECTS: the sender's campaign, whose mock model simulates her SSI with EFFECTS.
campaign_file() {
  cat <<EOF
campaign: posting
templates: templates
senders:
  - id: alice
    timezone: Europe/Paris
    working_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:30"}
audience:
  tags: [founders]
steps:
  - id: look
    type: view_profile
mock:
  ssi:
    start: {brand: 6, people: 11.8, insights: 9.6, relationships: 13.1}
$1
EOF
}
campaign_file "" >"$work/null.yaml"
campaign_file "    effects: [{activity: posts, pillar: brand, per: 0.2, lag: 2d}]" >"$work/planted.yaml"

# simulate MODEL SEED: a fresh database with the seed's posts and its simulated SSI.
simulate() {
  fresh_db "$db"
  rm -f "$db.mock-journal.jsonl" "$db.run-lock"
  awk -v seed="$2" 'BEGIN { srand(seed); print "date,activity,count,sender" }
    { u = rand(); print $1 ",posts," (u < 0.65 ? 0 : u < 0.85 ? 1 : u < 0.95 ? 2 : 3) ",alice" }' \
    "$work/days.txt" >"$work/posts.csv"
  "$campaign" --db "$db" prospects import "$work/people.csv" >/dev/null
  "$campaign" --db "$db" activity import "$work/posts.csv" >/dev/null
  "$campaign" --db "$db" run "$work/$1.yaml" --for 120d --seed "$2" --start 2026-01-05T06:00:00Z >/dev/null
}

# Of the correlations CSV: the associations at q < 0.1, one a line, "measure activity lag q |r|".
discoveries() {
  "$campaign" --db "$db" report ssi --format csv --section correlations |
    awk -F, 'NR > 1 && $10 < 0.1 { print $2, $3, $4, $10, ($6 < 0 ? -$6 : $6) }'
}

echo "Simulating $null_seeds histories without an effect" >&2
for seed in $(seq 1 "$null_seeds"); do
  simulate null "$seed"
  discoveries | wc -l
done >"$work/null.txt"

echo "Simulating $planted_seeds histories with the planted effect" >&2
for seed in $(seq 1 "$planted_seeds"); do
  simulate planted "$seed"
  found=$(discoveries)
  # The report's order: by q, then by the size of the correlation.
  first=$(awk '$1 == "brand" { print $4, $5, $2 "/" $3 }' <<<"$found" | sort -k1,1g -k2,2gr | sed -n 1p | cut -d' ' -f3)
  false_found=$(awk 'NF && !(($1 == "brand" || $1 == "total") && $2 == "posts" && $3 == 2)' <<<"$found" | wc -l)
  all_found=$(awk NF <<<"$found" | wc -l)
  covers=$("$campaign" --db "$db" report ssi --format csv --section regressions |
    awk -F, '$2 == "brand" && $3 == "posts" && $6 == "cumulative" { print ($11 <= 0.2 && 0.2 <= $12) ? 1 : 0 }')
  echo "${first:-none} $covers $false_found $all_found"
done >"$work/planted.txt"

null_share=$(awk '$1 > 0 { k++ } END { printf "%d of %d (%.1f%%)", k, NR, 100 * k / NR }' "$work/null.txt")
null_mean=$(awk '{ s += $1 } END { printf "%.3f", s / NR }' "$work/null.txt")
null_most=$(sort -g "$work/null.txt" | tail -1)
found_share=$(awk '$1 == "posts/2" { k++ } END { printf "%d of %d (%.1f%%)", k, NR, 100 * k / NR }' "$work/planted.txt")
covered_share=$(awk '$2 == 1 { k++ } END { printf "%d of %d (%.1f%%)", k, NR, 100 * k / NR }' "$work/planted.txt")
planted_false=$(awk '{ s += $3 } END { printf "%.3f", s / NR }' "$work/planted.txt")
planted_fdr=$(awk '{ s += $4 > 0 ? $3 / $4 : 0 } END { printf "%.3f", s / NR }' "$work/planted.txt")

{
  echo
  echo "$(describe_machine) Source: $source_state."
  echo
  echo "Each seed: 120 days of SSI simulated by \`campaign run --for 120d --seed N\`, posts on irregular days (65% of"
  echo "days none), \`report ssi\` with its defaults (lags 0 to 14, weekday means removed, q < 0.1)."
  echo
  echo "| Histories | Seeds | Seeds with an association at q < 0.1 | False discoveries per seed (mean) | Most in one seed |"
  echo "|---|---:|---:|---:|---:|"
  echo "| no effect | $null_seeds | $null_share | $null_mean | $null_most |"
  echo
  echo "| Planted: posts lift the brand by 0.2 after 2 days | Seeds |"
  echo "|---|---:|"
  echo "| brand's first association is posts at lag 2 | $found_share |"
  echo "| the regression's 95% interval of the cumulative effect covers 0.2 | $covered_share |"
  echo "| false discoveries per seed (mean; anything but brand or total, posts, lag 2) | $planted_false |"
  echo "| false discovery proportion (mean over seeds) | $planted_fdr |"
} | tee "$data/ssi-fdr-results.md"
rm -rf "$work"
