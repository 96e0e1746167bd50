#!/usr/bin/env bash
# IPC publish-to-subscriber-book latency (issue #18: p99 <= 10 us at 50k msg/s; bench/RESULTS.md).
# The simulator (`fathom sim`, its own process) sends RATE depth messages a second over SYMBOLS Binance books to
# `fathom run --publish aeron:ipc` (the engine, with its embedded media driver); `SubscriberLatency`, a
# BookSubscriber in a third process on the engine's driver directory, records from the moment the engine's
# publisher offers each level change to the subscriber's book rebuilt and published to its view, from WARM_UP_S
# after every book is valid there, and prints p50/p90/p99/p99.9/max. Pinning keeps the simulator off the engine's cores:
#   ENGINE_CPUS (default 0), SIM_CPUS (default 1), SUBSCRIBER_CPUS (default 1); SUBSCRIBER_IDLE spin|backoff.
#   bench/publish-latency.sh [SYMBOLS=500] [RATE=50000] [WARM_UP_S=5] [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
symbols=${1:-500}
rate=${2:-50000}
warm=${3:-5}
seconds=${4:-20}
out=$(mktemp -d /tmp/fathom-publish-latency.XXXXXX)
. bench/publish-common.sh
port=${SIM_PORT:-19400}

echo "load before: $(uptime)"
pinned "${SIM_CPUS:-1}" sim java -jar "$jar" sim --symbols "$symbols" --rate "$rate" --port "$port" --rest-port $((port + 1))
await_line "$out/sim.out" "ws://"
pinned "${ENGINE_CPUS:-0}" engine java $opens $engine_log -jar "$jar" run --venue binance --symbols "$(sim_symbols "$symbols")" \
  --url "ws://127.0.0.1:$port" --rest-url "http://127.0.0.1:$((port + 1))" --journal off --quiet --snapshot-rate 2000 --connect-rate 100 \
  --run-dir "$out/run" --publish aeron:ipc --summary-json "$out/engine.json"
engine=${pids[-1]}
await_line "$out/engine.out" "publishing books on"
aeron_dir=$(grep -o 'through the media driver in [^ ]*' "$out/engine.out" | head -1 | awk '{print $NF}')
taskset -c "${SUBSCRIBER_CPUS:-1}" java $opens -cp "$bench_jar" io.fathom.bench.SubscriberLatency aeron:ipc "$aeron_dir" \
  "$symbols" "$warm" "$seconds" "${SUBSCRIBER_IDLE:-spin}" 2>&1 | tee "$out/subscriber.out"
echo "load after: $(uptime)"
stop "$engine"
echo "engine: books_valid=$(json_field "$out/engine.json" books_valid)/$symbols publish_messages=$(json_field "$out/engine.json" \
  publish_messages) publish_back_pressured=$(json_field "$out/engine.json" publish_back_pressured); output in $out"
