//! `sockkit connect -z`: real listeners on loopback, Python's connect_ex as the oracle.

mod common;

use std::time::Duration;

use common::*;
use serde_json::Value;

/// A Python peer holding `open` listening ports and `closed` ports that are bound but not
/// listening (so nothing else can take them while the test runs). First line:
/// `open=o1,o2 closed=c1,c2`.
struct Ports {
    _peer: Peer,
    open: Vec<u16>,
    closed: Vec<u16>,
}

fn ports(host: &str, open: usize, closed: usize) -> Ports {
    let fam = if host.contains(':') {
        "AF_INET6"
    } else {
        "AF_INET"
    };
    let peer = Peer::start(&format!(
        r#"
import socket, time
def sock():
    s = socket.socket(socket.{fam}, socket.SOCK_STREAM)
    s.bind(("{host}", 0))
    return s
opened = [sock() for _ in range({open})]
for s in opened:
    s.listen(16)
closed = [sock() for _ in range({closed})]
print("open=" + ",".join(str(s.getsockname()[1]) for s in opened), "closed=" + ",".join(str(s.getsockname()[1]) for s in closed), flush=True)
time.sleep(60)
"#
    ));
    let (o, c) = peer.first_line.split_once(' ').expect("two port lists");
    let (o, c) = (
        o.trim_start_matches("open="),
        c.trim_start_matches("closed="),
    );
    let list = |t: &str| -> Vec<u16> {
        t.split(',')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    };
    let (open, closed) = (list(o), list(c));
    Ports {
        _peer: peer,
        open,
        closed,
    }
}

/// What Python's connect_ex says of each port: "open" or "closed".
fn oracle(host: &str, ports: &[u16]) -> Vec<String> {
    let list: Vec<String> = ports.iter().map(|p| p.to_string()).collect();
    let fam = if host.contains(':') {
        "AF_INET6"
    } else {
        "AF_INET"
    };
    python(&format!(
        r#"
for p in [{}]:
    s = socket.socket(socket.{fam}, socket.SOCK_STREAM)
    s.settimeout(2)
    print("open" if s.connect_ex(("{host}", p)) == 0 else "closed")
    s.close()
"#,
        list.join(",")
    ))
    .lines()
    .map(str::to_string)
    .collect()
}

fn join(ports: &[u16]) -> String {
    ports
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// Python's getservbyport for TCP, or None.
fn service(port: u16) -> Option<String> {
    let out = python(&format!(
        "try:\n    print(socket.getservbyport({port}, 'tcp'))\nexcept OSError:\n    print('-')"
    ));
    let name = out.trim();
    (name != "-").then(|| name.to_string())
}

#[test]
fn open_and_closed_ports_in_list_order() {
    let p = ports("127.0.0.1", 3, 3);
    // Interleaved, so list order is not sorted order or open-first.
    let list: Vec<u16> = (0..3).flat_map(|i| [p.closed[i], p.open[i]]).collect();
    let expected = oracle("127.0.0.1", &list);
    assert_eq!(
        expected.iter().filter(|s| *s == "open").count(),
        3,
        "Python sees the three listeners"
    );
    let r = run(&["connect", "-z", "127.0.0.1", &join(&list)]);
    assert_eq!(r.code, 0, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), list.len(), "one line per port: {}", r.stdout);
    for ((line, port), state) in lines.iter().zip(&list).zip(&expected) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols[0], "127.0.0.1", "{line}");
        assert_eq!(cols[1], format!("{port}/tcp"), "{line}");
        assert_eq!(cols[2], state, "{line}");
        let latency: f64 = cols[3].parse().expect("latency number");
        assert!((0.0..1000.0).contains(&latency), "{line}");
        assert_eq!(cols[4], "ms", "{line}");
    }
    // Aligned: every state column starts at the same place.
    let at: Vec<usize> = lines
        .iter()
        .map(|l| l.find(" open").or_else(|| l.find(" closed")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] == w[1]), "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn json_records_field_by_field() {
    let p = ports("127.0.0.1", 2, 2);
    let list = [p.open[0], p.closed[0], p.open[1], p.closed[1]];
    let expected = oracle("127.0.0.1", &list);
    let r = run(&["connect", "-z", "--json", "127.0.0.1", &join(&list)]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = json_lines(&r.stdout);
    assert_eq!(recs.len(), 4);
    for ((rec, port), state) in recs.iter().zip(&list).zip(&expected) {
        assert_eq!(rec["host"], "127.0.0.1");
        assert_eq!(rec["port"], *port);
        assert_eq!(rec["state"], state.as_str());
        let ms = rec["latency_ms"].as_f64().expect("latency_ms is a number");
        assert!((0.0..1000.0).contains(&ms), "{rec}");
        match service(*port) {
            Some(name) => assert_eq!(rec["service"], name.as_str()),
            None => assert!(rec["service"].is_null(), "{rec}"),
        }
        assert!(rec.get("reason").is_none(), "{rec}");
    }
}

#[test]
fn service_names_in_the_list_and_in_the_output() {
    // `http` is port 80 in /etc/services; whatever listens there, Python must agree.
    let expected = oracle("127.0.0.1", &[80]);
    let r = run(&["connect", "-z", "--json", "127.0.0.1", "http"]);
    let recs = json_lines(&r.stdout);
    assert_eq!(recs.len(), 1, "{r:?}");
    assert_eq!(recs[0]["port"], 80);
    assert_eq!(recs[0]["service"], "http");
    assert_eq!(recs[0]["state"], expected[0].as_str());
    assert_eq!(r.code, if expected[0] == "open" { 0 } else { 1 });
}

#[test]
fn nothing_open_exits_1_with_a_reason() {
    let p = ports("127.0.0.1", 0, 3);
    let r = run(&["connect", "-z", "127.0.0.1", &join(&p.closed)]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout.lines().count(), 3);
    assert!(
        r.stdout.lines().all(|l| l.contains(" closed ")),
        "{}",
        r.stdout
    );
    let err: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(err, vec!["sockkit: 127.0.0.1: no open port (3 closed)"]);

    let one = run(&["connect", "-z", "127.0.0.1", &p.closed[0].to_string()]);
    assert_eq!(one.code, 1);
    assert_eq!(
        one.stderr.trim(),
        format!(
            "sockkit: 127.0.0.1 port {}: no open port (1 closed)",
            p.closed[0]
        )
    );
}

#[test]
fn bad_port_lists_exit_2_naming_the_value() {
    for (list, named) in [
        ("1-70000", "70000"),
        ("5-3", "5-3"),
        ("a,,b", "'a'"),
        ("1,,2", "1,,2"),
        ("70000", "70000"),
        ("", "''"),
        ("22,nosuchservice", "nosuchservice"),
        ("-", "-"),
    ] {
        let r = run(&["connect", "-z", "127.0.0.1", list]);
        assert_eq!(r.code, 2, "{list}: {r:?}");
        assert!(r.stdout.is_empty(), "{list}: {}", r.stdout);
        let err: Vec<&str> = r.stderr.lines().collect();
        assert!(!err.is_empty() && err.len() <= 2, "{list}: {}", r.stderr);
        if let Some(hint) = err.get(1) {
            assert!(hint.starts_with("  hint: "), "{list}: {hint}");
        }
        assert!(err[0].starts_with("sockkit: "), "{list}: {}", err[0]);
        assert!(err[0].contains(named), "{list}: {}", err[0]);
    }
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["connect", "-z", "127.0.0.1"][..],
        &["connect", "-z"],
        &["connect", "-z", "1.2.3.999", "22"],
        &["connect", "-z", "--concurrency", "0", "127.0.0.1", "22"],
        &["connect", "-z", "--send", "hi", "127.0.0.1", "22"],
        &["connect", "-z", "--unix", "/tmp/x", "127.0.0.1", "22"],
        &["connect", "-z", "-p", "4000", "127.0.0.1", "22"],
        &["-4", "connect", "-z", "::1", "22"],
        // A UDP-only option on the TCP sockets a scan creates.
        &["-O", "SO_BROADCAST=1", "connect", "-z", "127.0.0.1", "22"],
        &["connect", "-z", "-s", "::1", "127.0.0.1", "22"],
        // --open is a scan's filter; without -z there is nothing to filter.
        &["connect", "--open", "127.0.0.1", "22"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        let err: Vec<&str> = r.stderr.lines().collect();
        assert!(!err.is_empty() && err.len() <= 2, "{args:?}: {}", r.stderr);
        assert!(err[0].starts_with("sockkit: "), "{args:?}: {}", r.stderr);
        if let Some(hint) = err.get(1) {
            assert!(hint.starts_with("  hint: "), "{args:?}: {hint}");
        }
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn unknown_host_exits_1() {
    let r = run(&["connect", "-z", "nosuch.invalid", "22"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.starts_with("sockkit: nosuch.invalid: "),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1);
}

#[test]
fn ipv6_loopback() {
    if !has_ipv6() {
        return;
    }
    let p = ports("::1", 2, 2);
    let list = [p.closed[0], p.open[0], p.closed[1], p.open[1]];
    let expected = oracle("::1", &list);
    let r = run(&["connect", "-z", "--json", "::1", &join(&list)]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = json_lines(&r.stdout);
    let states: Vec<&str> = recs.iter().map(|r| r["state"].as_str().unwrap()).collect();
    assert_eq!(states, expected);
    assert!(recs.iter().all(|r| r["host"] == "::1"));
    // The one-word form, -6 and plain output.
    let r = run(&["-6", "connect", "-z", &format!("[::1]:{}", p.open[0])]);
    assert_eq!(r.code, 0, "{r:?}");
    let cols: Vec<&str> = r.stdout.split_whitespace().collect();
    assert_eq!(&cols[..3], &["::1", &format!("{}/tcp", p.open[0]), "open"]);
}

#[test]
fn one_word_host_colon_ports() {
    let p = ports("127.0.0.1", 1, 1);
    let word = format!("127.0.0.1:{},{}", p.open[0], p.closed[0]);
    let r = run(&["connect", "-z", "--json", &word]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = json_lines(&r.stdout);
    assert_eq!(recs[0]["state"], "open");
    assert_eq!(recs[1]["state"], "closed");
}

/// A listener with backlog 0 whose accept queue is kept full: Linux drops further SYNs,
/// so the probe never gets an answer and times out, all on loopback.
#[test]
fn a_full_backlog_times_out() {
    let peer = unanswering_listener("127.0.0.1");
    let port = peer.port().to_string();
    let r = run(&["-w", "300ms", "connect", "-z", "--json", "127.0.0.1", &port]);
    assert_eq!(r.code, 1, "{r:?}");
    let recs = json_lines(&r.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["state"], "timeout", "{r:?}");
    let ms = recs[0]["latency_ms"].as_f64().unwrap();
    assert!(ms >= 299.0, "waited the whole timeout: {ms}");
    assert!(r.stderr.contains("1 timeout"), "{}", r.stderr);
}

/// The same full listener, drained after half a second: the probe's SYN is dropped, the
/// kernel retransmits it, and the answer arrives while the probe waits in poll(2).
#[test]
fn a_late_answer_is_open_with_its_real_latency() {
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
time.sleep(0.5)
s.settimeout(0.1)
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
    let r = run(&["-w", "10s", "connect", "-z", "--json", "127.0.0.1", &port]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = json_lines(&r.stdout);
    assert_eq!(recs[0]["state"], "open", "{r:?}");
    let ms = recs[0]["latency_ms"].as_f64().unwrap();
    assert!(
        ms >= 500.0,
        "answered only after the listener drained: {ms}"
    );
}

/// Every port gets its line whatever the length of the list (the contract: one line per
/// port); `--open` keeps only the open ones, in plain output and in JSON.
#[test]
fn long_lists_show_every_port_and_open_shows_only_open_ones() {
    // Its own loopback address: the other tests here listen on 127.0.0.1, and one of
    // their ports may fall inside this window of 200.
    let p = ports("127.0.0.3", 1, 0);
    let open = p.open[0];
    let lo = open.saturating_sub(100).max(1);
    let hi = lo + 199;
    let range = format!("{lo}-{hi}");
    let want: Vec<String> = (lo..=hi).map(|p| format!("{p}/tcp")).collect();

    let r = run(&["connect", "-z", "127.0.0.3", &range]);
    assert_eq!(r.code, 0, "{r:?}");
    let shown: Vec<String> = r
        .stdout
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap().to_string())
        .collect();
    assert_eq!(shown, want, "every port, in order");
    for line in r.stdout.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let state = if cols[1] == format!("{open}/tcp") {
            "open"
        } else {
            "closed"
        };
        assert_eq!(cols[2], state, "{line}");
    }
    assert!(r.stderr.is_empty(), "{}", r.stderr);

    let v = run(&["-v", "connect", "-z", "127.0.0.3", &range]);
    assert_eq!(v.code, 0);
    let cols = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(cols(&v.stdout), cols(&r.stdout), "-v prints the same ports");
    assert!(
        v.stderr.contains("scanning 127.0.0.3: 200 ports"),
        "{}",
        v.stderr
    );
    assert!(v.stderr.contains(": 1 open, 199 closed"), "{}", v.stderr);

    let o = run(&["connect", "-z", "--open", "127.0.0.3", &range]);
    assert_eq!(o.code, 0, "{o:?}");
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", o.stdout);
    let cols: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(&cols[..3], &["127.0.0.3", &format!("{open}/tcp"), "open"]);

    let j = run(&["connect", "-z", "--json", "127.0.0.3", &range]);
    let recs = json_lines(&j.stdout);
    let ports: Vec<u64> = recs.iter().map(|r| r["port"].as_u64().unwrap()).collect();
    assert_eq!(ports, (lo as u64..=hi as u64).collect::<Vec<_>>());
    let mine = recs.iter().find(|r| r["port"] == open).unwrap();
    assert_eq!(mine["state"], "open");

    let jo = run(&["connect", "-z", "--json", "--open", "127.0.0.3", &range]);
    assert_eq!(jo.code, 0, "{jo:?}");
    let recs = json_lines(&jo.stdout);
    assert_eq!(recs.len(), 1, "{}", jo.stdout);
    assert_eq!(recs[0]["port"], open);
    assert_eq!(recs[0]["state"], "open");
}

/// `--open` when nothing is open: no output, and the failure still says why.
#[test]
fn open_only_with_nothing_open_exits_1() {
    let p = ports("127.0.0.1", 0, 2);
    let r = run(&["connect", "-z", "--open", "127.0.0.1", &join(&p.closed)]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(
        r.stderr.trim(),
        "sockkit: 127.0.0.1: no open port (2 closed)"
    );
}

/// A port whose connect fails otherwise than refused or timed out is closed, with the
/// kernel's reason; when every port fails alike, the scan itself failed: exit 1 with that
/// reason. The limited broadcast address is refused by the local stack (TCP never connects
/// to a broadcast route: ENETUNREACH), so no packet leaves the host.
#[test]
fn unreachable_ports_are_closed_with_the_reason() {
    let r = run(&["connect", "-z", "255.255.255.255", "1,2,3"]);
    assert_eq!(r.code, 1, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "one line per port: {}", r.stdout);
    for (line, port) in lines.iter().zip(1..) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols[1], format!("{port}/tcp"), "{line}");
        assert_eq!(cols[2], "closed", "{line}");
        assert!(line.ends_with("  (network is unreachable)"), "{line}");
    }
    assert_eq!(
        r.stderr.trim(),
        "sockkit: 255.255.255.255: network is unreachable"
    );

    let j = run(&["connect", "-z", "--json", "255.255.255.255", "1,2"]);
    assert_eq!(j.code, 1, "{j:?}");
    let recs = json_lines(&j.stdout);
    assert_eq!(recs.len(), 2);
    for rec in &recs {
        assert_eq!(rec["state"], "closed", "{rec}");
        assert_eq!(rec["reason"], "network is unreachable", "{rec}");
    }
    // Under --json the error is JSON too (SPEC), with the same what and why.
    let err = json_lines(&j.stderr);
    assert_eq!(err.len(), 1, "{}", j.stderr);
    assert_eq!(
        err[0],
        serde_json::json!({"event": "error", "what": "255.255.255.255",
            "why": "network is unreachable", "hint": null, "exit": 1})
    );
}

#[test]
fn concurrency_one_gives_the_same_answers() {
    let p = ports("127.0.0.1", 2, 2);
    let list = [p.open[0], p.closed[0], p.closed[1], p.open[1]];
    let states = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["connect", "-z", "--json"];
        args.extend_from_slice(extra);
        let l = join(&list);
        args.extend_from_slice(&["127.0.0.1", &l]);
        let r = run(&args);
        json_lines(&r.stdout)
            .iter()
            .map(|r| r["state"].as_str().unwrap().to_string())
            .collect()
    };
    let expected = oracle("127.0.0.1", &list);
    assert_eq!(states(&["--concurrency", "1"]), expected);
    assert_eq!(states(&["--concurrency", "3"]), expected);
}

#[test]
fn sockopts_reach_each_probe_and_vv_traces_the_calls() {
    let p = ports("127.0.0.1", 1, 1);
    let list = join(&[p.open[0], p.closed[0]]);
    let r = run_with(
        &[
            "-vv",
            "-O",
            "SO_RCVBUF=64K",
            "connect",
            "-z",
            "127.0.0.1",
            &list,
        ],
        b"",
        Duration::from_secs(20),
    );
    assert_eq!(r.code, 0, "{r:?}");
    let err = &r.stderr;
    let count = |needle: &str| err.lines().filter(|l| l.contains(needle)).count();
    assert_eq!(count("socket(AF_INET, SOCK_STREAM"), 2, "{err}");
    assert_eq!(count("setsockopt("), 2, "{err}");
    assert_eq!(count("SO_RCVBUF"), 2, "{err}");
    for port in [p.open[0], p.closed[0]] {
        assert!(
            err.contains(&format!("connect(3, 127.0.0.1:{port}) = -1 EINPROGRESS")),
            "{err}"
        );
    }
    assert!(err.contains("ECONNREFUSED"), "{err}");
    assert!(err.contains("close("), "{err}");
}

/// Listeners on some addresses of a block: `(address, port)` of each, held while the peer
/// lives. The addresses are in 127.0.0.48/28, which no other test listens on.
fn block_listeners(hosts: &[&str]) -> (Peer, Vec<(String, u16)>) {
    let list: Vec<String> = hosts.iter().map(|h| format!("\"{h}\"")).collect();
    let peer = Peer::start(&format!(
        r#"
import socket, time
held = []
for h in [{}]:
    s = socket.socket()
    s.bind((h, 0))
    s.listen(16)
    held.append(s)
print(" ".join("%s:%d" % s.getsockname() for s in held), flush=True)
time.sleep(60)
"#,
        list.join(",")
    ));
    let open = peer
        .first_line
        .split_whitespace()
        .map(|w| {
            let (h, p) = w.split_once(':').unwrap();
            (h.to_string(), p.parse().unwrap())
        })
        .collect();
    (peer, open)
}

/// Python's connect_ex verdict for every address of 127.0.0.48/28 and every port, host by
/// host, in the scan's order.
fn block_oracle(ports: &[u16]) -> Vec<(String, u16, String)> {
    let mut out = Vec::new();
    for last in 48..64 {
        let host = format!("127.0.0.{last}");
        for (port, state) in ports.iter().zip(oracle(&host, ports)) {
            out.push((host.clone(), *port, state));
        }
    }
    out
}

#[test]
fn a_cidr_block_gives_one_line_per_host_and_port() {
    let (_peer, open) = block_listeners(&["127.0.0.50", "127.0.0.57", "127.0.0.63"]);
    let ports: Vec<u16> = open.iter().map(|(_, p)| *p).collect();
    let expected = block_oracle(&ports);
    assert_eq!(
        expected.iter().filter(|e| e.2 == "open").count(),
        3,
        "Python sees the three listeners: {expected:?}"
    );
    // Several port words, as nc takes them.
    let words: Vec<String> = ports.iter().map(|p| p.to_string()).collect();
    let mut args = vec!["connect", "-z", "127.0.0.48/28"];
    args.extend(words.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, 0, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 16 * 3, "{}", r.stdout);
    for (line, (host, port, state)) in lines.iter().zip(&expected) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols[0], host, "{line}");
        assert_eq!(cols[1], format!("{port}/tcp"), "{line}");
        assert_eq!(cols[2], state, "{line}");
    }
    // 127.0.0.48 and 127.0.0.50 are narrower than 127.0.0.63: the columns still line up.
    let at: Vec<usize> = lines.iter().map(|l| l.find("/tcp").unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] == w[1]), "{}", r.stdout);

    // JSON and --open: only the three open ones, each with its own host.
    let mut args = vec!["connect", "-z", "--json", "--open", "127.0.0.48/28"];
    let joined = words.join(",");
    args.push(&joined);
    let j = run(&args);
    assert_eq!(j.code, 0, "{j:?}");
    let recs = json_lines(&j.stdout);
    let got: Vec<(String, u16)> = recs
        .iter()
        .map(|r| {
            assert_eq!(r["state"], "open", "{r}");
            (
                r["host"].as_str().unwrap().to_string(),
                r["port"].as_u64().unwrap() as u16,
            )
        })
        .collect();
    assert_eq!(got, open);
}

#[test]
fn a_block_with_nothing_open_names_the_block() {
    let p = ports("127.0.0.1", 0, 1);
    let port = p.closed[0].to_string();
    let r = run(&["-v", "connect", "-z", "127.0.0.52/30", &port]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout.lines().count(), 4);
    let err: Vec<&str> = r.stderr.lines().collect();
    assert!(
        err[0].starts_with("scanning 127.0.0.52/30: 4 hosts x 1 port,"),
        "{}",
        r.stderr
    );
    assert_eq!(
        *err.last().unwrap(),
        "sockkit: 127.0.0.52/30: no open port (4 closed)"
    );
}

#[test]
fn targets_file_lists_hosts_and_blocks() {
    let (_peer, open) = block_listeners(&["127.0.0.54", "127.0.0.61"]);
    let ports: Vec<String> = open.iter().map(|(_, p)| p.to_string()).collect();
    let dir = std::env::temp_dir().join(format!("sockkit-targets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hosts");
    std::fs::write(
        &file,
        "# web hosts\n127.0.0.54\n\n  127.0.0.60/31  # two more\nnosuch.invalid\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let r = run(&[
        "connect",
        "-z",
        "--json",
        "--targets",
        f,
        &ports[0],
        &ports[1],
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = json_lines(&r.stdout);
    let hosts: Vec<&str> = recs.iter().map(|r| r["host"].as_str().unwrap()).collect();
    assert_eq!(
        hosts,
        [
            "127.0.0.54",
            "127.0.0.54",
            "127.0.0.60",
            "127.0.0.60",
            "127.0.0.61",
            "127.0.0.61"
        ]
    );
    for rec in &recs {
        let key = (
            rec["host"].as_str().unwrap().to_string(),
            rec["port"].as_u64().unwrap() as u16,
        );
        let want = if open.contains(&key) {
            "open"
        } else {
            "closed"
        };
        assert_eq!(rec["state"], want, "{rec}");
    }
    // The name that does not resolve is a warning; the rest is scanned.
    let warn = json_lines(&r.stderr);
    assert_eq!(warn.len(), 1, "{}", r.stderr);
    assert_eq!(warn[0]["event"], "warning");
    assert!(
        warn[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("nosuch.invalid: "),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_hosts_exit_2() {
    let dir = std::env::temp_dir().join(format!("sockkit-badtargets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty");
    std::fs::write(&empty, "# nothing\n\n").unwrap();
    let bad_line = dir.join("bad");
    std::fs::write(&bad_line, "127.0.0.1\n1.2.3.999\n").unwrap();
    let empty = empty.to_str().unwrap().to_string();
    let bad_line = bad_line.to_str().unwrap().to_string();
    for (args, named) in [
        (&["connect", "-z", "10.0.0.0/7", "22"][..], "10.0.0.0/7"),
        (&["connect", "-z", "127.0.0.0/33", "22"], "127.0.0.0/33"),
        (&["connect", "-z", "127.0.0.0/x", "22"], "127.0.0.0/x"),
        (
            &["-6", "connect", "-z", "127.0.0.0/30", "22"],
            "127.0.0.0/30",
        ),
        (&["connect", "-z", "127.0.0.0/30", "22", "x-y"], "x-y"),
        (
            &["connect", "-z", "--targets", "/nonexistent/hosts", "22"],
            "/nonexistent/hosts",
        ),
        (&["connect", "-z", "--targets", &empty, "22"], "no hosts"),
        (&["connect", "-z", "--targets", &bad_line, "22"], "line 2"),
        (&["connect", "-z", "--targets", &empty], "missing PORTS"),
        (
            &["connect", "--targets", &empty, "127.0.0.1", "22"],
            "--scan",
        ),
        (&["connect", "127.0.0.1", "22", "23"], "'23'"),
    ] {
        rejects(args, named);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
