//! The one acceptor of every listening mode (`listen` with one client, `-k`, `--echo`,
//! `--broker`, `--exec`, and `forward`): the wait for the first client (`-w`), `--allow`
//! and `--deny`, `--max-conns`, running out of descriptors, and the events that say so,
//! written once.
//!
//! A poll loop asks it for its [`Acceptor::pollfds`] and its [`Acceptor::next_wake`], and
//! on readiness takes the clients with [`Acceptor::accept_ready`]; a mode that serves one
//! client at a time waits with [`Acceptor::accept_one`].
//!
//! With `--tls` the acceptor terminates TLS: each client's handshake runs on a thread of
//! its own (a slow or non-TLS client never holds up the others), and the mode is handed
//! the plain end of a bridge ([`crate::engine::bridge`]) once the handshake is done. Every
//! mode thereby speaks TLS without knowing about it.

use std::net::IpAddr;
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use socket2::{SockAddr, Socket};

use crate::endpoint::{self, Prefix};
use crate::error::{Failure, failed, reason};
use crate::fdio;
use crate::options::Ctx;
use crate::schema::Event;
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
#[derive(Clone, Default)]
pub struct Rules {
    /// Terminate TLS with this server configuration (`--tls`).
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// Keep accepting after the first client (otherwise the listener closes once it is
    /// in, so later clients are refused rather than left waiting in the backlog).
    pub keep_open: bool,
    /// Serve at most this many clients at once; more are closed at accept.
    pub max_conns: Option<usize>,
    /// Bound on the wait for the first client (`-w`).
    pub first_within: Option<Duration>,
}

/// A client let in: its socket (with `--tls`, the plain end of its bridge), its address
/// and how it is shown.
pub struct Admitted {
    pub sock: Socket,
    pub addr: SockAddr,
    pub peer: String,
    /// Under `--tls --verify-client`: the subject of the client's certificate.
    pub cert_subject: Option<String>,
}

pub struct Acceptor<'a> {
    ctx: &'a Ctx,
    listener: Option<Socket>,
    access: &'a Access,
    rules: Rules,
    started: Instant,
    served: usize,
    pause: AcceptPause,
    handshakes: Option<Handshakes>,
}

/// TLS handshakes under way on their threads, and the clients they finished.
struct Handshakes {
    done: mpsc::Receiver<Result<Admitted, String>>,
    sender: mpsc::Sender<Result<Admitted, String>>,
    /// Why the last handshake that failed did (for a one-client listener's error).
    last_failure: Option<String>,
    /// A byte is written to it for each finished handshake, so poll(2) wakes for it.
    wake_r: OwnedFd,
    wake_w: Arc<OwnedFd>,
    under_way: Arc<AtomicUsize>,
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
        let handshakes = match rules.tls {
            Some(_) => {
                let (wake_r, wake_w) = fdio::pipe(4096).map_err(|e| failed("pipe", reason(&e)))?;
                fdio::set_nonblocking(wake_r.as_raw_fd());
                fdio::set_nonblocking(wake_w.as_raw_fd());
                let (sender, done) = mpsc::channel();
                Some(Handshakes {
                    done,
                    sender,
                    last_failure: None,
                    wake_r,
                    wake_w: Arc::new(wake_w),
                    under_way: Arc::new(AtomicUsize::new(0)),
                })
            }
            None => None,
        };
        Ok(Acceptor {
            ctx,
            listener: Some(listener),
            access,
            rules,
            started: Instant::now(),
            served: 0,
            pause: AcceptPause::default(),
            handshakes,
        })
    }

    /// Whether clients may still come (or a TLS handshake may still finish).
    pub fn is_open(&self) -> bool {
        self.listener.is_some() || self.handshaking() > 0
    }

    /// TLS handshakes under way.
    fn handshaking(&self) -> usize {
        self.handshakes
            .as_ref()
            .map_or(0, |h| h.under_way.load(Ordering::SeqCst))
    }

    /// The mode could not get the descriptors a new client needs (`e`: EMFILE, ENFILE):
    /// accepting rests, as when accept(2) itself fails for want of them, with the same
    /// warning.
    pub fn short_of_descriptors(&mut self, e: &std::io::Error, serving: usize) {
        self.pause.on_error(self.ctx, e, serving);
    }

    /// How many clients were let in so far.
    pub fn served(&self) -> usize {
        self.served
    }

    /// What to poll for new clients, appended to `fds`; returns how many were added (the
    /// caller calls [`Acceptor::accept_ready`] when any of them is ready). The listener
    /// is left out once closed, or while resting for want of descriptors (it would be
    /// readable at once, with nothing to accept); with `--tls`, finished handshakes wake
    /// the loop too.
    pub fn pollfds(&mut self, fds: &mut Vec<libc::pollfd>) -> usize {
        let before = fds.len();
        if !self.pause.active()
            && let Some(l) = &self.listener
        {
            fds.push(fdio::pollfd(l.as_raw_fd(), libc::POLLIN));
        }
        if let Some(h) = &self.handshakes {
            fds.push(fdio::pollfd(h.wake_r.as_raw_fd(), libc::POLLIN));
        }
        fds.len() - before
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
                    wake = fdio::earliest(wake, Some(left));
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
        self.accept_some(active, usize::MAX)
    }

    /// [`Acceptor::accept_ready`], letting in at most `most` clients this time (a mode
    /// that needs descriptors of its own per client has that many ready).
    pub fn accept_some(&mut self, active: usize, most: usize) -> Vec<Admitted> {
        let mut admitted = self.take_handshaken();
        let active = active + self.handshaking();
        while let Some(listener) = &self.listener
            && admitted.len() < most
        {
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
                self.ctx.out.emit(
                    &Event::Refused {
                        peer: &peer,
                        reason: "max-conns",
                    },
                    || format!("refused {peer}: --max-conns reached"),
                );
                continue;
            }
            self.served += 1;
            if !self.rules.keep_open {
                self.listener = None;
            }
            match &self.rules.tls {
                Some(config) => self.start_handshake(config.clone(), sock, addr, peer),
                None => admitted.push(Admitted {
                    sock,
                    addr,
                    peer,
                    cert_subject: None,
                }),
            }
        }
        admitted
    }

    /// The clients whose TLS handshake finished since the last look.
    fn take_handshaken(&mut self) -> Vec<Admitted> {
        let Some(h) = &mut self.handshakes else {
            return Vec::new();
        };
        let mut sink = [0u8; 64];
        while fdio::read(h.wake_r.as_raw_fd(), &mut sink).is_ok_and(|n| n > 0) {}
        let mut done = Vec::new();
        for r in h.done.try_iter() {
            match r {
                Ok(client) => done.push(client),
                Err(why) => h.last_failure = Some(why),
            }
        }
        done
    }

    /// Run a client's TLS handshake on a thread of its own (bounded by `-w`, default
    /// [`HANDSHAKE_WAIT`]); once done, the client is handed over through the channel, and
    /// the thread carries its bytes until the session ends.
    fn start_handshake(
        &self,
        config: Arc<rustls::ServerConfig>,
        sock: Socket,
        addr: SockAddr,
        peer: String,
    ) {
        let Some(h) = &self.handshakes else {
            return;
        };
        let out = self.ctx.out.clone();
        let who = peer.clone();
        let limit = self.ctx.timeout.unwrap_or(HANDSHAKE_WAIT);
        let (sender, wake, under_way) = (h.sender.clone(), h.wake_w.clone(), h.under_way.clone());
        under_way.fetch_add(1, Ordering::SeqCst);
        let job = move || {
            let client = crate::engine::tls::terminate(sock, config, Instant::now() + limit);
            // Counted as under way until the channel has the outcome (the acceptor stays
            // open for it meanwhile); the wake comes last, so that a loop woken by it
            // sees both the outcome and the count.
            let hand_over = |outcome: Result<Admitted, String>| {
                let sent = sender.send(outcome).is_ok();
                under_way.fetch_sub(1, Ordering::SeqCst);
                if sent {
                    let _ = fdio::write_all(wake.as_raw_fd(), b"x");
                }
            };
            let (plain, accepted, bridge) = match client {
                Ok(done) => done,
                Err(f) => {
                    out.emit(
                        &Event::TlsFailed {
                            peer: &peer,
                            error: &f.message,
                        },
                        || format!("{peer}: {}", f.message),
                    );
                    hand_over(Err(format!("TLS handshake with {peer}: {}", f.message)));
                    return;
                }
            };
            let info = &accepted.info;
            out.emit(
                &Event::TlsAccepted {
                    peer: &peer,
                    protocol: &info.protocol,
                    cipher: &info.cipher,
                    client_subject: accepted.peer_subject.as_deref(),
                },
                || format!("{peer}: {} {}", info.protocol, info.cipher),
            );
            let handed = Admitted {
                sock: plain,
                addr,
                peer: peer.clone(),
                cert_subject: accepted.peer_subject,
            };
            hand_over(Ok(handed));
            crate::engine::tls::report_end(&out, &peer, bridge.wait());
        };
        if signals::spawn_detached(job).is_none() {
            h.under_way.fetch_sub(1, Ordering::SeqCst);
            self.ctx.out.warn(&format!(
                "{who}: no thread could be started for its TLS handshake (a process limit); closed"
            ));
        }
    }

    /// Wait (bounded by `-w`, ended by a signal) for the next client let in.
    pub fn accept_one(&mut self, active: usize) -> anyhow::Result<Admitted> {
        let mut fds = Vec::with_capacity(2);
        loop {
            signals::check()?;
            let wake = self.next_wake()?;
            fds.clear();
            if self.pollfds(&mut fds) == 0 {
                if !self.is_open() {
                    return Err(failed("accept", "no client could be served").into());
                }
                std::thread::sleep(wake.unwrap_or(ACCEPT_PAUSE));
                continue;
            }
            if fdio::poll(&mut fds, wake)? == 0 {
                continue;
            }
            if let Some(client) = self.accept_ready(active).into_iter().next() {
                return Ok(client);
            }
            if !self.is_open() {
                // The one client's TLS handshake failed.
                let why = self
                    .handshakes
                    .as_mut()
                    .and_then(|h| h.last_failure.take())
                    .unwrap_or_else(|| "the client's TLS handshake failed".to_string());
                return Err(failed("accept", why).into());
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
            self.ctx
                .out
                .emit(&Event::Denied { peer: &peer }, || format!("denied {peer}"));
            return None;
        }
        self.ctx.out.emit(&Event::Accepted { peer: &peer }, || {
            format!("accepted {peer}")
        });
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
/// How long a client has for its TLS handshake when `-w` does not say.
const HANDSHAKE_WAIT: Duration = Duration::from_secs(10);

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
                        ctx.out
                            .emit(&Event::Short { reason: &reason(e) }, || message.clone());
                    } else {
                        ctx.out.warn(&message);
                    }
                }
                true
            }
            Some(libc::ECONNABORTED | libc::EPROTO) => {
                let why = reason(e);
                ctx.out.emit(&Event::Aborted { reason: &why }, || {
                    format!("accept: {why}")
                });
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
            ctx.out
                .emit(&Event::Accepting {}, || "accepting again".to_string());
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
