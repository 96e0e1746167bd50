#!/usr/bin/env bash
# The pinned latency point of issue #16 (bench/RESULTS.md): the simulator on CPU 0, each design on CPU 1
# (taskset), 50,000 msg/s over 1 and 10 connections, Fathom on Java-WebSocket, on the selector transport and in
# invoker mode (every part of the engine on one thread), and both transports alone. The engine's own receipt->applied histogram (frame receipt on the feed thread to
# the book applied) is the summary's receipt->applied column. Any load-harness option may follow
# (--quick, --out DIR, ...).
set -euo pipefail
exec "$(dirname "$0")/load-harness.sh" --pin --rates 50000 --connections 1,10 \
  --designs fathom,fathom-selector,fathom-invoker,transport,transport-selector --prefix load-pinned "$@"
