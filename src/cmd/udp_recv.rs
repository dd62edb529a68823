//! `sockkit udp-recv`: receive UDP or Unix datagrams and show each one — a text line,
//! raw bytes, a hex dump or a JSON record — optionally answering it (`--echo`,
//! `--reply`, `--exec`, `--sh-exec`).
//!
//! Datagrams are taken in batches through recvmmsg(2) and their records written with
//! one write per batch, so a fast sender on loopback is kept up with.

use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::os::fd::AsRawFd;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use socket2::{Domain, InterfaceIndexOrAddress, SockAddr, Socket};

use crate::cli::UdpRecvArgs;
use crate::datagram::{self, Form, Receiver};
use crate::endpoint::show_peer;
use crate::endpoint::{self, Family, HostPort, Proto, UnixPath};
use crate::error::{Failure, failed, io_failed, quiet, usage};
use crate::exec;
use crate::fdio;
use crate::options::Ctx;
use crate::parse;
use crate::schema::Event;
use crate::signals;
use crate::socket;
use crate::sockopt::SockKind;

/// How long one `--exec`/`--sh-exec` run may take when `-w` is not given.
const DEFAULT_EXEC_LIMIT: Duration = Duration::from_secs(10);
/// Programs running at once for `--exec`/`--sh-exec`; more datagrams wait their turn.
const MAX_EXEC_RUNNING: usize = 32;
/// How often a blocked wait looks at signals, whatever the idle timeout.
const WAKE: Duration = Duration::from_millis(250);
/// How long, after SIGINT or SIGTERM, datagrams already queued are still taken.
const DRAIN_LIMIT: Duration = Duration::from_secs(1);

pub fn run(ctx: &Ctx, args: &UdpRecvArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    // Before the bind: from the `listening on` line on, a SIGINT or SIGTERM ends
    // udp-recv in order (what is queued written out, its socket file removed).
    signals::install();
    let bound = bind(ctx, &plan.at, &plan.groups)?;
    for g in &plan.groups {
        g.join(ctx, &bound.sock)?;
    }
    // A GRO run is taken whole, so with --count it could hold datagrams past the last
    // one shown: there datagrams come one by one.
    if plan.kind == SockKind::Udp && plan.count.is_none() {
        datagram::enable_gro(ctx, &bound.sock);
    }
    announce(ctx, &bound.sock);
    let mut session = Session {
        ctx,
        sock: Arc::new(bound.sock),
        form: plan.form,
        answer: plan.answer,
        count: plan.count,
        received: 0,
        running: Vec::new(),
        warned_unnamed: false,
    };
    let end = session.receive_loop(plan.kind);
    session.finish_exec();
    drop(bound.file);
    let end = end?;
    session.verdict(end)
}

/// What `udp-recv` was asked to do, checked before any socket exists.
struct Plan {
    kind: SockKind,
    at: BindTo,
    /// `--join`: multicast groups to join once bound.
    groups: Vec<Group>,
    form: Form,
    answer: Answer,
    /// `--count`: stop after this many datagrams.
    count: Option<u64>,
}

/// Where to receive: a Unix path, or an address and port.
enum BindTo {
    Unix(UnixPath),
    Ip(HostPort),
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &UdpRecvArgs) -> Result<Plan, Failure> {
        let kind = if args.unix.is_some() {
            SockKind::UnixDgram
        } else {
            SockKind::Udp
        };
        ctx.check_sockopts(&[kind])?;
        let form = if args.raw {
            Form::Raw
        } else if args.hex {
            Form::Hex
        } else {
            Form::Text
        };
        let answer = Answer::from_args(ctx, args)?;
        let count = match args.count {
            Some(0) => return Err(usage("--count 0", "must be at least 1")),
            other => other,
        };
        let groups = args
            .join
            .iter()
            .map(|g| Group::parse(g))
            .collect::<Result<Vec<_>, _>>()?;
        let at = bind_to(args.unix.as_deref(), &args.endpoint, &groups)?;
        Ok(Plan {
            kind,
            at,
            groups,
            form,
            answer,
            count,
        })
    }
}

/// `--unix PATH`, or ADDR PORT (the port alone: all addresses).
fn bind_to(unix: Option<&str>, words: &[String], groups: &[Group]) -> Result<BindTo, Failure> {
    if let Some(path) = unix {
        if !words.is_empty() {
            return Err(usage(
                format!("address '{}'", words.join(" ")),
                "not with --unix",
            ));
        }
        if !groups.is_empty() {
            return Err(usage("--join", "multicast is for UDP, not --unix"));
        }
        return Ok(BindTo::Unix(UnixPath::parse(path)?));
    }
    let (hp, rest) = HostPort::from_words(words, Proto::Udp, true)?;
    if let Some(extra) = rest.first() {
        return Err(usage(format!("argument '{extra}'"), "unexpected"));
    }
    Ok(BindTo::Ip(hp))
}

/// Why receiving stopped.
enum End {
    Count,
    Idle(Duration),
    Signal(u8),
}

/// What goes back to the sender of each datagram.
enum Answer {
    Nothing,
    Echo,
    Fixed(Vec<u8>),
    Run(Exec),
}

/// A program run per datagram, argv as given or through /bin/sh -c.
#[derive(Clone)]
struct Exec {
    argv: Vec<String>,
    limit: Duration,
}

impl Answer {
    fn from_args(ctx: &Ctx, args: &UdpRecvArgs) -> Result<Answer, Failure> {
        let limit = ctx.timeout.unwrap_or(DEFAULT_EXEC_LIMIT);
        if args.echo {
            return Ok(Answer::Echo);
        }
        if let Some(text) = &args.reply {
            return Ok(Answer::Fixed(
                parse::escapes(text).map_err(|e| e.prefixed("--reply"))?,
            ));
        }
        if let Some(cmd) = &args.sh_exec {
            let argv = vec!["/bin/sh".into(), "-c".into(), cmd.clone()];
            return Ok(Answer::Run(Exec { argv, limit }));
        }
        if let Some(prog) = args.exec.first() {
            exec::check_program("--exec", prog)?;
            return Ok(Answer::Run(Exec {
                argv: args.exec.clone(),
                limit,
            }));
        }
        Ok(Answer::Nothing)
    }
}

/// The bound socket, and the file it made when it is a Unix path.
struct Bound {
    sock: Socket,
    file: Option<socket::UnixSocketFile>,
}

/// The socket to receive on: `--unix PATH`, or the address (and groups) given.
fn bind(ctx: &Ctx, at: &BindTo, groups: &[Group]) -> Result<Bound, Failure> {
    match at {
        BindTo::Unix(path) => bind_unix(ctx, path),
        BindTo::Ip(hp) => bind_ip(ctx, hp, groups),
    }
}

/// The `listening on ADDRESS` event.
fn announce(ctx: &Ctx, sock: &Socket) {
    let local = sock.local_addr().map(|a| show_peer(&a)).unwrap_or_default();
    ctx.out
        .emit(&Event::DatagramListening { address: &local }, || {
            format!("listening on {local}")
        });
}

fn bind_unix(ctx: &Ctx, path: &UnixPath) -> Result<Bound, Failure> {
    let sock = socket::open(ctx, Domain::UNIX, SockKind::UnixDgram, &[])?;
    let file = socket::bind_unix(ctx, &sock, path)?;
    Ok(Bound { sock, file })
}

fn bind_ip(ctx: &Ctx, hp: &HostPort, groups: &[Group]) -> Result<Bound, Failure> {
    // All addresses: IPv4 ones when every group joined is IPv4, dual-stack otherwise.
    let all_v4_groups = !groups.is_empty() && groups.iter().all(|g| g.addr.is_ipv4());
    let family = match (hp.host.is_none(), all_v4_groups, ctx.family) {
        (true, true, Family::Any) => Family::V4,
        (_, _, f) => f,
    };
    let addrs = endpoint::resolve(hp.host.as_deref(), hp.port, family, Proto::Udp)?;
    let addr = addrs[0];
    // A deep receive buffer absorbs a sender's burst while records are written out:
    // 4 MiB asked for (the kernel caps it at net.core.rmem_max), 16 MiB where the
    // process may exceed that cap. `-O SO_RCVBUF=...` still has the last word.
    let mut defaults = vec!["SO_RCVBUF=4M", "SO_RCVBUFFORCE=16M"];
    if addr.ip().is_unspecified() && addr.is_ipv6() {
        defaults.push(if ctx.family == Family::V6 {
            "IPV6_V6ONLY=1"
        } else {
            "IPV6_V6ONLY=0"
        });
    }
    if !groups.is_empty() {
        // Several receivers of one group share its port.
        defaults.push("SO_REUSEADDR=1");
    }
    let sock = match socket::open(ctx, socket::domain_of(&addr), SockKind::Udp, &defaults) {
        // No IPv6 on this host: all addresses means all IPv4 ones.
        Err(_) if hp.host.is_none() && addr.is_ipv6() && ctx.family == Family::Any => {
            let v4 = SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), hp.port);
            return bind_at(ctx, v4, &defaults);
        }
        other => other?,
    };
    bind_socket(ctx, sock, addr)
}

fn bind_at(ctx: &Ctx, addr: SocketAddr, defaults: &[&str]) -> Result<Bound, Failure> {
    let sock = socket::open(ctx, socket::domain_of(&addr), SockKind::Udp, defaults)?;
    bind_socket(ctx, sock, addr)
}

fn bind_socket(ctx: &Ctx, sock: Socket, addr: SocketAddr) -> Result<Bound, Failure> {
    let shown = show_peer(&SockAddr::from(addr));
    socket::bind(ctx, &sock, &SockAddr::from(addr)).map_err(|e| io_failed(&shown, &e))?;
    Ok(Bound { sock, file: None })
}

/// `--join GROUP` or `GROUP%IFACE` (interface name or index).
struct Group {
    text: String,
    addr: IpAddr,
    iface: u32,
}

impl Group {
    fn parse(text: &str) -> Result<Group, Failure> {
        let (addr_text, iface_text) = match text.split_once('%') {
            Some((a, i)) => (a, Some(i)),
            None => (text, None),
        };
        let addr: IpAddr = addr_text
            .parse()
            .map_err(|_| usage(format!("--join '{text}'"), "not an IP address"))?;
        if !addr.is_multicast() {
            return Err(usage(
                format!("--join {addr_text}"),
                "not a multicast address (224.0.0.0/4, ff00::/8)",
            ));
        }
        let iface = match iface_text {
            None => 0,
            Some(i) => interface_index(i)
                .ok_or_else(|| usage(format!("--join '{text}'"), format!("no interface '{i}'")))?,
        };
        Ok(Group {
            text: text.to_string(),
            addr,
            iface,
        })
    }

    fn join(&self, ctx: &Ctx, sock: &Socket) -> Result<(), Failure> {
        let fd = sock.as_raw_fd();
        let iface = self.iface;
        let res = match self.addr {
            IpAddr::V4(g) => {
                let on = if iface == 0 {
                    InterfaceIndexOrAddress::Address(Ipv4Addr::UNSPECIFIED)
                } else {
                    InterfaceIndexOrAddress::Index(iface)
                };
                let call =
                    || format!("setsockopt({fd}, SOL_IP, IP_ADD_MEMBERSHIP, {g} ifindex {iface})");
                socket::traced(ctx, call, sock.join_multicast_v4_n(&g, &on), |_| "0".into())
            }
            IpAddr::V6(g) => {
                if sock_is_v4(sock) {
                    return Err(usage(
                        format!("--join {}", self.text),
                        "an IPv6 group needs an IPv6 socket (bind [::] or drop -4)",
                    ));
                }
                let call = || {
                    format!("setsockopt({fd}, SOL_IPV6, IPV6_ADD_MEMBERSHIP, {g} ifindex {iface})")
                };
                socket::traced(ctx, call, sock.join_multicast_v6(&g, iface), |_| "0".into())
            }
        };
        res.map_err(|e| io_failed(format!("--join {}", self.text), &e))?;
        let text = &self.text;
        ctx.out.emit(
            &Event::Joined {
                group: &self.addr.to_string(),
                ifindex: iface,
            },
            || format!("joined multicast group {text}"),
        );
        Ok(())
    }
}

fn sock_is_v4(sock: &Socket) -> bool {
    sock.local_addr()
        .map(|a| a.domain() == Domain::IPV4)
        .unwrap_or(false)
}

fn interface_index(name: &str) -> Option<u32> {
    if let Ok(n) = name.parse::<u32>() {
        return Some(n);
    }
    crate::sys::net::if_nametoindex(name)
}

/// What a wait for the next datagram gave.
enum Readable {
    Yes,
    /// Nothing yet (a timeout of the wait, or a signal): look again.
    NotYet,
    /// Nothing for the whole `-w`.
    Idle(Duration),
}

/// The receive buffers for a socket of `kind`, and how many datagrams one call takes.
fn receiver(kind: SockKind) -> Result<(Receiver, usize), Failure> {
    let (slots, slot_size) = match kind {
        SockKind::UnixDgram => (16, 256 * 1024),
        _ => (64, 65536),
    };
    let rx = Receiver::with_room(slots, slot_size).ok_or_else(|| {
        failed(
            "udp-recv",
            format!("out of memory: no room for a {slot_size}-byte receive buffer"),
        )
    })?;
    Ok((rx, slots))
}

/// The receiving loop and what it has done.
struct Session<'a> {
    ctx: &'a Ctx,
    sock: Arc<Socket>,
    form: Form,
    answer: Answer,
    count: Option<u64>,
    received: u64,
    /// `--exec` runs not yet finished.
    running: Vec<JoinHandle<()>>,
    warned_unnamed: bool,
}

impl Session<'_> {
    fn receive_loop(&mut self, kind: SockKind) -> anyhow::Result<End> {
        let (mut rx, slots) = receiver(kind)?;
        let mut out = self.ctx.out.batch();
        let mut last = Instant::now();
        // Once a signal is caught, what is already queued on the socket is still taken
        // and written out (bounded, against a sender that never stops), then it ends.
        let mut stopping: Option<(u8, Instant)> = None;
        loop {
            if stopping.is_none() {
                stopping = signals::caught().map(|code| (code, Instant::now()));
            }
            let left = match self.count {
                Some(n) if self.received >= n => {
                    return Ok(stopping.map_or(End::Count, |(code, _)| End::Signal(code)));
                }
                Some(n) => (n - self.received).min(slots as u64) as usize,
                None => slots,
            };
            if let Some((code, since)) = stopping {
                if since.elapsed() >= DRAIN_LIMIT {
                    return Ok(End::Signal(code));
                }
            } else {
                match self.wait_readable(last)? {
                    Readable::Yes => {}
                    Readable::NotYet => continue,
                    Readable::Idle(limit) => return Ok(End::Idle(limit)),
                }
            }
            let Some(n) = self.take(&mut rx, left)? else {
                continue;
            };
            if n == 0 {
                match stopping {
                    Some((code, _)) => return Ok(End::Signal(code)),
                    None => continue,
                }
            }
            self.write_out(&rx, n, &mut out)?;
            last = Instant::now();
        }
    }

    /// Wait (at most [`WAKE`], so a signal is seen) for a datagram; idle once `-w` has
    /// passed since `last` brought one.
    fn wait_readable(&self, last: Instant) -> anyhow::Result<Readable> {
        let wait = match self.ctx.timeout {
            Some(limit) => {
                let remaining = limit.saturating_sub(last.elapsed());
                if remaining.is_zero() {
                    return Ok(Readable::Idle(limit));
                }
                remaining.min(WAKE)
            }
            None => WAKE,
        };
        let fd = self.sock.as_raw_fd();
        match fdio::wait_for(fd, libc::POLLIN, Some(Instant::now() + wait)) {
            Ok(true) => Ok(Readable::Yes),
            // A timeout, or a signal: the next round looks at both.
            Ok(false) => Ok(Readable::NotYet),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Readable::NotYet),
            Err(e) => Err(io_failed("poll", &e).into()),
        }
    }

    /// Up to `left` datagrams off the socket: how many came, or `None` to look again.
    fn take(&self, rx: &mut Receiver, left: usize) -> anyhow::Result<Option<usize>> {
        match rx.receive(self.ctx, &self.sock, left) {
            Ok(n) => Ok(Some(n)),
            // An ICMP error for an earlier reply lands on the socket; the receiver
            // goes on.
            Err(e) if is_icmp_error(&e) => {
                self.ctx.out.emit(
                    &Event::Icmp {
                        error: &crate::error::reason(&e),
                    },
                    || format!("an earlier reply was refused: {}", crate::error::reason(&e)),
                );
                Ok(None)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(None),
            Err(e) => Err(io_failed("recvmmsg", &e).into()),
        }
    }

    /// Write the `n` datagrams just received, then send the batch's answers.
    fn write_out(
        &mut self,
        rx: &Receiver,
        n: usize,
        out: &mut crate::output::RecordBatch,
    ) -> anyhow::Result<()> {
        let mut replies: Vec<(SockAddr, &[u8])> = Vec::new();
        for i in 0..n {
            let d = rx.get(i);
            let from = show_peer(&d.from);
            if let Some(real) = d.truncated_from {
                self.ctx.out.warn(&format!(
                    "datagram from {from} of {real} bytes cut to {}",
                    d.payload.len()
                ));
            }
            datagram::write_datagram(self.ctx, out, self.form, &from, d.payload, None);
            self.received += 1;
            if self.answer_now(&d.from, &from, d.payload) {
                replies.push((d.from, d.payload));
            }
        }
        out.flush()?;
        self.send_replies(&replies);
        Ok(())
    }

    /// Whether this datagram is answered with the batch (`--echo`, `--reply`); an
    /// `--exec` run is started here and answers from its own thread.
    fn answer_now(&mut self, to: &SockAddr, to_text: &str, payload: &[u8]) -> bool {
        if matches!(self.answer, Answer::Nothing) {
            return false;
        }
        if to.is_unnamed() {
            if !self.warned_unnamed {
                self.warned_unnamed = true;
                self.ctx.out.warn(
                    "a sender without an address (an unbound Unix socket) cannot be answered",
                );
            }
            return false;
        }
        match &self.answer {
            Answer::Run(exec) => {
                let exec = exec.clone();
                self.start_exec(exec, to.clone(), to_text.to_string(), payload.to_vec());
                false
            }
            _ => true,
        }
    }

    fn send_replies(&self, replies: &[(SockAddr, &[u8])]) {
        if replies.is_empty() {
            return;
        }
        let fixed: Option<&[u8]> = match &self.answer {
            Answer::Fixed(bytes) => Some(bytes),
            _ => None,
        };
        let payloads: Vec<&[u8]> = replies.iter().map(|(_, p)| fixed.unwrap_or(p)).collect();
        let dests: Vec<&SockAddr> = replies.iter().map(|(a, _)| a).collect();
        // One peer's failure (its socket gone, its queue full, an ICMP error) neither
        // costs the others their replies nor stalls the receiver.
        for (i, e) in datagram::send_each(self.ctx, &self.sock, &payloads, &dests) {
            self.ctx.out.warn(&format!(
                "reply to {} not sent: {}",
                show_peer(dests[i]),
                crate::error::reason(&e)
            ));
        }
    }

    /// Run the program for one datagram on its own thread, at most
    /// [`MAX_EXEC_RUNNING`] at once.
    fn start_exec(&mut self, exec: Exec, to: SockAddr, to_text: String, payload: Vec<u8>) {
        self.running.retain(|h| !h.is_finished());
        while self.running.len() >= MAX_EXEC_RUNNING {
            let oldest = self.running.remove(0);
            let _ = oldest.join();
        }
        let sock = Arc::clone(&self.sock);
        let out = self.ctx.out.clone();
        let limit = datagram::max_payload(&sock, to.domain()).0;
        let answer = move || match run_exec(&exec, &to, &payload, limit) {
            Ok(run) => {
                let (len, status) = (run.output.len(), run.status);
                out.emit(
                    &Event::Exec {
                        to: &to_text,
                        exit: status,
                        reply_len: len,
                    },
                    || {
                        format!(
                            "{} for {to_text}: exit {status:?}, {len} bytes back",
                            exec.argv.join(" ")
                        )
                    },
                );
                if len > 0
                    && let Err(e) = sock.send_to_with_flags(&run.output, &to, libc::MSG_DONTWAIT)
                {
                    out.warn(&format!(
                        "reply to {to_text} not sent: {}",
                        crate::error::reason(&e)
                    ));
                }
            }
            Err(why) => out.warn(&format!("{} for {to_text}: {why}", exec.argv.join(" "))),
        };
        // Without a thread to spare (a process limit), the program runs here, in turn.
        if let Some(handle) = crate::signals::spawn_or_run(answer) {
            self.running.push(handle);
        }
    }

    /// Wait for every `--exec` run, so their replies go out before exit.
    fn finish_exec(&mut self) {
        for h in self.running.drain(..) {
            let _ = h.join();
        }
    }

    fn verdict(&self, end: End) -> anyhow::Result<()> {
        match end {
            End::Count => Ok(()),
            End::Signal(code) => Err(quiet(code).into()),
            End::Idle(limit) => {
                let idle = humantime::format_duration(limit);
                match self.count {
                    _ if self.received == 0 => {
                        Err(failed("udp-recv", format!("no datagram within {idle}")).into())
                    }
                    Some(n) if self.received < n => Err(failed(
                        "udp-recv",
                        format!("{} of {n} datagrams, then none for {idle}", self.received),
                    )
                    .into()),
                    _ => Ok(()),
                }
            }
        }
    }
}

fn is_icmp_error(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::ECONNREFUSED | libc::EHOSTUNREACH | libc::ENETUNREACH | libc::EHOSTDOWN)
    )
}

/// Run `exec` with `payload` on its stdin; its stdout (at most `limit` bytes) is the reply.
/// Killed when it runs longer than its limit; always reaped.
/// What one `--exec` run gave: its stdout and its exit code (None when killed by a signal).
struct Run {
    output: Vec<u8>,
    status: Option<i32>,
}

fn run_exec(exec: &Exec, to: &SockAddr, payload: &[u8], limit: usize) -> Result<Run, String> {
    // Its own process group, so the time limit ends whatever it started too; the peer
    // in SOCKKIT_PEER_ADDR/PORT (no port for a Unix peer), nothing inherited.
    let mut cmd = exec::command(&exec.argv, to);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = cmd.spawn().map_err(|e| crate::error::reason(&e))?;
    let started = Instant::now();
    let mut stdin = child.stdin.take();
    let input = payload.to_vec();
    // A program that never reads its stdin must not block the reply. (A datagram fits
    // in a pipe's buffer, so the write does not block where it runs in turn.)
    crate::signals::spawn_or_run(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let mut stdout = child.stdout.take();
    let (tx, rx) = mpsc::channel();
    let reader = crate::signals::spawn_detached(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.take(limit as u64 + 1).read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    if reader.is_none() {
        exec::signal_group(&child, libc::SIGKILL);
        let _ = reap(&mut child, exec.limit);
        return Err(
            "no thread could be started to read its output (a process limit); nothing sent".into(),
        );
    }
    let output = rx.recv_timeout(exec.limit);
    if output.is_err() {
        // Its stdout is still open: it, or something it left running, overstayed.
        exec::signal_group(&child, libc::SIGKILL);
    }
    let left = exec.limit.saturating_sub(started.elapsed());
    let status = reap(&mut child, left);
    let output = output.map_err(|_| {
        format!(
            "still running after {}, killed; nothing sent",
            humantime::format_duration(exec.limit)
        )
    })?;
    if output.len() > limit {
        return Err(format!(
            "wrote more than {limit} bytes, too large for one datagram; nothing sent"
        ));
    }
    // A failing program's output still goes back: its answer may be the point.
    Ok(Run { output, status })
}

/// Wait for `child` up to `left`, then kill it; reaped either way. Its exit code, if any.
fn reap(child: &mut Child, left: Duration) -> Option<i32> {
    let deadline = Instant::now() + left;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.code(),
            Ok(None) if Instant::now() >= deadline => {
                exec::signal_group(child, libc::SIGKILL);
                return child.wait().ok().and_then(|s| s.code());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `udp-recv ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("udp-recv")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::UdpRecv(args) = command else {
            unreachable!("parsed as udp-recv")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_holds_checked_values() {
        let p =
            plan(&["--count", "2", "--hex", "--join", "239.1.2.3", "5000"]).expect("a good plan");
        assert_eq!(
            (p.kind, p.form, p.count),
            (SockKind::Udp, Form::Hex, Some(2))
        );
        assert_eq!(p.groups.len(), 1);
        assert!(matches!(&p.at, BindTo::Ip(hp) if hp.port == 5000 && hp.host.is_none()));
        let p = plan(&["--unix", "/tmp/s", "--echo"]).expect("a good plan");
        assert_eq!(p.kind, SockKind::UnixDgram);
        assert!(matches!(p.at, BindTo::Unix(_)) && matches!(p.answer, Answer::Echo));
    }

    #[test]
    fn bad_input_is_refused_before_any_socket() {
        for (argv, names) in [
            (&["--count", "0", "5000"][..], "--count 0"),
            (&["--unix", "/tmp/s", "5000"], "address '5000'"),
            (&["--unix", "/tmp/s", "--join", "239.1.2.3"], "--join"),
            (&["--join", "10.0.0.1", "5000"], "--join 10.0.0.1"),
            (&["--join", "239.1.2.3%no-such-if0", "5000"], "no interface"),
            (&["-O", "TCP_NODELAY=1", "5000"], "-O TCP_NODELAY=1"),
            (&["127.0.0.1", "70000"], "70000"),
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
