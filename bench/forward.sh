#!/usr/bin/env bash
# `sockkit forward` beside socat and ncat, side by side in one run on loopback. Not part
# of `cargo test`.
#
#   bench/forward.sh [SIZE_MIB] [RUNS]    (defaults: 1024 MiB, 3 runs; the median counts)
#   SK_BEFORE=/path/to/older/sockkit bench/forward.sh   also times that build's forward in
#                                          the bulk case (same client and server): before/after
#
# Cases:
#   bulk     FILE -> client -> relay -> server -> /dev/null, against socat
#            `TCP-LISTEN,fork TCP:`, ncat `-l -k --sh-exec 'ncat ..'`, and the same
#            transfer with no relay at all (the limit on this machine). When the system's
#            congestion control is not cubic (BBR is common), direct and forward run again
#            with the client on cubic: on loopback BBR holds the client's window to a few
#            segments, so a direct transfer under it is not the machine's limit
#   echo     200 concurrent clients, each a 1 MiB round trip through the relay to an echo
#            server: total time against socat's, and the forwarder's peak RSS
#   dump     --dump to a file (hex and json) against the same run without it (a smaller
#            SIZE_MIB/16 transfer: a hex dump is ~4.5 times the bytes it shows)
# Anchors are installed from Debian packages when missing.
set -euo pipefail

SIZE_MIB=${1:-1024}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/sockkit-bench-forward.XXXXXX)
RELAY_PID=
cleanup() {
    [ -n "$RELAY_PID" ] && kill "$RELAY_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

need() {
    local missing=()
    command -v ncat >/dev/null || missing+=(ncat)
    command -v socat >/dev/null || missing+=(socat)
    command -v ss >/dev/null || missing+=(iproute2)
    command -v bc >/dev/null || missing+=(bc)
    if ((${#missing[@]})); then
        echo "installing ${missing[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}
need
(cd "$HERE" && cargo build --release -q)
SK="$HERE/target/release/sockkit"
FILE="$WORK/payload"
head -c "$((SIZE_MIB << 20))" /dev/urandom >"$FILE"
cat "$FILE" >/dev/null   # in the page cache for every tool alike
SMALL="$WORK/small"
head -c "$((SIZE_MIB << 16))" "$FILE" >"$SMALL"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_listening() {
    local port=$1 i
    for i in $(seq 500); do
        ss -ltnH "sport = :$port" | grep -q . && return 0
        sleep 0.01
    done
    echo "nothing listens on $port" >&2
    return 1
}

now() { date +%s.%N; }

# Start a relay from FPORT to SPORT ($1 with FPORT/SPORT substituted) in the background.
start_relay() {
    local cmd=${1//FPORT/$FPORT}
    cmd=${cmd//SPORT/$SPORT}
    bash -c "exec $cmd" >/dev/null 2>&1 &
    RELAY_PID=$!
    wait_listening "$FPORT"
}

stop_relay() {
    kill "$RELAY_PID" 2>/dev/null || true
    wait "$RELAY_PID" 2>/dev/null || true
    RELAY_PID=
}

# One transfer of $2 (a file) through the relay $1 ("" for none): seconds from the
# client's start until the server has everything.
transfer() {
    local relay=$1 file=$2 start end spid
    SPORT=$(free_port)
    FPORT=$(free_port)
    "$SK" listen 127.0.0.1 "$SPORT" </dev/null >/dev/null &
    spid=$!
    wait_listening "$SPORT"
    local target=$FPORT
    if [ -n "$relay" ]; then start_relay "$relay"; else target=$SPORT; fi
    start=$(now)
    # shellcheck disable=SC2086 # CLIENT_OPTS is words
    timeout 300 "$SK" $CLIENT_OPTS connect 127.0.0.1 "$target" <"$file" >/dev/null
    wait "$spid"
    end=$(now)
    [ -n "$relay" ] && stop_relay
    echo "$end - $start" | bc -l
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
    local i
    for i in $(seq "$RUNS"); do transfer "$1" "$2"; done | median
}

FORWARD="$SK forward 127.0.0.1 FPORT --to 127.0.0.1:SPORT"
SOCAT="socat TCP-LISTEN:FPORT,bind=127.0.0.1,reuseaddr,fork,backlog=512 TCP:127.0.0.1:SPORT"
NCAT="ncat -l -k 127.0.0.1 FPORT --sh-exec 'ncat 127.0.0.1 SPORT'"

rate() { echo "scale=0; $SIZE_MIB / $1" | bc -l; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

CC=$(cat /proc/sys/net/ipv4/tcp_congestion_control 2>/dev/null || echo unknown)
CLIENT_OPTS=
echo "bulk: $SIZE_MIB MiB client -> relay -> server, median of $RUNS (congestion control: $CC)"
declare -A T
T[direct]=$(measure "" "$FILE")
T[forward]=$(measure "$FORWARD" "$FILE")
T[socat]=$(measure "$SOCAT" "$FILE")
T[ncat]=$(measure "$NCAT" "$FILE")
printf '  %-28s %8s s %8s MiB/s\n' "direct (no relay)" "${T[direct]}" "$(rate "${T[direct]}")"
for k in forward socat ncat; do
    printf '  %-28s %8s s %8s MiB/s\n' "$k" "${T[$k]}" "$(rate "${T[$k]}")"
done
echo "  forward vs socat:  $(ratio "${T[socat]}" "${T[forward]}")x faster"
echo "  forward vs ncat:   $(ratio "${T[ncat]}" "${T[forward]}")x faster"
echo "  forward vs direct: $(ratio "${T[direct]}" "${T[forward]}")x of the direct rate"
if [ -n "${SK_BEFORE:-}" ]; then
    T[before]=$(measure "${FORWARD/#"$SK"/$SK_BEFORE}" "$FILE")
    printf '  %-28s %8s s %8s MiB/s\n' "forward of SK_BEFORE" "${T[before]}" "$(rate "${T[before]}")"
    echo "  forward vs SK_BEFORE's: $(ratio "${T[before]}" "${T[forward]}")x faster"
fi
ALLOWED=/proc/sys/net/ipv4/tcp_allowed_congestion_control
if [ "$CC" != cubic ] && { [ "$(id -u)" = 0 ] || grep -qw cubic "$ALLOWED"; } &&
    grep -qw cubic /proc/sys/net/ipv4/tcp_available_congestion_control; then
    CLIENT_OPTS="-O TCP_CONGESTION=cubic"
    T[direct_cubic]=$(measure "" "$FILE")
    T[forward_cubic]=$(measure "$FORWARD" "$FILE")
    CLIENT_OPTS=
    printf '  %-28s %8s s %8s MiB/s\n' "direct, client on cubic" "${T[direct_cubic]}" \
        "$(rate "${T[direct_cubic]}")" "forward, client on cubic" "${T[forward_cubic]}" \
        "$(rate "${T[forward_cubic]}")"
    echo "  forward vs direct, client on cubic: $(ratio "${T[direct_cubic]}" "${T[forward_cubic]}")x"
fi

# 200 concurrent 1 MiB round trips through the relay to an echo server.
echo_run() {
    python3 - "$1" <<'PY'
import socket, sys, threading, time
port = int(sys.argv[1])
block = bytes(range(256)) * 4096  # 1 MiB
bad = []
def one():
    s = socket.create_connection(("127.0.0.1", port))
    t = threading.Thread(target=lambda: (s.sendall(block), s.shutdown(socket.SHUT_WR)))
    t.start()
    got = bytearray()
    while True:
        d = s.recv(1 << 16)
        if not d: break
        got += d
    t.join(); s.close()
    if got != block: bad.append(len(got))
start = time.time()
ts = [threading.Thread(target=one) for _ in range(200)]
for t in ts: t.start()
for t in ts: t.join()
if bad: sys.exit(f"{len(bad)} round trips came back wrong")
print(f"{time.time() - start:.3f}")
PY
}

echo_case() {
    local relay=$1 secs rss
    SPORT=$(free_port)
    FPORT=$(free_port)
    "$SK" listen -k --echo -b 512 127.0.0.1 "$SPORT" </dev/null >/dev/null &
    local epid=$!
    wait_listening "$SPORT"
    start_relay "$relay"
    secs=$(echo_run "$FPORT") || secs=failed
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$RELAY_PID/status")
    stop_relay
    kill "$epid"; wait "$epid" 2>/dev/null || true
    echo "$secs $rss"
}

echo
echo "echo: 200 concurrent 1 MiB round trips through the relay"
# Both relays with a listen backlog that takes 200 clients at once.
read -r E_FWD RSS_FWD <<<"$(echo_case "$FORWARD -b 512")"
read -r E_SOCAT _ <<<"$(echo_case "$SOCAT")"
printf '  %-28s %8s s   peak RSS %s KiB\n' "forward" "$E_FWD" "$RSS_FWD"
printf '  %-28s %8s s   (one process per client)\n' "socat" "$E_SOCAT"
echo "  forward vs socat:  $(ratio "$E_SOCAT" "$E_FWD")x faster"

echo
echo "dump: $((SIZE_MIB / 16)) MiB through forward, with --dump to a file and without"
T[plain]=$(measure "$FORWARD" "$SMALL")
T[hex]=$(measure "$FORWARD --dump $WORK/dump.hex" "$SMALL")
T[json]=$(measure "$FORWARD --dump $WORK/dump.json --dump-format json" "$SMALL")
printf '  %-28s %8s s\n' "no dump" "${T[plain]}" "--dump hex" "${T[hex]}" "--dump json" "${T[json]}"
echo "  --dump hex costs  $(ratio "${T[hex]}" "${T[plain]}")x the time without it"
echo "  --dump json costs $(ratio "${T[json]}" "${T[plain]}")x the time without it"
