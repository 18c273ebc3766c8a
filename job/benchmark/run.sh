#!/usr/bin/env bash
# End-to-end benchmark: streamer -> worker (identity) -> receiver as Flink jobs over loopback ZeroMQ,
# against the codec's own speed on the same cores. Arguments (optional): frames (3000), seconds at
# 30 fps (10), cards (IMAG_S,IMAG_M,IMAG_L), wires (jeromq; or e.g. jeromq,libzmq,curve).
# JAVA_OPTS adds JVM options (a profiler, say).
JAVA_OPTS="-Xms2g -Xmx2g -XX:+AlwaysPreTouch ${JAVA_OPTS:-}" exec "$(dirname "$0")/java.sh" EndToEnd "$@"
