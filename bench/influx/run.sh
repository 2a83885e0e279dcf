#!/usr/bin/env bash
# End-to-end InfluxDB write throughput, CableTest vs the raw peer (../shared/peers/influx_post.py: pre-encoded
# bodies, one connection), same points, 5,000-point batches, alternating in one run, each peer against the same
# server as ours:
#   influxd (InfluxDB 1.x, v1 /write):       raw peer | ours (InfluxWriteClient) | through the durable outbox
#   VictoriaMetrics (v2 /api/v2/write):       raw peer | ours via InfluxDB.Client | through the durable outbox
# plus single-reading takes from 32 concurrent tasks into the journal (group commit).
# Durability of each figure: "ours" = acknowledged by the server, nothing journalled; "outbox" = every batch written
# and fdatasync'd to the journal before it counts as taken, then acknowledged by the server, up to Influx:MaxInFlight
# batches posted at once, the cursor advanced only over the acknowledged prefix (and made durable at least every
# Outbox:CursorSyncInterval); "takes" = each reading fdatasync'd before its take returns. Every writer is warmed up
# (untimed batches of another measurement) before its clock starts, as a running service is.
# Fairness: every timed part starts after the server has had SETTLE_S (default 2) seconds without writes (ours after
# its warm-up, the peer after the writer before it), and the three writers of each server take turns at going first
# (round 1: raw, ours, outbox; round 2: ours, outbox, raw; ...), so neither pays for the other's background merges.
# Defaults: 1,000,000 points per writer (VictoriaMetrics takes 300,000 in a tenth of a second, too short a window to
# say much), 5 rounds, the figure to quote being the median of the rounds' ratios; the takes use 300,000 readings.
# Usage: bench/influx/run.sh [POINTS] [ROUNDS]    (PEERS=/path/to/shared/peers, SETTLE_S=seconds, TAKES=readings to override)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
points=${1:-1000000}
rounds=${2:-5}
takes_points=${TAKES:-300000}
batch=5000
settle_s=${SETTLE_S:-2}
export CABLETEST_BENCH_SETTLE_MS=$((settle_s * 1000))
[ -f "$peers/influx_post.py" ] || { echo "influx_post.py not found under $peers (set PEERS)" >&2; exit 1; }
command -v influxd >/dev/null || { echo "influxd missing: apt-get install influxdb" >&2; exit 1; }
command -v victoria-metrics >/dev/null || { echo "victoria-metrics missing: apt-get install victoria-metrics" >&2; exit 1; }

tmp=$(mktemp -d)
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
port=$(free_port); rpc=$(free_port); vmport=$(free_port)
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
victoria-metrics -storageDataPath="$tmp/vm" -httpListenAddr="127.0.0.1:$vmport" -loggerLevel=ERROR -dedup.minScrapeInterval=1ms >"$tmp/vm.log" 2>&1 &
vmpid=$!
trap 'kill $pid $vmpid 2>/dev/null; wait $pid $vmpid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/ping" && break; sleep 0.1; done
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$vmport/health" >/dev/null && break; sleep 0.1; done
curl -sf -XPOST "http://127.0.0.1:$port/query" --data-urlencode "q=CREATE DATABASE cabletest" >/dev/null

dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
bench="dotnet $repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll"
v1="http://127.0.0.1:$port"; v2="http://127.0.0.1:$vmport"
pps() { sed -n 's/.*pps=\([0-9.]*\).*/\1/p'; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
raw1=(); direct1=(); outbox1=(); raw2=(); direct2=(); outbox2=(); takes=()
# One writer against one server: raw (the peer, after the settle pause), direct or outbox (ours; the benchmark settles
# after its warm-up).
writer() {
  case $1 in
    raw) sleep "$settle_s"; /usr/bin/python3 "$peers/influx_post.py" "$2" "$points" "$batch" "$3" | pps ;;
    *) $bench influx-e2e "$2" "$points" "$batch" "$1" "$3" | pps ;;
  esac
}
for r in $(seq "$rounds"); do
  order=(raw direct outbox)
  shift_by=$(( (r - 1) % 3 ))
  order=("${order[@]:$shift_by}" "${order[@]:0:$shift_by}")
  for n in 1 2; do
    url=v$n
    for w in "${order[@]}"; do
      declare -n into=$w$n  # the writer's array for this server: raw1, direct1, outbox1, raw2, ...
      into+=("$(writer "$w" "${!url}" "v$n")")
      unset -n into
    done
  done
  takes+=("$($bench influx-e2e "$v1" "$takes_points" "$batch" takes v1 32 | pps)")
  echo "round $r (order ${order[*]}): influxd raw=${raw1[-1]} ours=${direct1[-1]} outbox=${outbox1[-1]} | victoria-metrics raw=${raw2[-1]} client=${direct2[-1]} outbox=${outbox2[-1]} | takes(32)=${takes[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
m_raw1=$(median "${raw1[@]}"); m_ours1=$(median "${direct1[@]}"); m_out1=$(median "${outbox1[@]}")
m_raw2=$(median "${raw2[@]}"); m_ours2=$(median "${direct2[@]}"); m_out2=$(median "${outbox2[@]}"); m_takes=$(median "${takes[@]}")
# On a shared machine the peer's own figure can move 2x between rounds: each round's ratio (ours and the peer
# measured one after the other) is steadier than the ratio of medians taken from different rounds.
rr() { local -n a=$1 b=$2; local i; for i in "${!a[@]}"; do ratio "${a[$i]}" "${b[$i]}"; echo; done; }
r_ours1=$(median $(rr direct1 raw1)); r_out1=$(median $(rr outbox1 raw1)); r_ours2=$(median $(rr direct2 raw2)); r_out2=$(median $(rr outbox2 raw2))
echo "points=$points batch=$batch rounds=$rounds (medians, points/s; ratio = ours / raw peer on the same server; per-round: median of each round's ratio)"
echo "influxd v1:         raw=$m_raw1 ours=$m_ours1 ($(ratio "$m_ours1" "$m_raw1")x, per-round ${r_ours1}x) outbox=$m_out1 ($(ratio "$m_out1" "$m_raw1")x, per-round ${r_out1}x)"
echo "victoria-metrics v2: raw=$m_raw2 influxdb_client=$m_ours2 ($(ratio "$m_ours2" "$m_raw2")x, per-round ${r_ours2}x) outbox=$m_out2 ($(ratio "$m_out2" "$m_raw2")x, per-round ${r_out2}x)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "journal takes, 32 concurrent single readings, each fsync'd (group commit): $m_takes/s"
