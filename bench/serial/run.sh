#!/usr/bin/env bash
# SCPI query/reply round trips over a pseudo-terminal pair against ../shared/peers/serial_peer.py respond:
# pyserial's client (the peer) vs CableTest's ScpiSession on the termios channel, alternating in one run,
# plus System.IO.Ports (SerialPortChannel) for reference.
# Usage: bench/serial/run.sh [ROUNDTRIPS] [ROUNDS]     (PEERS=/path/to/shared/peers to override)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
n=${1:-5000}
rounds=${2:-3}
[ -f "$peers/serial_peer.py" ] || { echo "serial_peer.py not found under $peers (set PEERS)" >&2; exit 1; }
command -v socat >/dev/null || { echo "socat missing: apt-get install socat" >&2; exit 1; }
/usr/bin/python3 -c 'import serial' 2>/dev/null || { echo "python3-serial missing: apt-get install python3-serial" >&2; exit 1; }

tmp=$(mktemp -d)
socat -d pty,raw,echo=0,link="$tmp/a" pty,raw,echo=0,link="$tmp/b" 2>"$tmp/socat.log" &
socat_pid=$!
trap 'kill $socat_pid $peer_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [ -e "$tmp/b" ] && break; sleep 0.1; done
/usr/bin/python3 "$peers/serial_peer.py" respond "$tmp/a" 3600 2>"$tmp/responder.log" &
peer_pid=$!
sleep 0.5

dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
bench="dotnet $repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll"
rps() { sed -n 's/.*rps=\([0-9.]*\).*/\1/p'; }
py=(); ours=(); ports=()
for r in $(seq "$rounds"); do
  py+=("$(/usr/bin/python3 "$peers/serial_peer.py" client "$tmp/b" "$n" | rps)")
  ours+=("$($bench serial-rt "$tmp/b" "$n" termios | rps)")
  ports+=("$($bench serial-rt "$tmp/b" "$((n / 20))" ports | rps)")
  echo "round $r: pyserial=${py[-1]} ours=${ours[-1]} system_io_ports=${ports[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_py=$(median "${py[@]}"); m_ours=$(median "${ours[@]}"); m_ports=$(median "${ports[@]}")
echo "roundtrips=$n rounds=$rounds (medians, round trips/s)"
echo "pyserial=$m_py ours=$m_ours system_io_ports=$m_ports"
awk -v o="$m_ours" -v p="$m_py" 'BEGIN { printf "ratio ours/pyserial = %.2f\n", o / p }'
