//! `sockkit wait TARGET.. [-- CMD]`: wait until services are ready (wait-for-it,
//! dockerize -wait), then run CMD in sockkit's place. A target is ready when a TCP or
//! Unix connect succeeds, a TLS handshake verifies, or an HTTP(S) GET gets a status
//! that counts.
//!
//! Each target is watched by a thread of its own, which tries it, backs off and tries
//! again until it is ready or the overall deadline (`-w`) passes; no attempt outlives the
//! deadline. The main thread collects the verdicts, and once enough targets are ready
//! it execs CMD: the watchers that are still busy go with the old process image.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use socket2::{Domain, SockAddr};

use crate::cli::WaitArgs;
use crate::endpoint::{self, Proto, UnixPath};
use crate::error::{Failure, failed, reason, usage};
use crate::exec;
use crate::options::Ctx;
use crate::proxy::Proxy;
use crate::schema::Event;
use crate::signals;
use crate::socket;
use crate::sockopt::SockKind;
use crate::tls::{self, ClientOptions, verify::Mode};

/// The overall deadline when `-w` is not given.
const DEFAULT_DEADLINE: Duration = Duration::from_secs(30);
/// The first pause after a failed attempt; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(1);
/// One attempt never takes longer than this (nor past the deadline), so a server that
/// accepts and then hangs is asked again rather than waited on for the whole deadline.
const ATTEMPT_LIMIT: Duration = Duration::from_secs(10);
/// How much of an HTTP response is read looking for the status line.
const STATUS_LINE_MAX: usize = 8 * 1024;
/// How long past the deadline the watchers have to report how their last attempt ended.
const LAST_WORD: Duration = Duration::from_millis(200);
/// How often the main thread looks at the signal flag while it waits.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// One thing to wait for, as written and as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    /// The target as the user wrote it, for messages.
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A TCP connect to every address the host resolves to, in turn.
    Tcp { host: String, port: u16 },
    /// A Unix stream connect.
    Unix(UnixPath),
    /// A TLS handshake whose certificate verifies.
    Tls { host: String, port: u16 },
    /// An HTTP GET (over TLS for https://) whose status must be in the accepted set.
    Http(HttpUrl),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct HttpUrl {
    /// https://: the GET goes over a verified TLS session.
    secure: bool,
    host: String,
    port: u16,
    /// Path and query, as sent in the request line.
    path: String,
    /// `host[:port]` for the Host header.
    authority: String,
}

/// HTTP statuses that mean ready: inclusive ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Statuses(Vec<(u16, u16)>);

impl Statuses {
    fn accepts(&self, code: u16) -> bool {
        self.0.iter().any(|&(lo, hi)| (lo..=hi).contains(&code))
    }
}

/// How every target is checked: shared by the watchers.
struct Checks {
    statuses: Statuses,
    /// The TLS client options, when a tls:// or https:// target needs them.
    tls: Option<ClientOptions>,
    /// `--proxy`, for every target but unix: ones.
    proxy: Option<Proxy>,
}

/// What to wait for and what to do then, checked before the first attempt.
struct Plan {
    targets: Vec<Target>,
    any: bool,
    deadline: Duration,
    checks: Arc<Checks>,
    command: Vec<String>,
}

/// What a watcher tells the main thread.
enum Report {
    /// An attempt failed with this reason (the target's last error so far).
    Failed(usize, String),
    Ready(usize),
}

pub fn run(ctx: &Ctx, args: &WaitArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    if plan
        .checks
        .tls
        .as_ref()
        .is_some_and(ClientOptions::insecure)
    {
        ctx.out
            .warn("--insecure: the servers' certificates are not verified");
    }
    signals::install();
    let began = Instant::now();
    let deadline = began + plan.deadline;
    ctx.out.emit(
        &Event::WaitStart {
            targets: plan.targets.iter().map(|t| t.text.as_str()).collect(),
            any: plan.any,
            deadline_ms: crate::output::millis(plan.deadline),
        },
        || {
            let names: Vec<&str> = plan.targets.iter().map(|t| t.text.as_str()).collect();
            format!(
                "waiting up to {} for {}{}",
                humantime::format_duration(plan.deadline),
                if plan.any { "any of " } else { "" },
                names.join(", ")
            )
        },
    );

    let stop = Arc::new(AtomicBool::new(false));
    let rx = spawn_watchers(ctx, &plan, deadline, &stop)?;
    let outcome = collect(&plan, &rx, deadline);
    stop.store(true, Ordering::Relaxed);
    let missing = outcome?;
    if !missing.is_empty() {
        return Err(not_ready(&plan, &missing).into());
    }
    ctx.out.emit(
        &Event::AllReady {
            seconds: began.elapsed().as_secs_f64(),
        },
        || {
            format!(
                "{} in {}",
                if plan.any { "one ready" } else { "all ready" },
                crate::output::human_duration(began.elapsed())
            )
        },
    );
    if plan.command.is_empty() {
        return Ok(());
    }
    Err(become_command(&plan.command).into())
}

/// A watcher thread per target, reporting on the channel returned; each stops once
/// `stop` is set or `deadline` passes.
fn spawn_watchers(
    ctx: &Ctx,
    plan: &Plan,
    deadline: Instant,
    stop: &Arc<AtomicBool>,
) -> Result<mpsc::Receiver<Report>, Failure> {
    let shared = Arc::new(Ctx {
        family: ctx.family,
        timeout: ctx.timeout,
        sockopts: ctx.sockopts.clone(),
        out: ctx.out.clone(),
    });
    let (tx, rx) = mpsc::channel();
    for (index, target) in plan.targets.iter().enumerate() {
        let (ctx, stop, tx) = (Arc::clone(&shared), Arc::clone(stop), tx.clone());
        let (target, checks) = (target.clone(), Arc::clone(&plan.checks));
        // SIGINT and SIGTERM stay with this thread, which looks at them while it waits.
        signals::spawn_detached(move || watch(&ctx, index, &target, &checks, deadline, &stop, &tx))
            .ok_or_else(|| {
                failed(
                    format!("waiting for {}", plan.targets[index].text),
                    "cannot start a thread (a process or memory limit)",
                )
            })?;
    }
    Ok(rx)
}

/// Become COMMAND once everything is ready: exec(2) only returns on failure; on success
/// COMMAND's exit status is sockkit's.
fn become_command(command: &[String]) -> Failure {
    let err = std::process::Command::new(&command[0])
        .args(&command[1..])
        .exec();
    failed(&command[0], reason(&err))
}

/// Gather the watchers' reports until enough targets are ready, the deadline passes or
/// a signal comes. Returns the targets not ready, each with its last error (none when
/// the wait succeeded).
fn collect(
    plan: &Plan,
    rx: &mpsc::Receiver<Report>,
    deadline: Instant,
) -> anyhow::Result<Vec<(usize, String)>> {
    let n = plan.targets.len();
    let mut ready = vec![false; n];
    let mut last: Vec<Option<String>> = vec![None; n];
    let enough = |ready: &[bool]| {
        if plan.any {
            ready.iter().any(|r| *r)
        } else {
            ready.iter().all(|r| *r)
        }
    };
    loop {
        signals::check()?;
        let now = Instant::now();
        // The attempts in flight end at the deadline with their reason; a moment past it
        // lets that reason arrive, and then nothing more is waited for.
        let until = deadline + LAST_WORD;
        if now >= until {
            break;
        }
        let msg = match rx.recv_timeout(SIGNAL_CHECK.min(until - now)) {
            Ok(m) => Some(m),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            // Every watcher has ended: each said ready or gave up at the deadline.
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        match msg {
            Some(Report::Ready(i)) => ready[i] = true,
            Some(Report::Failed(i, why)) => last[i] = Some(why),
            None => {}
        }
        if enough(&ready) {
            return Ok(Vec::new());
        }
    }
    if enough(&ready) {
        return Ok(Vec::new());
    }
    Ok((0..n)
        .filter(|&i| !ready[i])
        .map(|i| {
            let why = last[i].take().unwrap_or_else(|| "timed out".to_string());
            (i, why)
        })
        .collect())
}

/// Exit 1 naming every target not ready and its last error, on one line.
fn not_ready(plan: &Plan, missing: &[(usize, String)]) -> Failure {
    let after = humantime::format_duration(plan.deadline);
    if let [(i, why)] = missing {
        return failed(
            &plan.targets[*i].text,
            format!("not ready after {after} ({why})"),
        );
    }
    let list: Vec<String> = missing
        .iter()
        .map(|(i, why)| format!("{} ({why})", plan.targets[*i].text))
        .collect();
    failed(
        format!("{} targets not ready after {after}", missing.len()),
        list.join(", "),
    )
}

/// Try one target until it is ready, the deadline passes or the main thread stops us.
fn watch(
    ctx: &Ctx,
    index: usize,
    target: &Target,
    checks: &Checks,
    deadline: Instant,
    stop: &AtomicBool,
    tx: &mpsc::Sender<Report>,
) {
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 0u64;
    while !stop.load(Ordering::Relaxed) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        attempt += 1;
        let started = Instant::now();
        let res = check(ctx, &target.kind, checks, started + left.min(ATTEMPT_LIMIT));
        let took = started.elapsed();
        match res {
            Ok(detail) => {
                ctx.out.emit(
                    &Event::Ready {
                        target: &target.text,
                        attempt,
                        ms: crate::output::millis(took),
                    },
                    || {
                        format!(
                            "{} ready{detail} at attempt {attempt} ({})",
                            target.text,
                            crate::output::human_duration(took)
                        )
                    },
                );
                let _ = tx.send(Report::Ready(index));
                return;
            }
            Err(why) => {
                let pause = backoff.min(deadline.saturating_duration_since(Instant::now()));
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                ctx.out.emit(
                    &Event::Attempt {
                        target: &target.text,
                        attempt,
                        error: &why,
                        ms: crate::output::millis(took),
                    },
                    || {
                        let pause = Duration::from_millis(pause.as_millis() as u64);
                        format!(
                            "{}: {why} (attempt {attempt}); next in {}",
                            target.text,
                            humantime::format_duration(pause)
                        )
                    },
                );
                if tx.send(Report::Failed(index, why)).is_err() {
                    return;
                }
                std::thread::sleep(pause);
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// One attempt, bounded by `until`: Ok with a detail for the ready event (an HTTP status,
/// a TLS version), or the reason it is not ready.
fn check(ctx: &Ctx, kind: &Kind, checks: &Checks, until: Instant) -> Result<String, String> {
    let proxy = checks.proxy.as_ref();
    match kind {
        Kind::Tcp { host, port } => {
            tcp_connect(ctx, host, *port, proxy, until).map(|_| String::new())
        }
        Kind::Unix(path) => {
            let addr = path.sockaddr().map_err(|f| f.message)?;
            let sock = socket::open(ctx, Domain::UNIX, SockKind::UnixStream, &[])
                .map_err(|f| f.message)?;
            socket::connect(ctx, &sock, &addr, Some(left(until)?)).map_err(|e| why(&e))?;
            Ok(String::new())
        }
        Kind::Tls { host, port } => {
            let mut sock = tcp_connect(ctx, host, *port, proxy, until)?;
            let (conn, version) = tls_session(&mut sock, host, checks, until)?;
            tls::close(&mut rustls::Connection::Client(conn), &mut sock);
            Ok(format!(": {version}"))
        }
        Kind::Http(url) => {
            let mut sock = tcp_connect(ctx, &url.host, url.port, proxy, until)?;
            let code = if url.secure {
                let (conn, _) = tls_session(&mut sock, &url.host, checks, until)?;
                let mut stream = Timed::Tls(Box::new(rustls::StreamOwned::new(conn, sock)));
                http_status(&mut stream, url, until)?
            } else {
                http_status(&mut Timed::Plain(sock), url, until)?
            };
            if checks.statuses.accepts(code.0) {
                Ok(format!(": HTTP {}", code.1))
            } else {
                Err(format!("HTTP {}", code.1))
            }
        }
    }
}

/// A verified TLS client session over `sock` (after the `--starttls` dialogue, if any),
/// and its protocol version.
fn tls_session(
    sock: &mut TcpStream,
    host: &str,
    checks: &Checks,
    until: Instant,
) -> Result<(rustls::ClientConnection, String), String> {
    let Some(opts) = &checks.tls else {
        return Err("no TLS options".to_string());
    };
    if let Some(proto) = opts.starttls {
        tls::starttls::upgrade(sock, proto, Some(until)).map_err(|f| f.message)?;
    }
    let (conn, info) = tls::client_handshake(sock, host, opts, Mode::Enforce, Some(until))
        .map_err(|f| f.message)?;
    Ok((conn, info.protocol))
}

/// Time left until `until`, or the attempt has timed out.
fn left(until: Instant) -> Result<Duration, String> {
    let l = until.saturating_duration_since(Instant::now());
    if l.is_zero() {
        Err("timed out".to_string())
    } else {
        Ok(l)
    }
}

fn why(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::Interrupted {
        return "interrupted".to_string();
    }
    reason(e)
}

/// Connect to `host:port`: through the proxy when there is one, else to each address
/// the name resolves to (again at every attempt: a service's name may appear late) in
/// turn; the last failure is the reason. The socket comes back blocking.
fn tcp_connect(
    ctx: &Ctx,
    host: &str,
    port: u16,
    proxy: Option<&Proxy>,
    until: Instant,
) -> Result<TcpStream, String> {
    if let Some(proxy) = proxy {
        let sock = proxy
            .connect(ctx, host, port, Some(left(until)?))
            .map_err(|f| f.message)?;
        return Ok(TcpStream::from(sock));
    }
    let addrs = endpoint::resolve(Some(host), port, ctx.family, Proto::Tcp).map_err(|f| {
        // `HOST: no such host (..)`: the target already names the host.
        f.message
            .strip_prefix(&format!("{host}: "))
            .map(str::to_string)
            .unwrap_or(f.message)
    })?;
    let several = addrs.len() > 1;
    let mut last = String::from("no address");
    for addr in addrs {
        let sock = socket::open(ctx, socket::domain_of(&addr), SockKind::Tcp, &[])
            .map_err(|f| f.message)?;
        match socket::connect(ctx, &sock, &SockAddr::from(addr), Some(left(until)?)) {
            Ok(()) => return Ok(TcpStream::from(sock)),
            Err(e) if several => last = format!("{addr}: {}", why(&e)),
            Err(e) => last = why(&e),
        }
    }
    Err(last)
}

/// A stream an HTTP exchange runs over, whose reads and writes can be bounded.
enum Timed {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Timed {
    /// Bound the next reads and writes by what is left of the attempt.
    fn bound(&mut self, until: Instant) -> Result<(), String> {
        let sock = match self {
            Timed::Plain(s) => s,
            Timed::Tls(s) => &mut s.sock,
        };
        let l = left(until)?;
        sock.set_read_timeout(Some(l))
            .and_then(|_| sock.set_write_timeout(Some(l)))
            .map_err(|e| why(&e))
    }

    fn stream(&mut self) -> &mut dyn ReadWrite {
        match self {
            Timed::Plain(s) => s,
            Timed::Tls(s) => s.as_mut(),
        }
    }
}

trait ReadWrite: Read + Write {}
impl<T: Read + Write> ReadWrite for T {}

/// A read or write that failed, in a user's terms (running out of time said as such).
fn io_why(e: &io::Error, doing: &str) -> String {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => format!("timed out {doing}"),
        io::ErrorKind::UnexpectedEof => "closed without an HTTP response".to_string(),
        _ => why(e),
    }
}

/// Send the GET and read the status line: the code and `503 Service Unavailable` as
/// shown (control characters escaped).
fn http_status(stream: &mut Timed, url: &HttpUrl, until: Instant) -> Result<(u16, String), String> {
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: sockkit/{}\r\nAccept: */*\r\nConnection: close\r\n\r\n",
        url.path,
        url.authority,
        env!("CARGO_PKG_VERSION")
    );
    stream.bound(until)?;
    let sent = stream.stream().write_all(request.as_bytes());
    sent.and_then(|_| stream.stream().flush())
        .map_err(|e| io_why(&e, "sending the HTTP request"))?;
    let mut buf = vec![0u8; STATUS_LINE_MAX];
    let mut got = 0;
    let line_end = loop {
        if let Some(at) = buf[..got].iter().position(|&b| b == b'\n') {
            break at;
        }
        if got == buf.len() {
            return Err("not an HTTP response (no status line in the first 8 KiB)".to_string());
        }
        stream
            .bound(until)
            .map_err(|_| "timed out waiting for the HTTP response".to_string())?;
        match stream.stream().read(&mut buf[got..]) {
            Ok(0) if got == 0 => return Err("closed without an HTTP response".to_string()),
            Ok(0) => break got,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted && signals::caught().is_none() => {}
            Err(e) => return Err(io_why(&e, "waiting for the HTTP response")),
        }
    };
    let line = String::from_utf8_lossy(&buf[..line_end]);
    parse_status_line(line.trim_end_matches('\r'))
}

/// `HTTP/1.1 503 Service Unavailable` -> (503, "503 Service Unavailable").
fn parse_status_line(line: &str) -> Result<(u16, String), String> {
    let bad = || format!("not an HTTP response ('{}')", printable(line, 60));
    let rest = line
        .strip_prefix("HTTP/")
        .and_then(|r| r.split_once(' '))
        .map(|(_, rest)| rest)
        .ok_or_else(bad)?;
    let (code, phrase) = rest.split_once(' ').unwrap_or((rest, ""));
    if code.len() != 3 {
        return Err(bad());
    }
    let n: u16 = code.parse().map_err(|_| bad())?;
    if !(100..=599).contains(&n) {
        return Err(bad());
    }
    let shown = format!("{n} {}", printable(phrase.trim(), 60));
    Ok((n, shown.trim_end().to_string()))
}

/// Text from a peer, safe to print: control characters escaped, at most `max` characters.
fn printable(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push_str("...");
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &WaitArgs) -> Result<Plan, Failure> {
        let targets = args
            .targets
            .iter()
            .map(|t| parse_target(t))
            .collect::<Result<Vec<_>, _>>()?;
        let kinds: Vec<SockKind> = if targets.iter().any(|t| matches!(t.kind, Kind::Unix(_))) {
            vec![SockKind::Tcp, SockKind::UnixStream]
        } else {
            vec![SockKind::Tcp]
        };
        ctx.check_sockopts(&kinds)?;
        let deadline = ctx.timeout.unwrap_or(DEFAULT_DEADLINE);
        if deadline.is_zero() {
            return Err(usage("--timeout 0", "wait needs a deadline above zero")
                .with_hint("-w is how long to wait for every target in all (default 30s)"));
        }
        let statuses = match &args.status {
            Some(text) => parse_statuses(text)?,
            None => Statuses(vec![(200, 399)]),
        };
        if args.status.is_some() && !targets.iter().any(|t| matches!(t.kind, Kind::Http(_))) {
            return Err(usage(
                "--status",
                "no http:// or https:// target to apply it to",
            ));
        }
        let needs_tls = targets.iter().any(|t| match &t.kind {
            Kind::Tls { .. } => true,
            Kind::Http(url) => url.secure,
            _ => false,
        });
        let tls = crate::tls::client_options_if(
            needs_tls,
            &args.client,
            "no tls:// or https:// target to apply it to",
        )?;
        let proxy = args.proxy.as_deref().map(Proxy::parse).transpose()?;
        if proxy.is_some() && targets.iter().all(|t| matches!(t.kind, Kind::Unix(_))) {
            return Err(usage("--proxy", "no network target to reach through it"));
        }
        if let Some(prog) = args.command.first()
            && !exec::is_program(prog)
        {
            return Err(usage(
                format!("command '{prog}'"),
                "no such program (not a path to an executable, not found in PATH)",
            ));
        }
        Ok(Plan {
            targets,
            any: args.any,
            deadline,
            checks: Arc::new(Checks {
                statuses,
                tls,
                proxy,
            }),
            command: args.command.clone(),
        })
    }
}

/// `HOST:PORT`, `[V6]:PORT`, `tcp://HOST:PORT`, `unix:PATH`, `tls://HOST:PORT`,
/// `http://HOST[:PORT][/PATH]`, `https://..`.
fn parse_target(text: &str) -> Result<Target, Failure> {
    let host_port = |bare: &str| -> Result<(String, u16), Failure> {
        let (host, port) = split_host_port(bare).ok_or_else(|| {
            usage(
                format!("target '{text}'"),
                "not HOST:PORT, unix:PATH, tls://HOST:PORT or http(s)://HOST[:PORT]/PATH",
            )
        })?;
        Ok((
            endpoint::validate_host(host)?,
            endpoint::parse_port(port, Proto::Tcp)?,
        ))
    };
    let kind = if let Some(path) = text
        .strip_prefix("unix://")
        .or_else(|| text.strip_prefix("unix:"))
    {
        Kind::Unix(UnixPath::parse(path)?)
    } else if let Some(rest) = strip_scheme(text, "http") {
        Kind::Http(parse_http(text, rest, false)?)
    } else if let Some(rest) = strip_scheme(text, "https") {
        Kind::Http(parse_http(text, rest, true)?)
    } else if let Some(rest) = strip_scheme(text, "tls") {
        let (host, port) = host_port(rest.strip_suffix('/').unwrap_or(rest))?;
        Kind::Tls { host, port }
    } else if let Some((scheme, _)) = text.split_once("://")
        && !scheme.eq_ignore_ascii_case("tcp")
    {
        return Err(usage(
            format!("target '{text}'"),
            format!("unknown scheme '{scheme}' (HOST:PORT, unix:, tls://, http://, https://)"),
        ));
    } else {
        let bare = strip_scheme(text, "tcp").unwrap_or(text);
        let (host, port) = host_port(bare)?;
        Kind::Tcp { host, port }
    };
    Ok(Target {
        text: text.to_string(),
        kind,
    })
}

/// The rest of `text` after `scheme://` (the scheme in any case).
fn strip_scheme<'a>(text: &'a str, scheme: &str) -> Option<&'a str> {
    let (s, rest) = text.split_once("://")?;
    s.eq_ignore_ascii_case(scheme).then_some(rest)
}

/// `host:port` or `[v6]:port`; the port may not be missing.
fn split_host_port(word: &str) -> Option<(&str, &str)> {
    if let Some(rest) = word.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return Some((host, after.strip_prefix(':')?));
    }
    let (host, port) = word.rsplit_once(':')?;
    if host.contains(':') || host.is_empty() || port.is_empty() {
        return None;
    }
    Some((host, port))
}

/// `http://host[:port][/path][?query]` (`https://` when `secure`): the request's target
/// and where to connect.
fn parse_http(text: &str, rest: &str, secure: bool) -> Result<HttpUrl, Failure> {
    let default_port = if secure { 443 } else { 80 };
    let bad = |why: &str| usage(format!("URL '{text}'"), why);
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(split);
    if authority.contains('@') {
        return Err(bad("credentials in the URL are not supported"));
    }
    let path = tail.split('#').next().unwrap_or("");
    if path.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return Err(bad("spaces and control characters must be percent-encoded"));
    }
    let path = match path {
        "" => "/".to_string(),
        p if p.starts_with('?') => format!("/{p}"),
        p => p.to_string(),
    };
    let (host, port) = if authority.starts_with('[') || authority.matches(':').count() == 1 {
        match split_host_port(authority) {
            Some((h, p)) => (h, endpoint::parse_port(p, Proto::Tcp)?),
            None if authority.ends_with(']') => (&authority[1..authority.len() - 1], default_port),
            None => return Err(bad("not a valid host[:port]")),
        }
    } else {
        (authority, default_port)
    };
    if host.is_empty() {
        return Err(bad("no host"));
    }
    let host = endpoint::validate_host(host)?;
    Ok(HttpUrl {
        secure,
        host,
        port,
        path,
        authority: authority.to_string(),
    })
}

/// `--status 200,204,300-399`: codes and ranges of 100-599.
fn parse_statuses(text: &str) -> Result<Statuses, Failure> {
    let bad = |why: String| usage(format!("--status '{text}'"), why);
    let code = |s: &str| -> Result<u16, Failure> {
        match s.trim().parse::<u16>() {
            Ok(n) if (100..=599).contains(&n) => Ok(n),
            _ => Err(bad(format!(
                "'{}' is not an HTTP status (100-599)",
                s.trim()
            ))),
        }
    };
    let mut ranges = Vec::new();
    for part in text.split(',') {
        let (lo, hi) = match part.split_once('-') {
            Some((a, b)) => (code(a)?, code(b)?),
            None => {
                let c = code(part)?;
                (c, c)
            }
        };
        if lo > hi {
            return Err(bad(format!("range {lo}-{hi} runs backwards")));
        }
        ranges.push((lo, hi));
    }
    Ok(Statuses(ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Kind {
        parse_target(text).unwrap().kind
    }

    #[test]
    fn target_forms() {
        assert_eq!(
            kind("127.0.0.1:80"),
            Kind::Tcp {
                host: "127.0.0.1".into(),
                port: 80
            }
        );
        assert_eq!(
            kind("tcp://[::1]:http"),
            Kind::Tcp {
                host: "::1".into(),
                port: 80
            }
        );
        assert_eq!(
            kind("unix:/run/x.sock"),
            Kind::Unix(UnixPath::parse("/run/x.sock").unwrap())
        );
        assert_eq!(
            kind("unix:@abs"),
            Kind::Unix(UnixPath::parse("@abs").unwrap())
        );
        let Kind::Http(u) = kind("http://127.0.0.1:8080/health?x=1") else {
            panic!()
        };
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("127.0.0.1", 8080, "/health?x=1")
        );
        assert_eq!(u.authority, "127.0.0.1:8080");
        let Kind::Http(u) = kind("HTTP://[::1]") else {
            panic!()
        };
        assert_eq!((u.host.as_str(), u.port, u.path.as_str()), ("::1", 80, "/"));
        let Kind::Http(u) = kind("http://example.org?q") else {
            panic!()
        };
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("example.org", 80, "/?q")
        );
    }

    #[test]
    fn bad_targets_are_usage_errors() {
        for bad in [
            "127.0.0.1",
            "127.0.0.1:",
            "127.0.0.1:70000",
            "1.2.3.999:80",
            "ftp://x:21",
            "http://",
            "http://u:p@host/",
            "http://h:99999/",
            "http://h/a b",
            "unix:",
            "",
        ] {
            assert_eq!(parse_target(bad).unwrap_err().code, 2, "{bad}");
        }
    }

    #[test]
    fn status_lines() {
        assert_eq!(
            parse_status_line("HTTP/1.1 503 Service Unavailable").unwrap(),
            (503, "503 Service Unavailable".to_string())
        );
        assert_eq!(
            parse_status_line("HTTP/1.0 200").unwrap(),
            (200, "200".to_string())
        );
        assert!(parse_status_line("SSH-2.0-OpenSSH").is_err());
        assert!(parse_status_line("HTTP/1.1 2000 x").is_err());
        let e = parse_status_line("HTTP/1.1 abc \x1b[31m").unwrap_err();
        assert!(e.contains("\\u{1b}"), "{e}");
    }

    #[test]
    fn status_lists() {
        let s = parse_statuses("200,300-399").unwrap();
        assert!(s.accepts(200) && s.accepts(302) && !s.accepts(204) && !s.accepts(400));
        for bad in ["", "99", "600", "300-200", "2xx", "200,"] {
            assert_eq!(parse_statuses(bad).unwrap_err().code, 2, "{bad}");
        }
    }
}
