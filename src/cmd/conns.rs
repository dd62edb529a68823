//! `sockkit conns`: the sockets on this host, like `ss`, with the same columns whatever the
//! filter and JSON records for scripts.
//!
//! The options become a [`Selection`]: what to ask the platform for (`diag::Query`: protocols,
//! families, states, ports) plus what only we can check (address prefixes). The platform may
//! answer with more than asked; every row still passes [`Selection::keeps`].

use std::collections::BTreeMap;
use std::net::SocketAddr;

use crate::cli::ConnsArgs;
use crate::diag::{self, Socket};
use crate::options::Ctx;
use crate::output::{RecordBatch, Style};
use crate::schema::conns::{Memory, SocketRecord, StateCount};

mod expr;
mod kill;
mod names;
mod selection;
mod table;
mod unix;

use names::Names;
use selection::Selection;
use table::{Extra, Table};

pub fn run(ctx: &Ctx, args: &ConnsArgs) -> anyhow::Result<()> {
    let sel = Selection::from_args(ctx, args)?;
    let go = || -> anyhow::Result<()> {
        if sel.kill {
            return kill::kill(ctx, &sel);
        }
        if sel.events {
            return kill::events(ctx, &sel);
        }
        let mut shown = Shown::default();
        let Some(every) = sel.watch else {
            return show(ctx, &sel, &mut shown);
        };
        shown.watching = true;
        // Runs until interrupted, as `watch` does (SIGINT ends the process as a shell
        // expects); a failed round ends it with that failure.
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
    };
    match sel.netns.as_deref() {
        None => go(),
        Some(spec) => in_netns(spec, go),
    }
}

#[cfg(target_os = "linux")]
fn in_netns(spec: &str, go: impl FnOnce() -> anyhow::Result<()> + Send) -> anyhow::Result<()> {
    let ns = diag::netns::open(spec)?;
    diag::netns::run_in(&ns, spec, go)
}

#[cfg(not(target_os = "linux"))]
fn in_netns(_: &str, _: impl FnOnce() -> anyhow::Result<()> + Send) -> anyhow::Result<()> {
    Err(crate::error::failed("--netns", "network namespaces are Linux only").into())
}

/// What one run has already told the user, so a `--watch` loop says it once, and the
/// column widths so far, so a refresh keeps them.
#[derive(Default)]
struct Shown {
    hidden_warning: bool,
    watching: bool,
    widths: Vec<usize>,
}

impl Shown {
    /// The time of this refresh, RFC 3339 with milliseconds, when watching.
    fn ts(&self) -> Option<String> {
        self.watching
            .then(|| humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string())
    }

    fn warn_hidden(&mut self, ctx: &Ctx, hidden: usize) {
        if hidden > 0 && !self.hidden_warning {
            self.hidden_warning = true;
            ctx.out.warn(&format!(
                "cannot see which sockets {hidden} processes of other users own; \
                 run as root to see every owner"
            ));
        }
    }
}

fn show(ctx: &Ctx, sel: &Selection, shown: &mut Shown) -> anyhow::Result<()> {
    if sel.unix {
        return unix::show(ctx, sel, shown);
    }
    // With -p the process table is scanned while the kernel lists the sockets.
    // Without a thread to spare (a process limit), one after the other.
    let (sockets, owners) = std::thread::scope(|s| {
        let wanted = sel.processes && !sel.summary;
        let owners = wanted
            .then(|| crate::signals::spawn_worker(s, diag::owner_table))
            .flatten();
        let sockets = diag::sockets(ctx, &sel.query);
        let owners = match owners {
            Some(h) => Some(h.join().unwrap_or_default()),
            None => wanted.then(diag::owner_table),
        };
        (sockets, owners)
    });
    let mut sockets = sockets?;
    sockets.retain(|s| sel.keeps(s));
    if sel.summary {
        return summary(ctx, &sockets);
    }
    if let Some(owners) = owners {
        let hidden = owners.hidden_processes;
        owners.attach(&mut sockets);
        shown.warn_hidden(ctx, hidden);
    }
    write_rows(ctx, sel, &sockets, shown)
}

/// The rows as a table or as JSON records.
fn write_rows(
    ctx: &Ctx,
    sel: &Selection,
    sockets: &[Socket],
    shown: &mut Shown,
) -> anyhow::Result<()> {
    let order = sorted(sockets);
    let mut names = Names::new(sel.resolve);
    let mut out = ctx.out.batch();
    if ctx.out.json() {
        let ts = shown.ts();
        for (n, &i) in order.iter().enumerate() {
            if n % 512 == 511 {
                out.flush()?;
            }
            let s = &sockets[i];
            out.record(String::new, || record(s, &mut names, sel, ts.as_deref()));
        }
    } else {
        let mut table = Table::new(
            sockets,
            &order,
            &mut names,
            Extra::chosen(
                sel.timers,
                sel.extended,
                sel.query.memory,
                sel.processes,
                sel.query.info,
            ),
        );
        if shown.watching {
            table.keep_widths(&mut shown.widths);
        }
        table.write(ctx, &mut out, &mut names, sel.header)?;
    }
    out.flush()
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

fn record<'a>(
    s: &'a Socket,
    names: &mut Names,
    sel: &Selection,
    ts: Option<&'a str>,
) -> SocketRecord<'a> {
    SocketRecord {
        proto: s.proto.name(),
        state: diag::state_name(s.state),
        local_addr: s.local.ip(),
        local_port: s.local.port(),
        remote_addr: s.remote.map(|r| r.ip()),
        remote_port: s.remote.map(|r| r.port()),
        recv_q: s.recv_q,
        send_q: s.send_q,
        uid: s.uid,
        inode: s.inode,
        processes: sel.processes.then_some(&s.owners[..]),
        family: if s.local.is_ipv4() { "inet" } else { "inet6" },
        timer: s.timer,
        info: sel.query.info.then_some(s.info.as_deref()),
        memory: sel
            .query
            .memory
            .then(|| s.memory.as_deref().map(Memory::from)),
        local_name: sel.resolve.then(|| names.host(s.local.ip())),
        remote_name: sel
            .resolve
            .then(|| s.remote.and_then(|r| names.host(r.ip()))),
        cookie: sel.extended.then_some(s.cookie),
        ts,
    }
}

/// `-s`: counts by protocol and state.
fn summary(ctx: &Ctx, sockets: &[Socket]) -> anyhow::Result<()> {
    let mut counts: BTreeMap<(&str, u8), u64> = BTreeMap::new();
    for s in sockets {
        *counts.entry((s.proto.name(), s.state)).or_default() += 1;
    }
    let mut out: RecordBatch = ctx.out.batch();
    if !ctx.out.json() {
        out.line(&ctx.out.paint(
            &format!("{:<5} {:<11} {:>7}", "Proto", "State", "Count"),
            Style::Header,
        ));
    }
    for ((proto, st), n) in &counts {
        let name = diag::state_name(*st);
        out.record(
            || format!("{proto:<5} {name:<11} {n:>7}"),
            || StateCount {
                proto,
                state: name,
                count: *n,
            },
        );
    }
    if !ctx.out.json() {
        out.line(&format!("{:<17} {:>7}", "total", sockets.len()));
    }
    out.flush()
}
