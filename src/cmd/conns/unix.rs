//! `-x`: Unix sockets, with the process at each end when `-p` asks.
// Elsewhere than Linux these commands only say that they are Linux only.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use super::table::{keep_widths, pad, push_owners};
use super::{Selection, Shown};
use crate::diag;
#[cfg(target_os = "linux")]
use crate::diag::unix::{Holders, UnixSocket};
use crate::options::Ctx;
use crate::output::Style;
use crate::schema::conns::UnixRecord;

#[cfg(target_os = "linux")]
pub fn show(ctx: &Ctx, sel: &Selection, shown: &mut Shown) -> anyhow::Result<()> {
    // With -p the process table is scanned while the kernel lists the sockets.
    let (sockets, owners) = std::thread::scope(|s| {
        let owners = sel.processes.then(|| s.spawn(diag::owner_table));
        let uid = ctx.out.json() || sel.extended;
        let sockets = diag::unix::sockets(ctx, sel.query.states, uid);
        (sockets, owners.map(|h| h.join().unwrap_or_default()))
    });
    let mut sockets: Vec<UnixSocket> = sockets?;
    if let Some(e) = sel.expr() {
        sockets.retain(|s| diag::unix::keeps(e, s));
    }
    if sel.summary {
        return summary(ctx, &sockets);
    }
    let holders = match owners {
        Some(owners) => {
            shown.warn_hidden(ctx, owners.hidden_processes);
            diag::unix::Holders::from(owners)
        }
        None => diag::unix::Holders::default(),
    };
    let sockets = sorted(&sockets);
    if ctx.out.json() {
        records(ctx, sel, shown, &sockets, &holders)
    } else {
        table(ctx, sel, shown, &sockets, &holders)
    }
}

/// By type, then path, then inode; sorted as references: the sockets themselves are
/// large to move.
#[cfg(target_os = "linux")]
fn sorted(sockets: &[UnixSocket]) -> Vec<&UnixSocket> {
    let mut order: Vec<&UnixSocket> = sockets.iter().collect();
    order.sort_unstable_by_key(|s| (s.kind, s.path.as_deref(), s.inode));
    order
}

/// `-x --json`: a record a socket.
#[cfg(target_os = "linux")]
fn records(
    ctx: &Ctx,
    sel: &Selection,
    shown: &Shown,
    sockets: &[&UnixSocket],
    holders: &Holders,
) -> anyhow::Result<()> {
    let mut out = ctx.out.batch();
    let ts = shown.ts();
    for s in sockets.iter().copied() {
        out.record(String::new, || UnixRecord {
            proto: "unix",
            state: diag::state_name(s.state),
            sock: s,
            processes: sel.processes.then(|| holders.of(Some(s.inode))),
            peer_processes: sel.processes.then(|| holders.of(s.peer_inode)),
            ts: ts.as_deref(),
        });
    }
    out.flush()
}

/// `-x`: the table, with widths that fit every row (and the last refresh's, when
/// watching).
#[cfg(target_os = "linux")]
fn table(
    ctx: &Ctx,
    sel: &Selection,
    shown: &mut Shown,
    sockets: &[&UnixSocket],
    holders: &Holders,
) -> anyhow::Result<()> {
    let extras = Columns {
        details: sel.extended,
        processes: sel.processes,
    };
    let mut widths = extras.header_widths();
    let mut scratch = String::new();
    for s in sockets.iter().copied() {
        for (i, w) in widths.iter_mut().enumerate() {
            scratch.clear();
            cell(&mut scratch, s, i, extras, holders);
            *w = (*w).max(scratch.chars().count());
        }
    }
    if shown.watching {
        keep_widths(widths.iter_mut(), &mut shown.widths);
    }
    let mut out = ctx.out.batch();
    let mut line = String::with_capacity(256);
    if sel.header {
        for (i, h) in extras.headers().iter().enumerate() {
            pad(&mut line, h, widths[i], i == 2 || i == 3);
        }
        out.line(&ctx.out.paint(line.trim_end(), Style::Header));
    }
    for (n, s) in sockets.iter().copied().enumerate() {
        if n % 512 == 511 {
            out.flush()?;
        }
        line.clear();
        for (i, &w) in widths.iter().enumerate() {
            scratch.clear();
            cell(&mut scratch, s, i, extras, holders);
            pad(&mut line, &scratch, w, i == 2 || i == 3);
        }
        line.truncate(line.trim_end().len());
        out.line(&line);
    }
    out.flush()
}

/// `-x -s`: counts by type and state.
#[cfg(target_os = "linux")]
fn summary(ctx: &Ctx, sockets: &[diag::unix::UnixSocket]) -> anyhow::Result<()> {
    let mut counts: std::collections::BTreeMap<(&str, u8), u64> = Default::default();
    for s in sockets {
        *counts.entry((s.netid(), s.state)).or_default() += 1;
    }
    let mut out = ctx.out.batch();
    if !ctx.out.json() {
        out.line(&ctx.out.paint(
            &format!("{:<5} {:<11} {:>7}", "Netid", "State", "Count"),
            Style::Header,
        ));
    }
    for ((netid, st), n) in &counts {
        let name = diag::state_name(*st);
        out.record(
            || format!("{netid:<5} {name:<11} {n:>7}"),
            || crate::schema::conns::UnixStateCount {
                proto: "unix",
                netid,
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

/// Which optional columns the table has.
#[derive(Clone, Copy)]
struct Columns {
    details: bool,
    processes: bool,
}

impl Columns {
    fn headers(self) -> Vec<&'static str> {
        let mut h = vec![
            "Netid",
            "State",
            "Recv-Q",
            "Send-Q",
            "Local Address:Port",
            "Peer Address:Port",
        ];
        if self.details {
            h.push("Details");
        }
        if self.processes {
            h.extend(["Process", "Peer Process"]);
        }
        h
    }

    fn header_widths(self) -> Vec<usize> {
        self.headers().iter().map(|h| h.len()).collect()
    }
}

/// Column `i` of a socket's row, appended to `t`.
#[cfg(target_os = "linux")]
fn cell(
    t: &mut String,
    s: &diag::unix::UnixSocket,
    i: usize,
    c: Columns,
    holders: &diag::unix::Holders,
) {
    use std::fmt::Write;
    let num = |t: &mut String, n: u64| {
        super::table::push_num(t, n);
        Ok(())
    };
    let _ = match i {
        0 => {
            t.push_str(s.netid());
            Ok(())
        }
        1 => {
            t.push_str(diag::state_name(s.state));
            Ok(())
        }
        2 => num(t, s.recv_q.into()),
        3 => num(t, s.send_q.into()),
        4 => {
            push_name(t, s.path.as_deref());
            t.push(' ');
            num(t, s.inode)
        }
        5 => {
            push_name(t, s.peer_path.as_deref());
            t.push(' ');
            num(t, s.peer_inode.unwrap_or(0))
        }
        6 if c.details => write!(
            t,
            "uid:{} ino:{} sk:{:x}",
            s.uid.unwrap_or(0),
            s.inode,
            s.cookie
        ),
        i => {
            let peer = i == 6 + usize::from(c.details) + 1;
            let inode = if peer { s.peer_inode } else { Some(s.inode) };
            push_owners(t, holders.of(inode));
            Ok(())
        }
    };
}

#[cfg(not(target_os = "linux"))]
pub fn show(_: &Ctx, _: &Selection, _: &mut Shown) -> anyhow::Result<()> {
    Err(crate::error::failed("-x", "Unix socket listing is Linux only").into())
}

/// A path for the terminal: `*` when unbound, control characters escaped so that no
/// file name can forge a line of output.
fn push_name(t: &mut String, path: Option<&str>) {
    match path {
        Some(p) => t.push_str(&crate::text::escape_control(p)),
        None => t.push('*'),
    }
}
