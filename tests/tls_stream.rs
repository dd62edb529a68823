//! `connect --tls` and `listen --tls` (every mode) against real TLS peers: openssl
//! s_server/s_client, socat OPENSSL, ncat --ssl and Python's ssl module, with
//! certificates made by the test (tls_support).

mod common;
mod stream_support;
mod tls_support;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{python, run_with, sockkit, wait_bounded};
use stream_support::{Server, random_bytes, scratch, sha256_file};
use tls_support::{pki, s_server};

const LIMIT: Duration = Duration::from_secs(30);

/// A Python TLS client for `port` with the test CA, running `body` with `s` connected.
fn py_tls_client(port: u16, body: &str) -> String {
    let ca = pki().path("ca.pem");
    python(&format!(
        "import ssl, hashlib, threading, time\n\
         ctx = ssl.create_default_context(cafile={ca:?})\n\
         raw = socket.create_connection(('127.0.0.1', {port}))\n\
         s = ctx.wrap_socket(raw, server_hostname='localhost')\n{body}"
    ))
}

fn tls_listener(extra: &[&str], stdin: Stdio, stdout: Stdio) -> Server {
    let pki = pki();
    let (cert, key) = (pki.path("leaf.pem"), pki.path("leaf.key"));
    let mut args = vec!["--tls", "--cert", &cert, "--key", &key];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["127.0.0.1", "0"]);
    Server::start(&args, stdin, stdout)
}

#[test]
fn listen_tls_and_python_ssl_talk_both_ways() {
    let mut srv = tls_listener(&[], Stdio::piped(), Stdio::piped());
    let mut stdin = srv.child.stdin.take().unwrap();
    stdin.write_all(b"hi from sockkit\n").unwrap();
    drop(stdin);
    let got = py_tls_client(
        srv.port,
        "s.sendall(b'hello over tls\\n')\nprint(s.makefile('rb').read().decode(), end='')\n\
         print(s.version())",
    );
    assert_eq!(got, "hi from sockkit\nTLSv1.3\n");
    let mut out = String::new();
    srv.child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert_eq!(out, "hello over tls\n");
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_self_signed_listener_is_pinned_by_connect() {
    // No --cert: a certificate is made at start and its fingerprint is in the event.
    let srv = Server::start(&["--tls", "127.0.0.1", "0"], Stdio::null(), Stdio::piped());
    let line = srv
        .stderr_line("TLS: a self-signed certificate", LIMIT)
        .expect("the certificate line");
    let pin = line
        .split("--pin ")
        .nth(1)
        .expect("a pin")
        .trim()
        .to_string();
    assert!(pin.starts_with("sha256:"), "{line}");
    let pin = pin.as_str();
    let port = srv.port.to_string();
    let r = run_with(
        &["connect", "--pin", pin, "127.0.0.1", &port],
        b"pinned\n",
        LIMIT,
    );
    assert_eq!(r.code, 0, "{r:?}");
    // A different pin is refused, naming the mismatch.
    let other = format!("sha256:{}", "AB".repeat(32));
    let srv = Server::start(&["--tls", "127.0.0.1", "0"], Stdio::null(), Stdio::null());
    let port = srv.port.to_string();
    let r = run_with(
        &["connect", "--pin", &other, "127.0.0.1", &port],
        b"",
        LIMIT,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("pin"), "{}", r.stderr);
}

#[test]
fn connect_tls_to_openssl_s_server_tls12_and_tls13() {
    for version in ["-tls1_2", "-tls1_3"] {
        let srv = s_server("leaf.pem", "leaf.key", &[version, "-rev"]);
        let port = srv.port.to_string();
        let ca = pki().path("ca.pem");
        let r = run_with(
            &[
                "-v",
                "connect",
                "--tls",
                "--ca",
                &ca,
                "localhost",
                &port,
                "--send",
                "sockkit\\n",
                "--expect",
                "tikkcos",
            ],
            b"",
            LIMIT,
        );
        assert_eq!(r.code, 0, "{version}: {r:?}");
        assert!(r.stdout.contains("tikkcos"), "{version}: {}", r.stdout);
        let want = if version == "-tls1_2" {
            "TLSv1.2"
        } else {
            "TLSv1.3"
        };
        assert!(r.stderr.contains(want), "{version}: {}", r.stderr);
    }
}

#[test]
fn connect_tls_names_why_verification_failed() {
    let ca = pki().path("ca.pem");
    let cases = [
        ("expired.pem", "ec.key", "expired"),
        ("wrong-name.pem", "ec.key", "wrong.example"),
    ];
    for (cert, key, named) in cases {
        let srv = s_server(cert, key, &[]);
        let port = srv.port.to_string();
        let r = run_with(&["connect", "--ca", &ca, "localhost", &port], b"x", LIMIT);
        assert_eq!(r.code, 1, "{cert}: {r:?}");
        assert!(r.stderr.contains(named), "{cert}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    }
    // Not TLS at all: a plain server that answers in clear text.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = plain.local_addr().unwrap().port().to_string();
    let t = std::thread::spawn(move || {
        if let Ok((mut c, _)) = plain.accept() {
            let _ = c.write_all(b"SSH-2.0-OpenSSH_9.2\r\n");
            std::thread::sleep(Duration::from_millis(500));
        }
    });
    let r = run_with(
        &["-w", "3s", "connect", "--tls", "127.0.0.1", &port],
        b"",
        LIMIT,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.starts_with("sockkit: "), "{}", r.stderr);
    let _ = t.join();
}

#[test]
fn a_file_crosses_listen_tls_and_connect_tls_intact() {
    let src = scratch("tls-src.bin");
    let dst = scratch("tls-dst.bin");
    std::fs::write(&src, random_bytes(8 << 20, 11)).unwrap();
    let srv = tls_listener(
        &[],
        Stdio::null(),
        Stdio::from(std::fs::File::create(&dst).unwrap()),
    );
    let port = srv.port.to_string();
    let ca = pki().path("ca.pem");
    let child = sockkit(&["connect", "--ca", &ca, "localhost", &port])
        .stdin(std::fs::File::open(&src).unwrap())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, LIMIT, "connect --tls");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sha256_file(&src), sha256_file(&dst));
}

#[test]
fn keep_open_echo_over_tls_is_not_held_up_by_a_client_that_never_handshakes() {
    let srv = tls_listener(&["-k", "--echo"], Stdio::null(), Stdio::null());
    // A plain TCP client that says nothing: its handshake never starts.
    let _silent = std::net::TcpStream::connect(("127.0.0.1", srv.port)).unwrap();
    let got = py_tls_client(
        srv.port,
        "def one(i, out):\n    c = ctx.wrap_socket(socket.create_connection(('127.0.0.1', s.getpeername()[1])), server_hostname='localhost')\n    c.sendall(b'echo %d' % i)\n    out[i] = c.recv(100)\n\
         out = {}\nts = [threading.Thread(target=one, args=(i, out)) for i in range(3)]\n\
         [t.start() for t in ts]\n[t.join(10) for t in ts]\n\
         print(sorted(v.decode() for v in out.values()))",
    );
    assert_eq!(got.trim(), "['echo 0', 'echo 1', 'echo 2']");
}

#[test]
fn broker_over_tls_carries_the_room() {
    let srv = tls_listener(&["--broker"], Stdio::null(), Stdio::null());
    let got = py_tls_client(
        srv.port,
        "b = ctx.wrap_socket(socket.create_connection(('127.0.0.1', s.getpeername()[1])), server_hostname='localhost')\n\
         time.sleep(0.5)\ns.sendall(b'to the room')\nb.settimeout(10)\nprint(b.recv(100).decode())",
    );
    assert_eq!(got.trim(), "to the room");
}

#[test]
fn exec_children_learn_the_verified_client_subject() {
    let pki = pki();
    let ca = pki.path("ca.pem");
    let srv = tls_listener(
        &[
            "--verify-client",
            &ca,
            "--sh-exec",
            "echo \"subject=$SOCKKIT_PEER_CERT_SUBJECT\"",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    let out = Command::new("openssl")
        .args(["s_client", "-quiet", "-connect"])
        .arg(format!("127.0.0.1:{}", srv.port))
        .args(["-CAfile", &ca, "-servername", "localhost"])
        .args([
            "-cert",
            &pki.path("client.pem"),
            "-key",
            &pki.path("client.key"),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = wait_bounded(out, LIMIT, "openssl s_client");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("subject=CN=sockkit client"), "{text}");
}

#[test]
fn a_client_without_a_certificate_is_refused_under_verify_client() {
    let ca = pki().path("ca.pem");
    let srv = tls_listener(&["--verify-client", &ca], Stdio::null(), Stdio::null());
    let r = run_with(
        &["connect", "--ca", &ca, "localhost", &srv.port.to_string()],
        b"let me in",
        LIMIT,
    );
    assert_ne!(r.code, 0, "{r:?}");
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("TLS"), "{stderr}");
}

#[test]
fn socat_and_ncat_talk_to_sockkit_over_tls() {
    let pki = pki();
    let (cert, key, ca) = (
        pki.path("leaf.pem"),
        pki.path("leaf.key"),
        pki.path("ca.pem"),
    );
    // socat OPENSSL client -> listen --tls.
    let mut srv = tls_listener(&[], Stdio::null(), Stdio::piped());
    let status = Command::new("socat")
        .arg("-")
        .arg(format!(
            "OPENSSL:127.0.0.1:{},cafile={ca},commonname=localhost",
            srv.port
        ))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(b"from socat\n")?;
            c.wait()
        })
        .expect("socat");
    assert!(status.success());
    let mut out = String::new();
    srv.child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert_eq!(out, "from socat\n");
    // connect --tls -> ncat --ssl listener.
    let port = tls_support::free_port();
    let ncat = Command::new("ncat")
        .args(["--ssl", "--ssl-cert", &cert, "--ssl-key", &key, "-l"])
        .arg("127.0.0.1")
        .arg(port.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("ncat");
    wait_port_listening(port);
    let r = run_with(
        &["connect", "--ca", &ca, "localhost", &port.to_string()],
        b"to ncat\n",
        LIMIT,
    );
    assert_eq!(r.code, 0, "{r:?}");
    let got = wait_bounded(ncat, LIMIT, "ncat --ssl");
    assert!(
        String::from_utf8_lossy(&got.stdout).contains("to ncat"),
        "{got:?}"
    );
}

/// Wait (bounded) until something listens on 127.0.0.1:`port`, without connecting to it
/// (a one-client server would take the probe for its client).
fn wait_port_listening(port: u16) {
    let start = std::time::Instant::now();
    loop {
        let out = Command::new("ss")
            .args(["-ltnH", &format!("sport = :{port}")])
            .output()
            .expect("ss");
        if !out.stdout.is_empty() {
            return;
        }
        assert!(start.elapsed() < LIMIT, "nothing listens on {port}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn listen_tls_serves_a_tls12_client_too() {
    let srv = tls_listener(&[], Stdio::null(), Stdio::piped());
    let got = py_tls_client(srv.port, "print(s.version())");
    assert_eq!(got.trim(), "TLSv1.3");
    let srv = tls_listener(&[], Stdio::null(), Stdio::piped());
    let ca = pki().path("ca.pem");
    let got = python(&format!(
        "import ssl\nctx = ssl.create_default_context(cafile={ca:?})\n\
         ctx.maximum_version = ssl.TLSVersion.TLSv1_2\n\
         s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', {})), server_hostname='localhost')\n\
         print(s.version())",
        srv.port
    ));
    assert_eq!(got.trim(), "TLSv1.2");
}

#[test]
fn a_silent_server_bounds_the_handshake_by_w() {
    // A server that accepts and never answers the ClientHello.
    let quiet = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = quiet.local_addr().unwrap().port().to_string();
    let holder = std::thread::spawn(move || {
        let c = quiet.accept();
        std::thread::sleep(Duration::from_secs(4));
        drop(c);
    });
    let started = std::time::Instant::now();
    let r = run_with(
        &["-w", "1s", "connect", "--tls", "127.0.0.1", &port],
        b"",
        LIMIT,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "not bounded by -w"
    );
    let _ = holder.join();
}

#[test]
fn bad_tls_input_is_exit_2_before_anything_is_bound() {
    let pki = pki();
    let (cert, key, ca) = (
        pki.path("leaf.pem"),
        pki.path("leaf.key"),
        pki.path("ca.pem"),
    );
    let other_key = pki.path("ec.key");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "listen",
                "--tls",
                "--cert",
                "/nonexistent.pem",
                "--key",
                &key,
                "0",
            ],
            "/nonexistent.pem",
        ),
        (vec!["listen", "--tls", "--cert", &cert, "0"], "--cert"),
        (
            vec!["listen", "--tls", "--cert", &cert, "--key", &other_key, "0"],
            "key",
        ),
        (
            vec!["listen", "--tls", "--cert", &ca, "--key", &ca, "0"],
            "key",
        ),
        (
            vec!["connect", "--pin", "sha256:zz", "127.0.0.1", "9"],
            "--pin",
        ),
        (
            vec![
                "connect",
                "--tls",
                "--ca",
                "/nonexistent.pem",
                "127.0.0.1",
                "9",
            ],
            "/nonexistent.pem",
        ),
        (vec!["connect", "--alpn", ",", "127.0.0.1", "9"], "alpn"),
        (
            vec!["connect", "--tls", "--proxy", "ftp://x", "127.0.0.1", "9"],
            "ftp://x",
        ),
    ];
    for (args, named) in cases {
        common::rejects(&args, named);
    }
}

/// `forward --tls` terminates TLS for its clients and relays plaintext to the target;
/// with `--to-tls` too it is a TLS proxy both ways.
#[test]
fn forward_tls_terminates_for_clients() {
    let pki = pki();
    let (cert, key) = (pki.path("leaf.pem"), pki.path("leaf.key"));
    let echo = Server::start(
        &["-k", "--echo", "127.0.0.1", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let to = format!("127.0.0.1:{}", echo.port);
    let port = tls_support::free_port();
    let mut fwd = sockkit(&[
        "-v",
        "forward",
        "--tls",
        "--server-cert",
        &cert,
        "--server-key",
        &key,
        "127.0.0.1",
        &port.to_string(),
        "--to",
        &to,
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    wait_port_listening(port);
    let got = py_tls_client(
        port,
        "s.sendall(b'through the tls forwarder')\nprint(s.recv(100).decode())",
    );
    assert_eq!(got.trim(), "through the tls forwarder");
    let _ = fwd.kill();
    let _ = fwd.wait();
}

/// The listener's close_notify comes first (its stdin is empty) while the client still
/// sends a large file: the bridge must go on taking the client's bytes to the end. (A
/// write refused while rustls's buffer was full once left the bridge waiting forever.)
#[test]
fn a_large_file_after_the_peers_close_notify_arrives_whole_every_time() {
    let src = scratch("tls-late-src.bin");
    std::fs::write(&src, random_bytes(24 << 20, 12)).unwrap();
    let ca = pki().path("ca.pem");
    for round in 0..3 {
        let dst = scratch(&format!("tls-late-dst-{round}.bin"));
        let srv = tls_listener(
            &[],
            Stdio::null(),
            Stdio::from(std::fs::File::create(&dst).unwrap()),
        );
        let port = srv.port.to_string();
        let child = sockkit(&["connect", "--ca", &ca, "localhost", &port])
            .stdin(std::fs::File::open(&src).unwrap())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_bounded(child, LIMIT, "connect --tls with a large file");
        assert_eq!(out.status.code(), Some(0), "round {round}: {out:?}");
        let (code, stderr) = srv.wait(LIMIT);
        assert_eq!(code, 0, "round {round}: {stderr}");
        assert_eq!(sha256_file(&src), sha256_file(&dst), "round {round}");
    }
}
