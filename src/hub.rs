//! Many clients at once in one poll(2) loop: `listen -k`, `--echo` and `--broker`.
//!
//! Each client has a bounded queue of bytes on their way to it. A source (stdin, a
//! client) is only read while every queue it feeds has room, so a slow reader slows its
//! sources down instead of growing memory or losing bytes.

use std::net::Shutdown;
use std::os::fd::{AsRawFd, RawFd};
use std::time::{Duration, Instant};

use socket2::Socket;

use crate::error::reason;
use crate::fdio::{self, STDIN, STDOUT};
use crate::options::Ctx;
use crate::output::stdout_error;
use crate::relay::{self, Crlf, Totals};
use crate::signals;

/// Bytes read per call, and the room a queue must have for its sources to be read.
const CHUNK: usize = 64 * 1024;
/// `--broker`: how long a client's queue may stay full (it is not reading) before it is
/// dropped, so that one client that stops reading never stalls the room.
const NOT_READING_GRACE: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Client bytes to stdout, stdin to every client.
    Relay,
    /// Each client's bytes back to it.
    Echo,
    /// Each client's bytes to every other client.
    Broker,
}

/// Decides whether a connection may stay; the listener supplies it (access control).
pub trait Gate {
    /// `Some(peer shown)` to serve the client, `None` to close it.
    fn admit(&self, ctx: &Ctx, sock: &Socket, addr: &socket2::SockAddr) -> Option<String>;
}

pub struct Options {
    pub mode: Mode,
    /// Keep accepting after the first client.
    pub keep_open: bool,
    pub max_conns: Option<usize>,
    pub idle_timeout: Option<Duration>,
    /// Bound on the wait for the first client.
    pub accept_timeout: Option<Duration>,
    pub no_shutdown: bool,
    pub crlf: bool,
    pub stats: bool,
}

struct Client {
    sock: Socket,
    fd: RawFd,
    peer: String,
    queue: Vec<u8>,
    queue_at: usize,
    eof: bool,
    write_shut: bool,
    received: u64,
    sent: u64,
    opened: Instant,
    last_moved: Instant,
    /// Since when its queue has had no room (`--broker` drops it past a grace).
    full_since: Option<Instant>,
}

impl Client {
    fn queued(&self) -> usize {
        self.queue.len() - self.queue_at
    }

    fn has_room(&self) -> bool {
        self.queued() < CHUNK
    }

    fn push(&mut self, data: &[u8]) {
        if self.queue_at > 0 && self.queue_at == self.queue.len() {
            self.queue.clear();
            self.queue_at = 0;
        }
        self.queue.extend_from_slice(data);
    }

    /// Send what is queued without blocking; an error means the client is gone.
    fn flush(&mut self) -> std::io::Result<()> {
        while self.queued() > 0 {
            match fdio::send(self.fd, &self.queue[self.queue_at..]) {
                Ok(n) => {
                    self.queue_at += n;
                    self.sent += n as u64;
                    self.last_moved = Instant::now();
                }
                Err(e) if fdio::would_block(&e) => return Ok(()),
                Err(e) => return Err(e),
            }
        }
        self.queue.clear();
        self.queue_at = 0;
        if self.queue.capacity() > 2 * CHUNK {
            self.queue.shrink_to(CHUNK);
        }
        Ok(())
    }

    fn totals(&self) -> Totals {
        Totals {
            received: self.received,
            sent: self.sent,
            elapsed: self.opened.elapsed(),
        }
    }
}

pub struct Hub<'a> {
    ctx: &'a Ctx,
    /// None once the one client of a non-keep-open hub is in.
    listener: Option<Socket>,
    gate: &'a dyn Gate,
    opts: &'a Options,
    clients: Vec<Client>,
    served: usize,
    stdin_open: bool,
    crlf: Crlf,
    buf: Vec<u8>,
    pause: AcceptPause,
}

impl<'a> Hub<'a> {
    pub fn new(
        ctx: &'a Ctx,
        listener: Socket,
        gate: &'a dyn Gate,
        opts: &'a Options,
    ) -> std::io::Result<Hub<'a>> {
        listener.set_nonblocking(true)?;
        Ok(Hub {
            ctx,
            listener: Some(listener),
            gate,
            opts,
            clients: Vec::new(),
            served: 0,
            // As ncat's broker does, sockkit's own stdin goes to every client.
            stdin_open: matches!(opts.mode, Mode::Relay | Mode::Broker),
            crlf: Crlf::default(),
            buf: vec![0; CHUNK],
            pause: AcceptPause::default(),
        })
    }

    /// Serve until the one client is done (without keep-open) or a signal comes.
    pub fn run(&mut self) -> anyhow::Result<()> {
        let started = Instant::now();
        loop {
            signals::check()?;
            if self.listener.is_none() && self.clients.is_empty() {
                return Ok(());
            }
            // Out of descriptors, the listener is left alone for a moment rather than
            // polled (it would be readable at once, with nothing we could accept).
            let accepting = self.listener.is_some() && !self.pause.active();
            let (mut fds, stdin_at) = self.poll_set(accepting);
            let wait = self.next_wake(started)?;
            if fdio::poll(&mut fds, wait)? == 0 {
                self.drop_stalled();
                self.close_idle();
                continue;
            }
            let first_client = usize::from(accepting) + usize::from(stdin_at.is_some());
            // Only what was asked for counts: POLLHUP comes unasked, and a client whose
            // queues are full must wait even if its peer has hung up.
            let readable: Vec<bool> = fds[first_client..]
                .iter()
                .map(|f| f.events & libc::POLLIN != 0 && f.revents != 0)
                .collect();
            // A client not asked for anything (its bytes have nowhere to go yet) still
            // gets POLLERR/POLLHUP/POLLNVAL unasked: it is gone, or poll would return at
            // once forever.
            let broken: Vec<bool> = fds[first_client..]
                .iter()
                .map(|f| {
                    f.events & libc::POLLIN == 0
                        && f.revents & (libc::POLLERR | libc::POLLHUP | libc::POLLNVAL) != 0
                })
                .collect();
            if accepting && fds[0].revents != 0 {
                self.accept_all();
            }
            if let Some(i) = stdin_at
                && fds[i].revents != 0
            {
                self.read_stdin()?;
            }
            // Clients accepted just now are at the end, beyond `revents`.
            for (i, ready) in readable.iter().enumerate() {
                if *ready {
                    self.read_client(i)?;
                }
            }
            for (i, gone) in broken.iter().enumerate() {
                if *gone {
                    self.drop_client(i);
                }
            }
            self.flush_and_close();
            self.drop_stalled();
            self.close_idle();
        }
    }

    fn poll_set(&self, accepting: bool) -> (Vec<libc::pollfd>, Option<usize>) {
        let mut fds = Vec::with_capacity(self.clients.len() + 2);
        if let Some(l) = self.listener.as_ref().filter(|_| accepting) {
            fds.push(fdio::pollfd(l.as_raw_fd(), libc::POLLIN));
        }
        let mut stdin_at = None;
        let stdin_wanted = self.stdin_open
            && !self.clients.is_empty()
            && self.clients.iter().all(Client::has_room);
        if stdin_wanted {
            stdin_at = Some(fds.len());
            fds.push(fdio::pollfd(STDIN, libc::POLLIN));
        }
        for (i, c) in self.clients.iter().enumerate() {
            let mut events = 0;
            if !c.eof && self.may_read(i) {
                events |= libc::POLLIN;
            }
            if c.queued() > 0 {
                events |= libc::POLLOUT;
            }
            fds.push(fdio::pollfd(c.fd, events));
        }
        (fds, stdin_at)
    }

    /// A client is read only while every queue its bytes go to has room.
    fn may_read(&self, i: usize) -> bool {
        match self.opts.mode {
            Mode::Relay => true,
            Mode::Echo => self.clients[i].has_room(),
            Mode::Broker => self
                .clients
                .iter()
                .enumerate()
                .all(|(j, c)| j == i || c.has_room()),
        }
    }

    fn next_wake(&self, started: Instant) -> anyhow::Result<Option<Duration>> {
        let mut wake = None;
        if let Some(limit) = self.opts.accept_timeout
            && self.served == 0
        {
            let left = (started + limit).checked_duration_since(Instant::now());
            match left {
                Some(left) if !left.is_zero() => wake = Some(left),
                _ => {
                    return Err(no_client_within(limit).into());
                }
            }
        }
        if let Some(idle) = self.opts.idle_timeout
            && !self.clients.is_empty()
        {
            let tick = idle.min(Duration::from_millis(250));
            wake = Some(wake.map_or(tick, |w: Duration| w.min(tick)));
        }
        if let Some(left) = self.pause.remaining() {
            wake = Some(wake.map_or(left, |w: Duration| w.min(left)));
        }
        let stalled = self.clients.iter().filter_map(|c| c.full_since).min();
        if let Some(since) = stalled {
            let left = (since + NOT_READING_GRACE).saturating_duration_since(Instant::now());
            wake = Some(wake.map_or(left, |w: Duration| w.min(left)));
        }
        Ok(wake)
    }

    fn accept_all(&mut self) {
        loop {
            let Some(listener) = &self.listener else {
                return;
            };
            let (sock, addr) = match crate::socket::accept(self.ctx, listener) {
                Ok(pair) => pair,
                Err(e) if fdio::would_block(&e) => return,
                Err(e) => {
                    if self.pause.on_error(self.ctx, &e, self.clients.len()) {
                        return;
                    }
                    continue;
                }
            };
            self.pause.on_success(self.ctx);
            let Some(peer) = self.gate.admit(self.ctx, &sock, &addr) else {
                continue;
            };
            if self.opts.max_conns.is_some_and(|m| self.clients.len() >= m) {
                self.ctx.out.event(
                    1,
                    "refused",
                    || format!("refused {peer}: --max-conns reached"),
                    serde_json::json!({"peer": peer, "reason": "max-conns"}),
                );
                continue;
            }
            if let Err(e) = sock.set_nonblocking(true) {
                self.ctx.out.warn(&format!("{peer}: {}", reason(&e)));
                continue;
            }
            let now = Instant::now();
            self.clients.push(Client {
                fd: sock.as_raw_fd(),
                sock,
                peer,
                queue: Vec::new(),
                queue_at: 0,
                eof: false,
                write_shut: false,
                received: 0,
                sent: 0,
                opened: now,
                last_moved: now,
                full_since: None,
            });
            self.served += 1;
            if !self.opts.keep_open {
                // Later clients are refused rather than left waiting in the backlog.
                self.listener = None;
                return;
            }
        }
    }

    fn read_stdin(&mut self) -> anyhow::Result<()> {
        let n = match fdio::read(STDIN, &mut self.buf) {
            Ok(n) => n,
            Err(e) if e.raw_os_error() == Some(libc::EBADF) => 0,
            Err(e) => return Err(crate::error::failed("standard input", reason(&e)).into()),
        };
        if n == 0 {
            self.stdin_open = false;
            return Ok(());
        }
        let mut data = Vec::with_capacity(n + n / 8);
        if self.opts.crlf {
            self.crlf.translate(&self.buf[..n], &mut data);
        } else {
            data.extend_from_slice(&self.buf[..n]);
        }
        for c in &mut self.clients {
            c.push(&data);
        }
        Ok(())
    }

    fn read_client(&mut self, i: usize) -> anyhow::Result<()> {
        let c = &mut self.clients[i];
        let n = match fdio::recv(c.fd, &mut self.buf) {
            Ok(n) => n,
            Err(e) if fdio::would_block(&e) => return Ok(()),
            Err(e) => {
                self.ctx.out.event(
                    1,
                    "error",
                    || format!("{}: {}", c.peer, reason(&e)),
                    serde_json::json!({"peer": c.peer, "error": reason(&e)}),
                );
                c.eof = true;
                c.queue.clear();
                c.queue_at = 0;
                return Ok(());
            }
        };
        if n == 0 {
            c.eof = true;
            return Ok(());
        }
        c.received += n as u64;
        c.last_moved = Instant::now();
        let data = &self.buf[..n];
        match self.opts.mode {
            Mode::Relay => fdio::write_all(STDOUT, data).map_err(stdout_error)?,
            Mode::Echo => c.push(data),
            Mode::Broker => {
                let now = Instant::now();
                for (j, other) in self.clients.iter_mut().enumerate() {
                    if j != i {
                        other.push(data);
                        other.last_moved = now;
                    }
                }
            }
        }
        Ok(())
    }

    /// The client hung up or failed while it was not being read: nothing more goes to
    /// or comes from it; [`Hub::flush_and_close`] closes it.
    fn drop_client(&mut self, i: usize) {
        let c = &mut self.clients[i];
        let why = match c.sock.take_error() {
            Ok(Some(e)) => reason(&e),
            _ => "hung up".to_string(),
        };
        self.ctx.out.event(
            1,
            "error",
            || format!("{}: {why}", c.peer),
            serde_json::json!({"peer": c.peer, "error": why}),
        );
        c.eof = true;
        c.queue.clear();
        c.queue_at = 0;
    }

    /// Send what is queued; close clients that are done; half-close when stdin ended.
    fn flush_and_close(&mut self) {
        let stdin_done = self.opts.mode == Mode::Relay && !self.stdin_open;
        let mut i = 0;
        while i < self.clients.len() {
            let c = &mut self.clients[i];
            let gone = match c.flush() {
                Ok(()) => false,
                Err(e) => {
                    self.ctx.out.event(
                        1,
                        "error",
                        || format!("{}: {}", c.peer, reason(&e)),
                        serde_json::json!({"peer": c.peer, "error": reason(&e)}),
                    );
                    true
                }
            };
            if !gone && c.queued() == 0 && stdin_done && !c.write_shut && !self.opts.no_shutdown {
                c.write_shut = true;
                let _ = crate::socket::shutdown(self.ctx, &c.sock, Shutdown::Write);
            }
            if gone || (c.eof && c.queued() == 0) {
                let c = self.clients.swap_remove(i);
                relay::report_end(self.ctx, &c.peer, &c.totals(), self.opts.stats, true);
                continue;
            }
            i += 1;
        }
    }

    /// `--broker`: a client whose queue has stayed full past [`NOT_READING_GRACE`] is not
    /// reading; it is dropped so that the others go on.
    fn drop_stalled(&mut self) {
        if self.opts.mode != Mode::Broker {
            return;
        }
        let now = Instant::now();
        let mut i = 0;
        while i < self.clients.len() {
            let c = &mut self.clients[i];
            if c.has_room() {
                c.full_since = None;
            } else if c.full_since.is_none() {
                c.full_since = Some(now);
            }
            if c.full_since.is_some_and(|t| now - t >= NOT_READING_GRACE) {
                let c = self.clients.swap_remove(i);
                self.ctx.out.event(
                    1,
                    "dropped",
                    || format!("dropped {}: not reading", c.peer),
                    serde_json::json!({"peer": c.peer, "reason": "not-reading",
                                       "bytes_queued": c.queued()}),
                );
                relay::report_end(self.ctx, &c.peer, &c.totals(), self.opts.stats, true);
                continue;
            }
            i += 1;
        }
    }

    fn close_idle(&mut self) {
        let Some(idle) = self.opts.idle_timeout else {
            return;
        };
        let mut i = 0;
        while i < self.clients.len() {
            if self.clients[i].last_moved.elapsed() >= idle {
                let c = self.clients.swap_remove(i);
                self.ctx.out.event(
                    1,
                    "idle",
                    || {
                        format!(
                            "{}: idle for {}, closing",
                            c.peer,
                            humantime::format_duration(idle)
                        )
                    },
                    serde_json::json!({"peer": c.peer, "reason": "idle-timeout"}),
                );
                relay::report_end(self.ctx, &c.peer, &c.totals(), self.opts.stats, true);
                continue;
            }
            i += 1;
        }
    }
}

/// Accepting while the process is out of file descriptors (EMFILE, ENFILE): the clients
/// already connected go on being served, the listener rests for a moment instead of
/// being polled in a busy loop, the user is told once, and accepting resumes, picking up
/// the clients waiting in the backlog, as soon as descriptors free up.
#[derive(Debug, Default)]
pub struct AcceptPause {
    until: Option<Instant>,
    /// Short of descriptors now (for the "accepting again" event).
    short: bool,
    /// The warning is given once per process; later shortages are `-v` events.
    warned: bool,
}

const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

impl AcceptPause {
    /// Whether accepting is paused right now.
    pub fn active(&mut self) -> bool {
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
    pub fn remaining(&self) -> Option<Duration> {
        self.until
            .map(|t| t.saturating_duration_since(Instant::now()))
    }

    /// An accept that failed: true when accepting should stop for now (out of
    /// descriptors, or an error worth a warning); false for a client that went away
    /// before it was accepted, after which accepting goes on.
    pub fn on_error(&mut self, ctx: &Ctx, e: &std::io::Error, serving: usize) -> bool {
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
                ctx.out.warn(&format!("accept: {}", reason(e)));
                true
            }
        }
    }

    /// An accept that worked: after a shortage, say that accepting is back.
    pub fn on_success(&mut self, ctx: &Ctx) {
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
pub fn no_client_within(limit: Duration) -> crate::error::Failure {
    crate::error::failed(
        "accept",
        format!(
            "timed out: no client within {}",
            humantime::format_duration(limit)
        ),
    )
}
