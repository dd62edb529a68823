//! `--proxy` for `connect` and `tls` through real proxies started by the test, each
//! configured in a temp dir and listening on loopback only: Debian's dante-server
//! (SOCKS5 with and without user/password, SOCKS4) and tinyproxy (HTTP CONNECT with
//! Basic auth). A proxy's refusal is exit 1 with its own reason; a hanging proxy is
//! exit 1, bounded; a bad URL is exit 2.

mod common;
mod tls_support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Peer, json_lines, rejects, run_with};
use tls_support::{Server, free_port, pki, s_server, tinyproxy, wait_listening};

const LIMIT: Duration = Duration::from_secs(30);
/// The system account dante checks SOCKS5 user/password against.
const PROXY_USER: &str = "sockkitproxy";
const PROXY_PASS: &str = "pr0xy-pass";

fn dir() -> std::path::PathBuf {
    pki().dir.clone()
}

/// danted on 127.0.0.1, relaying only to loopback; `username` asks for user/password.
fn dante(auth: bool) -> Server {
    if auth {
        ensure_proxy_user();
    }
    let port = free_port();
    let conf = dir().join(format!("danted-{port}.conf"));
    std::fs::write(
        &conf,
        format!(
            "logoutput: stderr\n\
             internal: 127.0.0.1 port = {port}\n\
             external: 127.0.0.1\n\
             clientmethod: none\n\
             socksmethod: {}\n\
             user.privileged: root\n\
             user.unprivileged: nobody\n\
             client pass {{ from: 127.0.0.0/8 to: 0.0.0.0/0 }}\n\
             socks pass {{ from: 127.0.0.0/8 to: 127.0.0.0/8 }}\n\
             socks block {{ from: 0.0.0.0/0 to: 0.0.0.0/0 }}\n",
            if auth { "username" } else { "none" }
        ),
    )
    .expect("write danted.conf");
    let mut child = Command::new("danted")
        .arg("-f")
        .arg(&conf)
        .args(["-N", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("danted is installed (.ci/run installs dante-server)");
    wait_listening(&mut child, port, "danted");
    Server { child, port }
}

/// dante's `username` method checks the system's password database: the test account
/// is made once (the tests run as root, as CI does).
fn ensure_proxy_user() {
    let exists = Command::new("id")
        .arg(PROXY_USER)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !exists {
        let made = Command::new("useradd")
            .args(["-M", "-s", "/usr/sbin/nologin", PROXY_USER])
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            made,
            "useradd {PROXY_USER} failed (the proxy tests need root)"
        );
    }
    let mut chpasswd = Command::new("chpasswd")
        .stdin(Stdio::piped())
        .spawn()
        .expect("chpasswd");
    use std::io::Write;
    chpasswd
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PROXY_USER}:{PROXY_PASS}\n").as_bytes())
        .unwrap();
    assert!(chpasswd.wait().unwrap().success(), "chpasswd failed");
}

/// A TCP server on 127.0.0.1 that answers `hi <what it got>` to one client.
fn hello_server() -> Peer {
    Peer::start(
        r#"
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(4)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
c.settimeout(10)
data = c.recv(100)
c.sendall(b"hi " + data)
c.close()
"#,
    )
}

fn connect_via(proxy: &str, host: &str, port: u16) -> common::Run {
    run_with(
        &[
            "connect",
            "--proxy",
            proxy,
            host,
            &port.to_string(),
            "--send",
            "hello",
            "--expect",
            "^hi hello",
        ],
        b"",
        LIMIT,
    )
}

/// As [`connect_via`], keeping the write side open: tinyproxy ends the whole tunnel at
/// the client's half-close, before the answer comes back.
fn connect_via_http(proxy: &str, host: &str, port: u16) -> common::Run {
    run_with(
        &[
            "connect",
            "--no-shutdown",
            "--proxy",
            proxy,
            host,
            &port.to_string(),
            "--send",
            "hello",
            "--expect",
            "^hi hello",
        ],
        b"",
        LIMIT,
    )
}

#[test]
fn connect_through_socks5_without_auth_resolves_names_at_the_proxy() {
    let proxy = dante(false);
    let url = format!("socks5://127.0.0.1:{}", proxy.port);
    let server = hello_server();
    // A name the proxy resolves (socks5:// sends names as they are).
    let r = connect_via(&url, "localhost", server.port());
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "hi hello");
}

#[test]
fn connect_through_socks5_with_user_and_password() {
    let proxy = dante(true);
    let server = hello_server();
    let url = format!(
        "socks5h://{PROXY_USER}:{PROXY_PASS}@127.0.0.1:{}",
        proxy.port
    );
    let r = connect_via(&url, "127.0.0.1", server.port());
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "hi hello");

    let bad = format!("socks5://{PROXY_USER}:wrong@127.0.0.1:{}", proxy.port);
    let r = connect_via(&bad, "127.0.0.1", server.port());
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("authentication as 'sockkitproxy' failed"),
        "{}",
        r.stderr
    );
    // The password never reaches the terminal.
    assert!(!r.stderr.contains("wrong"), "{}", r.stderr);

    let none = format!("socks5://127.0.0.1:{}", proxy.port);
    let r = connect_via(&none, "127.0.0.1", server.port());
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("no acceptable authentication method"),
        "{}",
        r.stderr
    );
}

#[test]
fn socks_refusal_carries_the_reply_code_meaning() {
    let proxy = dante(false);
    let closed = free_port();
    let url = format!("socks5://127.0.0.1:{}", proxy.port);
    let r = connect_via(&url, "127.0.0.1", closed);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("connection refused (SOCKS5 reply 5)"),
        "{}",
        r.stderr
    );
}

#[test]
fn connect_through_socks4() {
    // dante speaks SOCKS4 (not the 4a name extension): an IPv4 target.
    let proxy = dante(false);
    let server = hello_server();
    let url = format!("socks4a://127.0.0.1:{}", proxy.port);
    let r = connect_via(&url, "127.0.0.1", server.port());
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "hi hello");
}

#[test]
fn socks4a_sends_names_for_the_proxy_to_resolve() {
    // A minimal SOCKS4a proxy in Python that checks the request's form and relays once.
    let proxy = Peer::start(
        r#"
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
c.settimeout(10)
req = b""
while req.count(b"\0") < 2:
    req += c.recv(512)
ver, cmd, port, ip = req[0], req[1], int.from_bytes(req[2:4], "big"), req[4:8]
user, name = req[8:].split(b"\0")[:2]
assert (ver, cmd, ip) == (4, 1, b"\0\0\0\1"), req
print("user", user.decode(), "name", name.decode(), flush=True)
t = socket.create_connection((name.decode(), port))
c.sendall(b"\0\x5a" + b"\0" * 6)
data = c.recv(100)
t.sendall(data)
c.sendall(t.recv(100))
"#,
    );
    let server = hello_server();
    let url = format!("socks4a://bob@127.0.0.1:{}", proxy.port());
    let r = connect_via(&url, "localhost", server.port());
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "hi hello");
    assert!(proxy.finish(LIMIT).contains("user bob name localhost"));
}

#[test]
fn http_connect_with_basic_auth_and_its_status_line_on_refusal() {
    let proxy = tinyproxy(Some(("alice", "s3cret")));
    let server = hello_server();
    let url = format!("http://alice:s3cret@127.0.0.1:{}", proxy.port);
    let r = connect_via_http(&url, "127.0.0.1", server.port());
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, "hi hello");

    let bad = format!("http://alice:nope@127.0.0.1:{}", proxy.port);
    let r = connect_via_http(&bad, "127.0.0.1", server.port());
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("401 Unauthorized"), "{}", r.stderr);
}

#[test]
fn tls_through_each_proxy_kind() {
    let p = pki();
    let tls_server = s_server("leaf.pem", "leaf.key", &[]);
    let socks = dante(false);
    let http = tinyproxy(Some(("alice", "s3cret")));
    for url in [
        format!("socks5://127.0.0.1:{}", socks.port),
        format!("socks5h://127.0.0.1:{}", socks.port),
        format!("http://alice:s3cret@127.0.0.1:{}", http.port),
    ] {
        let r = run_with(
            &[
                "tls",
                "--json",
                "--proxy",
                &url,
                "--ca",
                &p.path("ca.pem"),
                "localhost",
                &tls_server.port.to_string(),
            ],
            b"",
            LIMIT,
        );
        assert_eq!(r.code, 0, "{url}: {r:?}");
        let rec = &json_lines(&r.stdout)[0];
        assert_eq!(rec["verification"], "verified", "{url}: {rec}");
        assert!(
            rec["address"].as_str().unwrap().starts_with("via "),
            "{rec}"
        );
    }
}

#[test]
fn a_hanging_proxy_is_exit_1_within_w() {
    let proxy = Peer::start(
        r#"
import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
time.sleep(30)
"#,
    );
    let started = Instant::now();
    let r = run_with(
        &[
            "connect",
            "-w",
            "1s",
            "--proxy",
            &format!("socks5://127.0.0.1:{}", proxy.port()),
            "127.0.0.1",
            "9",
            "--send",
            "x",
        ],
        b"",
        LIMIT,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("did not answer in time"), "{}", r.stderr);
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn bad_proxy_urls_are_exit_2() {
    for url in [
        "127.0.0.1:1080",
        "gopher://127.0.0.1:70",
        "socks5://",
        "socks5://127.0.0.1:0",
        "http://127.0.0.1:8080/path",
    ] {
        rejects(&["connect", "--proxy", url, "127.0.0.1", "80"], "--proxy");
        rejects(&["tls", "--proxy", url, "127.0.0.1"], "--proxy");
    }
}
