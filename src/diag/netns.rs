//! Linux: running a listing inside another network namespace. The namespace is entered
//! with setns(2) in a thread of its own, so the rest of the process stays where it was;
//! the netlink sockets that thread (and the threads it starts) opens belong to that
//! namespace.

use std::fs::File;
use std::os::fd::AsRawFd;

use crate::error::{Failure, failed, reason, usage};

/// The namespace file for `spec`: a process id (`/proc/PID/ns/net`) or a name that
/// `ip netns` made (`/run/netns/NAME`).
pub fn open(spec: &str) -> Result<File, Failure> {
    let path = if !spec.is_empty() && spec.bytes().all(|b| b.is_ascii_digit()) {
        format!("/proc/{spec}/ns/net")
    } else if spec.is_empty() || spec.contains('/') || spec == "." || spec == ".." {
        return Err(usage(
            format!("--netns '{spec}'"),
            "a namespace name from `ip netns` or a process id",
        ));
    } else {
        format!("/run/netns/{spec}")
    };
    File::open(&path).map_err(|e| {
        let f = failed(format!("network namespace {spec}"), reason(&e));
        match e.kind() {
            std::io::ErrorKind::NotFound => f.with_hint("`ip netns list` shows the named ones"),
            _ => f,
        }
    })
}

/// Run `f` in a thread that has entered the namespace `ns`.
pub fn run_in<T: Send>(
    ns: &File,
    spec: &str,
    f: impl FnOnce() -> anyhow::Result<T> + Send,
) -> anyhow::Result<T> {
    std::thread::scope(|s| {
        let handle = s.spawn(|| {
            if let Err(e) = crate::sys::netlink::enter_net_namespace(ns.as_raw_fd()) {
                let f = failed(format!("entering network namespace {spec}"), reason(&e));
                return Err(match e.raw_os_error() {
                    Some(libc::EPERM) => {
                        f.with_hint("entering a namespace needs CAP_SYS_ADMIN (run as root)")
                    }
                    Some(libc::EINVAL) => f.with_hint("that file is not a network namespace"),
                    _ => f,
                }
                .into());
            }
            f()
        });
        handle
            .join()
            .unwrap_or_else(|_| Err(failed("network namespace thread", "it failed").into()))
    })
}
