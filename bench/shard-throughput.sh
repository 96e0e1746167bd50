#!/usr/bin/env bash
# Two shards over UDP against one engine (issue #18: >= 1.8x the book events one engine delivers; RESULTS.md).
# One `fathom subscribe` on aeron:udp 127.0.0.1 counts the book messages it reads in SECONDS; first from one
# engine holding SYMBOLS books, then from two engines `--shard 0/2` and `--shard 1/2` of the same SYMBOLS
# (about half each), publishing to the same channel. Each engine reads its own `fathom sim --rate max` (as fast
# as that engine reads), so an engine, not its simulator, is the limit. Prints messages a second at the
# subscriber and the ratio. Pinning: ENGINE0_CPUS (default 0), ENGINE1_CPUS (default 1), SIM_CPUS (default 1),
# SUBSCRIBER_CPUS (default 1): on a host with the cores, give each engine and the rest cores of their own.
#   bench/shard-throughput.sh [SYMBOLS=1000] [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
symbols=${1:-1000}
seconds=${2:-20}
out=$(mktemp -d /tmp/fathom-shard-throughput.XXXXXX)
. bench/publish-common.sh
base=${BASE_PORT:-40466}
channel="aeron:udp?endpoint=127.0.0.1:$base"

# engine NAME CPUS SIM_PORT [SHARD]: a simulator and an engine reading it, publishing on the channel.
engine() {
  local name=$1 cpus=$2 port=$3 shard=${4:-}
  pinned "${SIM_CPUS:-1}" "$name-sim" java -jar "$jar" sim --symbols "$symbols" --rate max --port "$port" --rest-port $((port + 1))
  await_line "$out/$name-sim.out" "ws://"
  local extra=()
  [[ -n $shard ]] && extra=(--shard "$shard")
  pinned "$cpus" "$name" java $opens $engine_log -jar "$jar" run --venue binance --symbols "$(sim_symbols "$symbols")" \
    --url "ws://127.0.0.1:$port" --rest-url "http://127.0.0.1:$((port + 1))" --journal off --snapshot-rate 2000 --connect-rate 100 \
    --run-dir "$out/$name-run" --publish "$channel" --summary-json "$out/$name.json" "${extra[@]}"
}

# measure NAME: the subscriber's messages over SECONDS once every engine holds every book live; prints messages a
# second.
measure() {
  local name=$1
  pinned "${SUBSCRIBER_CPUS:-1}" "$name-subscriber" java $opens -jar "$jar" subscribe "$channel" --interval 1h \
    --summary-json "$out/$name-subscriber.json"
  local subscriber=${pids[-1]}
  await_line "$out/$name-subscriber.out" "subscribed to"
  sleep "$seconds"
  stop "$subscriber"
  echo $(( $(json_field "$out/$name-subscriber.json" messages) / seconds ))
}

echo "load before: $(uptime)"
engine one "${ENGINE0_CPUS:-0}" 19420
await_line "$out/one.out" "publishing books on"
await_books_live "$out/one.out"
one=$(measure one)
echo "one engine, $symbols books: $one book messages/s at the subscriber (load: $(uptime | sed 's/.*load average: //'))"
for pid in "${pids[@]}"; do stop "$pid"; done
pids=()

engine shard0 "${ENGINE0_CPUS:-0}" 19430 0/2
engine shard1 "${ENGINE1_CPUS:-1}" 19440 1/2
await_line "$out/shard0.out" "publishing books on"
await_line "$out/shard1.out" "publishing books on"
await_books_live "$out/shard0.out"
await_books_live "$out/shard1.out"
two=$(measure two)
echo "two shards, $symbols books: $two book messages/s at the subscriber (load: $(uptime | sed 's/.*load average: //'))"
for pid in "${pids[@]}"; do stop "$pid"; done
awk -v a="$one" -v b="$two" 'BEGIN { printf "two shards / one engine: %.2fx (target >= 1.8x)\n", (a > 0 ? b / a : 0) }'
echo "output in $out"
