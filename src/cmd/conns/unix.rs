//! `-x`: Unix sockets, with the process at each end when `-p` asks.

use serde::Serialize;

use super::{Selection, Shown};
use crate::diag::{self, Owner};
use crate::options::Ctx;
use crate::output::Style;

#[cfg(target_os = "linux")]
pub fn show(ctx: &Ctx, sel: &Selection, shown: &mut Shown) -> anyhow::Result<()> {
    use diag::unix::UnixSocket;
    let (sockets, owners) = std::thread::scope(|s| {
        let owners = sel.processes.then(|| s.spawn(diag::owner_table));
        let sockets = diag::unix::sockets(ctx, sel.query.states);
        (sockets, owners.map(|h| h.join().unwrap_or_default()))
    });
    let mut sockets: Vec<UnixSocket> = sockets?;
    if let Some(owners) = owners {
        shown.warn_hidden(ctx, owners.hidden_processes);
        diag::unix::attach(owners, &mut sockets);
    }
    sockets.sort_by(|a, b| (a.kind, &a.path, a.inode).cmp(&(b.kind, &b.path, b.inode)));
    let mut out = ctx.out.batch();
    if ctx.out.json() {
        let ts = shown.ts();
        for s in &sockets {
            out.record(String::new, || Record {
                proto: "unix",
                state: diag::state_name(s.state),
                sock: s,
                processes: sel.processes.then_some(&s.owners[..]),
                peer_processes: sel.processes.then_some(&s.peer_owners[..]),
                ts: ts.as_deref(),
            });
        }
        return out.flush();
    }
    let mut headers = vec![
        "Netid",
        "State",
        "Recv-Q",
        "Send-Q",
        "Local Address:Port",
        "Peer Address:Port",
    ];
    if sel.extended {
        headers.push("Details");
    }
    if sel.processes {
        headers.extend(["Process", "Peer Process"]);
    }
    let rows: Vec<Vec<String>> = sockets
        .iter()
        .map(|s| {
            let mut row = vec![
                s.netid().to_string(),
                diag::state_name(s.state).to_string(),
                s.recv_q.to_string(),
                s.send_q.to_string(),
                format!("{} {}", shown_name(s.path.as_deref()), s.inode),
                format!(
                    "{} {}",
                    shown_name(s.peer_path.as_deref()),
                    s.peer_inode.unwrap_or(0)
                ),
            ];
            if sel.extended {
                row.push(format!(
                    "uid:{} ino:{} sk:{:x}",
                    s.uid.unwrap_or(0),
                    s.inode,
                    s.cookie
                ));
            }
            if sel.processes {
                row.push(owners_text(&s.owners));
                row.push(owners_text(&s.peer_owners));
            }
            row
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    if shown.watching {
        if shown.widths.len() == widths.len() {
            for (w, f) in widths.iter_mut().zip(&shown.widths) {
                *w = (*w).max(*f);
            }
        }
        shown.widths = widths.clone();
    }
    let right = |i: usize| i == 2 || i == 3;
    let line = |cells: &[&str]| {
        let mut l = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            let fill = w.saturating_sub(c.chars().count());
            if right(i) {
                l.extend(std::iter::repeat_n(' ', fill));
                l.push_str(c);
            } else {
                l.push_str(c);
                l.extend(std::iter::repeat_n(' ', fill));
            }
            l.push(' ');
        }
        l.trim_end().to_string()
    };
    if sel.header {
        out.line(&ctx.out.paint(&line(&headers), Style::Header));
    }
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        out.line(&line(&cells));
    }
    out.flush()
}

#[cfg(not(target_os = "linux"))]
pub fn show(_: &Ctx, _: &Selection, _: &mut Shown) -> anyhow::Result<()> {
    Err(crate::error::failed("-x", "Unix socket listing is Linux only").into())
}

/// A Unix socket as a JSON record: its own fields plus the processes at both ends.
#[cfg(target_os = "linux")]
#[derive(Serialize)]
struct Record<'a> {
    proto: &'static str,
    state: &'static str,
    #[serde(flatten)]
    sock: &'a diag::unix::UnixSocket,
    /// `null` without `-p`.
    processes: Option<&'a [Owner]>,
    peer_processes: Option<&'a [Owner]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ts: Option<&'a str>,
}

/// A path for the terminal: `*` when unbound, control characters escaped so that no
/// file name can forge a line of output.
fn shown_name(path: Option<&str>) -> String {
    match path {
        None => "*".to_string(),
        Some(p) => p
            .chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                '\r' => "\\r".to_string(),
                '\t' => "\\t".to_string(),
                c if c.is_control() => format!("\\x{:02x}", u32::from(c)),
                c => c.to_string(),
            })
            .collect(),
    }
}

/// `python3(pid=42,fd=7),nginx(pid=43,fd=7)`
fn owners_text(owners: &[Owner]) -> String {
    owners
        .iter()
        .map(|o| match o.fd {
            Some(fd) => format!("{}(pid={},fd={})", o.name, o.pid, fd),
            None => format!("{}(pid={})", o.name, o.pid),
        })
        .collect::<Vec<_>>()
        .join(",")
}
