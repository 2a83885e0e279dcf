#!/usr/bin/env bash
# Modbus round trips: CableTest's master vs libmodbus's (../shared/peers modbus_client), both
# reading 10 holding registers from the libmodbus peer server, same count, alternating in one run:
# over loopback TCP, then RTU over a socat pseudo-terminal pair.
# Usage: bench/modbus/run.sh [N] [ROUNDS]    (PEERS=/path/to/shared/peers to override)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
[ -d "$peers" ] || peers=/work/shared/peers
n=${1:-50000}
rounds=${2:-3}
count=10
baud=115200
[ -x "$peers/build.sh" ] || { echo "peers not found under $peers (set PEERS)" >&2; exit 1; }
"$peers/build.sh" >/dev/null

dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -nologo -clp:ErrorsOnly >/dev/null
bench=$(find "$repo/artifacts/bin/CableTest.Benchmarks" -name CableTest.Benchmarks.dll -path '*release*' | head -1)
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

tps() { sed -n 's/.*tps=\([0-9]*\).*/\1/p'; }

compare() { # label, peer-args..., -- ours-args...
  local label=$1; shift
  local peer=() ours=() sep=0
  for a in "$@"; do if [ "$a" = "--" ]; then sep=1; elif [ $sep = 0 ]; then peer+=("$a"); else ours+=("$a"); fi; done
  local sum_peer=0 sum_ours=0
  for r in $(seq 1 "$rounds"); do
    local lp lo
    lp=$("$peers/bin/modbus_client" "${peer[@]}")
    lo=$(dotnet "$bench" modbus-rt "${ours[@]}")
    echo "$label round $r  libmodbus: $lp"
    echo "$label round $r  cabletest: $lo"
    sum_peer=$((sum_peer + $(echo "$lp" | tps)))
    sum_ours=$((sum_ours + $(echo "$lo" | tps)))
  done
  python3 -c "print('$label: libmodbus %d/s, cabletest %d/s, ratio %.2fx' % ($sum_peer/$rounds, $sum_ours/$rounds, $sum_ours/$sum_peer))"
}

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"$peers/bin/modbus_server" tcp "$port" 3600 & pids+=($!)
sleep 0.5
compare "tcp" tcp 127.0.0.1 "$port" $count "$n" -- tcp 127.0.0.1 "$port" $count "$n"

socat -d pty,raw,echo=0,link="$tmp/a" pty,raw,echo=0,link="$tmp/b" 2>/dev/null & pids+=($!)
for _ in $(seq 50); do [ -e "$tmp/b" ] && break; sleep 0.1; done
"$peers/bin/modbus_server" rtu "$tmp/b" $baud 3600 & pids+=($!)
sleep 0.5
rtu_n=$((n / 3))
compare "rtu" rtu "$tmp/a" $baud $count "$rtu_n" -- rtu "$tmp/a" $baud $count "$rtu_n"
