//! `sockkit sockopt get|set --pid PID --fd FD`: options of a socket another running
//! process owns, checked by that process itself.

mod common;

use std::io::{BufRead, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use serde_json::Value;

/// Holds an established TCP pair, an unconnected UDP socket and a regular file. Prints
/// `{"pid":..,"tcp":fd,"udp":fd,"file":fd}`, then answers each `keepalive` line on stdin
/// with its own getsockopt(SO_KEEPALIVE) of the TCP client socket. Exits on stdin EOF
/// or after a minute.
const HOLDER: &str = r#"
import json, os, select, socket, sys
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(1)
c = socket.create_connection(l.getsockname()); s, _ = l.accept()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
f = open("/etc/hostname" if os.path.exists("/etc/hostname") else "/dev/null")
print(json.dumps({"pid": os.getpid(), "tcp": c.fileno(), "udp": u.fileno(), "file": f.fileno()}), flush=True)
while select.select([sys.stdin], [], [], 60)[0]:
    line = sys.stdin.readline()
    if not line:
        break
    print(c.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE), flush=True)
"#;

struct Holder {
    peer: Peer,
    info: Value,
}

impl Holder {
    fn start() -> Holder {
        let peer = Peer::start(HOLDER);
        let info = serde_json::from_str(&peer.first_line).expect("holder's JSON line");
        Holder { peer, info }
    }

    fn pid(&self) -> String {
        self.info["pid"].to_string()
    }

    fn fd(&self, which: &str) -> String {
        self.info[which].to_string()
    }

    /// SO_KEEPALIVE of the TCP socket, as the owning process reads it.
    fn own_keepalive(&mut self) -> String {
        let stdin = self.peer.child.stdin.as_mut().unwrap();
        stdin.write_all(b"keepalive\n").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        self.peer.stdout.read_line(&mut line).unwrap();
        line.trim().to_string()
    }
}

#[test]
fn keepalive_read_and_set_on_a_live_connection() {
    let mut h = Holder::start();
    let (pid, fd) = (h.pid(), h.fd("tcp"));
    let args = ["--pid", pid.as_str(), "--fd", fd.as_str()];

    let r = run(&[&["sockopt", "get", "SO_KEEPALIVE"][..], &args].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "SO_KEEPALIVE 0\n");
    assert_eq!(h.own_keepalive(), "0");

    let r = run(&[&["sockopt", "set", "SO_KEEPALIVE=1"][..], &args].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "SO_KEEPALIVE 1\n");
    // the process that owns the socket sees the change
    assert_eq!(h.own_keepalive(), "1");

    let r = run(&[&["sockopt", "get", "SO_KEEPALIVE", "--json"][..], &args].concat());
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["value"], 1, "{v}");

    let r = run(&[&["sockopt", "set", "SO_KEEPALIVE=off"][..], &args].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(h.own_keepalive(), "0");
}

#[test]
fn tcp_info_of_a_live_connection() {
    let h = Holder::start();
    let (pid, fd) = (h.pid(), h.fd("tcp"));
    let r = run(&["sockopt", "get", "TCP_INFO", "--pid", &pid, "--fd", &fd]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("TCP_INFO state=ESTABLISHED "),
        "{}",
        r.stdout
    );

    let r = run(&[
        "sockopt", "get", "TCP_INFO", "--pid", &pid, "--fd", &fd, "--json",
    ]);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["value"]["state"], "ESTABLISHED", "{v}");
    // loopback MSS is large; an unconnected socket would report nothing like it
    assert!(v["value"]["snd_mss"].as_u64().unwrap() > 1000, "{v}");

    // all readable options of a live socket include what needs a connection
    let r = run(&["sockopt", "get", "--pid", &pid, "--fd", &fd]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("TCP_INFO state=ESTABLISHED"))
    );
    assert!(r.stdout.lines().any(|l| l == "SO_TYPE 1"), "{}", r.stdout);
}

#[test]
fn syscalls_are_traced_with_vv() {
    let h = Holder::start();
    let (pid, fd) = (h.pid(), h.fd("tcp"));
    let r = run(&[
        "-vv",
        "sockopt",
        "get",
        "SO_KEEPALIVE",
        "--pid",
        &pid,
        "--fd",
        &fd,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("pidfd_open({pid}, 0) = ")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains(&format!(", {fd}, 0) = ")), "{}", r.stderr);
}

fn assert_fails(args: &[&str], code: i32, reason: &str) {
    let r = run(args);
    assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
    assert!(r.stderr.starts_with("sockkit: "), "{}", r.stderr);
    assert!(r.stderr.contains(reason), "{args:?}: {}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}

#[test]
fn missing_process_missing_fd_not_a_socket() {
    let h = Holder::start();
    let pid = h.pid();
    // a process that has exited: its pid is free
    let gone = Command::new("true").spawn().unwrap();
    let gone_pid = gone.id().to_string();
    wait_bounded(gone, Duration::from_secs(10), "true");
    assert_fails(
        &[
            "sockopt",
            "get",
            "SO_KEEPALIVE",
            "--pid",
            &gone_pid,
            "--fd",
            "3",
        ],
        1,
        "no such process",
    );
    assert_fails(
        &[
            "sockopt",
            "get",
            "SO_KEEPALIVE",
            "--pid",
            &pid,
            "--fd",
            "999",
        ],
        1,
        "no such file descriptor",
    );
    let file = h.fd("file");
    assert_fails(
        &[
            "sockopt",
            "get",
            "SO_KEEPALIVE",
            "--pid",
            &pid,
            "--fd",
            &file,
        ],
        1,
        "not a socket",
    );
    assert_fails(
        &[
            "sockopt",
            "set",
            "SO_KEEPALIVE=1",
            "--pid",
            &pid,
            "--fd",
            &file,
        ],
        1,
        "not a socket",
    );
}

#[test]
fn options_that_do_not_fit_and_bad_ids_are_usage_errors() {
    let h = Holder::start();
    let (pid, udp) = (h.pid(), h.fd("udp"));
    assert_fails(
        &["sockopt", "get", "TCP_NODELAY", "--pid", &pid, "--fd", &udp],
        2,
        "TCP_NODELAY",
    );
    assert_fails(
        &["sockopt", "get", "SO_KEEPALIVE", "--pid", "0", "--fd", "3"],
        2,
        "--pid 0",
    );
    assert_fails(
        &["sockopt", "get", "SO_KEEPALIVE", "--pid", &pid],
        2,
        "required",
    );
    // -O sets options on sockets a command creates; a live socket is changed with `set`
    let tcp = h.fd("tcp");
    assert_fails(
        &[
            "-O",
            "SO_KEEPALIVE=1",
            "sockopt",
            "get",
            "--pid",
            &pid,
            "--fd",
            &tcp,
        ],
        2,
        "-O",
    );
}

#[test]
fn another_users_process_is_not_permitted() {
    let h = Holder::start();
    let root = python("import os; print(os.getuid())").trim() == "0";
    if !root || Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("skipped: needs root and setpriv to run as another user");
        return;
    }
    let (pid, fd) = (h.pid(), h.fd("tcp"));
    let child = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
        .args(["sockopt", "get", "SO_KEEPALIVE", "--pid", &pid, "--fd", &fd])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, Duration::from_secs(20), "sockopt as nobody");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!("sockkit: pid {pid} fd {fd}: not permitted")),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
