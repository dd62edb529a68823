//! `sockkit forward`: every client accepted gets its own connection to the target, and a
//! [`Pump`] relays the two; one poll(2) loop drives the acceptor, the target connections
//! in progress and every pump, so a slow target or a slow client never stalls the others.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::Scope;
use std::time::{Duration, Instant};

use socket2::{Domain, SockAddr, Socket};

use super::listen::{Bound, ListenAt, Listening};
use crate::acceptor::{Acceptor, Access, Admitted, Rules};
use crate::cli::ForwardArgs;
use crate::dump::Dump;
use crate::endpoint::{self, HostPort, Proto, UnixPath};
use crate::engine::{End, Ending, Observer, Pump, Revents, SLOTS, Status, Totals};
use crate::error::{Failure, failed, reason, usage};
use crate::fdio;
use crate::options::Ctx;
use crate::parse;
use crate::proxy::Proxy;
use crate::schema::Event;
use crate::signals;
use crate::socket;
use crate::sockopt::{Setting, SockKind};
use crate::tls::server::ServerOptions;
use crate::tls::session::Session;
use crate::tls::verify::Mode;
use crate::tls::{self, ClientOptions};

/// How long a proxy dialogue or a TLS handshake may take without `-w`.
const THREAD_DIAL_LIMIT: Duration = Duration::from_secs(30);
/// How often a Unix target with a full backlog is asked again, and how often the loop
/// looks at proxy dialogues running on their threads.
const RETRY_EVERY: Duration = Duration::from_millis(10);
/// The congestion control for a leg whose peer is on this host, the first one the system
/// lets this process choose. BBR (a common default) models a network path: on loopback it
/// measures a minimum RTT of microseconds, while the process at the other end of a relay
/// waits milliseconds for a CPU, so it keeps a window of a few segments (and retransmits
/// what was only late). A loss-based control keeps the window open; loopback loses nothing.
const LOOPBACK_CONGESTION: [&str; 2] = ["TCP_CONGESTION=cubic", "TCP_CONGESTION=reno"];

/// Where clients are relayed to.
enum Target {
    Tcp {
        host: String,
        port: u16,
        /// Resolved once at start (none through a proxy: the proxy resolves).
        addrs: Vec<SocketAddr>,
    },
    Unix(UnixPath),
}

impl Target {
    fn shown(&self) -> String {
        match self {
            Target::Tcp { host, port, .. } if host.contains(':') => format!("[{host}]:{port}"),
            Target::Tcp { host, port, .. } => format!("{host}:{port}"),
            Target::Unix(path) => path.text.clone(),
        }
    }
}

/// `forward`'s checked plan.
struct Plan {
    /// Where the forwarder listens.
    at: ListenAt,
    target: Target,
    proxy: Option<Proxy>,
    access: Access,
    max_conns: Option<usize>,
    idle: Option<Duration>,
    backlog: i32,
    /// Bound on each target connection (`-w`).
    dial_limit: Option<Duration>,
    dump: Option<Dump>,
    /// `--to-tls`: the client side of TLS towards the target.
    tls: Option<ClientOptions>,
    /// `--tls`: TLS terminated here, for the clients (the acceptor does the handshakes).
    server_tls: Option<ServerOptions>,
}

impl Plan {
    /// Everything checked before anything is bound: bad input is exit 2 here.
    fn from_args(ctx: &Ctx, args: &ForwardArgs) -> Result<Plan, Failure> {
        let Listening {
            at,
            backlog,
            access,
        } = Listening::check(
            args.unix.as_deref(),
            &args.endpoint,
            args.backlog,
            args.max_conns,
            (&args.allow, &args.deny),
        )?;
        let idle = parse::duration_flag("--idle-timeout", args.idle_timeout.as_deref())?;
        let proxy = args.proxy.as_deref().map(Proxy::parse).transpose()?;
        let tls = tls::client_options_if(
            args.to_tls,
            &args.tls_client,
            "is a TLS client option: add --to-tls",
        )?;
        let server_tls = server_tls(args)?;
        let target = target(ctx, args, proxy.is_some() || args.to_tls)?;
        let mut kinds = vec![at.kind()];
        kinds.push(match target {
            Target::Unix(_) => SockKind::UnixStream,
            Target::Tcp { .. } => SockKind::Tcp,
        });
        ctx.check_sockopts(&kinds)?;
        Ok(Plan {
            at,
            target,
            proxy,
            access,
            max_conns: args.max_conns,
            idle,
            backlog,
            dial_limit: ctx.timeout,
            dump: Dump::from_args(&args.dump)?,
            tls,
            server_tls,
        })
    }
}

/// `--to HOST:PORT` (resolved now, unless a proxy or the TLS dial will) or `--to-unix PATH`.
fn target(ctx: &Ctx, args: &ForwardArgs, proxied: bool) -> Result<Target, Failure> {
    if let Some(path) = &args.to_unix {
        return Ok(Target::Unix(UnixPath::parse(path)?));
    }
    let Some(to) = &args.to else {
        return Err(usage("forward", "missing --to HOST:PORT or --to-unix PATH"));
    };
    let words = [to.clone()];
    let (at, _) =
        HostPort::from_words(&words, Proto::Tcp, false).map_err(|e| e.prefixed("--to"))?;
    let host = at.host.unwrap_or_default();
    let addrs = if proxied {
        Vec::new()
    } else {
        endpoint::resolve(Some(&host), at.port, ctx.family, Proto::Tcp)?
    };
    Ok(Target::Tcp {
        host,
        port: at.port,
        addrs,
    })
}

pub fn run(ctx: &Ctx, args: &ForwardArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    if plan.tls.as_ref().is_some_and(|t| t.insecure()) {
        ctx.out
            .warn("--insecure: the target's certificate is not verified");
    }
    signals::install();
    let bound: Bound = plan.at.bind(ctx, plan.backlog)?;
    let to = plan.target.shown();
    let listening = Event::ForwardListening {
        address: &bound.shown,
        target: &to,
    };
    ctx.out.emit(&listening, || {
        format!("listening on {}, forwarding to {to}", bound.shown)
    });
    let Bound {
        sock, _unix_file, ..
    } = bound;
    if let Some(t) = &plan.server_tls {
        t.announce(&ctx.out, "--server-cert");
    }
    let rules = Rules {
        tls: plan
            .server_tls
            .as_ref()
            .map(ServerOptions::config)
            .transpose()?,
        keep_open: true,
        max_conns: plan.max_conns,
        first_within: None,
    };
    let acceptor = Acceptor::new(ctx, sock, &plan.access, rules)?;
    let result = std::thread::scope(|scope| {
        let mut fwd = Forwarder {
            ctx,
            plan: &plan,
            acceptor,
            conns: Vec::new(),
            scope,
        };
        fwd.run()
    });
    drop(_unix_file);
    result
}

/// `--tls` (or any of its server options, which imply it): the identity to present.
fn server_tls(args: &ForwardArgs) -> Result<Option<ServerOptions>, Failure> {
    let asked = args.tls
        || args.server_cert.is_some()
        || args.server_key.is_some()
        || args.verify_client.is_some();
    let server = crate::cli::TlsServerArgs {
        cert: args.server_cert.clone(),
        key: args.server_key.clone(),
        verify_client: args.verify_client.clone(),
        alpn: None,
    };
    asked.then(|| ServerOptions::from_args(&server)).transpose()
}

/// A target connection made on a thread of its own (a proxy's dialogue, a TLS
/// handshake: blocking steps), and its result.
type Slot = Arc<Mutex<Option<Result<End, Failure>>>>;

/// Where a client is: its target connection on the way, or relayed.
enum Stage {
    /// A non-blocking connect(2) in progress (`target` is `None` while a Unix target's
    /// full backlog is asked again at `retry_at`); `next` is the next address to try.
    Dialing {
        client: Socket,
        target: Option<Socket>,
        next: usize,
        retry_at: Option<Instant>,
    },
    /// A proxy dialogue or a TLS handshake on its thread.
    OnThread {
        client: Socket,
        slot: Slot,
    },
    Relaying(Box<Pump>),
}

struct Conn {
    peer: String,
    /// When the target connection was started (for `connected in N ms` and `-w`).
    dialed: Instant,
    /// `None` only while [`Forwarder::advance`] moves it on.
    stage: Option<Stage>,
}

impl Conn {
    /// What to poll for this connection: the target's connect in progress, or a pump's
    /// two ends.
    fn pollfds(&self, fds: &mut Vec<libc::pollfd>) {
        match &self.stage {
            Some(Stage::Dialing {
                target: Some(t), ..
            }) => fds.push(fdio::pollfd(
                std::os::fd::AsRawFd::as_raw_fd(t),
                libc::POLLOUT,
            )),
            Some(Stage::Relaying(pump)) => fds.extend(pump.pollfds()),
            _ => {}
        }
    }

    /// When this connection needs a look without readiness.
    fn next_wake(&self, dial_limit: Option<Duration>) -> Option<Duration> {
        let now = Instant::now();
        match &self.stage {
            Some(Stage::Dialing { retry_at, .. }) => fdio::earliest(
                retry_at.map(|t| t.saturating_duration_since(now)),
                dial_limit.map(|l| (self.dialed + l).saturating_duration_since(now)),
            ),
            Some(Stage::OnThread { .. }) => Some(RETRY_EVERY),
            Some(Stage::Relaying(pump)) => pump.next_wake(),
            None => None,
        }
    }

    /// Whether something is due without readiness: a deadline, a retry, a proxy's answer.
    fn is_due(&self, dial_limit: Option<Duration>) -> bool {
        match &self.stage {
            Some(Stage::OnThread { slot, .. }) => slot.lock().map_or(true, |s| s.is_some()),
            _ => self.next_wake(dial_limit).is_some_and(|w| w.is_zero()),
        }
    }
}

struct Forwarder<'a, 's, 'e> {
    ctx: &'a Ctx,
    plan: &'e Plan,
    acceptor: Acceptor<'e>,
    conns: Vec<Conn>,
    scope: &'s Scope<'s, 'e>,
}

impl<'a: 'e, 's, 'e> Forwarder<'a, 's, 'e> {
    /// Until SIGINT/SIGTERM: accept, dial, relay.
    fn run(&mut self) -> anyhow::Result<()> {
        let mut fds: Vec<libc::pollfd> = Vec::new();
        let mut slots: Vec<(usize, usize)> = Vec::new();
        loop {
            signals::check()?;
            fds.clear();
            slots.clear();
            let accepting = self.acceptor.pollfds(&mut fds);
            let mut wake = self.acceptor.next_wake()?;
            for conn in &self.conns {
                let start = fds.len();
                conn.pollfds(&mut fds);
                slots.push((start, fds.len() - start));
                wake = fdio::earliest(wake, conn.next_wake(self.plan.dial_limit));
            }
            fdio::poll(&mut fds, wake)?;
            self.serve(&fds, &slots);
            if fds[..accepting].iter().any(|f| f.revents != 0) {
                for client in self.acceptor.accept_ready(self.conns.len()) {
                    self.admit(client);
                }
            }
        }
    }

    /// Move every connection that has readiness or something due; drop the finished.
    fn serve(&mut self, fds: &[libc::pollfd], slots: &[(usize, usize)]) {
        // Backwards, so a finished connection swapped out leaves the rest in place.
        for i in (0..slots.len()).rev() {
            let (start, n) = slots[i];
            let mut revents: Revents = [0; SLOTS];
            for (r, p) in revents.iter_mut().zip(&fds[start..start + n]) {
                *r = p.revents;
            }
            if revents.iter().all(|r| *r == 0) && !self.conns[i].is_due(self.plan.dial_limit) {
                continue;
            }
            if !self.advance(i, revents) {
                self.conns.swap_remove(i);
            }
        }
    }

    /// A new client: start its target connection.
    fn admit(&mut self, client: Admitted) {
        let Admitted {
            sock, peer, addr, ..
        } = client;
        if addr.as_socket().is_some_and(|a| a.ip().is_loopback()) {
            loopback_congestion(self.ctx, &sock);
        }
        let stage = match self.plan.proxy.is_some() || self.plan.tls.is_some() {
            true => match self.dial_on_thread() {
                Ok(slot) => Stage::OnThread { client: sock, slot },
                Err(e) => return self.target_failed(&peer, &reason(&e)),
            },
            false => Stage::Dialing {
                client: sock,
                target: None,
                next: 0,
                retry_at: None,
            },
        };
        self.conns.push(Conn {
            peer,
            dialed: Instant::now(),
            stage: Some(stage),
        });
        let last = self.conns.len() - 1;
        if !self.advance(last, [0; SLOTS]) {
            self.conns.swap_remove(last);
        }
    }

    /// Start the blocking part of a target connection (a proxy's dialogue, a TLS
    /// handshake) on a thread of its own, bounded by `-w` (or a default).
    fn dial_on_thread(&self) -> std::io::Result<Slot> {
        let Target::Tcp { host, port, .. } = &self.plan.target else {
            return Err(std::io::Error::other(
                "a proxy or TLS reaches TCP targets only",
            ));
        };
        let slot: Slot = Arc::default();
        let result = slot.clone();
        let (ctx, plan): (&'e Ctx, &'e Plan) = (self.ctx, self.plan);
        let limit = plan.dial_limit.unwrap_or(THREAD_DIAL_LIMIT);
        let dial = move || {
            let res = dial_blocking(ctx, plan, host, *port, limit);
            if let Ok(mut r) = result.lock() {
                *r = Some(res);
            }
        };
        signals::spawn_worker(self.scope, dial)
            .ok_or_else(|| std::io::Error::other("no thread could be started (a process limit)"))?;
        Ok(slot)
    }

    /// Move connection `i` on; false once it is finished (and reported).
    fn advance(&mut self, i: usize, revents: Revents) -> bool {
        let conn = &mut self.conns[i];
        let Some(stage) = conn.stage.take() else {
            return false;
        };
        let (peer, dialed) = (conn.peer.clone(), conn.dialed);
        let next = match stage {
            Stage::Relaying(mut pump) => match pump.advance(revents) {
                Status::Running => Some(Stage::Relaying(pump)),
                Status::Done(ending) => {
                    self.closed(&peer, &ending, &pump.totals());
                    None
                }
            },
            Stage::OnThread { client, slot } => self.proxy_step(&peer, dialed, client, slot),
            Stage::Dialing {
                client,
                target,
                next,
                retry_at,
            } => {
                let ready = revents[0] != 0;
                self.dial_step(&peer, dialed, client, (target, ready), next, retry_at)
            }
        };
        self.conns[i].stage = next;
        self.conns[i].stage.is_some()
    }

    /// The dialing thread's answer, if it has come.
    fn proxy_step(&self, peer: &str, dialed: Instant, client: Socket, slot: Slot) -> Option<Stage> {
        let answer = slot.lock().ok().and_then(|mut s| s.take());
        match answer {
            None => Some(Stage::OnThread { client, slot }),
            Some(Ok(target)) => self.relay(peer, dialed, client, target),
            Some(Err(f)) => {
                self.target_failed(peer, &f.message);
                None
            }
        }
    }

    /// The target connection: finished, failed (then the next address), timed out, or
    /// still on its way.
    fn dial_step(
        &self,
        peer: &str,
        dialed: Instant,
        client: Socket,
        (target, ready): (Option<Socket>, bool),
        mut next: usize,
        retry_at: Option<Instant>,
    ) -> Option<Stage> {
        let mut last = None;
        if let Some(sock) = target {
            if ready {
                match sock.take_error() {
                    Ok(None) => return self.connected(peer, dialed, client, sock),
                    Ok(Some(e)) | Err(e) => last = Some(reason(&e)),
                }
            } else if !self.timed_out(peer, dialed) {
                return Some(Stage::Dialing {
                    client,
                    target: Some(sock),
                    next,
                    retry_at,
                });
            } else {
                return None;
            }
        }
        if retry_at.is_some_and(|t| Instant::now() < t) {
            return Some(Stage::Dialing {
                client,
                target: None,
                next,
                retry_at,
            });
        }
        loop {
            if self.timed_out(peer, dialed) {
                return None;
            }
            match self.attempt(next) {
                Attempt::Connected(sock) => return self.connected(peer, dialed, client, sock),
                Attempt::Pending(sock) => {
                    return Some(Stage::Dialing {
                        client,
                        target: Some(sock),
                        next: next + 1,
                        retry_at: None,
                    });
                }
                Attempt::Busy => {
                    return Some(Stage::Dialing {
                        client,
                        target: None,
                        next,
                        retry_at: Some(Instant::now() + RETRY_EVERY),
                    });
                }
                Attempt::Failed(why) => last = Some(why),
                Attempt::NoMore => {
                    let why = last.unwrap_or_else(|| "no address to connect to".into());
                    self.target_failed(peer, &why);
                    return None;
                }
            }
            next += 1;
        }
    }

    /// Whether the target connection is past `-w` (said, and the client closed).
    fn timed_out(&self, peer: &str, dialed: Instant) -> bool {
        match self.plan.dial_limit {
            Some(limit) if dialed.elapsed() >= limit => {
                let why = format!("timed out after {}", humantime::format_duration(limit));
                self.target_failed(peer, &why);
                true
            }
            _ => false,
        }
    }

    /// One non-blocking connect(2) to the target's address `index`.
    fn attempt(&self, index: usize) -> Attempt {
        let (addr, domain, kind) = match &self.plan.target {
            Target::Tcp { addrs, .. } => match addrs.get(index) {
                Some(a) => (SockAddr::from(*a), socket::domain_of(a), SockKind::Tcp),
                None => return Attempt::NoMore,
            },
            Target::Unix(_) if index > 0 => return Attempt::NoMore,
            Target::Unix(path) => match path.sockaddr() {
                Ok(a) => (a, Domain::UNIX, SockKind::UnixStream),
                Err(f) => return Attempt::Failed(f.message),
            },
        };
        let sock = match socket::open_nonblocking(self.ctx, domain, kind, &[]) {
            Ok(s) => s,
            Err(f) => return Attempt::Failed(f.message),
        };
        if addr.as_socket().is_some_and(|a| a.ip().is_loopback()) {
            loopback_congestion(self.ctx, &sock);
        }
        match socket::connect(self.ctx, &sock, &addr, None) {
            Ok(()) => Attempt::Connected(sock),
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => Attempt::Pending(sock),
            // A Unix listener's backlog is full: poll(2) cannot say when room frees up.
            Err(e) if fdio::would_block(&e) => Attempt::Busy,
            Err(e) => Attempt::Failed(reason(&e)),
        }
    }

    /// A plain target socket is connected.
    fn connected(
        &self,
        peer: &str,
        dialed: Instant,
        client: Socket,
        target: Socket,
    ) -> Option<Stage> {
        match End::stream(target) {
            Ok(b) => self.relay(peer, dialed, client, b),
            Err(e) => {
                self.target_failed(peer, &reason(&e));
                None
            }
        }
    }

    /// The target is reached: say so and start relaying.
    fn relay(&self, peer: &str, dialed: Instant, client: Socket, b: End) -> Option<Stage> {
        let a = match End::stream(client) {
            Ok(a) => a,
            Err(e) => {
                self.target_failed(peer, &reason(&e));
                return None;
            }
        };
        let took = dialed.elapsed();
        let to = self.plan.target.shown();
        let connected = Event::TargetConnected {
            peer,
            target: &to,
            ms: crate::output::millis(took),
        };
        self.ctx.out.emit(&connected, || {
            format!(
                "{peer}: connected to {to} in {}",
                crate::output::human_duration(took)
            )
        });
        let observer = self
            .plan
            .dump
            .as_ref()
            .map(|d| Box::new(d.conn(peer)) as Box<dyn Observer>);
        Some(Stage::Relaying(Box::new(Pump::new(
            a,
            b,
            self.plan.idle,
            observer,
        ))))
    }

    /// The target could not be reached for this client: said, and the client closed.
    fn target_failed(&self, peer: &str, why: &str) {
        let to = self.plan.target.shown();
        let failure = Event::TargetFailed {
            peer,
            target: &to,
            reason: why,
        };
        self.ctx.out.emit(&failure, || {
            format!("{peer}: target {to}: {why}; client closed")
        });
    }

    /// A relay ended: bytes each way, how long, and how it ended.
    fn closed(&self, peer: &str, ending: &Ending, t: &Totals) {
        let (end, why) = match ending {
            Ending::Closed => ("closed", None),
            Ending::Idle => ("idle", Some("idle timeout".to_string())),
            Ending::Reset { by, reason, .. } => {
                let side = match by {
                    crate::engine::Side::A => "client",
                    crate::engine::Side::B => "target",
                };
                ("reset", Some(format!("reset by the {side}: {reason}")))
            }
        };
        let secs = t.took.as_secs_f64();
        let closed = Event::ForwardClosed {
            peer,
            bytes_in: t.a_to_b,
            bytes_out: t.b_to_a,
            seconds: secs,
            end,
            reason: why.as_deref(),
        };
        self.ctx.out.emit(&closed, || {
            let tail = why
                .as_deref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            format!(
                "closed {peer}: {} in, {} out, {secs:.2}s{tail}",
                fdio::human_bytes(t.a_to_b),
                fdio::human_bytes(t.b_to_a)
            )
        });
    }
}

/// A target connection's blocking steps, on a dialing thread: through the proxy, then
/// the TLS handshake when `--to-tls` asks for it.
fn dial_blocking(
    ctx: &Ctx,
    plan: &Plan,
    host: &str,
    port: u16,
    limit: Duration,
) -> Result<End, Failure> {
    let deadline = Instant::now() + limit;
    let Some(opts) = &plan.tls else {
        let proxy = plan
            .proxy
            .as_ref()
            .ok_or_else(|| failed("dial", "no proxy"))?;
        let sock = proxy.connect(ctx, host, port, Some(limit))?;
        return End::stream(sock).map_err(|e| failed("target", reason(&e)));
    };
    let dialed = tls::dial::dial(
        ctx,
        host,
        port,
        opts,
        plan.proxy.as_ref(),
        Mode::Enforce,
        deadline,
    )?;
    let sock = Socket::from(dialed.sock);
    sock.set_nonblocking(true)
        .map_err(|e| failed("target", reason(&e)))?;
    Ok(End::tls(Session::new(sock, dialed.conn)))
}

/// A TCP leg to a peer on this host sends under [`LOOPBACK_CONGESTION`], best effort
/// (traced under -vv): unless `-O TCP_CONGESTION=...` chose for every socket.
fn loopback_congestion(ctx: &Ctx, sock: &Socket) {
    if ctx.sockopts.iter().any(|s| s.opt.name == "TCP_CONGESTION") {
        return;
    }
    for text in LOOPBACK_CONGESTION {
        if let Ok(setting) = Setting::parse(text)
            && socket::set_option(ctx, sock, &setting).is_ok()
        {
            return;
        }
    }
}

/// One connect(2) to the target.
enum Attempt {
    Connected(Socket),
    Pending(Socket),
    /// A Unix listener with a full backlog: ask again shortly.
    Busy,
    Failed(String),
    NoMore,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("forward")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::Forward(args) = command else {
            unreachable!("parsed as forward")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_holds_both_sides() {
        let p = plan(&["127.0.0.1", "8080", "--to-unix", "/tmp/backend.sock"]).expect("a plan");
        let ListenAt::Tcp(at) = &p.at else {
            panic!("a TCP listener")
        };
        assert_eq!((at.host.as_deref(), at.port), (Some("127.0.0.1"), 8080));
        assert!(matches!(p.target, Target::Unix(_)));
        let p = plan(&["--unix", "/tmp/front.sock", "--to", "127.0.0.1:80"]).expect("a plan");
        assert!(matches!(p.at, ListenAt::Unix(_)));
        assert!(matches!(p.target, Target::Tcp { port: 80, .. }));
    }

    #[test]
    fn where_to_listen_is_checked_before_anything_is_bound() {
        for (argv, names) in [
            (
                &["--unix", "", "--to", "127.0.0.1:80"][..],
                "unix socket path",
            ),
            (&["70000", "--to", "127.0.0.1:80"][..], "70000"),
        ] {
            let f = plan(argv).err().expect("a usage error");
            assert_eq!(f.kind, crate::error::Kind::Usage, "{argv:?}");
            assert!(f.message.contains(names), "{argv:?}: {}", f.message);
        }
    }
}
