//! `sockkit ping`: real listeners on loopback (Python), a closed port, and a listener
//! whose full accept queue makes the kernel drop SYNs (the client resends after 1 s).

mod common;
mod tls_support;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use tls_support::{pki, s_server, tinyproxy};

/// A Python listener on `host` that accepts every connection, closes it and prints
/// `accepted` for each. First line: its port.
fn accepting(host: &str) -> Peer {
    let fam = if host.contains(':') {
        "AF_INET6"
    } else {
        "AF_INET"
    };
    Peer::start(&format!(
        r#"
import socket, time
s = socket.socket(socket.{fam}, socket.SOCK_STREAM)
s.bind(("{host}", 0))
s.listen(128)
print(s.getsockname()[1], flush=True)
s.settimeout(0.2)
end = time.time() + 60
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    c.close()
    print("accepted", flush=True)
"#
    ))
}

/// Read `n` lines of the peer's stdout (bounded by the peer's own lifetime).
fn peer_lines(peer: &mut Peer, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let mut l = String::new();
            peer.stdout.read_line(&mut l).expect("peer line");
            l.trim().to_string()
        })
        .collect()
}

/// A port bound on 127.0.0.1 but not listening (held by Python for the test): refused.
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

fn probes_and_summary(stdout: &str) -> (Vec<Value>, Value) {
    let mut recs = json_lines(stdout);
    let summary = recs.pop().expect("a summary record");
    (recs, summary)
}

#[test]
fn a_listener_answers_every_probe() {
    let mut peer = accepting("127.0.0.1");
    let port = peer.port().to_string();
    let r = run(&[
        "ping",
        "--json",
        "-c",
        "3",
        "-i",
        "50ms",
        "127.0.0.1",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    // The listener really saw three handshakes.
    assert_eq!(peer_lines(&mut peer, 3), ["accepted"; 3]);
    let (probes, summary) = probes_and_summary(&r.stdout);
    assert_eq!(probes.len(), 3, "{}", r.stdout);
    let peer_addr = format!("127.0.0.1:{port}");
    let mut rtts = Vec::new();
    for (i, p) in probes.iter().enumerate() {
        assert_eq!(p["seq"], i as u64 + 1, "{p}");
        assert_eq!(p["peer"], peer_addr.as_str(), "{p}");
        assert_eq!(p["state"], "open", "{p}");
        let ms = p["rtt_ms"].as_f64().expect("rtt_ms");
        assert!(ms > 0.0 && ms < 1000.0, "{p}");
        rtts.push(ms);
    }
    assert_eq!(summary["probes"], 3);
    assert_eq!(summary["answered"], 3);
    assert_eq!(summary["loss_pct"], 0.0);
    let min = rtts.iter().cloned().fold(f64::MAX, f64::min);
    let max = rtts.iter().cloned().fold(0.0, f64::max);
    let avg = rtts.iter().sum::<f64>() / 3.0;
    let close = |a: &Value, b: f64| (a.as_f64().unwrap() - b).abs() < 0.002;
    assert!(close(&summary["rtt_min_ms"], min), "{summary} vs {min}");
    assert!(close(&summary["rtt_max_ms"], max), "{summary} vs {max}");
    assert!(close(&summary["rtt_avg_ms"], avg), "{summary} vs {avg}");
    let var = rtts.iter().map(|x| x * x).sum::<f64>() / 3.0 - avg * avg;
    assert!(
        close(&summary["rtt_mdev_ms"], var.max(0.0).sqrt()),
        "{summary}"
    );
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn plain_lines_and_summary_as_ping_prints_them() {
    let peer = accepting("127.0.0.1");
    let port = peer.port().to_string();
    let r = run(&["ping", "-c", "2", "-i", "0", &format!("127.0.0.1:{port}")]);
    assert_eq!(r.code, 0, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    for (i, line) in lines[..2].iter().enumerate() {
        let prefix = format!("connected to 127.0.0.1:{port}: seq={} time=", i + 1);
        let rest = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{line}"));
        let ms = rest.strip_suffix(" ms").expect("ms");
        let ms: f64 = ms.parse().expect("a number");
        assert!(ms > 0.0 && ms < 1000.0, "{line}");
    }
    assert_eq!(
        lines[2],
        format!("--- 127.0.0.1:{port} ping statistics ---")
    );
    let (counts, rtt) = lines[3]
        .split_once(", rtt min/avg/max/mdev = ")
        .expect(lines[3]);
    assert_eq!(counts, "2 probes, 2 answered, 0% loss");
    let figures: Vec<f64> = rtt
        .strip_suffix(" ms")
        .unwrap()
        .split('/')
        .map(|f| f.parse().unwrap())
        .collect();
    assert_eq!(figures.len(), 4, "{rtt}");
    assert!(
        figures[0] <= figures[1] && figures[1] <= figures[2],
        "{rtt}"
    );
}

#[test]
fn a_closed_port_is_refused_and_exits_1() {
    let peer = closed_port();
    let port = peer.port().to_string();
    let r = run(&["ping", "-c", "2", "-i", "0", "127.0.0.1", &port]);
    assert_eq!(r.code, 1, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    for (i, line) in lines[..2].iter().enumerate() {
        let prefix = format!("refused by 127.0.0.1:{port}: seq={} time=", i + 1);
        assert!(line.starts_with(&prefix), "{line}");
    }
    assert_eq!(lines[3], "2 probes, 0 answered, 100% loss");
    assert_eq!(
        r.stderr.trim(),
        format!("sockkit: 127.0.0.1:{port}: no probe answered (2 refused)")
    );

    let j = run(&["ping", "--json", "-c", "1", "127.0.0.1", &port]);
    assert_eq!(j.code, 1, "{j:?}");
    let (probes, summary) = probes_and_summary(&j.stdout);
    assert_eq!(probes[0]["state"], "closed");
    assert!(probes[0]["rtt_ms"].as_f64().is_some(), "{}", probes[0]);
    assert_eq!(summary["answered"], 0);
    assert_eq!(summary["loss_pct"], 100.0);
    assert!(summary["rtt_avg_ms"].is_null(), "{summary}");
}

/// A full accept queue: the kernel drops the SYN, nothing answers, each probe times out.
#[test]
fn dropped_syns_time_out() {
    let peer = unanswering_listener("127.0.0.1");
    let port = peer.port().to_string();
    let r = run(&[
        "-w",
        "300ms",
        "ping",
        "--json",
        "-c",
        "2",
        "-i",
        "0",
        "127.0.0.1",
        &port,
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let (probes, summary) = probes_and_summary(&r.stdout);
    assert_eq!(probes.len(), 2);
    for p in &probes {
        assert_eq!(p["state"], "timeout", "{p}");
        assert!(p["rtt_ms"].is_null(), "{p}");
    }
    assert_eq!(summary["answered"], 0);
    assert!(
        r.stderr.contains("no probe answered (2 timeout)"),
        "{}",
        r.stderr
    );

    let plain = run(&["-w", "200ms", "ping", "-c", "1", "127.0.0.1", &port]);
    assert_eq!(
        plain.stdout.lines().next().unwrap(),
        format!("timeout connecting to 127.0.0.1:{port}: seq=1 after 200ms")
    );
}

/// The added delay is the kernel's SYN retransmission: the listener's queue is full when
/// the first SYN comes (dropped), drained 0.3 s later, and the SYN sent again after the
/// initial retransmission timeout of 1 s is answered. The rtt must say 1 s, not more.
#[test]
fn a_retransmitted_syn_shows_as_a_one_second_rtt() {
    let peer = Peer::start(
        r#"
import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(3):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("127.0.0.1", port))
    fill.append(c)
time.sleep(0.2)
print(port, flush=True)
time.sleep(0.3)
s.settimeout(0.05)
kept = []
end = time.time() + 20
while time.time() < end:
    try:
        kept.append(s.accept()[0])
    except socket.timeout:
        pass
"#,
    );
    let port = peer.port().to_string();
    let r = run(&["-w", "3s", "ping", "--json", "-c", "1", "127.0.0.1", &port]);
    assert_eq!(r.code, 0, "{r:?}");
    let (probes, summary) = probes_and_summary(&r.stdout);
    assert_eq!(probes[0]["state"], "open", "{r:?}");
    let ms = probes[0]["rtt_ms"].as_f64().unwrap();
    assert!((995.0..1100.0).contains(&ms), "rtt {ms} ms, expected ~1000");
    assert_eq!(summary["rtt_max_ms"].as_f64().unwrap(), ms);
}

/// Run ping without --count, read `n` probe lines, send `signal`, and return what it
/// printed after that and its exit code.
fn interrupt_after(args: &[&str], n: usize, signal: i32) -> (Vec<String>, String, i32) {
    let mut child = sockkit(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = Vec::new();
    for _ in 0..n {
        let mut l = String::new();
        out.read_line(&mut l).expect("a probe line");
        first.push(l.trim_end().to_string());
    }
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, signal) };
    let mut rest = String::new();
    let start = Instant::now();
    loop {
        let mut l = String::new();
        if out.read_line(&mut l).unwrap_or(0) == 0 {
            break;
        }
        rest.push_str(&l);
        assert!(start.elapsed() < Duration::from_secs(10), "no end: {rest}");
    }
    let out = wait_bounded(child, Duration::from_secs(10), "ping");
    (first, rest, shell_status(out.status))
}

#[test]
fn sigint_prints_the_summary_then_the_exit_rule() {
    let peer = accepting("127.0.0.1");
    let port = peer.port().to_string();
    let (first, rest, code) = interrupt_after(
        &["ping", "-i", "100ms", "127.0.0.1", &port],
        2,
        libc::SIGINT,
    );
    assert!(
        first.iter().all(|l| l.starts_with("connected to ")),
        "{first:?}"
    );
    assert_eq!(code, 0, "answered probes: exit 0 after SIGINT; {rest}");
    let summary: Vec<&str> = rest.lines().rev().take(2).collect();
    assert!(summary[0].contains(" answered, 0% loss"), "{rest}");
    assert_eq!(
        summary[1],
        format!("--- 127.0.0.1:{port} ping statistics ---")
    );

    let closed = closed_port();
    let port = closed.port().to_string();
    let (_, rest, code) = interrupt_after(
        &["ping", "-i", "100ms", "127.0.0.1", &port],
        1,
        libc::SIGINT,
    );
    assert_eq!(code, 1, "nothing answered: exit 1 after SIGINT; {rest}");
    assert!(rest.contains(" 0 answered, 100% loss"), "{rest}");
}

#[test]
fn sigterm_prints_the_summary_and_exits_143() {
    let peer = accepting("127.0.0.1");
    let port = peer.port().to_string();
    let (_, rest, code) = interrupt_after(
        &["ping", "--json", "-i", "100ms", "127.0.0.1", &port],
        1,
        libc::SIGTERM,
    );
    assert_eq!(code, 143, "{rest}");
    let last: Value = serde_json::from_str(rest.lines().last().expect("summary")).unwrap();
    assert!(last["probes"].as_u64().unwrap() >= 1, "{last}");
}

#[test]
fn bad_input_exits_2() {
    for (args, named) in [
        (&["ping", "127.0.0.1"][..], "missing PORT"),
        (&["ping", "127.0.0.1", "70000"], "70000"),
        (&["ping", "1.2.3.999", "80"], "1.2.3.999"),
        (&["ping", "--count", "0", "127.0.0.1", "80"], "--count 0"),
        (&["ping", "-i", "soon", "127.0.0.1", "80"], "--interval"),
        (&["-w", "0", "ping", "127.0.0.1", "80"], "--timeout 0"),
        (&["ping", "127.0.0.1:80", "81"], "'81'"),
        (
            &["-O", "SO_BROADCAST=1", "ping", "127.0.0.1", "80"],
            "SO_BROADCAST",
        ),
        (&["-4", "ping", "::1", "80"], "::1"),
    ] {
        rejects(args, named);
    }
}

#[test]
fn unknown_host_exits_1() {
    let r = run(&["ping", "-c", "1", "nosuch.invalid", "80"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.starts_with("sockkit: nosuch.invalid: "),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn vv_traces_each_probe_and_sockopts_reach_it() {
    let peer = accepting("127.0.0.1");
    let port = peer.port().to_string();
    let r = run(&[
        "-vv",
        "-O",
        "TCP_NODELAY=1",
        "ping",
        "-c",
        "2",
        "-i",
        "0",
        "127.0.0.1",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let err = &r.stderr;
    let count = |needle: &str| err.lines().filter(|l| l.contains(needle)).count();
    assert_eq!(count("socket(AF_INET, SOCK_STREAM"), 2, "{err}");
    assert_eq!(count("TCP_NODELAY"), 2, "{err}");
    assert_eq!(
        count(&format!("connect(3, 127.0.0.1:{port}) = 0")),
        2,
        "{err}"
    );
    assert_eq!(count("close(3) = 0"), 2, "{err}");
    assert!(err.contains("pinging 127.0.0.1:"), "{err}");
}

#[test]
fn ipv6_loopback() {
    if !has_ipv6() {
        return;
    }
    let peer = accepting("::1");
    let port = peer.port().to_string();
    let r = run(&["ping", "--json", "-c", "1", &format!("[::1]:{port}")]);
    assert_eq!(r.code, 0, "{r:?}");
    let (probes, _) = probes_and_summary(&r.stdout);
    assert_eq!(probes[0]["peer"], format!("[::1]:{port}"));
    assert_eq!(probes[0]["state"], "open");
}

/// `--tls`: a probe is answered when the handshake completes and the certificate
/// verifies; the time is the connect plus the handshake, each shown.
#[test]
fn tls_probes_time_the_handshake() {
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let port = server.port.to_string();
    let ca = pki().path("ca.pem");
    let r = run(&[
        "ping",
        "--json",
        "--tls",
        "--ca",
        &ca,
        "-c",
        "2",
        "-i",
        "0",
        "localhost",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let (probes, summary) = probes_and_summary(&r.stdout);
    assert_eq!(probes.len(), 2);
    for p in &probes {
        assert_eq!(p["state"], "open", "{p}");
        let (rtt, connect, tls) = (
            p["rtt_ms"].as_f64().unwrap(),
            p["connect_ms"].as_f64().unwrap(),
            p["tls_ms"].as_f64().unwrap(),
        );
        assert!(tls > 0.0 && connect > 0.0, "{p}");
        assert!((connect + tls - rtt).abs() < 0.01, "{p}");
        assert!(p["protocol"].as_str().unwrap().starts_with("TLSv1."), "{p}");
    }
    assert_eq!(summary["answered"], 2);

    let plain = run(&["ping", "--tls", "--ca", &ca, "-c", "1", "127.0.0.1", &port]);
    assert_eq!(plain.code, 0, "{plain:?}");
    let line = plain.stdout.lines().next().unwrap();
    assert!(
        line.starts_with(&format!("connected to 127.0.0.1:{port}: seq=1 time=")),
        "{line}"
    );
    assert!(
        line.contains("(connect ") && line.contains(", TLSv1."),
        "{line}"
    );
}

/// A certificate that does not verify is a lost probe with the reason; a server that
/// does not speak TLS too.
#[test]
fn tls_probes_that_fail_verification_are_lost() {
    let ca = pki().path("ca.pem");
    let wrong = s_server("wrong-name.pem", "ec.key", &[]);
    let r = run(&[
        "ping",
        "--json",
        "--tls",
        "--ca",
        &ca,
        "-c",
        "1",
        "localhost",
        &wrong.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let (probes, _) = probes_and_summary(&r.stdout);
    assert_eq!(probes[0]["state"], "closed");
    let why = probes[0]["reason"].as_str().unwrap();
    assert!(
        why.contains("certificate verification failed: name mismatch"),
        "{why}"
    );
    // The system's roots do not know the test CA.
    let good = s_server("leaf.pem", "leaf.key", &[]);
    let r = run(&[
        "ping",
        "--tls",
        "-c",
        "1",
        "localhost",
        &good.port.to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("unknown issuer"), "{}", r.stdout);
    // A plain TCP listener: connected, but no TLS.
    let plain = accepting("127.0.0.1");
    let r = run(&[
        "ping",
        "--tls",
        "--ca",
        &ca,
        "-c",
        "1",
        "127.0.0.1",
        &plain.port().to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("TLS: "), "{}", r.stdout);
}

/// `--proxy`: every probe's connection goes to the proxy, which connects to the target;
/// with --tls the handshake runs through the tunnel.
#[test]
fn probes_through_a_proxy() {
    let proxy = tinyproxy(None);
    let url = format!("http://127.0.0.1:{}", proxy.port);
    let mut peer = accepting("127.0.0.1");
    let port = peer.port().to_string();
    let r = run(&[
        "-vv",
        "ping",
        "--json",
        "--proxy",
        &url,
        "-c",
        "2",
        "-i",
        "0",
        "127.0.0.1",
        &port,
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(peer_lines(&mut peer, 2), ["accepted"; 2]);
    let (probes, _) = probes_and_summary(&r.stdout);
    assert!(probes.iter().all(|p| p["state"] == "open"), "{}", r.stdout);
    // The connections were the proxy's: sockkit itself connected only to the proxy.
    let connects: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("connect("))
        .collect();
    assert_eq!(connects.len(), 2, "{}", r.stderr);
    assert!(
        connects
            .iter()
            .all(|l| l.contains(&format!("127.0.0.1:{}) = 0", proxy.port))),
        "{connects:?}"
    );

    // A refused target: the proxy's answer is the reason.
    let closed = closed_port();
    let r = run(&[
        "ping",
        "--json",
        "--proxy",
        &url,
        "-c",
        "1",
        "127.0.0.1",
        &closed.port().to_string(),
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    let (probes, _) = probes_and_summary(&r.stdout);
    assert_eq!(probes[0]["state"], "closed");
    assert!(
        probes[0]["reason"].as_str().unwrap().contains(&url),
        "{}",
        r.stdout
    );

    // TLS through the tunnel.
    let server = s_server("leaf.pem", "leaf.key", &[]);
    let ca = pki().path("ca.pem");
    let r = run(&[
        "ping",
        "--json",
        "--tls",
        "--ca",
        &ca,
        "--proxy",
        &url,
        "-c",
        "1",
        "localhost",
        &server.port.to_string(),
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let (probes, _) = probes_and_summary(&r.stdout);
    assert_eq!(probes[0]["peer"], format!("localhost:{}", server.port));
    assert!(probes[0]["tls_ms"].as_f64().is_some(), "{}", r.stdout);
}

#[test]
fn tls_and_proxy_bad_input_exits_2() {
    for (args, named) in [
        (
            &["ping", "--ca", "/etc/hostname", "127.0.0.1", "443"][..],
            "--ca",
        ),
        (&["ping", "--insecure", "127.0.0.1", "443"], "--insecure"),
        (
            &["ping", "--tls", "--pin", "sha256:zz", "127.0.0.1", "443"],
            "zz",
        ),
        (
            &["ping", "--proxy", "ftp://127.0.0.1:21", "127.0.0.1", "443"],
            "ftp",
        ),
    ] {
        rejects(args, named);
    }
}
