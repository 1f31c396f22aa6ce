#!/usr/bin/env bash
# Installs what is missing, builds, and plays the example project end to end in build/demo: init, import the sample
# prospects, validate the example campaigns, preview a message, forecast two days, import the senders' off-campaign
# activity, run the example campaign for 90 simulated days on the mock transport (which also simulates each
# sender's SSI), show where it stands and what it did, and end with the reply report and the SSI report, in the
# terminal and as HTML pages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

install_missing_packages
build default campaign

campaign="$PWD/build/campaign"
demo="$PWD/build/demo"
rm -rf "$demo"
mkdir -p "$demo"
cd "$demo"
export CAMPAIGN_DB="$demo/campaign.db"

step() { printf '\n$ campaign %s\n' "$*"; "$campaign" "$@"; }

step init
step prospects import prospects.csv --tag demo
step validate campaigns/*.yaml
step template render templates/thanks.mustache --prospect 2 --campaign campaigns/founders-intro.yaml
step prospects list --tag founders --limit 10
step prospects show 2
step run campaigns/founders-intro.yaml --dry-run --for 2d --seed 7 --start 2026-11-23T06:00:00Z
step activity import activity.csv
# A rehearsal: 90 simulated days in campaign.rehearsal.db, a copy of the CRM; campaign.db records nothing of it.
step run campaigns/founders-intro.yaml --for 90d --seed 7 --start 2026-11-23T06:00:00Z
step --rehearsal status
printf '\n$ campaign --rehearsal actions --campaign founders-intro > actions.csv\n'
"$campaign" --rehearsal actions --campaign founders-intro >actions.csv
echo "$(($(wc -l <actions.csv) - 1)) actions in build/demo/actions.csv; the first three:"
sed -n 1,4p actions.csv
# Prospects are routed to the sender of their part of the world, and Marcus's account is new: its warm-up holds his
# invitations to 5 a day in its first week, and Thanksgiving (26 November) is a holiday of his US calendar.
echo "marcus's invitations by local day: 5 a day while his account warms up, none on Thanksgiving:"
awk -F, 'NR > 1 && $3 == "marcus" && $7 == "connect" { print substr($2, 1, 10) }' actions.csv | sort | uniq -c | head -8
step --rehearsal report replies --latest 10
step --rehearsal report replies --format html --out report.html
step --rehearsal report ssi
step --rehearsal report ssi --format html --out ssi.html
# The live CRM is as the import left it, ready for a live run (--transport http) with nobody used up.
step rehearsal
step status
echo "Open build/demo/report.html and build/demo/ssi.html in a browser for the same reports with their charts."
