#!/usr/bin/env bash
# DecodeCpuTime for every DecodeBenchmark case, one JVM a case, pinned to one CPU (thread CPU time, which the
# load of a shared machine distorts less than JMH's wall clock). Run the same command on the jar before and
# after a change:
#   bench/decode-cpu-all.sh bench/target/benchmarks.jar [CPU=1] [ROUNDS=10] [FRAMES_PER_ROUND=30000]
set -euo pipefail
jar=${1:?usage: $0 BENCHMARKS_JAR [CPU] [ROUNDS] [FRAMES_PER_ROUND]}
cpu=${2:-1}
rounds=${3:-10}
frames=${4:-30000}
data="$(cd "$(dirname "$0")/.." && pwd)/data/realdata"
echo "# $(date -u +%FT%TZ) $(uptime)"
for decodeCase in binance-spot binance-usdm kraken-v1 okx bitget \
    binance-spot-10 kraken-v1-10 kraken-v2-10 okx-10 bitget-10 coinbase-10 hyperliquid-10; do
  taskset -c "$cpu" java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dfathom.realdata="$data" \
    -cp "$jar" io.fathom.bench.DecodeCpuTime "$decodeCase" "$rounds" "$frames"
done
echo "# $(date -u +%FT%TZ) $(uptime)"
