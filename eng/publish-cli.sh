#!/usr/bin/env bash
# Builds the `cabletest` CLI as one self-contained executable and installs it on your PATH.
#   eng/publish-cli.sh [BIN_DIR]        (default ~/.local/bin; RID linux-x64)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-$HOME/.local/bin}"
out="artifacts/dist/cli-linux-x64"
dotnet publish src/CableTest.Cli -p:PublishProfile=linux-x64 -o "$out" -nologo -clp:ErrorsOnly
mkdir -p "$bin"
install -m 0755 "$out/cabletest" "$bin/cabletest"
echo "installed $bin/cabletest ($("$bin/cabletest" --version 2>/dev/null || echo 'version unknown'))"
case ":$PATH:" in
  *":$bin:"*) echo "$bin is on your PATH: run 'cabletest --help'" ;;
  *) echo "$bin is not on your PATH yet: add  export PATH=\"$bin:\$PATH\"  to ~/.profile (or ~/.bashrc), then open a new shell" ;;
esac
