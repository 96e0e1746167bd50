#!/usr/bin/env bash
# The demo at the simulator's full rate (`demo --rate max`: 500 symbols, the simulator in the engine's process,
# both sharing the host's cores), each jar in turn, RUNS rounds, alternated so that the host's drift falls on
# every jar alike. Prints each run's steady rate: the mean msgs/s from the first second with every book live.
#   bench/demo-rate-max.sh [RUNS=3] [SECONDS=45] JAR[@RATE] ...
# RATE is what the jar's --rate is given (default max), for a build from before demo took `max`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?usage: $0 RUNS SECONDS JAR[@RATE] ...}
seconds=${2:?usage: $0 RUNS SECONDS JAR[@RATE] ...}
shift 2
(( $# > 0 )) || { echo "usage: $0 RUNS SECONDS JAR[@RATE] ..." >&2; exit 2; }
out=$(mktemp -d -t fathom-demo-max.XXXXXX)
source bench/publish-common.sh
echo "# $(date -u +%FT%TZ) $(uptime) outputs in $out"
for run in $(seq 1 "$runs"); do
  for jarAndRate in "$@"; do
    jar=${jarAndRate%@*}
    rate=max
    [[ $jarAndRate == *@* ]] && rate=${jarAndRate##*@}
    name="run$run-$(basename "$(dirname "$(dirname "$jar")")")-$(basename "$jar" .jar)"
    java -jar "$jar" demo --rate "$rate" --duration "${seconds}s" --run-dir "$out/$name/run" \
      --journal "$out/$name/journal" > "$out/$name.out" 2>&1 < /dev/null
    summary=$(grep -o 'messages=[0-9]* .*resyncs=[0-9]* books=[0-9]* valid=[0-9]*' "$out/$name.out" || echo 'no summary')
    echo "$jar run $run: steady msgs/s $(steady_rate "$out/$name.out"); $summary; load$(uptime | sed 's/.*average//')"
  done
done
echo "# $(date -u +%FT%TZ)"
