#!/usr/bin/env bash
# Scaling benchmark: a worker on the standalone cluster (flink-conf/cluster) with 1 and 2 TaskManagers,
# each pinned to a CPU of its own, fed pre-encoded frames from 1, 10 and 100 streams.
# Arguments (optional): seconds measured (20), card (IMAG_M). Ports 8081, 6123 and 9249-9260 must be free.
set -euo pipefail
job="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$job")"
out="$job/target/benchmark"
mkdir -p "$out/tmp"
(cd "$root" && mvn -q -B -ntp -DskipTests install)
(cd "$job" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
cd "$job" # the cluster is found from here (../flink-conf/cluster)
exec java -Xmx1g -Djava.io.tmpdir="$out/tmp" \
  -Dlog4j.configurationFile="$root/flink-conf/log4j-console.properties" \
  -cp "$job/target/test-classes:$job/target/classes:$(cat "$out/classpath.txt")" \
  io.videostream.job.benchmark.Scaling "$@"
