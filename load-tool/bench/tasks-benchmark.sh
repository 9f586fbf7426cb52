#!/usr/bin/env bash
# The Tasks API under load at several store sizes: for each size, seeds a fresh data dir, starts the
# server on it and runs every scenario of the load tool; reports land in target/benchmarks/<size>/.
# A markdown table of all of it: target/benchmarks/summary.md.
# Usage: load-tool/bench/tasks-benchmark.sh [--sizes "10000 1000000"] [--duration S] [--port P]
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="10000 1000000"
duration=10
port=24888
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
server=server/target/druid-tasks-server.jar
load=load-tool/target/druid-tasks-load.jar
[[ -f $server && -f $load ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is needed for the summary (apt-get install jq)" >&2; exit 2; }
# the class-data-sharing archive the build makes, when it is there
cds=()
[[ -f server/target/druid-tasks-server.jsa ]] && cds=(-XX:SharedArchiveFile=server/target/druid-tasks-server.jsa)
target="http://localhost:$port"

run() { # name, then the load tool's options
  local name=$1; shift
  java -jar "$load" --target "$target" --duration "$duration" --warmup 2 --report "$out/$name.json" "$@"
}

for n in $sizes; do
  data=$(mktemp -d "/tmp/druid-tasks-bench-$n.XXXX")
  out=target/benchmarks/$n
  mkdir -p "$out"
  java -jar "$server" seed --tasks "$n" --data-dir "$data" | tail -1 | tee "$out/seed.txt"
  t0=$(date +%s%N)
  java "${cds[@]}" -jar "$server" serve --data-dir "$data" --port "$port" --admin-port $((port + 1)) \
    >"$out/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 1200); do
    curl -sf "$target/status/health" >/dev/null && break
    sleep 0.05
  done
  echo "start to first 200: $((($(date +%s%N) - t0) / 1000000)) ms" | tee "$out/start.txt"
  sleep 5 # idle: the start's garbage collected, nothing asked yet
  echo "idle $(ps -o rss= -p $pid | awk '{printf "%d MB", $1/1024}')" | tee "$out/rss.txt"
  run list --scenario list --clients 4
  run bulk-status --scenario bulk-status --clients 4 --bulk-ids 1000
  run poll --scenario poll --clients 4
  run poll-rate --scenario poll --clients 4 --rate 200
  # before the submissions pile up a backlog that the next task would wait behind
  run lifecycle --scenario lifecycle --clients 2 --rate 5
  run mixed --scenario mixed --clients 8 --rate 100
  run submit --scenario submit --clients 16
  echo "after the runs $(ps -o rss= -p $pid | awk '{printf "%d MB", $1/1024}')" | tee -a "$out/rss.txt"
  kill $pid
  wait $pid 2>/dev/null || true
  trap - EXIT
  rm -rf "$data"
done

# one markdown table of every run: size, scenario, operation, count, errors, req/s, p50/p90/p99/max (ms)
summary=target/benchmarks/summary.md
{
  echo "| stored | scenario | operation | count | errors | req/s | p50 | p90 | p99 | max |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for n in $sizes; do
    for name in list bulk-status poll poll-rate lifecycle mixed submit; do
      f=target/benchmarks/$n/$name.json
      [[ -f $f ]] || continue
      jq -r --arg n "$n" --arg s "$name" 'def r: . * 10 | round / 10; .operations[] | "| \($n) | \($s) | `\(.endpoint)` | \(.count) | \(.errorCount) | \(.throughputPerSecond | r) | \(.latencyMs.p50 | r) | \(.latencyMs.p90 | r) | \(.latencyMs.p99 | r) | \(.latencyMs.max | r) |"' "$f"
    done
    echo "| $n | seed | $(cat target/benchmarks/$n/seed.txt) | | | | | | | |"
    echo "| $n | start | $(cat target/benchmarks/$n/start.txt) | | | | | | | |"
    echo "| $n | server RSS | $(tr '\n' ' ' <target/benchmarks/$n/rss.txt) | | | | | | | |"
  done
} >"$summary"
cat "$summary"
