//! `--kill` and `--events`: destroying the matching sockets, and following the ones the
//! kernel destroys.
// Elsewhere than Linux these commands only say that they are Linux only.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use super::{Selection, Shown, record, write_rows};
use crate::diag;
use crate::error::failed;
use crate::options::Ctx;
use crate::schema::Event;

/// Destroy every socket the selection keeps and show each one destroyed.
#[cfg(target_os = "linux")]
pub fn kill(ctx: &Ctx, sel: &Selection) -> anyhow::Result<()> {
    use diag::destroy::{Destroyer, Refused};
    let mut sockets = diag::sockets(ctx, &sel.query)?;
    sockets.retain(|s| sel.keeps(s));
    if sockets.is_empty() {
        return Err(failed("--kill", "no socket matched the filter").into());
    }
    // with -p, whose socket it was is told while the process still holds it
    if sel.processes {
        diag::owner_table().attach(&mut sockets);
    }
    let mut d = Destroyer::open(ctx)?;
    let answers = d.destroy_all(&sockets);
    let mut killed = Vec::with_capacity(sockets.len());
    let mut refusal = None;
    for (s, answer) in sockets.into_iter().zip(answers) {
        let why = match answer {
            Ok(()) => {
                killed.push(s);
                continue;
            }
            Err(Refused::Gone) => continue,
            Err(Refused::Unsupported) => failed(
                "--kill",
                "this kernel cannot destroy sockets (it was built without CONFIG_INET_DIAG_DESTROY)",
            ),
            Err(Refused::Privilege) => {
                failed("--kill", "destroying sockets needs CAP_NET_ADMIN").with_hint("run as root")
            }
            Err(Refused::Other(e)) => failed("--kill", crate::error::reason(&e)),
        };
        refusal.get_or_insert(why);
    }
    if !killed.is_empty() {
        write_rows(ctx, sel, &killed, &mut Shown::default())?;
    }
    match refusal {
        Some(f) => Err(f.into()),
        None if killed.is_empty() => {
            Err(failed("--kill", "no socket matched the filter (they closed first)").into())
        }
        None => Ok(()),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn kill(_: &Ctx, _: &Selection) -> anyhow::Result<()> {
    Err(failed("--kill", "destroying sockets is Linux only").into())
}

/// One line (or record) per socket the kernel destroys, until interrupted.
#[cfg(target_os = "linux")]
pub fn events(ctx: &Ctx, sel: &Selection) -> anyhow::Result<()> {
    let ev = diag::destroy::Events::open(ctx, &sel.query.protos)?;
    ctx.out.emit(&Event::Following {}, || {
        "following sockets as the kernel destroys them".to_string()
    });
    let mut buf = vec![0u8; 64 * 1024];
    let mut names = super::Names::new(sel.resolve);
    loop {
        let Some(batch) = ev.next(&mut buf)? else {
            ctx.out.warn(
                "the kernel dropped some destroy events: sockets closed faster than they could be read",
            );
            continue;
        };
        let mut out = ctx.out.batch();
        for s in batch.iter().filter(|s| sel.keeps(s)) {
            let ts = humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string();
            out.record(|| event_line(s), || record(s, &mut names, sel, Some(&ts)));
        }
        out.flush()?;
    }
}

#[cfg(not(target_os = "linux"))]
pub fn events(_: &Ctx, _: &Selection) -> anyhow::Result<()> {
    Err(failed("--events", "destroy events are Linux only").into())
}

/// `closed tcp 127.0.0.1:5000 127.0.0.1:6000`
fn event_line(s: &diag::Socket) -> String {
    let show = |a: Option<std::net::SocketAddr>| match a {
        Some(std::net::SocketAddr::V6(v6)) => format!("[{}]:{}", v6.ip(), v6.port()),
        Some(a) => a.to_string(),
        None => "*:*".to_string(),
    };
    format!(
        "closed {} {} {}",
        s.proto.name(),
        show(Some(s.local)),
        show(s.remote)
    )
}
