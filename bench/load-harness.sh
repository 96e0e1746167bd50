#!/usr/bin/env bash
# The end-to-end load harness (bench/RESULTS.md, "Load harness"): builds bench/target/benchmarks.jar
# when it is missing or older than the sources, then runs io.fathom.bench.load.LoadHarness.
#   bench/load-harness.sh            # the full run, about 30 minutes on 2 cores
#   bench/load-harness.sh --quick    # a few seconds a point
#   bench/load-harness.sh --help     # every option
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
if [[ ! -f $jar ]] || [[ -n $(find codec engine tools bench pom.xml \( -path '*/target' -o -path '*/src/test' \) -prune -o -newer "$jar" \( -name '*.java' -o -name '*.py' -o -name pom.xml \) -print -quit) ]]; then
  mvn -q -pl bench -am package -DskipTests
fi
exec java -cp "$jar" io.fathom.bench.load.LoadHarness "$@"
