//! A real two-host path: two network namespaces joined by a veth pair, created and removed
//! by the test. Skipped with a message where namespaces cannot be made (not root, no
//! iproute2, a sandbox without them). No namespace has a default route: nothing leaves
//! the pair.

mod common;

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::BIN;

/// Two namespaces, `a` (10.231.N.1) and `b` (10.231.N.2), on one veth link.
struct Hosts {
    a: String,
    b: String,
    net: u8,
}

fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl Hosts {
    /// Make the pair, or None (with a message) where this machine cannot.
    fn new(tag: &str) -> Option<Hosts> {
        let id = std::process::id();
        // A per-test subnet and link names, so tests running at once do not collide.
        let tag_hash = tag
            .bytes()
            .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
        let net = (id.wrapping_add(tag_hash) % 250) as u8 + 1;
        let hosts = Hosts {
            a: format!("sk-{tag}-a-{id}"),
            b: format!("sk-{tag}-b-{id}"),
            net,
        };
        // Interface names are at most 15 bytes.
        let va = format!("ska{net}x{}", id % 100000);
        let vb = format!("skb{net}x{}", id % 100000);
        let (a, b) = (hosts.a.as_str(), hosts.b.as_str());
        let addr_a = format!("{}/24", hosts.addr_a());
        let addr_b = format!("{}/24", hosts.addr_b());
        let steps: Vec<Vec<&str>> = vec![
            vec!["netns", "add", a],
            vec!["netns", "add", b],
            vec!["link", "add", &va, "type", "veth", "peer", "name", &vb],
            vec!["link", "set", &va, "netns", a],
            vec!["link", "set", &vb, "netns", b],
            vec!["-n", a, "addr", "add", &addr_a, "dev", &va],
            vec!["-n", b, "addr", "add", &addr_b, "dev", &vb],
            vec!["-n", a, "link", "set", &va, "up"],
            vec!["-n", b, "link", "set", &vb, "up"],
            vec!["-n", a, "link", "set", "lo", "up"],
            vec!["-n", b, "link", "set", "lo", "up"],
        ];
        for step in &steps {
            if !ip(step) {
                eprintln!(
                    "skipped: cannot build network namespaces here (ip {})",
                    step.join(" ")
                );
                return None;
            }
        }
        // A veth end says "up" a moment after it is set up; traffic sent before that
        // (the first ARP request) is lost. Wait for both ends, bounded.
        let start = Instant::now();
        while !(link_up(a, &va) && link_up(b, &vb)) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "veth pair never came up"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(hosts)
    }

    fn addr_a(&self) -> String {
        format!("10.231.{}.1", self.net)
    }

    fn addr_b(&self) -> String {
        format!("10.231.{}.2", self.net)
    }

    /// An address on the link that no host answers for.
    fn addr_nobody(&self) -> String {
        format!("10.231.{}.99", self.net)
    }

    /// sockkit ARGS inside namespace `ns`.
    fn sockkit(&self, ns: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", ns, BIN])
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }
}

/// Whether `dev` in namespace `ns` has its carrier (operstate UP).
fn link_up(ns: &str, dev: &str) -> bool {
    Command::new("ip")
        .args(["-n", ns, "-o", "link", "show", "dev", dev])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("state UP"))
}

impl Drop for Hosts {
    fn drop(&mut self) {
        // Removing a namespace removes its end of the veth, and with it the pair.
        ip(&["netns", "del", &self.a]);
        ip(&["netns", "del", &self.b]);
    }
}

fn finish(child: Child, what: &str) -> Output {
    common::wait_bounded(child, Duration::from_secs(20), what)
}

/// Start a server in `b` with -v and wait for its "listening" line on stderr.
fn start_server(hosts: &Hosts, args: &[&str]) -> Child {
    // stdin stays open (a pipe we hold, closed by the test when it is done): with
    // /dev/null the server would half-close at once, before conns could look.
    let mut child = hosts
        .sockkit(&hosts.b, args)
        .stdin(Stdio::piped())
        .spawn()
        .expect("start server");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(stderr).lines();
        if let Some(Ok(line)) = lines.next() {
            let _ = tx.send(line);
        }
        for _ in lines {}
    });
    let line = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("server says it is listening");
    assert!(line.contains("listening"), "unexpected first line: {line}");
    child
}

#[test]
fn stream_crosses_the_link_and_conns_sees_it() {
    let Some(hosts) = Hosts::new("tcp") else {
        return;
    };
    let mut server = start_server(&hosts, &["-v", "listen", &hosts.addr_b(), "7001"]);
    // Read what the server receives while the transfer runs, so its stdout never fills.
    let mut server_out = server.stdout.take().unwrap();
    let received = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut server_out, &mut buf);
        buf
    });
    let payload: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7 % 251) as u8).collect();

    let mut client = hosts
        .sockkit(&hosts.a, &["connect", &hosts.addr_b(), "7001"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("start client");
    let mut stdin = client.stdin.take().unwrap();
    stdin.write_all(&payload[..1000]).unwrap();

    // While the session is open, conns in b lists it with a's address as the peer.
    let start = Instant::now();
    let seen = loop {
        let out = hosts
            .sockkit(&hosts.b, &["--json", "conns", "--sport", "7001"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if text.contains(&hosts.addr_a()) || start.elapsed() > Duration::from_secs(5) {
            break text;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    if !seen.contains(&format!("\"remote_addr\":\"{}\"", hosts.addr_a())) {
        let _ = client.kill();
        let c = client.wait_with_output().unwrap();
        panic!(
            "conns in b never listed the session; conns said {seen:?}; client: {:?} {}",
            c.status,
            String::from_utf8_lossy(&c.stderr)
        );
    }
    assert!(seen.contains("\"state\":\"ESTABLISHED\""), "{seen}");

    stdin.write_all(&payload[1000..]).unwrap();
    drop(stdin);
    // The server's stdin is a pipe: it is data to deliver, so the server's session ends
    // only when that pipe ends too (SPEC's end-of-session rule).
    drop(server.stdin.take());
    let c = finish(client, "client");
    let s = finish(server, "server");
    assert_eq!(
        c.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&c.stderr)
    );
    assert_eq!(s.status.code(), Some(0));
    let got = received.join().unwrap();
    assert!(
        got == payload,
        "server received {} of {} bytes",
        got.len(),
        payload.len()
    );
}

#[test]
fn datagrams_cross_the_link() {
    let Some(hosts) = Hosts::new("udp") else {
        return;
    };
    let server = start_server(
        &hosts,
        &[
            "-v",
            "--json",
            "udp-recv",
            "--count",
            "3",
            &hosts.addr_b(),
            "7002",
        ],
    );
    for msg in ["one", "two", "three"] {
        let out = hosts
            .sockkit(&hosts.a, &["udp-send", &hosts.addr_b(), "7002", msg])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let s = finish(server, "udp-recv");
    let text = String::from_utf8_lossy(&s.stdout);
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3, "{text}");
    for (r, msg) in records.iter().zip(["one", "two", "three"]) {
        assert_eq!(r["data"], msg);
        assert!(
            r["from"].as_str().unwrap().starts_with(&hosts.addr_a()),
            "{r}"
        );
    }
}

#[test]
fn unreachable_host_and_dropped_route_fail_with_the_reason() {
    let Some(hosts) = Hosts::new("unreach") else {
        return;
    };
    // Nobody answers ARP for .99: the connect is bounded by -w and fails, exit 1.
    let started = Instant::now();
    let out = hosts
        .sockkit(
            &hosts.a,
            &["-w", "1s", "connect", &hosts.addr_nobody(), "7003"],
        )
        .output()
        .unwrap();
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("timed out") || err.contains("no route to host"),
        "{err}"
    );
    assert!(took < Duration::from_secs(8), "took {took:?}");

    // Without the link's route the network is unreachable at once.
    let va_route = format!("10.231.{}.0/24", hosts.net);
    assert!(
        ip(&["-n", &hosts.a, "route", "del", &va_route]),
        "drop the route"
    );
    let out = hosts
        .sockkit(&hosts.a, &["-w", "2s", "connect", &hosts.addr_b(), "7003"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("network is unreachable"), "{err}");

    let out = hosts
        .sockkit(
            &hosts.a,
            &["-w", "1s", "udp-send", "-r", &hosts.addr_b(), "7003", "x"],
        )
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("network is unreachable"), "{err}");
}
