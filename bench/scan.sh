#!/usr/bin/env bash
# Benchmark: `sockkit connect -z` against OpenBSD netcat's `nc -z` over every TCP port
# of 127.0.0.1, with a few listeners open. Loopback only. Not part of `cargo test`.
#
#   bench/scan.sh            # 1-65535
#   PORTS=1-10000 bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORTS=${PORTS:-1-65535}

if ! command -v nc >/dev/null || ! nc -h 2>&1 | grep -qi openbsd; then
    echo "installing netcat-openbsd..." >&2
    apt-get install -y netcat-openbsd >/dev/null
fi

cargo build --release --quiet
SOCKKIT=target/release/sockkit

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
print(",".join(str(s.getsockname()[1]) for s in socks), flush=True)
time.sleep(600)
' >"$LISTENERS" &
PEER=$!
trap 'kill $PEER 2>/dev/null; rm -f "$LISTENERS"' EXIT
for _ in $(seq 50); do [ -s "$LISTENERS" ] && break; sleep 0.1; done
OPEN=$(cat "$LISTENERS")

now() { date +%s.%N; }

# nc -z prints nothing and exits 0 if any port is open; -w 1 is the same per-port bound.
t0=$(now)
nc -z -w 1 127.0.0.1 "$PORTS" || true
t1=$(now)
$SOCKKIT connect -z -w 1s 127.0.0.1 "$PORTS" >/tmp/sockkit-scan.$$ || true
t2=$(now)

found=$(awk '{split($2, p, "/"); print p[1]}' /tmp/sockkit-scan.$$ | paste -sd, -)
rm -f /tmp/sockkit-scan.$$
nc_s=$(awk "BEGIN{print $t1 - $t0}")
sk_s=$(awk "BEGIN{print $t2 - $t1}")

printf '\nScanning 127.0.0.1 %s (listeners on %s)\n\n' "$PORTS" "$OPEN"
printf '%-36s %10s\n' "tool" "seconds"
printf '%-36s %10.3f\n' "nc -z (netcat-openbsd)" "$nc_s"
printf '%-36s %10.3f\n' "sockkit connect -z" "$sk_s"
printf '\nsockkit is %.1fx faster; open ports it found: %s\n' "$(awk "BEGIN{print $nc_s / $sk_s}")" "$found"
