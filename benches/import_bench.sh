#!/usr/bin/env bash
# Import speed: `proceedings import` of 1 000 documents into a fresh site, and of
# one document holding them all (to see that time grows with the input's size,
# not faster).
#
#   benches/import_bench.sh [COUNT]          default: 1000
#   RUNS=5 benches/import_bench.sh 2000
#
# The documents are the import fixtures of tests/fixtures/import (synthetic) and,
# when present, the real documents of ../shared/import-corpus/raw, copied round
# robin under numbered names. Each run imports them all with one command into a
# site made by `proceedings init` (files are written and each is checked to build),
# and prints the median wall time of RUNS runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
count="${1:-1000}"
runs="${RUNS:-3}"
bin="${BIN:-$repo/target/release/proceedings}"
[ -x "$bin" ] || { echo "no $bin: cargo build --release first (or set BIN=...)" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/import-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mapfile -t sources < <(
  find "$repo/tests/fixtures/import" -name '*.txt' | sort
  if [ -d "$repo/../shared/import-corpus/raw" ]; then
    find "$repo/../shared/import-corpus/raw" -name '*.txt' | sort
  fi
)
mkdir -p "$work/docs"
for ((i = 0; i < count; i++)); do
  cp "${sources[i % ${#sources[@]}]}" "$work/docs/$(printf '%05d' "$i").txt"
done
cat "$work"/docs/*.txt >"$work/all-in-one.txt"
bytes=$(du -cb "$work"/docs/*.txt | tail -1 | cut -f1)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # label, then the import arguments
  local label=$1 times=()
  shift
  for ((r = 0; r < runs; r++)); do
    rm -rf "$work/site"
    "$bin" -q init "$work/site" >/dev/null
    local start end
    start=$(date +%s.%N)
    "$bin" -q import --site "$work/site" "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  local sessions
  sessions=$(find "$work/site/sessions" -name '*.md' | wc -l)
  printf '%-28s %8s s  (%d session files, median of %d)\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | median)" "$sessions" "$runs"
}

echo "$count documents, $((bytes / 1024)) KiB of text, from ${#sources[@]} distinct documents"
run "$count documents" "$work"/docs/*.txt
run "one document of them all" "$work/all-in-one.txt"
