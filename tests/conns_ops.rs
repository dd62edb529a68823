//! `conns` beyond listing TCP: Unix sockets against `ss -x`/`ss -xp`, `--kill` seen by
//! the owning process, `--events` while sockets close, `--netns` with a namespace made
//! here, ss's flag habits, and `--watch` records.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// Unix sockets of every kind: a path stream listener with a client held by a child
/// process, an abstract seqpacket listener with a client, a path datagram socket.
const UNIX_HELPER: &str = r#"
import json, os, socket, tempfile, time
d = tempfile.mkdtemp()
keep = []
def ino(s): return os.fstat(s.fileno()).st_ino
l = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); l.bind(os.path.join(d, "st.sock")); l.listen(4)
c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); c.connect(os.path.join(d, "st.sock"))
s, _ = l.accept(); c.sendall(b"x" * 7)
q = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); q.bind("\0sockkit-test-%d" % os.getpid()); q.listen(4)
qc = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); qc.connect("\0sockkit-test-%d" % os.getpid())
qs, _ = q.accept()
g = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); g.bind(os.path.join(d, "dg.sock"))
inodes = {"listen": ino(l), "client": ino(c), "server": ino(s), "seq_listen": ino(q),
          "seq_client": ino(qc), "seq_server": ino(qs), "dgram": ino(g)}
child = os.fork()
if child == 0:
    # the child holds the client end alone
    for x in (l, s, q, qc, qs, g): x.close()
    time.sleep(60); os._exit(0)
c.close()
print(json.dumps({"pid": os.getpid(), "child": child, "inodes": inodes, "dir": d}), flush=True)
time.sleep(60)
os.kill(child, 9)
"#;

type UnixRow = (String, String, u64, u64, String, u64, u64);

fn ss_unix_rows(args: &[&str], ours: &BTreeSet<u64>) -> (BTreeSet<UnixRow>, BTreeMap<u64, u64>) {
    let out = Command::new("ss").args(args).output().expect("run ss");
    assert!(out.status.success());
    let mut rows = BTreeSet::new();
    let mut pids = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let mut c: Vec<&str> = line.split_whitespace().collect();
        // ss leaves out the State column when one state is asked for
        if c.get(1).is_some_and(|w| w.parse::<u64>().is_ok()) {
            c.insert(1, "-");
        }
        if c.len() < 8 {
            continue;
        }
        let ino: u64 = c[5].parse().unwrap_or(0);
        if !ours.contains(&ino) {
            continue;
        }
        let state = if c[1] == "ESTAB" { "ESTABLISHED" } else { c[1] };
        rows.insert((
            c[0].to_string(),
            state.to_string(),
            c[2].parse().unwrap(),
            c[3].parse().unwrap(),
            c[4].to_string(),
            ino,
            c[7].parse().unwrap_or(0),
        ));
        if let Some(users) = c.get(8)
            && let Some(at) = users.find("pid=")
        {
            let pid: String = users[at + 4..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            pids.insert(ino, pid.parse().unwrap());
        }
    }
    (rows, pids)
}

#[test]
fn unix_rows_match_ss_and_name_both_ends() {
    let peer = Peer::start(UNIX_HELPER);
    let info: Value = serde_json::from_str(&peer.first_line).unwrap();
    let inodes: BTreeMap<String, u64> = info["inodes"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    let ours: BTreeSet<u64> = inodes.values().copied().collect();
    let (theirs, ss_pids) = ss_unix_rows(&["-xapH"], &ours);
    assert_eq!(theirs.len(), ours.len(), "ss shows all of ours: {theirs:?}");
    let r = ok(&["conns", "-xap", "--json"]);
    let records: Vec<Value> = json_lines(&r.stdout)
        .into_iter()
        .filter(|v| ours.contains(&v["inode"].as_u64().unwrap()))
        .collect();
    let mine: BTreeSet<UnixRow> = records
        .iter()
        .map(|v| {
            let netid = match v["type"].as_str().unwrap() {
                "stream" => "u_str",
                "dgram" => "u_dgr",
                _ => "u_seq",
            };
            (
                netid.to_string(),
                v["state"].as_str().unwrap().to_string(),
                v["recv_q"].as_u64().unwrap(),
                v["send_q"].as_u64().unwrap(),
                v["path"].as_str().unwrap_or("*").to_string(),
                v["inode"].as_u64().unwrap(),
                v["peer_inode"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(mine, theirs);
    // -p: the process at each end, where ss -xp names only this end's
    let parent = info["pid"].as_u64().unwrap();
    let child = info["child"].as_u64().unwrap();
    let server = records
        .iter()
        .find(|v| v["inode"].as_u64() == Some(inodes["server"]))
        .unwrap();
    assert_eq!(server["processes"][0]["pid"].as_u64(), Some(parent));
    assert_eq!(server["peer_processes"][0]["pid"].as_u64(), Some(child));
    assert_eq!(server["peer_inode"].as_u64(), Some(inodes["client"]));
    assert_eq!(ss_pids.get(&inodes["server"]), Some(&parent));
    assert_eq!(ss_pids.get(&inodes["client"]), Some(&child));
    assert!(server["peer_path"].is_null(), "the client end is unbound");
    // the abstract name as ss writes it
    let seq = records
        .iter()
        .find(|v| v["inode"].as_u64() == Some(inodes["seq_listen"]))
        .unwrap();
    assert!(seq["path"].as_str().unwrap().starts_with("@sockkit-test-"));
    // the plain table: both processes on the server's row
    let plain = ok(&["conns", "-xp", "-a"]);
    let row = plain
        .stdout
        .lines()
        .find(|l| l.contains(&format!("st.sock {} ", inodes["server"])))
        .unwrap_or_else(|| panic!("{}", plain.stdout));
    assert!(row.contains(&format!("pid={parent},")), "{row}");
    assert!(row.contains(&format!("pid={child},")), "{row}");
    drop(peer);
}

#[test]
fn unix_expressions_give_the_rows_ss_gives() {
    let peer = Peer::start(UNIX_HELPER);
    let info: Value = serde_json::from_str(&peer.first_line).unwrap();
    let ours: BTreeSet<u64> = info["inodes"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let table = [
        "src */st.sock",
        "src @sockkit-test-*",
        "not src */st.sock",
        "src */ST.SOCK",
        "dst *",
        "dst /tmp/*",
        "sport = */dg.sock",
        "sport >= :1",
        "sport <= :1",
        "sport > :1",
        "dport != *",
        "autobound",
        "not autobound",
        "src */st.sock or src @sockkit-test-*",
        "state listening src */st.sock",
        "src unix:*/dg.sock",
        "( src */st.sock or autobound ) and not sport = *dg*",
    ];
    let mut nonempty = 0;
    for expr in table {
        let words: Vec<&str> = expr.split(' ').collect();
        let mut ss_args = vec!["-xaH"];
        ss_args.extend(&words);
        let (theirs, _) = ss_unix_rows(&ss_args, &ours);
        let mut args = vec!["conns", "-xa", "--json"];
        args.extend(&words);
        let r = ok(&args);
        let mine: BTreeSet<u64> = json_lines(&r.stdout)
            .iter()
            .filter_map(|v| v["inode"].as_u64())
            .filter(|i| ours.contains(i))
            .collect();
        let theirs: BTreeSet<u64> = theirs.iter().map(|row| row.5).collect();
        assert_eq!(mine, theirs, "{expr}");
        nonempty += usize::from(!mine.is_empty());
    }
    assert!(nonempty >= 10, "only {nonempty} expressions matched rows");
    drop(peer);
}

/// A listener with two connections; on a line on stdin, the first client blocks in
/// recv and reports how it ended, and the second pair is checked to still carry data.
const KILL_HELPER: &str = r#"
import errno, json, socket, sys, time
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(4)
c1 = socket.create_connection(l.getsockname()); s1, _ = l.accept()
c2 = socket.create_connection(l.getsockname()); s2, _ = l.accept()
print(json.dumps({"listen": l.getsockname()[1], "c1": c1.getsockname()[1], "c2": c2.getsockname()[1]}), flush=True)
sys.stdin.readline()
c1.settimeout(10)
try:
    c1.recv(10); print("c1: no error", flush=True)
except OSError as e:
    print("c1: " + errno.errorcode.get(e.errno, str(e.errno)), flush=True)
c2.sendall(b"ping"); s2.settimeout(5)
print("c2: " + ("alive" if s2.recv(4) == b"ping" else "dead"), flush=True)
"#;

#[test]
fn kill_aborts_the_matching_socket_and_spares_the_rest() {
    let mut peer = Peer::start(KILL_HELPER);
    let info: Value = serde_json::from_str(&peer.first_line).unwrap();
    let c1 = info["c1"].as_u64().unwrap().to_string();
    // without CAP_NET_ADMIN the kernel refuses: exit 1 saying so, and c1 lives on
    let filter = format!("sport = :{c1}");
    let unprivileged = Command::new("setpriv")
        .args([
            "--inh-caps=-net_admin",
            "--bounding-set=-net_admin",
            "--",
            BIN,
        ])
        .args(["conns", "--kill", &filter])
        .env("NO_COLOR", "1")
        .output()
        .expect("setpriv (util-linux) runs sockkit without CAP_NET_ADMIN");
    assert_eq!(unprivileged.status.code(), Some(1), "{unprivileged:?}");
    let why = String::from_utf8_lossy(&unprivileged.stderr);
    assert!(why.contains("CAP_NET_ADMIN"), "{why}");
    let r = run(&[
        "conns",
        "--kill",
        "-p",
        "--json",
        "sport",
        "=",
        &format!(":{c1}"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let killed = json_lines(&r.stdout);
    assert_eq!(killed.len(), 1, "{}", r.stdout);
    assert_eq!(killed[0]["local_port"].as_u64().unwrap().to_string(), c1);
    // -p: the process that held it
    assert_eq!(
        killed[0]["processes"][0]["pid"].as_u64(),
        Some(u64::from(peer.child.id())),
        "{}",
        r.stdout
    );
    peer.child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(b"go\n")
        .unwrap();
    let rest = peer.finish(Duration::from_secs(20));
    assert!(rest.contains("c1: ECONNABORTED"), "{rest}");
    assert!(rest.contains("c2: alive"), "{rest}");
    // nothing left to match: exit 1 saying so
    let again = run(&["conns", "--kill", "sport", "=", &format!(":{c1}")]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again.stderr.contains("no socket matched"),
        "{}",
        again.stderr
    );
    // no filter at all is refused before anything is touched
    let bare = run(&["conns", "--kill"]);
    assert_eq!(bare.code, 2, "{}", bare.stderr);
    assert!(bare.stderr.contains("needs a filter"), "{}", bare.stderr);
}

/// A listener with one connection and a second listener; on a line on stdin all close
/// (the client first, so its full socket is destroyed on its way to TIME-WAIT).
const CLOSE_HELPER: &str = r#"
import json, socket, struct, sys, time
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(4)
c = socket.create_connection(l.getsockname()); s, _ = l.accept()
other = socket.socket(); other.bind(("127.0.0.1", 0)); other.listen(1)
print(json.dumps({"listen": l.getsockname()[1], "client": c.getsockname()[1], "other": other.getsockname()[1]}), flush=True)
sys.stdin.readline()
c.close(); time.sleep(0.1); s.close(); l.close(); other.close()
print("closed", flush=True)
time.sleep(30)
"#;

#[test]
fn events_report_sockets_as_they_close_until_interrupted() {
    let mut peer = Peer::start(CLOSE_HELPER);
    let info: Value = serde_json::from_str(&peer.first_line).unwrap();
    let listen = info["listen"].as_u64().unwrap();
    let client = info["client"].as_u64().unwrap();
    let other = info["other"].as_u64().unwrap();
    let expr = format!("sport = :{listen} or dport = :{listen}");
    let mut child = sockkit(&["conns", "--events", "--json", "-v", &expr])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    // -v says when the kernel's destroy groups are joined
    let mut ready = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    assert!(ready.contains("following"), "{ready}");
    assert!(child.try_wait().unwrap().is_none(), "--events ended early");
    peer.child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(b"go\n")
        .unwrap();
    let mut seen: Vec<Value> = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.push(serde_json::from_str(&line).unwrap());
        }
        let has = |port: u64| seen.iter().any(|v| v["local_port"].as_u64() == Some(port));
        if has(client) && has(listen) {
            break;
        }
    }
    let has = |port: u64| seen.iter().any(|v| v["local_port"].as_u64() == Some(port));
    assert!(has(client), "the client: {seen:?}");
    assert!(has(listen), "the listener: {seen:?}");
    assert!(!has(other), "outside the filter: {seen:?}");
    for v in &seen {
        assert!(v["ts"].is_string(), "{v}");
        let (l, r) = (v["local_port"].as_u64(), v["remote_port"].as_u64());
        assert!(l == Some(listen) || r == Some(listen), "{v}");
    }
    // SIGINT: the shell sees an interrupt
    // SAFETY: the child is ours and still running.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = wait_bounded(child, Duration::from_secs(10), "conns --events").status;
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
    drop(peer);
}

#[test]
fn netns_by_name_and_by_pid_sees_that_namespace_only() {
    let ns = format!("sk-conns-{}", std::process::id());
    let made = Command::new("ip").args(["netns", "add", &ns]).status();
    assert!(made.is_ok_and(|s| s.success()), "ip netns add {ns}");
    struct Gone(String);
    impl Drop for Gone {
        fn drop(&mut self) {
            let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
        }
    }
    let _gone = Gone(ns.clone());
    assert!(
        Command::new("ip")
            .args(["-n", &ns, "link", "set", "lo", "up"])
            .status()
            .unwrap()
            .success()
    );
    // a TCP listener and an abstract Unix listener (that namespace is per network
    // namespace too)
    let script = "import os, socket, time\nl = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen(1)\nu = socket.socket(socket.AF_UNIX); u.bind('\\0sockkit-netns-%d' % os.getpid()); u.listen(1)\nprint(l.getsockname()[1], os.fstat(l.fileno()).st_ino, os.getpid(), os.fstat(u.fileno()).st_ino, flush=True)\ntime.sleep(30)\n";
    let mut child = Command::new("ip")
        .args(["netns", "exec", &ns, "python3", "-u", "-c", script])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let parts: Vec<u64> = line
        .split_whitespace()
        .map(|w| w.parse().unwrap())
        .collect();
    let (port, inode, pid, unix_inode) = (parts[0], parts[1], parts[2], parts[3]);
    let listed = |args: &[&str]| -> Vec<Value> {
        let r = ok(args);
        json_lines(&r.stdout)
    };
    let inside = listed(&["conns", "-l", "--json", "--netns", &ns]);
    assert!(
        inside
            .iter()
            .any(|v| v["inode"].as_u64() == Some(inode) && v["local_port"].as_u64() == Some(port)),
        "{inside:?}"
    );
    let by_pid = listed(&["conns", "-l", "--json", "--netns", &pid.to_string()]);
    assert!(
        by_pid.iter().any(|v| v["inode"].as_u64() == Some(inode)),
        "{by_pid:?}"
    );
    let unix_inside = listed(&["conns", "-xl", "--json", "--netns", &ns]);
    assert!(
        unix_inside
            .iter()
            .any(|v| v["inode"].as_u64() == Some(unix_inode)
                && v["path"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("@sockkit-netns-"))),
        "{unix_inside:?}"
    );
    let unix_outside = listed(&["conns", "-xl", "--json"]);
    assert!(
        !unix_outside
            .iter()
            .any(|v| v["inode"].as_u64() == Some(unix_inode))
    );
    let outside = listed(&["conns", "-l", "--json"]);
    assert!(!outside.iter().any(|v| v["inode"].as_u64() == Some(inode)));
    let _ = child.kill();
    let _ = child.wait();
    let missing = run(&["conns", "--netns", "sk-no-such-namespace"]);
    assert_eq!(missing.code, 1, "{}", missing.stderr);
    assert!(
        missing.stderr.contains("sk-no-such-namespace"),
        "{}",
        missing.stderr
    );
    rejects(&["conns", "--netns", "../etc"], "--netns");
}

#[test]
fn ss_habits_work_as_typed() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port().to_string();
    for flags in [
        "-tlnp", "-tuln", "-tan", "-s", "-x", "-xp", "-tlno", "-tlne",
    ] {
        let r = ok(&["conns", flags]);
        assert!(!r.stdout.is_empty(), "{flags}");
        if flags.starts_with("-tl") {
            assert!(
                r.stdout.contains(&format!("127.0.0.1:{port}")),
                "{flags}: {}",
                r.stdout
            );
        }
    }
    let e = ok(&["conns", "-tlne", "sport", "=", &format!(":{port}")]);
    assert!(
        e.stdout.contains("ino:") && e.stdout.contains("sk:"),
        "{}",
        e.stdout
    );
    let headed = ok(&["conns", "-tln", "sport", "=", &format!(":{port}")]);
    let bare = ok(&["conns", "-tlnH", "sport", "=", &format!(":{port}")]);
    assert_eq!(headed.stdout.lines().count(), 2, "{}", headed.stdout);
    assert_eq!(bare.stdout.lines().count(), 1, "{}", bare.stdout);
    assert_eq!(headed.stdout.lines().nth(1), bare.stdout.lines().next());
}

#[test]
fn watch_records_carry_one_ts_per_refresh_and_sigint_interrupts() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let expr = format!("sport = :{port}");
    let mut child = sockkit(&["conns", "-l", "--watch", "200ms", "--json", &expr])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = until_lines(&mut child, 3, |_| true);
    let ts: Vec<String> = lines
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["ts"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let distinct: BTreeSet<&String> = ts.iter().collect();
    assert_eq!(
        distinct.len(),
        ts.len(),
        "one listener: one record per refresh, each its own ts"
    );
    assert!(
        ts[0].contains('T') && ts[0].ends_with('Z') && ts[0].contains('.'),
        "{}",
        ts[0]
    );
}

#[test]
fn watch_keeps_column_widths_when_rows_narrow() {
    // two listeners, one on a long loopback address; the long one closes after the first
    // refresh, and the columns must stay where they were
    let script = r#"
import socket, sys, time
a = socket.socket(); a.bind(("127.0.0.1", 0)); a.listen(1)
b = socket.socket(); b.bind(("127.100.100.100", 0)); b.listen(1)
print(a.getsockname()[1], b.getsockname()[1], flush=True)
sys.stdin.readline(); b.close(); print("closed", flush=True)
time.sleep(30)
"#;
    let mut peer = Peer::start(script);
    let ports: Vec<&str> = peer.first_line.split(' ').collect();
    let expr = format!("sport = :{} or sport = :{}", ports[0], ports[1]);
    let mut child = sockkit(&["conns", "-l", "--watch", "100ms", &expr])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines: Vec<String> = Vec::new();
    let mut closed_at: Option<usize> = None;
    let start = Instant::now();
    // after the close: three refreshes without the long row
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(l) = rx.recv_timeout(Duration::from_millis(100)) {
            lines.push(l);
        }
        if closed_at.is_none() && lines.iter().any(|l| l.contains("127.100.100.100")) {
            peer.child
                .stdin
                .as_mut()
                .unwrap()
                .write_all(b"go\n")
                .unwrap();
            closed_at = Some(lines.len());
        }
        let narrow = closed_at.map_or(0, |at| {
            lines[at..]
                .split(|l| l.starts_with("Every"))
                .filter(|r| r.len() == 2 && !r.iter().any(|l| l.contains("127.100.100.100")))
                .count()
        });
        if narrow >= 3 {
            break;
        }
    }
    let closed = closed_at.is_some();
    // SAFETY: the child is ours and still running.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = wait_bounded(child, Duration::from_secs(10), "conns --watch").status;
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
    assert!(closed, "{lines:?}");
    let headers: BTreeSet<&String> = lines.iter().filter(|l| l.starts_with("State")).collect();
    let rows: BTreeSet<&String> = lines.iter().filter(|l| l.starts_with("LISTEN")).collect();
    assert!(
        lines.iter().filter(|l| l.starts_with("State")).count() >= 3,
        "{lines:?}"
    );
    assert_eq!(headers.len(), 1, "{headers:?}");
    // the short row padded to the long row's width, as in the first refresh
    let header = headers.iter().next().unwrap();
    let peer_col = header.find("Peer Address:Port").unwrap();
    for row in rows {
        assert_eq!(row.find("*:*"), Some(peer_col), "{header}\n{row}");
    }
    drop(peer);
}

/// Read a running `--watch` until `want` lines pass `counts` (10 s at most), then end it
/// with SIGINT, which it must die of, as a shell expects; every line read so far.
fn until_lines(
    child: &mut std::process::Child,
    want: usize,
    counts: impl Fn(&str) -> bool,
) -> Vec<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines: Vec<String> = Vec::new();
    let start = Instant::now();
    while lines.iter().filter(|l| counts(l)).count() < want
        && start.elapsed() < Duration::from_secs(10)
    {
        if let Ok(l) = rx.recv_timeout(Duration::from_millis(100)) {
            lines.push(l);
        }
    }
    // SAFETY: the child is ours and still running.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "--watch outlived SIGINT"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
    assert!(
        lines.iter().filter(|l| counts(l)).count() >= want,
        "{lines:?}"
    );
    lines
}

#[test]
fn kill_destroys_hundreds_in_batches() {
    let script = r#"
import socket, sys, time
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(512)
held = []
for _ in range(300):
    c = socket.create_connection(l.getsockname()); s, _ = l.accept(); held += [c, s]
print(l.getsockname()[1], flush=True)
time.sleep(30)
"#;
    let peer = Peer::start(script);
    let port = peer.port();
    let filter = format!("sport = :{port}");
    let r = run(&["conns", "--kill", "--json", &filter]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let killed = json_lines(&r.stdout);
    assert_eq!(killed.len(), 300, "{}", r.stderr);
    assert!(
        killed
            .iter()
            .all(|v| v["local_port"].as_u64() == Some(port.into()))
    );
    let left = ok(&["conns", "--json", &filter]);
    assert!(json_lines(&left.stdout).is_empty(), "{}", left.stdout);
    // the listener is outside the default state and survives
    let listening = ok(&["conns", "-l", "--json", &filter]);
    assert_eq!(
        json_lines(&listening.stdout).len(),
        1,
        "{}",
        listening.stdout
    );
    drop(peer);
}

#[test]
fn options_that_do_not_go_together_are_usage_errors() {
    rejects(&["conns", "-x", "src", "inet:127.0.0.1"], "inet:127.0.0.1");
    rejects(&["conns", "-x", "--kill", "-l"], "-x with --kill");
    rejects(&["conns", "-xt"], "-x with -t");
    rejects(
        &["conns", "--kill", "--events", "-l"],
        "--kill with --events",
    );
    rejects(
        &["conns", "--events", "--watch", "1s"],
        "--events with --watch",
    );
    rejects(&["conns", "--kill", "-s", "-l"], "--kill with --summary");
    rejects(&["conns", "--events", "-p"], "-p with --events");
    rejects(&["conns", "state"], "state");
    rejects(&["conns", "state", "bogus"], "bogus");
}

/// A Unix socket whose path holds control characters cannot forge a row of `conns -x`
/// (or colour the terminal): they are shown escaped, and JSON keeps the path exact.
#[test]
fn unix_paths_with_control_characters_are_shown_escaped() {
    let peer = Peer::start(
        r#"
import os, socket, tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, "ok\nu_str LISTEN 0 0 forged\x1b[31m")
s = socket.socket(socket.AF_UNIX)
s.bind(path)
s.listen(1)
print(s.getsockname().encode("unicode_escape").decode(), flush=True)
import time; time.sleep(60)
"#,
    );
    let r = ok(&["conns", "-xl"]);
    assert!(!r.stdout.contains('\x1b'), "{}", r.stdout);
    assert!(
        r.stdout
            .lines()
            .all(|l| !l.starts_with("u_str LISTEN 0 0 forged")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("ok\\nu_str LISTEN 0 0 forged\\x1b[31m"),
        "{}",
        r.stdout
    );
    let j = ok(&["conns", "-xl", "--json"]);
    assert!(
        j.stdout.contains("ok\\nu_str LISTEN 0 0 forged\\u001b[31m"),
        "{}",
        j.stdout
    );
    drop(peer);
}
