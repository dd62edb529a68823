//! Many clients at once in one poll(2) loop, their bytes fanned in and out: `listen -k`
//! (every client to stdout, stdin to every client) and `--broker` (every client to
//! every other). `--echo`, where each client is a session of its own, is an engine pump
//! per client ([`crate::echo`]).
//!
//! Each client has a bounded queue of bytes on their way to it. A source (stdin, a
//! client) is only read while every queue it feeds has room, so a slow reader slows its
//! sources down instead of growing memory or losing bytes.

use std::net::Shutdown;
use std::os::fd::{AsRawFd, RawFd};
use std::time::{Duration, Instant};

use socket2::Socket;

use crate::acceptor::Acceptor;
use crate::dump::{ConnDump, Dump};
use crate::engine::Dir;
use crate::engine::Stdio;
use crate::error::reason;
use crate::fdio::{self, STDIN, STDOUT};
use crate::options::Ctx;
use crate::output::stdout_error;
use crate::relay::{self, Totals};
use crate::schema::Event;
use crate::signals;

/// Bytes read per call, and the room a queue must have for its sources to be read.
const CHUNK: usize = 64 * 1024;
/// `--broker`: how long a client's queue may stay full (it is not reading) before it is
/// dropped, so that one client that stops reading never stalls the room.
const NOT_READING_GRACE: Duration = Duration::from_secs(2);

/// How many clients are served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Client bytes to stdout, stdin to every client.
    Relay,
    /// Each client's bytes back to it.
    Echo,
    /// Each client's bytes to every other client.
    Broker,
}

pub struct Options {
    pub mode: Mode,
    pub idle_timeout: Option<Duration>,
    pub no_shutdown: bool,
    pub crlf: bool,
    pub stats: bool,
    /// `--dump`: every client's chunks, each way.
    pub dump: Option<Dump>,
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
    dump: Option<ConnDump>,
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
                    if let Some(d) = &mut self.dump {
                        d.chunk(Dir::Out, &self.queue[self.queue_at..self.queue_at + n]);
                    }
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

/// Where the bytes of a fan-in/fan-out hub go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fan {
    /// Client bytes to stdout, stdin to every client.
    Relay,
    /// Each client's bytes to every other client, stdin to every client.
    Broker,
}

pub struct Hub<'a> {
    ctx: &'a Ctx,
    acceptor: Acceptor<'a>,
    opts: &'a Options,
    fan: Fan,
    clients: Vec<Client>,
    stdin_open: bool,
    /// sockkit's own stdin (`--crlf` translated), read when poll says so.
    stdin: Stdio,
    buf: Vec<u8>,
}

impl<'a> Hub<'a> {
    pub fn new(ctx: &'a Ctx, acceptor: Acceptor<'a>, opts: &'a Options, fan: Fan) -> Hub<'a> {
        Hub {
            ctx,
            acceptor,
            opts,
            fan,
            clients: Vec::new(),
            // As ncat's broker does, sockkit's own stdin goes to every client.
            stdin_open: true,
            stdin: Stdio::process(None, opts.crlf),
            buf: vec![0; CHUNK],
        }
    }

    /// Serve until the one client is done (without keep-open) or a signal comes.
    pub fn run(&mut self) -> anyhow::Result<()> {
        loop {
            signals::check()?;
            if !self.acceptor.is_open() && self.clients.is_empty() {
                return Ok(());
            }
            let (mut fds, accepting, stdin_at) = self.poll_set();
            let wait = self.next_wake()?;
            if fdio::poll(&mut fds, wait)? == 0 {
                self.drop_stalled();
                self.close_idle();
                continue;
            }
            let first_client = accepting + usize::from(stdin_at.is_some());
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
            if fds[..accepting].iter().any(|f| f.revents != 0) {
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

    /// The descriptors to poll: the acceptor's first (how many), then stdin (where), then
    /// every client.
    fn poll_set(&mut self) -> (Vec<libc::pollfd>, usize, Option<usize>) {
        let mut fds = Vec::with_capacity(self.clients.len() + 3);
        let accepting = self.acceptor.pollfds(&mut fds);
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
        (fds, accepting, stdin_at)
    }

    /// A client is read only while every queue its bytes go to has room.
    fn may_read(&self, i: usize) -> bool {
        match self.fan {
            Fan::Relay => true,
            Fan::Broker => self
                .clients
                .iter()
                .enumerate()
                .all(|(j, c)| j == i || c.has_room()),
        }
    }

    fn next_wake(&self) -> anyhow::Result<Option<Duration>> {
        let mut wake = self.acceptor.next_wake()?;
        if let Some(idle) = self.opts.idle_timeout
            && !self.clients.is_empty()
        {
            let tick = idle.min(Duration::from_millis(250));
            wake = fdio::earliest(wake, Some(tick));
        }
        let stalled = self.clients.iter().filter_map(|c| c.full_since).min();
        if let Some(since) = stalled {
            let left = (since + NOT_READING_GRACE).saturating_duration_since(Instant::now());
            wake = fdio::earliest(wake, Some(left));
        }
        Ok(wake)
    }

    fn accept_all(&mut self) {
        for c in self.acceptor.accept_ready(self.clients.len()) {
            if let Err(e) = c.sock.set_nonblocking(true) {
                self.ctx.out.warn(&format!("{}: {}", c.peer, reason(&e)));
                continue;
            }
            let now = Instant::now();
            let dump = self.opts.dump.as_ref().map(|d| d.conn(&c.peer));
            self.clients.push(Client {
                fd: c.sock.as_raw_fd(),
                sock: c.sock,
                peer: c.peer,
                queue: Vec::new(),
                queue_at: 0,
                eof: false,
                write_shut: false,
                received: 0,
                sent: 0,
                opened: now,
                last_moved: now,
                full_since: None,
                dump,
            });
        }
    }

    fn read_stdin(&mut self) -> anyhow::Result<()> {
        // What --crlf made longer than the buffer comes in the reads that follow, without
        // waiting for poll.
        loop {
            let n = match self.stdin.read(&mut self.buf) {
                Ok(0) => {
                    self.stdin_open = false;
                    return Ok(());
                }
                Ok(n) => n,
                Err(e) if fdio::would_block(&e) => return Ok(()),
                Err(e) => return Err(crate::error::failed("standard input", reason(&e)).into()),
            };
            for c in &mut self.clients {
                c.push(&self.buf[..n]);
            }
            if !self.stdin.has_carry() {
                return Ok(());
            }
        }
    }

    fn read_client(&mut self, i: usize) -> anyhow::Result<()> {
        let c = &mut self.clients[i];
        let n = match fdio::recv(c.fd, &mut self.buf) {
            Ok(n) => n,
            Err(e) if fdio::would_block(&e) => return Ok(()),
            Err(e) => {
                self.fail_client(i, &reason(&e));
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
        if let Some(d) = &mut c.dump {
            d.chunk(Dir::In, data);
        }
        match self.fan {
            Fan::Relay => fdio::write_all(STDOUT, data).map_err(stdout_error)?,
            Fan::Broker => {
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
        let why = match self.clients[i].sock.take_error() {
            Ok(Some(e)) => reason(&e),
            _ => "hung up".to_string(),
        };
        self.fail_client(i, &why);
    }

    /// Client `i` failed (`why`): said as an event; nothing more goes to or comes from it.
    fn fail_client(&mut self, i: usize, why: &str) {
        let c = &mut self.clients[i];
        report_error(self.ctx, &c.peer, why);
        c.eof = true;
        c.queue.clear();
        c.queue_at = 0;
    }

    /// Send what is queued; close clients that are done; half-close when stdin ended.
    fn flush_and_close(&mut self) {
        let stdin_done = self.fan == Fan::Relay && !self.stdin_open;
        let mut i = 0;
        while i < self.clients.len() {
            let c = &mut self.clients[i];
            let gone = match c.flush() {
                Ok(()) => false,
                Err(e) => {
                    report_error(self.ctx, &c.peer, &reason(&e));
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
        if self.fan != Fan::Broker {
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
                let event = Event::Dropped {
                    peer: &c.peer,
                    reason: "not-reading",
                    bytes_queued: c.queued(),
                };
                self.ctx
                    .out
                    .emit(&event, || format!("dropped {}: not reading", c.peer));
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
                let event = Event::Idle {
                    peer: &c.peer,
                    reason: "idle-timeout",
                };
                self.ctx.out.emit(&event, || {
                    format!(
                        "{}: idle for {}, closing",
                        c.peer,
                        humantime::format_duration(idle)
                    )
                });
                relay::report_end(self.ctx, &c.peer, &c.totals(), self.opts.stats, true);
                continue;
            }
            i += 1;
        }
    }
}

/// A client's read or write failed (`error` event at -v).
pub fn report_error(ctx: &Ctx, peer: &str, why: &str) {
    let event = Event::ClientError { peer, error: why };
    ctx.out.emit(&event, || format!("{peer}: {why}"));
}
