#!/usr/bin/env bash
# How often `campaign report ssi` finds what is not there, and how often it finds what is, on histories as
# autocorrelated as real ones. For each cell of a grid of activity AR(1) (the log-rate of bursty Poisson counts) by
# SSI-change AR(1), HISTORIES senders of 150 days each are simulated by bench/ssi-history.awk and imported into a
# fresh CRM, and each sender's report is read on its own (`report ssi --sender S`, its defaults: lags 0 to 14,
# weekday means out, q < 0.1), with each --inference:
#
#   - null histories, where activity and SSI are independent: any association at q < 0.1 is a false finding;
#   - planted histories, where each post lifts the brand by 0.25 two days later (the demo's effect): is posts at lag
#     2 the brand's first association, and does the regression's 95% interval of the cumulative effect cover 0.25
#     (over all of them, and over those whose brand stayed under the cap of 25, where the effect is 0.25 throughout)?
#
#   bench/ssi-fdr.sh [HISTORIES]      (default 200 a cell)
#
# Builds a Release binary in build-bench/; the workspace goes to bench/data/ssi-fdr/ and the table, in Markdown, to
# bench/data/ssi-fdr-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

histories=${1:-200}
if ! [[ "$histories" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/ssi-fdr.sh [HISTORIES]   (simulated senders in each cell; default 200)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
prepare_bench campaign

work="$data/ssi-fdr"
rm -rf "$work"
mkdir -p "$work"
activity_ar=(0 0.5 0.85 0.95)
change_ar=(0 0.3 0.6)
methods=(prewhitened plain)
senders=$(seq -f 'h%03g' 1 "$histories")

# simulate CELL PHI_X PHI_Y EFFECT SEED: CELL's database of simulated senders.
simulate() {
  local dir="$work/$1"
  mkdir -p "$dir"
  awk -v seed="$5" -v senders="$histories" -v days=150 -v phi_x="$2" -v phi_y="$3" -v effect="$4" -v dir="$dir" \
    -f bench/ssi-history.awk
  "$campaign" --db "$dir/campaign.db" ssi import "$dir/ssi.csv" >/dev/null
  "$campaign" --db "$dir/campaign.db" activity import "$dir/activity.csv" >/dev/null
  # The senders whose brand reached the cap of 25, where a post can no longer lift it by the planted 0.25.
  awk -F, 'NR > 1 && $3 >= 25 { print $2 }' "$dir/ssi.csv" | sort -u >"$dir/capped"
}

# findings DB METHOD SENDER: "SENDER all other first covers": all is the associations at q < 0.1, other those but
# the planted one (posts at lag 2 on the brand or the total), first the brand's first association (activity/lag, or
# none), and covers 1 when the regression's interval of the posts' cumulative effect on the brand holds 0.25.
findings() {
  local db=$1 method=$2 sender=$3 found
  found=$("$campaign" --db "$db" report ssi --sender "$sender" --inference "$method" --format csv \
    --section correlations | awk -F, 'NR > 1 && $10 < 0.1 { print $2, $3, $4, $10, ($6 < 0 ? -$6 : $6) }')
  local all other first covers
  all=$(awk NF <<<"$found" | wc -l)
  other=$(awk 'NF && !(($1 == "brand" || $1 == "total") && $2 == "posts" && $3 == 2)' <<<"$found" | wc -l)
  first=$(awk '$1 == "brand" { print $4, $5, $2 "/" $3 }' <<<"$found" | sort -k1,1g -k2,2gr | sed -n 1p |
    cut -d' ' -f3)
  covers=$("$campaign" --db "$db" report ssi --sender "$sender" --inference "$method" --format csv \
    --section regressions |
    awk -F, '$2 == "brand" && $3 == "posts" && $6 == "cumulative" { print ($11 <= 0.25 && 0.25 <= $12) ? 1 : 0 }')
  echo "$sender $all $other ${first:-none} ${covers:-0}"
}
export -f findings
export campaign

seed=0
for phi_x in "${activity_ar[@]}"; do
  for phi_y in "${change_ar[@]}"; do
    for kind in null planted; do
      seed=$((seed + 1))
      cell="$kind-$phi_x-$phi_y"
      echo "Simulating $histories $kind histories, activity AR $phi_x, SSI-change AR $phi_y" >&2
      simulate "$cell" "$phi_x" "$phi_y" "$([ "$kind" = planted ] && echo 0.25 || echo 0)" "$seed"
      for method in "${methods[@]}"; do
        # Both cores: the senders' reports are independent.
        xargs -P 2 -I{} bash -c "findings '$work/$cell/campaign.db' $method {}" <<<"$senders" \
          >"$work/$cell/$method.txt"
      done
      rm -f "$work/$cell"/*.csv
    done
  done
done

# share FILE CONDITION: "k of n, p% ± se" of the lines of FILE where the awk CONDITION holds.
share() {
  awk "$2 { k++ } END { p = k / NR; printf \"%.1f%% ± %.1f\", 100 * p, 100 * sqrt(p * (1 - p) / NR) }" "$1"
}
# share_under_cap CELL FILE CONDITION: share, over the senders of CELL whose brand stayed under the cap.
share_under_cap() {
  awk -v capped="$work/$1/capped" "BEGIN { while ((getline s < capped) > 0) cap[s] = 1 }
    !(\$1 in cap) { n++; if ($3) k++ }
    END { p = k / n; printf \"%.1f%% ± %.1f (%d)\", 100 * p, 100 * sqrt(p * (1 - p) / n), n }" "$2"
}
mean_of() {
  awk "{ s += \$$2 } END { printf \"%.2f\", s / NR }" "$1"
}

{
  echo
  echo "$(describe_machine) Source: $source_state."
  echo
  echo "Each cell: $histories simulated senders of 150 days (bench/ssi-history.awk: posts, comments and likes as"
  echo "Poisson counts whose log-rate is an AR(1) of sd 1; pillar changes an AR(1) of sd 0.05 shown to two decimals),"
  echo "each sender's \`report ssi\` on its own with its defaults (lags 0 to 14, weekday means out, q < 0.1). ± is the"
  echo "standard error of the share."
  echo
  echo "| activity AR(1) | SSI-change AR(1) | method | null: senders with a finding | null: findings per sender |" \
    "planted: brand's first association is posts at lag 2 | planted: other findings per sender |" \
    "planted: regression's 95% interval covers 0.25 | planted, brand under the cap: interval covers 0.25 (senders) |"
  echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|"
  for phi_x in "${activity_ar[@]}"; do
    for phi_y in "${change_ar[@]}"; do
      for method in "${methods[@]}"; do
        null="$work/null-$phi_x-$phi_y/$method.txt"
        planted="$work/planted-$phi_x-$phi_y/$method.txt"
        echo "| $phi_x | $phi_y | $method | $(share "$null" '$2 > 0') | $(mean_of "$null" 2) |" \
          "$(share "$planted" '$4 == "posts/2"') | $(mean_of "$planted" 3) | $(share "$planted" '$5 == 1') |" \
          "$(share_under_cap "planted-$phi_x-$phi_y" "$planted" '$5 == 1') |"
      done
    done
  done
} | tee "$data/ssi-fdr-results.md"
