//! `listen --echo`: every client's bytes back to it. Each client is an engine [`Pump`]
//! between its socket and the two ends of one pipe, so what the client sends comes back
//! by splice(2) without entering this process; its end comes back as a half-close once
//! everything is echoed. One poll(2) loop drives the acceptor and every pump.
//!
//! A client needs a pipe of its own, so one is made before a client is let in: short
//! of descriptors, accepting rests (as when accept(2) itself fails for want of them)
//! and every client let in is served.

use std::time::Duration;

use crate::acceptor::{Acceptor, Admitted};
use crate::engine::{self, Ending, Pump, Revents, SLOTS, Status, Stdio};
use crate::error::reason;
use crate::fdio;
use crate::hub;
use crate::options::Ctx;
use crate::relay::{self, Totals};
use crate::schema::Event;
use crate::signals;
use std::os::fd::OwnedFd;

/// The size of a client's pipe for the bytes on their way back: the system's default.
/// Larger ones echo no faster, and count against the user's pipe quota
/// (fs.pipe-user-pages-soft), past which new pipes get two pages: with 1 MiB pipes, the
/// 65th client of an unprivileged user would echo through 8 KiB.
const LOOP_PIPE: usize = 64 << 10;

struct Client {
    peer: String,
    pump: Pump,
}

pub struct Echo<'a> {
    ctx: &'a Ctx,
    acceptor: Acceptor<'a>,
    opts: &'a hub::Options,
    clients: Vec<Client>,
    /// The pipe for the next client.
    spare: Option<(OwnedFd, OwnedFd)>,
}

impl<'a> Echo<'a> {
    pub fn new(ctx: &'a Ctx, acceptor: Acceptor<'a>, opts: &'a hub::Options) -> Echo<'a> {
        Echo {
            ctx,
            acceptor,
            opts,
            clients: Vec::new(),
            spare: None,
        }
    }

    /// Serve until the one client is done (without keep-open) or a signal comes.
    pub fn run(&mut self) -> anyhow::Result<()> {
        let mut fds: Vec<libc::pollfd> = Vec::new();
        loop {
            signals::check()?;
            if !self.acceptor.is_open() && self.clients.is_empty() {
                return Ok(());
            }
            fds.clear();
            self.make_spare();
            let accepting = self.acceptor.pollfds(&mut fds);
            let mut wake = self.acceptor.next_wake()?;
            for c in &self.clients {
                fds.extend(c.pump.pollfds());
                wake = fdio::earliest(wake, c.pump.next_wake());
            }
            fdio::poll(&mut fds, wake)?;
            self.serve(&fds[accepting..]);
            if fds[..accepting].iter().any(|f| f.revents != 0) {
                self.accept_all();
            }
        }
    }

    /// Move every pump with readiness or a wake due; report and drop the finished.
    fn serve(&mut self, fds: &[libc::pollfd]) {
        // Backwards, so a finished client swapped out leaves the rest in place.
        for i in (0..self.clients.len()).rev() {
            let mut revents: Revents = [0; SLOTS];
            for (r, p) in revents.iter_mut().zip(&fds[i * SLOTS..(i + 1) * SLOTS]) {
                *r = p.revents;
            }
            let due = self.clients[i].pump.next_wake() == Some(Duration::ZERO);
            if revents.iter().all(|r| *r == 0) && !due {
                continue;
            }
            if let Status::Done(ending) = self.clients[i].pump.advance(revents) {
                let c = self.clients.swap_remove(i);
                self.closed(&c, &ending);
            }
        }
    }

    /// Have a pipe ready for the next client; short of descriptors, accepting rests.
    fn make_spare(&mut self) {
        if self.spare.is_some() {
            return;
        }
        match fdio::pipe(LOOP_PIPE) {
            Ok(pipe) => self.spare = Some(pipe),
            Err(e) => self.acceptor.short_of_descriptors(&e, self.clients.len()),
        }
    }

    /// Let in as many clients as there are pipes for (one, or TLS clients whose
    /// handshake finished: each gets a pipe made now, or is closed with a warning).
    fn accept_all(&mut self) {
        let most = usize::from(self.spare.is_some());
        for client in self.acceptor.accept_some(self.clients.len(), most) {
            let Admitted { sock, peer, .. } = client;
            let pipe = match self.spare.take() {
                Some(pipe) => Ok(pipe),
                None => fdio::pipe(LOOP_PIPE),
            };
            let observer = self
                .opts
                .dump
                .as_ref()
                .map(|d| Box::new(d.conn(&peer)) as Box<dyn engine::Observer>);
            let pump = pipe.and_then(|(r, w)| {
                let back = engine::End::stdio(Stdio::pipes(r, w));
                let sock = engine::End::stream(sock)?;
                Ok(Pump::new(sock, back, self.opts.idle_timeout, observer))
            });
            match pump {
                Ok(pump) => self.clients.push(Client { peer, pump }),
                Err(e) => self.ctx.out.warn(&format!("{peer}: {}", reason(&e))),
            }
        }
    }

    /// A client's session ended: why, if it was not a plain close, then its totals.
    fn closed(&self, c: &Client, ending: &Ending) {
        let peer = &c.peer;
        match ending {
            Ending::Closed => {}
            Ending::Idle => {
                let idle = self.opts.idle_timeout.unwrap_or_default();
                let event = Event::Idle {
                    peer,
                    reason: "idle-timeout",
                };
                self.ctx.out.emit(&event, || {
                    format!(
                        "{peer}: idle for {}, closing",
                        humantime::format_duration(idle)
                    )
                });
            }
            Ending::Reset { reason, .. } => hub::report_error(self.ctx, peer, reason),
        }
        let t = c.pump.totals();
        let totals = Totals {
            received: t.a_to_b,
            sent: t.b_to_a,
            elapsed: t.took,
        };
        relay::report_end(self.ctx, peer, &totals, self.opts.stats, true);
    }
}
