//! `sockkit forward` between real peers on loopback: Python servers and clients, socat,
//! ncat, an HTTP server and curl; half-close each way, resets, targets that are down or
//! silent, hundreds of clients at once, a client that never reads, Unix and TCP mixed.
//!
//! The forwarder listens on 127.0.0.2, away from the port scans of 127.0.0.1 other tests
//! run (a scan's probe would be one more client here).

mod common;
mod forward_support;
mod stream_support;
mod tls_support;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Peer, python, rejects, wait_bounded};
use forward_support::Forward;
use stream_support::{closed_tcp_port, peak_rss_kib, scratch};

const LIMIT: Duration = Duration::from_secs(20);

/// A Python TCP server on 127.0.0.2 running `handle(c)` for each client on a thread;
/// prints its port first.
fn server(handle: &str) -> Peer {
    Peer::start(&format!(
        r#"
import socket, threading, hashlib, time, os
{handle}
s = socket.socket()
s.bind(("127.0.0.2", 0))
s.listen(1024)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
"#
    ))
}

/// Reads to EOF, then answers with how many bytes and their sha256, then closes.
const COUNT_AND_HASH: &str = r#"
def handle(c):
    h, n = hashlib.sha256(), 0
    while True:
        d = c.recv(65536)
        if not d:
            break
        h.update(d); n += len(d)
    c.sendall(f"{n} {h.hexdigest()}".encode())
    c.close()
"#;

fn to(peer: &Peer) -> String {
    format!("127.0.0.2:{}", peer.port())
}

/// Run a Python client script with `port` (the forwarder's) defined.
fn client(port: u16, code: &str) -> String {
    python(&format!(
        "import hashlib, time, threading, os\nport = {port}\n{code}"
    ))
}

#[test]
fn a_client_that_half_closes_still_gets_the_answer_and_events_count_bytes() {
    let srv = server(COUNT_AND_HASH);
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv)]);
    let got = client(
        fwd.port,
        r#"
data = bytes(range(256)) * 4000
s = socket.create_connection(("127.0.0.2", port))
s.sendall(data)
s.shutdown(socket.SHUT_WR)
reply = b""
while True:
    d = s.recv(65536)
    if not d: break
    reply += d
print(reply.decode(), hashlib.sha256(data).hexdigest())
"#,
    );
    let words: Vec<&str> = got.split_whitespace().collect();
    assert_eq!(words[0], "1024000", "{got}");
    assert_eq!(words[1], words[2], "the server got other bytes: {got}");
    let accepted = fwd.event("accepted", LIMIT).expect("accepted event");
    assert!(accepted["peer"].as_str().unwrap().starts_with("127.0.0.1:"));
    let connected = fwd.event("connected", LIMIT).expect("connected event");
    assert_eq!(connected["target"], to(&srv));
    assert!(connected["ms"].as_f64().is_some(), "{connected}");
    let closed = fwd.event("closed", LIMIT).expect("closed event");
    assert_eq!(closed["bytes_in"], 1_024_000);
    assert_eq!(closed["bytes_out"], 7 + 1 + 64);
    assert_eq!(closed["end"], "closed");
    assert!(closed["seconds"].as_f64().is_some(), "{closed}");
}

#[test]
fn a_server_that_half_closes_first_still_gets_the_clients_rest() {
    let srv = server(
        r#"
def handle(c):
    c.sendall(b"banner\n")
    c.shutdown(socket.SHUT_WR)
    n = 0
    while True:
        d = c.recv(65536)
        if not d: break
        n += len(d)
    print(n, flush=True)
    c.close()
"#,
    );
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv)]);
    let got = client(
        fwd.port,
        r#"
s = socket.create_connection(("127.0.0.2", port))
banner = b""
while True:
    d = s.recv(100)
    if not d: break
    banner += d
# The server's side is closed; this side still sends, after the EOF.
s.sendall(b"x" * 500000)
s.shutdown(socket.SHUT_WR)
print(banner.decode().strip(), s.recv(10))
"#,
    );
    assert_eq!(got.trim(), "banner b''");
    let mut srv = srv;
    let mut line = String::new();
    std::io::BufRead::read_line(&mut srv.stdout, &mut line).expect("server line");
    assert_eq!(line.trim(), "500000");
    let closed = fwd.event("closed", LIMIT).expect("closed");
    assert_eq!(
        (closed["bytes_in"].as_u64(), closed["bytes_out"].as_u64()),
        (Some(500000), Some(7))
    );
}

#[test]
fn http_through_the_forwarder_with_curl() {
    let dir = scratch("http-root");
    std::fs::create_dir_all(&dir).unwrap();
    let body: Vec<u8> = (0..3_000_000u32).map(|i| (i % 253) as u8).collect();
    std::fs::write(format!("{dir}/blob.bin"), &body).unwrap();
    let http = Peer::start(&format!(
        r#"
import http.server, functools, socketserver
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
h = functools.partial(Quiet, directory="{dir}")
srv = http.server.ThreadingHTTPServer(("127.0.0.2", 0), h)
print(srv.server_address[1], flush=True)
srv.serve_forever()
"#
    ));
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&http)]);
    let out = Command::new("curl")
        .args(["-sS", "--max-time", "20"])
        .arg(format!("http://127.0.0.2:{}/blob.bin", fwd.port))
        .output()
        .expect("run curl (apt-get install curl)");
    assert!(
        out.status.success(),
        "curl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout == body,
        "curl got {} bytes, not the file",
        out.stdout.len()
    );
    let closed = fwd.event("closed", LIMIT).expect("closed");
    assert!(
        closed["bytes_out"].as_u64().unwrap() > 3_000_000,
        "{closed}"
    );
}

#[test]
fn sha256_of_256_mib_each_way_at_once() {
    // The server sends 256 MiB while it receives 256 MiB; so does the client. Each side
    // hashes what it sent and what it got.
    const BOTH_WAYS: &str = r#"
def pump(c, seed, out):
    block = hashlib.sha256(seed).digest() * 32768
    def send():
        h = hashlib.sha256()
        for i in range(256):
            b = block[i:] + block[:i]
            c.sendall(b); h.update(b)
        c.shutdown(socket.SHUT_WR)
        out["sent"] = h.hexdigest()
    t = threading.Thread(target=send); t.start()
    h, n = hashlib.sha256(), 0
    while True:
        d = c.recv(1 << 20)
        if not d: break
        h.update(d); n += len(d)
    t.join()
    out["got"] = h.hexdigest(); out["n"] = n
"#;
    let srv = server(&format!(
        "{BOTH_WAYS}\ndef handle(c):\n    out = {{}}\n    pump(c, b'server', out)\n    print(out['sent'], out['got'], out['n'], flush=True)\n"
    ));
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv)]);
    let got = client(
        fwd.port,
        &format!(
            "{BOTH_WAYS}\ns = socket.create_connection(('127.0.0.2', port))\nout = {{}}\npump(s, b'client', out)\nprint(out['sent'], out['got'], out['n'])"
        ),
    );
    let mut srv = srv;
    let mut line = String::new();
    std::io::BufRead::read_line(&mut srv.stdout, &mut line).expect("server line");
    let c: Vec<&str> = got.split_whitespace().collect();
    let s: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(c[2], "268435456", "client got {got}");
    assert_eq!(s[2], "268435456", "server got {line}");
    assert_eq!(
        c[0], s[1],
        "what the client sent is not what the server got"
    );
    assert_eq!(
        s[0], c[1],
        "what the server sent is not what the client got"
    );
    let closed = fwd
        .event("closed", Duration::from_secs(60))
        .expect("closed");
    assert_eq!(closed["bytes_in"], 268_435_456u64);
    assert_eq!(closed["bytes_out"], 268_435_456u64);
}

#[test]
fn five_hundred_clients_at_once_each_get_their_own_answer() {
    let srv = server(
        r#"
def handle(c):
    d = b""
    while True:
        x = c.recv(4096)
        if not x: break
        d += x
    c.sendall(d[::-1])
    c.close()
"#,
    );
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv)]);
    let got = client(
        fwd.port,
        r#"
import selectors
sel = selectors.DefaultSelector()
conns = []
for i in range(500):
    s = socket.create_connection(("127.0.0.2", port))
    conns.append(s)
# Every connection is open before any sends: 500 relayed at once.
for i, s in enumerate(conns):
    s.sendall(f"client {i:04d} ".encode() * 50)
    s.shutdown(socket.SHUT_WR)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, [i, b""])
ok, deadline = 0, time.time() + 60
while sel.get_map() and time.time() < deadline:
    for key, _ in sel.select(1):
        d = key.fileobj.recv(65536)
        if d:
            key.data[1] += d
            continue
        i = key.data[0]
        if key.data[1] == (f"client {i:04d} ".encode() * 50)[::-1]:
            ok += 1
        sel.unregister(key.fileobj); key.fileobj.close()
print(ok)
"#,
    );
    assert_eq!(got.trim(), "500");
    let closed = fwd.events("closed", 500, Duration::from_secs(60));
    assert!(
        closed
            .iter()
            .all(|e| e["bytes_in"] == 600 && e["bytes_out"] == 600)
    );
}

#[test]
fn a_target_that_is_down_closes_that_client_alone_and_the_forwarder_goes_on() {
    let closed_port = closed_tcp_port();
    let target = format!("127.0.0.2:{}", closed_port.port);
    let mut fwd = Forward::start(&["127.0.0.2", "0", "--to", &target]);
    let got = client(
        fwd.port,
        r#"
s = socket.create_connection(("127.0.0.2", port))
try:
    print(repr(s.recv(100)))
except ConnectionResetError:
    print("reset")
"#,
    );
    assert!(got.trim() == "b''" || got.trim() == "reset", "{got}");
    let failed = fwd
        .event("target-failed", LIMIT)
        .expect("target-failed event");
    assert_eq!(failed["target"], target);
    assert_eq!(failed["reason"], "connection refused");
    assert!(fwd.is_running());
    // The target comes up: the next client is relayed.
    let listener = closed_port.listen();
    let server = std::thread::spawn(move || {
        let (mut c, _) = listener.accept().expect("accept");
        c.write_all(b"up now").expect("send");
    });
    let got = client(
        fwd.port,
        "s = socket.create_connection(('127.0.0.2', port))\nprint(s.recv(100).decode())",
    );
    assert_eq!(got.trim(), "up now");
    server.join().unwrap();
}

#[test]
fn a_silent_target_is_given_up_after_w_and_others_are_served_meanwhile() {
    let silent = stream_support::unanswering_listener();
    let srv = server(COUNT_AND_HASH);
    let slow = Forward::start(&[
        "-w",
        "700ms",
        "127.0.0.2",
        "0",
        "--to",
        &format!("127.0.0.2:{}", silent.port()),
    ]);
    let started = Instant::now();
    let mut waiting = TcpStream::connect(("127.0.0.2", slow.port)).expect("connect");
    waiting.set_read_timeout(Some(LIMIT)).unwrap();
    let failed = slow.event("target-failed", LIMIT).expect("target-failed");
    assert!(
        failed["reason"].as_str().unwrap().contains("timed out"),
        "{failed}"
    );
    assert!(started.elapsed() >= Duration::from_millis(650));
    let mut rest = Vec::new();
    let _ = waiting.read_to_end(&mut rest);
    assert!(rest.is_empty());
    // A forwarder with a dial in progress still serves its other clients.
    let both = Forward::start(&["-w", "5s", "127.0.0.2", "0", "--to", &to(&srv)]);
    let got = client(
        both.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.shutdown(socket.SHUT_WR)\nprint(s.recv(100).decode())",
    );
    assert!(got.starts_with("0 "), "{got}");
}

#[test]
fn a_target_that_resets_mid_stream_resets_the_client() {
    let srv = server(
        r#"
def handle(c):
    c.recv(1000)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()
import struct
"#,
    );
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv)]);
    let got = client(
        fwd.port,
        r#"
s = socket.create_connection(("127.0.0.2", port))
try:
    for _ in range(2000):
        s.sendall(b"y" * 65536)
    print("all sent")
except (ConnectionResetError, BrokenPipeError) as e:
    print("reset")
"#,
    );
    assert_eq!(got.trim(), "reset");
    let closed = fwd.event("closed", LIMIT).expect("closed");
    assert_eq!(closed["end"], "reset", "{closed}");
    assert!(
        closed["reason"].as_str().unwrap().contains("target"),
        "{closed}"
    );
}

#[test]
fn a_client_that_never_reads_keeps_memory_bounded_and_others_flowing() {
    let srv = server(
        r#"
def handle(c):
    first = c.recv(10)
    if first == b"flood":
        try:
            for _ in range(4096):
                c.sendall(b"z" * 65536)
        except OSError:
            pass
    else:
        c.sendall(first.upper())
    c.close()
"#,
    );
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv)]);
    let mut flood = TcpStream::connect(("127.0.0.2", fwd.port)).expect("connect");
    flood.write_all(b"flood").expect("send");
    // It never reads; give the server time to fill every buffer on the way.
    std::thread::sleep(Duration::from_secs(2));
    let got = client(
        fwd.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.sendall(b'hello')\nprint(s.recv(10).decode())",
    );
    assert_eq!(got.trim(), "HELLO");
    let rss = peak_rss_kib(fwd.pid());
    assert!(
        rss < 64 * 1024,
        "peak RSS {rss} KiB with a client that never reads"
    );
    flood.shutdown(Shutdown::Both).ok();
}

#[test]
fn unix_to_tcp_and_tcp_to_unix() {
    let srv = server(COUNT_AND_HASH);
    let front = scratch("fwd-front.sock");
    let back = scratch("fwd-back.sock");
    let _ = std::fs::remove_file(&front);
    let _ = std::fs::remove_file(&back);
    // TCP client -> forward --to-unix -> forward --unix -> TCP server.
    let inner = Forward::start(&["--unix", &back, "--to", &to(&srv)]);
    let outer = Forward::start(&["127.0.0.2", "0", "--to-unix", &back]);
    let got = client(
        outer.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.sendall(b'abc' * 1000)\ns.shutdown(socket.SHUT_WR)\nprint(s.recv(200).decode())",
    );
    assert!(got.starts_with("3000 "), "{got}");
    assert_eq!(
        inner.event("closed", LIMIT).expect("closed")["bytes_in"],
        3000
    );
    assert_eq!(
        outer.event("closed", LIMIT).expect("closed")["bytes_in"],
        3000
    );
    // A Unix client straight into forward --unix.
    let direct = Forward::start(&["--unix", &front, "--to", &to(&srv)]);
    let got = python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.connect('{front}')\ns.sendall(b'unix')\ns.shutdown(socket.SHUT_WR)\nprint(s.recv(200).decode())"
    ));
    assert!(got.starts_with("4 "), "{got}");
    assert_eq!(
        direct.event("accepted", LIMIT).expect("accepted")["peer"],
        "unix client"
    );
}

#[test]
fn socat_as_the_server_and_ncat_as_the_client() {
    let port = common::free_tcp_port();
    let mut socat = Command::new("socat")
        .arg(format!("TCP-LISTEN:{port},bind=127.0.0.2,reuseaddr,fork"))
        .arg("SYSTEM:'tr a-z A-Z'")
        .stderr(Stdio::null())
        .spawn()
        .expect("run socat (apt-get install socat)");
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.2", port)).is_err() {
        assert!(start.elapsed() < LIMIT, "socat did not listen");
        std::thread::sleep(Duration::from_millis(20));
    }
    let fwd = Forward::start(&["127.0.0.2", "0", "--to", &format!("127.0.0.2:{port}")]);
    let mut ncat = Command::new("ncat")
        .args(["127.0.0.2", &fwd.port.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ncat (apt-get install ncat)");
    ncat.stdin
        .take()
        .unwrap()
        .write_all(b"through socat and ncat\n")
        .unwrap();
    let out = wait_bounded(ncat, LIMIT, "ncat");
    let _ = socat.kill();
    let _ = socat.wait();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "THROUGH SOCAT AND NCAT\n"
    );
}

#[test]
fn allow_deny_max_conns_and_idle_timeout() {
    let srv = server("def handle(c):\n    time.sleep(3)\n    c.close()\n");
    let fwd = Forward::start(&[
        "127.0.0.2",
        "0",
        "--to",
        &to(&srv),
        "--max-conns",
        "1",
        "--idle-timeout",
        "400ms",
    ]);
    let _first = TcpStream::connect(("127.0.0.2", fwd.port)).expect("first");
    fwd.event("connected", LIMIT).expect("first connected");
    let _second = TcpStream::connect(("127.0.0.2", fwd.port)).expect("second");
    let refused = fwd.event("refused", LIMIT).expect("refused event");
    assert_eq!(refused["reason"], "max-conns");
    let idle = fwd.event("closed", LIMIT).expect("closed at idle");
    assert_eq!(idle["end"], "idle", "{idle}");

    let denied = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv), "--deny", "127.0.0.0/8"]);
    let mut c = TcpStream::connect(("127.0.0.2", denied.port)).expect("connect");
    c.set_read_timeout(Some(LIMIT)).unwrap();
    let mut rest = Vec::new();
    let _ = c.read_to_end(&mut rest);
    assert!(denied.event("denied", LIMIT).is_some());
    let allowed = Forward::start(&["127.0.0.2", "0", "--to", &to(&srv), "--allow", "10.0.0.0/8"]);
    let _c = TcpStream::connect(("127.0.0.2", allowed.port)).expect("connect");
    assert!(allowed.event("denied", LIMIT).is_some());
}

#[test]
fn bad_input_is_exit_2_before_binding() {
    let sock = scratch("never-bound.sock");
    let _ = std::fs::remove_file(&sock);
    let dir = std::env::temp_dir();
    let dir = dir.to_str().unwrap();
    rejects(&["forward", "--unix", &sock, "--to", "nohost"], "--to");
    rejects(
        &["forward", "--unix", &sock, "--to", "127.0.0.1:70000"],
        "70000",
    );
    rejects(
        &[
            "forward",
            "--unix",
            &sock,
            "--to",
            "127.0.0.1:1",
            "--to-unix",
            "/x",
        ],
        "--to",
    );
    rejects(
        &[
            "forward",
            "--unix",
            &sock,
            "--to",
            "127.0.0.1:1",
            "--dump",
            dir,
        ],
        "--dump",
    );
    rejects(
        &[
            "forward",
            "--unix",
            &sock,
            "--to",
            "127.0.0.1:1",
            "--dump",
            "/nonexistent/dir/d.txt",
        ],
        "--dump",
    );
    rejects(
        &[
            "forward",
            "--unix",
            &sock,
            "--to",
            "127.0.0.1:1",
            "--dump",
            "-",
            "--dump-format",
            "xml",
        ],
        "xml",
    );
    rejects(&["forward", "0"], "--to");
    rejects(
        &[
            "forward",
            "--unix",
            &sock,
            "--to",
            "127.0.0.1:1",
            "--ca",
            "/etc/hostname",
        ],
        "--to-tls",
    );
    assert!(!std::path::Path::new(&sock).exists(), "a socket was bound");
}

#[test]
fn to_tls_speaks_tls_to_the_target_and_verifies_it() {
    let p = tls_support::pki();
    let srv = Peer::start(&format!(
        r#"
import socket, ssl, threading
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain({leaf:?}, {key:?})
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
def handle(c):
    try:
        t = ctx.wrap_socket(c, server_side=True)
        got = b""
        while True:
            d = t.recv(65536)
            if not d: break
            got += d
        # The client's close_notify came; the answer still goes back.
        t.sendall(got.upper())
        t.close()
    except (ssl.SSLError, OSError):
        c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
"#,
        leaf = p.path("leaf.pem"),
        key = p.path("leaf.key"),
    ));
    let target = format!("localhost:{}", srv.port());
    let ca = p.path("ca.pem");
    let dump = scratch("to-tls.json");
    let fwd = Forward::start(&[
        "127.0.0.2",
        "0",
        "--to",
        &target,
        "--to-tls",
        "--ca",
        &ca,
        "--dump",
        &dump,
        "--dump-format",
        "json",
    ]);
    let got = client(
        fwd.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.sendall(b'plain in, tls out' * 1000)\ns.shutdown(socket.SHUT_WR)\nd = b''\nwhile True:\n    x = s.recv(65536)\n    if not x: break\n    d += x\nprint(d == b'PLAIN IN, TLS OUT' * 1000, len(d))",
    );
    assert_eq!(got.trim(), "True 17000");
    let closed = fwd.event("closed", LIMIT).expect("closed");
    assert_eq!(
        (closed["bytes_in"].as_u64(), closed["bytes_out"].as_u64()),
        (Some(17000), Some(17000))
    );
    // The dump shows the plaintext, not the TLS records.
    let text = std::fs::read_to_string(&dump).expect("the dump");
    let mut out = String::new();
    for r in common::json_lines(&text) {
        if r["dir"] == "out" {
            out.push_str(r["data"].as_str().expect("plaintext"));
        }
    }
    assert_eq!(out, "PLAIN IN, TLS OUT".repeat(1000));

    // A certificate from another CA: that client is closed, saying why.
    let other = p.path("other-ca.pem");
    let strict = Forward::start(&[
        "127.0.0.2",
        "0",
        "--to",
        &target,
        "--to-tls",
        "--ca",
        &other,
    ]);
    let got = client(
        strict.port,
        "s = socket.create_connection(('127.0.0.2', port))\ntry:\n    print(repr(s.recv(10)))\nexcept ConnectionResetError:\n    print('reset')",
    );
    assert!(got.trim() == "b''" || got.trim() == "reset", "{got}");
    let failed = strict.event("target-failed", LIMIT).expect("target-failed");
    assert!(
        failed["reason"].as_str().unwrap().contains("issuer"),
        "{failed}"
    );
}

/// The congestion control of the forwarder's own two sockets while a client is relayed,
/// as ss(8) sees them: one `LOCAL PEER NAME` line each (the accepted client, then or
/// before the target connection).
fn forwarder_congestion(options: &[&str]) -> Vec<String> {
    let srv = server(COUNT_AND_HASH);
    let target = to(&srv);
    let mut args = options.to_vec();
    args.extend_from_slice(&["forward", "127.0.0.2", "0", "--to", &target]);
    let fwd = Forward::start_with(&args);
    let got = client(
        fwd.port,
        &format!(
            r#"
import subprocess
s = socket.create_connection(("127.0.0.2", port))
s.sendall(b"x")
flags = {{"ts", "sack", "ecn", "ecnseen", "fastopen"}}
deadline = time.time() + 10
while True:
    out = subprocess.run(["ss", "-tinH", "state", "established",
                          f"( sport = :{{port}} or dport = :{srv_port} )"],
                         capture_output=True, text=True, check=True).stdout
    rows, head = [], None
    for line in out.splitlines():
        if line[:1].isspace() and head:
            name = next(w for w in line.split() if w not in flags and ":" not in w)
            rows.append(head + " " + name)
            head = None
        elif line.strip():
            f = line.split()
            head = f[2] + " " + f[3]
    if len(rows) == 2 or time.time() > deadline:
        break
    time.sleep(0.05)
s.shutdown(socket.SHUT_WR)
while s.recv(65536):
    pass
print("\n".join(rows))
"#,
            srv_port = srv.port()
        ),
    );
    got.lines().map(str::to_string).collect()
}

#[test]
fn loopback_legs_send_under_a_loss_based_congestion_control_unless_o_says() {
    // BBR on loopback holds a relay's window to a few segments: forward asks for cubic
    // (reno where only that is allowed) on both of its legs.
    let rows = forwarder_congestion(&[]);
    assert_eq!(rows.len(), 2, "the forwarder's two sockets: {rows:?}");
    for row in &rows {
        let name = row.rsplit(' ').next().unwrap_or_default();
        assert!(name == "cubic" || name == "reno", "{row} (all: {rows:?})");
    }
    // -O TCP_CONGESTION wins, on the accepted leg (set on the listener) and the target leg.
    let rows = forwarder_congestion(&["-O", "TCP_CONGESTION=reno"]);
    assert_eq!(rows.len(), 2, "the forwarder's two sockets: {rows:?}");
    for row in &rows {
        assert!(row.ends_with(" reno"), "{row} (all: {rows:?})");
    }
}
