//! `sockkit conns`: the sockets on this host, like `ss`, with the same columns whatever the
//! filter and JSON records for scripts.
//!
//! The options become a [`Selection`]: what to ask the platform for (`diag::Query`: protocols,
//! families, states, ports) plus what only we can check (address prefixes). The platform may
//! answer with more than asked; every row still passes [`Selection::keeps`].

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use ipnet::IpNet;
use serde_json::{Value, json};

use crate::cli::ConnsArgs;
use crate::diag::{self, Query, Socket, States, state};
use crate::endpoint::{Proto, parse_ip, parse_port};
use crate::error::{Failure, usage};
use crate::options::Ctx;
use crate::output::{Records, Style};
use crate::parse;

pub fn run(ctx: &Ctx, args: &ConnsArgs) -> anyhow::Result<()> {
    let sel = Selection::from_args(ctx, args)?;
    let every = args.watch.as_deref().map(watch_interval).transpose()?;
    let mut shown = Shown::default();
    let Some(every) = every else {
        return show(ctx, &sel, &mut shown);
    };
    // Runs until interrupted, as `watch` does; a failed round ends it with that failure.
    loop {
        if !ctx.out.json() {
            let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now());
            let every_text = humantime::format_duration(every);
            ctx.out.line(
                &ctx.out
                    .paint(&format!("Every {every_text}: {now}"), Style::Dim),
            )?;
        }
        show(ctx, &sel, &mut shown)?;
        std::thread::sleep(every);
    }
}

fn watch_interval(text: &str) -> Result<Duration, Failure> {
    let d = parse::duration(text).map_err(|e| e.prefixed("--watch"))?;
    if d.is_zero() {
        return Err(usage(format!("--watch {text}"), "must be longer than zero"));
    }
    Ok(d)
}

/// What was asked for, checked.
#[derive(Debug)]
struct Selection {
    query: Query,
    src: Option<IpNet>,
    dst: Option<IpNet>,
    processes: bool,
    resolve: bool,
    summary: bool,
}

impl Selection {
    fn from_args(ctx: &Ctx, a: &ConnsArgs) -> Result<Selection, Failure> {
        let protos = match (a.tcp, a.udp) {
            (false, true) => vec![Proto::Udp],
            (true, true) => vec![Proto::Tcp, Proto::Udp],
            // A summary is an overview: both protocols unless one is asked for.
            (false, false) if a.summary => vec![Proto::Tcp, Proto::Udp],
            _ => vec![Proto::Tcp],
        };
        // Service names are looked up for the protocol shown (TCP when both).
        let port_proto = protos[0];
        let port = |flag: &str, text: &Option<String>| {
            text.as_deref()
                .map(|t| parse_port(t, port_proto).map_err(|e| e.prefixed(flag)))
                .transpose()
        };
        let query = Query {
            protos,
            family: ctx.family,
            states: states(a)?,
            sport: port("--sport", &a.sport)?,
            dport: port("--dport", &a.dport)?,
            either_port: port("--port", &a.port)?,
            info: a.info,
            memory: a.memory,
        };
        Ok(Selection {
            query,
            src: a.src.as_deref().map(|t| prefix("--src", t)).transpose()?,
            dst: a.dst.as_deref().map(|t| prefix("--dst", t)).transpose()?,
            processes: a.processes,
            resolve: a.resolve,
            summary: a.summary,
        })
    }

    /// Everything the platform could not filter by itself is checked here.
    fn keeps(&self, s: &Socket) -> bool {
        let q = &self.query;
        let remote_port = s.remote.map_or(0, |r| r.port());
        q.protos.contains(&s.proto)
            && q.family.allows(&s.local.ip())
            && q.states.contains(s.state)
            && q.sport.is_none_or(|p| s.local.port() == p)
            && q.dport.is_none_or(|p| remote_port == p)
            && q.either_port
                .is_none_or(|p| s.local.port() == p || remote_port == p)
            && self.src.is_none_or(|n| in_net(&n, s.local.ip()))
            && self
                .dst
                .is_none_or(|n| s.remote.is_some_and(|r| in_net(&n, r.ip())))
    }
}

/// The state set: `--state` names and groups, `-a`, `-l`, together; ESTABLISHED when
/// none is given (all states for `-s`).
fn states(a: &ConnsArgs) -> Result<States, Failure> {
    let mut set = States(0);
    for name in &a.state {
        set = set | state_set(name)?;
    }
    if a.all {
        set = set | States::ALL;
    }
    if a.listening {
        // As ss: a UDP socket "listens" when bound and unconnected.
        set = set | States::of(state::LISTEN) | States::of(state::CLOSE);
    }
    if set.0 == 0 {
        set = if a.summary {
            States::ALL
        } else {
            States::of(state::ESTABLISHED)
        };
    }
    Ok(set)
}

const STATE_NAMES: &[(&str, u8)] = &[
    ("established", state::ESTABLISHED),
    ("syn-sent", state::SYN_SENT),
    ("syn-recv", state::SYN_RECV),
    ("fin-wait-1", state::FIN_WAIT1),
    ("fin-wait-2", state::FIN_WAIT2),
    ("time-wait", state::TIME_WAIT),
    ("closed", state::CLOSE),
    ("close-wait", state::CLOSE_WAIT),
    ("last-ack", state::LAST_ACK),
    ("listening", state::LISTEN),
    ("closing", state::CLOSING),
];

/// One of ss's state names or groups (`man ss`, STATE-FILTER), case-insensitive; the
/// names ss prints (`ESTAB`, `LISTEN`, `UNCONN`, `TIME_WAIT`) are accepted too.
fn state_set(text: &str) -> Result<States, Failure> {
    let name = text.trim().to_ascii_lowercase().replace('_', "-");
    let one = |s| States::of(s);
    let listen_or_closed = one(state::LISTEN) | one(state::CLOSE);
    let bucket = one(state::SYN_RECV) | one(state::TIME_WAIT);
    let connected = States(States::ALL.0 & !listen_or_closed.0);
    let set = match name.as_str() {
        "all" => States::ALL,
        "connected" => connected,
        "synchronized" => States(connected.0 & !one(state::SYN_SENT).0),
        "bucket" => bucket,
        "big" => States(States::ALL.0 & !bucket.0),
        "estab" => one(state::ESTABLISHED),
        "listen" => one(state::LISTEN),
        "unconn" | "unconnected" => one(state::CLOSE),
        _ => match STATE_NAMES.iter().find(|(n, _)| *n == name) {
            Some((_, s)) => one(*s),
            None => {
                let names: Vec<&str> = STATE_NAMES.iter().map(|(n, _)| *n).collect();
                return Err(usage(
                    format!("--state '{text}'"),
                    format!(
                        "unknown state; one of {}, or a group: connected synchronized bucket big all",
                        names.join(" ")
                    ),
                ));
            }
        },
    };
    Ok(set)
}

/// `ADDR` or `ADDR/PREFIX`; a bare address is the one host.
fn prefix(flag: &str, text: &str) -> Result<IpNet, Failure> {
    let t = text.trim();
    let bad = |why: &str| usage(format!("{flag} '{t}'"), why.to_string());
    match t.split_once('/') {
        Some((addr, len)) => {
            let (ip, _) = parse_ip(addr).ok_or_else(|| bad("not an IP address"))?;
            let len: u8 = len
                .parse()
                .map_err(|_| bad("the prefix length is not a number"))?;
            IpNet::new(ip, len).map_err(|_| {
                let max = if ip.is_ipv4() { 32 } else { 128 };
                bad(&format!("prefix length {len} is more than {max}"))
            })
        }
        None => {
            let (ip, _) = parse_ip(t).ok_or_else(|| bad("not an IP address or ADDR/PREFIX"))?;
            Ok(IpNet::from(ip))
        }
    }
}

/// An IPv4 prefix also matches the IPv4-mapped addresses of dual-stack sockets
/// (`::ffff:127.0.0.1`): it is the same peer.
fn in_net(net: &IpNet, ip: IpAddr) -> bool {
    net.contains(&ip) || net.contains(&ip.to_canonical())
}

/// What one run has already told the user, so a `--watch` loop says it once.
#[derive(Default)]
struct Shown {
    hidden_warning: bool,
}

fn show(ctx: &Ctx, sel: &Selection, shown: &mut Shown) -> anyhow::Result<()> {
    // With -p the process table is scanned while the kernel lists the sockets.
    let (sockets, owners) = std::thread::scope(|s| {
        let owners = (sel.processes && !sel.summary).then(|| s.spawn(diag::owner_table));
        let sockets = diag::sockets(&sel.query);
        (sockets, owners.map(|h| h.join().unwrap_or_default()))
    });
    let mut sockets = sockets?;
    sockets.retain(|s| sel.keeps(s));
    if sel.summary {
        return summary(ctx, &sockets);
    }
    if let Some(owners) = owners {
        let hidden = owners.hidden_processes;
        owners.attach(&mut sockets);
        if hidden > 0 && !shown.hidden_warning {
            shown.hidden_warning = true;
            ctx.out.warn(&format!(
                "cannot see which sockets {hidden} processes of other users own; \
                 run as root to see every owner"
            ));
        }
    }
    let order = sorted(&sockets);
    let mut names = Names::new(sel.resolve);
    let mut out = ctx.out.records();
    if ctx.out.json() {
        for &i in &order {
            let s = &sockets[i];
            out.record(String::new, || record_json(s, &mut names, sel))?;
        }
    } else {
        let table = Table::new(&sockets, &order, &mut names, Extra::chosen(sel));
        table.write(ctx, &mut out, &mut names)?;
    }
    out.finish()
}

/// The order rows are shown in: by protocol, then local and peer endpoint (IPv4 first).
/// Sorting plain integer keys keeps this cheap for tens of thousands of sockets.
fn sorted(sockets: &[Socket]) -> Vec<usize> {
    fn addr_key(a: Option<SocketAddr>) -> (u8, u128, u16) {
        match a {
            None => (0, 0, 0),
            Some(SocketAddr::V4(v4)) => (1, u32::from(*v4.ip()).into(), v4.port()),
            Some(SocketAddr::V6(v6)) => (2, u128::from(*v6.ip()), v6.port()),
        }
    }
    let mut keyed: Vec<_> = sockets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                (s.proto as u8, addr_key(Some(s.local)), addr_key(s.remote)),
                i,
            )
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

fn record_json(s: &Socket, names: &mut Names, sel: &Selection) -> Value {
    let mut v = json!({
        "proto": s.proto.name(),
        "family": if s.local.is_ipv4() { "inet" } else { "inet6" },
        "state": diag::state_name(s.state),
        "local_addr": s.local.ip().to_string(),
        "local_port": s.local.port(),
        "remote_addr": s.remote.map(|r| r.ip().to_string()),
        "remote_port": s.remote.map(|r| r.port()),
        "recv_q": s.recv_q,
        "send_q": s.send_q,
        "uid": s.uid,
        "inode": s.inode,
        "timer": s.timer.map(|t| json!({
            "kind": t.kind,
            "expires_ms": t.expires_ms,
            "retrans": t.retrans,
        })),
        "processes": sel.processes.then(|| {
            s.owners
                .iter()
                .map(|o| json!({"pid": o.pid, "name": o.name, "fd": o.fd}))
                .collect::<Vec<_>>()
        }),
    });
    if sel.query.info {
        v["info"] = s.info.as_deref().map_or(Value::Null, info_json);
    }
    if sel.query.memory {
        v["memory"] = s.memory.as_deref().map_or(Value::Null, memory_json);
    }
    if sel.resolve {
        v["local_name"] = json!(names.host(s.local.ip()));
        v["remote_name"] = json!(s.remote.and_then(|r| names.host(r.ip())));
    }
    v
}

const HEADERS: [&str; 5] = [
    "State",
    "Recv-Q",
    "Send-Q",
    "Local Address:Port",
    "Peer Address:Port",
];

/// Columns that options add after the five fixed ones, always in this order; `Info` has
/// spaces inside, so it comes last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    Memory,
    Process,
    Info,
}

impl Extra {
    fn chosen(sel: &Selection) -> Vec<Extra> {
        let mut v = Vec::new();
        if sel.query.memory {
            v.push(Extra::Memory);
        }
        if sel.processes {
            v.push(Extra::Process);
        }
        if sel.query.info {
            v.push(Extra::Info);
        }
        v
    }

    fn header(self) -> &'static str {
        match self {
            Extra::Memory => "Memory",
            Extra::Process => "Process",
            Extra::Info => "Info",
        }
    }

    fn push(self, t: &mut String, s: &Socket) {
        match self {
            Extra::Memory => push_memory(t, s),
            Extra::Process => push_owners(t, s),
            Extra::Info => push_info(t, s),
        }
    }
}

/// The plain table, in two passes over the rows: one for the column widths, one that
/// writes each line straight into the output buffer, so 20,000 rows cost a handful of
/// allocations.
struct Table<'a> {
    sockets: &'a [Socket],
    order: &'a [usize],
    extras: Vec<Extra>,
    widths: [usize; 5],
    extra_widths: Vec<usize>,
}

impl<'a> Table<'a> {
    fn new(
        sockets: &'a [Socket],
        order: &'a [usize],
        names: &mut Names,
        extras: Vec<Extra>,
    ) -> Self {
        let mut widths: [usize; 5] = std::array::from_fn(|i| HEADERS[i].len());
        let mut extra_widths: Vec<usize> = extras.iter().map(|e| e.header().len()).collect();
        let mut scratch = String::new();
        for &i in order {
            let s = &sockets[i];
            widths[0] = widths[0].max(diag::state_name(s.state).len());
            widths[1] = widths[1].max(digits(s.recv_q));
            widths[2] = widths[2].max(digits(s.send_q));
            widths[3] = widths[3].max(endpoint_len(&mut scratch, Some(s.local), s.proto, names));
            widths[4] = widths[4].max(endpoint_len(&mut scratch, s.remote, s.proto, names));
            for (e, w) in extras.iter().zip(&mut extra_widths) {
                scratch.clear();
                e.push(&mut scratch, s);
                *w = (*w).max(scratch.len());
            }
        }
        Table {
            sockets,
            order,
            extras,
            widths,
            extra_widths,
        }
    }

    fn write(&self, ctx: &Ctx, out: &mut Records, names: &mut Names) -> anyhow::Result<()> {
        let w = self.widths;
        let mut line = String::with_capacity(256);
        for (i, h) in HEADERS.iter().enumerate() {
            pad(&mut line, h, w[i], i == 1 || i == 2);
        }
        for (e, ew) in self.extras.iter().zip(&self.extra_widths) {
            pad(&mut line, e.header(), *ew, false);
        }
        out.line(&ctx.out.paint(line.trim_end(), Style::Header))?;
        // The state column painted once per state, not once per row.
        let mut painted: [Option<String>; 16] = Default::default();
        let mut extra = String::new();
        for &i in self.order {
            let s = &self.sockets[i];
            let state = painted[usize::from(s.state & 15)].get_or_insert_with(|| {
                let padded = format!("{:<w$}", diag::state_name(s.state), w = w[0]);
                match s.state {
                    state::ESTABLISHED => ctx.out.paint(&padded, Style::Good),
                    state::LISTEN | state::CLOSE => padded,
                    _ => ctx.out.paint(&padded, Style::Warn),
                }
            });
            line.clear();
            line.push_str(state);
            line.push(' ');
            push_right(&mut line, s.recv_q, w[1]);
            push_right(&mut line, s.send_q, w[2]);
            push_column(&mut line, w[3], |l| {
                push_socket_addr(l, Some(s.local), s.proto, names)
            });
            push_column(&mut line, w[4], |l| {
                push_socket_addr(l, s.remote, s.proto, names)
            });
            for (e, ew) in self.extras.iter().zip(&self.extra_widths) {
                extra.clear();
                e.push(&mut extra, s);
                let fill = ew.saturating_sub(extra.len());
                if *e == Extra::Process && !extra.is_empty() {
                    line.push_str(&ctx.out.paint(&extra, Style::Dim));
                } else {
                    line.push_str(&extra);
                }
                line.extend(std::iter::repeat_n(' ', fill + 1));
            }
            line.truncate(line.trim_end().len());
            out.line(&line)?;
        }
        Ok(())
    }
}

/// `skmem:(r0,rb131072,t0,tb2626560,f0,w0,o0,bl0,d0)`, as ss -m writes it.
fn push_memory(t: &mut String, s: &Socket) {
    use std::fmt::Write;
    if let Some(m) = s.memory.as_deref() {
        let _ = write!(
            t,
            "skmem:(r{},rb{},t{},tb{},f{},w{},o{},bl{},d{})",
            m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]
        );
    }
}

/// `cubic rtt=0.05/0.02ms rto=201ms mss=32768 cwnd=10 retrans=0/0 ...`
fn push_info(t: &mut String, s: &Socket) {
    use std::fmt::Write;
    let Some(i) = s.info.as_deref() else {
        return;
    };
    if let Some(c) = &i.congestion {
        let _ = write!(t, "{c} ");
    }
    let ms = |us: u32| f64::from(us) / 1000.0;
    let _ = write!(
        t,
        "rtt={:.3}/{:.3}ms rto={}ms mss={} cwnd={}",
        ms(i.rtt_us),
        ms(i.rttvar_us),
        i.rto_us / 1000,
        i.snd_mss,
        i.cwnd
    );
    if let Some(ss) = i.ssthresh {
        let _ = write!(t, " ssthresh={ss}");
    }
    let _ = write!(
        t,
        " unacked={} lost={} retrans={}/{}",
        i.unacked, i.lost, i.retransmits, i.total_retrans
    );
    if let (Some(a), Some(r)) = (i.bytes_acked, i.bytes_received) {
        let _ = write!(t, " bytes_acked={a} bytes_received={r}");
    }
}

fn info_json(i: &diag::TcpInfo) -> Value {
    json!({
        "congestion": i.congestion,
        "rtt_us": i.rtt_us,
        "rttvar_us": i.rttvar_us,
        "rto_us": i.rto_us,
        "snd_mss": i.snd_mss,
        "rcv_mss": i.rcv_mss,
        "cwnd": i.cwnd,
        "ssthresh": i.ssthresh,
        "unacked": i.unacked,
        "lost": i.lost,
        "retransmits": i.retransmits,
        "total_retrans": i.total_retrans,
        "pmtu": i.pmtu,
        "bytes_acked": i.bytes_acked,
        "bytes_received": i.bytes_received,
        "segs_out": i.segs_out,
        "segs_in": i.segs_in,
    })
}

fn memory_json(m: &[u32; 9]) -> Value {
    json!({
        "rmem_alloc": m[0],
        "rcvbuf": m[1],
        "wmem_alloc": m[2],
        "sndbuf": m[3],
        "fwd_alloc": m[4],
        "wmem_queued": m[5],
        "optmem": m[6],
        "backlog": m[7],
        "drops": m[8],
    })
}

/// A number right-aligned in `width`, and a column gap.
fn push_right(line: &mut String, n: u32, width: usize) {
    line.extend(std::iter::repeat_n(' ', width.saturating_sub(digits(n))));
    push_num(line, n);
    line.push(' ');
}

/// A decimal number without the formatting machinery (the table's hot path).
fn push_num(t: &mut String, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    t.extend(buf[i..].iter().map(|&d| char::from(d)));
}

/// Append what `fill` writes, padded to `width`, and a column gap.
fn push_column(line: &mut String, width: usize, fill: impl FnOnce(&mut String)) {
    let start = line.len();
    fill(line);
    let fill = width.saturating_sub(line.len() - start);
    line.extend(std::iter::repeat_n(' ', fill + 1));
}

/// An endpoint as the table shows it; `*:*` for no peer.
fn push_socket_addr(t: &mut String, addr: Option<SocketAddr>, proto: Proto, names: &mut Names) {
    match addr {
        Some(a) => {
            let host = names.host(a.ip());
            let service = names.port(a.port(), proto);
            push_endpoint(t, a, host.as_deref(), service.as_deref());
        }
        None => t.push_str("*:*"),
    }
}

/// The length of [`push_socket_addr`]'s text; numeric IPv4, the common case by far, is
/// counted without formatting it.
fn endpoint_len(
    scratch: &mut String,
    addr: Option<SocketAddr>,
    proto: Proto,
    names: &mut Names,
) -> usize {
    match addr {
        Some(SocketAddr::V4(a)) if !names.on => {
            let octets: usize = a.ip().octets().iter().map(|&o| digits(o.into())).sum();
            octets + 3 + 1 + digits(a.port().into())
        }
        _ => {
            scratch.clear();
            push_socket_addr(scratch, addr, proto, names);
            scratch.len()
        }
    }
}

/// `text` padded to `width` and a column gap.
fn pad(line: &mut String, text: &str, width: usize, right: bool) {
    let fill = width.saturating_sub(text.len());
    if right {
        line.extend(std::iter::repeat_n(' ', fill));
        line.push_str(text);
    } else {
        line.push_str(text);
        line.extend(std::iter::repeat_n(' ', fill));
    }
    line.push(' ');
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// `127.0.0.1:80`, `[::1]:80`, or with `-r` `localhost:http`.
fn push_endpoint(t: &mut String, addr: SocketAddr, host: Option<&str>, service: Option<&str>) {
    use std::fmt::Write;
    match (host, addr.ip()) {
        (Some(h), _) => t.push_str(h),
        (None, IpAddr::V6(v6)) => {
            let _ = write!(t, "[{v6}]");
        }
        (None, IpAddr::V4(v4)) => {
            for (i, o) in v4.octets().into_iter().enumerate() {
                if i > 0 {
                    t.push('.');
                }
                push_num(t, o.into());
            }
        }
    }
    t.push(':');
    match service {
        Some(name) => t.push_str(name),
        None => push_num(t, addr.port().into()),
    }
}

/// `python3(pid=42,fd=7),nginx(pid=43,fd=7)`
fn push_owners(t: &mut String, s: &Socket) {
    use std::fmt::Write;
    for (i, o) in s.owners.iter().enumerate() {
        if i > 0 {
            t.push(',');
        }
        let _ = match o.fd {
            Some(fd) => write!(t, "{}(pid={},fd={})", o.name, o.pid, fd),
            None => write!(t, "{}(pid={})", o.name, o.pid),
        };
    }
}

/// `-r`: host and service names, each looked up once per run.
struct Names {
    on: bool,
    hosts: HashMap<IpAddr, Option<String>>,
    services: HashMap<(u16, &'static str), Option<String>>,
}

impl Names {
    fn new(on: bool) -> Names {
        Names {
            on,
            hosts: HashMap::new(),
            services: HashMap::new(),
        }
    }

    fn host(&mut self, ip: IpAddr) -> Option<String> {
        if !self.on || ip.is_unspecified() {
            return None;
        }
        self.hosts
            .entry(ip)
            .or_insert_with(|| {
                dns_lookup::lookup_addr(&ip)
                    .ok()
                    .filter(|n| n.parse::<IpAddr>().is_err())
            })
            .clone()
    }

    fn port(&mut self, port: u16, proto: Proto) -> Option<String> {
        if !self.on || port == 0 {
            return None;
        }
        self.services
            .entry((port, proto.name()))
            .or_insert_with(|| service_name(port, proto))
            .clone()
    }
}

/// getservbyport(3): the service name of a port, if it has one.
fn service_name(port: u16, proto: Proto) -> Option<String> {
    let cproto = std::ffi::CString::new(proto.name()).ok()?;
    // SAFETY: the result points to static storage, read at once; sockkit looks services
    // up from one thread.
    let ent = unsafe { libc::getservbyport(i32::from(port.to_be()), cproto.as_ptr()) };
    if ent.is_null() {
        return None;
    }
    // SAFETY: a non-null servent has a NUL-terminated name.
    let name = unsafe { std::ffi::CStr::from_ptr((*ent).s_name) };
    Some(name.to_string_lossy().into_owned())
}

/// `-s`: counts by protocol and state.
fn summary(ctx: &Ctx, sockets: &[Socket]) -> anyhow::Result<()> {
    let mut counts: BTreeMap<(&str, u8), u64> = BTreeMap::new();
    for s in sockets {
        *counts.entry((s.proto.name(), s.state)).or_default() += 1;
    }
    let mut out: Records = ctx.out.records();
    if !ctx.out.json() {
        out.line(&ctx.out.paint(
            &format!("{:<5} {:<11} {:>7}", "Proto", "State", "Count"),
            Style::Header,
        ))?;
    }
    for ((proto, st), n) in &counts {
        let name = diag::state_name(*st);
        out.record(
            || format!("{proto:<5} {name:<11} {n:>7}"),
            || json!({"proto": proto, "state": name, "count": n}),
        )?;
    }
    if !ctx.out.json() {
        out.line(&format!("{:<17} {:>7}", "total", sockets.len()))?;
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_ss_groups() {
        let s = |n| state_set(n).unwrap();
        assert!(s("connected").contains(state::TIME_WAIT));
        assert!(!s("connected").contains(state::LISTEN));
        assert!(!s("synchronized").contains(state::SYN_SENT));
        assert_eq!(
            s("bucket"),
            States::of(state::SYN_RECV) | States::of(state::TIME_WAIT)
        );
        assert!(s("big").contains(state::LISTEN) && !s("big").contains(state::TIME_WAIT));
        assert_eq!(s("ESTAB"), s("established"));
        assert!(state_set("estabilshed").is_err());
    }

    #[test]
    fn prefixes() {
        assert!(prefix("--src", "10.0.0.0/8").is_ok());
        assert!(prefix("--src", "::1").is_ok());
        assert!(prefix("--src", "10.0.0.0/33").is_err());
        assert!(prefix("--src", "10.0.0.0/x").is_err());
        assert!(prefix("--src", "host.example").is_err());
        let net = prefix("--dst", "127.0.0.0/8").unwrap();
        assert!(in_net(&net, "::ffff:127.0.0.1".parse().unwrap()));
        assert!(!in_net(&net, "::1".parse().unwrap()));
    }
}
