#!/usr/bin/env bash
# Installs what is missing, builds, and plays the example project end to end in build/demo: init, import the sample
# prospects, validate the example campaigns, preview a message, list the prospects.
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
