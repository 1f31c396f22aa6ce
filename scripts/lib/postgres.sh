#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a cluster made with initdb in a fresh temporary directory, owned by an
# unprivileged user (PostgreSQL refuses to run as root: as root, the cluster is the `postgres` user's), listening on a
# free port of 127.0.0.1 only, with a password for its one role, `campaign`, asked over TCP.
#
#   scripts/lib/postgres.sh start STATE   starts it; STATE (a directory) then holds `uri`, the server's libpq URI
#                                         without a password, and `pgpass`, the password in libpq's password file
#                                         format (for PGPASSFILE)
#   scripts/lib/postgres.sh stop STATE    stops it and removes the cluster
#
# Debian's postgresql package provides the server (scripts/lib/setup.sh installs it).
set -euo pipefail

usage() {
  echo "usage: scripts/lib/postgres.sh start|stop STATE" >&2
  exit 2
}
[ $# -eq 2 ] || usage
action=$1
state=$2

# The server's programs: Debian keeps them out of PATH, under the version's own directory.
server_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: no PostgreSQL server is installed (Debian's postgresql package)" >&2
    exit 1
  fi
  echo "$bin"
}

# as_owner COMMAND...: runs COMMAND as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop() {
  [ -f "$state/cluster" ] || return 0
  local cluster
  cluster=$(cat "$state/cluster")
  if [ -d "$cluster/data" ]; then
    as_owner "$(server_bin)/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster"
  rm -f "$state/cluster" "$state/uri" "$state/pgpass"
}

start() {
  local bin cluster password port
  bin=$(server_bin)
  stop
  mkdir -p "$state"
  cluster=$(mktemp -d /tmp/campaign-postgres.XXXXXX)
  echo "$cluster" >"$state/cluster"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$cluster/password"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres "$cluster"
  fi
  as_owner "$bin/initdb" -D "$cluster/data" -U campaign --pwfile="$cluster/password" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 || {
    cat "$cluster/initdb.log" >&2
    exit 1
  }
  rm -f "$cluster/password"
  # A port of the dynamic range at random, another if it is taken.
  local tries
  for tries in 1 2 3 4 5; do
    port=$((49152 + RANDOM % 16000))
    # A throwaway cluster needs no durability: nothing is kept after the tests.
    if as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster -c fsync=off -c synchronous_commit=off \
          -c full_page_writes=off -c max_connections=100" start >/dev/null; then
      break
    fi
    if [ "$tries" -eq 5 ]; then
      cat "$cluster/server.log" >&2
      exit 1
    fi
  done
  echo "postgresql://campaign@127.0.0.1:$port/postgres" >"$state/uri"
  umask 077
  echo "127.0.0.1:$port:*:campaign:$password" >"$state/pgpass"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
