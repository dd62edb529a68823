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
    let mut sockets = diag::sockets(&sel.query)?;
    sockets.retain(|s| sel.keeps(s));
    if sel.summary {
        return summary(ctx, &sockets);
    }
    sockets.sort_by(|a, b| {
        (a.proto.name(), a.local, a.remote).cmp(&(b.proto.name(), b.local, b.remote))
    });
    if sel.processes {
        let hidden = diag::attach_owners(&mut sockets);
        if hidden > 0 && !shown.hidden_warning {
            shown.hidden_warning = true;
            ctx.out.warn(&format!(
                "cannot see which sockets {hidden} processes of other users own; \
                 run as root to see every owner"
            ));
        }
    }
    let mut names = Names::new(sel.resolve);
    let rows: Vec<Row> = sockets
        .iter()
        .map(|s| Row::new(s, &mut names, sel.processes))
        .collect();
    let mut out = ctx.out.records();
    if !ctx.out.json() {
        let widths = Widths::of(&rows, sel.processes);
        out.line(&ctx.out.paint(&widths.header(sel.processes), Style::Header))?;
        for row in &rows {
            out.line(&widths.line(ctx, row, sel.processes))?;
        }
    } else {
        for (s, row) in sockets.iter().zip(&rows) {
            out.record(String::new, || record_json(s, row, sel))?;
        }
    }
    out.finish()
}

/// A socket's columns as text.
struct Row {
    state: &'static str,
    recv_q: String,
    send_q: String,
    local: String,
    peer: String,
    process: String,
    local_name: Option<String>,
    remote_name: Option<String>,
}

impl Row {
    fn new(s: &Socket, names: &mut Names, processes: bool) -> Row {
        let local_name = names.host(s.local.ip());
        let remote_name = s.remote.and_then(|r| names.host(r.ip()));
        let local = endpoint(s.local, local_name.as_deref(), names.service(s));
        let peer = match s.remote {
            Some(r) => endpoint(r, remote_name.as_deref(), names.port(r.port(), s.proto)),
            None => "*:*".to_string(),
        };
        let process = if processes {
            s.owners
                .iter()
                .map(|o| match o.fd {
                    Some(fd) => format!("{}(pid={},fd={})", o.name, o.pid, fd),
                    None => format!("{}(pid={})", o.name, o.pid),
                })
                .collect::<Vec<_>>()
                .join(",")
        } else {
            String::new()
        };
        Row {
            state: diag::state_name(s.state),
            recv_q: s.recv_q.to_string(),
            send_q: s.send_q.to_string(),
            local,
            peer,
            process,
            local_name,
            remote_name,
        }
    }
}

/// `127.0.0.1:80`, `[::1]:80`, or with `-r` `localhost:http`.
fn endpoint(addr: SocketAddr, host: Option<&str>, service: Option<String>) -> String {
    let port = service.unwrap_or_else(|| addr.port().to_string());
    match (host, addr.ip()) {
        (Some(h), _) => format!("{h}:{port}"),
        (None, IpAddr::V6(v6)) => format!("[{v6}]:{port}"),
        (None, v4) => format!("{v4}:{port}"),
    }
}

fn record_json(s: &Socket, row: &Row, sel: &Selection) -> Value {
    let mut v = json!({
        "proto": s.proto.name(),
        "family": if s.local.is_ipv4() { "inet" } else { "inet6" },
        "state": row.state,
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
    if sel.resolve {
        v["local_name"] = json!(row.local_name);
        v["remote_name"] = json!(row.remote_name);
    }
    v
}

/// Column widths that fit every row, so the table lines up whatever it holds.
struct Widths {
    state: usize,
    recv_q: usize,
    send_q: usize,
    local: usize,
    peer: usize,
}

const HEADERS: [&str; 6] = [
    "State",
    "Recv-Q",
    "Send-Q",
    "Local Address:Port",
    "Peer Address:Port",
    "Process",
];

impl Widths {
    fn of(rows: &[Row], _processes: bool) -> Widths {
        let max =
            |h: &str, f: &dyn Fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0).max(h.len());
        Widths {
            state: max(HEADERS[0], &|r| r.state.len()),
            recv_q: max(HEADERS[1], &|r| r.recv_q.len()),
            send_q: max(HEADERS[2], &|r| r.send_q.len()),
            local: max(HEADERS[3], &|r| r.local.len()),
            peer: max(HEADERS[4], &|r| r.peer.len()),
        }
    }

    fn header(&self, processes: bool) -> String {
        let h = &HEADERS;
        let mut line = format!(
            "{:<sw$} {:>rw$} {:>qw$} {:<lw$} {:<pw$}",
            h[0],
            h[1],
            h[2],
            h[3],
            h[4],
            sw = self.state,
            rw = self.recv_q,
            qw = self.send_q,
            lw = self.local,
            pw = self.peer,
        );
        if processes {
            line.push(' ');
            line.push_str(h[5]);
        }
        line.trim_end().to_string()
    }

    fn line(&self, ctx: &Ctx, r: &Row, processes: bool) -> String {
        let state = format!("{:<w$}", r.state, w = self.state);
        let state = match r.state {
            "ESTABLISHED" => ctx.out.paint(&state, Style::Good),
            "LISTEN" | "UNCONN" => state,
            _ => ctx.out.paint(&state, Style::Warn),
        };
        let mut line = format!(
            "{state} {:>rw$} {:>qw$} {:<lw$} {:<pw$}",
            r.recv_q,
            r.send_q,
            r.local,
            r.peer,
            rw = self.recv_q,
            qw = self.send_q,
            lw = self.local,
            pw = self.peer,
        );
        if processes && !r.process.is_empty() {
            line.push(' ');
            line.push_str(&ctx.out.paint(&r.process, Style::Dim));
        }
        line.truncate(line.trim_end().len());
        line
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

    fn service(&mut self, s: &Socket) -> Option<String> {
        self.port(s.local.port(), s.proto)
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
