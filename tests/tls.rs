//! `sockkit tls` against real TLS servers on loopback (`openssl s_server`, Python's
//! `ssl`), its facts checked against `openssl x509` on the same certificates; failed
//! verification in a user's terms; bad input exit 2; faults exit 1, bounded.

mod common;
mod tls_support;

use std::time::{Duration, Instant};

use common::{Peer, json_lines, rejects, run_with};
use tls_support::{openssl_x509, pki, s_server, scratch_file};

const LIMIT: Duration = Duration::from_secs(30);

fn tls(args: &[&str]) -> common::Run {
    let mut all = vec!["tls"];
    all.extend_from_slice(args);
    run_with(&all, b"", LIMIT)
}

/// openssl's one-line name form (`CN = a, O = b`) as sockkit writes it (`CN=a, O=b`).
fn openssl_name(line: &str) -> String {
    line.trim().replace(" = ", "=")
}

#[test]
fn the_chain_report_matches_openssl_x509() {
    let p = pki();
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let port = server.port.to_string();
    let r = tls(&["--json", "--ca", &p.path("ca.pem"), "localhost", &port]);
    assert_eq!(r.code, 0, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["target"], format!("localhost:{port}"));
    assert_eq!(rec["verification"], "verified");
    assert_eq!(rec["protocol"], "TLSv1.3");
    assert!(
        rec["cipher"].as_str().unwrap().starts_with("TLS_AES_"),
        "{rec}"
    );
    assert!(rec["handshake_ms"].as_f64().unwrap() > 0.0);
    let cert = &rec["chain"][0];

    let leaf = p.path("leaf.pem");
    let x = openssl_x509(
        &leaf,
        &[
            "-noout", "-subject", "-issuer", "-serial", "-dates", "-dateopt", "iso_8601",
        ],
    );
    let field = |name: &str| {
        x.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("openssl printed no {name}: {x}"))
            .to_string()
    };
    assert_eq!(cert["subject"], openssl_name(&field("subject")));
    assert_eq!(cert["issuer"], openssl_name(&field("issuer")));
    assert_eq!(cert["serial"], field("serial"));
    // openssl: `2024-01-01 00:00:00Z`; sockkit: RFC 3339 `2024-01-01T00:00:00Z`.
    assert_eq!(cert["not_before"], field("notBefore").replace(' ', "T"));
    assert_eq!(cert["not_after"], field("notAfter").replace(' ', "T"));

    let fp = openssl_x509(&leaf, &["-noout", "-fingerprint", "-sha256"]);
    let fp = fp.trim().split('=').nth(1).unwrap();
    assert_eq!(cert["sha256"], fp);

    let sans = openssl_x509(&leaf, &["-noout", "-ext", "subjectAltName"]);
    let sans: Vec<String> = sans
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .map(|s| s.trim().replace("IP Address:", "IP:"))
        .collect();
    let ours: Vec<String> = cert["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(ours, sans);

    let text = openssl_x509(&leaf, &["-noout", "-text"]);
    let bits = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Public-Key: ("))
        .and_then(|l| l.split(' ').next())
        .unwrap();
    assert_eq!(cert["key_bits"].to_string(), bits);
    assert_eq!(cert["key_type"], "RSA");
    let sig = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Signature Algorithm: "))
        .unwrap();
    assert_eq!(cert["signature_algorithm"], sig);
    assert!(cert["days_left"].as_i64().unwrap() > 365 * 50);
}

#[test]
fn plain_report_names_every_fact() {
    let p = pki();
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let r = tls(&[
        "--ca",
        &p.path("ca.pem"),
        &format!("localhost:{}", server.port),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    for key in [
        "protocol",
        "cipher",
        "alpn",
        "key exchange",
        "handshake",
        "certificate 0",
        "issuer",
        "names",
        "not before",
        "not after",
        "key ",
        "signature",
        "serial",
        "sha256",
        "verification",
    ] {
        assert!(r.stdout.contains(key), "no {key} in\n{}", r.stdout);
    }
    assert!(r.stdout.contains("days left"), "{}", r.stdout);
    assert!(r.stdout.contains("verified"), "{}", r.stdout);
}

#[test]
fn tls12_and_tls13_servers_negotiate_their_version() {
    let p = pki();
    let ca = p.path("ca.pem");
    for (flag, want) in [("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")] {
        let server = s_server("leaf.pem", "leaf.key", &[flag]);
        let r = tls(&["--json", "--ca", &ca, "127.0.0.1", &server.port.to_string()]);
        assert_eq!(r.code, 0, "{flag}: {r:?}");
        let rec = &json_lines(&r.stdout)[0];
        assert_eq!(rec["protocol"], want, "{rec}");
        if want == "TLSv1.2" {
            assert!(
                rec["cipher"]
                    .as_str()
                    .unwrap()
                    .starts_with("TLS_ECDHE_RSA_WITH_"),
                "{rec}"
            );
        }
    }
    // --tls-min 1.3 refuses a server that speaks only TLS 1.2.
    let server = s_server("leaf.pem", "leaf.key", &["-tls1_2"]);
    let r = tls(&[
        "--tls-min",
        "1.3",
        "--ca",
        &ca,
        "127.0.0.1",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("refused the handshake") || r.stderr.contains("version"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_expired_certificate_says_when_it_expired() {
    let p = pki();
    let server = s_server("expired.pem", "ec.key", &[]);
    let r = tls(&[
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let want = openssl_x509(
        &p.path("expired.pem"),
        &["-noout", "-enddate", "-dateopt", "iso_8601"],
    );
    let date = want
        .trim()
        .strip_prefix("notAfter=")
        .unwrap()
        .replace(' ', "T");
    assert!(
        r.stderr.contains(&format!("certificate expired on {date}")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("expired"), "{}", r.stdout);
}

#[test]
fn an_unknown_issuer_is_named() {
    let p = pki();
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("other-ca.pem"),
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["verified"], false);
    assert_eq!(
        rec["verify_error"],
        "unknown issuer CN=sockkit test CA, O=sockkit tests"
    );
}

#[test]
fn a_name_mismatch_lists_the_names_the_certificate_holds() {
    let p = pki();
    let server = s_server("wrong-name.pem", "ec.key", &[]);
    let r = tls(&[
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains(
            "name mismatch: asked for localhost; the certificate holds DNS:wrong.example, DNS:www.wrong.example"
        ),
        "{}",
        r.stderr
    );
    // --sni names what to verify: the same certificate is then valid.
    let r = tls(&[
        "--ca",
        &p.path("ca.pem"),
        "--sni",
        "www.wrong.example",
        "127.0.0.1",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn a_pin_accepts_exactly_that_certificate() {
    let p = pki();
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let port = server.port.to_string();
    let fp = openssl_x509(&p.path("leaf.pem"), &["-noout", "-fingerprint", "-sha256"]);
    let fp = fp.trim().split('=').nth(1).unwrap().to_string();
    // No --ca: the system roots do not know the test CA, the pin alone decides.
    let r = tls(&[
        "--json",
        "--pin",
        &format!("sha256:{fp}"),
        "localhost",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(json_lines(&r.stdout)[0]["verification"], "pinned");
    let other = format!("sha256:{}", "00".repeat(32));
    let r = tls(&["--pin", &other, "localhost", &port]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("does not match --pin"), "{}", r.stderr);
}

#[test]
fn insecure_skips_verification_and_says_so() {
    let server = s_server("expired.pem", "ec.key", &[]);
    let r = tls(&["--insecure", "localhost", &server.port.to_string()]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("--insecure"), "{}", r.stderr);
    assert!(r.stdout.contains("not checked"), "{}", r.stdout);
}

/// A Python TLS server: prints its port, serves one client, prints what it learnt.
fn python_tls_server(setup: &str) -> Peer {
    let p = pki();
    Peer::start(&format!(
        r#"
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain({leaf:?}, {key:?})
{setup}
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
c.settimeout(10)
t = ctx.wrap_socket(c, server_side=True)
print("version", t.version(), flush=True)
print("alpn", t.selected_alpn_protocol(), flush=True)
peer = t.getpeercert()
print("peer", dict(x[0] for x in peer["subject"])["commonName"] if peer else None, flush=True)
"#,
        leaf = p.path("leaf.pem"),
        key = p.path("leaf.key"),
    ))
}

#[test]
fn python_ssl_server_sees_alpn_and_the_client_certificate() {
    let p = pki();
    let server = python_tls_server(&format!(
        "ctx.set_alpn_protocols(['h2', 'http/1.1'])\nctx.verify_mode = ssl.CERT_REQUIRED\nctx.load_verify_locations({:?})",
        p.path("ca.pem")
    ));
    let port = server.port().to_string();
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("ca.pem"),
        "--alpn",
        "h2,http/1.1",
        "--cert",
        &p.path("client.pem"),
        "--key",
        &p.path("client.key"),
        "localhost",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(json_lines(&r.stdout)[0]["alpn"], "h2");
    let said = server.finish(LIMIT);
    assert!(said.contains("version TLSv1.3"), "{said}");
    assert!(said.contains("alpn h2"), "{said}");
    assert!(said.contains("peer sockkit client"), "{said}");
}

#[test]
fn python_ssl_tls12_server() {
    let p = pki();
    let server = python_tls_server("ctx.maximum_version = ssl.TLSVersion.TLSv1_2");
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &server.port().to_string(),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(json_lines(&r.stdout)[0]["protocol"], "TLSv1.2");
    assert!(server.finish(LIMIT).contains("version TLSv1.2"));
}

#[test]
fn expires_within_fails_only_when_a_certificate_ends_sooner() {
    let p = pki();
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let port = server.port.to_string();
    let ca = p.path("ca.pem");
    let r = tls(&["--ca", &ca, "--expires-within", "30d", "localhost", &port]);
    assert_eq!(r.code, 0, "{r:?}");
    // The leaf ends in 2099: 80 years is sooner than that... and 30000 days is not.
    let r = tls(&[
        "--json",
        "--ca",
        &ca,
        "--expires-within",
        "30000d",
        "localhost",
        &port,
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(json_lines(&r.stdout)[0]["expiring"], serde_json::json!([0]));
}

#[test]
fn pem_prints_the_chain_the_server_sent() {
    let p = pki();
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let r = tls(&[
        "--pem",
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.starts_with("-----BEGIN CERTIFICATE-----\n"),
        "{}",
        r.stdout
    );
    let got = scratch_file("got.pem", &r.stdout);
    let fp = |f: &str| openssl_x509(f, &["-noout", "-fingerprint", "-sha256"]);
    assert_eq!(fp(&got), fp(&p.path("leaf.pem")));
}

#[test]
fn several_targets_are_probed_and_reported_in_order() {
    let p = pki();
    let a = s_server("leaf.pem", "leaf.key", &[]);
    let b = s_server("expired.pem", "ec.key", &[]);
    let closed = tls_support::free_port();
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &a.port.to_string(),
        &format!("127.0.0.1:{closed}"),
        "localhost",
        &b.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let recs = json_lines(&r.stdout);
    assert_eq!(recs.len(), 3, "{}", r.stdout);
    assert_eq!(recs[0]["verification"], "verified");
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("connection refused"),
        "{}",
        recs[1]
    );
    assert_eq!(recs[2]["verification"], "failed");
}

#[test]
fn a_server_that_is_not_tls_is_exit_1_with_what_it_said() {
    let server = Peer::start(
        r#"
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
c.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
c.recv(4096)
"#,
    );
    let r = tls(&["--insecure", "127.0.0.1", &server.port().to_string()]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr
            .contains(r#"not TLS: the peer sent "SSH-2.0-OpenSSH_9.2\r\n""#),
        "{}",
        r.stderr
    );
}

#[test]
fn a_silent_server_times_out_at_w() {
    let server = Peer::start(
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
    let r = tls(&[
        "-w",
        "1s",
        "--insecure",
        "127.0.0.1",
        &server.port().to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn bad_input_is_exit_2_naming_it() {
    let p = pki();
    let garbage = scratch_file(
        "garbage.pem",
        "-----BEGIN CERTIFICATE-----\nnot base64 !!\n-----END CERTIFICATE-----\n",
    );
    let empty = scratch_file("empty.pem", "nothing here\n");
    let (leaf, ec_key) = (p.path("leaf.pem"), p.path("ec.key"));
    rejects(
        &["tls", "--ca", "/nonexistent/ca.pem", "localhost"],
        "/nonexistent/ca.pem",
    );
    rejects(&["tls", "--ca", &garbage, "localhost"], "garbage.pem");
    rejects(&["tls", "--ca", &empty, "localhost"], "empty.pem");
    rejects(
        &["tls", "--cert", &leaf, "--key", &ec_key, "localhost"],
        "does not match",
    );
    rejects(
        &[
            "tls",
            "--cert",
            &leaf,
            "--key",
            "/nonexistent.key",
            "localhost",
        ],
        "/nonexistent.key",
    );
    rejects(
        &["tls", "--cert", &leaf, "--key", &empty, "localhost"],
        "--key",
    );
    rejects(&["tls", "--cert", &leaf, "localhost"], "--key");
    rejects(
        &["tls", "--ca", "/dev/zero", "localhost"],
        "larger than 16 MiB",
    );
    rejects(&["tls", "--ca", "/", "localhost"], "is a directory");
    let encrypted = p.path("encrypted.key");
    let made = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-aes256", "-pass", "pass:secret", "-out", &encrypted])
        .stdin(std::process::Stdio::null())
        .status()
        .expect("openssl genpkey");
    assert!(made.success());
    rejects(
        &["tls", "--cert", &leaf, "--key", &encrypted, "localhost"],
        "encrypted key",
    );
    rejects(&["tls", "--pin", "sha256:abcd", "localhost"], "--pin");
    rejects(&["tls", "--pin", "md5:abcd", "localhost"], "--pin");
    rejects(&["tls", "--alpn", "h2,,http/1.1", "localhost"], "--alpn");
    rejects(&["tls", "--alpn", "", "localhost"], "--alpn");
    rejects(&["tls", "--tls-min", "1.1", "localhost"], "1.1");
    rejects(&["tls", "--starttls", "gopher", "localhost"], "gopher");
    rejects(
        &["tls", "--expires-within", "soon", "localhost"],
        "--expires-within",
    );
    rejects(
        &["tls", "--proxy", "ftp://127.0.0.1:21", "localhost"],
        "--proxy",
    );
    rejects(&["tls", "localhost", "70000"], "70000");
    rejects(&["tls", "443"], "443");
}

#[test]
fn an_ipv6_literal_target_with_sni() {
    if !common::has_ipv6() {
        return;
    }
    let p = pki();
    let port = std::net::TcpListener::bind("[::1]:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on ::1");
    let child = std::process::Command::new("openssl")
        .args(["s_server", "-accept", &format!("[::1]:{port}"), "-quiet"])
        .args(["-cert", &p.path("leaf.pem"), "-key", &p.path("leaf.key")])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("openssl s_server");
    let server = tls_support::Server { child, port };
    let started = Instant::now();
    while std::net::TcpStream::connect(("::1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "s_server on ::1"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let target = format!("[::1]:{}", server.port);
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("ca.pem"),
        "--sni",
        "localhost",
        &target,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["target"], target);
    assert_eq!(rec["address"], target);
    assert_eq!(rec["server_name"], "localhost");
    // Without --sni the address itself is verified, and the certificate does not hold it.
    let r = tls(&["--ca", &p.path("ca.pem"), &target]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("name mismatch: asked for ::1"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_closed_stdout_never_changes_the_verdict() {
    let p = pki();
    let server = s_server("expired.pem", "ec.key", &[]);
    let mut child = common::sockkit(&[
        "tls",
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &server.port.to_string(),
    ])
    .stdout(std::process::Stdio::piped())
    .stderr(std::process::Stdio::piped())
    .spawn()
    .expect("start sockkit");
    drop(child.stdout.take());
    let out = common::wait_bounded(child, LIMIT, "sockkit tls");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

/// A server that starts no handshake until three clients are connected: sockkit must
/// have all three targets open at once (a one-at-a-time prober would time out at -w).
#[test]
fn targets_are_probed_concurrently() {
    let p = pki();
    let server = Peer::start(&format!(
        r#"
import socket, ssl, threading
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain({:?}, {:?})
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
conns = [s.accept()[0] for _ in range(3)]
def serve(c):
    c.settimeout(10)
    try:
        ctx.wrap_socket(c, server_side=True).recv(1)
    except Exception:
        pass
ts = [threading.Thread(target=serve, args=(c,)) for c in conns]
[t.start() for t in ts]
[t.join() for t in ts]
print("served 3", flush=True)
"#,
        p.path("leaf.pem"),
        p.path("leaf.key")
    ));
    let port = server.port().to_string();
    let r = tls(&[
        "--json",
        "-w",
        "5s",
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &port,
        "localhost",
        &port,
        "localhost",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = json_lines(&r.stdout);
    assert_eq!(recs.len(), 3);
    assert!(
        recs.iter().all(|r| r["verification"] == "verified"),
        "{}",
        r.stdout
    );
    assert!(server.finish(LIMIT).contains("served 3"));
}

#[test]
fn an_intermediate_is_reported_as_sent_and_chains_to_the_root() {
    let p = pki();
    let server = s_server(
        "chained.pem",
        "ec.key",
        &["-cert_chain", &p.path("inter.pem")],
    );
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("ca.pem"),
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    let chain = rec["chain"].as_array().unwrap();
    assert_eq!(chain.len(), 2, "{rec}");
    assert_eq!(chain[0]["subject"], "CN=chained.localhost, O=sockkit tests");
    assert_eq!(chain[0]["issuer"], "CN=sockkit intermediate CA");
    assert_eq!(chain[1]["subject"], "CN=sockkit intermediate CA");
    assert_eq!(chain[1]["issuer"], "CN=sockkit test CA, O=sockkit tests");
    assert_eq!(chain[0]["key_type"], "EC P-256");
    assert_eq!(chain[0]["key_bits"], 256);
    let fp = openssl_x509(&p.path("inter.pem"), &["-noout", "-fingerprint", "-sha256"]);
    assert_eq!(chain[1]["sha256"], fp.trim().split('=').nth(1).unwrap());
    // Against another CA the issuer named is the top of the chain as sent.
    let r = tls(&[
        "--json",
        "--ca",
        &p.path("other-ca.pem"),
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        json_lines(&r.stdout)[0]["verify_error"],
        "unknown issuer CN=sockkit test CA, O=sockkit tests"
    );
}

/// What `openssl s_client` says it negotiated with the same server: `(TLSv1.3, cipher)`.
fn s_client_says(port: u16, version_flag: &str) -> (String, String) {
    let out = std::process::Command::new("openssl")
        .args([
            "s_client",
            "-connect",
            &format!("127.0.0.1:{port}"),
            version_flag,
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("openssl s_client");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains(", Cipher is "))
        .unwrap_or_else(|| panic!("s_client said no cipher: {text}"));
    // `New, TLSv1.3, Cipher is TLS_CHACHA20_POLY1305_SHA256`
    let (head, cipher) = line.split_once(", Cipher is ").unwrap();
    let version = head.rsplit(", ").next().unwrap().to_string();
    (version, cipher.trim().to_string())
}

#[test]
fn protocol_and_cipher_agree_with_openssl_s_client() {
    let p = pki();
    let ca = p.path("ca.pem");
    // TLS 1.3: OpenSSL names suites by their IANA names, as sockkit does.
    let server = s_server(
        "leaf.pem",
        "leaf.key",
        &["-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"],
    );
    let (version, cipher) = s_client_says(server.port, "-tls1_3");
    let r = tls(&["--json", "--ca", &ca, "localhost", &server.port.to_string()]);
    assert_eq!(r.code, 0, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["protocol"], version);
    assert_eq!(rec["cipher"], cipher);

    // TLS 1.2: OpenSSL's own name for the IANA suite sockkit reports.
    let server = s_server(
        "leaf.pem",
        "leaf.key",
        &["-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"],
    );
    let (version, cipher) = s_client_says(server.port, "-tls1_2");
    assert_eq!(cipher, "ECDHE-RSA-CHACHA20-POLY1305");
    let r = tls(&["--json", "--ca", &ca, "localhost", &server.port.to_string()]);
    assert_eq!(r.code, 0, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["protocol"], version);
    assert_eq!(rec["cipher"], "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
}
