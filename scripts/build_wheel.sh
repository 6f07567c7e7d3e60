#!/usr/bin/env bash
# Builds the reader's wheel into dist/ with what .venv already has (no network): the
# package, its fonts with their licences, icons, desktop files and a copy of library/
# (or of the folder OFFLINE_READER_BUILD_LIBRARY names). Run scripts/bootstrap.sh first.
#   scripts/build_wheel.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
# The translations as the .ts sources say now (bootstrap compiles them too).
for ts in reader/i18n/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
.venv/bin/python -m pip wheel -q --no-deps --no-build-isolation --no-index -w "$out" .
ls -l "$out"/offline_reader-*.whl
