#!/usr/bin/env bash
# What one call of a Hugo template construct costs, for the choices in the
# expert Hugo site (generator/internal/corpus/hugo/expert/).
#
#   scripts/hugo-template-costs.sh            100,000 calls of each construct
#   N=20000 WORK=/tmp/hugo-costs scripts/hugo-template-costs.sh
#
# It writes a one-page Hugo site whose home page runs one construct N times in a
# loop, builds it once per construct under /usr/bin/time, and prints the CPU
# time (user + system) per call, less the empty loop's. Hugo is the one
# bench-vs-hugo.sh uses ($(go env GOPATH)/bin/hugo or hugo on the PATH).
set -euo pipefail

N=${N:-100000}
WORK=${WORK:-/tmp/hugo-template-costs}
hugo=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
rm -rf "$WORK"
mkdir -p "$WORK/layouts/_partials" "$WORK/content" "$WORK/i18n"
cd "$WORK"
cat >hugo.yaml <<'EOF'
baseURL: https://example.org/
disableKinds: [rss, sitemap, taxonomy, term, section, 404]
EOF
printf -- '---\ntitle: home\n---\n' >content/_index.md
cat >i18n/en.yaml <<'EOF'
back: Back to all pledges
desc: "{{ .name }} at the Department Arena, with {{ .leader }}'s statement."
EOF
# The same number formatting three ways: a partial that returns it, a partial
# that writes it, and inline.
echo '{{- return strings.TrimSuffix ".0" (printf "%.1f" (float .)) }}' >layouts/_partials/num-return.html
echo '{{- strings.TrimSuffix ".0" (printf "%.1f" (float .)) -}}' >layouts/_partials/num-output.html
echo '<footer><p>{{ i18n "back" }}</p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></footer>' >layouts/_partials/footer.html
echo '{{- return dict "back" (i18n "back") }}' >layouts/_partials/strings.html

# The loop bodies are Hugo template text, not shell: single quotes keep it so.
# shellcheck disable=SC2016
constructs=(
  'empty loop|'
  'number formatted inline|{{ $x = strings.TrimSuffix ".0" (printf "%.1f" (float 1.5)) }}'
  'partial with return|{{ $x = partial "num-return.html" 1.5 }}'
  'partial that writes its output|{{ $x = partial "num-output.html" 1.5 }}'
  'partialCached with return, one key|{{ $x = partialCached "num-return.html" 1.5 1.5 }}'
  'footer partial|{{ $x = partial "footer.html" . }}'
  'footer partialCached|{{ $x = partialCached "footer.html" . }}'
  'i18n, plain string|{{ $x = i18n "back" }}'
  'i18n with arguments|{{ $x = i18n "desc" (dict "name" "A" "leader" "B") }}'
  'string from a partialCached dict|{{ $x = (partialCached "strings.html" .).back }}'
  'string from a dict held in a variable|{{ $x = $T.back }}'
  'date formatted (time.Format, time.AsTime)|{{ $x = time.Format "2 January 2006" (time.AsTime "2023-12-31") }}'
)
empty=
for c in "${constructs[@]}"; do
  name=${c%%|*} body=${c#*|}
  echo "{{ \$T := partialCached \"strings.html\" . }}{{ \$x := \"\" }}{{ range seq $N }}$body{{ end }}{{ \$x }}" >layouts/home.html
  rm -rf public
  /usr/bin/time -f "%U %S" -o time.txt "$hugo" --quiet >/dev/null
  cpu=$(awk '{print $1 + $2}' time.txt)
  [ -n "$empty" ] || empty=$cpu
  awk -v name="$name" -v cpu="$cpu" -v empty="$empty" -v n="$N" \
    'BEGIN { printf "%-45s %6.2f s   %6.1f µs a call\n", name, cpu, (cpu - empty) * 1e6 / n }'
done
