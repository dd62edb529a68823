//! The one acceptor of every listening mode (`listen` with one client, `-k`, `--echo`,
//! `--broker`, `--exec`, and `forward`): the wait for the first client (`-w`), `--allow`
//! and `--deny`, `--max-conns`, running out of descriptors, and the events that say so,
//! written once.
//!
//! A poll loop asks it for its [`Acceptor::pollfd`] and its [`Acceptor::next_wake`], and
//! on readiness takes the clients with [`Acceptor::accept_ready`]; a mode that serves one
//! client at a time waits with [`Acceptor::accept_one`].

use std::net::IpAddr;
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use socket2::{SockAddr, Socket};

use crate::endpoint::{self, Prefix};
use crate::error::{Failure, failed, reason};
use crate::fdio;
use crate::options::Ctx;
use crate::signals;

/// `--allow` / `--deny`: who may connect.
#[derive(Debug, Default)]
pub struct Access {
    pub allow: Vec<Prefix>,
    pub deny: Vec<Prefix>,
}

impl Access {
    /// From the flags' words, each an `ADDR[/PREFIX]`.
    pub fn parse(allow: &[String], deny: &[String]) -> Result<Access, Failure> {
        let nets = |flag: &str, list: &[String]| -> Result<Vec<Prefix>, Failure> {
            list.iter()
                .map(|t| Prefix::parse(t).map_err(|e| e.prefixed(flag)))
                .collect()
        };
        Ok(Access {
            allow: nets("--allow", allow)?,
            deny: nets("--deny", deny)?,
        })
    }

    pub fn is_open(&self) -> bool {
        self.allow.is_empty() && self.deny.is_empty()
    }

    fn permits(&self, ip: IpAddr) -> bool {
        if self.deny.iter().any(|n| n.contains(&ip)) {
            return false;
        }
        self.allow.is_empty() || self.allow.iter().any(|n| n.contains(&ip))
    }
}

/// How the acceptor behaves; built by the listening command from its flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules {
    /// Keep accepting after the first client (otherwise the listener closes once it is
    /// in, so later clients are refused rather than left waiting in the backlog).
    pub keep_open: bool,
    /// Serve at most this many clients at once; more are closed at accept.
    pub max_conns: Option<usize>,
    /// Bound on the wait for the first client (`-w`).
    pub first_within: Option<Duration>,
}

/// A client let in: its socket, its address and how it is shown.
pub struct Admitted {
    pub sock: Socket,
    pub addr: SockAddr,
    pub peer: String,
}

pub struct Acceptor<'a> {
    ctx: &'a Ctx,
    listener: Option<Socket>,
    access: &'a Access,
    rules: Rules,
    started: Instant,
    served: usize,
    pause: AcceptPause,
}

impl<'a> Acceptor<'a> {
    pub fn new(
        ctx: &'a Ctx,
        listener: Socket,
        access: &'a Access,
        rules: Rules,
    ) -> Result<Acceptor<'a>, Failure> {
        listener
            .set_nonblocking(true)
            .map_err(|e| failed("listen", reason(&e)))?;
        Ok(Acceptor {
            ctx,
            listener: Some(listener),
            access,
            rules,
            started: Instant::now(),
            served: 0,
            pause: AcceptPause::default(),
        })
    }

    /// Whether clients may still come.
    pub fn is_open(&self) -> bool {
        self.listener.is_some()
    }

    /// How many clients were let in so far.
    pub fn served(&self) -> usize {
        self.served
    }

    /// What to poll for new clients: none once closed, or while resting for want of
    /// descriptors (the listener would be readable at once, with nothing to accept).
    pub fn pollfd(&mut self) -> Option<libc::pollfd> {
        if self.pause.active() {
            return None;
        }
        let l = self.listener.as_ref()?;
        Some(fdio::pollfd(l.as_raw_fd(), libc::POLLIN))
    }

    /// How long a poll loop may sleep for the acceptor's sake; an error once the first
    /// client has not come within `-w`.
    pub fn next_wake(&self) -> Result<Option<Duration>, Failure> {
        let mut wake = self.pause.remaining();
        if let Some(limit) = self.rules.first_within
            && self.served == 0
            && self.listener.is_some()
        {
            match (self.started + limit).checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => {
                    wake = Some(wake.map_or(left, |w| w.min(left)));
                }
                _ => return Err(no_client_within(limit)),
            }
        }
        Ok(wake)
    }

    /// Accept every client waiting, with `active` clients already being served: each is
    /// let in, denied (`--deny`, not in `--allow`) or refused (`--max-conns`), with an
    /// event. Without keep-open the listener closes after the first one let in.
    pub fn accept_ready(&mut self, active: usize) -> Vec<Admitted> {
        let mut admitted = Vec::new();
        while let Some(listener) = &self.listener {
            let (sock, addr) = match crate::socket::accept(self.ctx, listener) {
                Ok(pair) => pair,
                Err(e) if fdio::would_block(&e) => break,
                Err(e) => {
                    if self.pause.on_error(self.ctx, &e, active + admitted.len()) {
                        break;
                    }
                    continue;
                }
            };
            self.pause.on_success(self.ctx);
            let Some(peer) = self.admit(&addr) else {
                continue;
            };
            if self
                .rules
                .max_conns
                .is_some_and(|m| active + admitted.len() >= m)
            {
                self.ctx.out.event(
                    1,
                    "refused",
                    || format!("refused {peer}: --max-conns reached"),
                    serde_json::json!({"peer": peer, "reason": "max-conns"}),
                );
                continue;
            }
            self.served += 1;
            admitted.push(Admitted { sock, addr, peer });
            if !self.rules.keep_open {
                self.listener = None;
            }
        }
        admitted
    }

    /// Wait (bounded by `-w`, ended by a signal) for the next client let in.
    pub fn accept_one(&mut self, active: usize) -> anyhow::Result<Admitted> {
        loop {
            signals::check()?;
            let wake = self.next_wake()?;
            let Some(mut fd) = self.pollfd() else {
                if self.listener.is_none() {
                    return Err(failed("accept", "the listener is closed").into());
                }
                std::thread::sleep(wake.unwrap_or(ACCEPT_PAUSE));
                continue;
            };
            if fdio::poll(std::slice::from_mut(&mut fd), wake)? == 0 {
                continue;
            }
            if let Some(client) = self.accept_ready(active).into_iter().next() {
                return Ok(client);
            }
        }
    }

    /// Close the listener: later clients are refused.
    pub fn close(&mut self) {
        self.listener = None;
    }

    /// `Some(peer shown)` for a client the access rules let in, with its event.
    fn admit(&self, addr: &SockAddr) -> Option<String> {
        let peer = peer_name(addr);
        if let Some(sa) = addr.as_socket()
            && !self.access.permits(sa.ip())
        {
            self.ctx.out.event(
                1,
                "denied",
                || format!("denied {peer}"),
                serde_json::json!({"peer": peer}),
            );
            return None;
        }
        self.ctx.out.event(
            1,
            "accepted",
            || format!("accepted {peer}"),
            serde_json::json!({"peer": peer}),
        );
        Some(peer)
    }
}

/// A peer as users expect to read it: an IPv4 client of a dual-stack socket shows as IPv4.
fn peer_name(addr: &SockAddr) -> String {
    match endpoint::show_peer(addr) {
        unnamed if unnamed == "(unnamed)" => "unix client".to_string(),
        shown => shown,
    }
}

/// Accepting while the process is out of file descriptors (EMFILE, ENFILE): the clients
/// already connected go on being served, the listener rests for a moment instead of
/// being polled in a busy loop, the user is told once, and accepting resumes, picking up
/// the clients waiting in the backlog, as soon as descriptors free up.
#[derive(Debug, Default)]
struct AcceptPause {
    until: Option<Instant>,
    /// Short of descriptors now (for the "accepting again" event).
    short: bool,
    /// The warning is given once per process; later shortages are `-v` events.
    warned: bool,
}

const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

impl AcceptPause {
    /// Whether accepting is paused right now.
    fn active(&mut self) -> bool {
        match self.until {
            Some(t) if Instant::now() < t => true,
            Some(_) => {
                self.until = None;
                false
            }
            None => false,
        }
    }

    /// How long the pause has left, if one is on.
    fn remaining(&self) -> Option<Duration> {
        self.until
            .map(|t| t.saturating_duration_since(Instant::now()))
    }

    /// An accept that failed: true when accepting should stop for now (out of
    /// descriptors, or an error worth a warning); false for a client that went away
    /// before it was accepted, after which accepting goes on.
    fn on_error(&mut self, ctx: &Ctx, e: &std::io::Error, serving: usize) -> bool {
        match e.raw_os_error() {
            Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM) => {
                self.until = Some(Instant::now() + ACCEPT_PAUSE);
                if !std::mem::replace(&mut self.short, true) {
                    let message = format!(
                        "accept: {}: still serving the {serving} clients connected; \
                         accepting again when descriptors free up",
                        reason(e)
                    );
                    if std::mem::replace(&mut self.warned, true) {
                        ctx.out.event(
                            1,
                            "short",
                            || message.clone(),
                            serde_json::json!({"reason": reason(e)}),
                        );
                    } else {
                        ctx.out.warn(&message);
                    }
                }
                true
            }
            Some(libc::ECONNABORTED | libc::EPROTO) => {
                ctx.out.event(
                    1,
                    "aborted",
                    || format!("accept: {}", reason(e)),
                    serde_json::json!({"reason": reason(e)}),
                );
                false
            }
            _ => {
                // Rest a moment rather than spin on an error that repeats.
                self.until = Some(Instant::now() + ACCEPT_PAUSE);
                ctx.out.warn(&format!("accept: {}", reason(e)));
                true
            }
        }
    }

    /// An accept that worked: after a shortage, say that accepting is back.
    fn on_success(&mut self, ctx: &Ctx) {
        if std::mem::take(&mut self.short) {
            ctx.out.event(
                1,
                "accepting",
                || "accepting again".to_string(),
                serde_json::json!({}),
            );
        }
    }
}

/// `accept: timed out: no client within 2s` (`-w` on a listener).
pub fn no_client_within(limit: Duration) -> Failure {
    failed(
        "accept",
        format!(
            "timed out: no client within {}",
            humantime::format_duration(limit)
        ),
    )
}
