#!/usr/bin/env bash
# Times Leitai against Hugo on the same synthetic content.
#
#   scripts/bench-vs-hugo.sh [sizes...]      default: 10 1000 10000
#   RUNS=7 WORK=/tmp/leitai-bench scripts/bench-vs-hugo.sh 1000
#
# For each size N it writes the corpus (go run ./generator/internal/corpus/cmd,
# Leitai content and the equivalent Hugo site), builds both once to warm the
# page cache and checks that they wrote the same files (the comparison, by kind
# of file, goes to $WORK/compare-N.txt and to stderr: pages must match after
# white space is evened out, other files byte for byte), then runs the two
# generators RUNS times each, alternating, each into an empty folder, under
# /usr/bin/time. It prints the median wall time and the median peak RSS of each,
# with page counts, HTML bytes and the bytes of all files written, as Markdown
# table rows, and each run's wall, user and system seconds on stderr.
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

RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/leitai-bench}
FRESH_FS=${FRESH_FS:-}
HUGO_VERSION=v0.166.0
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 1000 10000)
mkdir -p "$WORK"

hugo=$(command -v hugo || true)
[ -n "$hugo" ] || hugo="$(go env GOPATH)/bin/hugo"
if ! "$hugo" version 2>/dev/null | grep -q "${HUGO_VERSION}"; then
  echo "installing Hugo ${HUGO_VERSION} (a few minutes)" >&2
  # Newer Hugo releases need modules the proxy here does not serve.
  GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0 go install "github.com/gohugoio/hugo@${HUGO_VERSION}"
  hugo="$(go env GOPATH)/bin/hugo"
fi
go build -o "$WORK/leitai" ./generator
leitai="$WORK/leitai"

OUT=$WORK
if [ -n "$FRESH_FS" ]; then
  OUT=$WORK/fs
  mkdir -p "$OUT"
  mountpoint -q "$OUT" && umount "$OUT"
  rm -f "$WORK/fs.img"
  truncate -s 12G "$WORK/fs.img"
  mkfs.ext4 -q -F "$WORK/fs.img"
  mount -o loop "$WORK/fs.img" "$OUT"
  trap 'umount "$OUT"; rm -f "$WORK/fs.img"' EXIT
fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# run NAME OUT CMD...: one timed build into OUT, which does not exist yet;
# appends "wall rss_kb user sys" to $WORK/NAME.times.
run() {
  local name=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.tmp" "$@" >/dev/null 2>"$WORK/$name.err" || { cat "$WORK/$name.err" >&2; exit 1; }
  cat "$WORK/time.tmp" >>"$WORK/$name.times"
}

pages() { find "$1" -name '*.html' | wc -l; }
bytes() { find "$1" -type f -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s}'; }
allbytes() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s}'; }
go build -o "$WORK/corpus" ./generator/internal/corpus/cmd

echo "| departments | generator | pages (HTML files) | HTML bytes | all files | bytes of all files | median wall (s) | median peak RSS (MiB) | runs |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  dir="$WORK/corpus-$n"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    "$WORK/corpus" -n "$n" -o "$dir" -hugo >&2
    touch "$dir/.done"
  fi
  rm -rf "$OUT"/out-*-"$n"-*
  sync
  lout="$OUT/out-leitai-$n-0" hout="$OUT/out-hugo-$n-0"
  rm -f "$WORK"/leitai-"$n".times "$WORK"/hugo-"$n".times
  lcmd() { echo "$leitai" build --config "$dir/leitai/config.yaml" --destination "$1"; }
  hcmd() { echo "$hugo" --quiet --source "$dir/hugo" --destination "$1"; }

  # Warm up, then check that both built the same pages: same paths, except
  # that Hugo puts the one 404 page under the default language.
  # shellcheck disable=SC2046 # the commands' words are paths without spaces
  run leitai-"$n" "$lout" $(lcmd "$lout")
  # shellcheck disable=SC2046
  run hugo-"$n" "$hout" $(hcmd "$hout")
  rm -f "$WORK"/leitai-"$n".times "$WORK"/hugo-"$n".times
  diff <(cd "$lout" && find . -name '*.html' | sed 's|^\./404.html$|./zh/404.html|' | sort) \
       <(cd "$hout" && find . -name '*.html' | sort) >"$WORK/pages-$n.diff" || {
    echo "N=$n: the two sites have different pages:" >&2; head -20 "$WORK/pages-$n.diff" >&2; exit 1; }
  # The same files (asset hashes aside), and what differs in them, by kind.
  "$WORK/corpus" -compare "$lout" "$hout" >"$WORK/compare-$n.txt" || {
    echo "N=$n: the two sites wrote different files:" >&2; cat "$WORK/compare-$n.txt" >&2; exit 1; }
  { echo "N=$n: Leitai's output against Hugo's ($WORK/compare-$n.txt):"; cat "$WORK/compare-$n.txt"; } >&2

  for ((i = 1; i <= RUNS; i++)); do
    lout="$OUT/out-leitai-$n-$i" hout="$OUT/out-hugo-$n-$i"
    # shellcheck disable=SC2046
    if ((i % 2)); then
      run leitai-"$n" "$lout" $(lcmd "$lout"); run hugo-"$n" "$hout" $(hcmd "$hout")
    else
      run hugo-"$n" "$hout" $(hcmd "$hout"); run leitai-"$n" "$lout" $(lcmd "$lout")
    fi
  done
  for g in leitai hugo; do
    out=$lout; [ $g = hugo ] && out=$hout
    wall=$(cut -d' ' -f1 "$WORK/$g-$n.times" | median)
    rss=$(cut -d' ' -f2 "$WORK/$g-$n.times" | median | awk '{printf "%.0f", $1/1024}')
    echo "| $n | $g | $(pages "$out") | $(bytes "$out") | $(find "$out" -type f | wc -l) | $(allbytes "$out") | $wall | $rss | $RUNS |"
  done
  for g in leitai hugo; do
    echo "    $g runs (wall user sys, s): $(awk '{printf "%s/%s/%s  ", $1, $3, $4}' "$WORK/$g-$n.times")" >&2
  done
  rm -rf "$OUT"/out-*-"$n"-*
done
