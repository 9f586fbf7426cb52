#!/usr/bin/env bash
# What basic security costs a request: GET /task/{id}/status on two servers side by side, one with
# --auth none and one with --auth basic (a user whose password is checked once, then remembered),
# measured with wrk in alternating rounds. Prints each round's p50/p99 and the medians.
# Usage: server/bench/auth-cost.sh [--rounds N] [--seconds S] [--connections C]   (needs wrk and the server jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=5 SECONDS_PER_ROUND=10 CONNECTIONS=4
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --seconds) SECONDS_PER_ROUND=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
JAR=server/target/druid-tasks-server.jar
[ -f "$JAR" ] || { echo "build the server first: mvn -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 2; }
WORK=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() { # name port auth
  java -Xmx512m -jar "$JAR" serve --port "$2" --admin-port $(( $2 + 1 )) --data-dir "$WORK/$1" --auth "$3" \
    --admin-password bench-admin-pw >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
await() { # port auth-header
  for _ in $(seq 600); do
    curl -sf -H "$2" "localhost:$1/druid/indexer/v1/tasks" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server on $1 did not start" >&2; exit 1
}
BASIC="Authorization: Basic $(printf 'admin:bench-admin-pw' | base64)"
start open 18701 none
start secured 18711 basic
await 18701 "X-None: 1"
await 18711 "$BASIC"
submit() { # port header
  curl -sf -H "$2" -H 'Content-Type: application/json' -d '{"type":"noop","runTime":1}' \
    "localhost:$1/druid/indexer/v1/task" | sed 's/.*"task":"\([^"]*\)".*/\1/'
}
OPEN_ID=$(submit 18701 "X-None: 1")
SECURED_ID=$(submit 18711 "$BASIC")
sleep 2
run() { # port header id -> "p50 p99" in ms
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" --latency -H "$2" \
    "http://localhost:$1/druid/indexer/v1/task/$3/status" |
    awk '/^ +50%/{p50=$2} /^ +99%/{p99=$2} END{print p50, p99}'
}
ms() { # wrk's 1.23ms / 456.00us / 1.2s -> ms
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else {sub(/s$/,"",v); print v*1000} }'
}
OPEN_P50=() SECURED_P50=()
printf '%-6s %-22s %-22s\n' round "auth none p50/p99 ms" "auth basic p50/p99 ms"
for r in $(seq "$ROUNDS"); do
  read -r o50 o99 < <(run 18701 "X-None: 1" "$OPEN_ID")
  read -r s50 s99 < <(run 18711 "$BASIC" "$SECURED_ID")
  OPEN_P50+=("$(ms "$o50")"); SECURED_P50+=("$(ms "$s50")")
  printf '%-6s %-22s %-22s\n' "$r" "$(ms "$o50") / $(ms "$o99")" "$(ms "$s50") / $(ms "$s99")"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
O=$(median "${OPEN_P50[@]}"); S=$(median "${SECURED_P50[@]}")
echo "median p50: auth none $O ms, auth basic $S ms, ratio $(awk -v a="$S" -v b="$O" 'BEGIN{printf "%.2f", a/b}')"
