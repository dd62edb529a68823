#!/usr/bin/env bash
# Datagram benchmark: sockkit udp-send / udp-recv against socat, on loopback only.
#
#   bench/udp.sh            (builds the release binary first; N=300000 SIZE=64 by default)
#   RUNS=5 bench/udp.sh     the sockkit send cases 5 times each, the median counts
#
# 1. Send rate: N datagrams of SIZE bytes into a UDP socket nobody drains.
#    sockkit: udp-send --count N --size SIZE
#    socat:   socat -b SIZE -u - UDP-SENDTO:127.0.0.1:PORT fed N*SIZE bytes from a file
# 2. Receive: the same burst from udp-send into a receiver writing to a file; the loss
#    is what the receiver did not write out (sockkit with its default buffer and with
#    an unprivileged 4 MiB one; socat UDP-RECV for comparison).
#
#   SK_BEFORE=/path/to/older/sockkit bench/udp.sh   also times an older build in the same
#                          run: each sockkit case runs with this build, then at once with
#                          that one (the send cases alternate RUNS times, the older build
#                          going first every other round; the receive cases keep this
#                          build's udp-send as the sender), and a before/after ratio is
#                          printed for each
# Not part of `cargo test`: run it once by hand.
set -euo pipefail

N=${N:-300000}
SIZE=${SIZE:-64}
RUNS=${RUNS:-1}
cd "$(dirname "$0")/.."

for tool in socat python3 bc; do
    if ! command -v "$tool" >/dev/null; then
        echo "installing $tool" >&2
        apt-get install -y "$tool" >/dev/null
    fi
done

cargo build --release --quiet
SOCKKIT=$PWD/target/release/sockkit
OLD=${SK_BEFORE:-}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

# A UDP socket on 127.0.0.1 that is never read; its port in $SINK_PORT. Started in this
# shell (not a $(...) subshell), so the cleanup knows its pid; ends by itself anyway.
sink() {
    python3 -u -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
time.sleep(120)
' >"$WORK/sink.port" 2>/dev/null </dev/null &
    PIDS+=($!)
    while [ ! -s "$WORK/sink.port" ]; do sleep 0.05; done
    SINK_PORT=$(cat "$WORK/sink.port")
}

head -c $((N * SIZE)) /dev/zero | tr '\0' 'x' >"$WORK/payload"
# The same datagram count as text lines (SIZE-1 characters and a newline each): the
# path without segmentation offload, one datagram per sendmmsg(2) message.
awk -v n="$N" -v size="$SIZE" 'BEGIN { line = sprintf("%*s", size - 1, ""); gsub(/ /, "x", line); for (i = 0; i < n; i++) print line }' >"$WORK/lines"

# ---- 1. send rate
sink
port=$SINK_PORT
# Each sockkit send case RUNS times (1 unless set); with SK_BEFORE that build takes its
# turn in every round, after this one, or before it every other round.
timed() { # array to append the seconds to, command...
    local -n acc=$1
    shift
    local t0 t1
    t0=$(now)
    "$@"
    t1=$(now)
    acc+=("$(elapsed "$t0" "$t1")")
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A BIN=([sk]=$SOCKKIT [old]=$OLD)
sk_send_t=() old_send_t=() sk_lines_t=() old_lines_t=()
for round in $(seq "$RUNS"); do
    order=(sk)
    if [ -n "$OLD" ]; then
        if ((round % 2)); then order=(sk old); else order=(old sk); fi
    fi
    for b in "${order[@]}"; do
        timed "${b}_send_t" "${BIN[$b]}" udp-send --count "$N" --size "$SIZE" 127.0.0.1 "$port"
    done
    for b in "${order[@]}"; do
        timed "${b}_lines_t" "${BIN[$b]}" udp-send 127.0.0.1 "$port" <"$WORK/lines"
    done
done
sockkit_send=$(median "${sk_send_t[@]}")
sockkit_lines=$(median "${sk_lines_t[@]}")
if [ -n "$OLD" ]; then
    old_send=$(median "${old_send_t[@]}")
    old_lines=$(median "${old_lines_t[@]}")
fi

t0=$(now)
socat -b "$SIZE" -u - "UDP-SENDTO:127.0.0.1:$port" <"$WORK/payload"
t1=$(now)
socat_send=$(elapsed "$t0" "$t1")

# ---- 2. receive a burst: how many of N datagrams reach the output
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

sockkit_recv() { # extra udp-recv options...
    recv_with "$SOCKKIT" "$@"
}

recv_with() { # the udp-recv binary, extra udp-recv options...
    local bin=$1 port out
    shift
    port=$(free_port)
    out="$WORK/recv.out"
    "$bin" -w 2s "$@" udp-recv 127.0.0.1 "$port" >"$out" 2>/dev/null &
    local pid=$!
    sleep 0.5
    "$SOCKKIT" udp-send --count "$N" --size "$SIZE" 127.0.0.1 "$port"
    wait "$pid" || true
    wc -l <"$out"
}

socat_recv() {
    local port out
    port=$(free_port)
    out="$WORK/socat.out"
    timeout 4 socat -u "UDP-RECV:$port" - >"$out" 2>/dev/null &
    local pid=$!
    sleep 0.5
    "$SOCKKIT" udp-send --count "$N" --size "$SIZE" 127.0.0.1 "$port"
    wait "$pid" || true
    echo $(($(stat -c %s "$out") / SIZE))
}

recv_default=$(sockkit_recv)
[ -z "$OLD" ] || old_recv_default=$(recv_with "$OLD")
recv_4m=$(sockkit_recv -O SO_RCVBUF=4M)
[ -z "$OLD" ] || old_recv_4m=$(recv_with "$OLD" -O SO_RCVBUF=4M)
recv_json=$(sockkit_recv --json)
[ -z "$OLD" ] || old_recv_json=$(recv_with "$OLD" --json)
recv_socat=$(socat_recv)

rate() { echo "$N / $1" | bc -l | xargs printf '%.0f'; }
loss() { echo "100 * ($N - $1) / $N" | bc -l | xargs printf '%.2f'; }

s_rate=$(rate "$sockkit_send")
c_rate=$(rate "$socat_send")
l_rate=$(rate "$sockkit_lines")
printf '\n%s datagrams of %s bytes on loopback (%s)\n\n' "$N" "$SIZE" "$(uname -r)"
[ "$RUNS" -eq 1 ] || printf 'sockkit send cases: median of %s runs\n\n' "$RUNS"
printf '%-58s %12s %10s\n' "send into a socket nobody drains" "datagrams/s" "seconds"
printf '%-58s %12s %10.3f\n' "sockkit udp-send --count $N --size $SIZE" "$s_rate" "$sockkit_send"
printf '%-58s %12s %10.3f\n' "socat -b $SIZE -u - UDP-SENDTO (same bytes from a file)" "$c_rate" "$socat_send"
printf '%-58s %12s %10.3f\n' "sockkit udp-send < $N lines (sendmmsg, no segmentation)" "$l_rate" "$sockkit_lines"
printf '%-58s %12s\n' "ratio udp-send --count / socat" "$(echo "$s_rate / $c_rate" | bc -l | xargs printf '%.1fx')"
printf '%-58s %12s\n' "ratio udp-send lines / socat" "$(echo "$l_rate / $c_rate" | bc -l | xargs printf '%.1fx')"
# this build against the one in SK_BEFORE: > 1 when this build is faster or receives more
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2fx'; }
if [ -n "$OLD" ]; then
    printf '%-58s %12s %10.3f   %s\n' "the build in SK_BEFORE: udp-send --count $N --size $SIZE" \
        "$(rate "$old_send")" "$old_send" "$(ratio "$old_send" "$sockkit_send") (this build vs that one)"
    printf '%-58s %12s %10.3f   %s\n' "the build in SK_BEFORE: udp-send < $N lines" \
        "$(rate "$old_lines")" "$old_lines" "$(ratio "$old_lines" "$sockkit_lines") (this build vs that one)"
fi
printf '\n%-58s %12s %10s\n' "receive the udp-send burst, write it out" "received" "loss %"
printf '%-58s %12s %10s\n' "sockkit udp-recv (default buffer)" "$recv_default" "$(loss "$recv_default")"
printf '%-58s %12s %10s\n' "sockkit udp-recv -O SO_RCVBUF=4M (unprivileged cap)" "$recv_4m" "$(loss "$recv_4m")"
printf '%-58s %12s %10s\n' "sockkit udp-recv --json (default buffer)" "$recv_json" "$(loss "$recv_json")"
printf '%-58s %12s %10s\n' "socat -u UDP-RECV - (bytes / $SIZE)" "$recv_socat" "$(loss "$recv_socat")"
if [ -n "$OLD" ]; then
    old_row() { # label, this build's count, that build's count
        printf '%-58s %12s %10s   %s\n' "the build in SK_BEFORE: $1" "$3" "$(loss "$3")" \
            "$(ratio "$2" "$(($3 > 0 ? $3 : 1))") (this build vs that one)"
    }
    old_row "udp-recv (default buffer)" "$recv_default" "$old_recv_default"
    old_row "udp-recv -O SO_RCVBUF=4M" "$recv_4m" "$old_recv_4m"
    old_row "udp-recv --json (default buffer)" "$recv_json" "$old_recv_json"
fi
