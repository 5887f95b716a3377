#!/usr/bin/env bash
# `proceedings check --people` on a site of PEOPLE people (default 50 000), to check
# that finding probable duplicates stays linear: the issue's target is under 2 s for
# 50 000 people. The site is synthetic: sessions of ten speakers each, names drawn
# from given and family name pools, with one in fifty written in another order, with
# an initial, or with a middle name, so that there are duplicates to find.
#
#   benches/people_bench.sh [PEOPLE]          default: 50000
#   RUNS=5 benches/people_bench.sh 100000
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
people="${1:-50000}"
runs="${RUNS:-3}"
bin="${BIN:-$repo/target/release/proceedings}"
[ -x "$bin" ] || { echo "no $bin: cargo build --release first (or set BIN=...)" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/people-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 - "$work/site" "$people" <<'PY'
import os, random, sys
site, people = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
syll = ["ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "da", "an", "el", "or", "ba", "ji", "qu", "ze"]
word = lambda n: "".join(rng.choice(syll) for _ in range(n)).capitalize()
names = set()
while len(names) < people:
    names.add(f"{word(2)} {word(3)}")
names = sorted(names)
written = []
for n in names:
    given, family = n.split(" ")
    r = rng.random()
    if r < 0.02:
        written.append(f"{family} {given}")
    elif r < 0.04:
        written.append(f"{given[0]}. {family}")
    elif r < 0.06:
        written.append(f"{given} {word(2)} {family}")
    written.append(n)
rng.shuffle(written)
os.makedirs(f"{site}/sessions")
open(f"{site}/proceedings.yaml", "w").write("title: People bench\nbase_url: https://example.org/\n")
for i in range(0, len(written), 10):
    group = written[i:i + 10]
    with open(f"{site}/sessions/s{i // 10:06}.md", "w") as f:
        f.write(f"---\ntitle: Session {i // 10}\nspeakers: [{', '.join(group)}]\n---\nText.\n")
PY

times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s.%N)
  "$bin" check "$work/site" --people --quiet > "$work/out.txt"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
found=$(grep -c '^probably one person' "$work/out.txt" || true)
echo "people=$people runs=$runs median ${median} s (load, resolve, index and the duplicate search); $found probable duplicates"
