#!/usr/bin/env bash
# gRPC unary throughput and p50/p99 latency of the real service process over loopback h2c:
# GetVerdict and ListVerdicts beside an empty call (grpc.health Check "liveness") as the ceiling,
# with 1, 8 and 64 concurrent callers on one HTTP/2 connection. The benchmark starts the service on a
# temp data dir seeded with VERDICTS verdicts and stops it at the end. With get selected, every verdict is read
# once before the warm-ups (steady state: the verdict cache holds what it can of them, on a loaded machine too).
# Every call has a deadline (DEADLINE_S, default 20): a call past it is a hang, reported with its
# cell, and the script exits 1 (a hang is a failure, never a wait).
# Every selected cell is measured once per round (ROUNDS, default 3); a call's ratio to the empty call is taken
# within each round (cells seconds apart) and the median of the rounds' ratios is the figure to quote.
# Usage: bench/grpc/run.sh [VERDICTS] [SECONDS_PER_CELL] [DEADLINE_S] [CALLS] [CALLERS] [ROUNDS]
#   CALLS: comma list of health,get,list (default all; ratios need health); CALLERS: e.g. 64 (default 1,8,64)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
verdicts=${1:-10000}
seconds=${2:-5}
deadline=${3:-20}
dotnet build "$repo/tests/CableTest.Benchmarks" -c Release -clp:ErrorsOnly -nologo >/dev/null
exec dotnet "$repo/artifacts/bin/CableTest.Benchmarks/release/CableTest.Benchmarks.dll" grpc-verdicts "$verdicts" "$seconds" "$deadline" "${4:-health,get,list}" "${5:-1,8,64}" "${6:-3}"
