#!/usr/bin/env bash
# Risk summary (issue 13 item 4) over VERDICTS sampled verdicts in a SQLite run store: the store query and the domain
# analysis timed apart, one cold call and REPEATS warm ones; exit 1 when a warm call takes 1 s or more.
# The store is seeded once with the simulated spot-check population (four manufacturers, one copper-saving) into DIR
# (default /dev/shm, so seeding's fsyncs are cheap) and reused by later runs.
# Usage: bench/risk/run.sh [VERDICTS] [DIR] [REPEATS]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
verdicts=${1:-100000}
dir=${2:-/dev/shm/cabletest-risk-bench}
repeats=${3:-10}
dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
exec dotnet "$repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll" risk-summary "$verdicts" "$dir" "$repeats"
