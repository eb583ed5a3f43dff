#!/usr/bin/env bash
# How a full build's cost grows with the site: N departments against 10 × N.
#
#   scripts/bench-scaling.sh                 default: 1000 against 10000, 10 blocks
#   BLOCKS=12 WORK=/tmp/leitai-scaling FRESH_FS=1 scripts/bench-scaling.sh 1000
#   FROM=384 WORK=/tmp/leitai-scaling-384 scripts/bench-scaling.sh
#       both sites start at department 384, past the first year's shorter files,
#       so both sizes hold departments of the same kind (corpus.Options.From)
#   LEITAI="/tmp/leitai-old /tmp/leitai-new" scripts/bench-scaling.sh
#       times those binaries instead of the tree's, interleaved in every block
#   EDITIONS=40 FRESH_FS=1 scripts/bench-scaling.sh 2000
#       one edition of 2000 departments against a publication of 40 editions
#       holding 2000 department appearances (corpus -editions: 1,000
#       departments, each in two editions), one build of each per block
#   CLEAN=1 EDITIONS=40 WORK=/dev/shm/ed scripts/bench-scaling.sh 2000
#       the same in memory, each build's folder removed once timed (see CLEAN)
#   LEITAI=/tmp/leitai-old THEME=/tmp/old-tree/themes/default scripts/bench-scaling.sh
#       an older binary, with the theme of its tree
#   POOL="s1.txt s2.txt" scripts/bench-scaling.sh 1000
#       builds nothing: pools the runs of earlier series (each a copy of
#       $WORK/times.txt, or of the lines a series printed on stderr) and
#       reports them as one, binary by binary (the series' blocks must be
#       as this script times them: with EDITIONS, two builds of each size)
#
# The two sizes are timed in blocks, alternating: three builds of the small site,
# then one of the large, BLOCKS times, so both meet the same moments of a shared
# machine, and the small site, being quick, gets more runs. With EDITIONS, whose
# two sites take about as long, a block is small, large, large, small: each size
# comes first and last as often, so neither always follows the other (a build
# that follows a smaller one finds less memory just freed, see CLEAN), and a
# machine whose speed drifts through a block drifts for both alike.
#
# Each build writes a new folder under /usr/bin/time; the folders are removed
# after the last block, never just before a build (see bench-vs-hugo.sh on ext4
# and deleted inodes).
# FRESH_FS=1 (root) writes them to a new ext4 file system in a file under $WORK.
#
# It prints every run (wall, user and system seconds, peak RSS) on stderr, then
# the median of each size and the ratio of the medians, for wall time and for
# CPU time (user + system), each with a 90% bootstrap interval: the ratio's
# spread from resampling the runs, which on a noisy machine says how far the
# figure can be trusted. Then the same ratios taken block by block ("paired"):
# a shared machine that slows for a minute slows a block's small and large
# builds alike, so the median of the blocks' ratios is steadier than the ratio
# of the medians when the machine's speed drifts.
#
# CLEAN=1 removes each build's folder once it is timed. On tmpfs, memory the
# kernel has just freed is cheap to fill again, while a series that keeps every
# folder fills new memory with each build, which a virtual machine may charge
# twenty times as much for (scripts/machine.go measures it): the output's
# bytes then weigh far more than they would on a machine whose memory has been
# used before. Use it on tmpfs only (on ext4, removing a folder just before a
# build slows the build, see above).
set -euo pipefail
cd "$(dirname "$0")/.."

small=${1:-1000}
large=$((small * 10))
per_block=3  # builds of the small site a block
lper_block=1 # builds of the large site a block (the EDITIONS loop below runs 2 and 2)
EDITIONS=${EDITIONS:-}
if [ -n "$EDITIONS" ]; then
  large=e${EDITIONS}x$small
  per_block=2
  lper_block=2
fi
BLOCKS=${BLOCKS:-10}
WORK=${WORK:-/tmp/leitai-scaling}
FRESH_FS=${FRESH_FS:-}
CLEAN=${CLEAN:-}
mkdir -p "$WORK"

times=$WORK/times.txt

measure() { # the series: every build of every binary, into $times
  binaries=${LEITAI:-$WORK/leitai}
  [ -n "${LEITAI:-}" ] || go build -o "$binaries" ./generator
  for n in "$small" "$large"; do
    if [ ! -f "$WORK/corpus-$n/leitai/config.yaml" ]; then
      echo "writing the corpus of $n departments" >&2
      if [ "$n" = "$small" ] || [ -z "$EDITIONS" ]; then
        go run ./generator/internal/corpus/cmd -n "$n" -from "${FROM:-0}" -o "$WORK/corpus-$n"
      else
        go run ./generator/internal/corpus/cmd -n "$small" -editions "$EDITIONS" -from "${FROM:-0}" -o "$WORK/corpus-$n"
      fi
    fi
    # The theme the binaries render with: the tree's, or THEME's (a binary
    # built from another tree needs that tree's theme). A corpus written
    # before the theme changed would otherwise keep the old one.
    rm -rf "$WORK/corpus-$n/leitai/themes/default"
    cp -r "${THEME:-themes/default}" "$WORK/corpus-$n/leitai/themes/default"
  done

  OUT=$WORK/out
  mkdir -p "$OUT"
  if [ -n "$FRESH_FS" ]; then
    mountpoint -q "$OUT" && umount "$OUT"
    rm -f "$WORK/fs.img"
    truncate -s 24G "$WORK/fs.img"
    mkfs.ext4 -q -F -i 8192 "$WORK/fs.img"
    mount -o loop "$WORK/fs.img" "$OUT"
    trap 'umount "$OUT"; rm -f "$WORK/fs.img"' EXIT
  fi
  : >"$times"

  run() { # run BINARY N I: one timed build of N departments into a new folder
    # Earlier builds' output is written back first, outside the timing: left
    # dirty, it piles up over a series until the kernel throttles the writer,
    # and the later (and larger) builds pay for the earlier ones.
    sync
    /usr/bin/time -f "$(basename "$1") $2 %e %U %S %M" -a -o "$times" \
      "$1" build --config "$WORK/corpus-$2/leitai/config.yaml" --destination "$OUT/$(basename "$1")-$2-$3" >/dev/null
    tail -n 1 "$times" >&2
    if [ -n "$CLEAN" ]; then rm -rf "$OUT/$(basename "$1")-$2-$3"; fi
  }

  for bin in $binaries; do
    # One warm-up build of each, not counted, so the corpora are in the page cache.
    for n in "$small" "$large"; do
      "$bin" build --config "$WORK/corpus-$n/leitai/config.yaml" --destination "$OUT/warm-$(basename "$bin")-$n" >/dev/null
    done
  done
  for b in $(seq "$BLOCKS"); do
    for bin in $binaries; do
      if [ -n "$EDITIONS" ]; then # small, large, large, small
        run "$bin" "$small" "$b-1"
        run "$bin" "$large" "$b-1"
        run "$bin" "$large" "$b-2"
        run "$bin" "$small" "$b-2"
        continue
      fi
      for i in $(seq "$per_block"); do run "$bin" "$small" "$b-$i"; done
      run "$bin" "$large" "$b"
    done
  done
}

if [ -n "${POOL:-}" ]; then
  # shellcheck disable=SC2086 # POOL is a list of files
  cat $POOL >"$WORK/pooled.txt"
  times=$WORK/pooled.txt
else
  measure
fi

awk -v small="$small" -v large="$large" -v per_block="$per_block" -v lper_block="$lper_block" '
  function sorted(a, n, s,   i, j, t) { # s = a in increasing order
    for (i = 1; i <= n; i++) s[i] = a[i]
    for (i = 2; i <= n; i++) { t = s[i]; for (j = i - 1; j >= 1 && s[j] > t; j--) s[j+1] = s[j]; s[j+1] = t }
  }
  function median(a, n,   s) {
    sorted(a, n, s)
    return n % 2 ? s[(n+1)/2] : (s[n/2] + s[n/2+1]) / 2
  }
  # ratio of medians, then 2,000 resamples of both sizes for the 5th and 95th percentiles
  function report(name, x, nx, y, ny,   r, k, i, rx, ry, rs, ss) {
    r = median(y, ny) / median(x, nx)
    for (k = 1; k <= 2000; k++) {
      for (i = 1; i <= nx; i++) rx[i] = x[int(rand() * nx) + 1]
      for (i = 1; i <= ny; i++) ry[i] = y[int(rand() * ny) + 1]
      rs[k] = median(ry, ny) / median(rx, nx)
    }
    sorted(rs, 2000, ss)
    printf "%s: %s departments %.2f s, %s departments %.2f s (medians of %d and %d runs): %.2fx, 90%% interval %.2fx to %.2fx\n", name, small, median(x, nx), large, median(y, ny), nx, ny, r, ss[100], ss[1900]
  }
  # the ratio within each block (the median of its large builds against the
  # median of its small ones), so a machine that slows for a minute slows both
  # sides of a ratio: their median, and 2,000 resamples of the blocks for the
  # interval
  function paired(name, x, nx, y, ny,   nb, b, i, sb, blk, lblk, pr, k, rs, ss, r) {
    nb = int(ny / lper_block) < int(nx / per_block) ? int(ny / lper_block) : int(nx / per_block)
    if (nb < 2) return
    for (b = 1; b <= nb; b++) {
      split("", blk)
      for (i = 1; i <= per_block; i++) blk[i] = x[(b - 1) * per_block + i]
      split("", lblk)
      for (i = 1; i <= lper_block; i++) lblk[i] = y[(b - 1) * lper_block + i]
      pr[b] = median(lblk, lper_block) / median(blk, per_block)
    }
    for (k = 1; k <= 2000; k++) {
      for (i = 1; i <= nb; i++) r[i] = pr[int(rand() * nb) + 1]
      rs[k] = median(r, nb)
    }
    sorted(rs, 2000, ss)
    printf "%s: median of %d blocks %.2fx, 90%% interval %.2fx to %.2fx\n", name, nb, median(pr, nb), ss[100], ss[1900]
  }
  BEGIN { srand(1) }
  NF != 6 || ($2 != small "" && $2 != large "") { next } # not a run: a message
  !($1 in seen) { seen[$1] = 1; order[++nb] = $1 }
  $2 == small "" { k = $1 SUBSEP (++ns[$1]); ws[k] = $3; cs[k] = $4 + $5; ms[k] = $6 }
  $2 == large "" { k = $1 SUBSEP (++nl[$1]); wl[k] = $3; cl[k] = $4 + $5; ml[k] = $6 }
  END {
    for (b = 1; b <= nb; b++) {
      name = order[b]
      split("", x1); split("", x2); split("", y1); split("", y2); split("", m1); split("", m2)
      for (i = 1; i <= ns[name]; i++) { x1[i] = ws[name, i]; x2[i] = cs[name, i]; m1[i] = ms[name, i] }
      for (i = 1; i <= nl[name]; i++) { y1[i] = wl[name, i]; y2[i] = cl[name, i]; m2[i] = ml[name, i] }
      print name
      report("  wall time", x1, ns[name], y1, nl[name])
      report("  CPU time ", x2, ns[name], y2, nl[name])
      paired("  wall time, paired", x1, ns[name], y1, nl[name])
      paired("  CPU time, paired ", x2, ns[name], y2, nl[name])
      printf "  peak RSS: %.0f MiB and %.0f MiB (medians)\n", median(m1, ns[name]) / 1024, median(m2, nl[name]) / 1024
    }
  }' "$times"
# A fresh file system goes whole with its image; otherwise remove the folders.
[ -n "$FRESH_FS" ] || [ -n "${POOL:-}" ] || rm -rf "${OUT:?}"/*
