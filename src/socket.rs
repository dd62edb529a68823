//! The one place sockets are created and their system calls made.
//!
//! [`open`] creates a socket, applies sockkit's defaults and then every `-O` option (so a
//! user can override a default), before any bind or connect. Each call here is traced at
//! `-vv`, strace-style: `socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3`.
//! No other module calls socket(2) directly.

use std::io;
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

use socket2::{Domain, Protocol, SockAddr, Socket, Type};

use crate::endpoint::{UnixPath, show};
use crate::error::{Failure, failed, reason};
use crate::fdio;
use crate::options::Ctx;
use crate::schema::Event;
use crate::sockopt::{self, Setting, SockKind, Value};

/// Create a socket of `kind` in `domain`, apply `defaults` (NAME=VALUE, sockkit's own
/// choices) and then the user's `-O` options that fit it.
pub fn open(
    ctx: &Ctx,
    domain: Domain,
    kind: SockKind,
    defaults: &[&str],
) -> Result<Socket, Failure> {
    open_as(ctx, domain, kind, defaults, false)
}

/// As [`open`], with `SOCK_NONBLOCK` set by socket(2) itself: one system call fewer per
/// socket, which counts when a port scan opens tens of thousands of them.
pub fn open_nonblocking(
    ctx: &Ctx,
    domain: Domain,
    kind: SockKind,
    defaults: &[&str],
) -> Result<Socket, Failure> {
    open_as(ctx, domain, kind, defaults, true)
}

fn open_as(
    ctx: &Ctx,
    domain: Domain,
    kind: SockKind,
    defaults: &[&str],
    nonblocking: bool,
) -> Result<Socket, Failure> {
    let (ty, proto, ty_name, proto_name) = match kind {
        SockKind::Tcp => (
            Type::STREAM,
            Some(Protocol::TCP),
            "SOCK_STREAM",
            "IPPROTO_TCP",
        ),
        SockKind::Udp => (
            Type::DGRAM,
            Some(Protocol::UDP),
            "SOCK_DGRAM",
            "IPPROTO_UDP",
        ),
        SockKind::UnixStream => (Type::STREAM, None, "SOCK_STREAM", "0"),
        SockKind::UnixDgram => (Type::DGRAM, None, "SOCK_DGRAM", "0"),
    };
    let (ty, flags) = if nonblocking {
        (ty.nonblocking(), "SOCK_CLOEXEC|SOCK_NONBLOCK")
    } else {
        (ty, "SOCK_CLOEXEC")
    };
    let call = || {
        format!(
            "socket({}, {ty_name}|{flags}, {proto_name})",
            domain_name(domain)
        )
    };
    let sock = traced(ctx, call, Socket::new(domain, ty, proto), |s| {
        s.as_raw_fd().to_string()
    })
    .map_err(|e| failed("socket", reason(&e)))?;
    let family = domain_raw(domain);
    for text in defaults {
        // sockkit's own defaults are known-good names; one the kernel refuses is skipped.
        if let Ok(setting) = Setting::parse(text)
            && setting.opt.fits_family(family)
        {
            let _ = set_option(ctx, &sock, &setting);
        }
    }
    for setting in &ctx.sockopts {
        if !setting.opt.applies_to(kind) || !setting.opt.fits_family(family) {
            let skipped = Event::SockoptSkipped {
                option: setting.opt.name,
                reason: "does not fit this socket",
            };
            ctx.out.emit(&skipped, || {
                format!(
                    "-O {}: not for a {} socket, skipped",
                    setting.text,
                    domain_name(domain)
                )
            });
            continue;
        }
        set_option(ctx, &sock, setting)
            .map_err(|e| setting.refused(format!("-O {}", setting.text), &e))?;
    }
    Ok(sock)
}

/// setsockopt(2), traced.
pub fn set_option(ctx: &Ctx, sock: &Socket, setting: &Setting) -> io::Result<()> {
    let fd = sock.as_raw_fd();
    set_option_fd(ctx, fd, setting.opt, &setting.value)
}

/// setsockopt(2) on a raw descriptor (a live socket of another process, too), traced.
pub fn set_option_fd(
    ctx: &Ctx,
    fd: RawFd,
    opt: &sockopt::SockOpt,
    value: &Value,
) -> io::Result<()> {
    let call = || {
        format!(
            "setsockopt({fd}, {}, {}, {})",
            opt.level.name(),
            opt.name,
            value.plain()
        )
    };
    traced(ctx, call, opt.set(fd, value), |_| "0".into())
}

/// getsockopt(2), traced.
pub fn get_option_fd(ctx: &Ctx, fd: RawFd, opt: &sockopt::SockOpt) -> io::Result<Value> {
    let call = || format!("getsockopt({fd}, {}, {})", opt.level.name(), opt.name);
    traced(ctx, call, opt.get(fd), |v| format!("0 ({})", v.plain()))
}

pub fn bind(ctx: &Ctx, sock: &Socket, addr: &SockAddr) -> io::Result<()> {
    let call = || format!("bind({}, {})", sock.as_raw_fd(), show(addr));
    traced(ctx, call, sock.bind(addr), |_| "0".into())
}

pub fn listen(ctx: &Ctx, sock: &Socket, backlog: i32) -> io::Result<()> {
    let call = || format!("listen({}, {backlog})", sock.as_raw_fd());
    traced(ctx, call, sock.listen(backlog), |_| "0".into())
}

/// connect(2), bounded by `timeout` when given. The wait is a poll(2) that SIGINT and
/// SIGTERM interrupt (an `Interrupted` error), so a user can always stop a slow connect.
/// The socket is left blocking or not as it was.
pub fn connect(
    ctx: &Ctx,
    sock: &Socket,
    addr: &SockAddr,
    timeout: Option<Duration>,
) -> io::Result<()> {
    let call = || format!("connect({}, {})", sock.as_raw_fd(), show(addr));
    traced(
        ctx,
        call,
        connect_interruptible(sock, addr, timeout),
        |_| "0".into(),
    )
}

fn connect_interruptible(
    sock: &Socket,
    addr: &SockAddr,
    timeout: Option<Duration>,
) -> io::Result<()> {
    let Some(timeout) = timeout else {
        // Unbounded: a blocking connect(2), which a signal interrupts (the handlers are
        // installed without SA_RESTART).
        return sock.connect(addr);
    };
    let deadline = Some(std::time::Instant::now() + timeout);
    let was_nonblocking = nonblocking(sock)?;
    if !was_nonblocking {
        sock.set_nonblocking(true)?;
    }
    let res = match connect_unix_retrying(sock, addr, deadline) {
        Ok(()) => Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {
            match fdio::wait_for(sock.as_raw_fd(), libc::POLLOUT, deadline) {
                Ok(true) => match sock.take_error() {
                    Ok(None) => Ok(()),
                    Ok(Some(e)) | Err(e) => Err(e),
                },
                Ok(false) => Err(io::Error::from(io::ErrorKind::TimedOut)),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    if !was_nonblocking {
        sock.set_nonblocking(false)?;
    }
    res
}

/// A non-blocking connect(2). A Unix listener with a full backlog answers EAGAIN rather
/// than "in progress", and poll(2) cannot say when room frees up: ask again shortly,
/// until the deadline.
fn connect_unix_retrying(
    sock: &Socket,
    addr: &SockAddr,
    deadline: Option<std::time::Instant>,
) -> io::Result<()> {
    loop {
        match sock.connect(addr) {
            Err(e)
                if fdio::would_block(&e) && addr.family() == libc::AF_UNIX as libc::sa_family_t =>
            {
                if crate::signals::caught().is_some() {
                    return Err(io::Error::from(io::ErrorKind::Interrupted));
                }
                if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                    return Err(io::Error::from(io::ErrorKind::TimedOut));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// Whether O_NONBLOCK is set on the socket.
fn nonblocking(sock: &Socket) -> io::Result<bool> {
    let flags = crate::sys::fd::status_flags(sock.as_raw_fd())?;
    Ok(flags & libc::O_NONBLOCK != 0)
}

/// accept4(2) with SOCK_CLOEXEC, so no child process inherits the connection by accident.
pub fn accept(ctx: &Ctx, sock: &Socket) -> io::Result<(Socket, SockAddr)> {
    let fd = sock.as_raw_fd();
    let res = sock.accept();
    let call = || format!("accept4({fd}, SOCK_CLOEXEC)");
    traced(ctx, call, res, |(s, a)| {
        format!("{} ({})", s.as_raw_fd(), show(a))
    })
}

pub fn shutdown(ctx: &Ctx, sock: &Socket, how: std::net::Shutdown) -> io::Result<()> {
    let name = match how {
        std::net::Shutdown::Read => "SHUT_RD",
        std::net::Shutdown::Write => "SHUT_WR",
        std::net::Shutdown::Both => "SHUT_RDWR",
    };
    let call = || format!("shutdown({}, {name})", sock.as_raw_fd());
    traced(ctx, call, sock.shutdown(how), |_| "0".into())
}

/// The domain for an IP address.
pub fn domain_of(addr: &SocketAddr) -> Domain {
    match addr {
        SocketAddr::V4(_) => Domain::IPV4,
        SocketAddr::V6(_) => Domain::IPV6,
    }
}

/// Trace `call() = result` at `-vv`, strace-style, and hand the result back.
pub fn traced<T>(
    ctx: &Ctx,
    call: impl FnOnce() -> String,
    res: io::Result<T>,
    ok: impl FnOnce(&T) -> String,
) -> io::Result<T> {
    if ctx.out.tracing() {
        let shown = match &res {
            Ok(v) => ok(v),
            Err(e) => errno_text(e),
        };
        ctx.out.trace(|| format!("{} = {shown}", call()));
    }
    res
}

/// `-1 ECONNREFUSED (Connection refused)`, as strace shows a failed call.
pub fn errno_text(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => format!("-1 {} ({})", errno_name(code), crate::sys::strerror(code)),
        None => format!("-1 ({e})"),
    }
}

fn errno_name(code: i32) -> String {
    let name = match code {
        libc::EPERM => "EPERM",
        libc::ENOENT => "ENOENT",
        libc::EINTR => "EINTR",
        libc::EBADF => "EBADF",
        libc::EAGAIN => "EAGAIN",
        libc::EACCES => "EACCES",
        libc::EINVAL => "EINVAL",
        libc::EMFILE => "EMFILE",
        libc::ENFILE => "ENFILE",
        libc::EPIPE => "EPIPE",
        libc::ENOTSOCK => "ENOTSOCK",
        libc::EPROTOTYPE => "EPROTOTYPE",
        libc::ENOPROTOOPT => "ENOPROTOOPT",
        libc::EPROTONOSUPPORT => "EPROTONOSUPPORT",
        libc::EOPNOTSUPP => "EOPNOTSUPP",
        libc::EAFNOSUPPORT => "EAFNOSUPPORT",
        libc::EADDRINUSE => "EADDRINUSE",
        libc::EADDRNOTAVAIL => "EADDRNOTAVAIL",
        libc::ENETDOWN => "ENETDOWN",
        libc::ENETUNREACH => "ENETUNREACH",
        libc::ECONNABORTED => "ECONNABORTED",
        libc::ECONNRESET => "ECONNRESET",
        libc::ENOBUFS => "ENOBUFS",
        libc::EISCONN => "EISCONN",
        libc::ENOTCONN => "ENOTCONN",
        libc::ETIMEDOUT => "ETIMEDOUT",
        libc::ECONNREFUSED => "ECONNREFUSED",
        libc::EHOSTUNREACH => "EHOSTUNREACH",
        libc::EALREADY => "EALREADY",
        libc::EINPROGRESS => "EINPROGRESS",
        libc::EMSGSIZE => "EMSGSIZE",
        _ => return format!("E{code}"),
    };
    name.to_string()
}

pub fn domain_name(domain: Domain) -> &'static str {
    match domain_raw(domain) {
        libc::AF_INET => "AF_INET",
        libc::AF_INET6 => "AF_INET6",
        libc::AF_UNIX => "AF_UNIX",
        _ => "AF_?",
    }
}

fn domain_raw(domain: Domain) -> libc::c_int {
    domain.into()
}

/// A Unix socket file this command created: removed when dropped, and only while the
/// path still holds that very socket (not one another process put there since).
#[derive(Debug)]
pub struct UnixSocketFile {
    path: String,
    dev: u64,
    ino: u64,
}

impl Drop for UnixSocketFile {
    /// Removes the path only while it is still the very socket file this bind created
    /// (same device and inode), checked right before the unlink. What remains is the
    /// instant between the two calls: a directory others can write to is theirs to race in.
    fn drop(&mut self) {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        if let Ok(md) = std::fs::symlink_metadata(&self.path)
            && md.file_type().is_socket()
            && md.dev() == self.dev
            && md.ino() == self.ino
        {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Whether `path` is still the socket file `seen` described (same device and inode).
fn same_socket_file(path: &str, seen: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    std::fs::symlink_metadata(path).is_ok_and(|now| {
        now.file_type().is_socket() && now.dev() == seen.dev() && now.ino() == seen.ino()
    })
}

/// bind(2) `sock`, a Unix stream or datagram socket, to `path`. A socket file nobody serves,
/// left over from a process that died, is replaced; a live one is "address already in
/// use"; anything that is not a socket is never removed or overwritten. Returns the
/// guard that removes the file this bind created (none for an `@abstract` name).
pub fn bind_unix(
    ctx: &Ctx,
    sock: &Socket,
    path: &UnixPath,
) -> Result<Option<UnixSocketFile>, Failure> {
    use std::os::unix::fs::MetadataExt;
    if !path.is_abstract() {
        clear_stale_socket(ctx, path)?;
    }
    bind(ctx, sock, &path.sockaddr()?)
        .map_err(|e| failed(format!("bind {}", path.text), reason(&e)))?;
    if path.is_abstract() {
        return Ok(None);
    }
    let md = std::fs::symlink_metadata(&path.text).map_err(|e| failed(&path.text, reason(&e)))?;
    Ok(Some(UnixSocketFile {
        path: path.text.clone(),
        dev: md.dev(),
        ino: md.ino(),
    }))
}

fn clear_stale_socket(ctx: &Ctx, path: &UnixPath) -> Result<(), Failure> {
    use std::os::unix::fs::FileTypeExt;
    let md = match std::fs::symlink_metadata(&path.text) {
        Ok(md) => md,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(failed(&path.text, reason(&e))),
    };
    if !md.file_type().is_socket() {
        return Err(failed(
            &path.text,
            "exists and is not a socket; not removing or overwriting it",
        ));
    }
    // The probe is a SOCK_SEQPACKET socket, a type sockkit never serves: connecting it to
    // a live stream or datagram socket fails with EPROTOTYPE without creating a
    // connection (a one-client listener must not take the probe for its client), and
    // with ECONNREFUSED when no socket is bound to the file any more.
    let call = || "socket(AF_UNIX, SOCK_SEQPACKET|SOCK_CLOEXEC, 0)".to_string();
    let probe = traced(
        ctx,
        call,
        Socket::new(Domain::UNIX, Type::SEQPACKET, None),
        |s| s.as_raw_fd().to_string(),
    )
    .map_err(|e| failed("socket", reason(&e)))?;
    match connect(ctx, &probe, &path.sockaddr()?, Some(Duration::from_secs(1))) {
        Ok(()) => Err(failed(
            &path.text,
            "address already in use (a socket is live there)",
        )),
        Err(e) if e.raw_os_error() == Some(libc::EPROTOTYPE) => Err(failed(
            &path.text,
            "address already in use (a socket is live there)",
        )),
        Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED) => {
            // The probe took a while: whatever is at the path now must still be the very
            // socket file looked at, or it is not ours to remove.
            if !same_socket_file(&path.text, &md) {
                return Err(failed(
                    &path.text,
                    "changed while it was being checked; not removing it",
                ));
            }
            std::fs::remove_file(&path.text).map_err(|e| failed(&path.text, reason(&e)))?;
            ctx.out.emit(&Event::StaleSocket { path: &path.text }, || {
                format!("removed stale socket {}", path.text)
            });
            Ok(())
        }
        Err(e) => Err(failed(&path.text, reason(&e))),
    }
}

/// A netlink socket for asking the kernel (`NETLINK_SOCK_DIAG` for `conns`), made here
/// like every other socket and traced the same way:
/// `socket(AF_NETLINK, SOCK_DGRAM|SOCK_CLOEXEC, NETLINK_SOCK_DIAG) = 3`. The `-O` options
/// are for sockets that reach a peer, so none apply.
pub fn open_netlink(ctx: &Ctx, protocol: libc::c_int) -> Result<std::os::fd::OwnedFd, Failure> {
    let name = match protocol {
        libc::NETLINK_ROUTE => "NETLINK_ROUTE".to_string(),
        libc::NETLINK_SOCK_DIAG => "NETLINK_SOCK_DIAG".to_string(),
        n => n.to_string(),
    };
    let call = || format!("socket(AF_NETLINK, SOCK_DGRAM|SOCK_CLOEXEC, {name})");
    // socket2 asks for SOCK_CLOEXEC itself.
    let res = Socket::new(
        Domain::from(libc::AF_NETLINK),
        Type::DGRAM,
        Some(Protocol::from(protocol)),
    );
    traced(ctx, call, res, |s| s.as_raw_fd().to_string())
        .map(std::os::fd::OwnedFd::from)
        .map_err(|e| failed(format!("netlink {name} socket"), reason(&e)))
}

/// setsockopt(2) of an int option the registry does not list (one sockkit sets for
/// itself, such as UDP_GRO, never a user's `-O`), traced at `-vv` like every other.
pub fn set_raw_int(
    ctx: &Ctx,
    sock: &Socket,
    level: (&str, libc::c_int),
    opt: (&str, libc::c_int),
    value: libc::c_int,
) -> io::Result<()> {
    let fd = sock.as_raw_fd();
    let res = crate::sys::sockopt::set_int(fd, level.1, opt.1, value);
    let call = || format!("setsockopt({fd}, {}, {}, {value})", level.0, opt.0);
    traced(ctx, call, res, |_| "0".into())
}
