#!/usr/bin/env bash
# Runs every benchmark of auth-bench with the settings the results page reports, and writes the
# output to auth-bench/target/results/. Build the jar first, from the repository root:
#   mvn -B -q -Pbench -pl auth-bench -am package -DskipTests
# Takes about 13 minutes on a 2-core machine. Extra arguments go to each JMH run, for example -i 3.
set -euo pipefail

bench_dir="$(cd "$(dirname "$0")" && pwd)"
jar="$bench_dir/target/benchmarks.jar"
results="$bench_dir/target/results"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$jar" ]]; then
  echo "Missing $jar: build it from the repository root with: mvn -B -q -Pbench -pl auth-bench -am package -DskipTests" >&2
  exit 1
fi
java_major="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
if (( ${java_major%%.*} < 21 )); then
  echo "$java is Java $java_major, but the benchmarks need Java 21 or newer: set JAVA_HOME to a JDK 21+ installation" >&2
  exit 1
fi
mkdir -p "$results"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "java: $("$java" -version 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/machine.txt"

echo "== hot path (JMH), three separate runs"
hot_path_results=()
for run in 1 2 3; do
  "$java" -jar "$jar" 'dev.httpauth.bench.hotpath.*' \
    -f 1 -wi 3 -w 1s -i 6 -r 1s -prof gc \
    -rf json -rff "$results/hotpath-$run.json" "$@" 2>&1 | grep -v '^WARNING' > "$results/hotpath-$run.txt"
  hot_path_results+=("$results/hotpath-$run.json")
  echo "load average after hot-path run $run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"
done
"$java" -cp "$jar" dev.httpauth.bench.hotpath.HotPathRatios "${hot_path_results[@]}" | tee "$results/hotpath-ratios.md"

echo "== stampede"
"$java" -cp "$jar" dev.httpauth.bench.stampede.Stampede 256 5 30 2>&1 | grep -v '^WARNING' | tee "$results/stampede.txt"

echo "== heap per connection"
for token_length in 1000 40; do
  "$java" -Xmx4g -XX:+UseSerialGC -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true \
    -cp "$jar" dev.httpauth.bench.memory.HeapPerConnection 100000 "$token_length" 2>&1 \
    | grep -v -e '^WARNING' -e '^# WARNING' | tee "$results/memory-$token_length.txt"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"
