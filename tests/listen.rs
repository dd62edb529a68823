//! `sockkit listen` as the server for Python clients written like the seed programs:
//! one client, `-k`, `--echo`, `--broker`, `--exec`, access control, Unix sockets.
//!
//! Servers listen on 127.0.0.2, not 127.0.0.1: a one-client server must not take a port
//! scan of 127.0.0.1 (`connect -z` runs them) for its client. Clients still come from
//! 127.0.0.1, the source address Linux picks on loopback.

mod common;
mod stream_support;

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{has_ipv6, python, run};
use stream_support::{Server, peak_rss_kib, random_bytes, scratch, sha256_file};

const LIMIT: Duration = Duration::from_secs(20);

/// Run a Python client script (with `port` defined) to completion and return its stdout.
fn client(port: u16, code: &str) -> String {
    python(&format!(
        "import time, hashlib, threading\nport = {port}\n{code}"
    ))
}

#[test]
fn hello_hi_one_client_relays_both_ways_and_exits() {
    // sockkit stands in for the seed's hello/hi server: its stdin is the answer.
    let mut srv = Server::start(&["127.0.0.2", "0"], Stdio::piped(), Stdio::piped());
    let mut stdin = srv.child.stdin.take().unwrap();
    stdin.write_all(b"hi\n").unwrap();
    drop(stdin);
    let got = client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.send(b'hello')\nprint(s.recv(1024).decode(), end='')\ns.close()",
    );
    assert_eq!(got, "hi\n");
    let stdout = srv.child.stdout.take().unwrap();
    let (code, stderr) = srv.wait(LIMIT);
    let out = stream_support::read_all_bounded(stdout, LIMIT);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(out, b"hello");
    assert!(stderr.contains("accepted 127.0.0.1:"), "{stderr}");
    assert!(stderr.contains("closed: 5 B in, 3 B out"), "{stderr}");
}

#[test]
fn receives_a_whole_file_although_it_half_closed_at_once() {
    // `listen > file < /dev/null`: the client sees our EOF first and must still deliver.
    let path = scratch("received");
    let out = std::fs::File::create(&path).unwrap();
    let srv = Server::start(&["127.0.0.2", "0"], Stdio::null(), Stdio::from(out));
    let got = client(
        srv.port,
        "import random\nrandom.seed(5)\ndata = random.randbytes(64 << 20)\n\
         s = socket.create_connection(('127.0.0.2', port))\ns.sendall(data)\ns.shutdown(socket.SHUT_WR)\n\
         while s.recv(65536):\n    pass\nprint(hashlib.sha256(data).hexdigest())",
    );
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sha256_file(&path), got.trim());
    let _ = std::fs::remove_file(&path);
}

#[test]
fn dual_stack_by_default_and_ipv4_only_with_dash_4() {
    let srv = Server::start(&["0"], Stdio::null(), Stdio::null());
    assert!(
        srv.shown.starts_with("[::]:") || srv.shown.starts_with("0.0.0.0:"),
        "{}",
        srv.shown
    );
    let v4 = client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\nprint(s.recv(10) == b'')",
    );
    assert_eq!(v4.trim(), "True");
    drop(srv);
    if has_ipv6() {
        let srv = Server::start(&["0"], Stdio::null(), Stdio::null());
        let v6 = client(
            srv.port,
            "s = socket.create_connection(('::1', port))\nprint(s.recv(10) == b'')",
        );
        assert_eq!(v6.trim(), "True");
    }
    let srv = Server::start(&["-4", "0"], Stdio::null(), Stdio::null());
    assert!(srv.shown.starts_with("0.0.0.0:"), "{}", srv.shown);
}

#[test]
fn greeting_server_with_sh_exec() {
    // The seed's greeting server, written as a shell one-liner behind --sh-exec.
    let srv = Server::start(
        &[
            "-k",
            "127.0.0.2",
            "0",
            "--sh-exec",
            "printf 'welcome,%s\\nPlease enter a string:' \"$SOCKKIT_PEER_ADDR:$SOCKKIT_PEER_PORT\"; read -r line; echo \"You entered ${#line} characters.\"",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    for _ in 0..3 {
        let got = client(
            srv.port,
            "s = socket.create_connection(('127.0.0.2', port))\nf = s.makefile('rwb', 0)\n\
             greet = f.readline().decode().strip()\nassert greet == 'welcome,%s:%d' % s.getsockname(), greet\n\
             f.write(b'hello world\\n')\nprint(f.read().decode(), end='')",
        );
        assert_eq!(got, "Please enter a string:You entered 11 characters.\n");
    }
}

#[test]
fn exec_runs_argv_without_a_shell_and_hides_the_listener() {
    // Every socket the child holds must be its own connection (stdin/stdout).
    let srv = Server::start(
        &[
            "-k",
            "127.0.0.2",
            "0",
            "--exec",
            "/bin/sh",
            "-c",
            "for f in /proc/$$/fd/*; do readlink $f; done | grep -c socket; for f in /proc/$$/fd/*; do readlink $f; done | grep socket | sort -u | wc -l",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    let got = client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\nf = s.makefile('rb')\nprint(f.read().decode(), end='')",
    );
    let counts: Vec<&str> = got.split_whitespace().collect();
    assert_eq!(counts, ["2", "1"], "sockets held by the child: {got:?}");

    // argv is passed as is: no shell expands this.
    let srv = Server::start(
        &["127.0.0.2", "0", "--exec", "/bin/echo", "$HOME", "*"],
        Stdio::null(),
        Stdio::null(),
    );
    let got = client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\nprint(s.makefile('rb').read().decode(), end='')",
    );
    assert_eq!(got, "$HOME *\n");
    let (code, _) = srv.wait(LIMIT);
    assert_eq!(code, 0);
}

#[test]
fn exec_children_are_reaped() {
    let srv = Server::start(
        &["-k", "127.0.0.2", "0", "--exec", "/bin/echo", "hi"],
        Stdio::null(),
        Stdio::null(),
    );
    let got = client(
        srv.port,
        "for i in range(5):\n    s = socket.create_connection(('127.0.0.2', port))\n    print(s.makefile('rb').read().decode(), end='')",
    );
    assert_eq!(got, "hi\n".repeat(5));
    let pid = srv.pid().to_string();
    let zombies = || -> Vec<String> {
        std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path().join("stat")).ok())
            .filter(|stat| {
                let after = stat.rsplit(')').next().unwrap_or("");
                let fields: Vec<&str> = after.split_whitespace().collect();
                fields.first() == Some(&"Z") && fields.get(1) == Some(&pid.as_str())
            })
            .collect()
    };
    // All five have exited; the loop reaps them within its next few rounds.
    let started = Instant::now();
    let mut left = zombies();
    while !left.is_empty() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
        left = zombies();
    }
    assert!(left.is_empty(), "zombie children: {left:?}");
}

/// Whether process `pid` is gone (or only a zombie waiting for init), polled up to `limit`.
fn process_ends(pid: u32, limit: Duration) -> bool {
    let started = Instant::now();
    loop {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok();
        let running = state.is_some_and(|stat| {
            let after = stat.rsplit(')').next().unwrap_or("").to_string();
            after.split_whitespace().next() != Some("Z")
        });
        if !running {
            return true;
        }
        if started.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sigterm_stops_exec_children_and_what_they_started() {
    let srv = Server::start(
        &[
            "-k",
            "127.0.0.2",
            "0",
            "--sh-exec",
            "sleep 30 & echo $!; wait",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    let mut conn = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(&mut conn), &mut line).unwrap();
    let sleep_pid: u32 = line.trim().parse().expect("the sleep's pid");
    assert!(!process_ends(sleep_pid, Duration::ZERO), "sleep runs");
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(srv.pid() as i32, libc::SIGTERM) };
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 143, "{stderr}");
    assert!(
        process_ends(sleep_pid, Duration::from_secs(5)),
        "sleep {sleep_pid} outlived sockkit"
    );
}

#[test]
fn a_missing_exec_program_is_bad_input_before_binding() {
    let not_executable = scratch("not-executable");
    std::fs::write(&not_executable, "#!/bin/sh\n").unwrap();
    for prog in [
        "/nonexistent/sockkit-prog",
        "sockkit-no-such-prog",
        not_executable.as_str(),
    ] {
        let r = run(&["listen", "-v", "-k", "127.0.0.2", "0", "--exec", prog]);
        assert_eq!(r.code, 2, "{prog}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.contains(&format!("--exec {prog}")), "{}", r.stderr);
        assert!(!r.stderr.contains("listening"), "{}", r.stderr);
    }
}

#[test]
fn one_shot_exec_closes_the_listener_and_reports_the_exit_status() {
    let srv = Server::start(
        &["127.0.0.2", "0", "--sh-exec", "read -r line; exit 3"],
        Stdio::null(),
        Stdio::null(),
    );
    let mut first = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    srv.stderr_line("accepted", LIMIT)
        .expect("first client accepted");
    // Later clients are refused, not left waiting in the backlog.
    let started = Instant::now();
    loop {
        match std::net::TcpStream::connect(("127.0.0.2", srv.port)) {
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => break,
            Err(e) => panic!("unexpected: {e}"),
            Ok(_) => {
                assert!(
                    started.elapsed() < Duration::from_secs(5),
                    "a second client still got in while the program ran"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    first.write_all(b"go\n").unwrap();
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("sockkit: --sh-exec read -r line; exit 3: exited with status 3"),
        "{stderr}"
    );

    let srv = Server::start(
        &["127.0.0.2", "0", "--exec", "false"],
        Stdio::null(),
        Stdio::null(),
    );
    let _conn = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("sockkit: --exec false: exited with status 1"),
        "{stderr}"
    );
}

#[test]
fn exec_on_all_addresses_warns_without_allow() {
    let r = run(&["listen", "-w", "300ms", "0", "--exec", "/bin/cat"]);
    assert_eq!(r.code, 1, "no client came: {}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: --exec runs a program for anyone"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
    let r = run(&[
        "listen",
        "-w",
        "300ms",
        "127.0.0.2",
        "0",
        "--exec",
        "/bin/cat",
    ]);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

#[test]
fn two_hundred_echo_clients_get_their_bytes_back() {
    let srv = Server::start(
        &["-k", "--echo", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let got = client(
        srv.port,
        "import random\nok = []\nlock = threading.Lock()\nbarrier = threading.Barrier(200)\n\
         def one(i):\n    data = random.Random(i).randbytes(32768 + i)\n\
         \x20   s = socket.create_connection(('127.0.0.2', port))\n    s.settimeout(15)\n\
         \x20   barrier.wait()\n\
         \x20   sender = threading.Thread(target=s.sendall, args=(data,))\n    sender.start()\n\
         \x20   back = b''\n    while len(back) < len(data):\n        d = s.recv(65536)\n        if not d:\n            break\n        back += d\n\
         \x20   sender.join()\n    s.close()\n    with lock:\n        ok.append(back == data)\n\
         ts = [threading.Thread(target=one, args=(i,)) for i in range(200)]\n\
         [t.start() for t in ts]\n[t.join() for t in ts]\nprint(sum(ok), len(ok))",
    );
    assert_eq!(got.trim(), "200 200");
    let peak = peak_rss_kib(srv.pid());
    assert!(peak < 64 * 1024, "listener peak RSS {peak} KiB");
}

#[test]
fn echo_integrity_for_a_large_payload() {
    let srv = Server::start(&["--echo", "127.0.0.2", "0"], Stdio::null(), Stdio::null());
    let got = client(
        srv.port,
        "import random\ndata = random.Random(9).randbytes(64 << 20)\n\
         s = socket.create_connection(('127.0.0.2', port))\n\
         t = threading.Thread(target=lambda: (s.sendall(data), s.shutdown(socket.SHUT_WR)))\nt.start()\n\
         h = hashlib.sha256()\nn = 0\nwhile True:\n    d = s.recv(1 << 20)\n    if not d:\n        break\n    h.update(d)\n    n += len(d)\n\
         t.join()\nprint(n, h.hexdigest() == hashlib.sha256(data).hexdigest())",
    );
    assert_eq!(got.trim(), format!("{} True", 64 << 20));
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn broker_sends_each_message_to_all_others() {
    let srv = Server::start(
        &["--broker", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let connect = || {
        let c = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        c
    };
    let mut cs: Vec<std::net::TcpStream> = (0..3).map(|_| connect()).collect();
    // The message goes to the clients in the room when it arrives: all three first.
    for _ in 0..3 {
        srv.stderr_line("accepted", LIMIT)
            .expect("three clients accepted");
    }
    cs[0].write_all(b"hello room").unwrap();
    for c in &mut cs[1..] {
        let mut got = [0u8; 10];
        std::io::Read::read_exact(c, &mut got).unwrap();
        assert_eq!(&got, b"hello room");
    }
    // Not echoed to its sender: a marker sent by another client arrives first.
    cs[1].write_all(b"marker").unwrap();
    let mut got = [0u8; 6];
    std::io::Read::read_exact(&mut cs[0], &mut got).unwrap();
    assert_eq!(&got, b"marker", "the sender got its own message back");
}

#[test]
fn broker_drops_a_paused_client_that_resets() {
    // B never reads, so its queue fills and A, whose bytes go to B, is no longer read.
    // A then resets its connection: the broker must see it gone (not spin on the
    // unasked POLLERR/POLLHUP) and close it.
    let srv = Server::start(
        &["--broker", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let _b = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    srv.stderr_line("accepted", LIMIT).expect("B accepted");
    let a = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    let a_name = a.local_addr().unwrap().to_string();
    srv.stderr_line(&a_name, LIMIT).expect("A accepted");
    a.set_nonblocking(true).unwrap();
    let chunk = vec![b'x'; 1 << 16];
    let mut quiet_since = Instant::now();
    let started = Instant::now();
    // Write until the broker has stopped taking A's bytes for a whole second.
    while quiet_since.elapsed() < Duration::from_secs(1) {
        assert!(
            started.elapsed() < LIMIT,
            "the broker never stopped reading A"
        );
        match (&a).write(&chunk) {
            Ok(_) => quiet_since = Instant::now(),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("writing as A: {e}"),
        }
    }
    // A reset, not a FIN: SO_LINGER with a zero timeout.
    let sock = socket2::Socket::from(a);
    sock.set_linger(Some(Duration::ZERO)).unwrap();
    drop(sock);
    let line = srv.stderr_line(&a_name, LIMIT);
    assert!(line.is_some(), "A's reset went unnoticed");
    assert!(srv.stderr_line("closed", LIMIT).is_some(), "A not closed");
}

#[test]
fn keep_open_relays_every_client_to_stdout_and_stdin_to_all() {
    let mut srv = Server::start(&["-k", "127.0.0.2", "0"], Stdio::piped(), Stdio::piped());
    let stdout = srv.child.stdout.take().unwrap();
    let mut stdin = srv.child.stdin.take().unwrap();
    let connect = || {
        let c = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        c
    };
    let mut a = connect();
    srv.stderr_line("accepted", LIMIT).expect("a accepted");
    let mut b = connect();
    srv.stderr_line("accepted", LIMIT).expect("b accepted");
    // Relayed in the order they arrive: b writes once a's line is out on stdout.
    let stdout = stream_support::lines_of(stdout);
    a.write_all(b"from-a\n").unwrap();
    assert_eq!(stdout.recv_timeout(LIMIT).as_deref(), Ok("from-a"));
    b.write_all(b"from-b\n").unwrap();
    assert_eq!(stdout.recv_timeout(LIMIT).as_deref(), Ok("from-b"));
    stdin.write_all(b"to-all\n").unwrap();
    for c in [&mut a, &mut b] {
        let mut got = [0u8; 7];
        std::io::Read::read_exact(c, &mut got).unwrap();
        assert_eq!(&got, b"to-all\n");
    }
    let _ = srv.child.kill();
    // Nothing else came out.
    let rest: Vec<String> = std::iter::from_fn(|| stdout.recv_timeout(LIMIT).ok()).collect();
    assert!(rest.is_empty(), "{rest:?}");
}

#[test]
fn allow_and_deny_decide_who_is_served() {
    let probe = "s = socket.create_connection(('127.0.0.2', port))\ns.settimeout(3)\ns.sendall(b'ping')\n\
                 try:\n    print(s.recv(10).decode() or 'closed')\nexcept ConnectionResetError:\n    print('closed')";
    for (flags, want) in [
        (&["--deny", "127.0.0.1"][..], "closed"),
        (&["--allow", "10.0.0.0/8"], "closed"),
        (&["--allow", "127.0.0.0/8"], "ping"),
        (
            &["--allow", "127.0.0.0/8", "--deny", "127.0.0.1/32"],
            "closed",
        ),
    ] {
        let mut args = vec!["-k", "--echo", "0"];
        args.extend_from_slice(flags);
        let srv = Server::start(&args, Stdio::null(), Stdio::null());
        let got = client(srv.port, probe);
        assert_eq!(got.trim(), want, "{flags:?}");
        if want == "closed" {
            assert!(
                srv.stderr_line("denied 127.0.0.1:", Duration::from_secs(3))
                    .is_some()
            );
        }
    }
    let r = run(&["listen", "0", "--allow", "10.0.0.300"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("sockkit: --allow: "), "{}", r.stderr);
    assert!(r.stderr.contains("'10.0.0.300'"), "{}", r.stderr);
}

#[test]
fn max_conns_closes_the_extra_client() {
    let srv = Server::start(
        &["-k", "--echo", "--max-conns", "1", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let got = client(
        srv.port,
        "a = socket.create_connection(('127.0.0.2', port))\na.sendall(b'one')\na.settimeout(3)\nprint(a.recv(10).decode())\n\
         b = socket.create_connection(('127.0.0.2', port))\nb.settimeout(3)\n\
         try:\n    print(b.recv(10).decode() or 'closed')\nexcept ConnectionResetError:\n    print('closed')\n\
         a.sendall(b'still')\nprint(a.recv(10).decode())",
    );
    assert_eq!(got, "one\nclosed\nstill\n");
    assert!(
        srv.stderr_line("--max-conns reached", Duration::from_secs(3))
            .is_some()
    );
}

#[test]
fn idle_clients_are_closed() {
    let srv = Server::start(
        &["-k", "--echo", "--idle-timeout", "300ms", "127.0.0.2", "0"],
        Stdio::null(),
        Stdio::null(),
    );
    let got = client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.settimeout(5)\nt = time.time()\n\
         print(s.recv(10) == b'', time.time() - t < 3)",
    );
    assert_eq!(got.trim(), "True True");
}

#[test]
fn accept_waits_are_bounded_by_w() {
    let started = Instant::now();
    let r = run(&["listen", "-w", "400ms", "127.0.0.2", "0"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "sockkit: accept: timed out: no client within 400ms\n"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn a_port_in_use_is_one_line_exit_1() {
    let holder = std::net::TcpListener::bind("127.0.0.2:0").unwrap();
    let port = holder.local_addr().unwrap().port().to_string();
    let r = run(&["listen", "127.0.0.2", &port]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!("sockkit: bind 127.0.0.2:{port}: address already in use\n")
    );
}

#[test]
fn unix_path_served_and_removed_on_exit() {
    let path = scratch("listen.sock");
    let srv = Server::start(&["--unix", &path], Stdio::null(), Stdio::piped());
    assert_eq!(srv.shown, path);
    let got = python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.connect({path:?})\ns.sendall(b'over unix')\ns.shutdown(socket.SHUT_WR)\nprint(s.recv(10) == b'')"
    ));
    assert_eq!(got.trim(), "True");
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !std::path::Path::new(&path).exists(),
        "socket file left behind"
    );
}

#[test]
fn unix_abstract_name() {
    let name = format!("@sockkit-test-{}", std::process::id());
    let srv = Server::start(&["--echo", "--unix", &name], Stdio::null(), Stdio::null());
    let got = python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.connect('\\0' + {:?})\ns.sendall(b'abstract')\nprint(s.recv(10).decode())",
        &name[1..]
    ));
    assert_eq!(got.trim(), "abstract");
    drop(srv);
}

#[test]
fn a_stale_socket_file_is_replaced() {
    let path = scratch("stale.sock");
    python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.bind({path:?})\ns.close()"
    ));
    assert!(std::path::Path::new(&path).exists());
    let srv = Server::start(&["--echo", "--unix", &path], Stdio::null(), Stdio::null());
    let got = python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.connect({path:?})\ns.sendall(b'fresh')\nprint(s.recv(10).decode())"
    ));
    assert_eq!(got.trim(), "fresh");
    let (code, _) = srv.wait(LIMIT);
    assert_eq!(code, 0);
}

#[test]
fn a_live_socket_or_a_plain_file_is_never_touched() {
    let path = scratch("not-a-socket");
    std::fs::write(&path, b"precious").unwrap();
    let r = run(&["listen", "--unix", &path]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("exists and is not a socket"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");

    let live = scratch("live.sock");
    let srv = Server::start(&["-k", "--unix", &live], Stdio::null(), Stdio::null());
    let r = run(&["listen", "--unix", &live]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("address already in use"), "{}", r.stderr);
    drop(srv);
}

#[test]
fn a_refused_second_listener_leaves_the_first_ones_client_slot_alone() {
    // The first listener serves one client. Checking that its socket is live must not
    // connect to it: it would take that check for its client and end.
    let path = scratch("one-client.sock");
    let srv = Server::start(&["--unix", &path], Stdio::piped(), Stdio::piped());
    let r = run(&["listen", "--unix", &path]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("address already in use"), "{}", r.stderr);
    assert!(
        srv.stderr_line("accepted", Duration::from_millis(300))
            .is_none(),
        "the refused listener's check was taken for a client"
    );
    let got = python(&format!(
        "s = socket.socket(socket.AF_UNIX)\ns.connect({path:?})\nprint('connected')"
    ));
    assert_eq!(got.trim(), "connected");
    assert!(srv.stderr_line("accepted", LIMIT).is_some());
}

#[test]
fn sigint_writes_out_and_removes_the_socket_file() {
    let path = scratch("sigint.sock");
    let srv = Server::start(&["-k", "--unix", &path], Stdio::null(), Stdio::null());
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(srv.pid() as i32, libc::SIGINT) };
    let (code, _) = srv.wait(LIMIT);
    assert_eq!(code, 130);
    assert!(!std::path::Path::new(&path).exists());
}

#[test]
fn large_random_payload_through_listen_and_connect() {
    // sockkit on both ends: connect's file stdin -> listen's stdout, byte-identical.
    let src = scratch("both-src");
    let dst = scratch("both-dst");
    std::fs::write(&src, random_bytes(64 << 20, 21)).unwrap();
    let srv = Server::start(
        &["127.0.0.2", "0"],
        Stdio::null(),
        Stdio::from(std::fs::File::create(&dst).unwrap()),
    );
    let child = common::sockkit(&["connect", "127.0.0.2", &srv.port.to_string()])
        .stdin(std::fs::File::open(&src).unwrap())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = common::wait_bounded(child, LIMIT, "connect < file");
    assert_eq!(out.status.code(), Some(0));
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(sha256_file(&src), sha256_file(&dst));
    let _ = std::fs::remove_file(&src);
    let _ = std::fs::remove_file(&dst);
}

#[test]
fn crlf_translates_stdin_line_endings() {
    let mut srv = Server::start(&["--crlf", "127.0.0.2", "0"], Stdio::piped(), Stdio::null());
    let mut stdin = srv.child.stdin.take().unwrap();
    stdin.write_all(b"one\ntwo\r\n").unwrap();
    drop(stdin);
    let got = client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.settimeout(5)\nb = b''\n\
         while True:\n    d = s.recv(100)\n    if not d:\n        break\n    b += d\nprint(repr(b))",
    );
    assert_eq!(got.trim(), r"b'one\r\ntwo\r\n'");
    let (code, _) = srv.wait(LIMIT);
    assert_eq!(code, 0);
}

/// `-k --crlf`: stdin goes to the client translated, whole, even where translating makes
/// a read longer than the buffer it was read into (every byte an LF here).
#[test]
fn keep_open_crlf_sends_stdin_translated_whole() {
    let mut srv = Server::start(
        &["-v", "-k", "--crlf", "127.0.0.2", "0"],
        Stdio::piped(),
        Stdio::null(),
    );
    use std::io::Read;
    let mut c = std::net::TcpStream::connect(("127.0.0.2", srv.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // The client is in before stdin has anything for it.
    srv.stderr_line("accepted", LIMIT)
        .expect("the client is accepted");
    let mut stdin = srv.child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        stdin.write_all(&vec![b'\n'; 300_000]).unwrap();
        stdin.write_all(b"end\n").unwrap();
        // Kept open: the last bytes must come without stdin's end to push them out.
        stdin
    });
    let want: Vec<u8> = b"\r\n"
        .repeat(300_000)
        .into_iter()
        .chain(*b"end\r\n")
        .collect();
    let mut got = vec![0; want.len()];
    c.read_exact(&mut got).unwrap();
    drop(writer.join().unwrap());
    assert!(got == want, "the translated stream differs");
}

#[test]
fn sockkit_on_both_ends_of_an_abstract_unix_socket() {
    let name = format!("@sockkit-both-{}", std::process::id());
    let srv = Server::start(
        &["-k", "--echo", "--unix", &name],
        Stdio::null(),
        Stdio::null(),
    );
    for text in ["one", "two"] {
        let r = common::run(&["connect", "--unix", &name, "--send", text]);
        assert_eq!((r.code, r.stdout.as_str()), (0, text), "{}", r.stderr);
    }
    drop(srv);
}

#[test]
fn json_events_on_stderr() {
    let srv = Server::start(&["--json", "127.0.0.2", "0"], Stdio::null(), Stdio::null());
    client(
        srv.port,
        "s = socket.create_connection(('127.0.0.2', port))\ns.sendall(b'12345')\ns.close()",
    );
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    let events: Vec<serde_json::Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stderr line is JSON"))
        .collect();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["accepted", "closed"]);
    assert_eq!(events[1]["bytes_in"], 5);
}
