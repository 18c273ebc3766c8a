#!/usr/bin/env bash
# Runs a benchmark of the job module's tests, built and installed first: java.sh CLASS [args ...],
# CLASS in io.videostream.job.benchmark; JVM options in JAVA_OPTS. Runs from the job module, where
# the standalone cluster is found (../flink-conf/cluster).
set -euo pipefail
job="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$job")"
out="$job/target/benchmark"
mkdir -p "$out/tmp"
(cd "$root" && mvn -q -B -ntp -DskipTests install)
(cd "$job" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
cd "$job"
class="$1"
shift
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Djava.io.tmpdir="$out/tmp" \
  -Dlog4j.configurationFile="$root/flink-conf/log4j-console.properties" \
  -cp "$job/target/test-classes:$job/target/classes:$(cat "$out/classpath.txt")" \
  "io.videostream.job.benchmark.$class" "$@"
