//! `sockkit wait`: services that come up late (Python servers started after a delay),
//! ones that never come, HTTP statuses, `--any`, the command run after, signals.

mod common;
mod tls_support;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::*;
use serde_json::Value;
use tls_support::{pki, s_server, tinyproxy};

/// A TCP listener on 127.0.0.1:`port` that starts after `delay_s` seconds, accepts and
/// closes connections, printing `up` once listening and `accepted` for each client.
/// First line: READY (the script runs).
fn late_listener(port: u16, delay_s: f64) -> Peer {
    Peer::start(&format!(
        r#"
import socket, time
print("READY", flush=True)
time.sleep({delay_s})
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", {port}))
s.listen(16)
print("up", flush=True)
s.settimeout(0.2)
end = time.time() + 30
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    print("accepted", flush=True)
    c.close()
"#
    ))
}

/// A port bound on 127.0.0.1 but not listening: refused for the test's duration.
fn closed_port() -> Peer {
    Peer::start(
        r#"
import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
time.sleep(60)
"#,
    )
}

/// An HTTP server answering each GET with the next status of `statuses` (the last one
/// repeats), printing `GET <path> <host header>` for each request. First line: its port.
fn http_server(statuses: &[u16]) -> Peer {
    http_server_with(statuses, false)
}

/// As [`http_server`], over TLS with the test PKI's leaf (localhost, 127.0.0.1) when `tls`.
fn http_server_with(statuses: &[u16], tls: bool) -> Peer {
    let list: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    let wrap = if tls {
        format!(
            "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\nctx.load_cert_chain({:?}, {:?})\n",
            pki().path("leaf.pem"),
            pki().path("leaf.key")
        )
    } else {
        "ctx = None\n".to_string()
    };
    Peer::start(&format!(
        r#"
import socket, ssl, time
{wrap}
statuses = [{}]
reasons = {{200: "OK", 204: "No Content", 301: "Moved Permanently", 404: "Not Found", 503: "Service Unavailable"}}
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
print(s.getsockname()[1], flush=True)
n = 0
end = time.time() + 30
s.settimeout(0.2)
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    c.settimeout(5)
    try:
        if ctx:
            c = ctx.wrap_socket(c, server_side=True)
        req = b""
        while b"\r\n\r\n" not in req:
            d = c.recv(4096)
            if not d:
                break
            req += d
    except (OSError, ssl.SSLError):
        c.close()
        continue
    lines = req.decode().split("\r\n")
    host = [l.split(": ", 1)[1] for l in lines if l.lower().startswith("host: ")]
    method, path, _ = lines[0].split(" ")
    print(method, path, host[0] if host else "-", flush=True)
    code = statuses[min(n, len(statuses) - 1)]
    n += 1
    c.sendall(("HTTP/1.1 %d %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" % (code, reasons.get(code, "X"))).encode())
    c.close()
"#,
        list.join(",")
    ))
}

fn events(stderr: &str) -> Vec<Value> {
    json_lines(stderr)
}

#[test]
fn a_target_that_comes_up_late_then_the_command_runs() {
    let port = free_tcp_port();
    let mut peer = late_listener(port, 1.0);
    let target = format!("127.0.0.1:{port}");
    let r = run(&[
        "-v", "--json", "-w", "10s", "wait", &target, "--", "sh", "-c", "echo ran",
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "ran\n");
    let ev = events(&r.stderr);
    let refused: Vec<&Value> = ev
        .iter()
        .filter(|e| e["event"] == "attempt" && e["error"] == "connection refused")
        .collect();
    assert!(
        !refused.is_empty(),
        "it tried before the server was up: {ev:?}"
    );
    let ready: Vec<&Value> = ev.iter().filter(|e| e["event"] == "ready").collect();
    assert_eq!(ready.len(), 1, "{ev:?}");
    assert_eq!(ready[0]["target"], target.as_str());
    assert!(ready[0]["attempt"].as_u64().unwrap() > refused.len() as u64 - 1);
    // The server really came up and was connected to.
    let mut l = String::new();
    peer.stdout.read_line(&mut l).unwrap();
    assert_eq!(l.trim(), "up");
    l.clear();
    peer.stdout.read_line(&mut l).unwrap();
    assert_eq!(l.trim(), "accepted");
}

#[test]
fn a_target_that_never_comes_exits_1_naming_it() {
    let closed = closed_port();
    let target = format!("127.0.0.1:{}", closed.port());
    let r = run(&["-w", "1s", "wait", &target, "--", "sh", "-c", "echo ran"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.is_empty(), "CMD must not run: {}", r.stdout);
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: {target}: not ready after 1s (connection refused)")
    );

    // Several not ready: each is named with its own last error, on one line.
    let other = closed_port();
    let second = format!("127.0.0.1:{}", other.port());
    let r = run(&[
        "-w",
        "700ms",
        "wait",
        &target,
        &second,
        "unix:/nonexistent/sock",
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let err: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(err.len(), 1, "{}", r.stderr);
    assert_eq!(
        err[0],
        format!(
            "sockkit: 3 targets not ready after 700ms: {target} (connection refused), \
             {second} (connection refused), unix:/nonexistent/sock (no such file or directory)"
        )
    );
}

#[test]
fn only_the_targets_not_ready_are_named() {
    let port = free_tcp_port();
    let _up = late_listener(port, 0.0);
    wait_for_tcp(port);
    let closed = closed_port();
    let ready = format!("127.0.0.1:{port}");
    let never = format!("127.0.0.1:{}", closed.port());
    let r = run(&["-w", "800ms", "wait", &ready, &never]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: {never}: not ready after 800ms (connection refused)")
    );
}

#[test]
fn http_503_then_200() {
    let mut peer = http_server(&[503, 503, 200]);
    let url = format!("http://127.0.0.1:{}/health?x=1", peer.port());
    let r = run(&["-v", "--json", "-w", "10s", "wait", &url]);
    assert_eq!(r.code, 0, "{r:?}");
    let ev = events(&r.stderr);
    let failed: Vec<&Value> = ev.iter().filter(|e| e["event"] == "attempt").collect();
    assert_eq!(failed.len(), 2, "{ev:?}");
    assert!(
        failed
            .iter()
            .all(|e| e["error"] == "HTTP 503 Service Unavailable")
    );
    assert!(
        ev.iter()
            .any(|e| e["event"] == "ready" && e["target"] == url.as_str())
    );
    let host = format!("127.0.0.1:{}", peer.port());
    for _ in 0..3 {
        let mut l = String::new();
        peer.stdout.read_line(&mut l).unwrap();
        assert_eq!(l.trim(), format!("GET /health?x=1 {host}"));
    }
}

#[test]
fn http_statuses_that_count() {
    // 503 forever: not ready, and the status is the reason.
    let peer = http_server(&[503]);
    let url = format!("http://127.0.0.1:{}/", peer.port());
    let r = run(&["-w", "1s", "wait", &url]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: {url}: not ready after 1s (HTTP 503 Service Unavailable)")
    );
    // --status names what counts: 503 is then ready at once.
    let r = run(&["-w", "5s", "wait", "--status", "200,500-599", &url]);
    assert_eq!(r.code, 0, "{r:?}");
    // A redirect is ready by default, a 404 is not.
    let redirect = http_server(&[301]);
    let r = run(&[
        "-w",
        "5s",
        "wait",
        &format!("http://127.0.0.1:{}", redirect.port()),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let missing = http_server(&[404]);
    let url = format!("http://127.0.0.1:{}/x", missing.port());
    let r = run(&["-w", "500ms", "wait", &url]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("(HTTP 404 Not Found)"), "{}", r.stderr);
}

/// A server that accepts and never answers: the attempt ends at the deadline.
#[test]
fn no_attempt_outlives_the_deadline() {
    let peer = Peer::start(
        r#"
import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
print(s.getsockname()[1], flush=True)
held = []
s.settimeout(0.2)
end = time.time() + 30
while time.time() < end:
    try:
        held.append(s.accept()[0])
    except socket.timeout:
        pass
"#,
    );
    let url = format!("http://127.0.0.1:{}/", peer.port());
    let r = run_with(&["-w", "600ms", "wait", &url], b"", Duration::from_secs(8));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr
            .contains("not ready after 600ms (timed out waiting for the HTTP response)"),
        "{}",
        r.stderr
    );
    // SYNs dropped by a full accept queue: the connect itself is cut at the deadline.
    let full = unanswering_listener("127.0.0.1");
    let target = format!("127.0.0.1:{}", full.port());
    let r = run_with(
        &["-w", "500ms", "wait", &target],
        b"",
        Duration::from_secs(8),
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("not ready after 500ms (timed out)"),
        "{}",
        r.stderr
    );
}

#[test]
fn any_is_ready_with_one_target() {
    let port = free_tcp_port();
    let _up = late_listener(port, 0.3);
    let closed = closed_port();
    let up = format!("127.0.0.1:{port}");
    let never = format!("127.0.0.1:{}", closed.port());
    let r = run(&[
        "-w", "10s", "wait", "--any", &never, &up, "--", "sh", "-c", "echo go",
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "go\n");
    let r = run(&["-w", "1s", "wait", &never, &up]);
    assert_eq!(r.code, 1, "without --any every target must be ready: {r:?}");
}

#[test]
fn the_command_takes_sockkits_place() {
    let port = free_tcp_port();
    let _up = late_listener(port, 0.0);
    let target = format!("127.0.0.1:{port}");
    // Its exit status is sockkit's.
    let r = run(&["-w", "5s", "wait", &target, "--", "sh", "-c", "exit 7"]);
    assert_eq!(r.code, 7, "{r:?}");
    // Arguments pass through unchanged, stdin too.
    let r = run_with(
        &[
            "-w",
            "5s",
            "wait",
            &target,
            "--",
            "sh",
            "-c",
            "printf '%s|' \"$@\"; cat",
            "x",
            "a b",
            "-v",
        ],
        b"from stdin",
        Duration::from_secs(10),
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "a b|-v|from stdin");
    // exec, not a child: the command has sockkit's process id.
    let child = sockkit(&["-w", "5s", "wait", &target, "--", "sh", "-c", "echo $$"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = wait_bounded(child, Duration::from_secs(10), "wait");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), pid.to_string());
}

#[test]
fn unix_targets() {
    let dir = std::env::temp_dir().join(format!("sockkit-wait-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("app.sock");
    let _peer = Peer::start(&format!(
        r#"
import socket, time
print("READY", flush=True)
time.sleep(0.5)
s = socket.socket(socket.AF_UNIX)
s.bind("{}")
s.listen(4)
time.sleep(20)
"#,
        path.display()
    ));
    let target = format!("unix:{}", path.display());
    let r = run(&["-v", "-w", "10s", "wait", &target]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("(attempt 1); next in"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("{target} ready")),
        "{}",
        r.stderr
    );
}

/// Start a wait that cannot succeed, signal it, and see it end by the signal's code
/// without running the command.
#[test]
fn signals_end_the_wait() {
    let closed = closed_port();
    let target = format!("127.0.0.1:{}", closed.port());
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGINT, 130)] {
        let mut child = sockkit(&[
            "-v", "-w", "30s", "wait", &target, "--", "sh", "-c", "echo ran",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        // The first failed attempt is reported: it is waiting.
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut l = String::new();
        loop {
            l.clear();
            assert!(err.read_line(&mut l).unwrap() > 0, "ended early");
            if l.contains("(attempt 1)") {
                break;
            }
        }
        // SAFETY: signalling our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        let out = wait_bounded(child, Duration::from_secs(5), "wait");
        assert_eq!(shell_status(out.status), code, "{signal}: {:?}", out.status);
        assert!(out.stdout.is_empty(), "CMD must not run");
    }
}

#[test]
fn bad_input_exits_2() {
    for (args, named) in [
        (&["wait", "127.0.0.1"][..], "127.0.0.1"),
        (&["wait", "127.0.0.1:70000"], "70000"),
        (&["wait", "1.2.3.999:80"], "1.2.3.999"),
        (&["wait", "ftp://127.0.0.1:21"], "ftp"),
        (&["wait", "http://u:p@127.0.0.1/"], "credentials"),
        (&["wait", "unix:"], "empty"),
        (
            &["wait", "127.0.0.1:80", "--", "/no/such/program"],
            "/no/such/program",
        ),
        (&["-w", "0", "wait", "127.0.0.1:80"], "--timeout 0"),
        (&["wait", "--status", "99", "http://127.0.0.1/"], "99"),
        (&["wait", "--status", "200", "127.0.0.1:80"], "--status"),
        (
            &["-O", "SO_BROADCAST=1", "wait", "127.0.0.1:80"],
            "SO_BROADCAST",
        ),
        (&["wait"], "TARGET"),
    ] {
        rejects(args, named);
    }
}

#[test]
fn tls_and_https_targets() {
    let server = s_server("leaf.pem", "leaf.key", &["-www"]);
    let ca = pki().path("ca.pem");
    let tls_target = format!("tls://localhost:{}", server.port);
    let https = format!("https://127.0.0.1:{}/", server.port);
    let r = run(&[
        "-v",
        "-w",
        "10s",
        "wait",
        "--ca",
        &ca,
        &tls_target,
        &https,
        "--",
        "sh",
        "-c",
        "echo go",
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "go\n");
    assert!(
        r.stderr.contains(&format!("{tls_target} ready: TLSv1.")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("{https} ready: HTTP 200")),
        "{}",
        r.stderr
    );
}

/// https:// answering 503, then 200: the GET goes over TLS, path and Host as given.
#[test]
fn https_503_then_200() {
    let mut peer = http_server_with(&[503, 200], true);
    let url = format!("https://localhost:{}/ready", peer.port());
    let ca = pki().path("ca.pem");
    let r = run(&["-v", "--json", "-w", "10s", "wait", "--ca", &ca, &url]);
    assert_eq!(r.code, 0, "{r:?}");
    let ev = events(&r.stderr);
    let failed: Vec<&Value> = ev.iter().filter(|e| e["event"] == "attempt").collect();
    assert_eq!(failed.len(), 1, "{ev:?}");
    assert_eq!(failed[0]["error"], "HTTP 503 Service Unavailable");
    for _ in 0..2 {
        let mut l = String::new();
        peer.stdout.read_line(&mut l).unwrap();
        assert_eq!(l.trim(), format!("GET /ready localhost:{}", peer.port()));
    }
}

/// A certificate that does not verify never makes a TLS target ready.
#[test]
fn an_unverified_certificate_is_not_ready() {
    let ca = pki().path("ca.pem");
    let wrong = s_server("wrong-name.pem", "ec.key", &[]);
    let target = format!("tls://localhost:{}", wrong.port);
    let r = run(&["-w", "1s", "wait", "--ca", &ca, &target]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.starts_with(&format!(
            "sockkit: {target}: not ready after 1s (TLS: certificate verification failed: name mismatch"
        )),
        "{}",
        r.stderr
    );
    // Without --ca the system's roots do not know the test CA.
    let good = s_server("leaf.pem", "leaf.key", &["-www"]);
    let url = format!("https://localhost:{}/", good.port);
    let r = run(&["-w", "1s", "wait", &url]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("unknown issuer"), "{}", r.stderr);
}

/// `--proxy`: TCP and HTTP targets are reached through the proxy (sockkit connects to
/// nothing else), a service coming up late included.
#[test]
fn targets_through_a_proxy() {
    let proxy = tinyproxy(None);
    let url = format!("http://127.0.0.1:{}", proxy.port);
    let port = free_tcp_port();
    let mut late = late_listener(port, 0.5);
    let web = http_server(&[200]);
    let tcp = format!("127.0.0.1:{port}");
    let http = format!("http://127.0.0.1:{}/up", web.port());
    let r = run(&["-vv", "-w", "10s", "wait", "--proxy", &url, &tcp, &http]);
    assert_eq!(r.code, 0, "{r:?}");
    let connects: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("connect("))
        .collect();
    assert!(!connects.is_empty(), "{}", r.stderr);
    assert!(
        connects
            .iter()
            .all(|l| l.contains(&format!(", 127.0.0.1:{})", proxy.port))),
        "{connects:?}"
    );
    let mut l = String::new();
    late.stdout.read_line(&mut l).unwrap();
    assert_eq!(l.trim(), "up");
}

#[test]
fn tls_and_proxy_bad_input_exits_2() {
    for (args, named) in [
        (
            &["wait", "--ca", "/etc/hostname", "127.0.0.1:80"][..],
            "--ca",
        ),
        (
            &["wait", "--ca", "/etc/hostname", "tls://127.0.0.1:443"],
            "/etc/hostname",
        ),
        (&["wait", "tls://127.0.0.1"], "tls://127.0.0.1"),
        (
            &["wait", "--proxy", "http://127.0.0.1:3128", "unix:/tmp/x"],
            "--proxy",
        ),
        (&["wait", "--proxy", "gopher://x", "127.0.0.1:80"], "gopher"),
        (
            &["wait", "--status", "200", "tls://127.0.0.1:443"],
            "--status",
        ),
    ] {
        rejects(args, named);
    }
}
