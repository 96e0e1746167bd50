#!/usr/bin/env bash
# Publishing's cost at the simulator's full rate (issue #18: <= 10% of the engine's throughput; bench/RESULTS.md).
# Alternated runs, RUNS without and RUNS with `--publish aeron:ipc` and a live `fathom subscribe` reading every
# book: each run starts `fathom sim --rate max` (as fast as the engine reads) in its own process and
# `fathom run` for SECONDS, then prints the engine's steady rate (the mean of its once-a-second msgs/s from the
# first second with every book live: start-up and first snapshots left out), then the whole run's events the book
# handler took a second (events_consumed / SECONDS) and the depth messages it applied. Pinning: ENGINE_CPUS (default 0), SIM_CPUS (default 1), SUBSCRIBER_CPUS
# (default 1); give each its own cores on a host that has them.
#   bench/publish-cost.sh [SYMBOLS=500] [RUNS=3] [SECONDS=15]
set -euo pipefail
cd "$(dirname "$0")/.."
symbols=${1:-500}
runs=${2:-3}
seconds=${3:-15}
out=$(mktemp -d /tmp/fathom-publish-cost.XXXXXX)
. bench/publish-common.sh
port=${SIM_PORT:-19410}

one_run() {
  local name=$1 publish=$2
  pinned "${SIM_CPUS:-1}" "$name-sim" java -jar "$jar" sim --symbols "$symbols" --rate max --port "$port" --rest-port $((port + 1))
  local sim=${pids[-1]}
  await_line "$out/$name-sim.out" "ws://"
  local extra=()
  [[ $publish == on ]] && extra=(--publish aeron:ipc)
  pinned "${ENGINE_CPUS:-0}" "$name" java $opens $engine_log -jar "$jar" run --venue binance --symbols "$(sim_symbols "$symbols")" \
    --url "ws://127.0.0.1:$port" --rest-url "http://127.0.0.1:$((port + 1))" --journal off --snapshot-rate 2000 --connect-rate 100 --duration "${seconds}s" \
    --run-dir "$out/$name-run" --summary-json "$out/$name.json" "${extra[@]}"
  local engine=${pids[-1]} subscriber=
  if [[ $publish == on ]]; then
    await_line "$out/$name.out" "publishing books on"
    local aeron_dir
    aeron_dir=$(grep -o 'through the media driver in [^ ]*' "$out/$name.out" | head -1 | awk '{print $NF}')
    pinned "${SUBSCRIBER_CPUS:-1}" "$name-subscriber" java $opens -jar "$jar" subscribe aeron:ipc --aeron-dir "$aeron_dir" \
      --interval 1h --summary-json "$out/$name-subscriber.json"
    subscriber=${pids[-1]}
  fi
  wait "$engine" || true
  [[ -n $subscriber ]] && stop "$subscriber"
  stop "$sim"
  local consumed applied valid sub_messages=-
  consumed=$(json_field "$out/$name.json" events_consumed)
  applied=$(json_field "$out/$name.json" deltas_applied)
  valid=$(json_field "$out/$name.json" books_valid)
  [[ -n $subscriber ]] && sub_messages=$(json_field "$out/$name-subscriber.json" messages)
  printf '%-4s publish=%-3s steady_msgs/s=%9d events_consumed/s=%9d deltas_applied/s=%9d books_valid=%s/%s publish_messages=%s subscriber_messages=%s back_pressured=%s load="%s"\n' \
    "$name" "$publish" "$(steady_rate "$out/$name.out")" $((consumed / seconds)) $((applied / seconds)) "$valid" "$symbols" \
    "$(json_field "$out/$name.json" publish_messages)" "$sub_messages" "$(json_field "$out/$name.json" publish_back_pressured)" \
    "$(uptime | sed 's/.*load average: //')"
}

echo "load before: $(uptime)"
for ((i = 1; i <= runs; i++)); do
  one_run "off$i" off
  one_run "on$i" on
done
echo "output in $out"
