//! Faults a script meets at 3 a.m.: a peer that resets, one that never answers, a reader
//! that goes away, a process out of file descriptors, and a thousand --exec children.

mod common;
mod stream_support;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{run_with, sockkit, wait_bounded};
use stream_support::Server;

/// A TCP listener on 127.0.0.2 (away from scans of 127.0.0.1) and its port.
fn listener() -> (TcpListener, String) {
    let l = TcpListener::bind("127.0.0.2:0").unwrap();
    let port = l.local_addr().unwrap().port().to_string();
    (l, port)
}

#[test]
fn peer_reset_mid_transfer_exits_1_with_the_reason() {
    let (l, port) = listener();
    let server = std::thread::spawn(move || {
        let (mut s, _) = l.accept().unwrap();
        let mut buf = [0u8; 65536];
        let _ = s.read(&mut buf);
        // SO_LINGER 0: close() sends a reset instead of a FIN.
        let sock = socket2::SockRef::from(&s);
        sock.set_linger(Some(Duration::ZERO)).unwrap();
    });
    let payload = vec![b'x'; 32 << 20];
    let r = run_with(
        &["connect", "127.0.0.2", &port],
        &payload,
        Duration::from_secs(20),
    );
    server.join().unwrap();
    assert_eq!(r.code, 1, "{r:?}");
    let first = r.stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with("sockkit: ")
            && (first.contains("reset") || first.contains("broken pipe")),
        "{first}"
    );
}

#[test]
fn a_peer_that_never_answers_is_bounded_by_the_timeout() {
    let (l, port) = listener();
    let _server = std::thread::spawn(move || {
        let (s, _) = l.accept().unwrap();
        std::thread::sleep(Duration::from_secs(5));
        drop(s);
    });
    let started = Instant::now();
    let r = run_with(
        &[
            "-w",
            "300ms",
            "connect",
            "127.0.0.2",
            &port,
            "--send",
            "hello",
            "--expect",
            "hi",
        ],
        b"",
        Duration::from_secs(10),
    );
    let took = started.elapsed();
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
    // The timeout is honoured, never cut short; the upper bound only catches a hang.
    assert!(took >= Duration::from_millis(300), "gave up after {took:?}");
    assert!(took < Duration::from_secs(4), "took {took:?}");
    eprintln!("-w 300ms --expect gave up after {took:?}");
}

#[test]
fn stdout_closed_early_ends_quietly() {
    let (l, port) = listener();
    let server = std::thread::spawn(move || {
        let (mut s, _) = l.accept().unwrap();
        let chunk = vec![b'y'; 1 << 16];
        // Bounded: at most 256 MiB, and it stops when the reader goes away.
        for _ in 0..4096 {
            if s.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let o = wait_bounded(child, Duration::from_secs(10), "connect into a closed pipe");
    server.join().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Echo `msg` through a fresh client of 127.0.0.2:port.
fn echo_once(port: u16, msg: &[u8]) -> Vec<u8> {
    let mut c = TcpStream::connect(("127.0.0.2", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    c.write_all(msg).unwrap();
    let mut back = vec![0u8; msg.len()];
    c.read_exact(&mut back).unwrap();
    back
}

#[test]
fn out_of_descriptors_keeps_serving_says_so_once_and_recovers() {
    // 20 descriptors: stdio, the listener and a few spare leave room for ~12 clients.
    let server = Server::start_limited(
        &["-k", "--echo", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
        Some(20),
    );
    let mut held = Vec::new();
    for i in 0..40u32 {
        let mut c = TcpStream::connect(("127.0.0.2", server.port)).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        c.write_all(&i.to_be_bytes()).unwrap();
        held.push(c);
    }
    let name = |c: &TcpStream| c.local_addr().unwrap().to_string();
    let accepted_in = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix("accepted "))
            .map(str::to_string)
            .collect()
    };
    // The clients accepted before descriptors ran out are served; the others wait in
    // the backlog. Which ones got in is what the "accepted" lines say.
    let before = server
        .stderr_until("warning: accept", Duration::from_secs(10))
        .expect("a warning about running out of descriptors");
    assert!(
        before.last().unwrap().contains("too many open files"),
        "{before:?}"
    );
    let accepted = accepted_in(&before);
    let (mut served, mut waiting): (Vec<_>, Vec<_>) = held
        .drain(..)
        .enumerate()
        .partition(|(_, c)| accepted.contains(&name(c)));
    assert!(
        !served.is_empty() && !waiting.is_empty(),
        "served {} of 40 under a limit of 20 fds",
        served.len()
    );
    for (i, c) in served.iter_mut() {
        let mut back = [0u8; 4];
        c.read_exact(&mut back).unwrap();
        assert_eq!(back, (*i as u32).to_be_bytes());
    }

    // Free descriptors: the waiting clients are accepted and answered.
    for (_, c) in served.drain(..) {
        c.shutdown(Shutdown::Both).unwrap();
    }
    let (i, c) = loop {
        let line = server
            .stderr_line("accepted", Duration::from_secs(10))
            .expect("no waiting client was accepted after descriptors freed up");
        let peer = line.trim_start_matches("accepted ");
        if let Some(at) = waiting.iter().position(|(_, c)| name(c) == peer) {
            break waiting.swap_remove(at);
        }
    };
    let mut c = c;
    let mut back = [0u8; 4];
    c.read_exact(&mut back).unwrap();
    assert_eq!(back, (i as u32).to_be_bytes());
    drop(c);
    drop(waiting);
    // Still alive and serving; the warning came once (a later shortage is a -v event).
    assert_eq!(echo_once(server.port, b"still here"), b"still here");
    assert!(
        server
            .stderr_line("warning: accept", Duration::from_millis(500))
            .is_none(),
        "the shortage was warned about more than once"
    );
}

/// Children of `pid` that are zombies.
fn zombie_children(pid: u32) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
        let Some(rest) = stat.rsplit_once(") ").map(|(_, r)| r) else {
            continue;
        };
        let mut f = rest.split_whitespace();
        let (state, ppid) = (f.next(), f.next());
        if state == Some("Z") && ppid == Some(&pid.to_string()) {
            n += 1;
        }
    }
    n
}

#[test]
fn a_thousand_exec_connections_leave_no_zombies() {
    let server = Server::start(
        &["-k", "127.0.0.2", "0", "--exec", "/bin/echo", "ok"],
        Stdio::null(),
        Stdio::null(),
    );
    for i in 0..1000 {
        let mut c = TcpStream::connect(("127.0.0.2", server.port)).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut got = String::new();
        c.read_to_string(&mut got).unwrap();
        assert_eq!(got, "ok\n", "connection {i}");
    }
    let start = Instant::now();
    let mut zombies = zombie_children(server.pid());
    while zombies > 0 && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
        zombies = zombie_children(server.pid());
    }
    assert_eq!(zombies, 0, "zombies left after 1000 connections");
}

#[test]
fn exec_children_do_not_inherit_the_listening_socket() {
    let server = Server::start(
        &["-k", "127.0.0.2", "0", "--sh-exec", "ls -l /proc/$$/fd"],
        Stdio::null(),
        Stdio::null(),
    );
    let mut c = TcpStream::connect(("127.0.0.2", server.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut listing = String::new();
    c.read_to_string(&mut listing).unwrap();
    let sockets: std::collections::BTreeSet<&str> = listing
        .lines()
        .filter_map(|l| l.split("socket:[").nth(1))
        .collect();
    // stdin and stdout are the one connection; no other socket (the listener) is there.
    assert_eq!(
        sockets.len(),
        1,
        "the child holds other sockets:\n{listing}"
    );
    assert!(
        listing.lines().filter(|l| l.contains("socket:[")).count() >= 2,
        "{listing}"
    );
}
