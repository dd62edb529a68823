//! `sockkit conns` against real sockets a Python helper opens on loopback, with `ss` as
//! the oracle: the same rows (state, both endpoints, queues, owner pid/fd), and every
//! filter keeps exactly the rows it should.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// Opens, over IPv4 and (when `v6`) IPv6: a TCP listener with one established pair whose
/// server side holds 100 unread bytes, a TIME-WAIT socket (the client closed first), an
/// unconnected UDP socket and a connected one. Prints one JSON line describing them,
/// then holds them for at most a minute.
const HELPER: &str = r#"
import json, os, socket, sys, time
v6 = sys.argv[1] == "1"
info = {"pid": os.getpid(), "tcp": [], "udp": [], "fds": {}}
keep = []
def note(name, s):
    keep.append(s)
    info["fds"][name] = {"fd": s.fileno(), "inode": os.fstat(s.fileno()).st_ino}
fams = [(socket.AF_INET, "127.0.0.1", "4")] + ([(socket.AF_INET6, "::1", "6")] if v6 else [])
for fam, host, tag in fams:
    l = socket.socket(fam, socket.SOCK_STREAM)
    l.bind((host, 0)); l.listen(8)
    port = l.getsockname()[1]
    info["tcp"].append(port)
    c = socket.create_connection((host, port)); s, _ = l.accept()
    c.sendall(b"x" * 100)
    note("listen" + tag, l); note("client" + tag, c); note("server" + tag, s)
    # TIME-WAIT on the side that closes first once the other side closes too
    t = socket.create_connection((host, port)); ts, _ = l.accept()
    t.close(); ts.recv(1); ts.close()
    u = socket.socket(fam, socket.SOCK_DGRAM); u.bind((host, 0))
    uc = socket.socket(fam, socket.SOCK_DGRAM); uc.bind((host, 0)); uc.connect(u.getsockname())
    info["udp"] += [u.getsockname()[1], uc.getsockname()[1]]
    note("udp" + tag, u); note("udpc" + tag, uc)
deadline = time.time() + 5
while time.time() < deadline:
    # the client sockets reach TIME-WAIT once the server side's FIN arrives
    import subprocess
    out = subprocess.run(["ss", "-tan", "state", "time-wait"], capture_output=True, text=True).stdout
    if all(any(f":{p} " in line or line.endswith(f":{p}") for line in out.splitlines()) for p in info["tcp"]):
        break
    time.sleep(0.02)
print(json.dumps(info), flush=True)
time.sleep(60)
"#;

struct Helper {
    peer: Peer,
    info: Value,
}

impl Helper {
    fn start() -> Helper {
        let v6 = has_ipv6();
        let script = format!("import sys; sys.argv = ['', '{}']\n{HELPER}", u8::from(v6));
        let peer = Peer::start(&script);
        let info: Value = serde_json::from_str(&peer.first_line).expect("helper's JSON line");
        Helper { peer, info }
    }

    fn ports(&self, proto: &str) -> Vec<u64> {
        self.info[proto]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_u64().unwrap())
            .collect()
    }

    fn tcp_ports(&self) -> Vec<u64> {
        self.ports("tcp")
    }

    fn udp_ports(&self) -> Vec<u64> {
        self.ports("udp")
    }

    fn pid(&self) -> u64 {
        assert_eq!(
            self.info["pid"].as_u64(),
            Some(u64::from(self.peer.child.id()))
        );
        self.info["pid"].as_u64().unwrap()
    }

    fn fd(&self, name: &str) -> (u64, u64) {
        let f = &self.info["fds"][name];
        (f["fd"].as_u64().unwrap(), f["inode"].as_u64().unwrap())
    }

    /// Whether a row belongs to this helper's sockets.
    fn owns(&self, proto: &str, local_port: u64, remote_port: Option<u64>) -> bool {
        let ports = self.ports(proto);
        ports.contains(&local_port) || remote_port.is_some_and(|p| ports.contains(&p))
    }
}

/// One socket as both tools can show it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    proto: String,
    state: String,
    local: String,
    peer: String,
    recv_q: u64,
    send_q: u64,
    owners: BTreeSet<(String, u64, u64)>,
}

fn endpoint(addr: &str, port: u64) -> String {
    if addr.contains(':') {
        format!("[{addr}]:{port}")
    } else {
        format!("{addr}:{port}")
    }
}

/// Rows of `sockkit conns ARGS --json` that belong to the helper.
fn conns(h: &Helper, args: &[&str]) -> BTreeSet<Row> {
    let mut all = vec!["conns", "--json"];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 0, "sockkit {all:?}: {}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .filter(|v| {
            h.owns(
                v["proto"].as_str().unwrap(),
                v["local_port"].as_u64().unwrap(),
                v["remote_port"].as_u64(),
            )
        })
        .map(|v| row_of_json(&v))
        .collect()
}

fn row_of_json(v: &Value) -> Row {
    let peer = match v["remote_addr"].as_str() {
        Some(a) => endpoint(a, v["remote_port"].as_u64().unwrap()),
        None => {
            assert!(v["remote_port"].is_null());
            "*:*".to_string()
        }
    };
    let owners = match v["processes"].as_array() {
        Some(ps) => ps
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_string(),
                    p["pid"].as_u64().unwrap(),
                    p["fd"].as_u64().unwrap(),
                )
            })
            .collect(),
        None => BTreeSet::new(),
    };
    Row {
        proto: v["proto"].as_str().unwrap().to_string(),
        state: v["state"].as_str().unwrap().to_string(),
        local: endpoint(
            v["local_addr"].as_str().unwrap(),
            v["local_port"].as_u64().unwrap(),
        ),
        peer,
        recv_q: v["recv_q"].as_u64().unwrap(),
        send_q: v["send_q"].as_u64().unwrap(),
        owners,
    }
}

/// Rows of `ss -Hn ARGS` that belong to the helper, in sockkit's spelling.
fn ss(h: &Helper, proto: &str, args: &[&str]) -> BTreeSet<Row> {
    let out = Command::new("ss")
        .arg("-Hn")
        .args(args)
        .output()
        .expect("run ss");
    assert!(out.status.success(), "ss {args:?} failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let (local, peer) = (f[3], f[4]);
            let port = |ep: &str| ep.rsplit(':').next().and_then(|p| p.parse::<u64>().ok());
            if !h.owns(proto, port(local)?, port(peer)) {
                return None;
            }
            let state = match f[0] {
                "ESTAB" => "ESTABLISHED",
                s => s,
            };
            let peer = if peer.ends_with(":*") { "*:*" } else { peer };
            Some(Row {
                proto: proto.to_string(),
                state: state.to_string(),
                local: local.to_string(),
                peer: peer.to_string(),
                recv_q: f[1].parse().unwrap(),
                send_q: f[2].parse().unwrap(),
                owners: f.get(5).map(|u| ss_users(u)).unwrap_or_default(),
            })
        })
        .collect()
}

/// `users:(("python3",pid=42,fd=7),...)`
fn ss_users(text: &str) -> BTreeSet<(String, u64, u64)> {
    let re = regex::Regex::new(r#"\("([^"]*)",pid=(\d+),fd=(\d+)\)"#).unwrap();
    re.captures_iter(text)
        .map(|c| {
            (
                c[1].to_string(),
                c[2].parse().unwrap(),
                c[3].parse().unwrap(),
            )
        })
        .collect()
}

/// The listener's send_q is its backlog; both tools read the same field, so rows compare
/// whole. Queues of live sockets can move between the two runs only if the helper is
/// active, and it is idle once it has printed its line.
#[test]
fn lists_exactly_what_ss_lists_tcp_and_udp() {
    let h = Helper::start();
    let tcp = conns(&h, &["-a", "-p"]);
    assert_eq!(tcp, ss(&h, "tcp", &["-tap"]));
    let udp = conns(&h, &["-u", "-a", "-p"]);
    assert_eq!(udp, ss(&h, "udp", &["-uap"]));

    let families = h.tcp_ports().len();
    let count =
        |rows: &BTreeSet<Row>, state: &str| rows.iter().filter(|r| r.state == state).count();
    // per family: a listener, an established pair, one TIME-WAIT
    assert_eq!(count(&tcp, "LISTEN"), families);
    assert_eq!(count(&tcp, "ESTABLISHED"), 2 * families);
    assert_eq!(count(&tcp, "TIME-WAIT"), families);
    // per family: one unconnected, one connected
    assert_eq!(count(&udp, "UNCONN"), families);
    assert_eq!(count(&udp, "ESTABLISHED"), families);
    if families == 2 {
        assert!(tcp.iter().any(|r| r.local.starts_with("[::1]:")));
        assert!(udp.iter().any(|r| r.local.starts_with("[::1]:")));
    }
}

#[test]
fn owners_are_the_helpers_pid_and_fds() {
    let h = Helper::start();
    let pid = h.pid();
    let r = run(&["conns", "-a", "-t", "-u", "-p", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let tags: &[&str] = if h.tcp_ports().len() == 2 {
        &["4", "6"]
    } else {
        &["4"]
    };
    for tag in tags {
        for name in ["listen", "client", "server", "udp", "udpc"] {
            let (fd, inode) = h.fd(&format!("{name}{tag}"));
            let row = rows
                .iter()
                .find(|v| v["inode"].as_u64() == Some(inode))
                .unwrap_or_else(|| panic!("no row for {name}{tag} (inode {inode})"));
            let procs = row["processes"].as_array().unwrap();
            assert_eq!(procs.len(), 1, "{row}");
            assert_eq!(procs[0]["pid"].as_u64(), Some(pid));
            assert_eq!(procs[0]["fd"].as_u64(), Some(fd));
            assert_eq!(procs[0]["name"], "python3");
        }
        // the server side holds the 100 bytes the client sent and nobody read
        let (_, inode) = h.fd(&format!("server{tag}"));
        let server = rows
            .iter()
            .find(|v| v["inode"].as_u64() == Some(inode))
            .unwrap();
        assert_eq!(server["recv_q"], 100, "{server}");
    }
}

#[test]
fn json_records_have_the_spec_fields() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0].to_string();
    let r = run(&["conns", "--json", "-p", "--sport", &l4]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stdout);
    let v: Value = serde_json::from_str(lines[0]).unwrap();
    // SPEC's fields come first, in SPEC's order
    let order = [
        "\"proto\":",
        "\"state\":",
        "\"local_addr\":",
        "\"local_port\":",
        "\"remote_addr\":",
        "\"remote_port\":",
        "\"recv_q\":",
        "\"send_q\":",
        "\"uid\":",
        "\"inode\":",
        "\"processes\":",
    ];
    let at: Vec<usize> = order.iter().map(|k| lines[0].find(k).expect(k)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{}", lines[0]);
    assert!(
        lines[0].starts_with("{\"proto\":\"tcp\",\"state\":\"ESTABLISHED\","),
        "{}",
        lines[0]
    );
    for key in [
        "proto",
        "state",
        "local_addr",
        "local_port",
        "remote_addr",
        "remote_port",
        "recv_q",
        "send_q",
        "uid",
        "inode",
        "processes",
        "timer",
        "family",
    ] {
        assert!(v.get(key).is_some(), "{key} missing in {v}");
    }
    let (_, inode) = h.fd("server4");
    assert_eq!(v["proto"], "tcp");
    assert_eq!(v["state"], "ESTABLISHED");
    assert_eq!(v["local_addr"], "127.0.0.1");
    assert_eq!(v["local_port"].as_u64().unwrap().to_string(), l4);
    assert_eq!(v["remote_addr"], "127.0.0.1");
    assert_eq!(v["uid"].as_u64(), Some(u64::from(my_uid())));
    assert_eq!(v["inode"].as_u64(), Some(inode));

    // unconnected UDP: no peer
    let u4 = h.udp_ports()[0].to_string();
    let r = run(&["conns", "--json", "-u", "-l", "--sport", &u4]);
    let v: Value = serde_json::from_str(r.stdout.lines().next().expect("a UDP row")).unwrap();
    assert_eq!(v["state"], "UNCONN");
    assert!(v["remote_addr"].is_null() && v["remote_port"].is_null());
    assert!(
        v["processes"].is_null(),
        "owners are only looked up with -p"
    );

    // TIME-WAIT: its timer is reported
    let r = run(&["conns", "--json", "--state", "time-wait", "--dport", &l4]);
    let v: Value = serde_json::from_str(r.stdout.lines().next().expect("a TIME-WAIT row")).unwrap();
    assert_eq!(v["timer"]["kind"], "timewait", "{v}");
    // a TIME-WAIT minisocket has no inode and no owner
    assert!(v["inode"].is_null() && v["uid"].is_null(), "{v}");
    assert!(v["timer"]["expires_ms"].as_u64().unwrap() <= 60_000);
}

fn my_uid() -> u32 {
    python("import os; print(os.getuid())")
        .trim()
        .parse()
        .unwrap()
}

/// Every filter keeps exactly the rows a plain predicate over the full list keeps.
#[test]
fn filters_keep_exactly_the_right_rows() {
    let h = Helper::start();
    let all = conns(&h, &["-a", "-t", "-u"]);
    assert!(all.len() >= 9, "{all:#?}");
    let l4 = h.tcp_ports()[0];
    let u4 = h.udp_ports()[0];
    let port = |ep: &str| ep.rsplit(':').next().unwrap().parse::<u64>().unwrap_or(0);
    let is_v6 = |r: &Row| r.local.starts_with('[');
    let keep = |f: &dyn Fn(&Row) -> bool| -> BTreeSet<Row> {
        all.iter().filter(|r| f(r)).cloned().collect()
    };
    let (l4s, u4s) = (l4.to_string(), u4.to_string());
    let cases: Vec<(Vec<&str>, BTreeSet<Row>)> = vec![
        (
            vec![],
            keep(&|r| r.proto == "tcp" && r.state == "ESTABLISHED"),
        ),
        (
            vec!["-l"],
            keep(&|r| r.proto == "tcp" && r.state == "LISTEN"),
        ),
        (
            vec!["-u", "-l"],
            keep(&|r| r.proto == "udp" && r.state == "UNCONN"),
        ),
        (
            vec!["-u"],
            keep(&|r| r.proto == "udp" && r.state == "ESTABLISHED"),
        ),
        (vec!["-t", "-u"], keep(&|r| r.state == "ESTABLISHED")),
        (vec!["-a"], keep(&|r| r.proto == "tcp")),
        (
            vec!["--state", "time-wait"],
            keep(&|r| r.proto == "tcp" && r.state == "TIME-WAIT"),
        ),
        (
            vec!["--state", "time-wait", "--state", "listening"],
            keep(&|r| r.proto == "tcp" && (r.state == "TIME-WAIT" || r.state == "LISTEN")),
        ),
        (
            vec!["--state", "connected"],
            keep(&|r| r.proto == "tcp" && r.state != "LISTEN"),
        ),
        (
            vec!["--state", "bucket"],
            keep(&|r| r.proto == "tcp" && r.state == "TIME-WAIT"),
        ),
        (
            vec!["--state", "big"],
            keep(&|r| r.proto == "tcp" && r.state != "TIME-WAIT"),
        ),
        (
            vec!["-a", "--sport", &l4s],
            keep(&|r| r.proto == "tcp" && port(&r.local) == l4),
        ),
        (
            vec!["-a", "--dport", &l4s],
            keep(&|r| r.proto == "tcp" && port(&r.peer) == l4),
        ),
        (
            vec!["-a", "--port", &l4s],
            keep(&|r| r.proto == "tcp" && (port(&r.local) == l4 || port(&r.peer) == l4)),
        ),
        (
            vec!["-a", "-u", "--port", &u4s],
            keep(&|r| r.proto == "udp" && (port(&r.local) == u4 || port(&r.peer) == u4)),
        ),
        (vec!["-a", "-4", "-t", "-u"], keep(&|r| !is_v6(r))),
        (vec!["-a", "-6", "-t", "-u"], keep(&|r| is_v6(r))),
        (
            vec!["-a", "-t", "-u", "--src", "127.0.0.0/8"],
            keep(&|r| r.local.starts_with("127.")),
        ),
        (
            vec!["-a", "-t", "-u", "--src", "::1"],
            keep(&|r| r.local.starts_with("[::1]:")),
        ),
        // A scope names an interface that must exist; the address is matched as it is.
        (
            vec!["-a", "-t", "-u", "--src", "::1%lo"],
            keep(&|r| r.local.starts_with("[::1]:")),
        ),
        (
            vec!["-a", "-t", "-u", "--src", "[::1]/128"],
            keep(&|r| r.local.starts_with("[::1]:")),
        ),
        (
            vec!["-a", "--dst", "127.0.0.1/32"],
            keep(&|r| r.proto == "tcp" && r.peer.starts_with("127.0.0.1:")),
        ),
        (
            vec!["-a", "--dst", "10.0.0.0/8", "--port", &l4s],
            BTreeSet::new(),
        ),
    ];
    for (args, want) in cases {
        let got = conns(&h, &args);
        assert_eq!(got, want, "sockkit conns {args:?}");
    }
    // every filter above kept something, except the one that must keep nothing
    assert!(!conns(&h, &["--state", "bucket"]).is_empty());
    if has_ipv6() {
        assert!(!conns(&h, &["-a", "-t", "-u", "--src", "::1%lo"]).is_empty());
    }
}

#[test]
fn filters_match_ss_with_the_same_filter() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0].to_string();
    let sport = format!("sport = :{l4}");
    let pairs: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (
            vec!["--state", "connected"],
            vec!["-t", "state", "connected"],
        ),
        (
            vec!["--state", "synchronized"],
            vec!["-t", "state", "synchronized"],
        ),
        (vec!["--state", "big"], vec!["-t", "state", "big"]),
        (vec!["--state", "bucket"], vec!["-t", "state", "bucket"]),
        (vec!["-l"], vec!["-tl"]),
        (vec!["-a", "--sport", &l4], vec!["-ta", &sport]),
    ];
    for (ours, theirs) in pairs {
        assert_eq!(
            conns(&h, &ours),
            ss(&h, "tcp", &theirs),
            "conns {ours:?} vs ss {theirs:?}"
        );
    }
}

#[test]
fn plain_output_has_fixed_columns() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0].to_string();
    for args in [
        vec!["conns", "-a", "--port", l4.as_str()],
        vec!["conns", "-l", "--port", l4.as_str()],
        vec!["conns", "--state", "time-wait", "--port", l4.as_str()],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mut lines = r.stdout.lines();
        let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(
            header,
            [
                "State",
                "Recv-Q",
                "Send-Q",
                "Local",
                "Address:Port",
                "Peer",
                "Address:Port"
            ]
        );
        let rows: Vec<&str> = lines.collect();
        assert!(!rows.is_empty(), "{args:?}");
        for row in rows {
            assert_eq!(row.split_whitespace().count(), 5, "{row}");
        }
    }
    // -p adds the Process column
    let r = run(&["conns", "-p", "--sport", &l4]);
    let pid = h.pid();
    assert!(r.stdout.lines().next().unwrap().ends_with("Process"));
    let row = r.stdout.lines().nth(1).expect("the server side row");
    let (_, fd_inode) = h.fd("server4");
    let _ = fd_inode;
    let (fd, _) = h.fd("server4");
    assert!(
        row.ends_with(&format!("python3(pid={pid},fd={fd})")),
        "{row}"
    );
    // colour never leaves empty escapes or trailing blanks behind (a TIME-WAIT row has no owner)
    let r = run(&["--color", "always", "conns", "-a", "-p", "--port", &l4]);
    assert!(r.stdout.contains("\x1b["), "{}", r.stdout);
    for line in r.stdout.lines() {
        assert!(
            !line.ends_with(' ') && !line.contains("\x1b[2m\x1b[0m"),
            "{line:?}"
        );
    }
    // an IPv6 row uses brackets; a listener's peer is *:*
    if h.tcp_ports().len() == 2 {
        let l6 = h.tcp_ports()[1].to_string();
        let r = run(&["conns", "-l", "--sport", &l6]);
        let row = r.stdout.lines().nth(1).expect("the v6 listener");
        let f: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(f[3], format!("[::1]:{l6}"));
        assert_eq!(f[4], "*:*");
    }
}

#[test]
fn summary_counts_by_protocol_and_state() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0].to_string();
    let all = conns(&h, &["-a", "--port", &l4]);
    let r = run(&["conns", "-s", "--json", "--port", &l4]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut total = 0;
    for line in r.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let want = all
            .iter()
            .filter(|row| row.proto == v["proto"] && row.state == v["state"])
            .count();
        assert_eq!(v["count"].as_u64(), Some(want as u64), "{v}");
        total += want;
    }
    assert_eq!(total, all.len(), "every state counted");
    let r = run(&["conns", "-s", "--port", &l4]);
    let last = r.stdout.lines().last().unwrap();
    assert_eq!(
        last.split_whitespace().collect::<Vec<_>>(),
        ["total", &all.len().to_string()]
    );
}

#[test]
fn resolve_names_loopback_and_services() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0].to_string();
    let name = python("print(socket.gethostbyaddr('127.0.0.1')[0])");
    let r = run(&["conns", "-r", "-l", "--sport", &l4]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row = r.stdout.lines().nth(1).expect("the listener");
    let local = row.split_whitespace().nth(3).unwrap();
    assert!(local.starts_with(&format!("{}:", name.trim())), "{row}");
    // a service name is accepted where a port is
    let r = run(&["conns", "-a", "--sport", "http", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["local_port"], 80);
    }
}

#[test]
fn watch_repeats_until_killed() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0].to_string();
    let mut child = sockkit(&["conns", "-l", "--sport", &l4, "--watch", "100ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        child.try_wait().unwrap().is_none(),
        "--watch exited by itself"
    );
    child.kill().unwrap();
    let out = wait_bounded(child, Duration::from_secs(5), "conns --watch");
    let text = String::from_utf8_lossy(&out.stdout);
    let rounds = text
        .lines()
        .filter(|l| l.starts_with("Every 100ms: "))
        .count();
    let rows = text.lines().filter(|l| l.starts_with("LISTEN ")).count();
    assert!(rounds >= 2, "{text}");
    assert!(rows >= rounds - 1 && rows <= rounds, "{text}");
}

#[test]
fn bad_input_is_one_line_exit_2() {
    for (args, named) in [
        (vec!["conns", "--state", "estabilshed"], "estabilshed"),
        (vec!["conns", "--port", "70000"], "70000"),
        (vec!["conns", "--sport", "nosuchservice"], "nosuchservice"),
        (vec!["conns", "--src", "10.0.0.0/33"], "10.0.0.0/33"),
        (vec!["conns", "--dst", "10.0.0.0/x"], "10.0.0.0/x"),
        (vec!["conns", "--dst", "not-an-address"], "not-an-address"),
        (vec!["conns", "--src", "::1%nosuchif0"], "::1%nosuchif0"),
        (vec!["conns", "--src", "127.0.0.1%lo"], "127.0.0.1%lo"),
        (vec!["conns", "--watch", "0"], "0"),
        (vec!["conns", "--watch", "soon"], "soon"),
        (vec!["-O", "SO_KEEPALIVE=1", "conns"], "SO_KEEPALIVE=1"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("sockkit: "), "{}", r.stderr);
        assert!(r.stderr.contains(named), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
}

/// Without the privilege to look into other users' processes, -p says so once on
/// stderr, and still lists every socket.
#[test]
fn processes_without_permission_warn_once() {
    let h = Helper::start();
    if Command::new("setpriv").arg("--version").output().is_err() || my_uid() != 0 {
        eprintln!("skipped: needs root and setpriv to run as another user");
        return;
    }
    let run_as_nobody = |args: &[&str]| {
        let child = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        wait_bounded(child, Duration::from_secs(20), "conns as nobody")
    };
    let l4 = h.tcp_ports()[0].to_string();
    let out = run_as_nobody(&["conns", "-a", "-p", "--json", "--port", &l4]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning") && stderr.contains("other users"),
        "{stderr}"
    );
    // the helper's sockets are all still listed, only their (root) owner is unknown
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        rows.len(),
        4,
        "listener, established pair, TIME-WAIT: {stdout}"
    );
    for row in rows {
        assert_eq!(row["processes"], serde_json::json!([]), "{row}");
    }
}

#[test]
fn stdout_closed_early_is_quiet() {
    let _h = Helper::start();
    let mut child = sockkit(&["conns", "-a", "-t", "-u"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let start = Instant::now();
    let out = wait_bounded(child, Duration::from_secs(10), "conns | closed");
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(out.status.code() == Some(0), "{:?}", out.status);
    let mut err = String::new();
    let _ = (&out.stderr[..]).read_to_string(&mut err);
    assert!(err.is_empty(), "{err}");
}

/// `-m` gives the kernel's memory numbers exactly as `ss -m` prints them, and `-i` the
/// same TCP_INFO values as `ss -i`.
#[test]
fn info_and_memory_match_ss() {
    let h = Helper::start();
    let l4 = h.tcp_ports()[0];
    let filter = format!("( sport = :{l4} or dport = :{l4} )");
    let out = Command::new("ss")
        .args(["-Htanmi", &filter])
        .output()
        .expect("run ss");
    let text = String::from_utf8_lossy(&out.stdout);
    // ss prints each socket's details on an indented line after its row
    let mut theirs = std::collections::BTreeMap::new();
    let mut key = String::new();
    for line in text.lines() {
        if line.starts_with(char::is_whitespace) {
            theirs.insert(key.clone(), line.trim().to_string());
        } else {
            let f: Vec<&str> = line.split_whitespace().collect();
            key = format!("{} {}", f[3], f[4]);
        }
    }
    let r = run(&[
        "conns",
        "-a",
        "-i",
        "-m",
        "--json",
        "--port",
        &l4.to_string(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut checked = 0;
    for line in r.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let row = row_of_json(&v);
        if row.state == "TIME-WAIT" {
            assert!(v["info"].is_null() && v["memory"].is_null(), "{v}");
            continue;
        }
        let details = &theirs[&format!("{} {}", row.local, row.peer.replace("*:*", "0.0.0.0:*"))];
        let m = &v["memory"];
        for (field, tag) in [
            ("rmem_alloc", "r"),
            ("rcvbuf", "rb"),
            ("sndbuf", "tb"),
            ("drops", "d"),
        ] {
            let want = format!("{tag}{}", m[field]);
            assert!(
                details.contains(&format!("({want},"))
                    || details.contains(&format!(",{want},"))
                    || details.contains(&format!(",{want})")),
                "{field}: {want} not in {details}"
            );
        }
        if row.state == "ESTABLISHED" {
            let info = &v["info"];
            let cc = info["congestion"].as_str().unwrap();
            assert!(details.contains(&format!(") {cc} ")), "{cc} vs {details}");
            assert!(
                details.contains(&format!(" mss:{} ", info["snd_mss"])),
                "{details}"
            );
            assert!(
                details.contains(&format!(" cwnd:{} ", info["cwnd"])),
                "{details}"
            );
            if row.recv_q == 100 {
                assert_eq!(info["bytes_received"], 100, "{v}");
                assert!(details.contains(" bytes_received:100 "), "{details}");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 3, "listener and established pair: {}", r.stdout);

    // plain: the extra columns come after the fixed ones, Info last
    let r = run(&["conns", "-i", "-m", "-p", "--sport", &l4.to_string()]);
    let header: Vec<&str> = r
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(&header[7..], ["Memory", "Process", "Info"], "{}", r.stdout);
    let row: Vec<&str> = r
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(row[5].starts_with("skmem:(r"), "{row:?}");
    assert!(row[6].starts_with("python3(pid="), "{row:?}");
    assert!(row.contains(&"bytes_received=100"), "{row:?}");
}

/// `-vv` shows the netlink sockets conns opens, as it shows every socket: one per
/// protocol and family dumped, each with its bounded receive wait.
#[test]
fn vv_traces_the_netlink_sockets() {
    for (args, dumps) in [
        (vec!["-vv", "-4", "conns", "-l"], 1),
        (vec!["-vv", "-4", "conns", "-l", "-t", "-u"], 2),
        (vec!["-vv", "conns", "-l", "-t", "-u"], 4),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{args:?}: {r:?}");
        let count = |needle: &str| r.stderr.lines().filter(|l| l.contains(needle)).count();
        let opened = r
            .stderr
            .lines()
            .filter(|l| {
                l.starts_with("socket(AF_NETLINK, SOCK_DGRAM|SOCK_CLOEXEC, NETLINK_SOCK_DIAG) = ")
                    && l.rsplit(' ').next().unwrap().parse::<u32>().is_ok()
            })
            .count();
        assert_eq!(opened, dumps, "{args:?}: {}", r.stderr);
        assert_eq!(
            count(", SOL_SOCKET, SO_RCVTIMEO, 10s) = 0"),
            dumps,
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.starts_with("State "), "{args:?}: {}", r.stdout);
    }
}
