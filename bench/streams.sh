#!/usr/bin/env bash
# Throughput of `sockkit connect` / `sockkit listen` beside nc, ncat, socat and iperf3,
# side by side in one run on loopback. Not part of `cargo test`.
#
#   bench/streams.sh [SIZE_MIB] [RUNS]     (defaults: 1024 MiB, 3 runs; the median counts)
#   SK_BEFORE=/path/to/older/sockkit bench/streams.sh   also times an older build in the
#                                          same run: a before/after ratio for a change
#
# Cases:
#   file     FILE -> client -> server -> /dev/null
#   pipe     cat FILE | client -> server | cat > /dev/null
# The file case also runs bench/bare.c (compiled here with cc): sendfile(2) into the
# socket, splice(2) through a pipe to /dev/null and nothing else, the floor sockkit is
# held against ("sockkit vs bare"). sockkit, bare and the SK_BEFORE build alternate run
# by run, so load changes on the machine hit them alike.
# Anchors are installed from Debian packages when missing.
set -euo pipefail

SIZE_MIB=${1:-1024}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/sockkit-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

need() {
    local missing=()
    command -v nc >/dev/null || missing+=(netcat-openbsd)
    command -v ncat >/dev/null || missing+=(ncat)
    command -v socat >/dev/null || missing+=(socat)
    command -v iperf3 >/dev/null || missing+=(iperf3)
    command -v ss >/dev/null || missing+=(iproute2)
    command -v bc >/dev/null || missing+=(bc)
    command -v cc >/dev/null || missing+=(gcc)
    if ((${#missing[@]})); then
        echo "installing ${missing[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}
need
(cd "$HERE" && cargo build --release -q)
SK="$HERE/target/release/sockkit"
BARE="$WORK/bare"
cc -O2 -o "$BARE" "$HERE/bench/bare.c"
FILE="$WORK/payload"
head -c "$((SIZE_MIB << 20))" /dev/urandom >"$FILE"
cat "$FILE" >/dev/null   # in the page cache for every tool alike

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_listening() {
    local port=$1 i
    for i in $(seq 200); do
        ss -ltnH "sport = :$port" | grep -q . && return 0
        sleep 0.01
    done
    echo "nothing listens on $port" >&2
    return 1
}

now() { date +%s.%N; }

# One transfer: $1 = server command, $2 = client command (both with PORT substituted).
# Prints the seconds from the client's start until both ends have exited.
transfer() {
    local port server client start end
    port=$(free_port)
    server=${1//PORT/$port}
    client=${2//PORT/$port}
    bash -c "$server" &
    local spid=$!
    wait_listening "$port"
    start=$(now)
    timeout 120 bash -c "$client"
    wait "$spid"
    end=$(now)
    echo "$end - $start" | bc -l
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
    local i
    for i in $(seq "$RUNS"); do transfer "$1" "$2"; done | median
}

# Alternates the cases given as NAME SERVER CLIENT triples, RUNS times, so load changes
# hit them alike, the first case of a round moving one place on each round so no case
# gains from its place; the median of each case goes to T[NAME].
measure_alt() {
    local -a args=("$@")
    local -A times=()
    local i j k n=$(($# / 3)) name
    for i in $(seq "$RUNS"); do
        for ((k = 0; k < n; k++)); do
            j=$((3 * ((k + i - 1) % n)))
            times[${args[j]}]+="$(transfer "${args[j + 1]}" "${args[j + 2]}") "
        done
    done
    for name in "${!times[@]}"; do
        T[$name]=$(printf '%s\n' ${times[$name]} | median)
    done
}

declare -A T
FILE_CASES=(sk_file "$SK listen 127.0.0.1 PORT </dev/null >/dev/null" "$SK connect 127.0.0.1 PORT <$FILE >/dev/null"
    bare_file "$BARE recv 127.0.0.1 PORT </dev/null >/dev/null" "$BARE send 127.0.0.1 PORT <$FILE")
PIPE_CASES=(sk_pipe "$SK listen 127.0.0.1 PORT </dev/null | cat >/dev/null" "cat $FILE | $SK connect 127.0.0.1 PORT >/dev/null")
if [ -n "${SK_BEFORE:-}" ]; then
    OLD=$SK_BEFORE
    FILE_CASES+=(old_file "$OLD listen 127.0.0.1 PORT </dev/null >/dev/null" "$OLD connect 127.0.0.1 PORT <$FILE >/dev/null")
    PIPE_CASES+=(old_pipe "$OLD listen 127.0.0.1 PORT </dev/null | cat >/dev/null" "cat $FILE | $OLD connect 127.0.0.1 PORT >/dev/null")
fi
measure_alt "${FILE_CASES[@]}"
T[nc_file]=$(measure "nc -l 127.0.0.1 PORT </dev/null >/dev/null" "nc -N 127.0.0.1 PORT <$FILE >/dev/null")
T[ncat_file]=$(measure "ncat -l --recv-only 127.0.0.1 PORT >/dev/null" "ncat --send-only 127.0.0.1 PORT <$FILE")
T[socat_file]=$(measure "socat -u TCP-LISTEN:PORT,bind=127.0.0.1,reuseaddr STDOUT >/dev/null" "socat -u FILE:$FILE TCP:127.0.0.1:PORT")
measure_alt "${PIPE_CASES[@]}"
T[nc_pipe]=$(measure "nc -l 127.0.0.1 PORT </dev/null | cat >/dev/null" "cat $FILE | nc -N 127.0.0.1 PORT >/dev/null")

# iperf3: its own single-stream receiver rate for the same byte count.
iperf_rate() {
    local port out
    port=$(free_port)
    iperf3 -s -1 -B 127.0.0.1 -p "$port" >/dev/null 2>&1 &
    local spid=$!
    wait_listening "$port"
    out=$(iperf3 -J -c 127.0.0.1 -p "$port" -n "$((SIZE_MIB << 20))")
    wait "$spid" || true
    python3 -c 'import json,sys; print(json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"] / 8)' <<<"$out"
}
IPERF=$(for i in $(seq "$RUNS"); do iperf_rate; done | median)

BYTES=$((SIZE_MIB << 20))
rate() { echo "$BYTES / $1 / 1048576" | bc -l; }
row() { printf '%-44s %8.3f s %9.0f MiB/s   %s\n' "$1" "$2" "$(rate "$2")" "$3"; }
ratio() { printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; }

echo
echo "sockkit streams benchmark: $SIZE_MIB MiB over loopback, median of $RUNS runs, $(nproc) CPUs"
echo
printf '%-44s %10s %15s   %s\n' "case" "time" "rate" "sockkit vs this"
row "file: sockkit connect -> sockkit listen" "${T[sk_file]}" ""
row "file: nc -N -> nc -l" "${T[nc_file]}" "$(ratio "${T[nc_file]}" "${T[sk_file]}") (goal >= 1.5x)"
row "file: ncat --send-only -> ncat -l" "${T[ncat_file]}" "$(ratio "${T[ncat_file]}" "${T[sk_file]}")"
row "file: socat -u" "${T[socat_file]}" "$(ratio "${T[socat_file]}" "${T[sk_file]}")"
row "file: bare sendfile -> splice (bare.c)" "${T[bare_file]}" \
    "$(ratio "${T[bare_file]}" "${T[sk_file]}") (sockkit vs bare, goal >= 0.9x)"
printf '%-44s %10s %9.0f MiB/s   %s\n' "iperf3 single stream (receiver rate)" "" "$(echo "$IPERF / 1048576" | bc -l)" \
    "$(printf '%.2fx' "$(echo "$BYTES / ${T[sk_file]} / $IPERF" | bc -l)") (goal >= 0.85x)"
row "pipe: cat | sockkit connect -> listen | cat" "${T[sk_pipe]}" ""
row "pipe: cat | nc -N -> nc -l | cat" "${T[nc_pipe]}" "$(ratio "${T[nc_pipe]}" "${T[sk_pipe]}") (goal >= 1.2x)"
if [ -n "${SK_BEFORE:-}" ]; then
    row "file: the build in SK_BEFORE" "${T[old_file]}" "$(ratio "${T[old_file]}" "${T[sk_file]}") (this build vs that one)"
    row "pipe: the build in SK_BEFORE" "${T[old_pipe]}" "$(ratio "${T[old_pipe]}" "${T[sk_pipe]}") (this build vs that one)"
fi
