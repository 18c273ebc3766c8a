#!/usr/bin/env bash
# JPEG codec benchmark: JMH (TurboJPEG and OpenCV paths) against Debian's python3-opencv, same run,
# same images, one core each. Prints ops/s and ratios; raw results stay in codec/target/benchmark/.
set -euo pipefail
codec="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$codec")"
out="$codec/target/benchmark"
mkdir -p "$out"
"$root/bin/install-deps"
(cd "$root" && mvn -q -B -ntp -pl codec -am -DskipTests install)
(cd "$codec" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
classpath="$codec/target/test-classes:$codec/target/classes:$(cat "$out/classpath.txt")"

java -cp "$classpath" io.videostream.codec.benchmark.BenchmarkImages "$out/images"
/usr/bin/python3 "$codec/benchmark/reference.py" measure "$out/images" > "$out/python.json"
java -cp "$classpath" org.openjdk.jmh.Main JpegCodecBenchmark -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.log"
/usr/bin/python3 "$codec/benchmark/reference.py" report "$out/jmh.json" "$out/python.json"
