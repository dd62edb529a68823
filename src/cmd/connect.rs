//! `sockkit connect`: a TCP or Unix stream client relaying stdin/stdout, with
//! `--send`/`--expect` for scripts and `--wait-until` for services still starting.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use regex::bytes::{Regex, RegexBuilder};
use socket2::{Domain, SockAddr, Socket};

use crate::cli::ConnectArgs;
use crate::dump::Dump;
use crate::endpoint::{self, HostPort, Proto, UnixPath};
use crate::error::{Failure, Kind, failed, reason, usage};
use crate::options::Ctx;
use crate::parse;
use crate::proxy::Proxy;
use crate::relay::{self, End, Relay};
use crate::schema::Event;
use crate::signals;
use crate::socket;
use crate::sockopt::SockKind;
use crate::tls::ClientOptions;

/// How long `--expect` waits for a matching reply when `-w` does not say.
const EXPECT_DEFAULT_WAIT: Duration = Duration::from_secs(10);
/// Pause between attempts under `--wait-until`.
const RETRY_EVERY: Duration = Duration::from_millis(200);
/// What the attempt made at the --wait-until deadline still gets to complete.
const LAST_ATTEMPT: Duration = Duration::from_millis(100);

pub fn run(ctx: &Ctx, args: &ConnectArgs) -> anyhow::Result<()> {
    if args.scan {
        let plan = super::scan::Plan::from_args(ctx, args)?;
        return super::scan::run(ctx, &plan);
    }
    let plan = Plan::from_args(ctx, args)?;
    signals::install();

    let (sock, peer) = connect_retrying(ctx, &plan.target, plan.wait_until)?;
    // Under --tls the relay talks to the plain end of a bridge: the handshake is done,
    // and the bytes are plaintext from here on (as --dump shows them).
    let (sock, tls_end) = match &plan.tls {
        Some(t) => {
            let deadline = Instant::now() + ctx.timeout.unwrap_or(TLS_WAIT);
            let host = plan.target.tls_name(t);
            let (plain, ending) = crate::engine::tls::originate(ctx, sock, &host, t, deadline)?;
            (plain, Some(ending))
        }
        None => (sock, None),
    };
    let opts = relay::Options {
        peer: peer.clone(),
        ..plan.relay
    };
    let dump = plan.dump.as_ref().map(|d| d.conn(&peer));
    let mut relay = Relay::new(ctx, sock, &opts, dump).map_err(|e| failed(&peer, reason(&e)))?;
    let end = relay.run();
    relay::report_end(ctx, &peer, &relay.totals(), plan.stats, false);
    let matched = relay.matched();
    // The plain end closes with the relay, so the bridge ends too; then the TLS side's
    // own end: an error there (a reset, a bad record) fails a session that looked whole.
    drop(relay);
    if let Some(ending) = tls_end.filter(|_| end.is_ok()) {
        crate::engine::tls::verdict(ctx, &peer, ending.wait())?;
    }
    match end? {
        End::PeerClosed if opts.expect.is_some() && !matched => {
            let re = opts.expect.as_ref().map(|r| r.as_str()).unwrap_or_default();
            Err(failed(&peer, format!("closed without a reply matching '{re}'")).into())
        }
        _ => Ok(()),
    }
}

/// What `connect` (without `-z`) was asked to do, checked before any socket exists.
struct Plan {
    target: Target,
    /// The relay's options; the peer is filled in once connected.
    relay: relay::Options,
    /// `--wait-until`: keep trying this long.
    wait_until: Option<Duration>,
    tls: Option<ClientOptions>,
    /// `--dump`: the connection's bytes, shown as they pass.
    dump: Option<Dump>,
    /// `--stats`: the totals at the end.
    stats: bool,
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &ConnectArgs) -> Result<Plan, Failure> {
        let target = Target::from_args(ctx, args)?;
        let relay = relay_options(ctx, args)?;
        let wait_until = parse::duration_flag("--wait-until", args.wait_until.as_deref())?;
        let tls = tls_options(ctx, args)?;
        let dump = Dump::from_args(&args.dump)?;
        Ok(Plan {
            target,
            relay,
            wait_until,
            tls,
            dump,
            stats: args.stream.stats,
        })
    }
}

/// How long the TLS handshake may take when `-w` does not say.
const TLS_WAIT: Duration = Duration::from_secs(10);

/// `--tls`, or any TLS client option (which implies it), checked before connecting.
fn tls_options(ctx: &Ctx, args: &ConnectArgs) -> Result<Option<ClientOptions>, Failure> {
    let t = &args.tls_client;
    if !args.tls && crate::tls::client_flag_given(t).is_none() {
        return Ok(None);
    }
    let opts = ClientOptions::from_args(t)?;
    if opts.insecure() {
        ctx.out
            .warn("--insecure: the server's certificate is not verified");
    }
    Ok(Some(opts))
}

/// Where to connect, checked before any socket exists.
enum Target {
    Tcp {
        at: HostPort,
        source: Option<String>,
        source_port: Option<u16>,
        proxy: Option<Proxy>,
    },
    Unix(UnixPath),
}

impl Target {
    /// The name TLS sends (SNI) and verifies: `--sni`, else the host as written (for a
    /// Unix socket, `localhost`).
    fn tls_name(&self, tls: &ClientOptions) -> String {
        if let Some(sni) = &tls.sni {
            return sni.clone();
        }
        match self {
            Target::Tcp { at, .. } => at.host.clone().unwrap_or_else(|| "localhost".into()),
            Target::Unix(_) => "localhost".into(),
        }
    }

    /// The target as the user wrote it: `127.0.0.1:80`, `[::1]:80`, a path.
    fn shown(&self) -> String {
        match self {
            Target::Tcp { at, .. } => {
                let host = at.host.as_deref().unwrap_or("*");
                if host.contains(':') {
                    format!("[{host}]:{}", at.port)
                } else {
                    format!("{host}:{}", at.port)
                }
            }
            Target::Unix(path) => path.text.clone(),
        }
    }

    fn from_args(ctx: &Ctx, args: &ConnectArgs) -> Result<Target, Failure> {
        if let Some(path) = &args.stream.unix {
            if let Some(extra) = args.endpoint.first() {
                return Err(usage(format!("'{extra}'"), "--unix takes no HOST PORT"));
            }
            if args.source.is_some() || args.source_port.is_some() || args.proxy.is_some() {
                return Err(usage("--source/--source-port/--proxy", "not for --unix"));
            }
            ctx.check_sockopts(&[SockKind::UnixStream])?;
            return Ok(Target::Unix(UnixPath::parse(path)?));
        }
        let (at, rest) = HostPort::from_words(&args.endpoint, Proto::Tcp, false)?;
        if let Some(extra) = rest.first() {
            return Err(usage(format!("'{extra}'"), "unexpected after HOST PORT"));
        }
        ctx.check_sockopts(&[SockKind::Tcp])?;
        let source = args
            .source
            .as_deref()
            .map(endpoint::validate_host)
            .transpose()?;
        let source_port = args
            .source_port
            .as_deref()
            .map(|p| endpoint::parse_port(p, Proto::Tcp))
            .transpose()?;
        let proxy = args.proxy.as_deref().map(Proxy::parse).transpose()?;
        Ok(Target::Tcp {
            at,
            source,
            source_port,
            proxy,
        })
    }
}

fn relay_options(ctx: &Ctx, args: &ConnectArgs) -> Result<relay::Options, Failure> {
    let send = args
        .send
        .as_deref()
        .map(|t| parse::escapes(t).map_err(|e| e.prefixed("--send")))
        .transpose()?;
    let expect = args.expect.as_deref().map(expect_regex).transpose()?;
    let overall_timeout = expect
        .as_ref()
        .map(|_| ctx.timeout.unwrap_or(EXPECT_DEFAULT_WAIT));
    Ok(relay::Options {
        no_shutdown: args.stream.no_shutdown,
        crlf: args.stream.crlf,
        idle_timeout: parse::duration_flag("--idle-timeout", args.stream.idle_timeout.as_deref())?,
        reply_timeout: ctx.timeout,
        linger: parse::duration_flag("--linger", args.stream.linger.as_deref())?,
        overall_timeout,
        send,
        expect,
        progress: ctx.out.progress_allowed(),
        peer: String::new(),
    })
}

/// `^` and `$` match at line boundaries: replies are usually lines.
pub fn expect_regex(text: &str) -> Result<Regex, Failure> {
    RegexBuilder::new(text)
        .multi_line(true)
        .build()
        .map_err(|e| {
            let why = e.to_string();
            // The regex crate's last line is `error: <why>`; sockkit says its own prefix.
            let why = why.lines().last().unwrap_or("invalid").trim();
            let why = why.strip_prefix("error: ").unwrap_or(why).to_string();
            usage(format!("--expect '{text}'"), why)
        })
}

/// Connect, and under `--wait-until` keep trying until it works or the time is up. At
/// `-v` the first failure is said (and any later one that differs), not every attempt;
/// the end says how many tries it took and how long.
fn connect_retrying(
    ctx: &Ctx,
    target: &Target,
    wait_until: Option<Duration>,
) -> anyhow::Result<(Socket, String)> {
    let started = Instant::now();
    let give_up = wait_until.map(|d| started + d);
    let mut tries: u64 = 0;
    let mut last_said: Option<String> = None;
    loop {
        signals::check()?;
        tries += 1;
        match connect_once(ctx, target, attempt_limit(ctx, give_up)) {
            Ok(done) => {
                if tries > 1 {
                    say_ready(ctx, target, tries, started.elapsed());
                }
                return Ok(done);
            }
            // A signal during a blocking connect shows up as a failure: report the signal.
            Err(_) if signals::caught().is_some() => signals::check()?,
            Err(f) if f.kind == Kind::Failed && give_up.is_some_and(|g| Instant::now() < g) => {
                if last_said.as_deref() != Some(f.message.as_str()) {
                    say_retrying(ctx, target, &f, tries, wait_until.unwrap_or_default());
                    last_said = Some(f.message.clone());
                }
                // Retry until the deadline itself, with a last attempt at it.
                let left =
                    give_up.map_or(RETRY_EVERY, |g| g.saturating_duration_since(Instant::now()));
                std::thread::sleep(RETRY_EVERY.min(left));
            }
            Err(f) if f.kind == Kind::Failed && give_up.is_some() => {
                return Err(gave_up(f, tries, started.elapsed()).into());
            }
            Err(f) => return Err(f.into()),
        }
    }
}

/// What one attempt gets: -w, and never more than --wait-until has left. The last
/// attempt, at the deadline, still gets a moment to complete.
fn attempt_limit(ctx: &Ctx, give_up: Option<Instant>) -> Option<Duration> {
    let left = give_up.map(|g| {
        g.saturating_duration_since(Instant::now())
            .max(LAST_ATTEMPT)
    });
    match (ctx.timeout, left) {
        (Some(t), Some(l)) => Some(t.min(l)),
        (t, l) => t.or(l),
    }
}

/// The `connect-ready` event: up after more than one try.
fn say_ready(ctx: &Ctx, target: &Target, tries: u64, took: Duration) {
    let ready = Event::ConnectReady {
        peer: &target.shown(),
        tries,
        ms: crate::output::millis(took),
    };
    ctx.out.emit(&ready, || {
        format!(
            "up after {tries} tries in {}",
            crate::output::human_duration(took)
        )
    });
}

/// The `retry` event: an attempt failed and `--wait-until` has time left.
fn say_retrying(ctx: &Ctx, target: &Target, f: &Failure, tries: u64, up_to: Duration) {
    let every = humantime::format_duration(RETRY_EVERY);
    let up_to = humantime::format_duration(up_to);
    let retry = Event::Retry {
        peer: &target.shown(),
        error: &f.message,
        tries,
    };
    ctx.out.emit(&retry, || {
        format!("{}; retrying every {every} for up to {up_to}", f.message)
    });
}

/// The last failure under `--wait-until`, saying how long it was tried.
fn gave_up(f: Failure, tries: u64, took: Duration) -> Failure {
    let took = crate::output::human_duration(took);
    let tried = if tries == 1 {
        "1 try".to_string()
    } else {
        format!("{tries} tries")
    };
    Failure {
        message: format!("{}; gave up after {tried} in {took}", f.message),
        ..f
    }
}

fn connect_once(
    ctx: &Ctx,
    target: &Target,
    limit: Option<Duration>,
) -> Result<(Socket, String), Failure> {
    match target {
        Target::Unix(path) => {
            let addr = path.sockaddr()?;
            let sock = socket::open(ctx, Domain::UNIX, SockKind::UnixStream, &[])?;
            let started = Instant::now();
            socket::connect(ctx, &sock, &addr, limit)
                .map_err(|e| failed(format!("connect {}", path.text), reason(&e)))?;
            connected(ctx, &path.text, started.elapsed());
            Ok((sock, path.text.clone()))
        }
        Target::Tcp {
            proxy: Some(proxy),
            at,
            ..
        } => {
            let host = at.host.as_deref().unwrap_or("localhost");
            let sock = proxy.connect(ctx, host, at.port, limit)?;
            Ok((sock, target.shown()))
        }
        Target::Tcp {
            at,
            source,
            source_port,
            proxy: None,
        } => {
            let addrs = endpoint::resolve(at.host.as_deref(), at.port, ctx.family, Proto::Tcp)?;
            // Each failure but the last is an event; the last one is the error.
            let count = addrs.len();
            let mut last = None;
            for (i, addr) in addrs.into_iter().enumerate() {
                match connect_tcp(ctx, addr, source.as_deref(), *source_port, limit) {
                    Ok(sock) => return Ok((sock, addr.to_string())),
                    Err(f) if i + 1 < count => {
                        let failure = Event::ConnectFailed {
                            peer: &addr.to_string(),
                            error: &f.message,
                        };
                        ctx.out.emit(&failure, || {
                            format!("{}; trying the next address", f.message)
                        });
                    }
                    Err(f) => last = Some(f),
                }
            }
            Err(last.unwrap_or_else(|| failed("connect", "no address to try")))
        }
    }
}

fn connect_tcp(
    ctx: &Ctx,
    addr: SocketAddr,
    source: Option<&str>,
    source_port: Option<u16>,
    limit: Option<Duration>,
) -> Result<Socket, Failure> {
    let defaults: &[&str] = if source_port.is_some() {
        &["SO_REUSEADDR=1"]
    } else {
        &[]
    };
    let sock = socket::open(ctx, socket::domain_of(&addr), SockKind::Tcp, defaults)?;
    if source.is_some() || source_port.is_some() {
        let local = source_addr(ctx, addr, source, source_port.unwrap_or(0))?;
        socket::bind(ctx, &sock, &SockAddr::from(local))
            .map_err(|e| failed(format!("bind {local}"), reason(&e)))?;
    }
    let started = Instant::now();
    socket::connect(ctx, &sock, &SockAddr::from(addr), limit)
        .map_err(|e| failed(format!("connect {addr}"), reason(&e)))?;
    connected(ctx, &addr.to_string(), started.elapsed());
    Ok(sock)
}

/// The local address for `-s/-p`, of the same family as the target.
fn source_addr(
    ctx: &Ctx,
    target: SocketAddr,
    source: Option<&str>,
    port: u16,
) -> Result<SocketAddr, Failure> {
    let Some(host) = source else {
        let ip: std::net::IpAddr = if target.is_ipv4() {
            std::net::Ipv4Addr::UNSPECIFIED.into()
        } else {
            std::net::Ipv6Addr::UNSPECIFIED.into()
        };
        return Ok(SocketAddr::new(ip, port));
    };
    endpoint::resolve(Some(host), port, ctx.family, Proto::Tcp)?
        .into_iter()
        .find(|a| a.is_ipv4() == target.is_ipv4())
        .ok_or_else(|| {
            failed(
                format!("--source {host}"),
                format!("no address of the same family as {target}"),
            )
        })
}

fn connected(ctx: &Ctx, peer: &str, took: Duration) {
    let connected = Event::Connected {
        peer,
        ms: crate::output::millis(took),
    };
    ctx.out.emit(&connected, || {
        format!(
            "connected to {peer} in {}",
            crate::output::human_duration(took)
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `connect ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("connect")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::Connect(args) = command else {
            unreachable!("parsed as connect")
        };
        Plan::from_args(&ctx, &args)
    }

    fn refused(argv: &[&str]) -> Failure {
        match plan(argv) {
            Ok(_) => panic!("{argv:?} was accepted"),
            Err(f) => f,
        }
    }

    #[test]
    fn plan_holds_checked_values() {
        let p = plan(&[
            "--wait-until",
            "3s",
            "--send",
            "hi\\n",
            "--expect",
            "^OK",
            "--idle-timeout",
            "2s",
            "--stats",
            "127.0.0.1",
            "80",
        ])
        .expect("a good plan");
        assert_eq!(p.wait_until, Some(Duration::from_secs(3)));
        assert_eq!(p.relay.send.as_deref(), Some(&b"hi\n"[..]));
        assert_eq!(p.relay.idle_timeout, Some(Duration::from_secs(2)));
        // --expect bounds the session by -w, or by the default wait without it.
        assert_eq!(p.relay.overall_timeout, Some(EXPECT_DEFAULT_WAIT));
        assert!(p.stats && p.tls.is_none() && p.dump.is_none());
        assert_eq!(p.target.shown(), "127.0.0.1:80");
    }

    #[test]
    fn bad_values_are_usage_errors_before_any_socket() {
        for (argv, names) in [
            (
                &["--wait-until", "soon", "127.0.0.1", "80"][..],
                "--wait-until",
            ),
            (&["--linger", "x", "127.0.0.1", "80"], "--linger"),
            (&["--expect", "(", "127.0.0.1", "80"], "--expect '('"),
            (
                &["--unix", "/tmp/s", "--proxy", "socks5://127.0.0.1:1"],
                "--proxy",
            ),
            (&["--unix", "/tmp/s", "127.0.0.1"], "'127.0.0.1'"),
            (&["127.0.0.1", "80", "extra"], "'extra'"),
            (&["-p", "70000", "127.0.0.1", "80"], "70000"),
        ] {
            let f = refused(argv);
            assert_eq!(
                (f.kind, f.code),
                (Kind::Usage, 2),
                "{argv:?}: {}",
                f.message
            );
            assert!(f.message.contains(names), "{argv:?}: {}", f.message);
        }
    }
}
