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

rows_ss=$(ss -Htn state established | wc -l)
rows_sk=$("$SOCKKIT" conns | tail -n +2 | wc -l)
echo "established TCP sockets: ss $rows_ss, sockkit $rows_sk"
echo

# Runs the two commands alternately (so a busy machine slows both alike), RUNS times
# each, output to /dev/null; prints the median wall time and the median CPU time
# (user + system, from wait4) of each, and the ratios.
compare() {
    python3 - "$RUNS" "$1" "$2" <<'PY'
import os, shlex, statistics, subprocess, sys, time
runs, ours, theirs = int(sys.argv[1]), shlex.split(sys.argv[2]), shlex.split(sys.argv[3])
def once(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"{cmd} failed")
    p.returncode = 0
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000
a, b = [], []
for _ in range(runs):
    a.append(once(ours))
    b.append(once(theirs))
med = lambda xs, i: statistics.median(x[i] for x in xs)
name = os.path.basename(ours[0]) + " " + " ".join(ours[1:])
print(f"{name:<22} {' '.join(theirs):<28} {med(a,0):8.1f} {med(b,0):8.1f} {med(b,0)/med(a,0):6.2f}x"
      f" {med(a,1):8.1f} {med(b,1):8.1f} {med(b,1)/med(a,1):6.2f}x")
PY
}

printf '%-22s %-28s %8s %8s %7s %8s %8s %7s\n' "" "" "wall ms" "" "" "cpu ms" "" ""
printf '%-22s %-28s %8s %8s %7s %8s %8s %7s\n' "sockkit" "ss" "sockkit" "ss" "ratio" "sockkit" "ss" "ratio"
compare "$SOCKKIT conns" "ss -tn state established"
compare "$SOCKKIT conns -p" "ss -tnp state established"
