//! `sockkit sockopt`: list the registry, read and set options on a fresh socket of a
//! given type, or on a live socket of a running process (`--pid PID --fd FD`).

use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use socket2::Domain;

use crate::cli::{SockType, SockoptAction, SockoptArgs, SockoptTarget};
use crate::endpoint::Family;
use crate::error::{Failure, failed, reason, usage};
use crate::options::Ctx;
use crate::output::Style;
use crate::schema::sockopt::{Listed, OptionValue};
use crate::socket;
use crate::sockopt::{REGISTRY, Setting, SockKind, SockOpt, Value, lookup};
use crate::sys;

pub fn run(ctx: &Ctx, args: &SockoptArgs) -> anyhow::Result<()> {
    match Plan::from_args(ctx, args)? {
        Plan::List => list(ctx),
        Plan::Get { names, on } => get(ctx, &Target::open(ctx, &on)?, &names),
        Plan::Set { settings, on } => set(ctx, &Target::open(ctx, &on)?, &settings),
    }
}

/// What `sockopt` was asked to do, checked before any socket is made or borrowed.
enum Plan {
    List,
    /// The options to read (none: every readable one).
    Get {
        names: Vec<&'static SockOpt>,
        on: Socket,
    },
    Set {
        settings: Vec<Setting>,
        on: Socket,
    },
}

/// The socket the options are read from or written to, before it is opened.
enum Socket {
    /// A new socket of this domain and kind.
    Fresh { domain: Domain, kind: SockKind },
    /// `--pid PID --fd FD`: a live socket of a running process.
    Live { pid: i32, fd: i32 },
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &SockoptArgs) -> Result<Plan, Failure> {
        Ok(match &args.action {
            SockoptAction::List => Plan::List,
            SockoptAction::Get(a) => Plan::Get {
                names: a
                    .names
                    .iter()
                    .map(|n| lookup(n))
                    .collect::<Result<Vec<_>, _>>()?,
                on: Socket::from_args(ctx, &a.target)?,
            },
            SockoptAction::Set(a) => Plan::Set {
                settings: a
                    .settings
                    .iter()
                    .map(|s| Setting::parse(s))
                    .collect::<Result<Vec<_>, _>>()?,
                on: Socket::from_args(ctx, &a.target)?,
            },
        })
    }
}

impl Socket {
    fn from_args(ctx: &Ctx, t: &SockoptTarget) -> Result<Socket, Failure> {
        if let (Some(pid), Some(fd)) = (t.pid, t.fd) {
            // -O applies to sockets sockkit creates; dropping it here would be silent.
            if let Some(s) = ctx.sockopts.first() {
                return Err(usage(
                    format!("-O {}", s.text),
                    "a live socket (--pid, --fd) is not created by sockkit; use 'sockopt set'",
                ));
            }
            if pid <= 0 {
                return Err(usage(format!("--pid {pid}"), "not a process id"));
            }
            if fd < 0 {
                return Err(usage(format!("--fd {fd}"), "not a file descriptor"));
            }
            return Ok(Socket::Live { pid, fd });
        }
        let (domain, kind) = match t.socktype {
            SockType::Tcp | SockType::Udp => {
                let domain = if ctx.family == Family::V6 {
                    Domain::IPV6
                } else {
                    Domain::IPV4
                };
                let kind = if t.socktype == SockType::Tcp {
                    SockKind::Tcp
                } else {
                    SockKind::Udp
                };
                (domain, kind)
            }
            SockType::UnixStream => (Domain::UNIX, SockKind::UnixStream),
            SockType::UnixDgram => (Domain::UNIX, SockKind::UnixDgram),
        };
        ctx.check_sockopts(&[kind])?;
        Ok(Socket::Fresh { domain, kind })
    }
}

fn list(ctx: &Ctx) -> anyhow::Result<()> {
    if !ctx.out.json() {
        let header = format!(
            "{:<25} {:<12} {:<12} {:<31} {:<7} {}",
            "NAME", "LEVEL", "KIND", "TYPES", "ACCESS", "DESCRIPTION"
        );
        ctx.out.line(&ctx.out.paint(&header, Style::Header))?;
    }
    for o in REGISTRY {
        ctx.out.record(
            || {
                format!(
                    "{:<25} {:<12} {:<12} {:<31} {:<7} {}",
                    o.name,
                    o.level.name(),
                    o.kind.name(),
                    o.type_names(),
                    o.access.name(),
                    o.about
                )
            },
            || {
                let types = o.type_names();
                Listed {
                    name: o.name,
                    level: o.level.name(),
                    kind: o.kind.name(),
                    types: types.split(',').map(str::to_string).collect(),
                    access: o.access.name(),
                    about: o.about,
                }
            },
        )?;
    }
    Ok(())
}

/// The socket options are read from or written to.
struct Target {
    fd: OwnedFd,
    kind: SockKind,
    family: libc::c_int,
    /// Whether this is a fresh socket we made (unconnected) or a live one.
    fresh: bool,
    label: String,
}

impl Target {
    fn open(ctx: &Ctx, on: &Socket) -> Result<Target, Failure> {
        let (domain, kind) = match *on {
            Socket::Live { pid, fd } => return live(ctx, pid, fd),
            Socket::Fresh { domain, kind } => (domain, kind),
        };
        let sock = socket::open(ctx, domain, kind, &[])?;
        let family = i32::from(domain);
        Ok(Target {
            fd: OwnedFd::from(sock),
            kind,
            family,
            fresh: true,
            label: format!("a fresh {} socket", kind.name()),
        })
    }
}

/// Borrow a socket of another process: pidfd_open(2) + pidfd_getfd(2) give us a
/// duplicate of its descriptor; options set on it change the same socket.
fn live(ctx: &Ctx, pid: i32, target_fd: i32) -> Result<Target, Failure> {
    let what = format!("pid {pid} fd {target_fd}");
    let pidfd = socket::traced(
        ctx,
        || format!("pidfd_open({pid}, 0)"),
        sys::pidfd_open(pid),
        |fd| fd.as_raw_fd().to_string(),
    )
    .map_err(|e| match e.raw_os_error() {
        Some(libc::ESRCH) => failed(&what, "no such process"),
        _ => failed(&what, reason(&e)),
    })?;
    let call = || format!("pidfd_getfd({}, {target_fd}, 0)", pidfd.as_raw_fd());
    let got = sys::pidfd_getfd(pidfd.as_fd(), target_fd);
    let fd =
        socket::traced(ctx, call, got, |fd| fd.as_raw_fd().to_string()).map_err(|e| {
            match e.raw_os_error() {
                Some(libc::EBADF) => failed(&what, "no such file descriptor"),
                Some(libc::EPERM) | Some(libc::EACCES) => failed(
                    &what,
                    "not permitted (needs ptrace rights over the process)",
                )
                .with_hint("run as the process's owner with ptrace allowed, or as root"),
                Some(libc::ESRCH) => failed(&what, "no such process"),
                _ => failed(&what, reason(&e)),
            }
        })?;
    if sys::file_type(fd.as_raw_fd()).ok() != Some(sys::FileType::Socket) {
        return Err(failed(&what, "not a socket"));
    }
    let int_opt = |name: &str| -> i32 {
        lookup(name)
            .ok()
            .and_then(|o| o.get(fd.as_raw_fd()).ok())
            .and_then(|v| match v {
                crate::sockopt::Value::Int(n) => Some(n as i32),
                _ => None,
            })
            .unwrap_or(-1)
    };
    let family = int_opt("SO_DOMAIN");
    let ty = int_opt("SO_TYPE");
    let kind = match (family, ty) {
        (libc::AF_INET | libc::AF_INET6, libc::SOCK_STREAM) => SockKind::Tcp,
        (libc::AF_INET | libc::AF_INET6, libc::SOCK_DGRAM) => SockKind::Udp,
        (libc::AF_UNIX, libc::SOCK_STREAM) => SockKind::UnixStream,
        (libc::AF_UNIX, libc::SOCK_DGRAM) => SockKind::UnixDgram,
        _ => {
            return Err(failed(
                &what,
                "a socket of a family or type sockkit does not handle",
            ));
        }
    };
    Ok(Target {
        fd,
        kind,
        family,
        fresh: false,
        label: format!("the {} socket at {what}", kind.name()),
    })
}

fn check_fits(t: &Target, o: &SockOpt) -> Result<(), Failure> {
    if !o.applies_to(t.kind) || !o.fits_family(t.family) {
        return Err(usage(
            format!("socket option {}", o.name),
            format!("applies to {} sockets, not to {}", o.type_names(), t.label),
        ));
    }
    Ok(())
}

fn get(ctx: &Ctx, t: &Target, names: &[&'static SockOpt]) -> anyhow::Result<()> {
    let fd = t.fd.as_raw_fd();
    let all = names.is_empty();
    let opts: Vec<&SockOpt> = if all {
        REGISTRY
            .iter()
            // Whatever the kernel answers on this socket is shown, even where an option
            // has no effect (SO_BROADCAST on TCP reads 0, as getsockopt(2) says).
            .filter(|o| o.access.can_get() && o.fits_family(t.family))
            .filter(|o| !(t.fresh && o.needs_connection))
            .collect()
    } else {
        names.to_vec()
    };
    for o in opts {
        if !o.access.can_get() {
            return Err(usage(format!("socket option {}", o.name), "is write-only").into());
        }
        let value = match socket::get_option_fd(ctx, fd, o) {
            Ok(v) => v,
            // Listing everything: an option this kernel or socket state does not offer is left out.
            Err(_) if all => continue,
            // Named: the kernel's answer decides; where it refuses an option meant for
            // other socket types, say that.
            Err(e) => {
                check_fits(t, o)?;
                return Err(failed(o.name, reason(&e)).into());
            }
        };
        ctx.out.record(
            || format!("{} {}", o.name, shown(&value)),
            || OptionValue {
                name: o.name,
                level: o.level.name(),
                value: Some(&value),
                requested: None,
            },
        )?;
    }
    Ok(())
}

fn set(ctx: &Ctx, t: &Target, settings: &[Setting]) -> anyhow::Result<()> {
    let fd = t.fd.as_raw_fd();
    for s in settings {
        check_fits(t, s.opt)?;
    }
    for s in settings {
        socket::set_option_fd(ctx, fd, s.opt, &s.value).map_err(|e| s.refused(&s.text, &e))?;
        let effective = if s.opt.access.can_get() {
            Some(
                socket::get_option_fd(ctx, fd, s.opt)
                    .map_err(|e| failed(s.opt.name, reason(&e)))?,
            )
        } else {
            None
        };
        ctx.out.record(
            || match &effective {
                Some(v) if *v != s.value => format!(
                    "{} {} (requested {})",
                    s.opt.name,
                    shown(v),
                    shown(&s.value)
                ),
                Some(v) => format!("{} {}", s.opt.name, shown(v)),
                None => format!(
                    "{} set to {} (write-only, not read back)",
                    s.opt.name,
                    shown(&s.value)
                ),
            },
            || OptionValue {
                name: s.opt.name,
                level: s.opt.level.name(),
                value: effective.as_ref(),
                requested: Some(&s.value),
            },
        )?;
    }
    Ok(())
}

/// A value as `sockopt get` prints it; an empty text (SO_BINDTODEVICE unbound) is `""`,
/// so the line never ends in a blank.
fn shown(v: &Value) -> String {
    match v.plain() {
        text if text.is_empty() => "\"\"".to_string(),
        text => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `sockopt ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("sockopt")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::Sockopt(args) = command else {
            unreachable!("parsed as sockopt")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_names_the_socket_and_the_options() {
        let Ok(Plan::Get { names, on }) = plan(&["get", "--type", "unix-dgram", "SO_RCVBUF"])
        else {
            panic!("a get")
        };
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].name, "SO_RCVBUF");
        assert!(matches!(
            on,
            Socket::Fresh {
                kind: SockKind::UnixDgram,
                ..
            }
        ));
        let Ok(Plan::Set { settings, on }) =
            plan(&["set", "--pid", "1", "--fd", "3", "SO_RCVBUF=4096"])
        else {
            panic!("a set")
        };
        assert_eq!(settings.len(), 1);
        assert!(matches!(on, Socket::Live { pid: 1, fd: 3 }));
    }

    #[test]
    fn bad_input_is_refused_before_any_socket() {
        for (argv, names) in [
            (&["get", "--pid", "0", "--fd", "3"][..], "--pid 0"),
            (&["get", "--pid", "1", "--fd=-1"], "--fd -1"),
            (
                &["-O", "SO_RCVBUF=4096", "get", "--pid", "1", "--fd", "3"],
                "-O SO_RCVBUF=4096",
            ),
            (
                &["-O", "TCP_NODELAY=1", "get", "--type", "udp"],
                "-O TCP_NODELAY=1",
            ),
            (&["get", "NO_SUCH_OPTION"], "NO_SUCH_OPTION"),
            (&["set", "SO_RCVBUF"], "SO_RCVBUF"),
        ] {
            match plan(argv) {
                Ok(_) => panic!("{argv:?} was accepted"),
                Err(f) => {
                    assert_eq!(f.code, 2, "{argv:?}: {}", f.message);
                    assert!(f.message.contains(names), "{argv:?}: {}", f.message);
                }
            }
        }
    }
}
