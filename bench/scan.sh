#!/usr/bin/env bash
# Benchmark: `sockkit connect -z` against the tools a user would pick instead, side by
# side, on loopback only, with a few listeners open. Not part of `cargo test`.
#
#   1. every TCP port of 127.0.0.1: OpenBSD netcat's `nc -z`, then `nmap -sT -T5`
#   2. 127.0.0.0/28 x ports 1-1024 (16,384 probes): `nmap -sT -T5` on the same targets
#
# nmap gets -n -Pn (no reverse lookups, no host discovery: sockkit does neither), and
# both tools get --open, so each does the same connects and prints what is open.
#
#   bench/scan.sh            # 1-65535
#   PORTS=1-10000 BLOCK=127.0.0.0/29 BLOCK_PORTS=1-100 bench/scan.sh
#   SK_BEFORE=/path/to/older/sockkit bench/scan.sh   also times an older build in the same
#                          run: it takes its turn right after this build in every round,
#                          and a before/after ratio is printed for each scan
set -euo pipefail
cd "$(dirname "$0")/.."

PORTS=${PORTS:-1-65535}

BLOCK=${BLOCK:-127.0.0.0/28}
BLOCK_PORTS=${BLOCK_PORTS:-1-1024}

need=()
if ! command -v nc >/dev/null || ! nc -h 2>&1 | grep -qi openbsd; then need+=(netcat-openbsd); fi
command -v nmap >/dev/null || need+=(nmap)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}..." >&2
    apt-get install -y "${need[@]}" >/dev/null
fi

cargo build --release --quiet
SOCKKIT=target/release/sockkit
OLD=${SK_BEFORE:-}

# A few listeners on ephemeral ports, kept open while both tools scan.
LISTENERS=$(mktemp)
python3 -u -c '
import socket, sys, time
socks = []
for _ in range(3):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(512)
    socks.append(s)
# Three more in the block of part 2, on low ports of 127.0.0.x (free on most machines).
block = []
for host, port in (("127.0.0.2", 22), ("127.0.0.5", 80), ("127.0.0.9", 443)):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind((host, port))
        s.listen(512)
        block.append(s)
    except OSError:
        pass
print(",".join(str(s.getsockname()[1]) for s in socks),
      ",".join("%s:%d" % s.getsockname() for s in block), flush=True)
time.sleep(600)
' >"$LISTENERS" &
PEER=$!
trap 'kill $PEER 2>/dev/null; rm -f "$LISTENERS"' EXIT
for _ in $(seq 50); do [ -s "$LISTENERS" ] && break; sleep 0.1; done
read -r OPEN BLOCK_OPEN <"$LISTENERS"

now() { date +%s.%N; }
elapsed() { awk "BEGIN{print $2 - $1}"; }

# Alternate the two tools RUNS times (other work on the machine hits both alike) and
# compare medians. nc -z prints nothing and exits 0 if any port is open; -w 1 is the
# same per-port bound as sockkit's -w 1s.
RUNS=${RUNS:-3}
nc_times=()
sk_times=()
old_times=()
# With SK_BEFORE, that build runs after nc too: after this one in odd rounds, before it
# in even ones, so neither gains from its place in the round.
old_scan() { "$OLD" connect -z -w 1s 127.0.0.1 "$PORTS" >/tmp/sockkit-scan-old.$$ || true; }
for round in $(seq "$RUNS"); do
    t0=$(now)
    nc -z -w 1 127.0.0.1 "$PORTS" || true
    t1=$(now)
    sk_start=$t1
    if [ -n "$OLD" ] && ((round % 2 == 0)); then
        old_scan
        sk_start=$(now)
    fi
    $SOCKKIT connect -z -w 1s 127.0.0.1 "$PORTS" >/tmp/sockkit-scan.$$ || true
    t2=$(now)
    if [ -n "$OLD" ] && ((round % 2 == 1)); then
        old_scan
        old_times+=("$(elapsed "$t2" "$(now)")")
    elif [ -n "$OLD" ]; then
        old_times+=("$(elapsed "$t1" "$sk_start")")
    fi
    nc_times+=("$(elapsed "$t0" "$t1")")
    sk_times+=("$(elapsed "$sk_start" "$t2")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
nc_s=$(median "${nc_times[@]}")
sk_s=$(median "${sk_times[@]}")

found=$(awk '$3 == "open" {split($2, p, "/"); print p[1]}' /tmp/sockkit-scan.$$ | paste -sd, -)
rm -f /tmp/sockkit-scan.$$

printf '\nScanning 127.0.0.1 %s (listeners on %s), median of %s runs each\n\n' "$PORTS" "$OPEN" "$RUNS"
printf '%-30s %10s   %s\n' "tool" "median s" "runs"
printf '%-30s %10.3f   %s\n' "nc -z (netcat-openbsd)" "$nc_s" "${nc_times[*]}"
printf '%-30s %10.3f   %s\n' "sockkit connect -z" "$sk_s" "${sk_times[*]}"
if [ -n "$OLD" ]; then
    old_s=$(median "${old_times[@]}")
    printf '%-30s %10.3f   %s\n' "the build in SK_BEFORE" "$old_s" "${old_times[*]}"
fi
printf '\nsockkit is %.1fx faster; open ports it found: %s\n' "$(awk "BEGIN{print $nc_s / $sk_s}")" "$found"
if [ -n "$OLD" ]; then
    old_found=$(awk '$3 == "open" {split($2, p, "/"); print p[1]}' /tmp/sockkit-scan-old.$$ | paste -sd, -)
    rm -f /tmp/sockkit-scan-old.$$
    printf '127.0.0.1 %s: %.2fx (this build vs that one); open ports that one found: %s\n' \
        "$PORTS" "$(awk "BEGIN{print $old_s / $sk_s}")" "$old_found"
fi

# nmap: the same single-host scan, then the block; each tool RUNS times, alternating.
OUT=/tmp/sockkit-scan-out.$$
trap 'kill $PEER 2>/dev/null; rm -f "$LISTENERS" "$OUT"' EXIT
# time_pair NAME_A NAME_B [NAME_C] -- CMD_A.. -- CMD_B.. [-- CMD_C..]: alternate the
# commands RUNS times, A first in every round, B and C swapping places from one round to
# the next; medians in MEDIAN[NAME], every run in ALL[NAME], open lines of the last run
# in FOUND[NAME].
declare -A MEDIAN ALL FOUND
time_pair() {
    local names=()
    while [ "$1" != "--" ]; do names+=("$1"); shift; done
    shift
    # The commands, each ending at a "--" or the end, packed into cmds as counted runs.
    local cmds=() cur=()
    local -A times=()
    while [ $# -gt 0 ]; do
        if [ "$1" = "--" ]; then cmds+=("${#cur[@]}" "${cur[@]}"); cur=(); else cur+=("$1"); fi
        shift
    done
    cmds+=("${#cur[@]}" "${cur[@]}")
    local starts=() i=0
    while [ "$i" -lt "${#cmds[@]}" ]; do starts+=("$i"); i=$((i + cmds[i] + 1)); done
    # A command's time runs from the end of the one before it in the round to its own end.
    local round k p order stamps
    for round in $(seq "$RUNS"); do
        order=(0)
        for ((p = 1; p < ${#names[@]}; p++)); do
            order+=($((1 + (p - 1 + round - 1) % (${#names[@]} - 1))))
        done
        stamps=("$(now)")
        for k in "${order[@]}"; do
            i=${starts[k]}
            "${cmds[@]:i+1:cmds[i]}" >"$OUT" 2>/dev/null || true
            stamps+=("$(now)")
            FOUND[${names[k]}]=$(grep -cE '/tcp +open' "$OUT" || true)
        done
        for ((p = 0; p < ${#order[@]}; p++)); do
            times[${names[order[p]]}]+="$(elapsed "${stamps[p]}" "${stamps[p + 1]}") "
        done
    done
    local name t
    for name in "${names[@]}"; do
        read -ra t <<<"${times[$name]}"
        MEDIAN[$name]=$(median "${t[@]}")
        ALL[$name]="${t[*]}"
    done
}
row() { printf '%-52s %9.3f   %s\n' "$1" "${MEDIAN[$2]}" "${ALL[$2]}"; }
ratio() { awk "BEGIN{printf \"%.1f\", ${MEDIAN[$1]} / ${MEDIAN[$2]}}"; }

if [ -n "$OLD" ]; then
    time_pair nmap1 sk1 old1 -- nmap -sT -T5 -n -Pn --open -p"$PORTS" 127.0.0.1 \
        -- $SOCKKIT connect -z --open -w 1s 127.0.0.1 "$PORTS" \
        -- "$OLD" connect -z --open -w 1s 127.0.0.1 "$PORTS"
    time_pair nmap2 sk2 old2 -- nmap -sT -T5 -n -Pn --open -p"$BLOCK_PORTS" "$BLOCK" \
        -- $SOCKKIT connect -z --open -w 1s "$BLOCK" "$BLOCK_PORTS" \
        -- "$OLD" connect -z --open -w 1s "$BLOCK" "$BLOCK_PORTS"
else
    time_pair nmap1 sk1 -- nmap -sT -T5 -n -Pn --open -p"$PORTS" 127.0.0.1 \
        -- $SOCKKIT connect -z --open -w 1s 127.0.0.1 "$PORTS"
    time_pair nmap2 sk2 -- nmap -sT -T5 -n -Pn --open -p"$BLOCK_PORTS" "$BLOCK" \
        -- $SOCKKIT connect -z --open -w 1s "$BLOCK" "$BLOCK_PORTS"
fi

printf '\nAgainst nmap (listeners in the block: %s), median of %s runs each\n\n' "$BLOCK_OPEN" "$RUNS"
printf '%-52s %9s   %s\n' "tool" "median s" "runs"
row "nmap -sT -T5 -n -Pn --open -p$PORTS 127.0.0.1" nmap1
row "sockkit connect -z --open 127.0.0.1 $PORTS" sk1
row "nmap -sT -T5 -n -Pn --open -p$BLOCK_PORTS $BLOCK" nmap2
row "sockkit connect -z --open $BLOCK $BLOCK_PORTS" sk2
if [ -n "$OLD" ]; then
    row "the build in SK_BEFORE, 127.0.0.1 $PORTS" old1
    row "the build in SK_BEFORE, $BLOCK $BLOCK_PORTS" old2
fi
printf '\n127.0.0.1 %s: sockkit is %sx faster than nmap -sT (open: sockkit %s, nmap %s)\n' \
    "$PORTS" "$(ratio nmap1 sk1)" "${FOUND[sk1]}" "${FOUND[nmap1]}"
printf '%s x %s: sockkit is %sx faster than nmap -sT (open: sockkit %s, nmap %s)\n' \
    "$BLOCK" "$BLOCK_PORTS" "$(ratio nmap2 sk2)" "${FOUND[sk2]}" "${FOUND[nmap2]}"
if [ -n "$OLD" ]; then
    printf '127.0.0.1 %s: %.2fx (this build vs that one; open: this %s, that %s)\n' \
        "$PORTS" "$(awk "BEGIN{print ${MEDIAN[old1]} / ${MEDIAN[sk1]}}")" "${FOUND[sk1]}" "${FOUND[old1]}"
    printf '%s x %s: %.2fx (this build vs that one; open: this %s, that %s)\n' \
        "$BLOCK" "$BLOCK_PORTS" "$(awk "BEGIN{print ${MEDIAN[old2]} / ${MEDIAN[sk2]}}")" "${FOUND[sk2]}" "${FOUND[old2]}"
fi
