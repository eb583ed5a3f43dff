#!/usr/bin/env bash
# Times a publication of editions against a site of one edition with as many
# departments: E editions of N/E departments each (N department appearances,
# N/2 departments, every department in two editions) against N departments in
# one edition. Issue 17 asks the first to build within 1.2x the time of the
# second.
#
#   scripts/bench-editions.sh                      N=2000 E=40 RUNS=5, output on $WORK's disk
#   OUT=/dev/shm/leitai-editions scripts/bench-editions.sh   output in memory (tmpfs)
#
# The two builds alternate, each into an empty folder after a sync, with the
# binary built once; each figure is the median of RUNS runs (wall, and CPU:
# user + system).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000}
E=${E:-40}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/leitai-editions-bench}
OUT=${OUT:-$WORK/out}

rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT"
go build -o "$WORK/leitai" ./generator
go run ./generator/internal/corpus/cmd -n "$N" -o "$WORK/one" >/dev/null
go run ./generator/internal/corpus/cmd -n "$N" -editions "$E" -o "$WORK/editions" >/dev/null

declare -A wall cpu
for _ in $(seq "$RUNS"); do
  for site in one editions; do
    rm -rf "${OUT:?}/$site"
    sync
    TIMEFORMAT='%R %U %S'
    t=$( { time "$WORK/leitai" build --config "$WORK/$site/leitai/config.yaml" --destination "$OUT/$site" >"$WORK/log" 2>&1; } 2>&1 ) || {
      cat "$WORK/log" >&2
      exit 1
    }
    read -r r u s <<<"$t"
    wall[$site]+="$r "
    cpu[$site]+="$(echo "$u + $s" | bc) "
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-34s %8s %8s %8s\n' "site (output on $(df --output=fstype "$OUT" | tail -1))" pages "wall s" "CPU s"
for site in one editions; do
  pages=$(find "$OUT/$site" -name index.html | wc -l)
  case $site in
    one) label="$N departments, one edition" ;;
    editions) label="$E editions of $((N / E)) departments" ;;
  esac
  printf '%-34s %8d %8.2f %8.2f\n' "$label" "$pages" "$(median <<<"${wall[$site]}")" "$(median <<<"${cpu[$site]}")"
done
w1=$(median <<<"${wall[one]}"); w2=$(median <<<"${wall[editions]}")
c1=$(median <<<"${cpu[one]}"); c2=$(median <<<"${cpu[editions]}")
printf 'editions / one edition: wall %.2fx, CPU %.2fx (runs: one %s| editions %s)\n' \
  "$(echo "$w2 / $w1" | bc -l)" "$(echo "$c2 / $c1" | bc -l)" "${wall[one]}" "${wall[editions]}"
