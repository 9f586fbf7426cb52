#!/usr/bin/env bash
# The Tasks API under load at several store sizes: for each size, seeds a fresh data dir, starts the
# server on it and runs every scenario of the load tool; reports land in target/benchmarks/<size>/.
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
  java -jar "$server" serve --data-dir "$data" --port "$port" --admin-port $((port + 1)) >"$out/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "$target/status/health" >/dev/null && break
    sleep 0.5
  done
  echo "== $n tasks stored; server RSS $(ps -o rss= -p $pid | awk '{printf "%d MB", $1/1024}')"
  run list --scenario list --clients 4
  run bulk-status --scenario bulk-status --clients 4 --bulk-ids 1000
  run poll --scenario poll --clients 4
  run poll-rate --scenario poll --clients 4 --rate 200
  run mixed --scenario mixed --clients 8 --rate 100
  run submit --scenario submit --clients 16
  echo "== server RSS after the runs $(ps -o rss= -p $pid | awk '{printf "%d MB", $1/1024}')"
  kill $pid
  wait $pid 2>/dev/null || true
  trap - EXIT
  rm -rf "$data"
done
