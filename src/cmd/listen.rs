//! `sockkit listen`: a TCP or Unix stream server. One client relayed to stdin/stdout by
//! default; `-k` many at once; `--echo`, `--broker`, `--exec`/`--sh-exec` per connection.

use std::net::{IpAddr, SocketAddr};
use std::os::fd::OwnedFd;
use std::process::{Child, Stdio};
use std::time::Duration;

use socket2::{Domain, SockAddr, Socket};

use crate::acceptor::{Acceptor, Access, Rules};
use crate::cli::ListenArgs;
use crate::dump::Dump;
use crate::endpoint::{self, Family, HostPort, Proto, UnixPath};
use crate::error::{Failure, failed, reason, usage};
use crate::exec;
use crate::fdio;
use crate::hub::{self, Hub};
use crate::options::Ctx;
use crate::parse;
use crate::relay::{self, Relay};
use crate::signals;
use crate::socket;
use crate::sockopt::SockKind;

const DEFAULT_BACKLOG: i32 = 128;
/// How often the --exec loop looks for finished children while no client comes.
const REAP_EVERY: Duration = Duration::from_millis(200);

pub fn run(ctx: &Ctx, args: &ListenArgs) -> anyhow::Result<()> {
    let access = Access::parse(&args.allow, &args.deny)?;
    let idle_timeout = parse::duration_flag("--idle-timeout", args.stream.idle_timeout.as_deref())?;
    let backlog = args.backlog.unwrap_or(DEFAULT_BACKLOG);
    if backlog < 0 {
        return Err(usage(format!("--backlog {backlog}"), "must be 0 or more").into());
    }
    if args.max_conns == Some(0) {
        return Err(usage("--max-conns 0", "must be at least 1").into());
    }
    let exec = ExecCommand::from_args(args)?;
    let dump = Dump::from_args(&args.dump)?;
    signals::install();
    let bound = match &args.stream.unix {
        Some(path) => {
            if let Some(extra) = args.endpoint.first() {
                return Err(usage(format!("'{extra}'"), "--unix takes no ADDR PORT").into());
            }
            if !access.is_open() {
                return Err(usage("--allow/--deny", "only for TCP listeners").into());
            }
            ctx.check_sockopts(&[SockKind::UnixStream])?;
            bind_unix(ctx, &UnixPath::parse(path)?, backlog)?
        }
        None => {
            ctx.check_sockopts(&[SockKind::Tcp])?;
            bind_tcp(ctx, &args.endpoint, backlog)?
        }
    };
    ctx.out.event(
        1,
        "listening",
        || format!("listening on {}", bound.shown),
        serde_json::json!({"address": bound.shown}),
    );
    if let Some(cmd) = &exec {
        if bound.is_tcp && !bound.loopback && args.allow.is_empty() {
            ctx.out.warn(&format!(
                "{} runs a program for anyone who can reach {}; limit it with --allow",
                cmd.flag(),
                bound.shown
            ));
        }
        let Bound {
            sock, _unix_file, ..
        } = bound;
        let rules = Rules {
            keep_open: args.keep_open,
            max_conns: args.max_conns,
            first_within: ctx.timeout,
        };
        let result = serve_exec(
            ctx,
            Acceptor::new(ctx, sock, &access, rules)?,
            cmd,
            args,
            dump.as_ref(),
        );
        drop(_unix_file);
        return result;
    }
    let mode = if args.echo {
        Some(hub::Mode::Echo)
    } else if args.broker {
        Some(hub::Mode::Broker)
    } else if args.keep_open {
        Some(hub::Mode::Relay)
    } else {
        None
    };
    match mode {
        Some(mode) => {
            let opts = hub::Options {
                mode,
                idle_timeout,
                no_shutdown: args.stream.no_shutdown,
                crlf: args.stream.crlf,
                stats: args.stream.stats,
                dump,
            };
            let rules = Rules {
                // A chat room of one is no chat room: the broker keeps accepting.
                keep_open: args.keep_open || mode == hub::Mode::Broker,
                max_conns: args.max_conns,
                first_within: ctx.timeout,
            };
            let Bound {
                sock, _unix_file, ..
            } = bound;
            let mut hub = Hub::new(ctx, Acceptor::new(ctx, sock, &access, rules)?, &opts);
            let result = hub.run();
            drop(hub);
            drop(_unix_file);
            result
        }
        None => {
            // The socket file guard stays here; the listening socket goes to serve_one,
            // which closes it once its client is in (as nc does).
            let Bound {
                sock, _unix_file, ..
            } = bound;
            let result = serve_one(ctx, sock, &access, args, idle_timeout, dump);
            drop(_unix_file);
            result
        }
    }
}

/// The default: one client, relayed to stdin/stdout, then exit.
fn serve_one(
    ctx: &Ctx,
    listener: Socket,
    access: &Access,
    args: &ListenArgs,
    idle_timeout: Option<Duration>,
    dump: Option<Dump>,
) -> anyhow::Result<()> {
    let rules = Rules {
        first_within: ctx.timeout,
        ..Rules::default()
    };
    // Without keep-open the acceptor closes the listener once the client is in: later
    // clients are refused rather than left waiting in the backlog.
    let client = Acceptor::new(ctx, listener, access, rules)?.accept_one(0)?;
    let (sock, peer) = (client.sock, client.peer);
    let opts = relay::Options {
        no_shutdown: args.stream.no_shutdown,
        crlf: args.stream.crlf,
        idle_timeout,
        reply_timeout: ctx.timeout,
        linger: parse::duration_flag("--linger", args.stream.linger.as_deref())?,
        progress: ctx.out.progress_allowed(),
        peer: peer.clone(),
        ..relay::Options::default()
    };
    let mut relay = Relay::new(ctx, &sock, &opts).map_err(|e| failed(&peer, reason(&e)))?;
    if let Some(dump) = &dump {
        relay.set_dump(dump.conn(&peer));
    }
    let end = relay.run();
    relay::report_end(ctx, &peer, &relay.totals(), args.stream.stats, false);
    end.map(|_| ())
}

/// A bound, listening socket and how to show it (also `forward`'s listening side).
pub(crate) struct Bound {
    pub(crate) sock: Socket,
    pub(crate) shown: String,
    is_tcp: bool,
    loopback: bool,
    /// Removes the socket file on exit (dropped last, after the socket closes).
    pub(crate) _unix_file: Option<socket::UnixSocketFile>,
}

pub(crate) fn bind_tcp(ctx: &Ctx, words: &[String], backlog: i32) -> Result<Bound, Failure> {
    let (at, rest) = HostPort::from_words(words, Proto::Tcp, true)?;
    if let Some(extra) = rest.first() {
        return Err(usage(format!("'{extra}'"), "unexpected after [ADDR] PORT"));
    }
    let mut addrs = endpoint::resolve(at.host.as_deref(), at.port, ctx.family, Proto::Tcp)?;
    if at.host.is_none() && ctx.family == Family::Any {
        // Dual-stack first; plain IPv4 when this host has no IPv6.
        addrs.push(SocketAddr::new(IpAddr::from([0, 0, 0, 0]), at.port));
    }
    let mut last = None;
    for addr in addrs {
        match bind_tcp_addr(ctx, addr, backlog) {
            Ok(sock) => {
                let shown = sock
                    .local_addr()
                    .ok()
                    .map(|a| endpoint::show(&a))
                    .unwrap_or_else(|| addr.to_string());
                return Ok(Bound {
                    sock,
                    shown,
                    is_tcp: true,
                    loopback: addr.ip().is_loopback(),
                    _unix_file: None,
                });
            }
            Err(f) => {
                ctx.out.event(
                    1,
                    "bind-failed",
                    || f.message.clone(),
                    serde_json::json!({"address": addr.to_string(), "error": f.message}),
                );
                // A port in use is the answer; trying IPv4 after [::] would only hide it.
                let in_use = f
                    .message
                    .ends_with(&reason(&std::io::Error::from_raw_os_error(
                        libc::EADDRINUSE,
                    )));
                last = Some(f);
                if in_use {
                    break;
                }
            }
        }
    }
    Err(last.unwrap_or_else(|| failed("listen", "no address to bind")))
}

fn bind_tcp_addr(ctx: &Ctx, addr: SocketAddr, backlog: i32) -> Result<Socket, Failure> {
    let mut defaults = vec!["SO_REUSEADDR=1"];
    if addr.is_ipv6() && addr.ip().is_unspecified() {
        defaults.push(if ctx.family == Family::V6 {
            "IPV6_V6ONLY=1"
        } else {
            "IPV6_V6ONLY=0"
        });
    }
    let sock = socket::open(ctx, socket::domain_of(&addr), SockKind::Tcp, &defaults)?;
    socket::bind(ctx, &sock, &SockAddr::from(addr))
        .map_err(|e| failed(format!("bind {addr}"), reason(&e)))?;
    socket::listen(ctx, &sock, backlog)
        .map_err(|e| failed(format!("listen {addr}"), reason(&e)))?;
    Ok(sock)
}

pub(crate) fn bind_unix(ctx: &Ctx, path: &UnixPath, backlog: i32) -> Result<Bound, Failure> {
    let sock = socket::open(ctx, Domain::UNIX, SockKind::UnixStream, &[])?;
    let unix_file = socket::bind_unix(ctx, &sock, path)?;
    socket::listen(ctx, &sock, backlog)
        .map_err(|e| failed(format!("listen {}", path.text), reason(&e)))?;
    Ok(Bound {
        sock,
        shown: path.text.clone(),
        is_tcp: false,
        loopback: true,
        _unix_file: unix_file,
    })
}

/// The program `--exec` / `--sh-exec` runs for each connection.
enum ExecCommand {
    Argv(Vec<String>),
    Shell(String),
}

impl ExecCommand {
    /// The program, checked before anything is bound: a missing one is bad input.
    fn from_args(args: &ListenArgs) -> Result<Option<ExecCommand>, Failure> {
        if let Some(cmd) = &args.sh_exec {
            return Ok(Some(ExecCommand::Shell(cmd.clone())));
        }
        let Some(prog) = args.exec.first() else {
            return Ok(None);
        };
        exec::check_program("--exec", prog)?;
        Ok(Some(ExecCommand::Argv(args.exec.clone())))
    }

    fn flag(&self) -> &'static str {
        match self {
            ExecCommand::Argv(_) => "--exec",
            ExecCommand::Shell(_) => "--sh-exec",
        }
    }

    fn name(&self) -> String {
        match self {
            ExecCommand::Argv(argv) => argv[0].clone(),
            ExecCommand::Shell(cmd) => cmd.clone(),
        }
    }

    /// Start the program with the connection on its stdin and stdout. With `--crlf` its
    /// output passes through a thread that turns LF into CRLF on the way to the peer.
    fn spawn(
        &self,
        sock: Socket,
        addr: &SockAddr,
        crlf: bool,
    ) -> std::io::Result<(Child, Option<exec::Copier>)> {
        let argv = match self {
            ExecCommand::Argv(argv) => argv.clone(),
            ExecCommand::Shell(text) => vec!["/bin/sh".into(), "-c".into(), text.clone()],
        };
        let mut cmd = exec::command(&argv, addr);
        let out = sock.try_clone()?;
        let inp: OwnedFd = sock.into();
        cmd.stdin(Stdio::from(inp));
        if !crlf {
            let out: OwnedFd = out.into();
            return cmd.stdout(Stdio::from(out)).spawn().map(|c| (c, None));
        }
        out.set_nonblocking(false)?;
        let mut child = cmd.stdout(Stdio::piped()).spawn()?;
        let Some(from) = child.stdout.take() else {
            return Ok((child, None));
        };
        match crate::signals::spawn_detached(move || copy_crlf(from, out)) {
            Some(copier) => Ok((child, Some(copier))),
            None => {
                exec::signal_group(&child, libc::SIGKILL);
                let _ = child.wait();
                Err(std::io::Error::other(
                    "no thread could be started to carry its output (--crlf)",
                ))
            }
        }
    }
}

/// One process per connection. The listening socket is close-on-exec, so no child keeps
/// the port; finished children are reaped as the loop goes, and whatever way this ends,
/// the ones still running are stopped with everything they started.
///
/// Without -k the listening socket closes once the one client is in (later clients are
/// refused rather than left in the backlog), and the program's exit status is sockkit's
/// verdict.
fn serve_exec(
    ctx: &Ctx,
    mut acceptor: Acceptor,
    cmd: &ExecCommand,
    args: &ListenArgs,
    dump: Option<&Dump>,
) -> anyhow::Result<()> {
    let mut children = exec::Children::default();
    loop {
        signals::check()?;
        let verdict = reap(ctx, &mut children, cmd);
        if !acceptor.is_open() {
            // One-shot: the one client's program ends the run.
            if let Some(status) = verdict {
                return exit_verdict(cmd, status);
            }
            std::thread::sleep(Duration::from_millis(20));
            continue;
        }
        let wake = acceptor
            .next_wake()?
            .map_or(REAP_EVERY, |w| w.min(REAP_EVERY));
        match acceptor.pollfd() {
            Some(mut fd) => {
                if fdio::poll(std::slice::from_mut(&mut fd), Some(wake))? == 0 {
                    continue;
                }
            }
            None => {
                std::thread::sleep(wake);
                continue;
            }
        }
        for client in acceptor.accept_ready(children.len()) {
            let sock = match dump {
                // The child's bytes pass through sockkit to be shown.
                Some(d) => match crate::engine::tap(client.sock, Box::new(d.conn(&client.peer))) {
                    Ok(s) => s,
                    Err(e) => {
                        ctx.out
                            .warn(&format!("--dump {}: {}", client.peer, reason(&e)));
                        continue;
                    }
                },
                None => client.sock,
            };
            match cmd.spawn(sock, &client.addr, args.stream.crlf) {
                Ok((child, copier)) => children.push(child, client.peer, copier),
                Err(e) => {
                    let f = failed(format!("{} {}", cmd.flag(), cmd.name()), reason(&e));
                    if !args.keep_open {
                        return Err(f.into());
                    }
                    ctx.out.warn(&f.message);
                }
            }
        }
    }
}

/// A `--crlf` child's output to its peer, LF as CRLF; the peer gets a half-close at the
/// end, as when the child writes to the socket itself and exits.
fn copy_crlf(mut from: std::process::ChildStdout, to: Socket) {
    use std::io::{Read, Write};
    let mut crlf = relay::Crlf::default();
    let mut buf = vec![0; 64 * 1024];
    let mut out = Vec::with_capacity(buf.len() * 2);
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        out.clear();
        crlf.translate(&buf[..n], &mut out);
        if (&to).write_all(&out).is_err() {
            break;
        }
    }
    let _ = to.shutdown(std::net::Shutdown::Write);
}

/// Reap finished children, each reported at -v; the status of the last one reaped.
fn reap(
    ctx: &Ctx,
    children: &mut exec::Children,
    cmd: &ExecCommand,
) -> Option<std::process::ExitStatus> {
    let mut last = None;
    for (peer, status) in children.reap() {
        ctx.out.event(
            1,
            "exited",
            || format!("{peer}: {} exited ({status})", cmd.name()),
            serde_json::json!({"peer": peer, "status": status.code()}),
        );
        last = Some(status);
    }
    last
}

/// One-shot `--exec`: the program's failure is sockkit's failure.
fn exit_verdict(cmd: &ExecCommand, status: std::process::ExitStatus) -> anyhow::Result<()> {
    use std::os::unix::process::ExitStatusExt;
    let what = format!("{} {}", cmd.flag(), cmd.name());
    match (status.code(), status.signal()) {
        (Some(0), _) => Ok(()),
        (Some(code), _) => Err(failed(what, format!("exited with status {code}")).into()),
        (None, Some(sig)) => Err(failed(what, format!("killed by signal {sig}")).into()),
        (None, None) => Err(failed(what, format!("ended ({status})")).into()),
    }
}
