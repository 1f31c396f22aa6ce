#!/usr/bin/env bash
# Live runners sharing one PostgreSQL CRM: actions per second with 1, 2 and 4 runners on the wall clock, against the
# test suite's gateway on 127.0.0.1 (bench/test_gateway.cpp), with pacing shortened to nothing so that the runners,
# not the senders' gaps, set the pace. PROSPECTS prospects (default 1,000; at most 2,000, as a sender may invite 100 a
# day) over 20 senders, each sent a profile view, an invitation (accepted at once) and a message: three actions a
# prospect. Each count of runners starts on a database of its own and is timed from the first runner's start until 95%
# of the actions are sent (the rate), and until every sequence has ended.
#
#   bench/runners.sh [PROSPECTS]
#
# The server is a throwaway one on this machine (scripts/lib/postgres.sh). Prints a Markdown table, also written to
# bench/data/runners.md.
set -euo pipefail
cd "$(dirname "$0")/.."

prospects=${1:-1000}
if ! [[ "$prospects" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/runners.sh [PROSPECTS]   (default 1000)" >&2
  exit 2
fi

source bench/lib.sh
source_state=$(describe_sources)
source scripts/lib/setup.sh
install_missing_packages time postgresql
# The gateway is the test suite's (bench/test_gateway.cpp), so this configuration has the tests' targets.
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build build-bench -j2 --target campaign test_gateway
campaign=build-bench/campaign
work="$data/runners"
rm -rf "$work"
mkdir -p "$work/campaigns"
cp -r templates "$work/"

server="$work/server"
scripts/lib/postgres.sh start "$server"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  scripts/lib/postgres.sh stop "$server"
}
trap cleanup EXIT
export PGPASSFILE="$PWD/$server/pgpass"
server_uri=$(cat "$server/uri")
export CAMPAIGN_BENCH_GATEWAY_KEY=bench-key

# write_campaign FILE: twenty senders in a zone where it is midday, whose working day ends three minutes from now. The
# day's work is shared out over the sender's hours, so nearly all of it is due already and goes as fast as the runners
# send it; each sender's last actions are held for the last minutes of its day.
write_campaign() {
  local utc_hour offset zone until
  utc_hour=$(date -u +%H)
  offset=$((12 - 10#$utc_hour))
  if [ "$offset" = 0 ]; then
    zone=Etc/UTC
  elif [ "$offset" -gt 0 ]; then
    zone="Etc/GMT-$offset"
  else
    zone="Etc/GMT+$((-offset))"
  fi
  until=$(date -u -d "+$offset hours +3 minutes" +%H:%M)
  {
    echo "campaign: fleet"
    echo "templates: ../templates"
    echo "senders:"
    for i in $(seq 1 20); do
      cat <<YAML
  - id: sender$i
    first_name: Sender
    timezone: $zone
    working_hours:
      days: [mon, tue, wed, thu, fri, sat, sun]
      from: "00:00"
      to: "$until"
    limits:
      per_day:
        view_profile: 100
        connect: 100
        message: 100
      invitations_per_week: 200
    pacing:
      min_gap: 0s
      jitter: 0s
YAML
    done
    cat <<'YAML'
audience:
  tags: [fleet]
steps:
  - id: look
    type: view_profile
  - id: invite
    type: connect
    note: connect-short.mustache
    on:
      accepted: thanks
  - id: thanks
    type: message
    template: thanks.mustache
gateway: gateway.yaml
YAML
  } >"$1"
}

{
  echo "first_name,linkedin_url,tags"
  for i in $(seq 1 "$prospects"); do echo "P$i,https://www.linkedin.com/in/fleet-$i,fleet"; done
} >"$work/people.csv"

results=()
for runners in 1 2 4; do
  uri="${server_uri%/*}/runners$runners"
  psql -q "$server_uri" -c "CREATE DATABASE runners$runners"
  "$campaign" --db "$uri" prospects import "$work/people.csv" >/dev/null
  rm -f "$work/gateway.url"
  build-bench/tests/test_gateway "$CAMPAIGN_BENCH_GATEWAY_KEY" "$work/gateway.url" >"$work/gateway-$runners.out" &
  gateway=$!
  pids=("$gateway")
  while [ ! -s "$work/gateway.url" ]; do sleep 0.1; done
  printf 'profile: engine\nurl: %s\napi_key_env: CAMPAIGN_BENCH_GATEWAY_KEY\npoll_interval: 1s\n' \
    "$(cat "$work/gateway.url")" >"$work/campaigns/gateway.yaml"
  write_campaign "$work/campaigns/fleet.yaml"
  echo "Measuring $runners runners on $prospects prospects" >&2
  start=$(date +%s.%N)
  most=""
  for r in $(seq 1 "$runners"); do
    (cd "$work" && exec "$OLDPWD/$campaign" --db "$uri" run campaigns/fleet.yaml --transport http \
      >"runner-$runners-$r.out" 2>&1) &
    pids+=($!)
  done
  # One query, so that enrolling in between cannot make "none enrolled yet" look like "all ended".
  while [ "$(psql -tA "$uri" -c "SELECT count(*) = 0 OR bool_or(state = 'active') FROM enrollments")" = t ]; do
    # The rate is taken over the first 95% of the actions: the senders' last ones wait for the end of their day.
    if [ -z "$most" ] && [ "$(psql -tA "$uri" -c "SELECT count(*) FROM actions WHERE state = 'sent'")" -ge \
      $((3 * prospects * 95 / 100)) ]; then
      most=$(date +%s.%N)
    fi
    alive=0
    for pid in "${pids[@]:1}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    if [ "$alive" = 0 ]; then
      echo "error: the runners stopped before every sequence ended:" >&2
      cat "$work"/runner-"$runners"-*.out >&2
      exit 1
    fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  for pid in "${pids[@]:1}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" || true; done
  kill -TERM "$gateway"
  wait "$gateway"
  sent=$(psql -tA "$uri" -c "SELECT count(*) FROM actions WHERE state = 'sent'")
  performed=$(awk '{ print $2 }' "$work/gateway-$runners.out")
  if [ "$sent" != "$performed" ] || [ "$sent" != $((3 * prospects)) ]; then
    echo "error: $runners runners: $sent actions sent, $performed performed at the gateway, $((3 * prospects)) due" >&2
    exit 1
  fi
  most=${most:-$end}
  results+=("$(awk -v r="$runners" -v a="$sent" -v s="$start" -v m="$most" -v e="$end" \
    'BEGIN { printf "| %d | %d | %.1f s | %.1f s | %.0f |", r, a, m - s, e - s, 0.95 * a / (m - s) }')")
done

{
  echo "Live runners on one PostgreSQL CRM on 127.0.0.1, $prospects prospects over 20 senders, pacing shortened to"
  echo "nothing, against the test gateway ($source_state):"
  echo
  echo "| runners | actions | 95% sent after | all sent after | actions/s (first 95%) |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${results[@]}"
  echo
  echo "$(describe_machine)"
} | tee "$data/runners.md"
