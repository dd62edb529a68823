#!/usr/bin/env bash
# Benchmark: `sockkit ping --count N --interval 0` against what a user without tcping
# would write, a shell loop of `nc -z -w 1`, on loopback. Not part of `cargo test`.
#
# Both make N TCP handshakes with 127.0.0.1 one after another. The bare connect time is
# what sockkit measured per handshake (its rtt_avg_ms); what each tool spends per probe
# above it is its overhead: process start-up for the nc loop, a socket, a close and a
# line of output for sockkit.
#
#   bench/ping.sh
#   COUNT=5000 RUNS=5 bench/ping.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-1000}
RUNS=${RUNS:-3}

if ! command -v nc >/dev/null || ! nc -h 2>&1 | grep -qi openbsd; then
    echo "installing netcat-openbsd..." >&2
    apt-get install -y netcat-openbsd >/dev/null
fi

cargo build --release --quiet
SOCKKIT=target/release/sockkit

# A listener that accepts and closes, with room in its queue for every probe.
PORTFILE=$(mktemp)
python3 -u -c '
import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(4096)
print(s.getsockname()[1], flush=True)
end = time.time() + 900
s.settimeout(0.5)
while time.time() < end:
    try:
        c, _ = s.accept()
        c.close()
    except socket.timeout:
        pass
' >"$PORTFILE" &
PEER=$!
OUT=$(mktemp)
trap 'kill $PEER 2>/dev/null; rm -f "$PORTFILE" "$OUT"' EXIT
for _ in $(seq 50); do [ -s "$PORTFILE" ] && break; sleep 0.1; done
PORT=$(cat "$PORTFILE")

now() { date +%s.%N; }
elapsed() { awk "BEGIN{print $2 - $1}"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

nc_times=()
sk_times=()
rtts=()
for _ in $(seq "$RUNS"); do
    t0=$(now)
    for _ in $(seq "$COUNT"); do nc -z -w 1 127.0.0.1 "$PORT"; done
    t1=$(now)
    "$SOCKKIT" ping --json --count "$COUNT" --interval 0 127.0.0.1 "$PORT" >"$OUT"
    t2=$(now)
    nc_times+=("$(elapsed "$t0" "$t1")")
    sk_times+=("$(elapsed "$t1" "$t2")")
    rtts+=("$(tail -1 "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rtt_avg_ms"])')")
done
nc_s=$(median "${nc_times[@]}")
sk_s=$(median "${sk_times[@]}")
rtt=$(median "${rtts[@]}")

per() { awk "BEGIN{printf \"%.1f\", $1 * 1e6 / $COUNT}"; }
over() { awk "BEGIN{printf \"%.1f\", $1 * 1e6 / $COUNT - $rtt * 1e3}"; }

printf '\n%s handshakes with 127.0.0.1:%s, median of %s runs each\n' "$COUNT" "$PORT" "$RUNS"
printf 'bare connect time (sockkit rtt_avg_ms): %.1f us\n\n' "$(awk "BEGIN{print $rtt * 1e3}")"
printf '%-40s %9s %12s %14s   %s\n' "tool" "total s" "us / probe" "overhead us" "runs"
printf '%-40s %9.3f %12s %14s   %s\n' "sh loop: nc -z -w 1 (netcat-openbsd)" "$nc_s" "$(per "$nc_s")" "$(over "$nc_s")" "${nc_times[*]}"
printf '%-40s %9.3f %12s %14s   %s\n' "sockkit ping --interval 0" "$sk_s" "$(per "$sk_s")" "$(over "$sk_s")" "${sk_times[*]}"
printf '\nsockkit is %.1fx faster; its overhead per probe is %.1fx smaller\n' \
    "$(awk "BEGIN{print $nc_s / $sk_s}")" \
    "$(awk "BEGIN{print ($nc_s * 1e6 / $COUNT - $rtt * 1e3) / ($sk_s * 1e6 / $COUNT - $rtt * 1e3)}")"
