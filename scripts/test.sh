#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, checks the formatting and runs the whole test suite.
#   scripts/test.sh              the plain build (build/)
#   scripts/test.sh --sanitize   the same under AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

preset=default
case "${1:-}" in
  "") ;;
  --sanitize) preset=sanitize ;;
  *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
esac

# The reports' HTML pages are checked in a real browser, the completion scripts in the shells they are for, and the
# store on a PostgreSQL server of its own (scripts/lib/postgres.sh, which the suite starts and stops).
install_missing_packages chromium zsh fish postgresql
build "$preset"
if [ "$preset" = default ]; then
  cmake --build --preset default --target format-check
fi
if [ "$preset" = sanitize ]; then
  # Under the sanitizers the end-to-end tests run once, on SQLite: their second pass, with the CRM on PostgreSQL,
  # runs the same program through the same code but the store's connection, whose own tests ([postgresql]) run here.
  ctest --preset sanitize -j2 -E '^e2e on postgresql:'
else
  ctest --preset default -j2
fi
