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
elapsed() { awk "BEGIN{print $2 - $1}"; }

# Alternate the two tools RUNS times (other work on the machine hits both alike) and
# compare medians. nc -z prints nothing and exits 0 if any port is open; -w 1 is the
# same per-port bound as sockkit's -w 1s.
RUNS=${RUNS:-3}
nc_times=()
sk_times=()
for _ in $(seq "$RUNS"); do
    t0=$(now)
    nc -z -w 1 127.0.0.1 "$PORTS" || true
    t1=$(now)
    $SOCKKIT connect -z -w 1s 127.0.0.1 "$PORTS" >/tmp/sockkit-scan.$$ || true
    t2=$(now)
    nc_times+=("$(elapsed "$t0" "$t1")")
    sk_times+=("$(elapsed "$t1" "$t2")")
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
printf '\nsockkit is %.1fx faster; open ports it found: %s\n' "$(awk "BEGIN{print $nc_s / $sk_s}")" "$found"
