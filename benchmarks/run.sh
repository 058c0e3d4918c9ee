#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar if it is missing or older than the sources, then runs the
# plain encode/decode benchmark command. Arguments are passed on, e.g.:
#   benchmarks/run.sh --quick          # skip the 256 MiB blob
#   benchmarks/run.sh --threads 4 --runs 5 --no-breakdown
# Environment: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_HEAP (default 12g),
# BENCH_JVM_OPTS (extra JVM flags, e.g. a JFR recording).
# The heap is fixed (-Xms = -Xmx): the command runs System.gc() before each timed run, and a heap
# that shrinks there must fault in fresh pages for the next ~0.4-1.5 GB of slivers, which costs
# about 20% of a 64 MiB encode.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME
java="$JAVA_HOME/bin/java"
if [[ ! -x "$java" ]]; then
  echo "no JDK at $JAVA_HOME: set JAVA_HOME to a JDK 25" >&2
  exit 1
fi
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [[ "${version%%.*}" -lt 25 ]]; then
  echo "JDK 25 or newer needed, $JAVA_HOME is Java $version" >&2
  exit 1
fi

jar="$here/target/benchmarks.jar"
stale=""
if [[ ! -f "$jar" ]]; then
  stale=yes
elif [[ -n "$(find "$here/src" "$here/pom.xml" "$root/walrus-core/src/main" "$root/walrus-core/pom.xml" "$root/pom.xml" \
                 -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
  stale=yes
fi
if [[ -n "$stale" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && ./mvnw -q -B -pl benchmarks -am package -DskipTests)
fi

# shellcheck disable=SC2086
exec "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Xms"${BENCH_HEAP:-12g}" -Xmx"${BENCH_HEAP:-12g}" ${BENCH_JVM_OPTS:-} \
  -cp "$jar" io.walrusj.bench.EncodeBenchmarkCommand "$@"
