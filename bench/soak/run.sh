#!/usr/bin/env bash
# Memory over many runs (issue 16.6): the real service process on the simulated bench runs RUNS runs in
# a row (register, start, answer prompts, wait for the end; then GetVerdict, ListVerdicts and the HTML
# report), sampling its resident set after each. Prints RSS every 10 runs and RSS after the last run
# against RSS after run 10; exits 1 above 1.10 or when a run does not complete.
# Usage: bench/soak/run.sh [RUNS] [TIME_SCALE] [--Service:Setting=value ...] [--gcdump=DIR]   (defaults 100, 1000)
# The service runs with MALLOC_ARENA_MAX=2, as the systemd unit (docs/examples/cabletest.service) sets it.
set -euo pipefail
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
exec dotnet "$repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll" run-soak "${1:-100}" "${2:-1000}" "${@:3}"
