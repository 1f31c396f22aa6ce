#!/usr/bin/env bash
# Builds the fuzz targets of tests/fuzz with clang, libFuzzer, ASan and UBSan (build-fuzz/), then runs each in turn for
# SECONDS (default 600) from its seed corpus and dictionary. Crashes go to build-fuzz/crashes/<target>/; the script
# prints each target's executions and exits 1 if any target crashed.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

seconds=${1:-600}
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))

install_missing_packages clang-14 libclang-rt-14-dev
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCAMPAIGN_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j2

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for corpus in tests/fuzz/corpus/*/; do
    targets+=("$(basename "$corpus")")
  done
fi

# The checked-in corpus stays as it is: what a run finds goes to a corpus of the build's own, seeded from it.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
crashed=()
printf '%-18s %8s %12s %8s\n' target seconds executions crashes
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  crashes=build-fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$crashes/")
  if [ -f "tests/fuzz/dict/$target.dict" ]; then
    options+=(-dict="tests/fuzz/dict/$target.dict")
  fi
  log=build-fuzz/fuzz-$target.log
  before=$(find "$crashes" -type f | wc -l)
  start=$(date +%s)
  status=0
  "build-fuzz/fuzz/fuzz_$target" "${options[@]}" "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - start))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(($(find "$crashes" -type f | wc -l) - before))
  printf '%-18s %8s %12s %8s\n' "$target" "$elapsed" "${executions:-?}" "$found"
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    crashed+=("$target")
  fi
done

if [ ${#crashed[@]} -gt 0 ]; then
  echo "crashed: ${crashed[*]} (inputs in build-fuzz/crashes/, logs in build-fuzz/fuzz-<target>.log)" >&2
  exit 1
fi
