#!/usr/bin/env bash
# Ingestion throughput benchmark with a 256 MB heap.
# Usage: server/bench/ingest-benchmark.sh [--size-mb N] [--runs N] [--warmups N] [--skip-wikipedia] [--skip-generated] [--rollup] [--rollup-all] [--shuffled] [--filter]
# Extra Maven flags (e.g. -o for offline) go in MVN_ARGS; JVM flags in JAVA_OPTS (default -Xmx256m).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q ${MVN_ARGS:-} -pl server test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CLASSPATH="server/target/test-classes:server/target/classes:$(cat server/target/bench-classpath.txt)"
exec java ${JAVA_OPTS:--Xmx256m} -Ddruidtasks.quickstart.dir="$PWD/quickstart/tutorial" \
  -cp "$CLASSPATH" dev.druidtasks.server.ingest.IngestBenchmark "$@"
