//! sockkit's first promise, tried as a hostile tester would: nothing lost at the end of a
//! session, no verdict that lies, no forged line, nothing a peer or a limit can crash.
//! Each test here failed on the code before the end-of-session rule was rewritten.

mod common;
mod stream_support;

use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Peer, python, run, sockkit, wait_bounded};
use stream_support::{Server, peak_rss_kib, scratch};

const LIMIT: Duration = Duration::from_secs(30);

/// A Python server on 127.0.0.2 that runs `body` for its one client `c`.
fn server(body: &str) -> Peer {
    let body: String = body.lines().map(|l| format!("    {l}\n")).collect();
    Peer::start(&format!(
        "import socket, sys, time\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.2', 0))\n\
         s.listen(5)\n\
         print(s.getsockname()[1], flush=True)\n\
         c, addr = s.accept()\n\
         def handle(c, addr):\n{body}\n\
         handle(c, addr)\n"
    ))
}

/// `sh -c SCRIPT` with `$SK` set to the sockkit binary; its exit code and stderr.
fn shell(script: &str, limit: Duration) -> (i32, String, String) {
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("SK", BIN)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh");
    let out = wait_bounded(child, limit, script);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn line_count(path: &str) -> usize {
    std::fs::read(path)
        .map(|d| d.iter().filter(|&&b| b == b'\n').count())
        .unwrap_or(0)
}

/// The issue's own reproduction: a late, slow producer into `connect`, a receiver whose
/// own stdin ended at once. Everything arrives and both sides exit 0, as with `nc -N`.
#[test]
fn a_late_producer_after_the_peers_eof_is_delivered_whole() {
    let out = scratch("late-producer.txt");
    let (code, stdout, stderr) = shell(
        &format!(
            "\"$SK\" listen -v 127.0.0.2 0 < /dev/null > {out} 2> {out}.err &\n\
             for i in $(seq 50); do grep -q listening {out}.err && break; sleep 0.1; done\n\
             port=$(sed -n 's/.*listening on 127.0.0.2://p' {out}.err)\n\
             (sleep 0.5; seq 1 300000) | \"$SK\" connect 127.0.0.2 \"$port\"; c=$?\n\
             wait $!; l=$?\n\
             echo \"$c $l\""
        ),
        LIMIT,
    );
    assert_eq!((code, stdout.trim()), (0, "0 0"), "{stderr}");
    assert_eq!(line_count(&out), 300_000);
}

#[test]
fn roles_swapped_and_a_pause_mid_stream_lose_nothing() {
    let out = scratch("swapped.txt");
    let (code, stdout, stderr) = shell(
        &format!(
            "(sleep 0.5; seq 1 100000; sleep 1.5; seq 100001 200000) | \
             \"$SK\" listen -v 127.0.0.2 0 2> {out}.err &\n\
             for i in $(seq 50); do grep -q listening {out}.err && break; sleep 0.1; done\n\
             port=$(sed -n 's/.*listening on 127.0.0.2://p' {out}.err)\n\
             \"$SK\" connect 127.0.0.2 \"$port\" < /dev/null > {out}; c=$?\n\
             wait $!; l=$?\n\
             echo \"$c $l\""
        ),
        LIMIT,
    );
    assert_eq!((code, stdout.trim()), (0, "0 0"), "{stderr}");
    assert_eq!(line_count(&out), 200_000);
}

/// A terminal on stdin: what is typed after the peer left has nowhere to go, so the
/// session ends at the peer's EOF (tested under a real pty).
#[test]
fn a_terminal_stdin_ends_the_session_at_the_peers_eof() {
    let peer = server("c.sendall(b'bye\\n')\nc.close()");
    let port = peer.port().to_string();
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors we then own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: `slave` is a fresh descriptor owned by nobody else.
    let tty = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(slave) };
    let child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(tty)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_bounded(child, Duration::from_secs(10), "connect on a terminal");
    // SAFETY: closing the master we own, after the run.
    unsafe { libc::close(master) };
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(out.stdout, b"bye\n");
    assert!(out.stderr.is_empty(), "{out:?}");
}

/// `--send` is held data: a server that closes without reading it refuses it, in every
/// run, whichever of its FIN or its reset comes first.
#[test]
fn send_to_a_server_that_closes_without_reading_is_exit_1_every_time() {
    for round in 0..5 {
        let peer = server("c.close()\ntime.sleep(3)");
        let port = peer.port().to_string();
        let child = sockkit(&["connect", "127.0.0.2", &port, "--send", "x\\n"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_bounded(child, LIMIT, "connect --send");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "round {round}: {stderr}");
        assert!(stderr.starts_with("sockkit: "), "{stderr}");
    }
}

/// SIGTERM while stdin is still being sent: the receiver must learn that the stream is
/// incomplete (a reset, not a FIN), and the sender dies by the signal.
#[test]
fn sigterm_mid_transfer_resets_so_the_receiver_knows() {
    let out = scratch("sigterm-receiver.txt");
    let srv = Server::start(
        &["127.0.0.2", "0"],
        Stdio::null(),
        Stdio::from(std::fs::File::create(&out).unwrap()),
    );
    let port = srv.port.to_string();
    let mut sender = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = sender.stdin.take().unwrap();
    stdin.write_all(&vec![b'a'; 1 << 20]).unwrap();
    let started = Instant::now();
    while std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) < 1 << 20 {
        assert!(started.elapsed() < LIMIT, "the first MiB did not arrive");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(sender.id() as i32, libc::SIGTERM) };
    let sent = wait_bounded(sender, LIMIT, "connect after SIGTERM");
    drop(stdin);
    assert_eq!(sent.status.signal(), Some(libc::SIGTERM), "{sent:?}");
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(
        code, 1,
        "the receiver took a truncated stream as whole: {stderr}"
    );
    assert!(stderr.contains("reset"), "{stderr}");
}

/// A reader that goes away early (`| head -1`) stops the printing, never the verdict.
#[test]
fn expect_keeps_its_verdict_when_stdout_closes_early() {
    for (pattern, code) in [("NOPE", 1), ("^MATCH$", 0)] {
        let peer = server(
            "f = c.makefile('wb')\nfor i in range(20000):\n    f.write(b'line %d\\n' % i)\n\
             f.write(b'MATCH\\n')\nf.flush()\ntime.sleep(0.5)\nc.close()",
        );
        let port = peer.port().to_string();
        let mut child = sockkit(&["connect", "127.0.0.2", &port, "--expect", pattern])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, then close the pipe, as head -1 does.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 7];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = wait_bounded(child, LIMIT, "connect --expect | head -1");
        assert_eq!(out.status.code(), Some(code), "{pattern}: {out:?}");
    }
}

#[test]
fn a_scan_keeps_its_verdict_when_stdout_closes_early() {
    // Ports above the ephemeral range on an address of their own: no test listens there.
    let host = "127.0.0.93";
    let closed = run(&["connect", "-z", host, "61000-61999"]);
    assert_eq!(closed.code, 1, "{closed:?}");
    // `| head -1`, with the scan's own status kept: head reads a named pipe.
    let fifo = scratch("scan-head.fifo");
    let _ = std::fs::remove_file(&fifo);
    let (code, stdout, stderr) = shell(
        &format!(
            "mkfifo {fifo}; head -1 < {fifo} > /dev/null & \
             \"$SK\" connect -z {host} 61000-61999 > {fifo}; echo $?; wait"
        ),
        LIMIT,
    );
    assert_eq!((code, stdout.trim()), (0, "1"), "nothing open: {stderr}");
    let open = std::net::TcpListener::bind((host, 0)).unwrap();
    let port = open.local_addr().unwrap().port();
    let (code, stdout, stderr) = shell(
        &format!(
            "rm -f {fifo}; mkfifo {fifo}; head -1 < {fifo} > /dev/null & \
             \"$SK\" connect -z {host} 1-20000,{port} > {fifo}; echo $?; wait"
        ),
        LIMIT,
    );
    assert_eq!(
        (code, stdout.trim()),
        (0, "0"),
        "port {port} open: {stderr}"
    );
}

/// `--expect` never grows with what the peer sends: it matches over a bounded window.
#[test]
fn expect_memory_stays_bounded_against_an_endless_stream() {
    let peer = server(
        "c.settimeout(10)\nzeros = bytes(1 << 20)\nend = time.time() + 3\n\
         try:\n    while time.time() < end:\n        c.sendall(zeros)\nexcept OSError:\n    pass",
    );
    let port = peer.port().to_string();
    let child = sockkit(&[
        "-w",
        "2s",
        "connect",
        "127.0.0.2",
        &port,
        "--expect",
        "NEVER",
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let pid = child.id();
    let mut peak = 0;
    let started = Instant::now();
    while started.elapsed() < Duration::from_millis(1800) {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status"))
            && status.contains("VmHWM")
        {
            peak = peak.max(peak_rss_kib(pid));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = wait_bounded(child, LIMIT, "connect --expect NEVER");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(peak > 0 && peak < 64 * 1024, "peak RSS {peak} KiB");
}

/// A signal ends sockkit promptly whatever it is blocked on: here a stdout nobody reads.
#[test]
fn sigint_is_not_held_up_by_a_blocked_stdout() {
    let peer = server(
        "c.settimeout(20)\nchunk = bytes(1 << 16)\nend = time.time() + 15\n\
         try:\n    while time.time() < end:\n        c.sendall(chunk)\nexcept OSError:\n    pass",
    );
    let port = peer.port().to_string();
    // A pipe whose reader never reads: its buffer fills and sockkit's write blocks.
    let mut child = sockkit(&["connect", "127.0.0.2", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let stdout = child.stdout.take();
    std::thread::sleep(Duration::from_millis(800));
    let signalled = Instant::now();
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("connect outlived SIGINT while its stdout was blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop((stdin, stdout));
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
    assert!(signalled.elapsed() < Duration::from_secs(5));
}

#[test]
fn sigterm_ends_listen_k_with_a_blocked_stdout() {
    let mut srv = Server::start(&["-k", "127.0.0.2", "0"], Stdio::null(), Stdio::piped());
    let port = srv.port;
    let writer = std::thread::spawn(move || {
        if let Ok(mut c) = std::net::TcpStream::connect(("127.0.0.2", port)) {
            let chunk = vec![0u8; 1 << 16];
            let end = Instant::now() + Duration::from_secs(10);
            while Instant::now() < end && c.write_all(&chunk).is_ok() {}
        }
    });
    let stdout = srv.child.stdout.take();
    std::thread::sleep(Duration::from_millis(800));
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(srv.pid() as i32, libc::SIGTERM) };
    let started = Instant::now();
    let status = loop {
        if let Some(status) = srv.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "listen -k outlived SIGTERM while its stdout was blocked"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(stdout);
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
    let _ = writer.join();
}

/// A shell stops a script on a child killed by SIGINT (bash's "wait and cooperative
/// exit"); an exit(130) lets the script go on as if nothing happened.
#[test]
fn an_interrupted_sockkit_stops_the_calling_script() {
    use std::os::unix::process::CommandExt;
    let child = Command::new("bash")
        .arg("-c")
        .arg("\"$SK\" listen 127.0.0.2 0 < /dev/null; echo script went on")
        .env("SK", BIN)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("bash");
    std::thread::sleep(Duration::from_millis(500));
    // Ctrl-C at a terminal: SIGINT to the whole foreground process group.
    // SAFETY: kill(2) on the process group we just created.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGINT) };
    let out = wait_bounded(child, LIMIT, "bash running sockkit");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("went on"), "{stdout}");
    assert_eq!(out.status.signal(), Some(libc::SIGINT), "{:?}", out.status);
}

#[test]
fn sockopt_get_shows_what_the_kernel_answers() {
    let r = run(&["sockopt", "get", "SO_BROADCAST", "--type", "tcp"]);
    assert_eq!(r.code, 0, "{r:?}");
    let py = python(
        "s = socket.socket()\nprint('SO_BROADCAST', s.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))",
    );
    assert_eq!(r.stdout.trim(), py.trim());
}

#[test]
fn huge_sizes_are_refused_before_anything_is_allocated() {
    for size in ["18446744073709551615", "4294967296", "70000"] {
        // 256 MiB of address space: allocating 4 GiB first would abort.
        let (code, stdout, stderr) = shell(
            &format!("ulimit -v 262144; \"$SK\" udp-send 127.0.0.1 9 --size {size}; echo $?"),
            LIMIT,
        );
        assert_eq!(code, 0);
        assert_eq!(stdout.trim(), "2", "--size {size}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!("datagram of {size} bytes")),
            "{stderr}"
        );
    }
}

/// A Unix peer names itself: a client bound to a path with a newline must not be able to
/// write a line of sockkit's own output.
#[test]
fn a_unix_peer_cannot_forge_a_line_of_listen_v() {
    let dir = scratch("forge");
    std::fs::create_dir_all(&dir).unwrap();
    let path = format!("{dir}/srv.sock");
    let srv = Server::start(&["--unix", &path], Stdio::null(), Stdio::null());
    python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.bind({dir:?} + '/cl\\nFAKE accepted 6.6.6.6:1\\x1b[2J')\n\
         s.connect({path:?})\ns.close()"
    ));
    let lines = srv
        .stderr_until("closed", LIMIT)
        .expect("the client's session");
    let accepted = lines.iter().find(|l| l.starts_with("accepted")).unwrap();
    assert!(
        accepted.ends_with("/cl\\nFAKE accepted 6.6.6.6:1\\x1b[2J"),
        "{accepted}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("FAKE")), "{lines:?}");
}

#[test]
fn a_unix_datagram_sender_cannot_forge_a_line_of_udp_recv_v() {
    let dir = scratch("forge-dgram");
    std::fs::create_dir_all(&dir).unwrap();
    let path = format!("{dir}/recv.sock");
    let child = sockkit(&[
        "-v", "udp-recv", "--unix", &path, "--count", "1", "-w", "10s",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let started = Instant::now();
    while !std::path::Path::new(&path).exists() {
        assert!(started.elapsed() < LIMIT, "udp-recv did not bind");
        std::thread::sleep(Duration::from_millis(20));
    }
    python(&format!(
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         s.bind({dir:?} + '/x\\nFAKE 6.6.6.6')\ns.sendto(b'hello', {path:?})"
    ));
    let out = wait_bounded(child, LIMIT, "udp-recv -v");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{all}");
    assert!(all.contains("x\\nFAKE 6.6.6.6"), "{all}");
    assert!(!all.lines().any(|l| l.starts_with("FAKE")), "{all}");
}

#[test]
fn control_characters_in_arguments_never_reach_the_terminal_raw() {
    let r = run(&["connect", "\x1b]0;pwned\x07\x1b[31mevil\nFAKE", "80"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        !r.stderr.contains('\x1b') && !r.stderr.contains('\x07'),
        "{r:?}"
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

/// A file that is not sockkit's is never removed: here a regular file renamed onto the
/// socket's path while sockkit serves it.
#[test]
fn a_file_renamed_onto_the_socket_path_survives_sockkits_exit() {
    let path = scratch("renamed-onto.sock");
    let _ = std::fs::remove_file(&path);
    let srv = Server::start(&["-k", "--unix", &path], Stdio::null(), Stdio::null());
    let theirs = format!("{path}.theirs");
    std::fs::write(&theirs, b"not sockkit's").unwrap();
    std::fs::rename(&theirs, &path).unwrap();
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(srv.pid() as i32, libc::SIGTERM) };
    let (code, _) = srv.wait(LIMIT);
    assert_ne!(code, 0);
    assert_eq!(std::fs::read(&path).unwrap(), b"not sockkit's");
    let _ = std::fs::remove_file(&path);
}

/// As ncat's broker does: sockkit's own stdin goes to every client.
#[test]
fn broker_sends_its_stdin_to_every_client() {
    let mut srv = Server::start(
        &["--broker", "127.0.0.2", "0"],
        Stdio::piped(),
        Stdio::null(),
    );
    let connect = || {
        let c = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        c
    };
    let mut cs: Vec<std::net::TcpStream> = (0..2).map(|_| connect()).collect();
    for _ in 0..2 {
        srv.stderr_line("accepted", LIMIT).expect("accepted");
    }
    let mut stdin = srv.child.stdin.take().unwrap();
    stdin.write_all(b"announce\n").unwrap();
    for c in &mut cs {
        let mut got = [0u8; 9];
        c.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"announce\n");
    }
}

/// One client that never reads must not stall the room: it is dropped, with an event,
/// and the reader gets every byte.
#[test]
fn broker_drops_a_client_that_never_reads_and_the_others_get_everything() {
    let srv = Server::start(
        &["--broker", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let port = srv.port;
    let idle = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    idle.set_recv_buffer_size(4096).unwrap();
    idle.connect(&std::net::SocketAddr::from(([127, 0, 0, 2], port)).into())
        .unwrap();
    let idle_name = idle.local_addr().unwrap().as_socket().unwrap().to_string();
    srv.stderr_line("accepted", LIMIT).expect("idle client");
    let mut reader = std::net::TcpStream::connect(("127.0.0.2", port)).unwrap();
    srv.stderr_line("accepted", LIMIT).expect("reader");
    let total = 16usize << 20;
    let counter = std::thread::spawn(move || {
        reader
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut got = 0usize;
        let mut buf = vec![0u8; 1 << 16];
        while got < total {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        got
    });
    let mut talker = std::net::TcpStream::connect(("127.0.0.2", port)).unwrap();
    srv.stderr_line("accepted", LIMIT).expect("talker");
    talker
        .set_write_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let chunk = vec![b'z'; 1 << 20];
    for i in 0..16 {
        if let Err(e) = talker.write_all(&chunk) {
            panic!("the broker stopped taking the talker's bytes at MiB {i}: {e}");
        }
    }
    assert_eq!(counter.join().unwrap(), total, "the reader missed bytes");
    let dropped = srv
        .stderr_line("dropped", LIMIT)
        .expect("a 'dropped' event");
    assert_eq!(dropped, format!("dropped {idle_name}: not reading"));
    drop(idle);
}

#[test]
fn crlf_applies_to_an_exec_childs_output() {
    let srv = Server::start(
        &["--crlf", "127.0.0.2", "0", "--sh-exec", "printf 'a\\nb\\n'"],
        Stdio::null(),
        Stdio::null(),
    );
    let mut c = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = Vec::new();
    c.read_to_end(&mut got).unwrap();
    assert_eq!(got, b"a\r\nb\r\n");
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn closed_lines_name_the_peer_when_many_are_served() {
    for mode in [&["-k"][..], &["--broker"][..]] {
        let mut args = mode.to_vec();
        args.extend_from_slice(&["127.0.0.2", "0"]);
        let srv = Server::start(&args, Stdio::null(), Stdio::null());
        let mut c = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
        let me = c.local_addr().unwrap().to_string();
        c.write_all(b"hello").unwrap();
        drop(c);
        let line = srv.stderr_line("closed", LIMIT).expect("a closed line");
        assert_eq!(line, format!("closed {me}: 5 B in, 0 B out"), "{mode:?}");
    }
}

/// udp-recv writing to a FIFO that nobody reads: SIGTERM still ends it at once.
#[test]
fn sigterm_ends_udp_recv_blocked_on_a_fifo_nobody_reads() {
    let fifo = scratch("nobody-reads.fifo");
    let _ = std::fs::remove_file(&fifo);
    let c = std::ffi::CString::new(fifo.clone()).unwrap();
    // SAFETY: mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    // Held open for reading (so sockkit's open does not wait) and never read.
    let _held = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    let port = common::free_udp_port().to_string();
    let mut child = sockkit(&["udp-recv", "--raw", "127.0.0.1", &port])
        .stdout(std::fs::OpenOptions::new().write(true).open(&fifo).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let sender = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let payload = vec![b'q'; 60000];
    for _ in 0..40 {
        let _ = sender.send_to(&payload, ("127.0.0.1", port.parse::<u16>().unwrap()));
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("udp-recv outlived SIGTERM while blocked on its stdout");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
    let _ = std::fs::remove_file(&fifo);
}

/// No resource limit makes sockkit panic or abort: every subcommand under a tight
/// address-space, descriptor and (as an unprivileged user) process limit either works,
/// degrades, or fails with exit 1 or 2 saying why.
#[test]
fn every_subcommand_under_tight_limits_fails_cleanly_or_works() {
    // A copy an unprivileged user may run.
    let dir = scratch("limits-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let bin = format!("{dir}/sockkit");
    std::fs::copy(BIN, &bin).unwrap();
    let closed = stream_support::closed_tcp_port();
    let closed_port = closed.port.to_string();
    let cmds: Vec<String> = [
        "byteorder htons 1",
        "resolve localhost",
        "sockopt get",
        "conns",
        "conns -p",
        "conns -l",
        "connect -z 127.0.0.3 1-2000",
        &format!("connect -w 1s 127.0.0.2 {closed_port}"),
        "listen -w 300ms 127.0.0.2 0",
        "listen -k -w 300ms --sh-exec cat 127.0.0.2 0",
        "udp-send 127.0.0.1 9 hi",
        "udp-recv -w 300ms --sh-exec cat 127.0.0.1 0",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // The smallest address space (KiB) this build starts in at all (below it the loader
    // itself fails, before any sockkit code runs), then tight limits just above it.
    let starts = |kib: u64| {
        Command::new("bash")
            .arg("-c")
            .arg(format!("ulimit -v {kib}; exec {bin} byteorder htons 1"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let base = (4_000..400_000)
        .step_by(2_000)
        .find(|&kib| starts(kib))
        .expect("sockkit starts in some address space");
    let mut limits: Vec<(String, bool)> = [
        format!("-v {base}"),
        format!("-v {}", base + 4_000),
        format!("-v {}", base + 16_000),
        "-n 5".to_string(),
        "-n 8".to_string(),
    ]
    .into_iter()
    .map(|l| (l, false))
    .collect();
    // RLIMIT_NPROC binds only an unprivileged user (root is exempt).
    limits.extend(
        ["-u 1", "-u 2", "-u 3"]
            .iter()
            .map(|l| (l.to_string(), true)),
    );
    let mut bad = Vec::new();
    for (limit, unprivileged) in &limits {
        for cmd in &cmds {
            let script = format!("ulimit {limit}; exec {bin} {cmd}");
            let mut c = if *unprivileged {
                let mut c = Command::new("setpriv");
                c.args([
                    "--reuid=65534",
                    "--regid=65534",
                    "--clear-groups",
                    "bash",
                    "-c",
                ]);
                c
            } else {
                let mut c = Command::new("bash");
                c.arg("-c");
                c
            };
            let child = c
                .arg(&script)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("setpriv/bash (util-linux)");
            let out = wait_bounded(child, LIMIT, &script);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code();
            if !matches!(code, Some(0..=2))
                || stderr.contains("panicked")
                || stderr.contains("memory allocation")
                || stderr.contains("RUST_BACKTRACE")
            {
                bad.push(format!("[ulimit {limit}] {cmd}: {:?} {stderr}", out.status));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
