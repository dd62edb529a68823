#!/usr/bin/env bash
# Fuzz every parser for SECONDS each (default 90), growing fuzz/corpus/<target>/.
# cargo fuzz wants nightly features; RUSTC_BOOTSTRAP lets the stable toolchain build it.
# Needs: cargo install cargo-fuzz. Exits 1 if any target found a crash (see fuzz/artifacts/).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-90}
export RUSTC_BOOTSTRAP=1
log=$(mktemp)
status=0
for target in $(cargo fuzz list); do
  echo "== $target ($seconds s)"
  if cargo fuzz run "$target" -- -max_total_time="$seconds" -max_len=256 -timeout=5 >"$log" 2>&1; then
    grep -E '^Done' "$log" || true
  else
    echo "!! $target failed:"
    tail -40 "$log"
    status=1
  fi
done
rm -f "$log"
exit $status
