//! The engine's edges as a user meets them through `listen` and `connect`: an `--exec`
//! child that is slow to read after its peer hung up, stdout opened for appending,
//! `--crlf` across buffer edges.

mod common;
mod stream_support;

use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::Stdio;
use std::time::Duration;

use common::{Peer, python, sockkit, wait_bounded};
use stream_support::{Server, scratch};

const LIMIT: Duration = Duration::from_secs(30);

/// CPU time (user + system, in clock ticks) a running process has used so far, all its
/// threads together.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc stat");
    // Fields after the command's closing parenthesis: state is the first, utime the
    // 12th and stime the 13th.
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let field = |i: usize| fields[i].parse::<u64>().expect("a number in /proc stat");
    field(11) + field(12)
}

#[test]
fn an_exec_child_slow_to_read_after_its_peer_hung_up_costs_no_cpu() {
    // With --crlf the child's bytes pass through sockkit. The child answers, closes its
    // output (sockkit half-closes the connection), and reads its input only later. The
    // client sends in small pieces (more pieces than the child's stdin pipe has slots),
    // then closes: the socket reports POLLHUP while its bytes wait for the child.
    // Waiting must be sleeping, not polling in a loop.
    let count = scratch("slow-exec-count");
    let _ = std::fs::remove_file(&count);
    let child = format!("echo hi; exec >&-; sleep 2; wc -c > {count}");
    let srv = Server::start(
        &["127.0.0.2", "0", "--crlf", "--sh-exec", &child],
        Stdio::null(),
        Stdio::null(),
    );
    let got = python(&format!(
        "import time\n\
         c = socket.create_connection(('127.0.0.2', {}))\n\
         c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n\
         for _ in range(40):\n    c.sendall(b'y' * 1000)\n    time.sleep(0.002)\n\
         c.shutdown(socket.SHUT_WR)\n\
         got = b''\n\
         while True:\n    b = c.recv(65536)\n    if not b: break\n    got += b\n\
         c.close()\n\
         print(got.decode().strip())",
        srv.port
    ));
    assert_eq!(got.trim(), "hi");
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(srv.pid());
    std::thread::sleep(Duration::from_millis(1000));
    let spent = cpu_ticks(srv.pid()) - before;
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    let counted = std::fs::read_to_string(&count).expect("the child counted its input");
    assert_eq!(counted.trim(), "40000", "every byte reaches the child");
    assert!(
        spent < 30,
        "sockkit used {spent} clock ticks of CPU while its child was not reading"
    );
}

/// A pipe whose write end is non-blocking (as a parent such as Node.js hands it over)
/// and whose read end blocks.
fn pipe_with_nonblocking_writer() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills the two descriptors it is given, which are then owned here.
    let (r, w) = unsafe {
        assert_eq!(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC), 0);
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    // SAFETY: fcntl on a descriptor owned here.
    unsafe {
        let flags = libc::fcntl(w.as_raw_fd(), libc::F_GETFL);
        assert_eq!(
            libc::fcntl(w.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK),
            0
        );
    }
    (r, w)
}

#[test]
fn a_stdout_made_non_blocking_by_its_parent_gets_every_byte_once() {
    // stdin and stdout are shared and never made non-blocking by sockkit, but a parent
    // may hand them over so. With --dump the bytes are written (not spliced) to stdout:
    // a write that stops short with EAGAIN must not be written again, nor lost.
    let size: usize = 4 << 20;
    let peer = Peer::start(&format!(
        "import socket\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.1', 0))\n\
         s.listen(1)\n\
         print(s.getsockname()[1], flush=True)\n\
         c, _ = s.accept()\n\
         c.sendall(bytes(i % 251 for i in range({size})))\n\
         c.close()\n"
    ));
    let port = peer.port().to_string();
    let (r, w) = pipe_with_nonblocking_writer();
    let dump = scratch("nonblocking-stdout.dump");
    let child = sockkit(&["connect", "127.0.0.1", &port, "--dump", &dump])
        .stdout(Stdio::from(w))
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit");
    // Let the pipe fill, so that writes to it stop short.
    std::thread::sleep(Duration::from_millis(500));
    // Read in pieces smaller than sockkit's writes, a few at a time, so that the pipe
    // has room for part of a write only.
    let mut got = Vec::new();
    let mut out = std::fs::File::from(r);
    let mut piece = [0u8; 5000];
    for i in 0.. {
        let n = out.read(&mut piece).expect("read stdout");
        if n == 0 {
            break;
        }
        got.extend_from_slice(&piece[..n]);
        if i % 8 == 0 && i < 2000 {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    let done = wait_bounded(child, LIMIT, "sockkit connect");
    let expected: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(got.len(), expected.len(), "bytes written out");
    assert!(
        got == expected,
        "the bytes written out are the bytes received"
    );
}

#[test]
fn stdout_opened_for_appending_gets_the_bytes_after_what_it_held() {
    // splice(2) refuses a file opened O_APPEND (`>>`): the bytes are written instead.
    let size: usize = 3 << 20;
    let peer = Peer::start(&format!(
        "import socket\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.1', 0))\n\
         s.listen(1)\n\
         print(s.getsockname()[1], flush=True)\n\
         c, _ = s.accept()\n\
         c.sendall(bytes(i % 253 for i in range({size})))\n\
         c.close()\n"
    ));
    let port = peer.port().to_string();
    let path = scratch("appended.out");
    std::fs::write(&path, b"before\n").expect("write the file");
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open for appending");
    let child = sockkit(&["connect", "127.0.0.1", &port])
        .stdout(Stdio::from(file))
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit");
    let done = wait_bounded(child, LIMIT, "sockkit connect");
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let mut expected = b"before\n".to_vec();
    expected.extend((0..size).map(|i| (i % 253) as u8));
    let got = std::fs::read(&path).expect("read the file");
    assert_eq!(got.len(), expected.len());
    assert!(
        got == expected,
        "the file holds what it had, then the bytes"
    );
}

#[test]
fn exec_crlf_translates_lines_whose_ends_fall_on_buffer_edges() {
    // Lines of 64 KiB +- 1 and more: an LF at the last byte of one read, CR at the end of
    // one read with its LF at the start of the next, empty lines.
    let mut text = Vec::new();
    for n in [65535usize, 65534, 1, 65536, 131071, 3, 0, 0, 70000] {
        text.extend(std::iter::repeat_n(b'a', n));
        text.push(b'\n');
    }
    text.extend(std::iter::repeat_n(b'b', 65535));
    text.extend_from_slice(b"\r\n\r\nend");
    let input = scratch("crlf-edges.txt");
    std::fs::write(&input, &text).expect("write the input");
    let srv = Server::start(
        &["127.0.0.2", "0", "--crlf", "--exec", "cat", &input],
        Stdio::null(),
        Stdio::null(),
    );
    let got = python(&format!(
        "import sys\n\
         c = socket.create_connection(('127.0.0.2', {}))\n\
         c.shutdown(socket.SHUT_WR)\n\
         got = b''\n\
         while True:\n    b = c.recv(65536)\n    if not b: break\n    got += b\n\
         sys.stdout.write(got.hex())",
        srv.port
    ));
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    let mut expected = Vec::new();
    let mut last = 0u8;
    for &b in &text {
        if b == b'\n' && last != b'\r' {
            expected.push(b'\r');
        }
        expected.push(b);
        last = b;
    }
    let got: Vec<u8> = (0..got.len() / 2)
        .map(|i| u8::from_str_radix(&got[2 * i..2 * i + 2], 16).expect("hex"))
        .collect();
    assert_eq!(got.len(), expected.len());
    assert!(
        got == expected,
        "every LF alone became CRLF, nothing else changed"
    );
}

#[test]
fn a_reader_of_stdout_that_leaves_while_stdout_is_full_ends_the_session() {
    // The peer sends more than stdout's pipe holds and stays; stdin stays open and
    // quiet. The reader of stdout reads nothing, then leaves: poll reports POLLERR on
    // stdout. That is a closed stdout (exit 0, nothing said), not the peer's end: sockkit
    // must not go on waiting for stdin as if the peer had closed.
    let peer = Peer::start(
        "import socket, time\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.1', 0))\n\
         s.listen(1)\n\
         print(s.getsockname()[1], flush=True)\n\
         c, _ = s.accept()\n\
         c.settimeout(30)\n\
         try:\n    c.sendall(b'z' * (16 << 20))\n    time.sleep(30)\n\
         except OSError:\n    pass\n",
    );
    let port = peer.port().to_string();
    let (r, w) = pipe_with_nonblocking_writer();
    // SAFETY: fcntl on a descriptor owned here: the writer blocks like any pipe.
    unsafe {
        assert_eq!(libc::fcntl(w.as_raw_fd(), libc::F_SETFL, 0), 0);
    }
    let mut child = sockkit(&["connect", "127.0.0.1", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::from(w))
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit");
    let stdin = child.stdin.take();
    std::thread::sleep(Duration::from_millis(700));
    drop(r);
    let done = wait_bounded(child, Duration::from_secs(10), "sockkit connect");
    drop(stdin);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&done.stderr), "", "nothing said");
}

#[test]
fn sigint_ends_a_session_whose_stdout_socket_is_full() {
    // stdout is a socket (socat's EXEC: gives one, so does inetd) whose reader reads
    // nothing; the peer keeps sending. SIGINT must end sockkit at once: a blocked stdout
    // never delays it.
    let peer = Peer::start(
        "import socket, time\n\
         s = socket.socket()\n\
         s.bind(('127.0.0.1', 0))\n\
         s.listen(1)\n\
         print(s.getsockname()[1], flush=True)\n\
         c, _ = s.accept()\n\
         c.settimeout(30)\n\
         try:\n    c.sendall(b'z' * (64 << 20))\n    time.sleep(30)\n\
         except OSError:\n    pass\n",
    );
    let port = peer.port().to_string();
    let (reader, writer) = std::os::unix::net::UnixStream::pair().expect("socketpair");
    let child = sockkit(&["connect", "127.0.0.1", &port])
        .stdout(Stdio::from(OwnedFd::from(writer)))
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit");
    std::thread::sleep(Duration::from_millis(700));
    // SAFETY: kill(2) on the child started here.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let done = wait_bounded(child, Duration::from_secs(10), "sockkit connect");
    drop(reader);
    assert_eq!(common::shell_status(done.status), 130);
}
