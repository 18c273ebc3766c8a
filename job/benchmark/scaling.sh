#!/usr/bin/env bash
# Scaling benchmark: a worker on the standalone cluster (flink-conf/cluster) with 1 and 2 TaskManagers,
# each pinned to a CPU of its own, fed pre-encoded frames from 1, 10 and 100 streams, by distributors
# (the worker asks: REQ) and by PUSH peers (the worker's PULL).
# Arguments (optional): seconds measured (20), card (IMAG_M), feeders (req,push), turns of 1 and 2
# TaskManagers (3), the worker's --reqthread, comma-separated (the worker's default). Ports 8081, 6123
# and 9249-9260 must be free.
JAVA_OPTS="-Xmx1g ${JAVA_OPTS:-}" exec "$(dirname "$0")/java.sh" Scaling "$@"
