#!/usr/bin/env bash
# Publishes the service and the CLI as self-contained single-file executables for a bench PC.
#   eng/publish.sh [linux-x64|win-x64] [OUT]      (default linux-x64, OUT = artifacts/dist/RID)
# OUT/service: CableTest.Service[.exe], appsettings.json, wwwroot/ (the dashboard) — copy the folder as it is.
# OUT/cli:     cabletest[.exe]
set -euo pipefail
cd "$(dirname "$0")/.."
rid="${1:-linux-x64}"
out="${2:-artifacts/dist/$rid}"
case "$rid" in linux-x64|win-x64) ;; *) echo "publish.sh: runtime must be linux-x64 or win-x64 (is '$rid')" >&2; exit 2;; esac
dotnet publish src/CableTest.Service -p:PublishProfile="$rid" -o "$out/service" -nologo -clp:ErrorsOnly
dotnet publish src/CableTest.Cli -p:PublishProfile="$rid" -o "$out/cli" -nologo -clp:ErrorsOnly
# Nothing but the executables, their configuration and the dashboard's files is needed on the bench PC.
# (hardware-sim's runtimeconfig comes along because it is an executable of its own; it is compiled into the single file.)
find "$out" \( -name '*.pdb' -o -name '*.xml' -o -name 'CableTest.HardwareSim.runtimeconfig.json' \) -delete
echo "published $rid to $out:"
ls -l "$out/service" "$out/cli"
