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
use crate::engine;
use crate::error::{Failure, failed, io_failed, reason, usage};
use crate::exec;
use crate::fdio;
use crate::hub::{self, Fan, Hub};
use crate::options::Ctx;
use crate::parse;
use crate::relay::{self, Relay};
use crate::schema::Event;
use crate::signals;
use crate::socket;
use crate::sockopt::SockKind;
use crate::tls::server::ServerOptions;

const DEFAULT_BACKLOG: i32 = 128;
/// How often the --exec loop looks for finished children while no client comes.
const REAP_EVERY: Duration = Duration::from_millis(200);

pub fn run(ctx: &Ctx, args: &ListenArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    signals::install();
    let bound = plan.at.bind(ctx, plan.backlog)?;
    listening(ctx, &bound, plan.tls.as_ref());
    if let Some(cmd) = &plan.exec
        && bound.is_tcp
        && !bound.loopback
        && plan.access.allow.is_empty()
    {
        ctx.out.warn(&format!(
            "{} runs a program for anyone who can reach {}; limit it with --allow",
            cmd.flag(),
            bound.shown
        ));
    }
    // The socket file guard outlives the serving: the file goes once the socket is closed.
    let Bound {
        sock, _unix_file, ..
    } = bound;
    let acceptor = Acceptor::new(ctx, sock, &plan.access, plan.rules.clone())?;
    let result = match (&plan.exec, &plan.hub) {
        (Some(cmd), _) => serve_exec(ctx, acceptor, cmd, &plan),
        (None, Some(opts)) => serve_many(ctx, acceptor, opts),
        (None, None) => serve_one(ctx, acceptor, &plan),
    };
    drop(_unix_file);
    result
}

/// What `listen` was asked to do, checked before anything is bound.
struct Plan {
    at: ListenAt,
    access: Access,
    rules: Rules,
    backlog: i32,
    exec: Option<ExecCommand>,
    /// Many clients on one poll loop (`-k`, `--echo`, `--broker`); None: one client.
    hub: Option<hub::Options>,
    relay: relay::Options,
    tls: Option<ServerOptions>,
    /// `--dump`: every connection's bytes, shown as they pass.
    dump: Option<Dump>,
    keep_open: bool,
    crlf: bool,
    stats: bool,
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &ListenArgs) -> Result<Plan, Failure> {
        let Listening {
            at,
            backlog,
            access,
        } = Listening::check(
            args.stream.unix.as_deref(),
            &args.endpoint,
            args.backlog,
            args.max_conns,
            (&args.allow, &args.deny),
        )?;
        let idle_timeout =
            parse::duration_flag("--idle-timeout", args.stream.idle_timeout.as_deref())?;
        ctx.check_sockopts(&[at.kind()])?;
        let tls = tls_options(args)?;
        let dump = Dump::from_args(&args.dump)?;
        let hub = hub_mode(args).map(|mode| hub::Options {
            mode,
            idle_timeout,
            no_shutdown: args.stream.no_shutdown,
            crlf: args.stream.crlf,
            stats: args.stream.stats,
            dump: dump.clone(),
        });
        let rules = Rules {
            tls: tls.as_ref().map(ServerOptions::config).transpose()?,
            // A chat room of one is no chat room: the broker keeps accepting.
            keep_open: args.keep_open || args.broker,
            max_conns: args.max_conns,
            first_within: ctx.timeout,
        };
        let relay = relay::Options {
            no_shutdown: args.stream.no_shutdown,
            crlf: args.stream.crlf,
            idle_timeout,
            reply_timeout: ctx.timeout,
            linger: parse::duration_flag("--linger", args.stream.linger.as_deref())?,
            progress: ctx.out.progress_allowed(),
            ..relay::Options::default()
        };
        let exec = ExecCommand::from_args(args)?;
        Ok(Plan {
            at,
            access,
            rules,
            backlog,
            exec,
            hub,
            relay,
            tls,
            dump,
            keep_open: args.keep_open,
            crlf: args.stream.crlf,
            stats: args.stream.stats,
        })
    }
}

/// The listening side of `listen` and `forward`, checked: where, the backlog, and who may
/// connect (`--max-conns` is checked here too; the acceptor applies it).
pub(crate) struct Listening {
    pub(crate) at: ListenAt,
    pub(crate) backlog: i32,
    pub(crate) access: Access,
}

impl Listening {
    pub(crate) fn check(
        unix: Option<&str>,
        words: &[String],
        backlog: Option<i32>,
        max_conns: Option<usize>,
        (allow, deny): (&[String], &[String]),
    ) -> Result<Listening, Failure> {
        let access = Access::parse(allow, deny)?;
        let backlog = backlog.unwrap_or(DEFAULT_BACKLOG);
        if backlog < 0 {
            return Err(usage(format!("--backlog {backlog}"), "must be 0 or more"));
        }
        if max_conns == Some(0) {
            return Err(usage("--max-conns 0", "must be at least 1"));
        }
        let at = ListenAt::parse(unix, words)?;
        if matches!(at, ListenAt::Unix(_)) && !access.is_open() {
            return Err(usage("--allow/--deny", "only for TCP listeners"));
        }
        Ok(Listening {
            at,
            backlog,
            access,
        })
    }
}

/// Where to listen: a Unix path, or [ADDR] PORT as written (resolved when bound). Also
/// `forward`'s listening side.
pub(crate) enum ListenAt {
    Unix(UnixPath),
    Tcp(HostPort),
}

impl ListenAt {
    /// `--unix PATH` (and no `[ADDR] PORT` words), or the `[ADDR] PORT` words.
    fn parse(unix: Option<&str>, words: &[String]) -> Result<ListenAt, Failure> {
        match (unix, words.first()) {
            (Some(_), Some(extra)) => Err(usage(format!("'{extra}'"), "--unix takes no ADDR PORT")),
            (Some(path), None) => Ok(ListenAt::Unix(UnixPath::parse(path)?)),
            (None, _) => Ok(ListenAt::Tcp(tcp_at(words)?)),
        }
    }

    /// The kind of socket it listens on (for the -O checks).
    pub(crate) fn kind(&self) -> SockKind {
        match self {
            ListenAt::Unix(_) => SockKind::UnixStream,
            ListenAt::Tcp(_) => SockKind::Tcp,
        }
    }

    /// Bind and listen.
    pub(crate) fn bind(&self, ctx: &Ctx, backlog: i32) -> Result<Bound, Failure> {
        match self {
            ListenAt::Unix(path) => bind_unix(ctx, path, backlog),
            ListenAt::Tcp(at) => bind_tcp_at(ctx, at, backlog),
        }
    }
}

/// `[ADDR] PORT` and nothing after it.
fn tcp_at(words: &[String]) -> Result<HostPort, Failure> {
    let (at, rest) = HostPort::from_words(words, Proto::Tcp, true)?;
    if let Some(extra) = rest.first() {
        return Err(usage(format!("'{extra}'"), "unexpected after [ADDR] PORT"));
    }
    Ok(at)
}

/// `-k`, `--echo` and `--broker` serve many clients on one poll loop.
fn hub_mode(args: &ListenArgs) -> Option<hub::Mode> {
    if args.echo {
        Some(hub::Mode::Echo)
    } else if args.broker {
        Some(hub::Mode::Broker)
    } else if args.keep_open {
        Some(hub::Mode::Relay)
    } else {
        None
    }
}

/// `--tls`, or any TLS server option (which implies it).
fn tls_options(args: &ListenArgs) -> Result<Option<ServerOptions>, Failure> {
    let t = &args.tls_server;
    let asked = args.tls
        || t.cert.is_some()
        || t.key.is_some()
        || t.verify_client.is_some()
        || t.alpn.is_some();
    asked.then(|| ServerOptions::from_args(t)).transpose()
}

/// The `listening` event (its plain line stays `listening on ADDR`: scripts read the
/// address from it); under TLS the certificate's fingerprint (what `connect --pin`
/// takes) is in it and, in plain, on a line of its own.
fn listening(ctx: &Ctx, bound: &Bound, tls: Option<&ServerOptions>) {
    let pin = tls.map(ServerOptions::pin);
    let self_signed = tls.is_some_and(|t| t.self_signed);
    let listening = Event::Listening {
        address: &bound.shown,
        tls: tls.is_some(),
        fingerprint: pin.as_deref(),
        self_signed,
    };
    ctx.out
        .emit(&listening, || format!("listening on {}", bound.shown));
    // In JSON the listening event has it all already.
    if let Some(t) = tls
        && !ctx.out.json()
    {
        t.announce(&ctx.out, "--cert");
    }
}

/// `-k`, `--echo`, `--broker`: many clients, as the mode says.
fn serve_many(ctx: &Ctx, acceptor: Acceptor, opts: &hub::Options) -> anyhow::Result<()> {
    match opts.mode {
        hub::Mode::Echo => crate::echo::Echo::new(ctx, acceptor, opts).run(),
        hub::Mode::Relay => Hub::new(ctx, acceptor, opts, Fan::Relay).run(),
        hub::Mode::Broker => Hub::new(ctx, acceptor, opts, Fan::Broker).run(),
    }
}

/// The default: one client, relayed to stdin/stdout, then exit.
fn serve_one(ctx: &Ctx, mut acceptor: Acceptor, plan: &Plan) -> anyhow::Result<()> {
    // Without keep-open the acceptor closes the listener once the client is in: later
    // clients are refused rather than left waiting in the backlog.
    let client = acceptor.accept_one(0)?;
    let (sock, peer) = (client.sock, client.peer);
    let opts = relay::Options {
        peer: peer.clone(),
        ..plan.relay.clone()
    };
    let dump = plan.dump.as_ref().map(|d| d.conn(&peer));
    let mut relay = Relay::new(ctx, sock, &opts, dump).map_err(|e| failed(&peer, reason(&e)))?;
    let end = relay.run();
    relay::report_end(ctx, &peer, &relay.totals(), plan.stats, false);
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

/// Listen on `at`: every address it resolves to is tried, dual-stack first.
fn bind_tcp_at(ctx: &Ctx, at: &HostPort, backlog: i32) -> Result<Bound, Failure> {
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
                let failure = Event::BindFailed {
                    address: &addr.to_string(),
                    error: &f.message,
                };
                ctx.out.emit(&failure, || f.message.clone());
                // A port in use is the answer; trying IPv4 after [::] would only hide it.
                let in_use = f.is_os_error(libc::EADDRINUSE);
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
        .map_err(|e| io_failed(format!("bind {addr}"), &e))?;
    socket::listen(ctx, &sock, backlog)
        .map_err(|e| failed(format!("listen {addr}"), reason(&e)))?;
    Ok(sock)
}

fn bind_unix(ctx: &Ctx, path: &UnixPath, backlog: i32) -> Result<Bound, Failure> {
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

    /// Start the program with the connection on its stdin and stdout. With `--crlf` or
    /// `--dump` its bytes pass through sockkit: the child gets pipes, and an engine pump
    /// on a thread of its own runs between them and the connection (LF to CRLF on the
    /// child's output, every chunk shown); the thread is the child's [`exec::Copier`].
    fn spawn(
        &self,
        sock: Socket,
        addr: &SockAddr,
        cert_subject: Option<&str>,
        through: Through,
    ) -> std::io::Result<(Child, Option<exec::Copier>)> {
        let argv = match self {
            ExecCommand::Argv(argv) => argv.clone(),
            ExecCommand::Shell(text) => vec!["/bin/sh".into(), "-c".into(), text.clone()],
        };
        let mut cmd = exec::command(&argv, addr);
        cmd.env_remove(exec::PEER_CERT_SUBJECT);
        if let Some(subject) = cert_subject {
            cmd.env(exec::PEER_CERT_SUBJECT, subject);
        }
        if !through.crlf && through.observer.is_none() {
            let out: OwnedFd = sock.try_clone()?.into();
            let inp: OwnedFd = sock.into();
            cmd.stdin(Stdio::from(inp)).stdout(Stdio::from(out));
            return cmd.spawn().map(|c| (c, None));
        }
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Ok((child, None));
        };
        let mut pipes = engine::Stdio::pipes(OwnedFd::from(output), OwnedFd::from(input));
        if through.crlf {
            pipes.translate_crlf();
        }
        let ends = (engine::End::stream(sock)?, engine::End::stdio(pipes));
        let pump = engine::Pump::new(ends.0, ends.1, None, through.observer);
        match engine::run_detached(pump) {
            Some(copier) => Ok((child, Some(copier))),
            None => {
                exec::signal_group(&child, libc::SIGKILL);
                let _ = child.wait();
                Err(std::io::Error::other(
                    "no thread could be started to carry its bytes",
                ))
            }
        }
    }
}

/// What an `--exec` child's bytes pass through on their way to and from its peer.
struct Through {
    crlf: bool,
    observer: Option<Box<dyn engine::Observer>>,
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
    plan: &Plan,
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
        let mut fds = Vec::with_capacity(2);
        if acceptor.pollfds(&mut fds) == 0 {
            std::thread::sleep(wake);
            continue;
        }
        if fdio::poll(&mut fds, Some(wake))? == 0 {
            continue;
        }
        for client in acceptor.accept_ready(children.len()) {
            let subject = client.cert_subject.as_deref();
            let through = Through {
                crlf: plan.crlf,
                observer: plan
                    .dump
                    .as_ref()
                    .map(|d| Box::new(d.conn(&client.peer)) as Box<dyn engine::Observer>),
            };
            match cmd.spawn(client.sock, &client.addr, subject, through) {
                Ok((child, copier)) => children.push(child, client.peer, copier),
                Err(e) => {
                    let f = failed(format!("{} {}", cmd.flag(), cmd.name()), reason(&e));
                    if !plan.keep_open {
                        return Err(f.into());
                    }
                    ctx.out.warn(&f.message);
                }
            }
        }
    }
}

/// Reap finished children, each reported at -v; the status of the last one reaped.
fn reap(
    ctx: &Ctx,
    children: &mut exec::Children,
    cmd: &ExecCommand,
) -> Option<std::process::ExitStatus> {
    let mut last = None;
    for (peer, status) in children.reap() {
        let exited = Event::Exited {
            peer: &peer,
            status: status.code(),
        };
        ctx.out.emit(&exited, || {
            format!("{peer}: {} exited ({status})", cmd.name())
        });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `listen ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("listen")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::Listen(args) = command else {
            unreachable!("parsed as listen")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_holds_where_to_listen() {
        let p = plan(&["-k", "127.0.0.1", "8080"]).expect("a good plan");
        let ListenAt::Tcp(at) = &p.at else {
            panic!("a TCP listener")
        };
        assert_eq!((at.host.as_deref(), at.port), (Some("127.0.0.1"), 8080));
        assert!(p.hub.is_some() && p.keep_open);
        let p = plan(&["--unix", "/tmp/s"]).expect("a good plan");
        assert!(matches!(p.at, ListenAt::Unix(_)) && p.hub.is_none());
    }

    #[test]
    fn bad_input_is_refused_before_anything_is_bound() {
        for (argv, names) in [
            (&["70000"][..], "70000"),
            (&["--unix", "/tmp/s", "80"], "--unix takes no ADDR PORT"),
            (
                &["--unix", "/tmp/s", "--allow", "127.0.0.1"],
                "--allow/--deny",
            ),
            (&["--max-conns", "0", "80"], "--max-conns 0"),
            (&["--backlog=-1", "80"], "--backlog -1"),
            (&["--idle-timeout", "x", "80"], "--idle-timeout"),
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
