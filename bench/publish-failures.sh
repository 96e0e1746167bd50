#!/usr/bin/env bash
# Subscriber failures at scale (bench/RESULTS.md, "Subscriber failures: two shards of 500 symbols over UDP"):
# two demo engines, shards 0/2 and 1/2 of 1,000 symbols (about 500 each), publish over UDP on 127.0.0.1 with
# no periodic snapshots and a control endpoint each; a `fathom subscribe` process gets every book valid, is
# killed with SIGKILL and started again, then stopped with SIGSTOP for 10 s and continued. Prints the time
# each recovery took, the engines' event rates before and during the stop, their refused offers, and whether
# the subscriber's final books equal the engines'. Needs tools/target/fathom.jar (mvn -pl tools -am package
# -DskipTests), jq, and free UDP ports 40456-40458 (or BASE_PORT).
#   bench/publish-failures.sh [SYMBOLS] [RATE]    # defaults: 1000 symbols, 10000 messages a second per engine
set -euo pipefail
cd "$(dirname "$0")/.."
symbols=${1:-1000}
rate=${2:-10000}
base=${BASE_PORT:-40456}
jar=tools/target/fathom.jar
out=$(mktemp -d /tmp/fathom-publish-failures.XXXXXX)
channel="aeron:udp?endpoint=127.0.0.1:$base"
control0="aeron:udp?endpoint=127.0.0.1:$((base + 1))"
control1="aeron:udp?endpoint=127.0.0.1:$((base + 2))"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
counter() { java -jar "$jar" stat --dir "$1" | awk -v name="$2" '$1 == name { gsub(",", "", $2); print $2 }'; }
consumed() { echo $(( $(counter "$out/run0" events_consumed) + $(counter "$out/run1" events_consumed) )); }
refused() {
  local sum=0 dir name
  for dir in "$out/run0" "$out/run1"; do
    for name in publish_back_pressured publish_not_connected; do sum=$((sum + $(counter "$dir" "$name"))); done
  done
  echo "$sum"
}
# Books whose latest line, from line $2 of subscriber output $1 on, says valid.
valid_since() { tail -n +"$2" "$1" | grep '^{' | jq -rs 'map({(.symbol): .valid}) | add // {} | map_values(select(.)) | length'; }
await_valid() {
  local file=$1 from=$2 start=$3
  until [[ $(valid_since "$file" "$from") -ge $symbols ]]; do
    if (( $(now_ms) - start > 120000 )); then echo "not every book valid after 120 s" >&2; exit 1; fi
    sleep 0.2
  done
  echo $(( $(now_ms) - start ))
}
subscribe() {
  java -jar "$jar" subscribe "$channel" --format jsonl --interval 200ms --control "$control0" --control "$control1" \
    --summary-json "$out/$1.json" > "$out/$1.out" 2> "$out/$1.err" &
  pids+=($!)
}

for shard in 0 1; do
  control=$control0; [[ $shard == 1 ]] && control=$control1
  java -jar "$jar" demo --symbols "$symbols" --rate "$rate" --duration 10m --quiet --journal off \
    --run-dir "$out/run$shard" --shard "$shard/2" --publish "$channel" --publish-control "$control" \
    --publish-snapshot-interval 1h --summary-json "$out/shard$shard.json" > "$out/shard$shard.out" 2>&1 &
  pids+=($!)
done
engines=("${pids[@]}")
echo "load before: $(uptime)"
start=$(now_ms); subscribe first
echo "first subscriber, every book valid after $(await_valid "$out/first.out" 1 "$start") ms (engines starting)"

kill -9 "${pids[2]}"; wait "${pids[2]}" 2>/dev/null || true
rm -rf "$(grep -o 'media driver in [^ ]*' "$out/first.out" | head -1 | cut -d' ' -f4)"
start=$(now_ms); subscribe second
echo "after kill -9, the restarted subscriber has every book valid after $(await_valid "$out/second.out" 1 "$start") ms (JVM start included)"

c0=$(consumed); sleep 5; c1=$(consumed)
r0=$(refused)
kill -STOP "${pids[3]}"; sleep 10; c2=$(consumed); r1=$(refused)
start=$(now_ms); kill -CONT "${pids[3]}"
echo "engines' events a second: $(( (c1 - c0) / 5 )) before, $(( (c2 - c1) / 10 )) while the subscriber was stopped 10 s; offers refused meanwhile: $((r1 - r0))"
# At 10 s the subscriber's Aeron client may time out, up to about a second after SIGCONT; books seen valid
# before that are the ones from before the stop, so wait for the loss (logged once every book is invalid).
until grep -q 'Aeron client lost' "$out/second.err" || (( $(now_ms) - start > 5000 )); do sleep 0.1; done
if grep -q 'Aeron client lost' "$out/second.err"; then
  echo "its Aeron client was lost $(( $(now_ms) - start )) ms after SIGCONT"
else
  echo "its Aeron client was not lost within 5 s of SIGCONT"
fi
lines=$(wc -l < "$out/second.out")
echo "after SIGCONT, every book valid again after $(await_valid "$out/second.out" $((lines + 1)) "$start") ms"
echo "load after: $(uptime)"

kill -TERM "${engines[@]}"; wait "${engines[@]}" || true
sleep 2; kill -TERM "${pids[3]}"; wait "${pids[3]}" || true
engines_books=$(jq -c '[.instruments[]] ' "$out/shard0.json" "$out/shard1.json" | jq -sc 'add | sort_by(.symbol)')
subscriber_books=$(jq -c '.instruments | sort_by(.symbol)' "$out/second.json")
jq -r '"subscriber: snapshots \(.snapshots), snapshot requests \(.snapshot_requests), images lost \(.images_lost), clients lost \(.clients_lost), sequence gaps \(.sequence_gaps)"' "$out/second.json"
for shard in 0 1; do
  echo "shard $shard: $(counter "$out/run$shard" publish_requests) requests, $(counter "$out/run$shard" publish_request_answers) books answered, $(counter "$out/run$shard" publish_requests_coalesced) coalesced, $(counter "$out/run$shard" publish_requests_rate_limited) rate-limited cycles, ring_full_drops $(counter "$out/run$shard" ring_full_drops)"
done
if [[ $engines_books == "$subscriber_books" ]]; then
  echo "final books: all $(jq length <<< "$engines_books") equal to the engines'"
else
  echo "final books: DIFFER (files in $out)"; exit 1
fi
rm -rf "$out"
