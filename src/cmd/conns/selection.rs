//! The options of `conns`, checked: what to ask the platform for and what to keep.

use std::time::Duration;

use super::expr;
use crate::cli::ConnsArgs;
use crate::diag::filter::{self, Expr};
use crate::diag::{Query, Socket, States, state};
use crate::endpoint::{Prefix, Proto, parse_port};
use crate::error::{Failure, usage};
use crate::options::Ctx;
use crate::parse;

/// What was asked for, checked.
#[derive(Debug)]
pub struct Selection {
    pub query: Query,
    src: Option<Prefix>,
    dst: Option<Prefix>,
    pub processes: bool,
    pub resolve: bool,
    pub summary: bool,
    /// The filter expression is also run by the kernel (it compiled to bytecode and the
    /// sockets come from a dump); otherwise its kernel half is checked here.
    kernel_runs_expr: bool,
    /// The local port range, for `autobound`.
    ephemeral: (u16, u16),
    pub unix: bool,
    pub kill: bool,
    pub events: bool,
    pub header: bool,
    pub timers: bool,
    pub extended: bool,
    /// `--watch`: show again this often.
    pub watch: Option<Duration>,
    /// `--netns`: the namespace to look in.
    pub netns: Option<String>,
}

impl Selection {
    pub fn from_args(ctx: &Ctx, a: &ConnsArgs) -> Result<Selection, Failure> {
        // -O sets options on sockets a command opens; ignoring it here would be silent.
        if let Some(s) = ctx.sockopts.first() {
            return Err(usage(
                format!("-O {}", s.text),
                "conns opens no sockets to set options on",
            ));
        }
        let protos = protos(a);
        let words = expr::parse(&a.filter, &protos, a.unix, state_set)?;
        check_combination(a)?;
        let query = query(ctx, a, protos, words.states, words.expr)?;
        let src = prefix("--src", a.src.as_deref())?;
        let dst = prefix("--dst", a.dst.as_deref())?;
        // Something narrows the rows beyond the default state (required by --kill).
        let narrowed = words.states.is_some()
            || !a.state.is_empty()
            || a.listening
            || query.expr.is_some()
            || query.sport.is_some()
            || query.dport.is_some()
            || query.either_port.is_some()
            || src.is_some()
            || dst.is_some();
        let kernel_runs_expr = !a.events
            && query.expr.as_ref().is_some_and(Expr::compiles)
            && cfg!(target_os = "linux");
        let ephemeral = if query.expr.is_some() {
            filter::ephemeral_ports()
        } else {
            (0, 0)
        };
        let watch = a.watch.as_deref().map(watch_interval).transpose()?;
        if a.kill && !narrowed {
            return Err(usage(
                "--kill",
                "needs a filter (a state, port, address or expression), so that it never kills everything",
            ));
        }
        Ok(Selection {
            query,
            src,
            dst,
            processes: a.processes,
            resolve: a.resolve,
            summary: a.summary,
            kernel_runs_expr,
            ephemeral,
            unix: a.unix,
            kill: a.kill,
            events: a.events,
            header: !a.no_header,
            timers: a.timers,
            extended: a.extended,
            watch,
            netns: a.netns.clone(),
        })
    }

    /// The filter expression, for the Unix listing (which checks it itself).
    pub fn expr(&self) -> Option<&Expr> {
        self.query.expr.as_ref()
    }

    /// Everything the platform could not filter by itself is checked here.
    pub fn keeps(&self, s: &Socket) -> bool {
        let q = &self.query;
        let remote_port = s.remote.map_or(0, |r| r.port());
        q.protos.contains(&s.proto)
            && q.family.allows(&s.local.ip())
            && q.states.contains(s.state)
            && q.sport.is_none_or(|p| s.local.port() == p)
            && q.dport.is_none_or(|p| remote_port == p)
            && q.either_port
                .is_none_or(|p| s.local.port() == p || remote_port == p)
            && self.src.is_none_or(|n| n.contains(&s.local.ip()))
            && self
                .dst
                .is_none_or(|n| s.remote.is_some_and(|r| n.contains(&r.ip())))
            && q.expr.as_ref().is_none_or(|e| {
                e.ss_keeps(s, self.ephemeral) && (self.kernel_runs_expr || e.kernel_keeps(s))
            })
    }
}

fn watch_interval(text: &str) -> Result<Duration, Failure> {
    let d = parse::duration(text).map_err(|e| e.prefixed("--watch"))?;
    if d.is_zero() {
        return Err(usage(format!("--watch {text}"), "must be longer than zero"));
    }
    Ok(d)
}

/// Options that make no sense together are a usage error, not a silent choice.
fn check_combination(a: &ConnsArgs) -> Result<(), Failure> {
    // --kill and --events are modes of their own; a listing may be a summary, watched
    let modes = [
        ("--kill", a.kill),
        ("--events", a.events),
        ("--summary", a.summary),
        ("--watch", a.watch.is_some()),
    ];
    let on: Vec<&str> = modes.iter().filter(|m| m.1).map(|m| m.0).collect();
    if on.len() > 1 && (a.kill || a.events) {
        return Err(usage(
            format!("{} with {}", on[0], on[1]),
            "--kill and --events go with neither each other nor --summary or --watch",
        ));
    }
    if a.events && a.processes {
        return Err(usage(
            "-p with --events",
            "a destroyed socket has no process left to show",
        ));
    }
    if a.unix {
        let inet_only = [
            ("--kill", a.kill),
            ("--events", a.events),
            ("-t", a.tcp),
            ("-u", a.udp),
            ("--sport", a.sport.is_some()),
            ("--dport", a.dport.is_some()),
            ("--port", a.port.is_some()),
            ("--src", a.src.is_some()),
            ("--dst", a.dst.is_some()),
            ("-i", a.info),
            ("-m", a.memory),
        ];
        if let Some((what, _)) = inet_only.iter().find(|x| x.1) {
            return Err(usage(
                format!("-x with {what}"),
                "that applies to TCP and UDP sockets only",
            ));
        }
    }
    Ok(())
}

/// The protocols listed: TCP unless `-u` asks for UDP (or both with `-t -u`); a
/// summary is an overview, so both unless one is asked for.
fn protos(a: &ConnsArgs) -> Vec<Proto> {
    match (a.tcp, a.udp) {
        (false, true) => vec![Proto::Udp],
        (true, true) => vec![Proto::Tcp, Proto::Udp],
        (false, false) if a.summary => vec![Proto::Tcp, Proto::Udp],
        _ => vec![Proto::Tcp],
    }
}

/// What to ask the platform for: the protocols, states and ports, the filter
/// expression (`words` are the state words before it), and the details to report.
fn query(
    ctx: &Ctx,
    a: &ConnsArgs,
    protos: Vec<Proto>,
    words: Option<States>,
    expr: Option<Expr>,
) -> Result<Query, Failure> {
    // Service names are looked up for the protocol shown (TCP when both).
    let port_proto = protos[0];
    let port = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| parse_port(t, port_proto).map_err(|e| e.prefixed(flag)))
            .transpose()
    };
    let mut states = states(a, words)?;
    if a.events {
        // the kernel reports a destroyed socket as closed, whatever state it left
        states = States::ALL;
    }
    Ok(Query {
        protos,
        family: ctx.family,
        states,
        sport: port("--sport", &a.sport)?,
        dport: port("--dport", &a.dport)?,
        either_port: port("--port", &a.port)?,
        info: a.info,
        memory: a.memory,
        expr,
    })
}

/// The state set: `--state` names and groups, `-a`, `-l`, together; ESTABLISHED when
/// none is given (all states for `-s`).
fn states(a: &ConnsArgs, words: Option<States>) -> Result<States, Failure> {
    let mut set = States(0);
    // As in ss, state words before the expression replace -a and -l.
    if let Some(words) = words {
        for name in &a.state {
            set = set | state_set(name)?;
        }
        return Ok(set | words);
    }
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
pub fn state_set(text: &str) -> Result<States, Failure> {
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

/// `--src` / `--dst`: `ADDR` or `ADDR/PREFIX`, as [`Prefix`] reads it.
fn prefix(flag: &str, text: Option<&str>) -> Result<Option<Prefix>, Failure> {
    text.map(|t| Prefix::parse(t).map_err(|e| e.prefixed(flag)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The selection `conns ARGS` checks into, or the failure that stops it.
    fn selection(argv: &[&str]) -> Result<Selection, Failure> {
        let argv: Vec<&str> = std::iter::once("conns")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let crate::cli::Command::Conns(args) = command else {
            unreachable!("parsed as conns")
        };
        Selection::from_args(&ctx, &args)
    }

    #[test]
    fn watch_and_kill_are_checked_with_the_rest() {
        let sel = selection(&["--watch", "2s", "--netns", "/run/netns/x"]).expect("good");
        assert_eq!(sel.watch, Some(Duration::from_secs(2)));
        assert_eq!(sel.netns.as_deref(), Some("/run/netns/x"));
        for (argv, names) in [
            (&["--watch", "0"][..], "--watch 0"),
            (&["--watch", "x"], "--watch"),
            (&["--kill"], "--kill"),
        ] {
            match selection(argv) {
                Ok(_) => panic!("{argv:?} was accepted"),
                Err(f) => {
                    assert_eq!(f.code, 2, "{argv:?}: {}", f.message);
                    assert!(f.message.contains(names), "{argv:?}: {}", f.message);
                }
            }
        }
    }

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
        assert!(prefix("--src", Some("10.0.0.0/8")).is_ok());
        assert!(prefix("--src", Some("::1")).is_ok());
        assert!(prefix("--src", Some("fe80::1%lo")).is_ok());
        assert_eq!(prefix("--src", None).unwrap(), None);
        for bad in ["10.0.0.0/33", "10.0.0.0/x", "host.example"] {
            let e = prefix("--dst", Some(bad)).unwrap_err();
            assert_eq!(e.code, 2, "{bad}");
            assert!(e.message.starts_with("--dst: "), "{}", e.message);
            assert!(e.message.contains(bad), "{}", e.message);
        }
        let net = prefix("--dst", Some("127.0.0.0/8")).unwrap().unwrap();
        assert!(net.contains(&"::ffff:127.0.0.1".parse().unwrap()));
        assert!(!net.contains(&"::1".parse().unwrap()));
    }
}
