# What the benchmark scripts share: where things are, generated prospect files, running a command under GNU time and
# reading its figures back. Sourced from the repository root.

data=bench/data
campaign=build-bench/campaign
time_tool=/usr/bin/time
python=/usr/bin/python3

# make_csv ROWS: the path of a ROWS-row prospect file, generated the first time.
make_csv() {
  local file="$data/prospects-$1.csv"
  if [ ! -s "$file" ]; then
    echo "Generating $file" >&2
    "$python" bench/make-prospects.py "$1" >"$file.tmp"
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# prepare_bench TARGET...: the Debian packages the benchmarks need, and a Release build of TARGETs in build-bench/.
prepare_bench() {
  source scripts/lib/setup.sh
  install_missing_packages time sqlite3 libmstch-dev # mstch: the anchor of bench/render.sh
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build build-bench -j2 --target "$@"
}

fresh_db() {
  rm -f "$1" "$1-wal" "$1-shm"
}

# measure NAME RUN COMMAND...: runs COMMAND under GNU time; its output goes to $data/NAME-RUN.out, the measurements to
# $data/NAME-RUN.time. Stops the benchmark when COMMAND fails.
measure() {
  local name=$1 run=$2
  shift 2
  echo "Measuring $name (run $run of $runs): $*" >&2
  if ! "$time_tool" -v -o "$data/$name-$run.time" "$@" >"$data/$name-$run.out" 2>&1; then
    echo "$name failed:" >&2
    cat "$data/$name-$run.out" "$data/$name-$run.time" >&2
    exit 1
  fi
}

# The figures GNU time reported for every run of NAME, one a line: wall seconds, CPU seconds, peak RSS in MiB.
wall_seconds() { # the elapsed time is "1:02:03" or "2:03.45"
  sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$data/$1"-*.time |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'
}
cpu_seconds() {
  local file
  for file in "$data/$1"-*.time; do
    awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s }' "$file"
  done
}
peak_mib() {
  awk -F': ' '/Maximum resident set size/ { print $2 / 1024 }' "$data/$1"-*.time
}

# Of numbers one a line: median, min, max.
median() {
  sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f–%.1f", lo, hi }'; }
maximum() { sort -g | tail -1 | awk '{ printf "%.1f", $1 }'; }

mib() {
  local total=0 file
  for file in "$@"; do
    [ -e "$file" ] && total=$((total + $(stat -c %s "$file")))
  done
  awk -v bytes="$total" 'BEGIN { printf "%.1f", bytes / 1048576 }'
}

# What is measured: the sources as they are now, committed or not.
describe_sources() {
  local state=unknown commit
  if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    state="commit $commit"
    if [ -n "$(git status --porcelain -- src CMakeLists.txt cmake bench)" ]; then
      state+=" with uncommitted changes to the sources"
    fi
  fi
  echo "$state"
}

describe_machine() {
  local compiler
  compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' build-bench/CMakeCache.txt)
  echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB RAM, Linux $(uname -r)," \
    "$("$compiler" --version | head -1)."
}

# write_bench_campaign FILE: the campaign of the run benchmarks. Twenty senders in five time zones, every prospect of
# make-prospects.py in the audience (each has two of its tags), the example's sequence of steps.
write_bench_campaign() {
  {
    echo "campaign: bench"
    echo "senders:"
    local zones=(Europe/Paris America/New_York Asia/Kolkata Europe/London America/Los_Angeles)
    local i
    for i in $(seq 1 20); do
      echo "  - id: sender$i"
      echo "    first_name: Sender"
      echo "    timezone: ${zones[$((i % 5))]}"
    done
    cat <<'YAML'
audience:
  any_tags: [founders, saas, fintech, healthtech, vp-sales, marketing, europe, north-america, apac, customer,
             webinar-2024, trade-show, inbound, partner, q3-list, enterprise]
steps:
  - id: look
    type: view_profile
  - id: invite
    type: connect
    after: 1d
    note: connect-short.mustache
    on:
      accepted: thanks
      not_accepted:
        within: 21d
        goto: withdraw
  - id: thanks
    type: message
    after: 1d
    template: thanks.mustache
    on:
      replied: end
      no_reply:
        within: 5d
        goto: nudge
  - id: nudge
    type: message
    template: nudge.mustache
    on:
      replied: end
      no_reply:
        within: 7d
        goto: end
  - id: withdraw
    type: withdraw_invite
YAML
  } >"$1"
}

# make_ssi_db SENDERS DAYS: the path of a database of SENDERS senders' SSI history of DAYS days (make-ssi-db.sql),
# made the first time.
make_ssi_db() {
  local db="$data/ssi-$1-$2.db"
  if [ ! -s "$db" ] || [ bench/make-ssi-db.sql -nt "$db" ]; then
    echo "Making $db" >&2
    fresh_db "$db.tmp"
    "$campaign" --db "$db.tmp" suppress add bench.example >/dev/null # the program's own schema
    sed -e "s/:senders/$1/" -e "s/:days/$2/" bench/make-ssi-db.sql | sqlite3 "$db.tmp" >/dev/null
    mv "$db.tmp" "$db"
  fi
  echo "$db"
}

# write_sqlite_import SQL CSV: the anchor of the prospect import, as a script for the sqlite3 shell: CSV's rows into an
# equivalent table (the same columns as text, a unique index on the profile URL made before the import), in WAL mode,
# in one transaction.
write_sqlite_import() {
  cat >"$1" <<EOF
PRAGMA journal_mode = WAL;
CREATE TABLE prospects (
    first_name TEXT, last_name TEXT, linkedin_url TEXT, email TEXT, company TEXT, title TEXT, location TEXT,
    industry TEXT, tags TEXT, employees TEXT, city TEXT
);
CREATE UNIQUE INDEX prospects_by_url ON prospects (linkedin_url);
BEGIN;
.import --csv --skip 1 $2 prospects
COMMIT;
EOF
}
