//! Running a program for a peer (`--exec` / `--sh-exec`): the check, before anything is
//! bound, that the program exists; the peer's address in its environment; and a process
//! group of its own, so ending it ends whatever it started too.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use socket2::SockAddr;

use crate::endpoint;
use crate::error::{Failure, usage};
use crate::sys::process::has_exited;
/// Signal a child's whole process group (the child leads it).
pub use crate::sys::process::signal_group;

/// How long a program asked to stop (SIGTERM) has before its group is killed.
const STOP_GRACE: Duration = Duration::from_secs(1);

pub const PEER_ADDR: &str = "SOCKKIT_PEER_ADDR";
pub const PEER_PORT: &str = "SOCKKIT_PEER_PORT";
/// Under `listen --tls --verify-client`: the subject of the client's certificate.
pub const PEER_CERT_SUBJECT: &str = "SOCKKIT_PEER_CERT_SUBJECT";

/// `--exec PROG`: PROG must be runnable, checked once up front (exit 2) rather than
/// found missing for every client.
pub fn check_program(flag: &str, prog: &str) -> Result<(), Failure> {
    if is_program(prog) {
        Ok(())
    } else {
        Err(usage(
            format!("{flag} {prog}"),
            "no such program (not a path to an executable, not found in PATH)",
        ))
    }
}

/// Whether `prog` can be run: a path (it has a '/') to an executable file, or a name
/// found in PATH.
pub fn is_program(prog: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let runnable = |p: &std::path::Path| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if prog.is_empty() {
        return false;
    }
    if prog.contains('/') {
        return runnable(std::path::Path::new(prog));
    }
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| runnable(&dir.join(prog))))
}

/// A command for `argv` (`/bin/sh -c CMD` for --sh-exec) in a process group of its own,
/// with the peer's address in SOCKKIT_PEER_ADDR / SOCKKIT_PEER_PORT. Values sockkit
/// itself inherited are never passed on; a Unix peer has no port.
pub fn command(argv: &[String], peer: &SockAddr) -> Command {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .process_group(0)
        .env_remove(PEER_ADDR)
        .env_remove(PEER_PORT);
    match peer.as_socket() {
        Some(sa) => {
            cmd.env(PEER_ADDR, sa.ip().to_canonical().to_string())
                .env(PEER_PORT, sa.port().to_string());
        }
        None => {
            cmd.env(PEER_ADDR, endpoint::show(peer));
        }
    }
    cmd
}

/// Programs started for peers, each the leader of its own process group. Whatever way
/// sockkit leaves (done, an error, a signal), the groups are stopped and the children
/// reaped: nothing is left running behind it.
#[derive(Debug, Default)]
pub struct Children {
    list: Vec<(Child, String, Option<Copier>)>,
}

/// A thread that carries a child's output to its peer (`--crlf` translates it on the way).
pub type Copier = std::thread::JoinHandle<()>;

impl Children {
    /// A child and, when its output passes through sockkit, the thread carrying it: the
    /// child counts as finished only once that thread has written everything out.
    pub fn push(&mut self, child: Child, peer: String, copier: Option<Copier>) {
        self.list.push((child, peer, copier));
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Reap the children that finished: each one's peer and exit status.
    pub fn reap(&mut self) -> Vec<(String, std::process::ExitStatus)> {
        let mut done = Vec::new();
        self.list
            .retain_mut(|(child, peer, copier)| match child.try_wait() {
                Ok(Some(_)) if copier.as_ref().is_some_and(|c| !c.is_finished()) => true,
                Ok(Some(status)) => {
                    if let Some(c) = copier.take() {
                        let _ = c.join();
                    }
                    done.push((std::mem::take(peer), status));
                    false
                }
                Ok(None) => true,
                Err(_) => false,
            });
        done
    }

    /// SIGTERM every group, a short grace, then SIGKILL for what is left; all reaped.
    pub fn stop_all(&mut self) {
        if self.list.is_empty() {
            return;
        }
        for (child, _, _) in &self.list {
            signal_group(child, libc::SIGTERM);
        }
        let give_up = Instant::now() + STOP_GRACE;
        while Instant::now() < give_up && !self.list.iter().all(|(c, _, _)| has_exited(c)) {
            std::thread::sleep(Duration::from_millis(10));
        }
        // Also for a leader that did exit: what it started may still run in its group.
        for (child, _, _) in &self.list {
            signal_group(child, libc::SIGKILL);
        }
        for (mut child, _, _) in self.list.drain(..) {
            let _ = child.wait();
        }
    }
}

impl Drop for Children {
    fn drop(&mut self) {
        self.stop_all();
    }
}
