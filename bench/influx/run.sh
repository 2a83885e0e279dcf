#!/usr/bin/env bash
# End-to-end InfluxDB write throughput: CableTest's writer vs the raw peer (../shared/peers/influx_post.py)
# against the same influxd, same points, 5,000-point batches, alternating in one run.
# Usage: bench/influx/run.sh [POINTS] [ROUNDS]    (PEERS=/path/to/shared/peers to override)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
points=${1:-200000}
rounds=${2:-3}
batch=5000
[ -f "$peers/influx_post.py" ] || { echo "influx_post.py not found under $peers (set PEERS)" >&2; exit 1; }
command -v influxd >/dev/null || { echo "influxd missing: apt-get install influxdb" >&2; exit 1; }

tmp=$(mktemp -d)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
rpc=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > "$tmp/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc"
[meta]
  dir = "$tmp/meta"
[data]
  dir = "$tmp/data"
  wal-dir = "$tmp/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$port"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
influxd run -config "$tmp/influxdb.conf" >"$tmp/influxd.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/ping" && break; sleep 0.1; done
curl -sf -XPOST "http://127.0.0.1:$port/query" --data-urlencode "q=CREATE DATABASE cabletest" >/dev/null

dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
bench="dotnet $repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll"
pps() { sed -n 's/.*pps=\([0-9.]*\).*/\1/p'; }
raw=(); ours=(); outbox=()
for r in $(seq "$rounds"); do
  raw+=("$(/usr/bin/python3 "$peers/influx_post.py" "http://127.0.0.1:$port" "$points" "$batch" v1 | pps)")
  ours+=("$($bench influx-e2e "http://127.0.0.1:$port" "$points" "$batch" direct v1 | pps)")
  outbox+=("$($bench influx-e2e "http://127.0.0.1:$port" "$points" "$batch" outbox v1 | pps)")
  echo "round $r: raw=${raw[-1]} ours=${ours[-1]} ours_with_outbox=${outbox[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_raw=$(median "${raw[@]}"); m_ours=$(median "${ours[@]}"); m_out=$(median "${outbox[@]}")
echo "points=$points batch=$batch rounds=$rounds (medians, points/s)"
echo "raw=$m_raw ours=$m_ours ours_with_outbox=$m_out ratio=$(awk "BEGIN{printf \"%.2f\", $m_ours/$m_raw}") outbox_ratio=$(awk "BEGIN{printf \"%.2f\", $m_out/$m_raw}")"
