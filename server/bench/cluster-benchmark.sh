#!/usr/bin/env bash
# Noop throughput of two API nodes and 1, 2, 4 workers of capacity 4, each a process, on one PostgreSQL;
# prints tasks completed/s for each and the scaling ratio.
# Usage: server/bench/cluster-benchmark.sh [--tasks N] [--run-time-ms N] [--capacity N] [--workers 1,2,4]
# Extra Maven flags (e.g. -o for offline) go in MVN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
# in one reactor, so the sibling modules resolve from this tree (each module writes its own classpath file)
mvn -B -q ${MVN_ARGS:-} -pl server -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cd server
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.druidtasks.server.app.ClusterBenchmark "$@"
