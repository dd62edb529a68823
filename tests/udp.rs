//! udp-send and udp-recv against real peers on loopback: Python's socket module on the
//! other side (the seed tutorials' sendto/recvfrom programs and timestamp server among
//! them), UDP over IPv4 and IPv6, and Unix datagram sockets.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStderr, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{Peer, free_udp_port, has_ipv6, python, run, run_with, sockkit, wait_bounded};

const LIMIT: Duration = Duration::from_secs(15);

/// A Python receiver on HOST: prints its port, then `HEX SENDER_PORT` per datagram for
/// `n` datagrams (or `TIMEOUT` after 5 s of silence), then exits.
fn py_receiver(host: &str, n: usize) -> Peer {
    let family = if host.contains(':') {
        "AF_INET6"
    } else {
        "AF_INET"
    };
    Peer::start(&format!(
        r#"
import socket
s = socket.socket(socket.{family}, socket.SOCK_DGRAM)
s.bind(("{host}", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(5)
for _ in range({n}):
    try:
        data, addr = s.recvfrom(70000)
    except socket.timeout:
        print("TIMEOUT")
        break
    print(data.hex(), addr[1], flush=True)
"#
    ))
}

/// The payloads a [`py_receiver`] printed, as bytes.
fn received(lines: &str) -> Vec<Vec<u8>> {
    lines
        .lines()
        .map(|l| {
            assert_ne!(
                l, "TIMEOUT",
                "the Python receiver got fewer datagrams than expected"
            );
            let hex = l.split(' ').next().unwrap();
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect()
        })
        .collect()
}

/// The seed tutorial's UDP timestamp server (001), answering `[time] data`.
fn py_timestamp_server() -> Peer {
    Peer::start(
        r#"
from socket import *
import time
udpSerSock = socket(AF_INET, SOCK_DGRAM)
udpSerSock.bind(("127.0.0.1", 0))
print(udpSerSock.getsockname()[1], flush=True)
while True:
    data, addr = udpSerSock.recvfrom(1024)
    lotime = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
    udpSerSock.sendto(b"[%s] %s" % (lotime.encode(), data), addr)
"#,
    )
}

/// A sockkit udp-recv started with `-v`: its port comes from the `listening on` line.
struct Recv {
    child: Child,
    port: u16,
    stderr: mpsc::Receiver<String>,
}

impl Recv {
    fn start(args: &[&str]) -> Recv {
        Recv::start_env(args, &[])
    }

    /// As [`Recv::start`], with `env` added to sockkit's environment.
    fn start_env(args: &[&str], env: &[(&str, &str)]) -> Recv {
        let mut all = vec!["-v"];
        all.extend_from_slice(args);
        let mut child = sockkit(&all)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start sockkit");
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let (port, before) = listening_port(&mut err);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut rest = before;
            let _ = std::io::Read::read_to_string(&mut err, &mut rest);
            let _ = tx.send(rest);
        });
        Recv {
            child,
            port,
            stderr: rx,
        }
    }

    /// Wait for exit (bounded): exit code, stdout, the rest of stderr.
    fn finish(self) -> (i32, Vec<u8>, String) {
        let out = wait_bounded(self.child, LIMIT, "sockkit udp-recv");
        let err = self.stderr.recv_timeout(LIMIT).unwrap_or_default();
        (common::shell_status(out.status), out.stdout, err)
    }
}

/// The port from the `listening on ADDR` event, plain or JSON (0 for a Unix path), and
/// the lines before it.
fn listening_port(err: &mut BufReader<ChildStderr>) -> (u16, String) {
    let mut before = String::new();
    let mut line = String::new();
    loop {
        before.push_str(&line);
        line.clear();
        let n = err.read_line(&mut line).expect("read sockkit stderr");
        assert!(n > 0, "sockkit udp-recv exited before listening");
        let addr = match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(ev) if ev["event"] == "listening" => ev["address"].as_str().unwrap().to_string(),
            _ => match line.trim().strip_prefix("listening on ") {
                Some(a) => a.to_string(),
                None => continue,
            },
        };
        let port = addr.rsplit(':').next().and_then(|p| p.parse().ok());
        return (port.unwrap_or(0), before);
    }
}

/// Wait until something is bound to UDP `port` (read from /proc, so nothing races it).
fn wait_udp_bound(port: u16) {
    let needle = format!(":{port:04X} ");
    let start = Instant::now();
    loop {
        let bound = ["/proc/net/udp", "/proc/net/udp6"].iter().any(|f| {
            std::fs::read_to_string(f)
                .map(|t| {
                    t.lines().skip(1).any(|l| {
                        l.split_whitespace()
                            .nth(1)
                            .is_some_and(|a| format!("{a} ").ends_with(&needle))
                    })
                })
                .unwrap_or(false)
        });
        if bound {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "nothing bound UDP port {port}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Start sockkit with stdout and stderr piped (no -v), on a port picked beforehand.
fn spawn(args: &[&str]) -> Child {
    sockkit(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit")
}

/// Python: send each payload (hex) from one socket to 127.0.0.1:port, `gap` seconds apart.
fn py_send(host: &str, port: u16, payloads: &[&[u8]], gap: f64) {
    let family = if host.contains(':') {
        "AF_INET6"
    } else {
        "AF_INET"
    };
    let list: Vec<String> = payloads
        .iter()
        .map(|p| format!("bytes.fromhex('{}')", hex(p)))
        .collect();
    common::python(&format!(
        "import time\ns = socket.socket(socket.{family}, socket.SOCK_DGRAM)\n\
         for p in [{}]:\n    s.sendto(p, ('{host}', {port}))\n    time.sleep({gap})\n",
        list.join(", ")
    ));
}

/// Send each payload to 127.0.0.1:port from this process, at once.
fn send_now(port: u16, payloads: &[&[u8]]) {
    let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    for p in payloads {
        s.send_to(p, ("127.0.0.1", port)).unwrap();
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn all_bytes() -> Vec<u8> {
    (0..=255u8).collect()
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

fn temp_path(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("sockkit-udp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

// ---------------------------------------------------------------- udp-send

#[test]
fn send_message_to_python_receiver() {
    let peer = py_receiver("127.0.0.1", 2);
    let port = peer.port().to_string();
    let r = run(&["udp-send", "127.0.0.1", &port, "hello there"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    // A message that looks like an option follows `--`.
    let r = run(&["udp-send", "127.0.0.1", &port, "--", "-n"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        received(&peer.finish(LIMIT)),
        vec![b"hello there".to_vec(), b"-n".to_vec()]
    );
}

#[test]
fn send_each_stdin_line_as_one_datagram_like_the_seed_sender() {
    // The seed's receiver (004) is recvfrom in a loop; every line is one datagram,
    // the newline dropped, an empty line an empty datagram, the last line without \n too.
    let peer = py_receiver("127.0.0.1", 4);
    let port = peer.port().to_string();
    let r = run_with(
        &["udp-send", &format!("127.0.0.1:{port}")],
        b"first\nsecond line\n\nlast",
        LIMIT,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = received(&peer.finish(LIMIT));
    assert_eq!(
        got,
        vec![
            b"first".to_vec(),
            b"second line".to_vec(),
            vec![],
            b"last".to_vec()
        ]
    );
}

#[test]
fn send_raw_stdin_is_one_datagram_byte_exact() {
    let peer = py_receiver("127.0.0.1", 1);
    let port = peer.port().to_string();
    let mut payload = all_bytes();
    payload.extend(all_bytes().iter().rev());
    payload.extend(b"\n\r\n\0");
    let r = run_with(&["udp-send", "--raw", "127.0.0.1", &port], &payload, LIMIT);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(received(&peer.finish(LIMIT)), vec![payload]);
}

#[test]
fn send_hex_message_count_and_generated_size() {
    let peer = py_receiver("127.0.0.1", 5);
    let port = peer.port().to_string();
    let r = run(&[
        "udp-send",
        "--hex",
        "--count",
        "2",
        "127.0.0.1",
        &port,
        "00ff41:0a",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&[
        "udp-send",
        "--count",
        "3",
        "--size",
        "1K",
        "127.0.0.1",
        &port,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = received(&peer.finish(LIMIT));
    assert_eq!(got.len(), 5);
    assert_eq!(got[0], vec![0x00, 0xff, 0x41, 0x0a]);
    assert_eq!(got[1], got[0]);
    for g in &got[2..] {
        assert_eq!(g.len(), 1024);
        assert!(g.starts_with(b"sockkit sockkit "));
    }
}

#[test]
fn send_interval_spaces_the_datagrams() {
    let peer = Peer::start(
        r#"
import socket, struct
SO_TIMESTAMPNS = 35  # Linux; Python's socket module does not name it
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
# The kernel stamps each datagram as it arrives, so a reader slowed by load (two
# datagrams read back to back) does not shrink the gaps measured.
s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(5)
stamps = []
for _ in range(3):
    _, anc, _, _ = s.recvmsg(100, 64)
    sec, nsec = next(struct.unpack("qq", d[:16]) for l, t, d in anc
                     if l == socket.SOL_SOCKET and t == SO_TIMESTAMPNS)
    stamps.append(sec + nsec / 1e9)
print(min(b - a for a, b in zip(stamps, stamps[1:])))
"#,
    );
    let port = peer.port().to_string();
    let r = run(&[
        "udp-send",
        "--count",
        "3",
        "--interval",
        "80ms",
        "127.0.0.1",
        &port,
        "tick",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let gap: f64 = peer.finish(LIMIT).trim().parse().unwrap();
    assert!(
        gap >= 0.07,
        "datagrams only {gap}s apart with --interval 80ms"
    );
}

#[test]
fn wait_reply_prints_the_seed_timestamp_servers_answer() {
    let server = py_timestamp_server();
    let port = server.port().to_string();
    let r = run(&["udp-send", "-r", "127.0.0.1", &port, "hello"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let re = regex::Regex::new(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] hello\n$").unwrap();
    assert!(re.is_match(&r.stdout), "{:?}", r.stdout);

    // Lines from stdin, each answered in turn, as the seed's client does.
    let r = run_with(
        &["udp-send", "-r", "127.0.0.1", &port],
        b"one\ntwo\n",
        LIMIT,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{:?}", r.stdout);
    assert!(lines[0].ends_with("] one") && lines[1].ends_with("] two"));

    let r = run(&["--json", "udp-send", "-r", "127.0.0.1", &port, "hi"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = &json_lines(r.stdout.as_bytes())[0];
    assert_eq!(rec["from"], format!("127.0.0.1:{port}"));
    let data = rec["data"].as_str().unwrap();
    assert!(data.starts_with('[') && data.ends_with("] hi"), "{data}");
    assert_eq!(rec["len"], data.len());
    assert!(rec["rtt_ms"].as_f64().unwrap() >= 0.0);
}

#[test]
fn wait_reply_with_no_answer_exits_1() {
    let peer = py_receiver("127.0.0.1", 1);
    let port = peer.port().to_string();
    // Options may follow the endpoint and message.
    let r = run(&[
        "udp-send",
        "127.0.0.1",
        &port,
        "anyone?",
        "-r",
        "-w",
        "300ms",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: 127.0.0.1:{port}: no reply within 300ms")
    );
    assert_eq!(received(&peer.finish(LIMIT)), vec![b"anyone?".to_vec()]);
}

#[test]
fn wait_reply_to_a_closed_port_is_connection_refused() {
    let port = free_udp_port().to_string();
    let start = Instant::now();
    let r = run(&["udp-send", "-r", "-w", "20s", "127.0.0.1", &port, "hello"]);
    assert_eq!(r.code, 1);
    let first = r.stderr.lines().next().unwrap();
    assert_eq!(
        first,
        format!("sockkit: 127.0.0.1:{port}: connection refused")
    );
    // The ICMP error ends the wait, not the 20 s timeout.
    assert!(start.elapsed() < Duration::from_secs(10));

    // Without -r too: on loopback the refusal is back before udp-send ends.
    for args in [&["x"][..], &["--count", "1000", "--size", "64"]] {
        let mut all = vec!["udp-send", "127.0.0.1", port.as_str()];
        all.extend_from_slice(args);
        let r = run(&all);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .starts_with(&format!("sockkit: 127.0.0.1:{port}: connection refused\n"))
        );
    }
}

#[test]
fn send_bad_input_exits_2_naming_it() {
    let cases: &[(&[&str], &str)] = &[
        (&["udp-send", "--hex", "127.0.0.1", "9", "zz"], "hex 'zz'"),
        (
            &["udp-send", "--hex", "127.0.0.1", "9", "abc"],
            "odd number",
        ),
        (&["udp-send", "--size", "70000", "127.0.0.1", "9"], "65507"),
        (&["udp-send", "--size", "lots", "127.0.0.1", "9"], "--size"),
        (
            &["udp-send", "--count", "0", "127.0.0.1", "9", "x"],
            "--count 0",
        ),
        (
            &["udp-send", "--ttl", "0", "127.0.0.1", "9", "x"],
            "--ttl 0",
        ),
        (
            &["udp-send", "--interval", "soon", "127.0.0.1", "9", "x"],
            "--interval",
        ),
        (
            &["udp-send", "--size", "10", "127.0.0.1", "9", "x"],
            "--size with MESSAGE",
        ),
        (&["udp-send", "127.0.0.1", "70000", "x"], "port 70000"),
        (&["udp-send", "127.0.0.1", "0", "x"], "port 0"),
        (&["udp-send", "1.2.3.999", "9", "x"], "1.2.3.999"),
        (&["udp-send", "127.0.0.1"], "missing PORT"),
        (
            &["udp-send", "-O", "TCP_NODELAY=1", "127.0.0.1", "9", "x"],
            "TCP_NODELAY",
        ),
    ];
    for (args, needle) in cases {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("sockkit: "), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"));
    }
}

#[test]
fn send_oversize_stdin_exits_2_with_the_limit() {
    let port = free_udp_port().to_string();
    let big = vec![b'x'; 65508];
    let r = run_with(&["udp-send", "--raw", "127.0.0.1", &port], &big, LIMIT);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("65507"), "{}", r.stderr);
    // Exactly the limit goes through (the peer prints lengths: 128 KiB of hex would
    // outgrow the pipe before it is read).
    let peer = Peer::start(
        r#"
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(5)
data = s.recv(70000)
print(len(data), set(data) == {ord("x")})
"#,
    );
    let p = peer.port().to_string();
    let r = run_with(
        &["udp-send", "--raw", "127.0.0.1", &p],
        &big[..65507],
        LIMIT,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(peer.finish(LIMIT).trim(), "65507 True");
    // A line too long for a datagram.
    let mut lines = big.clone();
    lines.push(b'\n');
    let r = run_with(&["udp-send", "127.0.0.1", &port], &lines, LIMIT);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("65507"), "{}", r.stderr);
}

#[test]
fn send_to_an_unknown_host_exits_1() {
    let r = run(&["udp-send", "no-such-host.invalid", "9", "x"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("sockkit: no-such-host.invalid: "),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1);
}

#[test]
fn broadcast_needs_the_flag_and_reaches_the_loopback_broadcast_address() {
    // 127.255.255.255 is the broadcast address of lo: nothing leaves the host.
    let peer = py_receiver("0.0.0.0", 1);
    let port = peer.port().to_string();
    let r = run(&["udp-send", "127.255.255.255", &port, "to all"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("permission denied"), "{}", r.stderr);
    assert!(r.stderr.contains("--broadcast"), "{}", r.stderr);
    let r = run(&[
        "-vv",
        "udp-send",
        "--broadcast",
        "127.255.255.255",
        &port,
        "to all",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("SO_BROADCAST, 1) = 0"), "{}", r.stderr);
    assert_eq!(received(&peer.finish(LIMIT)), vec![b"to all".to_vec()]);
}

#[test]
fn ttl_reaches_the_ip_header() {
    // The receiver reads the TTL of the datagram itself (IP_RECVTTL = 12, cmsg IP_TTL = 2).
    let peer = Peer::start(
        r#"
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, 12, 1)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(5)
data, anc, flags, addr = s.recvmsg(100, 64)
print(data.decode(), [struct.unpack("i", d)[0] for l, t, d in anc if t == 2][0])
"#,
    );
    let port = peer.port().to_string();
    let r = run(&["udp-send", "--ttl", "7", "127.0.0.1", &port, "hop"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(peer.finish(LIMIT).trim(), "hop 7");
}

#[test]
fn send_and_receive_over_ipv6() {
    if !has_ipv6() {
        return;
    }
    let peer = py_receiver("::1", 1);
    let port = peer.port().to_string();
    let r = run(&["udp-send", &format!("[::1]:{port}"), "six"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(received(&peer.finish(LIMIT)), vec![b"six".to_vec()]);

    let r = run(&["udp-send", "--size", "65528", "::1", "9"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("65527"), "{}", r.stderr);

    let recv = Recv::start(&["--json", "-6", "udp-recv", "--count", "1", "::1", "0"]);
    py_send("::1", recv.port, &[b"over six"], 0.0);
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let rec = &json_lines(&out)[0];
    assert_eq!(rec["data"], "over six");
    assert!(rec["from"].as_str().unwrap().starts_with("[::1]:"), "{rec}");
}

// ---------------------------------------------------------------- udp-recv

#[test]
fn recv_prints_one_line_per_datagram_from_the_seed_sender() {
    let recv = Recv::start(&["udp-recv", "--count", "3", "127.0.0.1", "0"]);
    let port = recv.port;
    // The seed's sender (004): sendto per line from an unbound socket.
    common::python(&format!(
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
         s.bind(('127.0.0.1', 0))\n\
         print(s.getsockname()[1])\n\
         for msg in ['hello', 'with newline\\n', 'bye']:\n    s.sendto(msg.encode(), ('127.0.0.1', {port}))\n"
    ));
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text:?}");
    // -v prefixes the sender; a payload's own newline is not doubled.
    let re = regex::Regex::new(r"^\[127\.0\.0\.1:\d+\] (hello|with newline|bye)$").unwrap();
    for l in &lines {
        assert!(re.is_match(l), "{l:?}");
    }
    assert!(lines[2].ends_with("] bye"));
}

#[test]
fn recv_plain_lines_without_prefix() {
    let port = free_udp_port();
    let p = port.to_string();
    let child = spawn(&["udp-recv", "--count", "3", "127.0.0.1", &p]);
    wait_udp_bound(port);
    py_send("127.0.0.1", port, &[b"alpha", b"beta\n", b""], 0.0);
    let out = wait_bounded(child, LIMIT, "udp-recv");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "alpha\nbeta\n\n");
}

#[test]
fn recv_json_records_field_by_field() {
    let recv = Recv::start(&["--json", "udp-recv", "--count", "3", "127.0.0.1", "0"]);
    let sender = Peer::start(&format!(
        r#"
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
for p in [b"hello", bytes([0, 255, 10]), "h\u00e9\n".encode()]:
    s.sendto(p, ("127.0.0.1", {}))
"#,
        recv.port
    ));
    let sender_port = sender.port();
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 3);
    let from = format!("127.0.0.1:{sender_port}");
    assert_eq!(recs[0]["from"], from);
    assert_eq!(recs[0]["len"], 5);
    assert_eq!(recs[0]["data"], "hello");
    assert!(recs[0].get("data_hex").is_none());
    assert_eq!(recs[1]["from"], from);
    assert_eq!(recs[1]["len"], 3);
    assert_eq!(recs[1]["data_hex"], "00ff0a");
    assert!(recs[1].get("data").is_none());
    assert_eq!(recs[2]["len"], 4);
    assert_eq!(recs[2]["data"], "h\u{e9}\n");
    // The listening event on stderr is JSON too.
    assert!(
        err.is_empty() || err.lines().all(|l| l.starts_with('{')),
        "{err}"
    );
}

#[test]
fn recv_raw_is_byte_exact_with_all_256_values() {
    let port = free_udp_port();
    let p = port.to_string();
    let child = spawn(&["udp-recv", "--raw", "--count", "2", "127.0.0.1", &p]);
    wait_udp_bound(port);
    let a = all_bytes();
    let b: Vec<u8> = all_bytes().into_iter().rev().collect();
    py_send("127.0.0.1", port, &[&a, &b], 0.01);
    let out = wait_bounded(child, LIMIT, "udp-recv --raw");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, [a, b].concat());
}

#[test]
fn recv_hex_dump() {
    let port = free_udp_port();
    let p = port.to_string();
    let child = spawn(&["udp-recv", "--hex", "--count", "1", "127.0.0.1", &p]);
    wait_udp_bound(port);
    py_send("127.0.0.1", port, &[b"hello, world\x00\x01\xff\n!"], 0.0);
    let out = wait_bounded(child, LIMIT, "udp-recv --hex");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "00000000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 00 01 ff 0a  |hello, world....|\n\
         00000010  21                                                |!|\n"
    );
}

#[test]
fn recv_timeout_exit_codes() {
    // Nothing at all: exit 1, saying so.
    let r = run(&["-w", "300ms", "udp-recv", "127.0.0.1", "0"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr.trim(),
        "sockkit: udp-recv: no datagram within 300ms"
    );

    // Something, then silence: the normal end, exit 0.
    // Sent from this process the moment udp-recv listens: the idle window is not
    // spent starting a Python sender on a loaded machine.
    let recv = Recv::start(&["-w", "1500ms", "udp-recv", "127.0.0.1", "0"]);
    send_now(recv.port, &[b"one", b"two"]);
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);

    // Fewer than --count before the silence: exit 1.
    let recv = Recv::start(&["-w", "1500ms", "udp-recv", "--count", "3", "127.0.0.1", "0"]);
    send_now(recv.port, &[b"one", b"two"]);
    let (code, out, err) = recv.finish();
    assert_eq!(code, 1);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    assert!(
        err.contains("2 of 3 datagrams, then none for 1s 500ms"),
        "{err}"
    );
}

#[test]
fn recv_count_takes_no_more_than_asked() {
    let port = free_udp_port();
    let p = port.to_string();
    let child = spawn(&["udp-recv", "--count", "2", "127.0.0.1", &p]);
    wait_udp_bound(port);
    py_send("127.0.0.1", port, &[b"1", b"2", b"3", b"4", b"5"], 0.0);
    let out = wait_bounded(child, LIMIT, "udp-recv --count 2");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "1\n2\n");
}

/// A Python client (the seed's, 001): send each message, print each answer's hex.
fn py_client(port: u16, messages: &[&[u8]]) -> Vec<Vec<u8>> {
    let list: Vec<String> = messages
        .iter()
        .map(|m| format!("bytes.fromhex('{}')", hex(m)))
        .collect();
    let out = common::python(&format!(
        "udpCliSock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
         udpCliSock.settimeout(5)\n\
         for data in [{}]:\n    udpCliSock.sendto(data, ('127.0.0.1', {port}))\n    \
         data, addr = udpCliSock.recvfrom(70000)\n    print(data.hex(), addr[1])\n",
        list.join(", ")
    ));
    received(&out)
}

#[test]
fn recv_echo_returns_each_datagram_byte_exact() {
    let recv = Recv::start(&["udp-recv", "--echo", "--count", "2", "127.0.0.1", "0"]);
    let binary = all_bytes();
    let got = py_client(recv.port, &[b"ping", &binary]);
    assert_eq!(got, vec![b"ping".to_vec(), binary]);
    let (code, _, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn recv_reply_sends_the_text_with_escapes() {
    let recv = Recv::start(&[
        "udp-recv",
        "--reply",
        r"pong\r\n\x00",
        "--count",
        "1",
        "127.0.0.1",
        "0",
    ]);
    let got = py_client(recv.port, &[b"ping"]);
    assert_eq!(got, vec![b"pong\r\n\x00".to_vec()]);
    let (code, out, _) = recv.finish();
    assert_eq!(code, 0);
    assert!(String::from_utf8(out).unwrap().ends_with("] ping\n"));

    let r = run(&["udp-recv", "--reply", r"bad\q", "0"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--reply"), "{}", r.stderr);
}

#[test]
fn recv_sh_exec_stands_in_for_the_seed_timestamp_server() {
    let recv = Recv::start(&[
        "udp-recv",
        "--count",
        "2",
        "127.0.0.1",
        "0",
        "--sh-exec",
        r#"printf '[%s] ' "$(date '+%Y-%m-%d %H:%M:%S')"; cat"#,
    ]);
    let got = py_client(recv.port, &[b"hello", b"again"]);
    let re = regex::Regex::new(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (hello|again)$").unwrap();
    for g in &got {
        assert!(re.is_match(&String::from_utf8_lossy(g)), "{g:?}");
    }
    assert!(got[1].ends_with(b"again"));
    let (code, _, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn recv_exec_runs_argv_with_the_peer_in_its_environment() {
    let recv = Recv::start(&[
        "udp-recv",
        "--count",
        "1",
        "127.0.0.1",
        "0",
        "--exec",
        "tr",
        "a-z",
        "A-Z",
    ]);
    assert_eq!(py_client(recv.port, &[b"shout"]), vec![b"SHOUT".to_vec()]);
    let (code, _, err) = recv.finish();
    assert_eq!(code, 0, "{err}");

    let recv = Recv::start(&[
        "udp-recv",
        "--count",
        "1",
        "127.0.0.1",
        "0",
        "--sh-exec",
        r#"printf '%s:%s' "$SOCKKIT_PEER_ADDR" "$SOCKKIT_PEER_PORT""#,
    ]);
    let out = common::python(&format!(
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ns.settimeout(5)\n\
         s.sendto(b'who', ('127.0.0.1', {}))\nprint(s.recv(100).decode(), s.getsockname()[1])\n",
        recv.port
    ));
    let (answer, port) = out.trim().split_once(' ').unwrap();
    assert_eq!(answer, format!("127.0.0.1:{port}"));
    let (code, _, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn recv_exec_that_overruns_is_killed_and_reaped() {
    let recv = Recv::start(&[
        "-w",
        "1s",
        "udp-recv",
        "--count",
        "1",
        "127.0.0.1",
        "0",
        "--sh-exec",
        "sleep 30; echo late",
    ]);
    // -w is also udp-recv's idle limit: send at once, not after starting Python.
    send_now(recv.port, &[b"slow"]);
    let start = Instant::now();
    let (code, _, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(err.contains("killed"), "{err}");
}

#[test]
fn recv_keeps_up_with_many_senders_at_once() {
    let recv = Recv::start(&["--json", "udp-recv", "--count", "400", "127.0.0.1", "0"]);
    common::python(&format!(
        r#"
import threading
def send(i):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for j in range(50):
        s.sendto(b"s%d-%d" % (i, j), ("127.0.0.1", {}))
ts = [threading.Thread(target=send, args=(i,)) for i in range(8)]
[t.start() for t in ts]
[t.join() for t in ts]
"#,
        recv.port
    ));
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let mut got: Vec<String> = json_lines(&out)
        .iter()
        .map(|r| r["data"].as_str().unwrap().to_string())
        .collect();
    got.sort();
    let mut want: Vec<String> = (0..8)
        .flat_map(|i| (0..50).map(move |j| format!("s{i}-{j}")))
        .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn recv_bad_input_exits_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["udp-recv", "70000"], "port 70000"),
        (&["udp-recv", "--count", "0", "5000"], "--count 0"),
        (
            &["udp-recv", "--join", "10.0.0.1", "5000"],
            "not a multicast",
        ),
        (&["udp-recv", "--join", "nonsense", "5000"], "--join"),
        (
            &["udp-recv", "--join", "239.1.1.1%nosuchif0", "5000"],
            "nosuchif0",
        ),
        (&["udp-recv", "--unix", "/tmp/x", "5000"], "--unix"),
        (
            &["udp-recv", "5000", "--exec", "no-such-program-x"],
            "--exec no-such-program-x",
        ),
        (&["udp-recv", "-O", "TCP_NODELAY=1", "5000"], "TCP_NODELAY"),
        (&["-w", "never", "udp-recv", "5000"], "--timeout"),
    ];
    for (args, needle) in cases {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn recv_port_in_use_exits_1() {
    let holder = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port().to_string();
    let r = run(&["udp-recv", "127.0.0.1", &port]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: 127.0.0.1:{port}: address already in use")
    );
}

#[test]
fn recv_sigterm_writes_out_and_exits_143() {
    let path = temp_path("sigterm.sock");
    let recv = Recv::start(&["udp-recv", "--unix", &path]);
    let pid = recv.child.id() as i32;
    // Stopped, udp-recv cannot take the datagram before the signal: on SIGCONT it finds
    // SIGTERM pending and the datagram queued (in the queue since sendto returned). It
    // was received before the signal, so it must be written out.
    // SAFETY: plain kill(2)s of our own child.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    wait_process_state(pid, 'T');
    py_unix_send(&path, &[b"before the signal"]);
    unsafe {
        libc::kill(pid, libc::SIGTERM);
        libc::kill(pid, libc::SIGCONT);
    }
    let (code, out, _) = recv.finish();
    assert_eq!(code, 143);
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("before the signal")
    );
    assert!(
        !std::path::Path::new(&path).exists(),
        "socket file left behind"
    );
}

/// Wait (bounded) until process `pid` is in `state` (as /proc/PID/stat shows it).
fn wait_process_state(pid: i32, state: char) {
    let start = Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        let now = stat
            .rsplit(')')
            .next()
            .and_then(|r| r.trim().chars().next());
        if now == Some(state) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "process {pid} never reached state {state}: {stat}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn recv_sigterm_as_soon_as_listening_removes_the_socket_file() {
    // A supervisor may signal the moment it sees `listening on`: the handlers are
    // already in place, so the exit is 143 and the socket file is gone.
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let path = temp_path(&format!("early-{signal}.sock"));
        let recv = Recv::start(&["udp-recv", "--unix", &path]);
        // SAFETY: a plain kill(2) of our own child.
        unsafe { libc::kill(recv.child.id() as i32, signal) };
        let (code, out, err) = recv.finish();
        assert_eq!(code, 128 + signal, "{err}");
        assert!(out.is_empty());
        assert!(
            !std::path::Path::new(&path).exists(),
            "socket file left behind"
        );
    }
}

// ---------------------------------------------------------------- Unix datagrams

/// Python: send payloads to a Unix datagram socket from a socket bound to `<path>.client`
/// (so it can be answered) and print the answers' hex when `answers`.
fn py_unix_send(path: &str, payloads: &[&[u8]]) {
    let list: Vec<String> = payloads
        .iter()
        .map(|p| format!("bytes.fromhex('{}')", hex(p)))
        .collect();
    let addr = unix_addr_literal(path);
    common::python(&format!(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         for p in [{}]:\n    s.sendto(p, {addr})\n",
        list.join(", ")
    ));
}

fn unix_addr_literal(path: &str) -> String {
    match path.strip_prefix('@') {
        Some(name) => format!("'\\0{name}'"),
        None => format!("'{path}'"),
    }
}

#[test]
fn unix_path_receive_echo_and_cleanup() {
    let path = temp_path("echo.sock");
    let recv = Recv::start(&[
        "--json", "udp-recv", "--unix", &path, "--echo", "--count", "1",
    ]);
    let client = temp_path("echo-client.sock");
    let binary = all_bytes();
    let out = common::python(&format!(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\ns.bind('{client}')\ns.settimeout(5)\n\
         s.sendto(bytes.fromhex('{}'), '{path}')\nprint(s.recv(1000).hex())\n",
        hex(&binary)
    ));
    let _ = std::fs::remove_file(&client);
    assert_eq!(out.trim(), hex(&binary));
    let (code, stdout, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let rec = &json_lines(&stdout)[0];
    assert_eq!(rec["from"], client.as_str());
    assert_eq!(rec["len"], 256);
    assert_eq!(rec["data_hex"], hex(&binary));
    assert!(
        !std::path::Path::new(&path).exists(),
        "socket file left behind"
    );
}

#[test]
fn unix_exec_peer_has_no_port_even_one_inherited() {
    let path = temp_path("exec-env.sock");
    let recv = Recv::start_env(
        &[
            "udp-recv",
            "--unix",
            &path,
            "--count",
            "1",
            "--sh-exec",
            r#"printf '%s|%s' "$SOCKKIT_PEER_ADDR" "${SOCKKIT_PEER_PORT-unset}""#,
        ],
        &[("SOCKKIT_PEER_PORT", "4242")],
    );
    let client = temp_path("exec-env-client.sock");
    let out = common::python(&format!(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\ns.bind('{client}')\n\
         s.settimeout(5)\ns.sendto(b'who', '{path}')\nprint(s.recv(1000).decode())\n"
    ));
    let _ = std::fs::remove_file(&client);
    assert_eq!(out.trim(), format!("{client}|unset"));
    let (code, _, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn unix_echo_reply_failing_for_one_peer_still_answers_the_others() {
    // Three senders land in one batch (udp-recv is stopped while they send); the middle
    // one is gone before the replies go out. Its reply fails and is named; the replies
    // after it still go out.
    let path = temp_path("echo-batch.sock");
    let recv = Recv::start(&["udp-recv", "--unix", &path, "--echo", "--count", "3"]);
    let pid = recv.child.id() as i32;
    // SAFETY: a plain kill(2) of our own child.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    wait_process_state(pid, 'T');
    let (first, gone, last) = (
        temp_path("echo-batch-1.sock"),
        temp_path("echo-batch-gone.sock"),
        temp_path("echo-batch-3.sock"),
    );
    let out = common::python(&format!(
        "import os, signal\n\
         def client(p, msg):\n    c = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         \x20   c.bind(p)\n    c.settimeout(5)\n    c.sendto(msg, '{path}')\n    return c\n\
         a = client('{first}', b'one')\n\
         g = client('{gone}', b'two')\ng.close()\nos.unlink('{gone}')\n\
         b = client('{last}', b'three')\n\
         os.kill({pid}, signal.SIGCONT)\n\
         print(a.recv(100).decode(), b.recv(100).decode())\n"
    ));
    for p in [&first, &last] {
        let _ = std::fs::remove_file(p);
    }
    assert_eq!(out.trim(), "one three");
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("[{first}] one\n[{gone}] two\n[{last}] three\n")
    );
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("not sent")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].contains(&format!("reply to {gone} not sent: ")),
        "{err}"
    );
}

#[test]
fn unix_echo_to_a_peer_that_never_reads_does_not_stall_the_receiver() {
    // A Unix peer's queue holds few datagrams (net.unix.max_dgram_qlen); replies past
    // that are not sent, with a warning, and udp-recv goes on taking datagrams.
    let path = temp_path("echo-stuck.sock");
    let recv = Recv::start(&["udp-recv", "--unix", &path, "--echo", "--count", "40"]);
    let client = temp_path("echo-stuck-client.sock");
    let peer = Peer::start(&format!(
        "import socket, time\ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         s.bind('{client}')\ns.settimeout(5)\nfor i in range(40):\n    s.sendto(b'%d' % i, '{path}')\n\
         print('SENT', flush=True)\ntime.sleep(30)\n"
    ));
    assert_eq!(peer.first_line, "SENT");
    let (code, out, err) = recv.finish();
    drop(peer);
    let _ = std::fs::remove_file(&client);
    assert_eq!(code, 0, "{err}");
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 40);
    assert!(
        err.contains(&format!("reply to {client} not sent: ")),
        "{err}"
    );
}

#[test]
fn unix_abstract_both_ways() {
    let name = format!("@sockkit-udp-test-{}", std::process::id());
    let recv = Recv::start(&["udp-recv", "--unix", &name, "--count", "2"]);
    let r = run(&["udp-send", "--unix", &name, "from sockkit"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    py_unix_send(&name, &[b"from python"]);
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    // An unbound sender has no address to show.
    assert!(text.contains("] from sockkit\n"), "{text}");
    assert!(text.contains("] from python\n"), "{text}");
}

#[test]
fn unix_send_raw_and_wait_reply_from_python() {
    let path = temp_path("py-server.sock");
    let _ = std::fs::remove_file(&path);
    let server = Peer::start(&format!(
        r#"
import socket, os
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("{path}")
print("READY", flush=True)
s.settimeout(5)
data, addr = s.recvfrom(300000)
print(data.hex(), flush=True)
data, addr = s.recvfrom(300000)
s.sendto(b"got " + data, addr)
os.unlink("{path}")
"#
    ));
    assert_eq!(server.first_line, "READY");
    let binary = all_bytes();
    let r = run_with(&["udp-send", "--raw", "--unix", &path], &binary, LIMIT);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&["udp-send", "-r", "--unix", &path, "question"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "got question\n");
    assert_eq!(server.finish(LIMIT).trim(), hex(&binary));
}

#[test]
fn unix_errors() {
    // A path that exists and is not a socket is left as it is.
    let path = temp_path("not-a-socket");
    std::fs::write(&path, b"precious").unwrap();
    let r = run(&["udp-recv", "--unix", &path]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a socket"), "{}", r.stderr);
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");

    // Nobody there.
    let r = run(&["udp-send", "--unix", &temp_path("nobody.sock"), "x"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no such file or directory"),
        "{}",
        r.stderr
    );

    // Too large for a Unix datagram: the kernel's limit is the send buffer less 32.
    let limit: usize = common::python(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\nprint(s.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) - 32)",
    )
    .trim()
    .parse()
    .unwrap();
    let name = format!("@sockkit-udp-big-{}", std::process::id());
    let recv = Recv::start(&["udp-recv", "--unix", &name, "-w", "1s"]);
    let too_big = (limit + 1).to_string();
    let r = run(&["udp-send", "--unix", &name, "--size", &too_big]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&limit.to_string()), "{}", r.stderr);
    let (code, _, _) = recv.finish();
    assert_eq!(code, 1, "nothing should have arrived");
}

#[test]
fn unix_stale_socket_is_replaced_but_a_live_one_is_not() {
    let path = temp_path("stale.sock");
    let _ = std::fs::remove_file(&path);
    // A socket file whose owner is gone.
    common::python(&format!(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\ns.bind('{path}')\ns.close()"
    ));
    assert!(std::path::Path::new(&path).exists());
    let recv = Recv::start(&["udp-recv", "--unix", &path, "--count", "1"]);
    // While it runs, a second receiver on the same path is refused.
    let r = run(&["udp-recv", "--unix", &path]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("already in use"), "{}", r.stderr);
    py_unix_send(&path, &[b"fresh"]);
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().contains("fresh"));
}

// ---------------------------------------------------------------- multicast

/// Whether this host delivers IPv4 multicast on lo: a Python socket joins `group` on lo
/// and must receive its own datagram to it (IP_MULTICAST_LOOP is on by default).
fn lo_delivers_ipv4_multicast(group: &str) -> bool {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(format!(
            "import socket, struct\n\
             s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
             s.bind(('0.0.0.0', 0))\n\
             lo = socket.inet_aton('127.0.0.1')\n\
             s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton('{group}') + lo)\n\
             s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, lo)\n\
             s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 0)\n\
             s.settimeout(2)\n\
             s.sendto(b'probe', ('{group}', s.getsockname()[1]))\n\
             print(s.recv(100).decode())\n"
        ))
        .output()
        .expect("run python3");
    let ok = out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "probe";
    if !ok {
        eprintln!(
            "skipped: multicast on lo does not deliver here ({})",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    ok
}

#[test]
fn join_ipv4_group_on_loopback() {
    // 239.255.0.0/16 is organisation-local; the join is on lo and the sender's TTL is 0,
    // so nothing leaves this host.
    if !lo_delivers_ipv4_multicast("239.255.77.2") {
        return;
    }
    let recv = Recv::start(&[
        "udp-recv",
        "--join",
        "239.255.77.1%lo",
        "--count",
        "1",
        "-w",
        "10s",
        "0",
    ]);
    common::python(&format!(
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
         s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton('127.0.0.1'))\n\
         s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 0)\n\
         s.sendto(b'to the group', ('239.255.77.1', {}))\n",
        recv.port
    ));
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("joined multicast group 239.255.77.1%lo"),
        "{err}"
    );
    assert!(
        String::from_utf8(out)
            .unwrap()
            .ends_with("] to the group\n")
    );
}

#[test]
fn join_ipv6_group_on_loopback() {
    if !has_ipv6() {
        return;
    }
    // ff01::/16 is interface-local: it cannot leave lo.
    // Skipped only where the kernel refuses the join on lo to any program.
    let probe = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import socket, struct\n\
             s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)\n\
             mreq = socket.inet_pton(socket.AF_INET6, 'ff01::5:78') + struct.pack('@I', socket.if_nametoindex('lo'))\n\
             s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq)\n",
        )
        .output()
        .expect("run python3");
    if !probe.status.success() {
        eprintln!(
            "skipped: this kernel refuses IPv6 multicast on lo ({})",
            String::from_utf8_lossy(&probe.stderr).trim()
        );
        return;
    }
    let recv = Recv::start(&[
        "-vv",
        "udp-recv",
        "--join",
        "ff01::5:77%lo",
        "-w",
        "500ms",
        "0",
    ]);
    let (code, _, err) = recv.finish();
    assert!(
        err.contains("IPV6_ADD_MEMBERSHIP, ff01::5:77 ifindex"),
        "{err}"
    );
    assert!(
        err.contains("joined multicast group ff01::5:77%lo"),
        "{err}"
    );
    assert_eq!(
        code, 1,
        "nothing was sent, so the idle timeout is a failure"
    );
}

// ---------------------------------------------------------------- batching

#[test]
fn send_count_in_batches_arrives_as_separate_datagrams() {
    // --count goes out through sendmmsg and UDP segmentation offload: the receiver must
    // still see every datagram on its own, each exactly the payload.
    let peer = Peer::start(
        r#"
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(2)
sizes = {}
try:
    while True:
        d = s.recv(70000)
        sizes[(len(d), d[:8])] = sizes.get((len(d), d[:8]), 0) + 1
except socket.timeout:
    pass
print(sorted(sizes.items()))
"#,
    );
    let port = peer.port().to_string();
    let r = run(&[
        "udp-send",
        "--count",
        "1000",
        "--size",
        "100",
        "127.0.0.1",
        &port,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(peer.finish(LIMIT).trim(), "[((100, b'sockkit '), 1000)]");
}

#[test]
fn recv_from_a_segmenting_sender_shows_every_datagram() {
    // A fast sender's runs of equal datagrams are handed over together (UDP_GRO) and
    // cut back into the original datagrams, the short last one included.
    // The Python sender is started first and handed the port, so the 2 s idle limit
    // is not spent starting it.
    let mut gro = Peer::start(
        "import socket, struct, sys\nprint('READY', flush=True)\nport = int(sys.stdin.readline())\n\
         s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
         s.sendmsg([b'a' * 64 + b'b' * 64 + b'c' * 10], [(socket.SOL_UDP, 103, struct.pack('H', 64))], 0, ('127.0.0.1', port))\n\
         print('SENT', flush=True)\n",
    );
    assert_eq!(gro.first_line, "READY");
    let recv = Recv::start(&["--json", "-w", "2s", "udp-recv", "127.0.0.1", "0"]);
    {
        use std::io::Write;
        let stdin = gro.child.stdin.as_mut().unwrap();
        writeln!(stdin, "{}", recv.port).unwrap();
        stdin.flush().unwrap();
    }
    assert_eq!(gro.finish(LIMIT).trim(), "SENT");
    let r = run(&[
        "udp-send",
        "--count",
        "500",
        "--size",
        "32",
        "127.0.0.1",
        &recv.port.to_string(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (code, out, err) = recv.finish();
    assert_eq!(code, 0, "{err}");
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 503, "{err}");
    assert_eq!(recs[0]["data"], "a".repeat(64));
    assert_eq!(recs[1]["data"], "b".repeat(64));
    assert_eq!(recs[2]["data"], "c".repeat(10));
    assert_eq!(recs[2]["len"], 10);
    for r in &recs[3..] {
        assert_eq!(r["len"], 32);
        assert_eq!(r["data"], "sockkit sockkit sockkit sockkit ");
    }
}

#[test]
fn unix_send_to_a_receiver_that_never_reads_is_bounded_by_w() {
    let name = format!("@sockkit-udp-stuck-{}", std::process::id());
    let addr = unix_addr_literal(&name);
    let peer = Peer::start(&format!(
        "import socket, time\ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         s.bind({addr})\nprint('READY', flush=True)\ntime.sleep(20)\n"
    ));
    assert_eq!(peer.first_line, "READY");
    let start = Instant::now();
    let r = run(&[
        "-w", "500ms", "udp-send", "--unix", &name, "--count", "5000", "fill",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("queue stayed full for 500ms"),
        "{}",
        r.stderr
    );
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn unix_send_refuses_ip_only_options() {
    for flag in [&["--ttl", "3"][..], &["--broadcast"]] {
        let mut args = vec!["udp-send", "--unix", "@x"];
        args.extend_from_slice(flag);
        args.push("msg");
        let r = run(&args);
        assert_eq!(r.code, 2, "{flag:?}: {}", r.stderr);
        assert!(r.stderr.contains("not --unix"), "{}", r.stderr);
    }
}

#[test]
fn wait_reply_counts_the_datagrams_left_unanswered() {
    // A server that answers every other datagram: udp-send keeps going, prints the
    // answers it got, and exits 1 naming how many went unanswered.
    let server = Peer::start(
        r#"
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(10)
for i in range(4):
    data, addr = s.recvfrom(100)
    if i % 2 == 0:
        s.sendto(b"ack " + data, addr)
"#,
    );
    let port = server.port().to_string();
    let r = run_with(
        &["udp-send", "-r", "-w", "1s", "127.0.0.1", &port],
        b"a\nb\nc\nd\n",
        LIMIT,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "ack a\nack c\n");
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: 127.0.0.1:{port}: 2 of 4 datagrams got no reply within 1s")
    );
}

#[test]
fn unix_send_user_sndtimeo_overrides_the_default_bound() {
    // sockkit bounds a Unix datagram send by -w (SO_SNDTIMEO); the user's own
    // -O SO_SNDTIMEO is applied after that default, so it is the one in force.
    let name = format!("@sockkit-udp-sndtimeo-{}", std::process::id());
    let addr = unix_addr_literal(&name);
    let peer = Peer::start(&format!(
        "import socket, time\ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         s.bind({addr})\nprint('READY', flush=True)\ntime.sleep(20)\n"
    ));
    assert_eq!(peer.first_line, "READY");
    let start = Instant::now();
    let r = run(&[
        "-vv",
        "-w",
        "8s",
        "-O",
        "SO_SNDTIMEO=300ms",
        "udp-send",
        "--unix",
        &name,
        "--count",
        "5000",
        "fill",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let sets: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("SO_SNDTIMEO"))
        .collect();
    assert_eq!(sets.len(), 2, "{}", r.stderr);
    assert!(sets[0].contains("SO_SNDTIMEO, 8s) = 0"), "{}", r.stderr);
    assert!(sets[1].contains("SO_SNDTIMEO, 300ms) = 0"), "{}", r.stderr);
    assert!(
        r.stderr.contains("queue stayed full for 300ms"),
        "{}",
        r.stderr
    );
    assert!(
        start.elapsed() < Duration::from_secs(6),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn recv_traces_udp_gro_at_vv() {
    let r = run(&["-vv", "-w", "200ms", "udp-recv", "127.0.0.1", "0"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .lines()
            .any(|l| l.contains(", SOL_UDP, UDP_GRO, 1) = ")),
        "{}",
        r.stderr
    );
}

#[test]
fn an_unbound_unix_sender_is_unnamed() {
    let dir = std::env::temp_dir().join(format!("sockkit-unnamed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("d.sock").to_string_lossy().into_owned();
    let recv = sockkit(&["--json", "-v", "udp-recv", "--count", "1", "--unix", &path])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !std::path::Path::new(&path).exists() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "udp-recv never bound"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // A socket that never called bind(2) sends with no address at all.
    python(&format!(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\ns.sendto(b'hi', {path:?})"
    ));
    let out = wait_bounded(recv, std::time::Duration::from_secs(10), "udp-recv");
    let rec: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    assert_eq!(rec["from"], "(unnamed)", "{rec}");
    assert_eq!(rec["data"], "hi");
    let _ = std::fs::remove_dir_all(&dir);
}
