//! Helpers for the listen/connect tests: a `sockkit listen` started in the background
//! whose port is read from its `-v` "listening on" line, peak memory of a process, and
//! checksums.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStderr, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::sockkit;

/// A running `sockkit listen -v ...`; killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// The bound address as printed: `127.0.0.1:40123`, `[::]:40123`, a path.
    pub shown: String,
    stderr_lines: mpsc::Receiver<String>,
}

impl Server {
    /// Start `sockkit listen -v ARGS` with `stdin` and wait for its "listening on" line.
    pub fn start(args: &[&str], stdin: Stdio, stdout: Stdio) -> Server {
        Server::start_limited(args, stdin, stdout, None)
    }

    /// As [`Server::start`], with the open-file limit (RLIMIT_NOFILE) set to `nofile`.
    pub fn start_limited(
        args: &[&str],
        stdin: Stdio,
        stdout: Stdio,
        nofile: Option<u64>,
    ) -> Server {
        let mut full = vec!["listen", "-v"];
        full.extend_from_slice(args);
        let mut cmd = sockkit(&full);
        cmd.stdin(stdin).stdout(stdout).stderr(Stdio::piped());
        if let Some(n) = nofile {
            use std::os::unix::process::CommandExt;
            // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    let lim = libc::rlimit {
                        rlim_cur: n,
                        rlim_max: n,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &lim) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        let mut child = cmd.spawn().expect("start sockkit listen");
        let stderr_lines = lines_of(child.stderr.take().unwrap());
        let start = Instant::now();
        loop {
            let left = Duration::from_secs(10).saturating_sub(start.elapsed());
            match stderr_lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(shown) = listening_address(&line) {
                        let port = shown.rsplit(':').next().unwrap().parse().unwrap_or(0);
                        return Server {
                            child,
                            port,
                            shown,
                            stderr_lines,
                        };
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("sockkit listen {args:?} printed no 'listening on' line");
                }
            }
        }
    }

    /// Wait (bounded) for the server to exit; returns its exit code as a shell sees it
    /// (128 + N for death by signal N) and the rest of stderr.
    pub fn wait(mut self, limit: Duration) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let mut rest = String::new();
                while let Ok(line) = self.stderr_lines.recv_timeout(Duration::from_millis(200)) {
                    rest.push_str(&line);
                    rest.push('\n');
                }
                return (crate::common::shell_status(status), rest);
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!("sockkit listen did not exit within {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The next stderr line containing `needle`, waiting at most `limit`.
    pub fn stderr_line(&self, needle: &str, limit: Duration) -> Option<String> {
        let start = Instant::now();
        loop {
            let left = limit.checked_sub(start.elapsed())?;
            match self.stderr_lines.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return Some(line),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// Every stderr line up to and including the first containing `needle`, waiting at
    /// most `limit`; None when it did not come.
    pub fn stderr_until(&self, needle: &str, limit: Duration) -> Option<Vec<String>> {
        let start = Instant::now();
        let mut lines = Vec::new();
        loop {
            let left = limit.checked_sub(start.elapsed())?;
            let line = self.stderr_lines.recv_timeout(left).ok()?;
            let done = line.contains(needle);
            lines.push(line);
            if done {
                return Some(lines);
            }
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address in a `listening on ADDR` line, plain or JSON.
fn listening_address(line: &str) -> Option<String> {
    if let Some(shown) = line.strip_prefix("listening on ") {
        return Some(shown.trim().to_string());
    }
    let event: serde_json::Value = serde_json::from_str(line).ok()?;
    (event["event"] == "listening").then(|| event["address"].as_str().map(str::to_string))?
}

/// Read stderr lines on a thread so a chatty child never blocks on a full pipe.
pub fn stderr_lines(stderr: ChildStderr) -> mpsc::Receiver<String> {
    lines_of(stderr)
}

/// Lines read from `r` on a thread, for waits with a bound (`recv_timeout`); the
/// channel disconnects at EOF.
pub fn lines_of<R: Read + Send + 'static>(r: R) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Peak resident memory of a process in KiB (VmHWM), while it runs.
pub fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

/// `n` pseudo-random bytes (xorshift: fast, reproducible, incompressible enough).
pub fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(n + 8);
    while out.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(n);
    out
}

/// sha256 of a file, as sha256sum prints it.
pub fn sha256_file(path: &str) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// A scratch path unique to this test process.
pub fn scratch(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("sockkit-streams-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

/// Read everything from `r` on a thread, bounded by `limit`.
pub fn read_all_bounded<R: Read + Send + 'static>(mut r: R, limit: Duration) -> Vec<u8> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx.recv_timeout(limit).expect("reading finished in time")
}

/// A TCP port on 127.0.0.2 that refuses connections for as long as this lives: a socket
/// bound to it without listening holds the port, so no parallel test can take it.
pub struct ClosedPort {
    _sock: socket2::Socket,
    pub port: u16,
}

impl ClosedPort {
    /// Start listening on the port at last.
    pub fn listen(self) -> std::net::TcpListener {
        self._sock.listen(8).expect("listen");
        self._sock.into()
    }
}

pub fn closed_tcp_port() -> ClosedPort {
    use socket2::{Domain, Socket, Type};
    let sock = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
    let addr: std::net::SocketAddr = "127.0.0.2:0".parse().unwrap();
    sock.bind(&addr.into()).expect("bind 127.0.0.2:0");
    let port = sock
        .local_addr()
        .unwrap()
        .as_socket()
        .expect("an IP address")
        .port();
    ClosedPort { _sock: sock, port }
}

/// The unanswering listener of the stream tests, on 127.0.0.2 (away from scans of
/// 127.0.0.1).
pub fn unanswering_listener() -> crate::common::Peer {
    crate::common::unanswering_listener("127.0.0.2")
}
