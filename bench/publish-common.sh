# Shared by bench/publish-latency.sh, publish-cost.sh and shard-throughput.sh: processes pinned with taskset,
# the simulator in a process of its own, every child's output in a run directory, children killed on exit.
# Needs tools/target/fathom.jar and bench/target/benchmarks.jar (mvn -pl bench -am package -DskipTests).
jar=tools/target/fathom.jar
bench_jar=bench/target/benchmarks.jar
opens=$(grep -o '<fathom.jvm.opens>[^<]*' pom.xml | sed 's/<fathom.jvm.opens>//')
# the engine logs its publication (and its media driver directory) at INFO
engine_log=-Dorg.slf4j.simpleLogger.log.io.fathom.engine.publish.BookPublishing=info
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# pinned CPUS NAME ARGS...: runs ARGS on CPUS (taskset -c), output to $out/NAME.out, pid appended to pids.
pinned() {
  local cpus=$1 name=$2; shift 2
  taskset -c "$cpus" "$@" > "$out/$name.out" 2>&1 < /dev/null &
  pids+=($!)
}

# sim_symbols N: SYM0,...,SYM(N-1), the simulator's Binance spot names.
sim_symbols() { seq -s, -f 'SYM%g' 0 $(($1 - 1)); }

# await_line FILE TEXT [SECONDS]: waits until FILE holds TEXT.
await_line() {
  local deadline=$((SECONDS + ${3:-60}))
  until grep -q "$2" "$1" 2>/dev/null; do
    if (( SECONDS > deadline )); then echo "no '$2' in $1 after ${3:-60} s:" >&2; tail -20 "$1" >&2; exit 1; fi
    sleep 0.2
  done
}

# stop PID: SIGTERM, then wait for it.
stop() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# json_field FILE NAME: a number field of a summary JSON.
json_field() { grep -o "\"$2\":[0-9.]*" "$1" | head -1 | cut -d: -f2; }

# await_books_live FILE [SECONDS]: waits until an engine's progress line (run without --quiet) shows every book it
# holds live, e.g. `books=500/500 live`.
await_books_live() { await_line "$1" 'books=\([0-9][0-9]*\)/\1 live' "${2:-120}"; }

# steady_rate FILE: the mean of an engine's once-a-second msgs/s from the first progress line with every book live to
# the last full second, or 0 when no line had every book live: start-up and snapshots left out.
steady_rate() {
  awk '/^t=[0-9]+s msgs\/s=/ {
         split($3, books, "[=/]"); live = books[2] == books[3] && books[3] > 0
         if (live) started = 1
         if (started) { split($2, rate, "="); sum += rate[2]; n++; last = rate[2] }
       }
       END { if (n > 1) { sum -= last; n-- } printf "%d\n", (n > 0 ? sum / n : 0) }' "$1"
}
