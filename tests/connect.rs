//! `sockkit connect` against real Python servers written like the seed programs, and the
//! end-of-session rules of SPEC.md.
//!
//! Servers listen on 127.0.0.2, not 127.0.0.1: a one-client server must not take a port
//! scan of 127.0.0.1 (`connect -z` runs them) for its client. Clients still come from
//! 127.0.0.1, the source address Linux picks on loopback.

mod common;
mod stream_support;

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Peer, free_tcp_port, has_ipv6, python, run, run_with, sockkit, wait_bounded};
use stream_support::{
    closed_tcp_port, peak_rss_kib, random_bytes, scratch, sha256_file, stderr_lines,
    unanswering_listener,
};

const LIMIT: Duration = Duration::from_secs(20);

/// A one-connection TCP server on 127.0.0.2: prints its port, runs `body` with `c` the
/// accepted socket.
fn server(body: &str) -> Peer {
    let body: String = body.lines().map(|l| format!("    {l}\n")).collect();
    Peer::start(&format!(
        "import socket, sys, time, hashlib\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.2', 0))\n\
         s.listen(5)\n\
         print(s.getsockname()[1], flush=True)\n\
         c, addr = s.accept()\n\
         def handle(c, addr):\n{body}\n\
         handle(c, addr)\n"
    ))
}

#[test]
fn hello_hi_chat_answers_and_expect_matches() {
    // The seed's hello/hi server: each message is answered.
    let peer = server(
        "while True:\n    data = c.recv(1024)\n    if not data:\n        break\n    c.send(b'hi\\n' if data.strip() == b'hello' else b'what?\\n')\nc.close()",
    );
    let port = peer.port().to_string();
    let r = run(&[
        "connect",
        "127.0.0.2",
        &port,
        "--send",
        "hello\\n",
        "--expect",
        "^hi",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "hi\n");
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn timestamp_server_answers_each_message() {
    let peer = server(
        "while True:\n    data = c.recv(1024)\n    if not data:\n        break\n    t = time.strftime('%Y-%m-%d %H:%M:%S', time.localtime())\n    c.send(b'[%s] %s' % (t.encode(), data))\nc.close()",
    );
    let port = peer.port().to_string();
    let r = run_with(&["connect", &format!("127.0.0.2:{port}")], b"data", LIMIT);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let re = regex::Regex::new(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] data$").unwrap();
    assert!(re.is_match(&r.stdout), "{:?}", r.stdout);
}

#[test]
fn gopher_selector_with_crlf_reads_to_eof() {
    // The seed's Gopher client sends `selector\r\n` and reads to EOF.
    let peer = server(
        "f = c.makefile('rb')\nsel = f.readline()\nc.sendall(b'you asked for ' + repr(sel).encode() + b'\\n' + b'x' * 100000 + b'\\n.\\r\\n')\nc.close()",
    );
    let port = peer.port().to_string();
    let r = run_with(
        &["connect", "--crlf", "127.0.0.2", &port],
        b"/about\n",
        LIMIT,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("you asked for b'/about\\r\\n'\n"),
        "{:?}",
        &r.stdout[..60.min(r.stdout.len())]
    );
    assert_eq!(
        r.raw_stdout.len(),
        "you asked for b'/about\\r\\n'\n".len() + 100000 + 4
    );
}

#[test]
fn crlf_applies_to_send_text() {
    let peer = server("c.sendall(repr(c.recv(100)).encode())\nc.close()");
    let port = peer.port().to_string();
    let r = run(&[
        "connect",
        "--crlf",
        "127.0.0.2",
        &port,
        "--send",
        "GET /\\n",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "b'GET /\\r\\n'");
}

#[test]
fn a_half_closed_peer_that_stops_reading_does_not_hold_sockkit_past_w() {
    // The peer ends its side at once and never reads: after its EOF, stdin (a file far
    // larger than the socket buffers) cannot go out.
    let path = scratch("half-closed-file");
    std::fs::write(&path, random_bytes(32 << 20, 5)).unwrap();
    let peer = server(
        "c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)\n\
         c.shutdown(socket.SHUT_WR)\ntime.sleep(60)",
    );
    let port = peer.port().to_string();
    // SPEC: -w bounds the wait on a peer that does not read; without it sockkit waits,
    // as for a peer that does not answer (a slow reader is not a refusal).
    let child = sockkit(&["connect", "-w", "1s", "127.0.0.2", &port])
        .stdin(std::fs::File::open(&path).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, LIMIT, "connect to a peer that stopped reading");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not delivered"), "{stderr}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn greeting_server_counts_the_characters() {
    let peer = server(
        "f = c.makefile('rwb', 0)\nf.write(b'welcome,' + str(addr).encode() + b'\\n')\nf.write(b'Please enter a string:')\nline = f.readline().strip()\nf.write(b'You entered %d characters.\\n' % len(line))\nf.close()\nc.close()",
    );
    let port = peer.port().to_string();
    let r = run_with(&["connect", "127.0.0.2", &port], b"hello world\n", LIMIT);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("welcome,('127.0.0.1', "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .ends_with("Please enter a string:You entered 11 characters.\n"),
        "{}",
        r.stdout
    );
}

fn one_is_welcome_server() -> Peer {
    server(
        "c.settimeout(5)\ntry:\n    buf = c.recv(1024).decode()\n    c.send(b'welcome to server' if buf == '1' else b'please go out')\nexcept socket.timeout:\n    print('time out')\nc.close()",
    )
}

#[test]
fn one_is_welcome_expect_decides_the_exit_code() {
    let peer = one_is_welcome_server();
    let port = peer.port().to_string();
    let ok = run(&[
        "connect",
        "127.0.0.2",
        &port,
        "--send",
        "1",
        "--expect",
        "^welcome",
    ]);
    assert_eq!(
        (ok.code, ok.stdout.as_str()),
        (0, "welcome to server"),
        "{}",
        ok.stderr
    );

    let peer = one_is_welcome_server();
    let port = peer.port().to_string();
    let no = run(&[
        "connect",
        "127.0.0.2",
        &port,
        "--send",
        "2",
        "--expect",
        "^welcome",
    ]);
    assert_eq!(no.code, 1);
    assert_eq!(
        no.stdout, "please go out",
        "the reply is printed as received"
    );
    assert!(
        no.stderr.starts_with("sockkit: 127.0.0.2:"),
        "{}",
        no.stderr
    );
    assert!(
        no.stderr.contains("without a reply matching '^welcome'"),
        "{}",
        no.stderr
    );
    assert_eq!(no.stderr.lines().count(), 1);
}

#[test]
fn thank_you_server_with_empty_stdin() {
    let peer = server("c.send(b'Thank you for connecting')\nc.close()");
    let port = peer.port().to_string();
    let r = run(&["connect", "-v", "127.0.0.2", &port]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "Thank you for connecting");
    assert!(
        r.stderr
            .contains(&format!("connected to 127.0.0.2:{port} in ")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("closed: 24 B in, 0 B out"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_late_answer_after_half_close_is_still_read() {
    // nc without -N hangs here and socat drops it: the server answers 1.5 s after our EOF.
    let peer = server(
        "data = b''\nwhile True:\n    d = c.recv(65536)\n    if not d:\n        break\n    data += d\ntime.sleep(1.5)\nc.sendall(b'late answer to ' + data)\nc.close()",
    );
    let port = peer.port().to_string();
    let started = Instant::now();
    let r = run_with(&["connect", "127.0.0.2", &port], b"question", LIMIT);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "late answer to question");
    assert!(started.elapsed() >= Duration::from_millis(1400));
}

#[test]
fn no_shutdown_keeps_the_write_side_open() {
    let script = "c.recv(100)\nc.settimeout(0.5)\ntry:\n    more = c.recv(100)\n    c.send(b'saw-eof' if more == b'' else b'more')\nexcept socket.timeout:\n    c.send(b'still-open')\nc.close()";
    let peer = server(script);
    let port = peer.port().to_string();
    let r = run(&[
        "connect",
        "127.0.0.2",
        &port,
        "--send",
        "x",
        "--no-shutdown",
    ]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "still-open"),
        "{}",
        r.stderr
    );

    let peer = server(script);
    let port = peer.port().to_string();
    let r = run(&["connect", "127.0.0.2", &port, "--send", "x"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, "saw-eof"), "{}", r.stderr);
}

/// A server that half-closes at once (after the first bytes, with `after_first`), then
/// reads everything and prints its size and sha256.
fn hashing_receiver(after_first: bool) -> Peer {
    let first = if after_first {
        "first = c.recv(1)\n"
    } else {
        "first = b''\n"
    };
    server(&format!(
        "{first}c.shutdown(socket.SHUT_WR)\nh = hashlib.sha256(first)\nn = len(first)\nwhile True:\n    d = c.recv(1 << 20)\n    if not d:\n        break\n    h.update(d)\n    n += len(d)\nprint(n, h.hexdigest(), flush=True)\nc.close()",
    ))
}

#[test]
fn peer_eof_still_delivers_a_whole_file_from_stdin() {
    let path = scratch("payload-file");
    std::fs::write(&path, random_bytes(64 << 20, 7)).unwrap();
    let want = sha256_file(&path);
    let mut peer = hashing_receiver(false);
    let port = peer.port().to_string();
    let child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(std::fs::File::open(&path).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, LIMIT, "connect < file");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut line = String::new();
    std::io::BufRead::read_line(&mut peer.stdout, &mut line).unwrap();
    assert_eq!(line.trim(), format!("{} {want}", 64 << 20));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn peer_eof_still_delivers_what_sits_in_a_pipe() {
    let data = random_bytes(48 << 20, 11);
    let expected = {
        let path = scratch("pipe-payload");
        std::fs::write(&path, &data).unwrap();
        let h = sha256_file(&path);
        let _ = std::fs::remove_file(&path);
        h
    };
    // The receiver half-closes once the writer is streaming: whether a pipe's writer
    // has started before the peer's EOF is a race no tool can see through.
    let mut peer = hashing_receiver(true);
    let port = peer.port().to_string();
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = wait_bounded(child, LIMIT, "cat | connect");
    writer.join().unwrap().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut line = String::new();
    std::io::BufRead::read_line(&mut peer.stdout, &mut line).unwrap();
    assert_eq!(line.trim(), format!("{} {expected}", 48 << 20));
}

#[test]
fn peer_eof_with_an_idle_open_stdin_closes_stdout_and_waits_for_stdin() {
    // A pipe on stdin is data a script means to deliver: after the peer's EOF sockkit
    // keeps waiting for stdin's end (no timer decides that a quiet pipe is finished),
    // but stdout ends at once, and the wait is said once stdin has been silent for 2 s.
    let mut peer = server(
        "c.sendall(b'bye')\nsys.stdin.readline()\nc.shutdown(socket.SHUT_WR)\n\
         got = b''\nwhile True:\n    x = c.recv(100)\n    if not x: break\n    got += x\n\
         print(got)",
    );
    let port = peer.port().to_string();
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let lines = stderr_lines(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut all);
        let _ = tx.send(all);
    });
    // The peer sent "bye" and keeps its side open: stdout does not end yet.
    assert!(rx.recv_timeout(Duration::from_millis(800)).is_err());
    // The peer ends its side and goes on reading.
    peer.child.stdin.as_mut().unwrap().write_all(b"\n").unwrap();
    // The peer's EOF: stdout ends at once, with all that came, while stdin stays open.
    let got = rx
        .recv_timeout(Duration::from_secs(3))
        .expect("stdout's end");
    assert_eq!(got, b"bye");
    let notice = lines
        .recv_timeout(Duration::from_secs(8))
        .expect("a notice about the wait");
    assert!(
        notice.contains("peer closed; still sending stdin until its end"),
        "{notice}"
    );
    let hint = lines
        .recv_timeout(Duration::from_secs(1))
        .unwrap_or_default();
    assert!(hint.contains("--linger 0"), "{hint}");
    assert!(
        child.try_wait().unwrap().is_none(),
        "sockkit ended while stdin was open"
    );
    stdin.write_all(b"late but wanted\n").unwrap();
    drop(stdin);
    let out = wait_bounded(child, Duration::from_secs(5), "connect after stdin's EOF");
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    assert_eq!(peer.finish(LIMIT).trim(), "b'late but wanted\\n'");
}

#[test]
fn linger_zero_ends_the_session_at_the_peers_eof() {
    let peer = server("c.sendall(b'bye')\nc.close()");
    let port = peer.port().to_string();
    let mut child = sockkit(&["connect", "--linger", "0", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Keep stdin open and silent for the whole run.
    let stdin = child.stdin.take().unwrap();
    let out = wait_bounded(child, Duration::from_secs(5), "connect --linger 0");
    drop(stdin);
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    assert_eq!(out.stdout, b"bye");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn data_refused_by_a_closed_peer_is_reported_not_delivered() {
    // The server closes completely without reading; the file cannot be delivered.
    let path = scratch("refused-file");
    std::fs::write(&path, random_bytes(8 << 20, 3)).unwrap();
    let peer = server("c.close()\ntime.sleep(2)");
    let port = peer.port().to_string();
    let child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(std::fs::File::open(&path).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, LIMIT, "connect to a closed peer");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not delivered"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn refused_is_one_line_exit_1() {
    let closed = closed_tcp_port();
    let port = closed.port.to_string();
    let r = run(&["connect", "127.0.0.2", &port]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!("sockkit: connect 127.0.0.2:{port}: connection refused\n")
    );
}

#[test]
fn bad_input_is_exit_2_naming_the_value() {
    for (args, needle) in [
        (&["connect", "127.0.0.2", "70000"][..], "70000"),
        (&["connect", "1.2.3.999", "80"], "1.2.3.999"),
        (
            &["connect", "127.0.0.2", "80", "--expect", "("],
            "--expect '('",
        ),
        (
            &["connect", "127.0.0.2", "80", "--idle-timeout", "soon"],
            "--idle-timeout",
        ),
        (&["connect", "127.0.0.2", "80", "--send", "\\xZZ"], "--send"),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
        assert_eq!(
            r.stderr
                .lines()
                .filter(|l| !l.starts_with("  hint"))
                .count(),
            1
        );
    }
}

#[test]
fn wait_until_retries_until_the_server_is_up() {
    let closed = closed_tcp_port();
    let port = closed.port.to_string();
    let mut child = sockkit(&[
        "connect",
        "-v",
        "--wait-until",
        "15s",
        "127.0.0.2",
        &port,
        "--send",
        "ping",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let lines = stderr_lines(child.stderr.take().unwrap());
    let started = Instant::now();
    let mut stderr = String::new();
    while !stderr.contains("connection refused; retrying") {
        let left = Duration::from_secs(10).saturating_sub(started.elapsed());
        let line = lines.recv_timeout(left).expect("a 'retrying' line");
        stderr.push_str(&line);
        stderr.push('\n');
    }
    // The port the refused attempts went to starts listening now.
    let listener = closed.listen();
    let server = std::thread::spawn(move || {
        use std::io::Read;
        let (mut c, _) = listener.accept().unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut got = [0u8; 4];
        c.read_exact(&mut got).unwrap();
        c.write_all(b"pong:").unwrap();
        c.write_all(&got).unwrap();
    });
    let out = wait_bounded(child, Duration::from_secs(25), "connect --wait-until");
    server.join().unwrap();
    stderr.extend(lines.try_iter().map(|l| l + "\n"));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(out.stdout, b"pong:ping");
}

#[test]
fn expect_times_out_with_exit_1() {
    let peer = server("time.sleep(5)\nc.close()");
    let port = peer.port().to_string();
    let started = Instant::now();
    let r = run(&[
        "connect",
        "-w",
        "500ms",
        "127.0.0.2",
        &port,
        "--send",
        "x",
        "--expect",
        "hi",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[test]
fn idle_timeout_ends_a_silent_session() {
    let peer = server("time.sleep(5)\nc.close()");
    let port = peer.port().to_string();
    let mut child = sockkit(&["connect", "--idle-timeout", "400ms", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let started = Instant::now();
    let out = wait_bounded(child, Duration::from_secs(5), "connect --idle-timeout");
    drop(stdin);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("idle timeout"));
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn json_events_and_stats() {
    let peer = server("c.recv(10)\nc.sendall(b'ok')\nc.close()");
    let port = peer.port().to_string();
    let r = run(&[
        "connect",
        "-v",
        "--json",
        "--stats",
        "127.0.0.2",
        &port,
        "--send",
        "hey",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ok");
    let events: Vec<serde_json::Value> = r
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stderr line is JSON"))
        .collect();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["connected", "closed", "stats"], "{}", r.stderr);
    assert_eq!(events[1]["bytes_in"], 2);
    assert_eq!(events[1]["bytes_out"], 3);
    assert_eq!(events[2]["bytes_out"], 3);
}

#[test]
fn source_port_is_used() {
    let peer = server("c.sendall(str(addr[1]).encode())\nc.close()");
    let port = peer.port().to_string();
    // A port free a moment ago may be taken by a test running beside this one before
    // sockkit binds it: that one attempt is "address already in use"; try another.
    for _ in 0..5 {
        let src = free_tcp_port().to_string();
        let r = run(&["connect", "-p", &src, "127.0.0.2", &port]);
        if r.code == 1 && r.stderr.contains("address already in use") {
            continue;
        }
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout, src);
        return;
    }
    panic!("five free ports in a row were taken before sockkit could bind them");
}

#[test]
fn ipv6_loopback() {
    if !has_ipv6() {
        return;
    }
    let peer = Peer::start(
        "import socket\ns = socket.socket(socket.AF_INET6)\ns.bind(('::1', 0))\ns.listen(1)\n\
         print(s.getsockname()[1], flush=True)\nc, _ = s.accept()\nc.sendall(b'v6:' + c.recv(10))\nc.close()\n",
    );
    let port = peer.port().to_string();
    let r = run(&["connect", "-v", &format!("[::1]:{port}"), "--send", "hi"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "v6:hi");
    assert!(
        r.stderr.contains(&format!("connected to [::1]:{port}")),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bracketed_ipv6_host_may_stand_apart_from_its_port() {
    if !has_ipv6() {
        return;
    }
    let peer = Peer::start(
        "import socket\ns = socket.socket(socket.AF_INET6)\ns.bind(('::1', 0))\ns.listen(1)\n\
         print(s.getsockname()[1], flush=True)\nc, _ = s.accept()\nc.sendall(b'ok')\nc.close()\n",
    );
    let port = peer.port().to_string();
    let r = run(&["connect", "[::1]", &port]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ok");
}

#[test]
fn unix_socket_client() {
    let path = scratch("srv.sock");
    let peer = Peer::start(&format!(
        "import socket\ns = socket.socket(socket.AF_UNIX)\ns.bind({path:?})\ns.listen(1)\n\
         print('READY', flush=True)\nc, _ = s.accept()\nc.sendall(b'unix:' + c.recv(10))\nc.close()\n"
    ));
    assert_eq!(peer.first_line, "READY");
    let r = run(&["connect", "--unix", &path, "--send", "hi"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "unix:hi");
    let _ = std::fs::remove_file(&path);

    let r = run(&["connect", "--unix", &path]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no such file or directory"),
        "{}",
        r.stderr
    );
}

#[test]
fn endless_stdin_into_a_slow_reader_stays_small() {
    // The reader takes 64 KiB every 20 ms; sockkit must not buffer what it cannot send.
    let peer = server(
        "end = time.time() + 2.5\nwhile time.time() < end:\n    if not c.recv(65536):\n        break\n    time.sleep(0.02)\ntime.sleep(5)",
    );
    let port = peer.port().to_string();
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(2000));
    let peak = peak_rss_kib(child.id());
    let _ = child.kill();
    let _ = child.wait();
    assert!(peak < 32 * 1024, "peak RSS {peak} KiB");
}

#[test]
fn sigterm_mid_session_keeps_what_was_received_and_dies_by_the_signal() {
    let peer = server("c.sendall(b'partial answer')\ntime.sleep(10)");
    let port = peer.port().to_string();
    let path = scratch("sigterm-out");
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(std::fs::File::create(&path).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let started = Instant::now();
    while std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) < 14 {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no data arrived"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = wait_bounded(child, Duration::from_secs(5), "connect after SIGTERM");
    drop(stdin);
    // As a shell expects of an interrupted child: death by the signal, not exit(143).
    assert_eq!(out.status.signal(), Some(libc::SIGTERM), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"partial answer");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn sigterm_during_a_bounded_connect_dies_by_the_signal_at_once() {
    let peer = unanswering_listener();
    let port = peer.port().to_string();
    let mut child = sockkit(&["-vv", "-w", "30s", "connect", "127.0.0.2", &port])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The socket(2) trace comes just before connect(2), which then waits for an answer
    // that never comes.
    let lines = stderr_lines(child.stderr.take().unwrap());
    let started = Instant::now();
    loop {
        let left = Duration::from_secs(10).saturating_sub(started.elapsed());
        let line = lines.recv_timeout(left).expect("a socket(2) trace line");
        if line.starts_with("socket(AF_INET") {
            break;
        }
    }
    let signalled = Instant::now();
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = wait_bounded(child, Duration::from_secs(10), "connect after SIGTERM");
    // As a shell expects of an interrupted child: death by the signal, not exit(143).
    assert_eq!(out.status.signal(), Some(libc::SIGTERM), "{:?}", out.status);
    assert!(
        signalled.elapsed() < Duration::from_secs(5),
        "took {:?}",
        signalled.elapsed()
    );
}

#[test]
fn wait_until_bounds_each_attempt_by_the_time_left() {
    // No -w: an attempt against an address that never answers must still end when
    // --wait-until runs out, not after the kernel's two minutes of SYN retries.
    let peer = unanswering_listener();
    let port = peer.port().to_string();
    let started = Instant::now();
    let child = sockkit(&["connect", "--wait-until", "1s", "127.0.0.2", &port])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, LIMIT, "connect --wait-until to a silent address");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("timed out"), "{stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

/// What a terminal on sockkit's stderr shows during a slow session: stdout is a pipe
/// (`to_pipe`) or the same terminal.
fn stderr_terminal_shows(to_pipe: bool) -> String {
    let peer = server("for _ in range(15):\n    c.sendall(b'x')\n    time.sleep(0.1)\nc.close()");
    let port = peer.port();
    let bin = common::BIN;
    let out_mode = if to_pipe { "subprocess.PIPE" } else { "s" };
    python(&format!(
        "import os, pty, select, subprocess, time\n\
         m, s = pty.openpty()\n\
         p = subprocess.Popen(['{bin}', 'connect', '127.0.0.2', '{port}'], stdin=subprocess.DEVNULL,\n\
         \x20   stdout={out_mode}, stderr=s, env={{'PATH': '/usr/bin:/bin', 'LANG': 'C', 'NO_COLOR': '1'}})\n\
         os.close(s)\n\
         seen = b''\n\
         end = time.time() + 20\n\
         while time.time() < end:\n\
         \x20   r, _, _ = select.select([m], [], [], max(0, end - time.time()))\n\
         \x20   if not r:\n\
         \x20       break\n\
         \x20   try:\n\
         \x20       d = os.read(m, 4096)\n\
         \x20   except OSError:\n\
         \x20       break\n\
         \x20   if not d:\n\
         \x20       break\n\
         \x20   seen += d\n\
         payload = p.stdout.read() if p.stdout else b''\n\
         print(p.wait(timeout=20), repr(payload), repr(seen))\n"
    ))
}

#[test]
fn progress_line_on_a_terminal_only_while_the_data_goes_elsewhere() {
    let shown = stderr_terminal_shows(true);
    assert!(shown.starts_with("0 b'xxxxxxxxxxxxxxx' "), "{shown}");
    let line = regex::Regex::new(r"\\r\\x1b\[K\d+ B in, 0 B out, \d+ B/s").unwrap();
    assert!(line.is_match(&shown), "{shown}");
    // The line is erased at the end.
    assert!(shown.trim_end().ends_with("\\r\\x1b[K'"), "{shown}");

    let shown = stderr_terminal_shows(false);
    assert!(shown.starts_with("0 b'' "), "{shown}");
    assert!(shown.contains("xxxxxxxxxxxxxxx"), "{shown}");
    assert!(!shown.contains("x1b"), "{shown}");
}

#[test]
fn every_resolved_address_is_tried_in_turn() {
    // `localhost` usually resolves to ::1 and 127.0.0.1; only 127.0.0.1 listens here. The
    // server skips connections that send nothing.
    let order = common::python(
        "print(' '.join(a[4][0] for a in socket.getaddrinfo('localhost', 1, 0, socket.SOCK_STREAM)))",
    );
    let peer = Peer::start(
        "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(5)\n\
         print(s.getsockname()[1], flush=True)\nwhile True:\n    c, _ = s.accept()\n    d = c.recv(10)\n\
         \x20   if d:\n        c.sendall(b'v4:' + d)\n        c.close()\n        break\n    c.close()\n",
    );
    let port = peer.port().to_string();
    let r = run(&["connect", "-v", "localhost", &port, "--send", "hi"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "v4:hi");
    assert!(
        r.stderr.contains(&format!("connected to 127.0.0.1:{port}")),
        "{}",
        r.stderr
    );
    if order.trim().starts_with("::1") {
        assert!(
            r.stderr.contains(&format!(
                "connect [::1]:{port}: connection refused; trying the next address"
            )),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn typed_lines_go_out_at_once() {
    // The hello/hi chat typed line by line: each answer must come back before the next
    // line is written, so nothing may wait for a fuller buffer.
    let peer =
        server("f = c.makefile('rwb', 0)\nfor line in f:\n    f.write(b'hi ' + line)\nc.close()");
    let port = peer.port().to_string();
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        while std::io::BufRead::read_line(&mut stdout, &mut line).unwrap_or(0) > 0 {
            let _ = tx.send(std::mem::take(&mut line));
        }
    });
    for word in ["hello", "again", "bye"] {
        stdin.write_all(format!("{word}\n").as_bytes()).unwrap();
        let answer = rx
            .recv_timeout(Duration::from_secs(5))
            .expect("an answer per line");
        assert_eq!(answer, format!("hi {word}\n"));
    }
    drop(stdin);
    let out = wait_bounded(child, LIMIT, "interactive connect");
    assert_eq!(out.status.code(), Some(0));
}
