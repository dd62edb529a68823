//! `sockkit ping HOST PORT`: connect latency of a TCP port, as ping(8) shows it for ICMP
//! (tcping). One handshake per probe, one line per probe, a summary at the end.
//!
//! The probe is a non-blocking connect(2) bounded by `-w`, then close(2): what a client
//! of the service waits for before it can send its first byte. With `--tls` it goes on
//! to a verified TLS handshake (and a close_notify); with `--proxy` the connection is
//! made through the proxy.

use std::net::{SocketAddr, TcpStream};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use socket2::{SockAddr, Socket};

use crate::cli::PingArgs;
use crate::endpoint::{self, HostPort, Proto};
use crate::error::{Failure, Kind, exit, failed, is_stdout_closed, quiet, reason, usage};
use crate::fdio;
use crate::options::Ctx;
use crate::output::{Style, millis};
use crate::parse;
use crate::proxy::Proxy;
use crate::schema::Event;
use crate::schema::ping as record;
use crate::signals;
use crate::socket;
use crate::sockopt::SockKind;
use crate::tls::{self, ClientOptions, HandshakeError, verify::Mode};

/// Time between the starts of two probes when `--interval` is not given.
const DEFAULT_INTERVAL: Duration = Duration::from_secs(1);
/// The bound on one probe when `-w` is not given: past the kernel's first SYN
/// retransmission (1 s), so one lost SYN is a slow answer rather than a loss.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(2);

/// What to probe, checked before the first packet.
struct Plan {
    /// The host as written: the start event, the TLS server name, the proxy's target.
    host: String,
    port: u16,
    /// The address probed; `None` through a proxy, which resolves the name itself.
    target: Option<SocketAddr>,
    /// `--tls`: the checked client options.
    tls: Option<ClientOptions>,
    proxy: Option<Proxy>,
    count: Option<u64>,
    interval: Duration,
    timeout: Duration,
}

impl Plan {
    /// The peer as lines and records name it: `127.0.0.1:80`, `[::1]:80`, or the host as
    /// written through a proxy.
    fn peer(&self) -> String {
        match self.target {
            Some(addr) => addr.to_string(),
            None if self.host.contains(':') => format!("[{}]:{}", self.host, self.port),
            None => format!("{}:{}", self.host, self.port),
        }
    }
}

/// A completed handshake: the whole time, and with `--tls` the TLS part of it and the
/// protocol version.
#[derive(Debug, Clone, PartialEq)]
struct Open {
    total: Duration,
    tls: Option<(Duration, String)>,
}

/// How one probe ended.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    /// The handshake completed: the port answered.
    Open(Open),
    /// Refused (a reset), after this long.
    Refused(Duration),
    /// No answer within the timeout.
    Timeout,
    /// Any other error (unreachable, no local port left), with the system's reason.
    Error(String),
}

impl Answer {
    fn state(&self) -> &'static str {
        match self {
            Answer::Open(_) => "open",
            Answer::Refused(_) | Answer::Error(_) => "closed",
            Answer::Timeout => "timeout",
        }
    }

    fn rtt(&self) -> Option<Duration> {
        match self {
            Answer::Open(o) => Some(o.total),
            Answer::Refused(d) => Some(*d),
            Answer::Timeout | Answer::Error(_) => None,
        }
    }
}

pub fn run(ctx: &Ctx, args: &PingArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    if plan.tls.as_ref().is_some_and(ClientOptions::insecure) {
        ctx.out
            .warn("--insecure: the server's certificate is not verified");
    }
    signals::install();
    let peer = plan.peer();
    ctx.out.emit(
        &Event::PingStart {
            peer: &peer,
            host: &plan.host,
            count: plan.count,
            tls: plan.tls.is_some(),
            proxy: plan.proxy.as_ref().map(|p| p.shown.as_str()),
            interval_ms: millis(plan.interval),
            timeout_ms: millis(plan.timeout),
        },
        || {
            let named = match (&plan.target, &plan.proxy) {
                (Some(t), _) if plan.host == t.ip().to_string() => String::new(),
                (Some(_), _) => format!(" ({})", plan.host),
                (None, Some(p)) => format!(" via {}", p.shown),
                (None, None) => String::new(),
            };
            format!(
                "pinging {peer}{named}{}: {}, every {}, timeout {} each",
                if plan.tls.is_some() { " with TLS" } else { "" },
                match plan.count {
                    Some(1) => "1 probe".to_string(),
                    Some(n) => format!("{n} probes"),
                    None => "until interrupted".to_string(),
                },
                humantime::format_duration(plan.interval),
                humantime::format_duration(plan.timeout)
            )
        },
    );
    let mut stats = Stats::default();
    let printed = probe_loop(ctx, &plan, &peer, &mut stats);
    // The summary comes whatever ended the loop (the count, a signal, an error), unless
    // stdout is gone.
    if !printed.as_ref().is_err_and(is_stdout_closed) {
        summary(ctx, &peer, &stats)?;
    }
    printed?;
    if signals::caught() == Some(exit::SIGTERM) {
        return Err(quiet(exit::SIGTERM).into());
    }
    if stats.answered == 0 {
        return Err(failed(&peer, format!("no probe answered ({})", stats.losses())).into());
    }
    Ok(())
}

/// Probe until `--count` or a signal, printing each probe as it ends.
fn probe_loop(ctx: &Ctx, plan: &Plan, peer: &str, stats: &mut Stats) -> anyhow::Result<()> {
    let mut next = Instant::now();
    let mut seq: u64 = 0;
    while plan.count.is_none_or(|c| seq < c) {
        if !pause_until(next) {
            break;
        }
        let started = Instant::now();
        next = started + plan.interval;
        // A probe that a signal cut short has no verdict: it is not counted.
        let Some(answer) = probe(ctx, plan)? else {
            break;
        };
        seq += 1;
        stats.add(&answer);
        show(ctx, peer, seq, &answer, plan.timeout)?;
    }
    Ok(())
}

/// Sleep until `at`; false when SIGINT or SIGTERM came first.
fn pause_until(at: Instant) -> bool {
    loop {
        if signals::caught().is_some() {
            return false;
        }
        let left = at.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        // No descriptors: poll(2) is a sleep that a signal ends at once.
        let _ = fdio::poll(&mut [], Some(left));
    }
}

/// One probe: the TCP connection (direct or through the proxy), then the TLS handshake
/// under `--tls`, all within the timeout. `None` when a signal interrupted it.
fn probe(ctx: &Ctx, plan: &Plan) -> Result<Option<Answer>, Failure> {
    let started = Instant::now();
    let deadline = started + plan.timeout;
    let sock = match (plan.target, &plan.proxy) {
        (Some(target), _) => match connect_direct(ctx, plan, target)? {
            Tcp::Connected(sock) => sock,
            Tcp::Ended(answer) => return Ok(answer),
        },
        (None, Some(proxy)) => {
            match proxy.connect(ctx, &plan.host, plan.port, Some(plan.timeout)) {
                Ok(sock) => sock,
                Err(_) if signals::caught().is_some() => return Ok(None),
                Err(f) if f.kind == Kind::Usage => return Err(f),
                Err(f) => return Ok(Some(Answer::Error(f.message))),
            }
        }
        (None, None) => return Err(failed(&plan.host, "no address to probe")),
    };
    let connected = started.elapsed();
    let Some(opts) = &plan.tls else {
        close(ctx, sock);
        return Ok(Some(Answer::Open(Open {
            total: connected,
            tls: None,
        })));
    };
    let mut stream = TcpStream::from(sock);
    if let Some(proto) = opts.starttls
        && let Err(f) = tls::starttls::upgrade(&mut stream, proto, Some(deadline))
    {
        let answer = signals::caught()
            .is_none()
            .then_some(Answer::Error(f.message));
        close(ctx, Socket::from(stream));
        return Ok(answer);
    }
    let answer = match handshake(&mut stream, &plan.host, opts, deadline)? {
        Handshake::Done(mut conn, took) => {
            let version = match conn.protocol_version() {
                Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3".to_string(),
                Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2".to_string(),
                Some(other) => format!("{other:?}"),
                None => "unknown".to_string(),
            };
            tls::close(&mut conn, &mut stream);
            Some(Answer::Open(Open {
                total: connected + took,
                tls: Some((took, version)),
            }))
        }
        Handshake::Failed(HandshakeError::Interrupted, _) => None,
        Handshake::Failed(_, _) if signals::caught().is_some() => None,
        Handshake::Failed(HandshakeError::TimedOut, _) => Some(Answer::Timeout),
        Handshake::Failed(_, why) => Some(Answer::Error(format!("TLS: {why}"))),
    };
    let fd = stream.as_raw_fd();
    drop(stream);
    ctx.out.trace(|| format!("close({fd}) = 0"));
    Ok(answer)
}

/// How the TCP part of a probe went: connected (go on), or over with its answer (`None`:
/// interrupted).
enum Tcp {
    Connected(Socket),
    Ended(Option<Answer>),
}

/// A new socket (with `-O`), connect bounded by the timeout.
fn connect_direct(ctx: &Ctx, plan: &Plan, target: SocketAddr) -> Result<Tcp, Failure> {
    let sock = socket::open_nonblocking(ctx, socket::domain_of(&target), SockKind::Tcp, &[])?;
    let addr = SockAddr::from(target);
    let started = Instant::now();
    let res = socket::connect(ctx, &sock, &addr, Some(plan.timeout));
    let took = started.elapsed();
    let answer = match res {
        Ok(()) if connected_to_itself(&sock, &target) => Answer::Refused(took),
        Ok(()) if plan.tls.is_some() => {
            // The handshake runs on a blocking socket, bounded by its own timeouts.
            sock.set_nonblocking(false)
                .map_err(|e| failed("socket", reason(&e)))?;
            return Ok(Tcp::Connected(sock));
        }
        Ok(()) => return Ok(Tcp::Connected(sock)),
        Err(_) if signals::caught().is_some() => {
            close(ctx, sock);
            return Ok(Tcp::Ended(None));
        }
        Err(e) => match e.raw_os_error() {
            Some(libc::ECONNREFUSED) => Answer::Refused(took),
            Some(libc::ETIMEDOUT) => Answer::Timeout,
            None if e.kind() == std::io::ErrorKind::TimedOut => Answer::Timeout,
            _ => Answer::Error(reason(&e)),
        },
    };
    close(ctx, sock);
    Ok(Tcp::Ended(Some(answer)))
}

enum Handshake {
    Done(Box<rustls::Connection>, Duration),
    /// Why it failed, and the reason in a user's terms.
    Failed(HandshakeError, String),
}

/// A verified client handshake over a connected socket, before `deadline`.
fn handshake(
    sock: &mut TcpStream,
    host: &str,
    opts: &ClientOptions,
    deadline: Instant,
) -> Result<Handshake, Failure> {
    let name = opts.server_name(host)?;
    let (config, verifier) = opts.config(Mode::Enforce)?;
    let client = rustls::ClientConnection::new(config, name)
        .map_err(|e| failed("TLS", tls::tls_reason(&e)))?;
    let mut conn = rustls::Connection::Client(client);
    Ok(
        match tls::drive_handshake(&mut conn, sock, Some(deadline)) {
            Ok(took) => Handshake::Done(Box::new(conn), took),
            Err(e) => {
                let why = e.reason(verifier.verdict().as_ref());
                Handshake::Failed(e, why)
            }
        },
    )
}

/// On loopback, a connect to a closed port in the ephemeral range can meet itself (TCP
/// simultaneous open: source port == destination port). Nothing listens there.
fn connected_to_itself(sock: &Socket, target: &SocketAddr) -> bool {
    if !target.ip().is_loopback() {
        return false;
    }
    let local = sock.local_addr().ok().and_then(|a| a.as_socket());
    let peer = sock.peer_addr().ok().and_then(|a| a.as_socket());
    local.is_some() && local == peer
}

fn close(ctx: &Ctx, sock: Socket) {
    let fd = sock.as_raw_fd();
    drop(sock);
    ctx.out.trace(|| format!("close({fd}) = 0"));
}

/// One line (or record) for one probe.
fn show(ctx: &Ctx, peer: &str, seq: u64, answer: &Answer, timeout: Duration) -> anyhow::Result<()> {
    ctx.out.record(
        || {
            let paint = |word: &str, style| ctx.out.paint(word, style);
            match answer {
                Answer::Open(Open { total, tls: None }) => format!(
                    "{} to {peer}: seq={seq} time={}",
                    paint("connected", Style::Good),
                    rtt_text(*total)
                ),
                Answer::Open(Open {
                    total,
                    tls: Some((took, version)),
                }) => format!(
                    "{} to {peer}: seq={seq} time={} (connect {}, {version} {})",
                    paint("connected", Style::Good),
                    rtt_text(*total),
                    rtt_text(total.saturating_sub(*took)),
                    rtt_text(*took)
                ),
                Answer::Refused(d) => format!(
                    "{} by {peer}: seq={seq} time={}",
                    paint("refused", Style::Bad),
                    rtt_text(*d)
                ),
                Answer::Timeout => format!(
                    "{} connecting to {peer}: seq={seq} after {}",
                    paint("timeout", Style::Warn),
                    humantime::format_duration(timeout)
                ),
                Answer::Error(why) => format!(
                    "{} connecting to {peer}: seq={seq} {why}",
                    paint("error", Style::Bad)
                ),
            }
        },
        || record::Probe {
            seq,
            peer,
            state: answer.state(),
            rtt_ms: answer.rtt().map(millis),
            reason: match answer {
                Answer::Error(why) => Some(why),
                _ => None,
            },
            tls: match answer {
                Answer::Open(Open {
                    total,
                    tls: Some((took, version)),
                }) => Some(record::TlsTiming {
                    connect_ms: millis(total.saturating_sub(*took)),
                    tls_ms: millis(*took),
                    protocol: version,
                }),
                _ => None,
            },
        },
    )
}

/// The closing summary: ping(8)'s two lines, or one JSON record.
fn summary(ctx: &Ctx, peer: &str, stats: &Stats) -> anyhow::Result<()> {
    let rtt = stats.rtt();
    ctx.out.record(
        || {
            let mut text = format!(
                "--- {peer} ping statistics ---\n{} probe{}, {} answered, {}% loss",
                stats.probes,
                if stats.probes == 1 { "" } else { "s" },
                stats.answered,
                percent_text(stats.loss_pct())
            );
            if let Some(r) = &rtt {
                text.push_str(&format!(
                    ", rtt min/avg/max/mdev = {:.3}/{:.3}/{:.3}/{:.3} ms",
                    r.min, r.avg, r.max, r.mdev
                ));
            }
            text
        },
        || {
            let ms = |f: fn(&Rtt) -> f64| rtt.as_ref().map(|r| (f(r) * 1e3).round() / 1e3);
            record::Summary {
                peer,
                probes: stats.probes,
                answered: stats.answered,
                loss_pct: (stats.loss_pct() * 1e3).round() / 1e3,
                rtt_min_ms: ms(|r| r.min),
                rtt_avg_ms: ms(|r| r.avg),
                rtt_max_ms: ms(|r| r.max),
                rtt_mdev_ms: ms(|r| r.mdev),
            }
        },
    )
}

/// The answers counted as they come in; rtt sums in milliseconds.
#[derive(Debug, Default)]
struct Stats {
    probes: u64,
    answered: u64,
    refused: u64,
    timeout: u64,
    error: u64,
    min: f64,
    max: f64,
    sum: f64,
    sum_sq: f64,
}

/// Round-trip figures over the answered probes, in milliseconds.
#[derive(Debug)]
struct Rtt {
    min: f64,
    avg: f64,
    max: f64,
    mdev: f64,
}

impl Stats {
    fn add(&mut self, a: &Answer) {
        self.probes += 1;
        match a {
            Answer::Open(o) => {
                let ms = o.total.as_secs_f64() * 1e3;
                if self.answered == 0 || ms < self.min {
                    self.min = ms;
                }
                if self.answered == 0 || ms > self.max {
                    self.max = ms;
                }
                self.answered += 1;
                self.sum += ms;
                self.sum_sq += ms * ms;
            }
            Answer::Refused(_) => self.refused += 1,
            Answer::Timeout => self.timeout += 1,
            Answer::Error(_) => self.error += 1,
        }
    }

    fn loss_pct(&self) -> f64 {
        if self.probes == 0 {
            return 0.0;
        }
        (self.probes - self.answered) as f64 * 100.0 / self.probes as f64
    }

    /// min/avg/max and ping(8)'s mdev (the standard deviation), when any probe was answered.
    fn rtt(&self) -> Option<Rtt> {
        if self.answered == 0 {
            return None;
        }
        let n = self.answered as f64;
        let avg = self.sum / n;
        let var = (self.sum_sq / n - avg * avg).max(0.0);
        Some(Rtt {
            min: self.min,
            avg,
            max: self.max,
            mdev: var.sqrt(),
        })
    }

    /// `3 refused, 1 timeout`: why probes were lost, or `no probe sent`.
    fn losses(&self) -> String {
        let parts: Vec<String> = [
            (self.refused, "refused"),
            (self.timeout, "timeout"),
            (self.error, "failed"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            "no probe completed".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// `0.045 ms`, `1.23 ms`, `12.3 ms`, `1001 ms`: as ping(8) shows a time, scan's latency
/// with a third decimal below a millisecond.
fn rtt_text(d: Duration) -> String {
    if d < Duration::from_millis(1) {
        format!("{:.3} ms", d.as_secs_f64() * 1e3)
    } else {
        crate::output::latency_text(d)
    }
}

/// `0`, `25`, `33.3`: a loss percentage without noise.
fn percent_text(p: f64) -> String {
    if (p - p.round()).abs() < 1e-9 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &PingArgs) -> Result<Plan, Failure> {
        ctx.check_sockopts(&[SockKind::Tcp])?;
        let (at, rest) = HostPort::from_words(&args.endpoint, Proto::Tcp, false)?;
        if let Some(extra) = rest.first() {
            return Err(usage(format!("'{extra}'"), "unexpected after HOST PORT"));
        }
        if args.count == Some(0) {
            return Err(usage("--count 0", "must be at least 1"));
        }
        let interval = parse::duration_flag("--interval", args.interval.as_deref())?
            .unwrap_or(DEFAULT_INTERVAL);
        let timeout = ctx.timeout.unwrap_or(DEFAULT_TIMEOUT);
        if timeout.is_zero() {
            return Err(usage("--timeout 0", "a probe needs a timeout above zero"));
        }
        let tls = crate::tls::client_options_if(
            args.tls,
            &args.client,
            "a TLS client option needs --tls",
        )?;
        let proxy = args.proxy.as_deref().map(Proxy::parse).transpose()?;
        let host = at.host.clone().unwrap_or_default();
        // Through a proxy the name is the proxy's to resolve (socks5h://, http://).
        let target = match proxy {
            Some(_) => None,
            None => Some(
                *endpoint::resolve(at.host.as_deref(), at.port, ctx.family, Proto::Tcp)?
                    .first()
                    .ok_or_else(|| failed(&host, "no address"))?,
            ),
        };
        Ok(Plan {
            host,
            port: at.port,
            target,
            tls,
            proxy,
            count: args.count,
            interval,
            timeout,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: f64) -> Duration {
        Duration::from_secs_f64(n / 1e3)
    }

    #[test]
    fn summary_figures_as_ping_computes_them() {
        let mut s = Stats::default();
        for v in [1.0, 2.0, 3.0, 4.0] {
            s.add(&Answer::Open(Open {
                total: ms(v),
                tls: None,
            }));
        }
        s.add(&Answer::Refused(ms(0.1)));
        s.add(&Answer::Timeout);
        let r = s.rtt().unwrap();
        assert!((r.min - 1.0).abs() < 1e-6 && (r.max - 4.0).abs() < 1e-6);
        assert!((r.avg - 2.5).abs() < 1e-6);
        // Population standard deviation of 1..4: sqrt(1.25).
        assert!((r.mdev - 1.25f64.sqrt()).abs() < 1e-6, "{r:?}");
        assert_eq!(s.probes, 6);
        assert!((s.loss_pct() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(percent_text(s.loss_pct()), "33.3");
        assert_eq!(s.losses(), "1 refused, 1 timeout");
    }

    #[test]
    fn nothing_answered_has_no_rtt() {
        let mut s = Stats::default();
        s.add(&Answer::Refused(ms(0.1)));
        assert!(s.rtt().is_none());
        assert_eq!(percent_text(s.loss_pct()), "100");
        assert_eq!(Stats::default().losses(), "no probe completed");
    }

    #[test]
    fn times_read_as_ping_prints_them() {
        assert_eq!(rtt_text(ms(0.045)), "0.045 ms");
        assert_eq!(rtt_text(ms(1.234)), "1.23 ms");
        assert_eq!(rtt_text(ms(12.34)), "12.3 ms");
        assert_eq!(rtt_text(ms(1001.2)), "1001 ms");
    }
}
