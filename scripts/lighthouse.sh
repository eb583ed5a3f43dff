#!/usr/bin/env bash
# Measures every page of the real site, both languages, with Lighthouse's mobile
# profile (simulated slow 4G, mid-range phone) in the installed Chromium, and
# prints the four category scores per page. Too slow for every CI run (about 10 s
# a page and run); run it after changing the theme and copy the table into
# BENCHMARKS.md.
#
#   bash scripts/lighthouse.sh            # all pages
#   bash scripts/lighthouse.sh zh/ en/    # only these paths
#
# Lighthouse is installed with npm into $LEITAI_LIGHTHOUSE_DIR (default: a folder
# under /tmp), never into the repository. Reports (JSON) go to testdata-out/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."

version=12.8.2 # the last release that runs on Node 20
tools=${LEITAI_LIGHTHOUSE_DIR:-${TMPDIR:-/tmp}/leitai-lighthouse}
lh="$tools/node_modules/.bin/lighthouse"
if [ ! -x "$lh" ] || [ "$("$lh" --version)" != "$version" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "lighthouse@$version"
fi
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}

work=$(mktemp -d)
reports=testdata-out/lighthouse
rm -rf "$reports" && mkdir -p "$reports"
# The server picks a free port; the site is then built for that address, so the
# canonical and hreflang URLs are the ones Lighthouse sees.
go build -o "$work/serve" scripts/serve.go
mkdir -p "$work/public"
"$work/serve" -dir "$work/public" -addr 127.0.0.1:0 -addr-file "$work/addr" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/addr" ] && break; sleep 0.1; done
base="http://$(cat "$work/addr")/"
go run ./generator build --destination "$work/public" --baseURL "$base"

if [ $# -gt 0 ]; then
  pages=("$@")
else
  # Every page but 404.html, which a host serves with status 404 and which asks
  # not to be indexed; the browser test and axe-core check it instead.
  mapfile -t pages < <(cd "$work/public" && find . -name index.html | sed 's#^\./##; s#index\.html$##' | sort)
fi

flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
# Lighthouse's own advice for noisy machines: run each page several times and
# take the median (LH_RUNS, default 3). A page without JavaScript still shows
# blocking time when other processes hold the CPU.
runs=${LH_RUNS:-3}
printf '%-46s %5s %5s %5s %5s   (median of %d runs)\n' page perf a11y bp seo "$runs"
for p in "${pages[@]}"; do
  name=${p//\//_}; name=${name:-root}
  files=()
  for r in $(seq "$runs"); do
    f="$reports/$name.$r.json"
    "$lh" "$base$p" --quiet --chrome-flags="$flags" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$f" >/dev/null 2>&1 || { echo "$p: lighthouse failed"; continue; }
    files+=("$PWD/$f")
  done
  [ ${#files[@]} -gt 0 ] || continue
  node -e '
    const [page, ...files] = process.argv.slice(1);
    const reports = files.map(f => require(f));
    const cats = ["performance", "accessibility", "best-practices", "seo"];
    const median = xs => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const scores = cats.map(k => median(reports.map(r => Math.round(r.categories[k].score * 100))));
    console.log(page.padEnd(46) + " " + scores.map(n => String(n).padStart(5)).join(" ") + "   perf per run: " + reports.map(r => Math.round(r.categories.performance.score * 100)).join(" "));
    // The run whose performance is the median explains any point lost.
    const perf = reports.map(r => r.categories.performance.score);
    const r = reports[perf.indexOf(median(perf))];
    for (const [k, c] of Object.entries(r.categories)) for (const ref of c.auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("    " + k + ": " + a.id + " " + a.score + " " + (a.displayValue || ""));
    }
    const m = id => r.audits[id].displayValue;
    console.log("    FCP " + m("first-contentful-paint") + ", LCP " + m("largest-contentful-paint") + ", TBT " + m("total-blocking-time") + ", CLS " + m("cumulative-layout-shift") + ", SI " + m("speed-index"));
  ' "/$p" "${files[@]}"
done
