#!/usr/bin/env bash
# Benchmark: a full TLS 1.3 handshake on loopback, `sockkit tls` against
# `openssl s_client`, both verifying the same certificate against the same CA file, each
# run as a user runs it (a whole process: start, connect, handshake, close_notify).
# Runs are interleaved; the median of each is compared. Not part of `cargo test`.
#
#   bench/tls.sh          # 40 runs each
#   bench/tls.sh 100
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-40}
command -v openssl >/dev/null || { echo "installing openssl..." >&2; apt-get install -y openssl >/dev/null; }

cargo build --release --quiet
SOCKKIT=target/release/sockkit

DIR=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT

# A CA and a leaf for localhost (ECDSA P-256, as most sites serve today).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=bench CA" -keyout "$DIR/ca.key" -out "$DIR/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout "$DIR/leaf.key" -out "$DIR/leaf.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$DIR/ext"
openssl x509 -req -in "$DIR/leaf.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" -CAcreateserial \
    -days 2 -extfile "$DIR/ext" -out "$DIR/leaf.pem" 2>/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
openssl s_server -accept "127.0.0.1:$PORT" -cert "$DIR/leaf.pem" -key "$DIR/leaf.key" \
    -tls1_3 -quiet </dev/null >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.05
done

sockkit_once() {
    "$SOCKKIT" tls --ca "$DIR/ca.pem" localhost "$PORT" >/dev/null
}
openssl_once() {
    openssl s_client -connect "127.0.0.1:$PORT" -servername localhost -verify_return_error \
        -CAfile "$DIR/ca.pem" -tls1_3 -quiet </dev/null >/dev/null 2>&1
}
# Both must succeed (and verify) before anything is timed.
sockkit_once || { echo "sockkit tls failed" >&2; exit 1; }
openssl_once || { echo "openssl s_client failed" >&2; exit 1; }

ns() { date +%s%N; }
: >"$DIR/sockkit.times"
: >"$DIR/openssl.times"
for _ in $(seq "$RUNS"); do
    t0=$(ns); sockkit_once; t1=$(ns); echo $(((t1 - t0) / 1000)) >>"$DIR/sockkit.times"
    t0=$(ns); openssl_once; t1=$(ns); echo $(((t1 - t0) / 1000)) >>"$DIR/openssl.times"
done

median() { sort -n "$1" | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m/1000}'; }
S=$(median "$DIR/sockkit.times")
O=$(median "$DIR/openssl.times")
# sockkit's own measure of the handshake alone (from ClientHello to Finished).
INNER=$(for _ in $(seq 10); do "$SOCKKIT" tls --json --ca "$DIR/ca.pem" localhost "$PORT"; done |
    python3 -c 'import sys, json, statistics; print("%.2f" % statistics.median(json.loads(l)["handshake_ms"] for l in sys.stdin))')

printf '%-58s %10s\n' "full TLS 1.3 handshake, whole process, median of $RUNS" "ms"
printf '%-58s %10s\n' "sockkit tls --ca ca.pem localhost PORT" "$S"
printf '%-58s %10s\n' "openssl s_client -CAfile ca.pem -verify_return_error" "$O"
printf '%-58s %10s\n' "sockkit's handshake_ms (ClientHello to Finished), median" "$INNER"
awk -v s="$S" -v o="$O" 'BEGIN{printf "ratio sockkit/openssl: %.2fx (goal <= 1.0x: no slower)\n", s/o}'
