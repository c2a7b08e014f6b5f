#!/usr/bin/env bash
# Times full builds of briefing and Hugo on generated corpora of the same statements and
# meetings, alternating the tools, and prints medians, pages per second, peak memory, the
# ratio and the `cp -r` floor. Not part of CI. See docs/performance.md.
# briefing is timed twice: with its default templates, and with the minimal ones of
# bench/hugo-like-templates/ (pages as plain as the Hugo site's layouts; the same data,
# exports and checks), which tells the engine's cost from the default theme's.
#
#   bash bench/compare.sh [SIZES...]     default: 1000 10000 100000
#
# Environment: RUNS (timed builds per tool and size, default 5), WORK (scratch folder,
# default /tmp/briefing-bench), OUT (where the sites are written, default /dev/shm when
# it exists, so the figures measure the tools rather than the disk), SEED (default 1),
# TRANSLATE (a language code, e.g. uk: also times briefing on the same corpus with that
# second language declared and every item translated, `gen-corpus --translate`).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
RUNS=${RUNS:-5}
SEED=${SEED:-1}
WORK=${WORK:-/tmp/briefing-bench}
if [ -z "${OUT:-}" ]; then
  if [ -d /dev/shm ]; then OUT=/dev/shm/briefing-bench; else OUT=$WORK/out; fi
fi

if ! command -v hugo >/dev/null 2>&1; then
  echo "installing Debian's hugo" >&2
  apt-get update -qq && apt-get install -y -qq hugo >/dev/null
fi
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet --bin briefing --example gen-corpus
BRIEFING=$PWD/target/release/briefing
GEN=$PWD/target/release/examples/gen-corpus
mkdir -p "$WORK" "$OUT"

# time_one LABEL DEST CMD...: runs CMD into an empty DEST, prints "seconds kilobytes".
time_one() {
  local dest=$1; shift
  rm -rf "$dest"
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    cat "$WORK/stderr.txt" >&2; exit 1; }
  cat "$WORK/time.txt"
}

# sizes DIR: "output MB, largest HTML page kB, search first-load kB" of a built site. The
# first load of search.html is the page and what it loads before a query: the
# stylesheet, search.js and the index's manifest ("-" for a site without search.html).
sizes() {
  local out=$1 first=-
  if [ -f "$out/search.html" ]; then
    first=$(cat "$out/search.html" "$out/style.css" "$out/search.js" "$out/search/manifest.js" 2>/dev/null | wc -c)
    first=$(awk -v b="$first" 'BEGIN {printf "%.0f", b/1000}')
  fi
  local total largest
  total=$(du -s --apparent-size -B1 "$out" | cut -f1)
  largest=$(find "$out" -name '*.html' -printf '%s\n' | sort -n | tail -1)
  awk -v t="$total" -v l="$largest" -v f="$first" 'BEGIN {printf "%.1f | %.0f | %s", t/1e6, l/1000, f}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $(hugo version | cut -d' ' -f1-2), runs: $RUNS, output: $OUT"
printf "| items | tool | median wall (s) | pages/s | peak RSS (MB) | vs briefing | output (MB) | largest page (kB) | search first load (kB) |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n"
for n in "${SIZES[@]}"; do
  src=$WORK/c$n hsrc=$WORK/h$n msrc=$WORK/m$n tsrc=$WORK/t$n
  # A corpus is made again when the seed or the generator changes.
  stamp="$src/.corpus-$SEED-$(sha256sum examples/gen-corpus.rs | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    rm -rf "$src" "$hsrc"
    "$GEN" --items "$n" --out "$src" --hugo "$hsrc" --seed "$SEED" >&2
    touch "$stamp"
  fi
  if [ -n "${TRANSLATE:-}" ] && [ ! -f "$tsrc/.corpus-$TRANSLATE-$(basename "$stamp")" ]; then
    rm -rf "$tsrc"
    "$GEN" --items "$n" --out "$tsrc" --seed "$SEED" --translate "$TRANSLATE" >&2
    touch "$tsrc/.corpus-$TRANSLATE-$(basename "$stamp")"
  fi
  # The same content with the Hugo-like templates (copied: briefing follows no symlinks).
  rm -rf "$msrc" && mkdir -p "$msrc/templates"
  cp -r "$src/content" "$msrc/content" && cp bench/hugo-like-templates/*.html "$msrc/templates/"
  : >"$WORK/b.txt"; : >"$WORK/m.txt"; : >"$WORK/h.txt"; : >"$WORK/c.txt"; : >"$WORK/t.txt"
  # One untimed build of each warms the page cache.
  time_one "$OUT/b" "$BRIEFING" build --root "$src" --output "$OUT/b" >/dev/null
  time_one "$OUT/m" "$BRIEFING" build --root "$msrc" --output "$OUT/m" >/dev/null
  time_one "$OUT/h" hugo --source "$hsrc" --destination "$OUT/h" --quiet >/dev/null
  for _ in $(seq "$RUNS"); do
    time_one "$OUT/b" "$BRIEFING" build --root "$src" --output "$OUT/b" >>"$WORK/b.txt"
    time_one "$OUT/m" "$BRIEFING" build --root "$msrc" --output "$OUT/m" >>"$WORK/m.txt"
    time_one "$OUT/h" hugo --source "$hsrc" --destination "$OUT/h" --quiet >>"$WORK/h.txt"
    time_one "$OUT/c" cp -r "$src/content" "$OUT/c" >>"$WORK/c.txt"
    if [ -n "${TRANSLATE:-}" ]; then
      time_one "$OUT/t" "$BRIEFING" build --root "$tsrc" --output "$OUT/t" >>"$WORK/t.txt"
    fi
  done
  bpages=$(find "$OUT/b" -name '*.html' | wc -l)
  hpages=$(find "$OUT/h" -name '*.html' | wc -l)
  bt=$(cut -d' ' -f1 "$WORK/b.txt" | median); bm=$(cut -d' ' -f2 "$WORK/b.txt" | median)
  mt=$(cut -d' ' -f1 "$WORK/m.txt" | median); mm=$(cut -d' ' -f2 "$WORK/m.txt" | median)
  ht=$(cut -d' ' -f1 "$WORK/h.txt" | median); hm=$(cut -d' ' -f2 "$WORK/h.txt" | median)
  ct=$(cut -d' ' -f1 "$WORK/c.txt" | median)
  bsize=$(sizes "$OUT/b"); msize=$(sizes "$OUT/m"); hsize=$(sizes "$OUT/h")
  awk -v bs="$bsize" -v ms="$msize" -v hs="$hsize" -v n="$n" -v bt="$bt" -v bm="$bm" -v bp="$bpages" -v mt="$mt" -v mm="$mm" -v ht="$ht" -v hm="$hm" -v hp="$hpages" -v ct="$ct" 'BEGIN {
    printf "| %d | briefing (%d pages) | %.2f | %.0f | %.0f | 1.00 | %s |\n", n, bp, bt, bp/bt, bm/1024, bs
    printf "| %d | briefing, Hugo-like templates | %.2f | %.0f | %.0f | %.2f | %s |\n", n, mt, bp/mt, mm/1024, mt/bt, ms
    printf "| %d | hugo (%d pages) | %.2f | %.0f | %.0f | %.2f | %s |\n", n, hp, ht, hp/ht, hm/1024, ht/bt, hs
    printf "| %d | cp -r content/ | %.2f | | | %.2f | | | |\n", n, ct, ct/bt
  }'
  if [ -n "${TRANSLATE:-}" ]; then
    tt=$(cut -d' ' -f1 "$WORK/t.txt" | median); tm=$(cut -d' ' -f2 "$WORK/t.txt" | median)
    tpages=$(find "$OUT/t" -name '*.html' | wc -l)
    awk -v ts="$(sizes "$OUT/t")" -v n="$n" -v l="$TRANSLATE" -v bt="$bt" -v tt="$tt" -v tm="$tm" -v tp="$tpages" 'BEGIN {
      printf "| %d | briefing, en + %s, all translated (%d pages) | %.2f | %.0f | %.0f | %.2f | %s |\n", n, l, tp, tt, tp/tt, tm/1024, tt/bt, ts
    }'
  fi
done
