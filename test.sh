#!/usr/bin/env bash
# Runs every CableTest test. Installs the system packages the integration tests need first
# (apt-get when root; otherwise prints what is missing and stops).
# Usage: ./test.sh [extra `dotnet test` arguments, e.g. --filter "FullyQualifiedName~Modbus"]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

# Debian package -> a file that proves it is installed.
declare -A probe=(
  [influxdb]=/usr/bin/influxd
  [influxdb-client]=/usr/bin/influx
  [victoria-metrics]=/usr/bin/victoria-metrics
  [postgresql]=/usr/lib/postgresql
  [socat]=/usr/bin/socat
  [python3-pymodbus]=/usr/lib/python3/dist-packages/pymodbus
  [python3-serial]=/usr/lib/python3/dist-packages/serial
  [python3-serial-asyncio]=/usr/lib/python3/dist-packages/serial_asyncio
  [python3-grpcio]=/usr/lib/python3/dist-packages/grpc
  [python3-protobuf]=/usr/lib/python3/dist-packages/google/protobuf
  [libmodbus-dev]=/usr/include/modbus/modbus.h
  [mbpoll]=/usr/bin/mbpoll
  [chromium]=/usr/bin/chromium
  [chromium-driver]=/usr/bin/chromedriver
  [nodejs]=/usr/bin/node
  [npm]=/usr/bin/npm
  [fonts-wqy-microhei]=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc  # CJK glyphs in the headless-Chromium screenshots and PDF reports
  [fonts-dejavu-core]=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf  # Latin text and symbols (⁰ ⁻) in PDF reports
)
missing=()
for pkg in "${!probe[@]}"; do
  [ -e "${probe[$pkg]}" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing system packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# Integration tests fail (never skip) when a tool is missing; tell them they run under CI rules.
export CABLETEST_REQUIRE_INTEGRATION=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build CableTest.sln -c Release -nologo -clp:ErrorsOnly
dotnet test CableTest.sln -c Release --no-build -nologo \
  --logger "console;verbosity=minimal" --results-directory "$here/artifacts/test-results" "$@"
