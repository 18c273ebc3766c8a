#!/usr/bin/env bash
# Connector throughput: PUSH -> Flink (ZmqSource -> ZmqSink) -> PULL against a plain PUSH -> PULL loop
# and a plain relay, on each wire: jeromq, the native libzmq, and libzmq with CURVE.
# Arguments (optional): messages, message bytes, rounds. Extra Maven flags (e.g. -o) in MVN_FLAGS.
set -euo pipefail
connectors="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$connectors")"
out="$connectors/target/benchmark"
mkdir -p "$out/tmp"
# Compiled in place (nothing installed): the benchmark runs from target/classes and target/test-classes.
(cd "$root" && mvn -q -B -ntp ${MVN_FLAGS:-} -pl connectors -am test-compile)
(cd "$connectors" && mvn -q -B -ntp ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
exec java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Djava.io.tmpdir="$out/tmp" \
  -Dlog4j.configurationFile="$root/flink-conf/log4j-console.properties" \
  -cp "$connectors/target/test-classes:$connectors/target/classes:$(cat "$out/classpath.txt")" \
  io.videostream.connector.zeromq.benchmark.ConnectorThroughput "$@"
