#!/usr/bin/env bash
# BookApplyCpuTime for 1 and 10 levels a delta, each delta its own batch and sixteen to a batch, one JVM a
# case, pinned to one CPU (thread CPU time, which the load of a shared machine distorts less than JMH's wall
# clock). Run the same command on the jar before and after a change:
#   bench/book-apply-cpu.sh bench/target/benchmarks.jar [CPU=1] [ROUNDS=15] [DELTAS_PER_ROUND=1000000]
set -euo pipefail
jar=${1:?usage: $0 BENCHMARKS_JAR [CPU] [ROUNDS] [DELTAS_PER_ROUND]}
cpu=${2:-1}
rounds=${3:-15}
deltas=${4:-1000000}
echo "# $(date -u +%FT%TZ) $(uptime)"
for levels in 1 10; do
  for mode in single batch; do
    taskset -c "$cpu" java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dchronicle.analytics.disable=true \
      -cp "$jar" io.fathom.bench.BookApplyCpuTime "$levels" "$mode" "$rounds" "$deltas"
  done
done
echo "# $(date -u +%FT%TZ) $(uptime)"
