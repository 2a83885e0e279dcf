#!/usr/bin/env bash
# Smoke test of a bench-PC install, as far as this machine allows:
#  1. publishes the service for linux-x64 (self-contained, single file) unless DIST is given;
#  2. systemd-analyze verify on docs/examples/cabletest.service, its ExecStart pointed at that binary
#     (any warning fails it: unknown keys only warn);
#  3. starts the binary on a free loopback port with a fresh data directory, asks grpc.health.v1 over
#     h2c (curl) until SERVING, sends SIGTERM, and requires exit 0 and "High voltage confirmed off
#     (service stop)" in its log.
#   eng/publish-smoke.sh [DIST]     (DIST: a folder with CableTest.Service, e.g. artifacts/dist/linux-x64/service)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in curl systemd-analyze xxd; do
  command -v "$tool" >/dev/null || { echo "publish-smoke: needs $tool (apt-get install curl systemd xxd)" >&2; exit 2; }
done
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dist="${1:-}"
if [ -z "$dist" ]; then
  dist="$work/dist"
  start=$(date +%s)
  dotnet publish src/CableTest.Service -p:PublishProfile=linux-x64 -o "$dist" -nologo -clp:ErrorsOnly >/dev/null
  echo "published in $(( $(date +%s) - start )) s: $(du -sh "$dist/CableTest.Service" | cut -f1) single file, $(ls "$dist" | tr '\n' ' ')"
fi
exe="$(cd "$dist" && pwd)/CableTest.Service"
[ -x "$exe" ] || { echo "publish-smoke: no executable $exe" >&2; exit 1; }

# 2. The unit as shipped, with its ExecStart and WorkingDirectory pointed at this binary.
sed "s#/opt/cabletest#$(dirname "$exe")#g" docs/examples/cabletest.service > "$work/cabletest.service"
if ! verify=$(systemd-analyze verify --man=no "$work/cabletest.service" 2>&1) || [ -n "$verify" ]; then
  echo "publish-smoke: systemd-analyze verify FAILED:"; echo "$verify"; exit 1
fi
echo "systemd-analyze verify: clean (docs/examples/cabletest.service)"

# 3. Start, health, SIGTERM.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log="$work/service.log"
DOTNET_BUNDLE_EXTRACT_BASE_DIR="$work/extract" "$exe" --urls "http://127.0.0.1:$port" --DataDirectory "$work/data" >"$log" 2>&1 &
pid=$!
serving=""
for _ in $(seq 1 240); do
  # grpc.health.v1.Health/Check with an empty request: a 5-byte gRPC frame; SERVING is field 1 = 1 (08 01).
  reply=$(printf '\x00\x00\x00\x00\x00' | curl -s --max-time 2 --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    --data-binary @- "http://127.0.0.1:$port/grpc.health.v1.Health/Check" | xxd -p || true)
  if [ "$reply" = "00000000020801" ]; then serving=yes; break; fi
  kill -0 "$pid" 2>/dev/null || { echo "publish-smoke: the service exited before serving:"; cat "$log"; exit 1; }
  sleep 0.5
done
[ -n "$serving" ] || { echo "publish-smoke: health never SERVING:"; cat "$log"; exit 1; }
echo "health: SERVING on 127.0.0.1:$port (grpc.health.v1 over h2c)"
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
pid=""
grep -q "High voltage confirmed off (service stop)" "$log" || { echo "publish-smoke: no HV-off confirmation at stop:"; cat "$log"; exit 1; }
[ "$rc" = 0 ] || { echo "publish-smoke: exit $rc after SIGTERM:"; cat "$log"; exit 1; }
echo "SIGTERM: exit 0; log: $(grep -o 'High voltage confirmed off (service stop)' "$log")"
echo "publish-smoke: OK"
