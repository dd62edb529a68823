//! `sockkit connect -z HOST PORTS..`: which TCP ports accept a connection, as `nc -z` tells,
//! but probed concurrently: non-blocking connects, many in flight, one poll(2) over them
//! per worker thread. HOST may be a CIDR block, or `--targets FILE` lists the hosts.
//!
//! Results come out host by host, in the order of the port list, as soon as every probe
//! before them is known: one line (or JSON record) per host and port, or only the open
//! ones with `--open`.

mod hosts;

use std::collections::VecDeque;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use socket2::{SockAddr, Socket};

use crate::cli::ConnectArgs;
use crate::endpoint::{self, Proto, parse_ip, service_port, validate_host};
use crate::error::is_stdout_closed;
use crate::error::{Failure, failed, reason, usage};
use crate::fdio;
use crate::options::Ctx;
use crate::output::{RecordBatch, Style};
use crate::parse;
use crate::schema::Event;
use crate::schema::scan as record;
use crate::socket;
use crate::sockopt::SockKind;

/// The per-port connect timeout when `-w` is not given.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);
/// Ports probed at once when `--concurrency` is not given.
pub const DEFAULT_CONCURRENCY: usize = 256;
/// Descriptors kept back from the open-file limit for stdio and the rest of the process.
const FD_RESERVE: u64 = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    /// Refused, or any other answer that is not a connection or a timeout (unreachable,
    /// no local port left): then `reason` says which.
    Closed,
    Timeout,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Closed => "closed",
            State::Timeout => "timeout",
        }
    }

    fn style(self) -> Style {
        match self {
            State::Open => Style::Good,
            State::Closed => Style::Bad,
            State::Timeout => Style::Warn,
        }
    }
}

#[derive(Debug)]
struct Outcome {
    state: State,
    latency: Duration,
    reason: Option<String>,
}

/// Probes whose answers are in but not yet shown (an earlier one is still waiting) are
/// held in memory; workers take no probe further ahead than this of the first one not
/// shown, so a slow port bounds memory instead of growing it.
const MAX_AHEAD: usize = 1 << 18;

/// What to scan, checked before the first packet.
pub struct Plan {
    /// The name, address or block as the user wrote it (`N targets` for --targets).
    host: String,
    /// The addresses scanned: the first getaddrinfo answer of a name (-4/-6 respected),
    /// every address of a block.
    hosts: hosts::Hosts,
    /// Probes: every port of every host, host by host.
    probes: usize,
    /// `-s ADDR`, one per family (the IPv4 and IPv6 hosts of a list each get theirs).
    source: Option<IpAddr>,
    source_scope: u32,
    ports: Vec<u16>,
    timeout: Duration,
    concurrency: usize,
    /// `--open`: print open ports only.
    only_open: bool,
}

/// A connect in flight.
struct Probe {
    index: usize,
    sock: Socket,
    started: Instant,
}

/// The scan `plan` says; `connect -z` checks its arguments into one first.
pub fn run(ctx: &Ctx, plan: &Plan) -> anyhow::Result<()> {
    announce(ctx, plan);
    let began = Instant::now();
    let mut tally = Tally::default();
    let mut rows = Rows::new(ctx, plan);
    probe_all(ctx, plan, &mut |index, o, batch| {
        tally.add(o);
        rows.show(index, o, batch);
    })?;
    sum_up(ctx, plan, &tally, began);
    match tally.failure() {
        Some(why) => Err(failed(plan.what_failed(), why).into()),
        None => Ok(()),
    }
}

/// The `scan-start` event: what is scanned, how many at once, how long each may take.
fn announce(ctx: &Ctx, plan: &Plan) {
    let scope = plan.scope();
    let start = Event::ScanStart {
        host: &scope,
        name: &plan.host,
        hosts: plan.hosts.len(),
        ports: plan.ports.len(),
        concurrency: plan.concurrency,
        timeout_ms: crate::output::millis(plan.timeout),
    };
    ctx.out.emit(&start, || {
        let named = if plan.host == scope {
            String::new()
        } else {
            format!(" ({})", plan.host)
        };
        format!(
            "scanning {scope}{named}: {}{} port{}, {} at a time, timeout {} each",
            plan.hosts_times(),
            plan.ports.len(),
            if plan.ports.len() == 1 { "" } else { "s" },
            plan.concurrency,
            humantime::format_duration(plan.timeout)
        )
    });
}

/// The `scan-done` event: the counts, and how long the scan took.
fn sum_up(ctx: &Ctx, plan: &Plan, tally: &Tally, began: Instant) {
    let scope = plan.scope();
    let seconds = began.elapsed().as_secs_f64();
    let done = Event::ScanDone {
        host: &scope,
        hosts: plan.hosts.len(),
        ports: plan.ports.len(),
        open: tally.open,
        closed: tally.closed,
        timeout: tally.timeout,
        seconds,
    };
    ctx.out.emit(&done, || {
        let summary = tally.summary();
        format!(
            "{scope}: {}{} port{} in {seconds:.2}s: {} open{}{summary}",
            plan.hosts_times(),
            plan.ports.len(),
            if plan.ports.len() == 1 { "" } else { "s" },
            tally.open,
            if summary.is_empty() { "" } else { ", " },
        )
    });
}

/// How results are shown: one line or record per probe, in list order (open ones only
/// with `--open`).
struct Rows<'a> {
    ctx: &'a Ctx,
    plan: &'a Plan,
    services: std::collections::HashMap<u16, String>,
    /// The width of the port column.
    width: usize,
    /// The state column, painted once: a full scan prints 65,535 lines.
    cells: [String; 3],
    /// The host being shown (its number), its address, and that padded to the widest.
    host: (usize, String, String),
}

impl<'a> Rows<'a> {
    fn new(ctx: &'a Ctx, plan: &'a Plan) -> Self {
        Rows {
            ctx,
            plan,
            services: endpoint::service_names(Proto::Tcp),
            width: plan.ports.iter().map(|&p| digits(p)).max().unwrap_or(1),
            cells: [State::Open, State::Closed, State::Timeout]
                .map(|s| ctx.out.paint(&format!("{:<7}", s.name()), s.style())),
            host: (usize::MAX, String::new(), String::new()),
        }
    }

    /// Probe number `index` ended with `o`.
    fn show(&mut self, index: usize, o: &Outcome, batch: &mut RecordBatch) {
        if self.plan.only_open && o.state != State::Open {
            return;
        }
        let (host, port) = self.plan.job(index);
        if self.host.0 != host {
            let ip = self.plan.hosts.get(host as u64).ip().to_string();
            let padded = format!("{ip:<w$}", w = self.plan.hosts.width);
            self.host = (host, ip, padded);
        }
        let service = self.services.get(&port).map(String::as_str);
        batch.record_bytes(
            |buf| self.line(buf, port, o, service),
            || record::Port {
                host: &self.host.1,
                port,
                state: o.state.name(),
                latency_ms: crate::output::millis(o.latency),
                service,
                reason: o.reason.as_deref(),
            },
        );
    }

    /// The plain line: `127.0.0.1  22/tcp  open     0.12 ms  ssh`.
    fn line(&self, buf: &mut Vec<u8>, port: u16, o: &Outcome, service: Option<&str>) {
        let latency = self.ctx.out.paint(
            &format!("{:>8}", crate::output::latency_text(o.latency)),
            Style::Dim,
        );
        // Writing into a Vec cannot fail.
        let _ = write!(
            buf,
            "{}  {port}/tcp{:pad$}  {}  {latency}",
            self.host.2,
            "",
            self.cells[o.state as usize],
            pad = self.width - digits(port)
        );
        if let Some(s) = service {
            let _ = write!(buf, "  {s}");
        }
        if let Some(r) = &o.reason {
            let _ = write!(buf, "  ({r})");
        }
    }
}

/// Decimal digits of a port number.
fn digits(port: u16) -> usize {
    match port {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

/// The outcomes counted as they come in.
#[derive(Debug, Default)]
struct Tally {
    open: usize,
    closed: usize,
    timeout: usize,
    /// Whether every port so far failed with one and the same reason (not refused, not
    /// timed out: e.g. network unreachable), which `reason` then holds.
    alike: bool,
    reason: Option<String>,
    seen: usize,
}

impl Tally {
    fn add(&mut self, o: &Outcome) {
        match o.state {
            State::Open => self.open += 1,
            State::Closed => self.closed += 1,
            State::Timeout => self.timeout += 1,
        }
        let first = self.seen == 0;
        self.seen += 1;
        self.alike = (first || self.alike)
            && match (&o.reason, &self.reason) {
                (Some(r), None) => {
                    self.reason = Some(r.clone());
                    true
                }
                (Some(r), Some(s)) => r == s,
                (None, _) => false,
            };
    }

    /// `65532 closed, 1 timeout`: the non-open counts that are not zero.
    fn summary(&self) -> String {
        let parts: Vec<String> = [(self.closed, "closed"), (self.timeout, "timeout")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, name)| format!("{n} {name}"))
            .collect();
        parts.join(", ")
    }

    /// Why the scan failed, if it did: no port open. When every port failed with the same
    /// error (the network is unreachable), that error is the reason: the scan could not
    /// be done, which says nothing about the ports.
    fn failure(&self) -> Option<String> {
        if self.open > 0 {
            return None;
        }
        match &self.reason {
            Some(r) if self.alike => Some(r.clone()),
            _ => Some(format!("no open port ({})", self.summary())),
        }
    }
}

/// Probe every port, at most `plan.concurrency` at once, handing each outcome to `show` in
/// the order of the list; lines are written a batch at a time.
///
/// On loopback a probe costs a few system calls and nothing else, so the work is shared
/// by one worker thread per CPU (each with its share of the concurrency); the calling
/// thread puts the answers back in list order and prints them.
fn probe_all(
    ctx: &Ctx,
    plan: &Plan,
    show: &mut impl FnMut(usize, &Outcome, &mut RecordBatch),
) -> anyhow::Result<()> {
    let workers = worker_count(plan.probes, plan.concurrency);
    let next = AtomicUsize::new(0);
    // The first probe not shown yet: workers stay within MAX_AHEAD of it.
    let shown = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<Answers>();
    let cursor = |bounded| Cursor {
        next: &next,
        shown: &shown,
        stop: &stop,
        bounded,
    };
    let share = plan.concurrency.div_ceil(workers);
    let probe_share = |tx: mpsc::Sender<Answers>, cursor: Cursor| {
        let mut spare = None;
        if let Err(f) = worker(ctx, plan, share, &cursor, &tx, &mut spare) {
            stop.store(true, Ordering::Relaxed);
            let _ = tx.send(Err(f));
        }
        if let Some((sock, _)) = spare {
            close(ctx, sock);
        }
    };
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            let (tx, cursor) = (tx.clone(), cursor(true));
            if crate::signals::spawn_worker(scope, move || probe_share(tx, cursor)).is_none() {
                break;
            }
            started += 1;
        }
        if started == 0 {
            // No thread could be started (a process or memory limit): probe here, with
            // one share of the concurrency. Nothing is shown until it is done, so it
            // cannot wait for the output to catch up.
            probe_share(tx.clone(), cursor(false));
        }
        drop(tx);
        print_in_order(ctx, rx, (&shown, &stop), show)
    })
}

/// What a worker hands over: a batch of answers, or why it stopped.
type Answers = Result<Vec<(usize, Outcome)>, Failure>;

/// Take the workers' answers as they come, and show them in list order, a batch of lines
/// at a time. A reader that went away (`| head -1`) stops the printing, never the scan:
/// the exit code still says whether a port is open.
fn print_in_order(
    ctx: &Ctx,
    rx: mpsc::Receiver<Answers>,
    (shown, stop): (&AtomicUsize, &AtomicBool),
    show: &mut impl FnMut(usize, &Outcome, &mut RecordBatch),
) -> anyhow::Result<()> {
    let mut pending = InOrder::default();
    let mut batch = ctx.out.batch();
    let mut failure: Option<anyhow::Error> = None;
    let mut stdout_gone = false;
    for msg in rx {
        let answers = match msg {
            Ok(a) => a,
            Err(f) => {
                failure.get_or_insert(f.into());
                continue;
            }
        };
        for (index, outcome) in answers {
            pending.put(index, outcome);
        }
        while let Some((index, o)) = pending.next() {
            show(index, &o, &mut batch);
        }
        shown.store(pending.shown, Ordering::Relaxed);
        if stdout_gone {
            batch.discard();
        } else if failure.is_none()
            && let Err(e) = batch.flush()
        {
            if is_stdout_closed(&e) {
                stdout_gone = true;
            } else {
                stop.store(true, Ordering::Relaxed);
                failure = Some(e);
            }
        }
    }
    failure.map_or(Ok(()), Err)
}

/// Answers that come in any order, handed out in list order.
#[derive(Default)]
struct InOrder {
    /// `waiting[i]` is the answer of probe `shown + i`, once it is in.
    waiting: VecDeque<Option<Outcome>>,
    /// Probes handed out so far.
    shown: usize,
}

impl InOrder {
    fn put(&mut self, index: usize, outcome: Outcome) {
        let at = index - self.shown;
        if self.waiting.len() <= at {
            self.waiting.resize_with(at + 1, || None);
        }
        self.waiting[at] = Some(outcome);
    }

    /// The next answer in list order, if it is in.
    fn next(&mut self) -> Option<(usize, Outcome)> {
        let outcome = self.waiting.front_mut()?.take()?;
        self.waiting.pop_front();
        self.shown += 1;
        Some((self.shown - 1, outcome))
    }
}

/// One worker per CPU (at most 4), none idle on a short list.
fn worker_count(ports: usize, concurrency: usize) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    cpus.min(4).min(ports.div_ceil(512)).min(concurrency).max(1)
}

/// Answers are handed over at least this often, so output keeps flowing.
const BATCH: usize = 256;

/// The workers' shared view of the probe list.
struct Cursor<'a> {
    /// The next probe to start.
    next: &'a AtomicUsize,
    /// The first probe not shown yet.
    shown: &'a AtomicUsize,
    stop: &'a AtomicBool,
    /// Whether to stay within MAX_AHEAD of `shown` (not when the calling thread probes
    /// everything before it shows anything).
    bounded: bool,
}

/// One worker's probes: those in flight, and the answers not yet handed over.
struct Flight {
    probes: Vec<Probe>,
    /// poll(2)'s view of `probes`, one entry each.
    fds: Vec<libc::pollfd>,
    done: Vec<(usize, Outcome)>,
    /// Every probe of the list has been taken.
    exhausted: bool,
}

/// Take probes from the shared cursor and run them, at most `share` in flight.
fn worker(
    ctx: &Ctx,
    plan: &Plan,
    share: usize,
    cursor: &Cursor,
    tx: &mpsc::Sender<Result<Vec<(usize, Outcome)>, Failure>>,
    spare: &mut Option<(Socket, IpAddr)>,
) -> Result<(), Failure> {
    let mut flight = Flight {
        probes: Vec::with_capacity(share),
        fds: Vec::with_capacity(share),
        done: Vec::new(),
        exhausted: false,
    };
    loop {
        if !take_probes(ctx, plan, share, cursor, &mut flight, spare)? {
            return Ok(());
        }
        if !flight.done.is_empty() && tx.send(Ok(std::mem::take(&mut flight.done))).is_err() {
            return Ok(());
        }
        if flight.probes.is_empty() {
            if flight.exhausted {
                return Ok(());
            }
            continue;
        }
        wait(ctx, plan, &flight.probes, &mut flight.fds)?;
        collect_answers(ctx, plan, &mut flight);
    }
}

/// Start probes from the cursor until `share` are in flight, a batch of answers is in,
/// the list is done or too far ahead of the output. False when the scan is stopped.
fn take_probes(
    ctx: &Ctx,
    plan: &Plan,
    share: usize,
    cursor: &Cursor,
    flight: &mut Flight,
    spare: &mut Option<(Socket, IpAddr)>,
) -> Result<bool, Failure> {
    while !flight.exhausted && flight.probes.len() < share && flight.done.len() < BATCH {
        if cursor.stop.load(Ordering::Relaxed) {
            return Ok(false);
        }
        // Too far ahead of what is shown: hand over and finish what this worker has,
        // or, with nothing, wait for the output to catch up.
        let ahead = cursor
            .shown
            .load(Ordering::Relaxed)
            .saturating_add(MAX_AHEAD);
        if cursor.bounded && cursor.next.load(Ordering::Relaxed) >= ahead {
            if flight.probes.is_empty() && flight.done.is_empty() {
                std::thread::sleep(Duration::from_millis(1));
                continue;
            }
            break;
        }
        let index = cursor.next.fetch_add(1, Ordering::Relaxed);
        if index >= plan.probes {
            flight.exhausted = true;
            break;
        }
        let (host, port) = plan.job(index);
        let mut target = plan.hosts.get(host as u64);
        target.set_port(port);
        match start(ctx, plan, target, spare)? {
            Started::Done(o) => flight.done.push((index, o)),
            Started::InFlight(sock, started) => flight.probes.push(Probe {
                index,
                sock,
                started,
            }),
        }
    }
    Ok(true)
}

/// After a poll: the probes that answered or ran out of time leave the flight, their
/// outcomes join the answers to hand over.
fn collect_answers(ctx: &Ctx, plan: &Plan, flight: &mut Flight) {
    let now = Instant::now();
    // Back to front, so swap_remove only moves probes already looked at.
    for j in (0..flight.probes.len()).rev() {
        let elapsed = now.saturating_duration_since(flight.probes[j].started);
        let outcome = if flight.fds[j].revents != 0 {
            finish(ctx, &flight.probes[j].sock, elapsed)
        } else if elapsed >= plan.timeout {
            Outcome {
                state: State::Timeout,
                latency: elapsed,
                reason: None,
            }
        } else {
            continue;
        };
        let probe = flight.probes.swap_remove(j);
        close(ctx, probe.sock);
        flight.done.push((probe.index, outcome));
    }
}

/// poll(2) until a probe in flight answers or the earliest one's time is up.
fn wait(
    ctx: &Ctx,
    plan: &Plan,
    flight: &[Probe],
    fds: &mut Vec<libc::pollfd>,
) -> Result<(), Failure> {
    fds.clear();
    fds.extend(
        flight
            .iter()
            .map(|p| fdio::pollfd(p.sock.as_raw_fd(), libc::POLLOUT)),
    );
    let earliest = flight
        .iter()
        .map(|p| p.started + plan.timeout)
        .min()
        .unwrap_or_else(Instant::now);
    let left = earliest.saturating_duration_since(Instant::now());
    // An interrupting signal comes back as "nothing ready": the caller looks at the
    // timeouts and waits again.
    let res = fdio::poll(fds, Some(left));
    // fdio::poll rounds the wait up to whole milliseconds; the trace shows the same.
    let ms = left.as_nanos().div_ceil(1_000_000);
    let call = || format!("poll([{} fds], {ms})", fds.len());
    socket::traced(ctx, call, res, |n| n.to_string())
        .map(|_| ())
        .map_err(|e| failed("poll", reason(&e)))
}

enum Started {
    Done(Outcome),
    InFlight(Socket, Instant),
}

/// Start connecting to `target`: on the `spare` socket if there is one for its address,
/// else on a new non-blocking socket (with `-O` applied).
///
/// A TCP socket whose connect(2) reported the refusal itself is back in the closed state
/// and may connect again; reusing it saves a socket(2) and a close(2) per closed port,
/// which is most of a loopback scan's cost. Should the kernel refuse a reused socket, the
/// probe starts over on a new one. A spare is only reused for the host it was refused by.
fn start(
    ctx: &Ctx,
    plan: &Plan,
    target: SocketAddr,
    spare: &mut Option<(Socket, IpAddr)>,
) -> Result<Started, Failure> {
    let addr = SockAddr::from(target);
    if let Some((sock, ip)) = spare.take() {
        if ip == target.ip() {
            *spare = Some((sock, ip));
        } else {
            close(ctx, sock);
        }
    }
    loop {
        let reused = spare.is_some();
        let sock = match spare.take() {
            Some((s, _)) => s,
            None => open(ctx, plan, &target)?,
        };
        let started = Instant::now();
        let first = connect(ctx, &sock, &addr);
        let answer = match first {
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {
                // On loopback the answer is usually in by now. Asking connect(2) again says
                // so in one call (EALREADY: still waiting; EISCONN: open; or the error), and
                // the latency is this probe's own, not the time taken to start the others.
                match connect(ctx, &sock, &addr) {
                    Err(e)
                        if matches!(e.raw_os_error(), Some(libc::EALREADY | libc::EINPROGRESS)) =>
                    {
                        return Ok(Started::InFlight(sock, started));
                    }
                    Err(e) if e.raw_os_error() == Some(libc::EISCONN) => Ok(()),
                    other => other,
                }
            }
            Err(e) if reused && e.raw_os_error() != Some(libc::ECONNREFUSED) => {
                // Not a state this socket can connect from after all: a new one.
                close(ctx, sock);
                continue;
            }
            other => other,
        };
        let latency = started.elapsed();
        let outcome = match &answer {
            Ok(()) => connected(&sock, latency),
            Err(e) => failure(e, latency),
        };
        match answer {
            Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED) => {
                *spare = Some((sock, target.ip()));
            }
            _ => close(ctx, sock),
        }
        return Ok(Started::Done(outcome));
    }
}

/// A new non-blocking socket for a probe, bound to `-s` when given.
fn open(ctx: &Ctx, plan: &Plan, target: &SocketAddr) -> Result<Socket, Failure> {
    let sock = socket::open_nonblocking(ctx, socket::domain_of(target), SockKind::Tcp, &[])?;
    if let Some(ip) = plan.source {
        let src = match ip {
            IpAddr::V4(_) => SocketAddr::new(ip, 0),
            IpAddr::V6(v6) => {
                SocketAddr::V6(std::net::SocketAddrV6::new(v6, 0, 0, plan.source_scope))
            }
        };
        socket::bind(ctx, &sock, &SockAddr::from(src))
            .map_err(|e| failed(format!("source address {ip}"), reason(&e)))?;
    }
    Ok(sock)
}

/// connect(2), traced.
fn connect(ctx: &Ctx, sock: &Socket, addr: &SockAddr) -> io::Result<()> {
    let fd = sock.as_raw_fd();
    let call = || format!("connect({fd}, {})", endpoint::show(addr));
    socket::traced(ctx, call, sock.connect(addr), |_| "0".into())
}

/// A probe poll(2) reported on: SO_ERROR says how its connect ended.
fn finish(ctx: &Ctx, sock: &Socket, latency: Duration) -> Outcome {
    let fd = sock.as_raw_fd();
    let call = || format!("getsockopt({fd}, SOL_SOCKET, SO_ERROR)");
    let res = socket::traced(ctx, call, sock.take_error(), |v| match v {
        None => "0 (0)".into(),
        Some(e) => format!("0 ({})", socket::errno_text(e).trim_start_matches("-1 ")),
    });
    match res {
        Ok(None) => connected(sock, latency),
        Ok(Some(e)) | Err(e) => failure(&e, latency),
    }
}

/// A connect that succeeded. On loopback a port in the ephemeral range can end up
/// connected to itself (TCP simultaneous open, source port == destination port): nothing
/// listens there, so that is a closed port, not an open one.
fn connected(sock: &Socket, latency: Duration) -> Outcome {
    let local = sock.local_addr().ok().and_then(|a| a.as_socket());
    let peer = sock.peer_addr().ok().and_then(|a| a.as_socket());
    if local.is_some() && local == peer {
        return Outcome {
            state: State::Closed,
            latency,
            reason: None,
        };
    }
    Outcome {
        state: State::Open,
        latency,
        reason: None,
    }
}

fn failure(e: &io::Error, latency: Duration) -> Outcome {
    let (state, why) = match e.raw_os_error() {
        Some(libc::ECONNREFUSED) => (State::Closed, None),
        Some(libc::ETIMEDOUT) => (State::Timeout, None),
        _ => (State::Closed, Some(reason(e))),
    };
    Outcome {
        state,
        latency,
        reason: why,
    }
}

fn close(ctx: &Ctx, sock: Socket) {
    let fd = sock.as_raw_fd();
    drop(sock);
    ctx.out.trace(|| format!("close({fd}) = 0"));
}

impl Plan {
    /// What messages call the whole scan: the address for one host, else the block or
    /// the list.
    fn scope(&self) -> String {
        if self.hosts.len() == 1 {
            self.hosts.get(0).ip().to_string()
        } else {
            self.hosts.shown.clone()
        }
    }

    /// `4 hosts x ` before the port count, for more than one host.
    fn hosts_times(&self) -> String {
        match self.hosts.len() {
            1 => String::new(),
            n => format!("{n} hosts x "),
        }
    }

    /// What a failed scan names: the port too when one port of one host was scanned.
    fn what_failed(&self) -> String {
        match (self.hosts.len(), &self.ports[..]) {
            (1, [port]) => format!("{} port {port}", self.scope()),
            _ => self.scope(),
        }
    }

    /// Probe number `index`: which host (its number) and which port.
    fn job(&self, index: usize) -> (usize, u16) {
        let n = self.ports.len();
        (index / n, self.ports[index % n])
    }

    pub fn from_args(ctx: &Ctx, args: &ConnectArgs) -> Result<Plan, Failure> {
        reject_relay_options(args)?;
        ctx.check_sockopts(&[SockKind::Tcp])?;
        let (host, ports_text) = match &args.targets {
            Some(_) => (None, port_words(&args.endpoint)?),
            None => {
                let (h, p) = split_words(&args.endpoint)?;
                // A block is checked as a block when the hosts are read.
                let h = if h.contains('/') {
                    h.to_string()
                } else {
                    validate_host(h)?
                };
                (Some(h), p)
            }
        };
        // The ports are checked first: bad input is exit 2 before any name is looked up.
        let ports = parse::port_list(&ports_text, |name| {
            service_port(name, Proto::Tcp).ok_or_else(|| {
                usage(
                    format!("port '{name}'"),
                    "not a number and not a tcp service name",
                )
            })
        })?;
        let (host, hosts) = match (host, &args.targets) {
            (Some(h), _) => {
                let hosts = hosts::Hosts::from_word(ctx, &h)?;
                (h, hosts)
            }
            (None, file) => {
                let hosts = hosts::Hosts::from_file(ctx, file.as_deref().unwrap_or_default())?;
                (hosts.shown.clone(), hosts)
            }
        };
        let probes = usize::try_from(hosts.len())
            .ok()
            .and_then(|h| h.checked_mul(ports.len()))
            .ok_or_else(|| usage(&host, "too many hosts and ports for one scan"))?;
        let (source, source_scope) = match &args.source {
            Some(text) => {
                let (ip, scope) = source_addr(text, hosts.first_addrs())?;
                (Some(ip), scope)
            }
            None => (None, 0),
        };
        // -w 0 is "no waiting", as everywhere: a port that has not answered at once is a timeout.
        let timeout = ctx.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let concurrency = concurrency(ctx, args.concurrency, probes)?;
        Ok(Plan {
            host,
            hosts,
            probes,
            source,
            source_scope,
            ports,
            timeout,
            concurrency,
            only_open: args.open,
        })
    }
}

/// Options of the relay that mean nothing to a scan: refused rather than ignored.
fn reject_relay_options(args: &ConnectArgs) -> Result<(), Failure> {
    let s = &args.stream;
    let given = [
        (s.unix.is_some(), "--unix"),
        (s.no_shutdown, "--no-shutdown"),
        (s.crlf, "--crlf"),
        (s.idle_timeout.is_some(), "--idle-timeout"),
        (s.stats, "--stats"),
        (args.send.is_some(), "--send"),
        (args.expect.is_some(), "--expect"),
        (args.wait_until.is_some(), "--wait-until"),
        (args.source_port.is_some(), "--source-port"),
    ];
    match given.iter().find(|(set, _)| *set) {
        Some((_, name)) => Err(usage(
            format!("-z with {name}"),
            "a scan only connects and closes; drop one of them",
        )),
        None => Ok(()),
    }
}

/// `HOST PORTS..` (several port words, as nc takes them: `HOST 22 80 8000-8100`), or one
/// word `HOST:PORTS` / `[V6]:PORTS`. The port words come back joined into one list.
fn split_words(words: &[String]) -> Result<(&str, String), Failure> {
    match words {
        [host, ports @ ..] if !ports.is_empty() => Ok((host, ports.join(","))),
        [one] => {
            let joined = if let Some(rest) = one.strip_prefix('[') {
                rest.split_once("]:")
            } else {
                one.split_once(':').filter(|(_, p)| !p.contains(':'))
            };
            joined.map(|(h, p)| (h, p.to_string())).ok_or_else(|| {
                usage(
                    format!("connect -z '{one}'"),
                    "missing PORTS (connect -z HOST 22,80,8000-8100)",
                )
            })
        }
        _ => Err(usage(
            "connect -z",
            "missing HOST PORTS (connect -z HOST 22,80,8000-8100)",
        )),
    }
}

/// With `--targets`, every word is a port word.
fn port_words(words: &[String]) -> Result<String, Failure> {
    if words.is_empty() {
        return Err(usage(
            "connect -z --targets",
            "missing PORTS (connect -z --targets FILE 22,80,8000-8100)",
        ));
    }
    Ok(words.join(","))
}

/// `-s ADDR`: an address literal of the scanned addresses' family.
fn source_addr(
    text: &str,
    mut targets: impl Iterator<Item = SocketAddr>,
) -> Result<(IpAddr, u32), Failure> {
    let (ip, scope) = parse_ip(text)
        .ok_or_else(|| usage(format!("source address '{text}'"), "not an IP address"))?;
    if let Some(other) = targets.find(|t| t.is_ipv4() != ip.is_ipv4()) {
        return Err(usage(
            format!("source address '{text}'"),
            format!("not of the family of {}", other.ip()),
        ));
    }
    Ok((ip, scope))
}

/// `--concurrency`, bounded by the number of ports and the open-file limit (raised to
/// its hard limit first when that helps).
fn concurrency(ctx: &Ctx, asked: Option<usize>, ports: usize) -> Result<usize, Failure> {
    if asked == Some(0) {
        return Err(usage("--concurrency 0", "must be at least 1"));
    }
    let want = asked.unwrap_or(DEFAULT_CONCURRENCY).min(ports.max(1));
    let limit = fd_limit(want as u64 + FD_RESERVE);
    let cap = limit.saturating_sub(FD_RESERVE).max(1) as usize;
    if want > cap {
        if let Some(n) = asked {
            ctx.out.warn(&format!(
                "--concurrency {n} lowered to {cap} by the open-file limit ({limit})"
            ));
        }
        return Ok(cap);
    }
    Ok(want)
}

/// The soft RLIMIT_NOFILE, raised toward the hard limit when `wanted` is more than it allows.
fn fd_limit(wanted: u64) -> u64 {
    let Ok((soft, hard)) = crate::sys::nofile_limit() else {
        return 1024;
    };
    if soft >= wanted || soft >= hard {
        return soft;
    }
    let raised = wanted.min(hard);
    if crate::sys::set_nofile_limit(raised, hard).is_ok() {
        raised
    } else {
        soft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    /// The plan `connect -z ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = ["connect", "-z"]
            .into_iter()
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let crate::cli::Command::Connect(args) = command else {
            unreachable!("parsed as connect")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_checks_before_probing() {
        let p = plan(&["--open", "127.0.0.1", "22,80-81"]).expect("a good plan");
        assert_eq!(p.ports, vec![22, 80, 81]);
        assert_eq!((p.probes, p.only_open), (3, true));
        assert_eq!(p.timeout, DEFAULT_TIMEOUT);
        for (argv, names) in [
            (&["--send", "x", "127.0.0.1", "80"][..], "-z with --send"),
            (
                &["--wait-until", "1s", "127.0.0.1", "80"],
                "-z with --wait-until",
            ),
            (&["--crlf", "127.0.0.1", "80"], "-z with --crlf"),
            (&["127.0.0.1", "0-70000"], "70000"),
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

    #[test]
    fn host_and_ports_forms() {
        let split = |w: &[&str]| {
            let w = words(w);
            split_words(&w).map(|(h, p)| (h.to_string(), p)).unwrap()
        };
        let pair = |h: &str, p: &str| (h.to_string(), p.to_string());
        assert_eq!(split(&["127.0.0.1", "22,80"]), pair("127.0.0.1", "22,80"));
        assert_eq!(split(&["localhost:1-100"]), pair("localhost", "1-100"));
        assert_eq!(split(&["[::1]:22"]), pair("::1", "22"));
        assert_eq!(
            split(&["10.0.0.0/30", "22", "80", "8000-8100"]),
            pair("10.0.0.0/30", "22,80,8000-8100")
        );
        for bad in [&[][..], &["127.0.0.1"], &["::1"]] {
            assert_eq!(split_words(&words(bad)).unwrap_err().code, 2, "{bad:?}");
        }
    }

    fn outcome(state: State, reason: Option<&str>) -> Outcome {
        Outcome {
            state,
            latency: Duration::ZERO,
            reason: reason.map(str::to_string),
        }
    }

    fn tally(outcomes: &[Outcome]) -> Tally {
        let mut t = Tally::default();
        for o in outcomes {
            t.add(o);
        }
        t
    }

    #[test]
    fn summary_names_only_what_happened() {
        let refused = || outcome(State::Closed, None);
        let t = tally(&[refused(), refused(), refused()]);
        assert_eq!(t.summary(), "3 closed");
        assert_eq!(t.failure().as_deref(), Some("no open port (3 closed)"));
        let t = tally(&[refused(), outcome(State::Timeout, None), refused()]);
        assert_eq!(t.summary(), "2 closed, 1 timeout");
    }

    #[test]
    fn one_error_on_every_port_is_the_reason_of_the_failure() {
        let unreach = || outcome(State::Closed, Some("network is unreachable"));
        let t = tally(&[unreach(), unreach()]);
        assert_eq!(t.failure().as_deref(), Some("network is unreachable"));
        // Mixed answers say nothing about the network as a whole: the counts do.
        for (mixed, counts) in [
            ([unreach(), outcome(State::Closed, None)], "2 closed"),
            ([outcome(State::Closed, None), unreach()], "2 closed"),
            (
                [unreach(), outcome(State::Timeout, None)],
                "1 closed, 1 timeout",
            ),
            (
                [unreach(), outcome(State::Closed, Some("no route to host"))],
                "2 closed",
            ),
        ] {
            let t = tally(&mixed);
            assert_eq!(
                t.failure(),
                Some(format!("no open port ({counts})")),
                "{t:?}"
            );
        }
        let t = tally(&[unreach(), outcome(State::Open, None)]);
        assert_eq!(t.failure(), None);
    }
}
