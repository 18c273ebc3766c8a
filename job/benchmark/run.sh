#!/usr/bin/env bash
# End-to-end benchmark: streamer -> worker (identity) -> receiver as Flink jobs over loopback ZeroMQ,
# against the codec's own speed on the same cores. Arguments (optional): frames (3000), seconds at 30 fps (10), cards.
# JAVA_OPTS adds JVM options (a profiler, say).
set -euo pipefail
job="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$job")"
out="$job/target/benchmark"
mkdir -p "$out/tmp"
(cd "$root" && mvn -q -B -ntp -DskipTests install)
(cd "$job" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
exec java ${JAVA_OPTS:-} -Xms2g -Xmx2g -XX:+AlwaysPreTouch -Djava.io.tmpdir="$out/tmp" \
  -Dlog4j.configurationFile="$root/flink-conf/log4j-console.properties" \
  -cp "$job/target/test-classes:$job/target/classes:$(cat "$out/classpath.txt")" \
  io.videostream.job.benchmark.EndToEnd "$@"
