#!/usr/bin/env bash
# Where the CPU goes when writing to VictoriaMetrics: for each writer, its wall time and CPU seconds and the CPU
# seconds VictoriaMetrics spent during that writer's timed part (from /proc/PID/stat), so the two can be added up
# against the two cores of a bench PC. Writers: raw (the peer, ../shared/peers/influx_post.py), direct
# (InfluxDB.Client), outbox (the durable outbox and forwarder); "outbox:VAR=VALUE ..." runs one with environment
# variables set (e.g. outbox:DOTNET_GCRetainVM=1).
# Usage: bench/influx/cpu-budget.sh [POINTS] [ROUNDS]   (WRITERS="raw direct outbox" to choose, PEERS=... as run.sh)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
points=${1:-1000000}
rounds=${2:-3}
command -v victoria-metrics >/dev/null || { echo "victoria-metrics missing: apt-get install victoria-metrics" >&2; exit 1; }
tmp=$(mktemp -d)
vmport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
victoria-metrics -storageDataPath="$tmp/vm" -httpListenAddr="127.0.0.1:$vmport" -loggerLevel=ERROR -dedup.minScrapeInterval=1ms >"$tmp/vm.log" 2>&1 &
vmpid=$!
trap 'kill $vmpid 2>/dev/null; wait $vmpid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$vmport/health" >/dev/null && break; sleep 0.1; done
dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
bench="$repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll"
export CABLETEST_BENCH_SETTLE_MS=2000
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$vmpid/stat"; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for w in ${WRITERS:-raw direct outbox}; do
    mode=${w%%:*}
    envs=(); [ "$w" != "$mode" ] && read -ra envs <<< "${w#*:}"
    if [ "$mode" = raw ]; then
      sleep 2
      before=$(ticks); out=$(/usr/bin/python3 "$peers/influx_post.py" "http://127.0.0.1:$vmport" "$points" 5000 v2); after=$(ticks)
    else
      # The benchmark says when its timed part starts (after CABLETEST_BENCH_PAUSE_MS): count from there.
      env "${envs[@]}" CABLETEST_BENCH_PAUSE_MS=1000 dotnet "$bench" influx-e2e "http://127.0.0.1:$vmport" "$points" 5000 "$mode" v2 \
        2>"$tmp/err" >"$tmp/out" &
      p=$!
      until grep -q "timed part starts" "$tmp/err" 2>/dev/null; do kill -0 $p 2>/dev/null || { cat "$tmp/err" >&2; exit 1; }; sleep 0.02; done
      sleep 0.9  # a little early rather than late: the server is idle until the clock starts
      before=$(ticks); wait $p; after=$(ticks); out=$(cat "$tmp/out")
    fi
    seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<< "$out")
    python3 -c "import sys; t=($after-$before)/$hz; print('round $r %-28s %s vm_cpu_s=%.2f vm_cores=%.2f' % ('$w', '$out', t, t/$seconds))"
  done
done
