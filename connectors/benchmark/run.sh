#!/usr/bin/env bash
# Connector throughput: PUSH -> Flink (ZmqSource -> ZmqSink) -> PULL against a plain PUSH -> PULL loop.
# Arguments (optional): messages, message bytes, rounds.
set -euo pipefail
connectors="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$connectors")"
out="$connectors/target/benchmark"
mkdir -p "$out/tmp"
(cd "$root" && mvn -q -B -ntp -pl connectors -am -DskipTests install)
(cd "$connectors" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
exec java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Djava.io.tmpdir="$out/tmp" \
  -Dlog4j.configurationFile="$root/flink-conf/log4j-console.properties" \
  -cp "$connectors/target/test-classes:$connectors/target/classes:$(cat "$out/classpath.txt")" \
  io.videostream.connector.zeromq.benchmark.ConnectorThroughput "$@"
