#!/usr/bin/env bash
# sockkit conns vs ss with 10,000 established loopback connections (20,000 sockets).
#
#   bench/conns.sh [RUNS]      (default 15 runs each; prints the median wall time)
#
# A Python helper opens the connections to its own listener on 127.0.0.1, holds them
# while the tools run, and closes them when this script ends. Needs python3 and ss.
set -euo pipefail

RUNS=${1:-15}
PAIRS=10000
cd "$(dirname "$0")/.."

# Two helper processes hold half the pairs each, so each needs ~PAIRS descriptors:
# a container may not allow raising the limit to 20,000+ for one process.
HELPERS=2
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((2 * PAIRS / HELPERS + 100)) ]; then
    echo "bench: need $((2 * PAIRS / HELPERS + 100)) descriptors, ulimit -n is $(ulimit -n)" >&2
    exit 1
fi

cargo build --release --quiet
SOCKKIT=$PWD/target/release/sockkit

# Each helper prints READY once its pairs are up, then waits for its stdin (a FIFO this
# script holds open) to close, 10 minutes at most. Connecting is bounded: 30 s.
HELPER='
import socket, sys, time, select
n = int(sys.argv[1])
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(4096)
port = l.getsockname()[1]
held = []
deadline = time.time() + 30
while len(held) < 2 * n:
    if time.time() > deadline:
        sys.exit("bench helper: connections did not come up within 30 s")
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    s, _ = l.accept()
    held += [c, s]
print("READY", port, flush=True)
select.select([sys.stdin], [], [], 600)
for s in held:
    s.close()
'
tmp=$(mktemp -d)
mkfifo "$tmp/stop"
pids=()
for i in $(seq "$HELPERS"); do
    python3 -u -c "$HELPER" $((PAIRS / HELPERS)) <"$tmp/stop" >"$tmp/ready$i" &
    pids+=($!)
done
exec {stop}>"$tmp/stop"
trap 'exec {stop}>&-; wait "${pids[@]}" 2>/dev/null || true; rm -rf "$tmp"' EXIT

for i in $(seq "$HELPERS"); do
    for _ in $(seq 600); do
        grep -q READY "$tmp/ready$i" 2>/dev/null && break
        kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { echo "bench: helper $i failed" >&2; exit 1; }
        sleep 0.1
    done
    grep -q READY "$tmp/ready$i" || { echo "bench: helper $i not ready in 60 s" >&2; exit 1; }
done

# Median wall time in milliseconds of RUNS runs of a command, output to /dev/null.
median_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(date +%s%N)
        "$@" >/dev/null
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

rows_ss=$(ss -Htn state established | wc -l)
rows_sk=$("$SOCKKIT" conns | tail -n +2 | wc -l)
echo "established TCP sockets: ss $rows_ss, sockkit $rows_sk"
echo

printf '%-40s %-40s %10s %10s %7s\n' "sockkit" "ss" "sockkit ms" "ss ms" "ratio"
bench() {
    local ours=$1 theirs=$2
    local a b
    a=$(median_ms $ours)
    b=$(median_ms $theirs)
    printf '%-40s %-40s %10s %10s %6.2fx\n' "${ours#"$SOCKKIT "}" "$theirs" "$a" "$b" \
        "$(awk -v a="$a" -v b="$b" 'BEGIN {print b / a}')"
}
bench "$SOCKKIT conns" "ss -tn state established"
bench "$SOCKKIT conns -p" "ss -tnp state established"
