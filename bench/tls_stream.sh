#!/usr/bin/env bash
# TLS streams, side by side in one run on loopback: a file through `listen --tls` ->
# `connect --tls` to /dev/null against socat OPENSSL (both sides) and ncat --ssl; and
# 200 concurrent TLS echo clients on `listen -k --tls --echo` with its peak RSS.
# Not part of `cargo test`.
#
#   bench/tls_stream.sh [SIZE_MIB] [RUNS]    (defaults: 1024 MiB, 3 runs; the median counts)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${1:-1024}
RUNS=${2:-3}
missing=()
command -v socat >/dev/null || missing+=(socat)
command -v ncat >/dev/null || missing+=(ncat)
command -v openssl >/dev/null || missing+=(openssl)
command -v bc >/dev/null || missing+=(bc)
if ((${#missing[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cargo build --release --quiet
SK=$PWD/target/release/sockkit
DIR=$(mktemp -d /tmp/sockkit-tlsbench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT

# A CA and a leaf for localhost (ECDSA P-256).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=bench CA" -keyout "$DIR/ca.key" -out "$DIR/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout "$DIR/leaf.key" -out "$DIR/leaf.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$DIR/ext"
openssl x509 -req -in "$DIR/leaf.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" -CAcreateserial \
    -days 2 -extfile "$DIR/ext" -out "$DIR/leaf.pem" 2>/dev/null
CERT=$DIR/leaf.pem KEY=$DIR/leaf.key CA=$DIR/ca.pem
FILE=$DIR/payload
head -c "$((SIZE_MIB << 20))" /dev/urandom >"$FILE"
cat "$FILE" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_listening() {
    local i
    for i in $(seq 300); do
        ss -ltnH "sport = :$1" | grep -q . && return 0
        sleep 0.01
    done
    echo "nothing listens on $1" >&2
    return 1
}
now() { date +%s.%N; }

# One transfer: $1 server command, $2 client command (PORT substituted); seconds.
transfer() {
    local port start end
    port=$(free_port)
    bash -c "${1//PORT/$port}" &
    local spid=$!
    wait_listening "$port"
    start=$(now)
    timeout 300 bash -c "${2//PORT/$port}"
    wait "$spid"
    end=$(now)
    echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { for _ in $(seq "$RUNS"); do transfer "$1" "$2"; done | median; }

declare -A T
T[sk]=$(measure "$SK listen --tls --cert $CERT --key $KEY 127.0.0.1 PORT </dev/null >/dev/null" \
    "$SK connect --tls --ca $CA localhost PORT <$FILE >/dev/null")
T[socat]=$(measure "socat -u OPENSSL-LISTEN:PORT,bind=127.0.0.1,reuseaddr,cert=$CERT,key=$KEY,verify=0 STDOUT >/dev/null" \
    "socat -u FILE:$FILE OPENSSL:127.0.0.1:PORT,cafile=$CA,commonname=localhost")
T[ncat]=$(measure "ncat --ssl --ssl-cert $CERT --ssl-key $KEY -l --recv-only 127.0.0.1 PORT >/dev/null" \
    "ncat --ssl --ssl-verify --ssl-trustfile $CA --send-only localhost PORT <$FILE")

# 200 concurrent TLS echo round trips of 64 KiB; the listener's peak RSS.
PORT=$(free_port)
"$SK" listen -k --tls --cert "$CERT" --key "$KEY" --echo 127.0.0.1 "$PORT" </dev/null >/dev/null 2>&1 &
LPID=$!
wait_listening "$PORT"
ECHO_START=$(now)
python3 - "$PORT" "$CA" <<'EOF'
import socket, ssl, sys, threading
port, ca = int(sys.argv[1]), sys.argv[2]
ctx = ssl.create_default_context(cafile=ca)
payload = bytes(range(256)) * 256
ok = []
def one():
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="localhost")
    s.settimeout(60)
    s.sendall(payload)
    got = b""
    while len(got) < len(payload):
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
    ok.append(got == payload)
    s.close()
ts = [threading.Thread(target=one) for _ in range(200)]
[t.start() for t in ts]
[t.join(120) for t in ts]
if sum(ok) != 200:
    sys.exit(f"only {sum(ok)} of 200 echo round trips came back whole")
EOF
ECHO_END=$(now)
RSS=$(awk '/VmHWM/ {print $2}' "/proc/$LPID/status")
kill "$LPID"
wait "$LPID" 2>/dev/null || true

BYTES=$((SIZE_MIB << 20))
rate() { echo "$BYTES / $1 / 1048576" | bc -l; }
ratio() { printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; }
echo
echo "TLS streams: $SIZE_MIB MiB over loopback, median of $RUNS runs, $(nproc) CPUs"
printf '%-46s %8.3f s %7.0f MiB/s\n' "listen --tls <- connect --tls" "${T[sk]}" "$(rate "${T[sk]}")"
printf '%-46s %8.3f s %7.0f MiB/s   sockkit %s\n' "socat OPENSSL-LISTEN <- socat OPENSSL" "${T[socat]}" "$(rate "${T[socat]}")" "$(ratio "${T[socat]}" "${T[sk]}")"
printf '%-46s %8.3f s %7.0f MiB/s   sockkit %s\n' "ncat --ssl -l <- ncat --ssl" "${T[ncat]}" "$(rate "${T[ncat]}")" "$(ratio "${T[ncat]}" "${T[sk]}")"
printf '%-46s %8.3f s, peak RSS %d KiB (goal < 131072)\n' "200 concurrent TLS echo clients, 64 KiB each" \
    "$(echo "$ECHO_END - $ECHO_START" | bc -l)" "$RSS"
