#!/usr/bin/env bash
# sockkit conns vs ss with 10,000 established loopback connections (20,000 sockets),
# a filter expression over them, 10,000 Unix socket pairs (-x, -xp), and --kill of
# 1,000 matching sockets against ss -K.
#
#   bench/conns.sh [RUNS]      (default 15 runs each; prints the median wall time)
#   SK_BEFORE=/path/to/older/sockkit bench/conns.sh   also times an older build in the
#                              same run: it takes its turn in every round (after this build
#                              and ss, or before them every other round), and a row under
#                              each case gives its medians and the before/after ratios
#
# Python helpers open the connections to their own listeners on 127.0.0.1 and the Unix
# pairs, hold them while the tools run, and close them when this script ends. Needs
# python3 and ss; --kill needs root (CAP_NET_ADMIN), as ss -K does.
set -euo pipefail

RUNS=${1:-15}
PAIRS=10000
cd "$(dirname "$0")/.."

# Four helper processes hold a quarter of the pairs each (TCP and Unix), so each needs
# ~PAIRS descriptors: a container may not allow raising the limit much past 20,000.
HELPERS=4
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((4 * PAIRS / HELPERS + 100)) ]; then
    echo "bench: need $((4 * PAIRS / HELPERS + 100)) descriptors, ulimit -n is $(ulimit -n)" >&2
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
unix = [socket.socketpair() for _ in range(n)]
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
# Optional third and fourth arguments label the two commands in the table.
compare() {
    python3 - "$RUNS" "$1" "$2" "${3:-}" "${4:-}" <<'PY'
import os, shlex, statistics, subprocess, sys, time
runs, ours, theirs = int(sys.argv[1]), shlex.split(sys.argv[2]), shlex.split(sys.argv[3])
label_ours, label_theirs = sys.argv[4], sys.argv[5]
def once(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"{cmd} failed")
    p.returncode = 0
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000
# With SK_BEFORE, the older build runs the same arguments in every round too: after
# the other two, or before them every other round, so neither build gains from its place.
before = os.environ.get("SK_BEFORE")
a, b, c = [], [], []
for r in range(runs):
    if before and r % 2:
        c.append(once([before] + ours[1:]))
    a.append(once(ours))
    b.append(once(theirs))
    if before and not r % 2:
        c.append(once([before] + ours[1:]))
med = lambda xs, i: statistics.median(x[i] for x in xs)
name = label_ours or os.path.basename(ours[0]) + " " + " ".join(ours[1:])
print(f"{name:<22} {label_theirs or ' '.join(theirs):<28} {med(a,0):8.1f} {med(b,0):8.1f} {med(b,0)/med(a,0):6.2f}x"
      f" {med(a,1):8.1f} {med(b,1):8.1f} {med(b,1)/med(a,1):6.2f}x")
if before:
    print(f"{'':<22} {'the build in SK_BEFORE':<28} {med(a,0):8.1f} {med(c,0):8.1f} {med(c,0)/med(a,0):6.2f}x"
          f" {med(a,1):8.1f} {med(c,1):8.1f} {med(c,1)/med(a,1):6.2f}x (this build vs that one)")
PY
}

printf '%-22s %-28s %8s %8s %7s %8s %8s %7s\n' "" "" "wall ms" "" "" "cpu ms" "" ""
printf '%-22s %-28s %8s %8s %7s %8s %8s %7s\n' "sockkit" "ss" "sockkit" "ss" "ratio" "sockkit" "ss" "ratio"
compare "$SOCKKIT conns" "ss -tn state established"
compare "$SOCKKIT conns -p" "ss -tnp state established"

# The same expression for both: ports and a prefix, selective and broad.
port1=$(awk '/READY/ {print $2}' "$tmp/ready1")
echo "filter A: dport = :$port1 and dst 127.0.0.0/8 (2,500 rows)"
echo "filter B: sport > :1024 and ( dst 127.0.0.0/8 or src 10.0.0.0/8 ) (20,000 rows)"
compare "$SOCKKIT conns -a dport = :$port1 and dst 127.0.0.0/8" \
    "ss -tan dport = :$port1 and dst 127.0.0.0/8" "sockkit conns -a A" "ss -tan A"
compare "$SOCKKIT conns -a sport > :1024 and ( dst 127.0.0.0/8 or src 10.0.0.0/8 )" \
    "ss -tan sport > :1024 and ( dst 127.0.0.0/8 or src 10.0.0.0/8 )" "sockkit conns -a B" "ss -tan B"
compare "$SOCKKIT conns -x" "ss -x"
compare "$SOCKKIT conns -xp" "ss -xp"

# --kill: before each run a helper opens 1,000 fresh connections to its own listener;
# the tool destroys the 1,000 server ends (sport = :PORT), as `ss -K` does.
python3 - "$RUNS" "$SOCKKIT" <<'PY'
import os, socket, statistics, subprocess, sys, time
runs, sockkit = int(sys.argv[1]), sys.argv[2]
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(4096)
port = l.getsockname()[1]
def prepare():
    held = []
    for _ in range(1000):
        c = socket.create_connection(("127.0.0.1", port), timeout=5)
        s, _ = l.accept()
        held += [c, s]
    return held
def once(cmd):
    held = prepare()
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = (time.perf_counter() - t0) * 1000
    left = subprocess.run(["ss", "-Htn", "state", "established", f"sport = :{port}"],
                          capture_output=True, text=True).stdout.count("\n")
    for s in held:
        s.close()
    if p.returncode != 0 or left != 0:
        sys.exit(f"{cmd}: exit {p.returncode}, {left} sockets left: {p.stderr.decode()}")
    return wall
expr = f"sport = :{port}"
before = os.environ.get("SK_BEFORE")
a, b, c = [], [], []
for r in range(runs):
    if before and r % 2:
        c.append(once([before, "conns", "--kill", "state", "established", expr]))
    a.append(once([sockkit, "conns", "--kill", "state", "established", expr]))
    b.append(once(["ss", "-K", "-tn", "state", "established", expr]))
    if before and not r % 2:
        c.append(once([before, "conns", "--kill", "state", "established", expr]))
ma, mb = statistics.median(a), statistics.median(b)
print(f"{'sockkit conns --kill':<22} {'ss -K (1,000 sockets)':<28} {ma:8.1f} {mb:8.1f} {mb/ma:6.2f}x")
if before:
    mc = statistics.median(c)
    print(f"{'':<22} {'the build in SK_BEFORE':<28} {ma:8.1f} {mc:8.1f} {mc/ma:6.2f}x"
          f" {'':>8} {'':>8} {'':>7} (this build vs that one)")
PY
