//! Running sockkit as a user runs it, and real peers for it to talk to.
//!
//! Every test starts the real binary (`CARGO_BIN_EXE_sockkit`) with a clean environment
//! and talks to peers on loopback: Python's standard socket module makes good peers and
//! a good oracle.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, UdpSocket};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_sockkit");

/// `sockkit ARGS` with a clean environment (no colour, C locale), not yet started.
pub fn sockkit(args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

/// The outcome of one run: exit code, stdout and stderr as text.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
}

/// An exit status as a shell's `$?` shows it: the exit code, or 128 + the signal that
/// ended the process (sockkit dies by a re-raised SIGINT/SIGTERM: 130/143).
pub fn shell_status(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            raw_stdout: o.stdout,
        }
    }
}

/// Run sockkit to completion with `stdin` as its input, bounded by `limit`: a run that
/// hangs is killed and the test fails with what it printed so far.
pub fn run_with(args: &[&str], stdin: &[u8], limit: Duration) -> Run {
    let mut child = sockkit(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sockkit");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = wait_bounded(child, limit, &format!("sockkit {}", args.join(" ")));
    let _ = writer.join();
    out.into()
}

/// Run sockkit with no stdin, bounded by 20 s.
pub fn run(args: &[&str]) -> Run {
    run_with(args, b"", Duration::from_secs(20))
}

/// Wait for a child with a time bound; kill it and panic if it overstays. Its stdout and
/// stderr are read while it runs: a child writing more than a pipe holds (64 KiB) would
/// otherwise block forever on a pipe nobody empties.
pub fn wait_bounded(mut child: Child, limit: Duration, what: &str) -> Output {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                let out = stdout.join().unwrap_or_default();
                let err = stderr.join().unwrap_or_default();
                panic!(
                    "{what} did not finish within {limit:?}\nstdout: {}\nstderr: {}",
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&err)
                );
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("waiting for {what}: {e}"),
        }
    };
    Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

/// Evaluate a Python expression list with `import socket` and return its printed output.
pub fn python(code: &str) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(format!("import socket, sys, struct\n{code}"))
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python failed: {}\n{code}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A Python peer started from a script; it must print its port (or READY) on its first
/// line once listening. Killed when dropped.
pub struct Peer {
    pub child: Child,
    pub first_line: String,
    pub stdout: BufReader<ChildStdout>,
}

impl Peer {
    pub fn start(script: &str) -> Peer {
        let mut child = Command::new("python3")
            .arg("-u")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start python peer");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first_line = String::new();
        stdout
            .read_line(&mut first_line)
            .expect("peer's first line");
        Peer {
            child,
            first_line: first_line.trim().to_string(),
            stdout,
        }
    }

    /// The port the peer printed on its first line.
    pub fn port(&self) -> u16 {
        self.first_line.parse().expect("peer printed its port")
    }

    /// The rest of the peer's stdout once it exits (bounded).
    pub fn finish(mut self, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) => break,
                _ if start.elapsed() > limit => {
                    let _ = self.child.kill();
                    panic!("python peer did not finish within {limit:?}");
                }
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        let mut rest = String::new();
        let _ = self.stdout.read_to_string(&mut rest);
        rest
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_tcp_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A UDP port on 127.0.0.1 that was free a moment ago.
pub fn free_udp_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether this machine can bind ::1 (IPv6 tests skip with a message when not).
pub fn has_ipv6() -> bool {
    let ok = TcpListener::bind("[::1]:0").is_ok();
    if !ok {
        eprintln!("skipped: ::1 cannot be bound here");
    }
    ok
}

/// Wait until something accepts TCP connections on 127.0.0.1:port (bounded to 10 s).
/// Not for a one-client `sockkit listen`: the probe would be its client; read its
/// `-v` "listening on" line instead.
pub fn wait_for_tcp(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "nothing listens on {port}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Run and expect success (exit 0).
pub fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {r:?}");
    r
}

/// Each line of `text` as a JSON value (a test fails on a line that is not JSON).
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// Bad input: exit 2, nothing on stdout, one `sockkit: ...` line naming `named` on stderr
/// (and at most an indented hint line).
pub fn rejects(args: &[&str], named: &str) {
    let r = run(args);
    assert_eq!(r.code, 2, "{args:?}: {r:?}");
    assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(
        !lines.is_empty() && lines.len() <= 2,
        "{args:?}: {}",
        r.stderr
    );
    assert!(lines[0].starts_with("sockkit: "), "{args:?}: {}", lines[0]);
    assert!(
        lines[0].contains(named),
        "{args:?}: {} lacks {named}",
        lines[0]
    );
    if let Some(hint) = lines.get(1) {
        assert!(hint.starts_with("  hint: "), "{args:?}: {hint}");
    }
}

/// A listener on `host` with backlog 0 whose accept queue is kept full: Linux drops
/// further SYNs, so a connect to it gets no answer at all (it neither succeeds nor is
/// refused), all on loopback. The peer prints its port and holds on for two minutes.
pub fn unanswering_listener(host: &str) -> Peer {
    Peer::start(&format!(
        r#"
import socket, time
s = socket.socket()
s.bind(("{host}", 0))
s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(3):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("{host}", port))
    fill.append(c)
time.sleep(0.2)
print(port, flush=True)
time.sleep(120)
"#
    ))
}
