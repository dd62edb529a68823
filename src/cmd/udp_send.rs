//! `sockkit udp-send`: datagrams to a UDP or Unix datagram socket — a MESSAGE, each stdin
//! line, all of stdin (`--raw`) or a generated payload (`--size`), `--count` times.
//!
//! The socket is connected, so ICMP port unreachable comes back as `connection refused`
//! and replies (`-r`) are taken only from the peer. Without `--interval` or `-r`,
//! datagrams go out in batches through sendmmsg(2).

use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use socket2::{Domain, SockAddr, Socket};

use crate::cli::UdpSendArgs;
use crate::datagram::{self, BATCH, Form};
use crate::endpoint::show_peer;
use crate::endpoint::{self, HostPort, Proto, UnixPath};
use crate::error::{Failure, failed, io_failed, reason, usage};
use crate::fdio;
use crate::options::Ctx;
use crate::parse;
use crate::schema::Event;
use crate::socket;
use crate::sockopt::{Setting, SockKind, Value};

/// How long `-r` waits for each reply when `-w` is not given.
const DEFAULT_REPLY_WAIT: Duration = Duration::from_secs(2);
/// How long a Unix datagram send may wait on a receiver's full queue without `-w`.
const DEFAULT_SEND_WAIT: Duration = Duration::from_secs(10);

pub fn run(ctx: &Ctx, args: &UdpSendArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    let mut sender = Sender::open(ctx, &plan)?;
    let started = Instant::now();
    match &plan.payload {
        Payload::Fixed(bytes) => sender.send_repeated(bytes, plan.count)?,
        Payload::Generated(n) => {
            // The size is checked against the socket's limit before anything is allocated.
            sender.check_len(*n)?;
            sender.send_repeated(&generated(*n), plan.count)?;
        }
        Payload::RawStdin => {
            let bytes = read_raw_stdin(&sender, plan.hex)?;
            sender.send_repeated(&bytes, plan.count)?;
        }
        Payload::Lines => send_lines(&mut sender, plan.hex, plan.count)?,
    }
    sender.finish(started)
}

/// Where to send and what, checked before any socket exists.
struct Plan {
    target: Target,
    payload: Payload,
    /// `--hex`: stdin's lines or bytes are hex text.
    hex: bool,
    count: u64,
    interval: Option<Duration>,
    /// `-r`: how long to wait for each reply.
    reply_wait: Option<Duration>,
    broadcast: bool,
    ttl: Option<u32>,
}

enum Target {
    Ip { addrs: Vec<std::net::SocketAddr> },
    Unix(UnixPath),
}

enum Payload {
    Fixed(Vec<u8>),
    /// `--size N`: made once the socket says how large a datagram may be.
    Generated(usize),
    RawStdin,
    Lines,
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &UdpSendArgs) -> Result<Plan, Failure> {
        let kind = if args.unix.is_some() {
            SockKind::UnixDgram
        } else {
            SockKind::Udp
        };
        ctx.check_sockopts(&[kind])?;
        let (hostport, rest) = match &args.unix {
            Some(_) => (None, &args.args[..]),
            None => {
                let (hp, rest) = HostPort::from_words(&args.args, Proto::Udp, false)?;
                (Some(hp), rest)
            }
        };
        let message = match rest {
            [] => None,
            [m] => Some(m.as_str()),
            [_, extra, ..] => {
                return Err(usage(
                    format!("argument '{extra}'"),
                    "unexpected; quote a MESSAGE that has spaces",
                ));
            }
        };
        let count = match args.count {
            Some(0) => return Err(usage("--count 0", "must be at least 1")),
            Some(n) => n,
            None => 1,
        };
        let payload = payload_from(args.size.as_deref(), args.raw, args.hex, message)?;
        let interval = parse::duration_flag("--interval", args.interval.as_deref())?;
        check_ip_options(args.ttl, args.broadcast, args.unix.is_some())?;
        // Resolve last: bad input is exit 2 whether or not the name resolves.
        let target = match (&args.unix, hostport) {
            (Some(path), _) => Target::Unix(UnixPath::parse(path)?),
            (None, Some(hp)) if hp.port == 0 => {
                return Err(usage("port 0", "a datagram cannot be sent to port 0"));
            }
            (None, Some(hp)) => Target::Ip {
                addrs: endpoint::resolve(hp.host.as_deref(), hp.port, ctx.family, Proto::Udp)?,
            },
            (None, None) => return Err(usage("udp-send", "missing HOST PORT")),
        };
        Ok(Plan {
            target,
            payload,
            hex: args.hex,
            count,
            interval,
            reply_wait: args
                .wait_reply
                .then(|| ctx.timeout.unwrap_or(DEFAULT_REPLY_WAIT)),
            broadcast: args.broadcast,
            ttl: args.ttl,
        })
    }
}

/// `--ttl` in range; `--ttl` and `--broadcast` only for UDP.
fn check_ip_options(ttl: Option<u32>, broadcast: bool, unix: bool) -> Result<(), Failure> {
    if let Some(ttl) = ttl
        && !(1..=255).contains(&ttl)
    {
        return Err(usage(format!("--ttl {ttl}"), "out of range 1-255"));
    }
    if unix {
        for (set, flag) in [(ttl.is_some(), "--ttl"), (broadcast, "--broadcast")] {
            if set {
                return Err(usage(flag, "is for UDP, not --unix"));
            }
        }
    }
    Ok(())
}

/// What is sent: `--size N`, a MESSAGE, all of stdin (`--raw`) or its lines; `--hex`
/// says the MESSAGE or stdin is hex text.
fn payload_from(
    size: Option<&str>,
    raw: bool,
    hex: bool,
    message: Option<&str>,
) -> Result<Payload, Failure> {
    let conflict = |a: &str, b: &str| usage(format!("{a} with {b}"), "choose one payload");
    if let Some(size) = size {
        if message.is_some() {
            return Err(conflict("--size", "MESSAGE"));
        }
        if raw {
            return Err(conflict("--size", "--raw"));
        }
        if hex {
            return Err(conflict("--size", "--hex"));
        }
        let n = parse::size(size).map_err(|e| e.prefixed("--size"))?;
        let n = usize::try_from(n).map_err(|_| usage(format!("--size {size}"), "too large"))?;
        return Ok(Payload::Generated(n));
    }
    match message {
        Some(_) if raw => Err(conflict("--raw", "MESSAGE")),
        Some(m) if hex => Ok(Payload::Fixed(parse::hex(m)?)),
        Some(m) => Ok(Payload::Fixed(m.as_bytes().to_vec())),
        None if raw => Ok(Payload::RawStdin),
        None => Ok(Payload::Lines),
    }
}

/// A recognisable printable payload: `sockkit sockkit ...` cut to `n` bytes.
fn generated(n: usize) -> Vec<u8> {
    b"sockkit ".iter().copied().cycle().take(n).collect()
}

/// A connected datagram socket and what it has done.
struct Sender<'a> {
    ctx: &'a Ctx,
    sock: Socket,
    /// The addresses the name resolved to, and which one is in use.
    peers: Vec<SockAddr>,
    current: usize,
    limit: usize,
    limit_why: String,
    interval: Option<Duration>,
    /// `-r`: how long to wait for each reply.
    reply_wait: Option<Duration>,
    setup: Setup,
    sent: u64,
    bytes: u64,
    replies: u64,
    missed: u64,
}

impl<'a> Sender<'a> {
    fn open(ctx: &'a Ctx, plan: &Plan) -> Result<Sender<'a>, Failure> {
        let (peers, is_unix) = match &plan.target {
            Target::Ip { addrs } => (addrs.iter().map(|a| SockAddr::from(*a)).collect(), false),
            Target::Unix(path) => (vec![path.sockaddr()?], true),
        };
        let reply_wait = plan.reply_wait;
        let setup = Setup {
            broadcast: plan.broadcast,
            ttl: plan.ttl,
            is_unix,
            autobind: is_unix && reply_wait.is_some(),
            send_wait: ctx.timeout.unwrap_or(DEFAULT_SEND_WAIT),
            user_send_wait: user_send_timeout(ctx),
        };
        let (sock, limit, limit_why) = setup.connect(ctx, &peers[0])?;
        Ok(Sender {
            ctx,
            sock,
            peers,
            current: 0,
            limit,
            limit_why,
            setup,
            interval: plan.interval,
            reply_wait,
            sent: 0,
            bytes: 0,
            replies: 0,
            missed: 0,
        })
    }

    fn peer_text(&self) -> String {
        show_peer(&self.peers[self.current])
    }

    /// Move on to the next address the name resolved to.
    fn connect_next(&mut self) -> Result<(), Failure> {
        let next = self.current + 1;
        (self.sock, self.limit, self.limit_why) =
            self.setup.connect(self.ctx, &self.peers[next])?;
        self.current = next;
        Ok(())
    }

    fn check_size(&self, payload: &[u8]) -> Result<(), Failure> {
        self.check_len(payload.len())
    }

    fn check_len(&self, len: usize) -> Result<(), Failure> {
        if len > self.limit {
            return Err(usage(
                format!("datagram of {len} bytes"),
                format!("larger than {} bytes, {}", self.limit, self.limit_why),
            ));
        }
        Ok(())
    }

    /// `payload` `count` times.
    fn send_repeated(&mut self, payload: &[u8], count: u64) -> anyhow::Result<()> {
        self.check_size(payload)?;
        let mut left = count;
        if !self.setup.is_unix && self.reply_wait.is_none() && self.interval.is_none() {
            let done = datagram::send_segmented(self.ctx, &self.sock, payload, count, self.limit)
                .map_err(|e| self.send_failure(&e))?;
            self.sent += done;
            self.bytes += done * payload.len() as u64;
            left -= done;
        }
        while left > 0 {
            let n = left.min(BATCH as u64) as usize;
            let batch = vec![payload; n];
            self.send(&batch)?;
            left -= n as u64;
        }
        Ok(())
    }

    /// Send `payloads` in order: batched, or one by one when each waits for a reply or
    /// an interval.
    fn send(&mut self, payloads: &[&[u8]]) -> anyhow::Result<()> {
        for p in payloads {
            self.check_size(p)?;
        }
        if self.reply_wait.is_none() && self.interval.is_none() {
            datagram::send_all(self.ctx, &self.sock, payloads, None)
                .map_err(|e| self.send_failure(&e))?;
            self.sent += payloads.len() as u64;
            self.bytes += payloads.iter().map(|p| p.len() as u64).sum::<u64>();
            return Ok(());
        }
        for p in payloads {
            if let (Some(pause), true) = (self.interval, self.sent > 0) {
                std::thread::sleep(pause);
            }
            self.send_one(p)?;
        }
        Ok(())
    }

    fn send_one(&mut self, payload: &[u8]) -> anyhow::Result<()> {
        loop {
            let started = Instant::now();
            datagram::send_all(self.ctx, &self.sock, &[payload], None)
                .map_err(|e| self.send_failure(&e))?;
            self.sent += 1;
            self.bytes += payload.len() as u64;
            let Some(wait) = self.reply_wait else {
                return Ok(());
            };
            match self.await_reply(wait) {
                Err(e)
                    if refused(&e) && self.replies == 0 && self.current + 1 < self.peers.len() =>
                {
                    // Nothing listens at this address of the name; UDP has no handshake,
                    // so the refusal is the first sign. Try the next address.
                    let text = self.peer_text();
                    self.ctx.out.emit(
                        &Event::DatagramRefused {
                            to: &text,
                            error: "connection refused",
                        },
                        || format!("{text}: connection refused, trying the next address"),
                    );
                    self.connect_next()?;
                }
                Err(e) => return Err(self.send_failure(&e).into()),
                Ok(Some(reply)) => return self.print_reply(&reply, started),
                Ok(None) => return Ok(()),
            }
        }
    }

    /// Wait up to `wait` for one datagram from the peer; `None` when none came.
    fn await_reply(&mut self, wait: Duration) -> io::Result<Option<Vec<u8>>> {
        let deadline = Instant::now() + wait;
        let mut buf = vec![0u8; self.limit.max(65536) + 1];
        let fd = self.sock.as_raw_fd();
        loop {
            if !fdio::wait_for(fd, libc::POLLIN, Some(deadline))? {
                break;
            }
            let res = fdio::recv_flags(fd, &mut buf, libc::MSG_DONTWAIT);
            let n = socket::traced(
                self.ctx,
                || format!("recv({fd}, ..., MSG_DONTWAIT)"),
                res,
                |n| n.to_string(),
            );
            match n {
                Ok(n) => {
                    buf.truncate(n);
                    return Ok(Some(buf));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        }
        self.missed += 1;
        let text = self.peer_text();
        self.ctx.out.emit(
            &Event::NoReply {
                from: &text,
                waited_ms: crate::output::millis(wait),
            },
            || {
                format!(
                    "no reply from {text} within {}",
                    humantime::format_duration(wait)
                )
            },
        );
        Ok(None)
    }

    fn print_reply(&mut self, payload: &[u8], started: Instant) -> anyhow::Result<()> {
        self.replies += 1;
        let rtt_ms = crate::output::millis(started.elapsed());
        let from = self.peer_text();
        let mut batch = self.ctx.out.batch();
        datagram::write_datagram(
            self.ctx,
            &mut batch,
            Form::Text,
            &from,
            payload,
            Some(rtt_ms),
        );
        batch.flush()
    }

    fn send_failure(&self, e: &io::Error) -> Failure {
        let text = self.peer_text();
        if e.kind() == io::ErrorKind::WouldBlock {
            let wait = self.setup.user_send_wait.flatten();
            let wait = humantime::format_duration(wait.unwrap_or(self.setup.send_wait));
            return failed(
                &text,
                format!("the receiver's queue stayed full for {wait} (it is not reading)"),
            );
        }
        let f = io_failed(&text, e);
        match e.raw_os_error() {
            Some(libc::ECONNREFUSED) if !self.setup.is_unix => {
                f.with_hint("nothing listens on that UDP port (ICMP port unreachable)")
            }
            Some(libc::EMSGSIZE) => failed(&text, format!("{} (datagram too large)", reason(e))),
            Some(libc::EACCES) if !self.setup.broadcast => {
                f.with_hint("sending to a broadcast address needs --broadcast")
            }
            _ => f,
        }
    }

    /// `-v` summary; exit 1 when the peer refused (an ICMP error already back) or `-r`
    /// waited in vain.
    fn finish(&self, started: Instant) -> anyhow::Result<()> {
        // UDP send does not wait for the network, but an ICMP port unreachable that has
        // already come back (at once on loopback) is pending on the socket: a datagram
        // nobody could take is not a success.
        let pending = self.sock.take_error();
        let trace_call = || {
            format!(
                "getsockopt({}, SOL_SOCKET, SO_ERROR)",
                self.sock.as_raw_fd()
            )
        };
        let pending = socket::traced(self.ctx, trace_call, pending, |e| match e {
            Some(e) => format!("0 ({})", reason(e)),
            None => "0 (0)".into(),
        });
        if let Ok(Some(e)) = pending {
            return Err(self.send_failure(&e).into());
        }
        let secs = started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.sent as f64 / secs
        } else {
            0.0
        };
        let (sent, bytes, replies) = (self.sent, self.bytes, self.replies);
        self.ctx.out.emit(
            &Event::Sent {
                datagrams: sent,
                bytes,
                seconds: secs,
                per_second: rate,
                replies: self.reply_wait.map(|_| replies),
            },
            || {
                let mut s = format!(
                    "sent {sent} datagram{}, {bytes} bytes in {:.3}s ({rate:.0}/s)",
                    if sent == 1 { "" } else { "s" },
                    secs
                );
                if self.reply_wait.is_some() {
                    s.push_str(&format!(", {replies} replies"));
                }
                s
            },
        );
        if self.missed == 0 {
            return Ok(());
        }
        let wait = humantime::format_duration(self.reply_wait.unwrap_or_default());
        let why = if self.sent == 1 {
            format!("no reply within {wait}")
        } else {
            format!(
                "{} of {} datagrams got no reply within {wait}",
                self.missed, self.sent
            )
        };
        Err(failed(self.peer_text(), why).into())
    }
}

/// The last `-O SO_SNDTIMEO=...`, if given: `Some(None)` when it is 0 (no bound).
fn user_send_timeout(ctx: &Ctx) -> Option<Option<Duration>> {
    ctx.sockopts
        .iter()
        .rev()
        .find(|s| s.opt.name == "SO_SNDTIMEO")
        .map(|s| match s.value {
            Value::Timeval(d) => d,
            _ => None,
        })
}

fn refused(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ECONNREFUSED)
}

/// How each socket of a [`Sender`] is made.
struct Setup {
    broadcast: bool,
    ttl: Option<u32>,
    is_unix: bool,
    /// Give the socket an address a peer can answer (Unix datagrams with `-r`).
    autobind: bool,
    /// A Unix datagram send blocks while the receiver's queue is full: this long at most.
    send_wait: Duration,
    /// `-O SO_SNDTIMEO=...`, which overrides `send_wait` (`Some(None)`: no bound).
    user_send_wait: Option<Option<Duration>>,
}

impl Setup {
    /// A fresh socket connected to `peer`, with the options asked for; and the largest
    /// payload it carries, with why.
    fn connect(&self, ctx: &Ctx, peer: &SockAddr) -> Result<(Socket, usize, String), Failure> {
        let domain = peer.domain();
        let kind = if self.is_unix {
            SockKind::UnixDgram
        } else {
            SockKind::Udp
        };
        // A Unix datagram send blocks while the receiver's queue is full: SO_SNDTIMEO
        // bounds it (at least 1us, so `-w 0` cannot mean "forever"); `-O SO_SNDTIMEO=`
        // comes after it and wins.
        let send_timeout = format!("SO_SNDTIMEO={}us", self.send_wait.as_micros().max(1));
        let defaults: &[&str] = if self.is_unix { &[&send_timeout] } else { &[] };
        let sock = socket::open(ctx, domain, kind, defaults)?;
        if self.broadcast {
            set(ctx, &sock, "SO_BROADCAST=1")?;
        }
        if let Some(ttl) = self.ttl {
            if domain == Domain::IPV6 {
                set(ctx, &sock, &format!("IPV6_UNICAST_HOPS={ttl}"))?;
                set(ctx, &sock, &format!("IPV6_MULTICAST_HOPS={ttl}"))?;
            } else {
                set(ctx, &sock, &format!("IP_TTL={ttl}"))?;
                set(ctx, &sock, &format!("IP_MULTICAST_TTL={ttl}"))?;
            }
        }
        if self.autobind {
            // An unbound Unix datagram socket cannot be answered: an empty address makes
            // the kernel give it an abstract name the peer can reply to.
            let unnamed = SockAddr::unix("").map_err(|e| io_failed("unix autobind", &e))?;
            socket::bind(ctx, &sock, &unnamed).map_err(|e| io_failed("unix autobind", &e))?;
        }
        let text = show_peer(peer);
        socket::connect(ctx, &sock, peer, None).map_err(|e| {
            let f = io_failed(&text, &e);
            if e.raw_os_error() == Some(libc::EACCES) && !self.broadcast {
                f.with_hint("sending to a broadcast address needs --broadcast")
            } else {
                f
            }
        })?;
        let (limit, why) = datagram::max_payload(&sock, domain);
        let local = sock.local_addr().map(|a| show_peer(&a)).unwrap_or_default();
        ctx.out.emit(
            &Event::Sending {
                to: &text,
                from: &local,
            },
            || format!("sending to {text} from {local}"),
        );
        Ok((sock, limit, why))
    }
}

fn set(ctx: &Ctx, sock: &Socket, text: &str) -> Result<(), Failure> {
    let setting = Setting::parse(text)?;
    socket::set_option(ctx, sock, &setting).map_err(|e| io_failed(text, &e))
}

/// All of stdin as one datagram: read at most one byte past the limit to know it is too large.
fn read_raw_stdin(sender: &Sender, hex: bool) -> anyhow::Result<Vec<u8>> {
    let mut data = Vec::new();
    let cap = if hex {
        sender.limit * 3 + 64
    } else {
        sender.limit + 1
    };
    io::stdin()
        .lock()
        .take(cap as u64)
        .read_to_end(&mut data)
        .map_err(|e| io_failed("standard input", &e))?;
    let data = if hex {
        parse::hex(&String::from_utf8_lossy(&data))?
    } else {
        data
    };
    if data.len() > sender.limit {
        return Err(usage(
            "standard input",
            format!(
                "more than {} bytes, too large for one datagram ({})",
                sender.limit, sender.limit_why
            ),
        )
        .into());
    }
    Ok(data)
}

/// Each stdin line (newline dropped) as one datagram, `count` times. Lines already
/// waiting in the pipe go out together in one batch; a typed line goes out at once.
fn send_lines(sender: &mut Sender, hex: bool, count: u64) -> anyhow::Result<()> {
    let mut stdin = io::stdin().lock();
    let mut pending: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 256 * 1024];
    loop {
        let n = match stdin.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_failed("standard input", &e).into()),
        };
        if n == 0 {
            break;
        }
        pending.extend_from_slice(&chunk[..n]);
        let whole = pending
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let lines: Vec<&[u8]> = pending[..whole]
            .split_inclusive(|&b| b == b'\n')
            .map(|line| &line[..line.len() - 1])
            .collect();
        send_line_batch(sender, &lines, hex, count)?;
        pending.drain(..whole);
        if pending.len() > sender.limit * if hex { 3 } else { 1 } + 1 {
            return Err(usage(
                "standard input",
                format!(
                    "a line of more than {} bytes, too large for one datagram ({})",
                    sender.limit, sender.limit_why
                ),
            )
            .into());
        }
    }
    if !pending.is_empty() {
        send_line_batch(sender, &[&pending], hex, count)?;
    }
    Ok(())
}

fn send_line_batch(
    sender: &mut Sender,
    lines: &[&[u8]],
    hex: bool,
    count: u64,
) -> anyhow::Result<()> {
    let decoded: Vec<Vec<u8>>;
    let lines: Vec<&[u8]> = if hex {
        decoded = lines
            .iter()
            .map(|l| parse::hex(&String::from_utf8_lossy(l)))
            .collect::<Result<_, _>>()?;
        decoded.iter().map(|l| l.as_slice()).collect()
    } else {
        lines.to_vec()
    };
    if count == 1 {
        for group in lines.chunks(BATCH) {
            sender.send(group)?;
        }
        return Ok(());
    }
    for line in lines {
        sender.send_repeated(line, count)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `udp-send ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("udp-send")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::UdpSend(args) = command else {
            unreachable!("parsed as udp-send")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_holds_checked_values() {
        let argv = [
            "--count",
            "3",
            "--interval",
            "10ms",
            "-r",
            "--ttl",
            "5",
            "127.0.0.1",
            "9",
            "hi",
        ];
        let p = plan(&argv).expect("a good plan");
        assert_eq!((p.count, p.ttl), (3, Some(5)));
        assert_eq!(p.interval, Some(Duration::from_millis(10)));
        assert_eq!(p.reply_wait, Some(DEFAULT_REPLY_WAIT));
        assert!(matches!(&p.payload, Payload::Fixed(b) if b == b"hi"));
        let Target::Ip { addrs } = &p.target else {
            panic!("an IP target")
        };
        assert_eq!(addrs[0], "127.0.0.1:9".parse().unwrap());
        let p = plan(&["--hex", "--unix", "/tmp/s"]).expect("a good plan");
        assert!(p.hex && matches!(p.payload, Payload::Lines));
    }

    #[test]
    fn bad_input_is_refused_before_any_socket() {
        for (argv, names) in [
            (
                &["-O", "TCP_NODELAY=1", "127.0.0.1", "9"][..],
                "-O TCP_NODELAY=1",
            ),
            (&["--ttl", "0", "127.0.0.1", "9"], "--ttl 0"),
            (&["--unix", "/tmp/s", "--broadcast"], "--broadcast"),
            (
                &["--size", "10", "--raw", "127.0.0.1", "9"],
                "--size with --raw",
            ),
            (&["--count", "0", "127.0.0.1", "9"], "--count 0"),
            (&["--interval", "x", "127.0.0.1", "9"], "--interval"),
            (&["127.0.0.1", "0"], "port 0"),
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
