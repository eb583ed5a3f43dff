#!/usr/bin/env bash
# Times Leitai against Hugo on the same synthetic content, and against the floor.
#
#   scripts/bench-vs-hugo.sh [sizes...]      default: 1000 10000
#   RUNS=5 WORK=/tmp/leitai-bench FRESH_FS=1 scripts/bench-vs-hugo.sh 1000
#   LEITAI=/tmp/leitai-new scripts/bench-vs-hugo.sh   time that binary, not the tree's
#
# For each size N it writes the corpus (go run ./generator/internal/corpus/cmd:
# Leitai content, and the equivalent Hugo site with two sets of templates), and
# times four contestants on it:
#
#   leitai        the Leitai binary (the tree's, or $LEITAI)
#   hugo-plain    Hugo with the earlier templates, line by line Leitai's theme
#                 (hugo --layoutDir layouts-plain)
#   hugo-expert   Hugo with the templates a Hugo expert writes for speed
#                 (partialCached, data worked out once per language; layouts/)
#   floor         what no generator can avoid: rendering every Markdown text of
#                 the content with goldmark and writing the bytes of every file
#                 Leitai wrote to a new folder (corpus cmd -floor). Its time is
#                 the one it reports for those two steps; it reads the texts and
#                 the output into memory first, untimed, so its peak RSS says
#                 nothing and is not reported. The time of each of its two
#                 steps goes to stderr.
#
# Each builds once to warm the page cache, and the outputs are checked: both Hugo
# sites must have written the files Leitai wrote (the comparison, by kind of
# file, goes to $WORK/compare-N-hugo-*.txt and to stderr: pages must match after
# white space is evened out, other files byte for byte). Then each runs RUNS
# times, alternating, in an order that turns by one place every run, each into
# an empty folder, under /usr/bin/time. It prints, as Markdown table rows, the
# median wall time, the median CPU time (user + system) and the median peak RSS
# of each, with files and bytes written; then the ratios of the medians; each
# run's figures go to stderr.
#
# Every run writes a folder of its own, and the folders of a size are removed
# only after its last run: ext4 allocates a new inode slowly while many inodes
# nearby were deleted in the last half minute, so deleting 45,000 files just
# before a build slowed both generators' kernel time several times over.
# FRESH_FS=1 (root) writes the outputs to a new ext4 file system in a file under
# $WORK, mounted at $WORK/fs, for figures that do not depend on what the disk
# went through before.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/leitai-bench}
FRESH_FS=${FRESH_FS:-}
HUGO_VERSION=v0.166.0
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
mkdir -p "$WORK"

hugo=$(command -v hugo || true)
[ -n "$hugo" ] || hugo="$(go env GOPATH)/bin/hugo"
if ! "$hugo" version 2>/dev/null | grep -q "${HUGO_VERSION}"; then
  echo "installing Hugo ${HUGO_VERSION} (a few minutes)" >&2
  # Newer Hugo releases need modules the proxy here does not serve.
  GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0 go install "github.com/gohugoio/hugo@${HUGO_VERSION}"
  hugo="$(go env GOPATH)/bin/hugo"
fi
leitai=${LEITAI:-$WORK/leitai}
[ -n "${LEITAI:-}" ] || go build -o "$leitai" ./generator
go build -o "$WORK/corpus" ./generator/internal/corpus/cmd

OUT=$WORK
if [ -n "$FRESH_FS" ]; then
  OUT=$WORK/fs
  mkdir -p "$OUT"
  mountpoint -q "$OUT" && umount "$OUT"
  rm -f "$WORK/fs.img"
  # Room for every run of a size: at 10,000 departments an output is 450 MB in
  # 45,000 files and folders, and a size keeps 4 × (RUNS + 1) of them.
  truncate -s 32G "$WORK/fs.img"
  mkfs.ext4 -q -F -i 8192 "$WORK/fs.img"
  mount -o loop "$WORK/fs.img" "$OUT"
  trap 'umount "$OUT"; rm -f "$WORK/fs.img"' EXIT
fi

contestants=(leitai hugo-plain hugo-expert floor)

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# build NAME N OUT: one build of contestant NAME for size N into OUT, which does
# not exist yet, under /usr/bin/time; appends "wall rss_kb user sys" to
# $WORK/NAME-N.times (for the floor, the time it reports, and no RSS).
build() {
  local name=$1 n=$2 out=$3 dir=$WORK/corpus-$2
  local cmd
  case $name in
    leitai) cmd=("$leitai" build --config "$dir/leitai/config.yaml" --destination "$out") ;;
    hugo-plain) cmd=("$hugo" --quiet --source "$dir/hugo" --layoutDir layouts-plain --destination "$out") ;;
    hugo-expert) cmd=("$hugo" --quiet --source "$dir/hugo" --destination "$out") ;;
    floor) cmd=("$WORK/corpus" -floor "$dir/leitai/content" "$OUT/out-leitai-$n-0" "$out") ;;
  esac
  sync # earlier runs' dirty pages are written back outside the timing
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.tmp" "${cmd[@]}" >"$WORK/$name.out" 2>"$WORK/$name.err" ||
    { cat "$WORK/$name.err" >&2; exit 1; }
  if [ "$name" = floor ]; then
    # "floor 1.234 s: markdown …": its own time for the two steps, no RSS.
    awk -v t="$(cat "$WORK/time.tmp")" '{split(t, a, " "); print $2, "-", a[3], a[4]}' "$WORK/floor.out" >>"$WORK/$name-$n.times"
    cat "$WORK/floor.out" >>"$WORK/floor-$n.steps"
  else
    cat "$WORK/time.tmp" >>"$WORK/$name-$n.times"
  fi
}

pages() { find "$1" -name '*.html' | wc -l; }
allbytes() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s}'; }
col() { cut -d' ' -f"$1" "$WORK/$2-$3.times"; }

echo "| departments | contestant | HTML files | all files | bytes of all files | median wall (s) | median CPU (s) | median peak RSS (MiB) | runs |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  dir="$WORK/corpus-$n"
  # A corpus written by this corpus command and theme is kept for the next run;
  # one written by another (the Hugo templates are in the command) is not.
  stamp=$({ cat "$WORK/corpus"; find themes/default -type f -print0 | sort -z | xargs -0 cat; } | sha256sum)
  if [ "$(cat "$dir/.done" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir"
    "$WORK/corpus" -n "$n" -o "$dir" -hugo >&2
    echo "$stamp" >"$dir/.done"
  fi
  rm -rf "$OUT"/out-*-"$n"-*
  for c in "${contestants[@]}"; do rm -f "$WORK/$c-$n.times"; done
  rm -f "$WORK/floor-$n.steps"

  # Warm up, then check that both Hugo sites built what Leitai built: the same
  # pages (Hugo puts the one 404 page under the default language), and the same
  # files (asset hashes aside), compared by kind.
  for c in "${contestants[@]}"; do build "$c" "$n" "$OUT/out-$c-$n-0"; done
  lout="$OUT/out-leitai-$n-0"
  for h in hugo-plain hugo-expert; do
    hout="$OUT/out-$h-$n-0"
    diff <(cd "$lout" && find . -name '*.html' | sed 's|^\./404.html$|./zh/404.html|' | sort) \
         <(cd "$hout" && find . -name '*.html' | sort) >"$WORK/pages-$n-$h.diff" || {
      echo "N=$n: Leitai and $h built different pages:" >&2; head -20 "$WORK/pages-$n-$h.diff" >&2; exit 1; }
    if ! "$WORK/corpus" -compare "$lout" "$hout" >"$WORK/compare-$n-$h.txt" || grep -q '^contents differ' "$WORK/compare-$n-$h.txt"; then
      echo "N=$n: Leitai and $h wrote different files:" >&2; cat "$WORK/compare-$n-$h.txt" >&2; exit 1
    fi
    { echo "N=$n: Leitai's output against $h's ($WORK/compare-$n-$h.txt):"; cat "$WORK/compare-$n-$h.txt"; } >&2
  done
  for c in "${contestants[@]}"; do rm -f "$WORK/$c-$n.times"; done
  rm -f "$WORK/floor-$n.steps"

  for ((i = 1; i <= RUNS; i++)); do
    for ((k = 0; k < ${#contestants[@]}; k++)); do
      c=${contestants[$(((i - 1 + k) % ${#contestants[@]}))]}
      build "$c" "$n" "$OUT/out-$c-$n-$i"
    done
  done
  for c in "${contestants[@]}"; do
    out="$OUT/out-$c-$n-$RUNS"
    wall=$(col 1 "$c" "$n" | median)
    cpu=$(awk '{print $3 + $4}' "$WORK/$c-$n.times" | median)
    rss=$(col 2 "$c" "$n" | median | awk '{printf "%.0f", $1/1024}')
    [ "$c" = floor ] && cpu="–" && rss="–"
    echo "| $n | $c | $(pages "$out") | $(find "$out" -type f | wc -l) | $(allbytes "$out") | $wall | $cpu | $rss | $RUNS |"
  done
  for c in "${contestants[@]}"; do
    echo "    N=$n $c runs (wall/user/sys s, peak RSS KiB): $(awk '{printf "%s/%s/%s %s  ", $1, $3, $4, $2}' "$WORK/$c-$n.times")" >&2
  done
  sed "s/^/    N=$n /" "$WORK/floor-$n.steps" >&2
  m() { col "$1" "$2" "$n" | median; }
  awk -v n="$n" -v lw="$(m 1 leitai)" -v pw="$(m 1 hugo-plain)" -v ew="$(m 1 hugo-expert)" -v fw="$(m 1 floor)" \
      -v lr="$(m 2 leitai)" -v er="$(m 2 hugo-expert)" -v pr="$(m 2 hugo-plain)" 'BEGIN {
    printf "\nN=%d: Hugo expert / Leitai %.1fx (Hugo plain / Leitai %.1fx, plain / expert %.2fx); Leitai / floor %.1fx; Leitai RSS / Hugo expert RSS %.2f (/ Hugo plain RSS %.2f)\n\n", n, ew / lw, pw / lw, pw / ew, lw / fw, lr / er, lr / pr
  }'
  rm -rf "$OUT"/out-*-"$n"-*
done
