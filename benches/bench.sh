#!/usr/bin/env bash
# Side-by-side benchmark: proceedings and Hugo build the same generated corpora.
#
#   benches/bench.sh [SIZES...]        default: 1000 10000
#   RUNS=3 BENCH_DIR=/dev/shm/pbench benches/bench.sh 1000
#   RUNS=1 benches/bench.sh 100000      opt-in: proceedings alone above HUGO_MAX (20 000)
#
# For each size it generates a corpus with ../shared/bench/gen_corpus.py (seed 1),
# then alternates clean builds of proceedings and Hugo (Debian's `hugo`, skipped
# when not installed) RUNS times, and prints the median wall time and peak RSS
# (/usr/bin/time -v), pages written and output size of each, and the ratios.
# It also checks that two proceedings builds are byte-identical and that the
# proceedings output has no broken internal link.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
shared="${SHARED:-$repo/../shared/bench}"
sizes=("${@:-1000 10000}")
read -r -a sizes <<<"${sizes[*]}"
runs="${RUNS:-3}"
if [ -z "${BENCH_DIR:-}" ]; then
  # tmpfs keeps disk noise out of the comparison when there is room for it.
  if [ -d /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4000000 ]; then
    BENCH_DIR=/dev/shm/proceedings-bench
  else
    BENCH_DIR="${TMPDIR:-/tmp}/proceedings-bench"
  fi
fi
mkdir -p "$BENCH_DIR"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
[ -f "$shared/gen_corpus.py" ] || { echo "no $shared/gen_corpus.py (set SHARED=...)" >&2; exit 1; }

echo "building proceedings (release)..." >&2
(cd "$repo" && cargo build --release --quiet)
bin="$repo/target/release/proceedings"
have_hugo=0
command -v hugo >/dev/null 2>&1 && have_hugo=1
# Hugo takes minutes per run from 10 000 sessions on: larger sizes (100 000, about
# 1 GB of Markdown) measure proceedings alone.
hugo_max="${HUGO_MAX:-20000}"

# measure NAME OUT CMD... -> prints "wall_s rss_kb" and leaves OUT built.
measure() {
  local out="$1"; shift
  rm -rf "$out"
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

# Queries for the search download check: names with and without accents, common and rare
# words, a long phrase, one-letter prefixes, filters (" | group=value").
search_queries=("digital" "wiewiorowski" "cote d'ivoire" "broadband infrastructure" "a" "co"
  "the digital divide in africa" "information and communication technologies for development"
  "digital | country=Kenya" " | country=Kenya" " | kind=Session")

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pages() { find "$1" -name '*.html' | wc -l; }
size_mb() { du -sm "$1" | cut -f1; }

printf '\n%-7s %-12s %9s %10s %8s %9s\n' sessions tool "wall s" "peak MB" pages "out MB"
for n in "${sizes[@]}"; do
  corpus="$BENCH_DIR/corpus-$n"
  if [ ! -d "$corpus/content/sessions" ]; then
    python3 "$shared/gen_corpus.py" --sessions "$n" --seed 1 --out "$corpus" 2>/dev/null
    if [ "$have_hugo" = 1 ] && [ "$n" -le "$hugo_max" ]; then "$shared/hugo_site.sh" "$corpus" "$corpus/hugo-site" 2>/dev/null; fi
  fi
  ours_t=(); ours_m=(); hugo_t=(); hugo_m=()
  for ((i = 1; i <= runs; i++)); do
    # Alternate which tool goes first, so neither always meets a warm or a cold cache.
    order=(ours hugo); if ((i % 2 == 0)); then order=(hugo ours); fi
    for tool in "${order[@]}"; do
      if [ "$tool" = ours ]; then
        read -r t m < <(measure "$BENCH_DIR/out-$n" "$bin" build "$corpus" --out "$BENCH_DIR/out-$n" --base-url https://example.org/ --quiet)
        ours_t+=("$t"); ours_m+=("$m")
      elif [ "$have_hugo" = 1 ] && [ "$n" -le "$hugo_max" ]; then
        read -r t m < <(measure "$BENCH_DIR/hugo-out-$n" hugo --quiet -s "$corpus/hugo-site" -d "$BENCH_DIR/hugo-out-$n")
        hugo_t+=("$t"); hugo_m+=("$m")
      fi
    done
  done
  ot=$(printf '%s\n' "${ours_t[@]}" | median); om=$(printf '%s\n' "${ours_m[@]}" | median)
  printf '%-7s %-12s %9.2f %10.0f %8d %9d\n' "$n" proceedings "$ot" "$(echo "$om/1024" | bc -l)" "$(pages "$BENCH_DIR/out-$n")" "$(size_mb "$BENCH_DIR/out-$n")"
  if [ "$have_hugo" = 1 ] && [ "$n" -le "$hugo_max" ]; then
    ht=$(printf '%s\n' "${hugo_t[@]}" | median); hm=$(printf '%s\n' "${hugo_m[@]}" | median)
    printf '%-7s %-12s %9.2f %10.0f %8d %9d\n' "$n" hugo "$ht" "$(echo "$hm/1024" | bc -l)" "$(pages "$BENCH_DIR/hugo-out-$n")" "$(size_mb "$BENCH_DIR/hugo-out-$n")"
    printf '%-7s %-12s %9.1fx %9.1fx   (Hugo / proceedings)\n' "$n" ratio "$(echo "$ht/$ot" | bc -l)" "$(echo "$hm/$om" | bc -l)"
  fi
  # Reproducible output and zero broken links.
  "$bin" build "$corpus" --out "$BENCH_DIR/again-$n" --base-url https://example.org/ --quiet
  if diff -rq "$BENCH_DIR/out-$n" "$BENCH_DIR/again-$n" >/dev/null; then echo "$n: two builds are byte-identical"; else echo "$n: BUILDS DIFFER"; fi
  rm -rf "$BENCH_DIR/again-$n"
  python3 "$shared/links.py" "$BENCH_DIR/out-$n" https://example.org/ | tail -1
  # GitHub refuses files over 100 MB and warns past 50 MB; the target is 25 MB.
  find "$BENCH_DIR/out-$n" -type f -printf '%s %P\n' | sort -n | tail -1 |
    awk -v n="$n" '{printf "%s: largest file %s, %.1f MB\n", n, $2, $1 / 1048576}'
  # What one search downloads: the index files each query fetches, run through the
  # site's own search.js in Node (tests/search/query.mjs). Target: under 500 KB.
  if command -v node >/dev/null 2>&1; then
    node "$repo/tests/search/query.mjs" --table "$BENCH_DIR/out-$n" "${search_queries[@]}"
  fi
done
