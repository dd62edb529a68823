//! The stdio<->socket relay of one connection, shared by `listen` and `connect`.
//!
//! One poll(2) loop moves bytes both ways with the fastest path the kernel offers:
//! sendfile(2) from a regular-file stdin, splice(2) from a pipe stdin, splice(2) from
//! the socket through a pipe to stdout; plain reads and writes with a large buffer for
//! terminals and whatever refuses splice. The end of a session follows SPEC.md:
//!
//! - stdin EOF half-closes (unless `--no-shutdown`) and reading goes on, however late;
//! - at the peer's EOF what was received is written out and stdout is closed. A terminal
//!   stdin then ends the session; a file, pipe or socket stdin is data a script means to
//!   deliver, so it is sent to its end (bounded only by `--linger`), and the session
//!   fails, saying how much was not delivered, if the peer refuses it;
//! - SIGINT/SIGTERM while stdin is still being sent resets the connection, so the peer
//!   cannot take a truncated stream for a whole one.

use std::io;
use std::net::Shutdown;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::time::{Duration, Instant};

use regex::bytes::Regex;
use socket2::Socket;

use crate::dump::ConnDump;
use crate::engine::Dir;
use crate::error::{failed, reason};
use crate::fdio::{self, STDIN, STDOUT};
use crate::options::Ctx;
use crate::output::stdout_error;
use crate::signals;

/// Bytes moved per splice/sendfile call and the size of the copy buffer.
const CHUNK: usize = 1 << 20;
/// How many reads from the socket before giving the other direction a turn.
const BURST: usize = 16;
/// How long the peer's acknowledgements may stall, without -w, before what it has not
/// acknowledged counts as not delivered. Any progress starts the wait again.
const DELIVERY_WAIT: Duration = Duration::from_secs(3);
/// After the peer's EOF, how long stdin may stay silent before sockkit says that it is
/// still waiting for stdin's end.
const SILENT_STDIN_NOTICE: Duration = Duration::from_secs(2);
/// `--expect` matches over the last this many bytes received: memory stays bounded
/// whatever the peer sends.
pub const EXPECT_WINDOW: usize = 64 * 1024;
/// How often the progress line is redrawn.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

/// How the relay behaves; built by `listen` and `connect` from their flags.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub no_shutdown: bool,
    /// LF from stdin goes out as CRLF.
    pub crlf: bool,
    /// End the session when nothing moves either way for this long.
    pub idle_timeout: Option<Duration>,
    /// Once our side is done (stdin EOF), bound the wait for the peer's answer.
    pub reply_timeout: Option<Duration>,
    /// After the peer's EOF, bound on sending the rest of a file/pipe stdin (`--linger`).
    pub linger: Option<Duration>,
    /// Bound on the whole session from its start (`--expect` waits).
    pub overall_timeout: Option<Duration>,
    /// Send these bytes instead of reading stdin (`--send`).
    pub send: Option<Vec<u8>>,
    /// Stop with success as soon as the bytes received match (`--expect`).
    pub expect: Option<Regex>,
    /// Redraw a progress line on stderr (when the output layer allows one).
    pub progress: bool,
    /// The peer as shown in messages: `127.0.0.1:80`.
    pub peer: String,
}

/// What a finished session moved.
#[derive(Debug, Clone, Copy)]
pub struct Totals {
    pub received: u64,
    pub sent: u64,
    pub elapsed: Duration,
}

/// Why a session ended without error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    PeerClosed,
    Matched,
}

/// Where stdin's bytes come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A regular file: sendfile(2).
    File,
    /// A pipe: splice(2) straight into the socket.
    Pipe,
    /// A terminal or anything else: read(2) into the buffer.
    Stream,
    /// `--send` bytes, already in the buffer.
    Given,
}

/// Where the socket's bytes go.
enum Sink {
    /// socket -> pipe -> stdout with splice(2).
    Splice { r: OwnedFd, w: OwnedFd },
    /// read(2) into a buffer, write(2) to stdout.
    Copy,
}

pub struct Relay<'a> {
    ctx: &'a Ctx,
    sock: &'a Socket,
    fd: RawFd,
    opts: &'a Options,
    source: Source,
    sink: Sink,
    /// Bytes on their way to the socket that did not fit yet.
    pending: Vec<u8>,
    pending_at: usize,
    /// Buffer for reads from stdin and from the socket in copy mode.
    buf: Vec<u8>,
    stdin_open: bool,
    write_shut: bool,
    /// The last write to the socket would have blocked: wait for POLLOUT.
    sock_full: bool,
    /// The last bytes received, for `--expect` ([`EXPECT_WINDOW`]), and where in them
    /// the match starts (1 once trimmed: the byte before stays for `^` to look at).
    reply: Vec<u8>,
    reply_from: usize,
    /// stdout was closed by its reader during `--expect`: the verdict still counts.
    stdout_gone: bool,
    /// Bytes sent when the peer's EOF came: what goes after is "late".
    sent_at_peer_eof: Option<u64>,
    received: u64,
    sent: u64,
    start: Instant,
    last_moved: Instant,
    stdin_done_at: Option<Instant>,
    last_progress: Instant,
    crlf: Crlf,
    /// `--dump`: every chunk received and sent (the relay then copies).
    dump: Option<ConnDump>,
}

impl<'a> Relay<'a> {
    pub fn new(ctx: &'a Ctx, sock: &'a Socket, opts: &'a Options) -> io::Result<Relay<'a>> {
        sock.set_nonblocking(true)?;
        let (source, pending) = match &opts.send {
            Some(bytes) if opts.crlf => {
                let mut out = Vec::with_capacity(bytes.len());
                Crlf::default().translate(bytes, &mut out);
                (Source::Given, out)
            }
            Some(bytes) => (Source::Given, bytes.clone()),
            None if opts.crlf => (Source::Stream, Vec::new()),
            None => (
                match fdio::kind(STDIN) {
                    fdio::Kind::File => Source::File,
                    fdio::Kind::Pipe => Source::Pipe,
                    fdio::Kind::Other => Source::Stream,
                },
                Vec::new(),
            ),
        };
        // The pipes shared with our neighbours (`cat file | sockkit`, `sockkit | cat`)
        // are grown like our own: fewer wake-ups on both sides of each.
        for fd in [STDIN, STDOUT] {
            if fdio::kind(fd) == fdio::Kind::Pipe {
                fdio::grow_pipe(fd, CHUNK);
            }
        }
        // A terminal gets plain writes; --expect needs to see the bytes.
        let sink = if opts.expect.is_some() || fdio::is_tty(STDOUT) {
            Sink::Copy
        } else {
            match fdio::pipe(CHUNK) {
                Ok((r, w)) => Sink::Splice { r, w },
                Err(_) => Sink::Copy,
            }
        };
        let now = Instant::now();
        Ok(Relay {
            ctx,
            sock,
            fd: sock.as_raw_fd(),
            opts,
            source,
            sink,
            pending,
            pending_at: 0,
            buf: Vec::new(),
            stdin_open: true,
            write_shut: false,
            sock_full: false,
            reply: Vec::new(),
            reply_from: 0,
            stdout_gone: false,
            sent_at_peer_eof: None,
            received: 0,
            sent: 0,
            start: now,
            last_moved: now,
            stdin_done_at: None,
            last_progress: now,
            crlf: Crlf::default(),
            dump: None,
        })
    }

    /// Record every chunk each way in `dump`: the bytes then pass through memory (the
    /// zero-copy paths give way to reads and writes), unchanged.
    pub fn set_dump(&mut self, dump: ConnDump) {
        self.sink = Sink::Copy;
        if matches!(self.source, Source::File | Source::Pipe) {
            self.source = Source::Stream;
        }
        self.dump = Some(dump);
    }

    pub fn totals(&self) -> Totals {
        Totals {
            received: self.received,
            sent: self.sent,
            elapsed: self.start.elapsed(),
        }
    }

    /// Relay until the session ends; the error, if any, says why it failed.
    pub fn run(&mut self) -> anyhow::Result<End> {
        let end = self.exchange();
        self.clear_progress();
        let end = end?;
        if end == End::PeerClosed {
            self.after_peer_eof()?;
        }
        Ok(end)
    }

    /// SIGINT/SIGTERM: while stdin is still being sent, the connection is set to close
    /// with a reset (SO_LINGER 0) rather than a FIN, so the peer learns that the stream
    /// is incomplete.
    fn check_signal(&self) -> anyhow::Result<()> {
        if signals::caught().is_some() && (self.stdin_open || !self.pending_done()) {
            let _ = self.sock.set_linger(Some(Duration::ZERO));
        }
        signals::check()
    }

    /// A stdout error: `--expect` keeps its verdict when the reader goes away early; a
    /// signal ends the session the signal's way.
    fn stdout_failed(&mut self, e: io::Error) -> anyhow::Result<()> {
        if self.opts.expect.is_some() && e.kind() == io::ErrorKind::BrokenPipe {
            self.stdout_gone = true;
            return Ok(());
        }
        self.check_signal()?;
        Err(stdout_error(e))
    }

    fn exchange(&mut self) -> anyhow::Result<End> {
        if self.source == Source::Given {
            self.after_stdin_chunk()?;
        }
        loop {
            self.check_signal()?;
            let (stdin_wanted, sock_out) = self.interest();
            let mut events = libc::POLLIN;
            if sock_out {
                events |= libc::POLLOUT;
            }
            let mut fds = [
                fdio::pollfd(self.fd, events),
                fdio::pollfd(STDIN, libc::POLLIN),
            ];
            let n = if stdin_wanted { 2 } else { 1 };
            let wait = self.next_wake()?;
            if fdio::poll(&mut fds[..n], wait)? == 0 {
                self.draw_progress();
                continue;
            }
            let sock_ev = fds[0].revents;
            if sock_ev & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0 {
                if self.pump_in()? {
                    return Ok(End::PeerClosed);
                }
                if self.matched() {
                    return Ok(End::Matched);
                }
            }
            let stdin_ready = n == 2 && fds[1].revents != 0;
            if sock_ev & libc::POLLOUT != 0 || stdin_ready {
                self.sock_full = false;
                self.pump_out()?;
            }
            self.draw_progress();
        }
    }

    /// How long poll may sleep: up to the nearest deadline, which fails the session
    /// once it has passed.
    fn next_wake(&self) -> anyhow::Result<Option<Duration>> {
        let now = Instant::now();
        let mut wake: Option<Duration> = None;
        let mut consider = |deadline: Instant, what: String| -> anyhow::Result<()> {
            match deadline.checked_duration_since(now) {
                Some(left) if !left.is_zero() => {
                    wake = Some(wake.map_or(left, |w| w.min(left)));
                    Ok(())
                }
                _ => Err(failed(&self.opts.peer, what).into()),
            }
        };
        if let Some(idle) = self.opts.idle_timeout {
            consider(
                self.last_moved + idle,
                format!(
                    "idle timeout: nothing moved for {}",
                    humantime::format_duration(idle)
                ),
            )?;
        }
        if let (Some(limit), Some(done)) = (self.opts.reply_timeout, self.stdin_done_at) {
            let since = done.max(self.last_moved);
            consider(
                since + limit,
                format!(
                    "timed out: no answer for {}",
                    humantime::format_duration(limit)
                ),
            )?;
        }
        if let Some(limit) = self.opts.overall_timeout {
            let what = match &self.opts.expect {
                Some(re) => format!(
                    "timed out: no reply matching '{}' within {}",
                    re.as_str(),
                    humantime::format_duration(limit)
                ),
                None => format!("timed out after {}", humantime::format_duration(limit)),
            };
            consider(self.start + limit, what)?;
        }
        if self.opts.progress {
            wake = Some(wake.map_or(PROGRESS_EVERY, |w| w.min(PROGRESS_EVERY)));
        }
        Ok(wake)
    }

    /// What the outbound side waits for: stdin readable (a pipe or terminal with room
    /// to send what it gives), and the socket writable (bytes pending, a full socket, or
    /// a file to sendfile).
    fn interest(&self) -> (bool, bool) {
        let stdin_wanted = self.stdin_open
            && self.pending_done()
            && !self.sock_full
            && matches!(self.source, Source::Pipe | Source::Stream);
        let sock_out = !self.pending_done()
            || self.sock_full
            || (self.stdin_open && self.source == Source::File);
        (stdin_wanted, sock_out)
    }

    fn pending_done(&self) -> bool {
        self.pending_at >= self.pending.len()
    }

    /// Whether the bytes received so far match `--expect`.
    pub fn matched(&self) -> bool {
        self.opts
            .expect
            .as_ref()
            .is_some_and(|re| re.is_match_at(&self.reply, self.reply_from))
    }

    /// Keep the last [`EXPECT_WINDOW`] bytes received, plus the one before them.
    fn remember_reply(&mut self, n: usize) {
        self.reply.extend_from_slice(&self.buf[..n]);
        if self.reply.len() > 2 * EXPECT_WINDOW {
            let cut = self.reply.len() - EXPECT_WINDOW - 1;
            self.reply.drain(..cut);
            self.reply_from = 1;
        }
    }

    /// Socket -> stdout. True when the peer has closed its side.
    fn pump_in(&mut self) -> anyhow::Result<bool> {
        for _ in 0..BURST {
            let got = match &self.sink {
                Sink::Splice { w, .. } => fdio::splice(self.fd, w.as_raw_fd(), CHUNK, true),
                Sink::Copy => {
                    self.grow_buf();
                    fdio::recv(self.fd, &mut self.buf)
                }
            };
            match got {
                Ok(0) => return Ok(true),
                Ok(n) => {
                    self.received += n as u64;
                    self.last_moved = Instant::now();
                    if let (Some(d), Sink::Copy) = (&mut self.dump, &self.sink) {
                        d.chunk(Dir::In, &self.buf[..n]);
                    }
                    self.deliver(n)?;
                    if self.matched() {
                        return Ok(false);
                    }
                }
                Err(e) if fdio::would_block(&e) => return Ok(false),
                Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {
                    // This socket refuses splice: copy from now on.
                    self.sink = Sink::Copy;
                }
                Err(e) if self.stdin_open || !self.pending_done() => {
                    return Err(self.send_failed(&e));
                }
                Err(e) => return Err(failed(&self.opts.peer, reason(&e)).into()),
            }
        }
        Ok(false)
    }

    /// Write out the `n` bytes just received (in the pipe or the buffer).
    fn deliver(&mut self, n: usize) -> anyhow::Result<()> {
        match &self.sink {
            Sink::Copy => {
                if self.opts.expect.is_some() {
                    self.remember_reply(n);
                }
                if self.stdout_gone {
                    return Ok(());
                }
                match fdio::write_all(STDOUT, &self.buf[..n]) {
                    Ok(()) => Ok(()),
                    Err(e) => self.stdout_failed(e),
                }
            }
            Sink::Splice { r, .. } => {
                let r = r.as_raw_fd();
                let mut left = n;
                while left > 0 {
                    if left < n && signals::caught().is_some() {
                        // The signal came during a splice that moved some bytes.
                        return self.stdout_failed(io::ErrorKind::Interrupted.into());
                    }
                    match fdio::splice(r, STDOUT, left, false) {
                        Ok(0) => return self.stdout_failed(io::ErrorKind::WriteZero.into()),
                        Ok(m) => left -= m,
                        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {
                            // stdout refuses splice (a terminal, an O_APPEND file): empty the
                            // pipe by hand and copy from now on.
                            self.grow_buf();
                            while left > 0 {
                                let m = fdio::read(r, &mut self.buf[..left.min(CHUNK)])
                                    .map_err(|e| failed("relay pipe", reason(&e)))?;
                                if let Err(e) = fdio::write_all(STDOUT, &self.buf[..m]) {
                                    return self.stdout_failed(e);
                                }
                                left -= m;
                            }
                            self.sink = Sink::Copy;
                        }
                        Err(e) => return self.stdout_failed(e),
                    }
                }
                Ok(())
            }
        }
    }

    fn grow_buf(&mut self) {
        if self.buf.len() < CHUNK {
            self.buf.resize(CHUNK, 0);
        }
    }

    /// stdin -> socket, as far as the socket takes it without blocking; a pipe or
    /// terminal is only read when it has data ready. Returns true when something moved.
    fn pump_out(&mut self) -> anyhow::Result<bool> {
        let mut moved = false;
        loop {
            if !self.pending_done() {
                match fdio::send(self.fd, &self.pending[self.pending_at..]) {
                    Ok(n) => {
                        if let Some(d) = &mut self.dump {
                            d.chunk(
                                Dir::Out,
                                &self.pending[self.pending_at..self.pending_at + n],
                            );
                        }
                        self.pending_at += n;
                        self.count_sent(n);
                        moved = true;
                        continue;
                    }
                    Err(e) if fdio::would_block(&e) => {
                        self.sock_full = true;
                        return Ok(moved);
                    }
                    Err(e) => return Err(self.send_failed(&e)),
                }
            }
            if !self.stdin_open {
                return Ok(moved);
            }
            let ready_now = |fd| {
                let mut fds = [fdio::pollfd(fd, libc::POLLIN)];
                fdio::poll(&mut fds, Some(Duration::ZERO)).map(|n| n > 0 && fds[0].revents != 0)
            };
            let got = match self.source {
                Source::Given => Ok(0),
                Source::File => fdio::sendfile(self.fd, STDIN, CHUNK),
                Source::Pipe => {
                    // EAGAIN from splice means "pipe empty" or "socket full"; asking poll
                    // first leaves only the second.
                    if !ready_now(STDIN).unwrap_or(false) {
                        return Ok(moved);
                    }
                    fdio::splice(STDIN, self.fd, CHUNK, true)
                }
                Source::Stream => {
                    // Once data was read, a terminal is not waited on again in this turn:
                    // typed lines go out at once.
                    if moved && !ready_now(STDIN).unwrap_or(false) {
                        return Ok(moved);
                    }
                    self.read_stdin()
                }
            };
            match got {
                Ok(0) => {
                    self.stdin_open = false;
                    self.after_stdin_chunk()?;
                    return Ok(moved);
                }
                Ok(n) => {
                    if matches!(self.source, Source::File | Source::Pipe) {
                        self.count_sent(n);
                    }
                    moved = true;
                    if self.source == Source::Stream && self.pending_done() {
                        return Ok(moved);
                    }
                }
                Err(e) if fdio::would_block(&e) => {
                    self.sock_full = true;
                    return Ok(moved);
                }
                Err(e)
                    if e.raw_os_error() == Some(libc::EINVAL) && self.source != Source::Stream =>
                {
                    // No zero-copy path between these two: fall back to read/write.
                    self.source = Source::Stream;
                }
                Err(e) if fdio::peer_gone(&e) => return Err(self.send_failed(&e)),
                Err(e)
                    if self.source == Source::Stream && e.raw_os_error() == Some(libc::EBADF) =>
                {
                    // No stdin at all (closed descriptor): the same as an empty one.
                    self.stdin_open = false;
                    self.after_stdin_chunk()?;
                    return Ok(moved);
                }
                Err(e) if self.source == Source::Stream => {
                    return Err(failed("standard input", reason(&e)).into());
                }
                Err(e) => return Err(self.send_failed(&e)),
            }
        }
    }

    /// read(2) from stdin into `pending` (translating LF to CRLF when asked).
    /// Returns the number of bytes read, 0 at EOF.
    fn read_stdin(&mut self) -> io::Result<usize> {
        self.grow_buf();
        let n = fdio::read(STDIN, &mut self.buf)?;
        self.pending.clear();
        self.pending_at = 0;
        if self.opts.crlf {
            self.crlf.translate(&self.buf[..n], &mut self.pending);
        } else {
            self.pending.extend_from_slice(&self.buf[..n]);
        }
        Ok(n)
    }

    fn count_sent(&mut self, n: usize) {
        self.sent += n as u64;
        self.last_moved = Instant::now();
    }

    /// After stdin's last byte: half-close once everything pending is out.
    fn after_stdin_chunk(&mut self) -> anyhow::Result<()> {
        if self.source == Source::Given {
            self.pump_out()?;
            if self.pending_done() {
                self.stdin_open = false;
            }
        }
        if self.stdin_open || !self.pending_done() {
            return Ok(());
        }
        if self.stdin_done_at.is_none() {
            self.stdin_done_at = Some(Instant::now());
        }
        if !self.write_shut && !self.opts.no_shutdown {
            self.write_shut = true;
            // A peer that is already gone fails the read side too; nothing to add here.
            let _ = crate::socket::shutdown(self.ctx, self.sock, Shutdown::Write);
        }
        Ok(())
    }

    /// Sending failed: the peer refused what stdin still had for it.
    fn send_failed(&self, e: &io::Error) -> anyhow::Error {
        let why = match self.sent_at_peer_eof {
            Some(at) if self.sent > at => format!(
                "{}: {} sent after the peer closed was not delivered, and the rest of stdin was not sent",
                reason(e),
                fdio::human_bytes(self.sent - at)
            ),
            _ => format!("{}: the rest of stdin was not delivered", reason(e)),
        };
        failed(format!("send to {}", self.opts.peer), why).into()
    }

    /// The peer closed its side. Its bytes are all written out, so stdout closes now;
    /// then stdin is sent as SPEC says, and what was sent must have reached the peer.
    fn after_peer_eof(&mut self) -> anyhow::Result<()> {
        self.sent_at_peer_eof = Some(self.sent);
        if !fdio::is_tty(STDOUT) {
            fdio::close_stdout();
        }
        let stdin_left = self.stdin_open || !self.pending_done();
        if stdin_left {
            let typed = self.source == Source::Stream && fdio::is_tty(STDIN);
            if typed {
                // What is typed after the peer left has nowhere to go.
                self.stdin_open = false;
                self.pending_at = self.pending.len();
            } else if self.source == Source::Given
                || (self.opts.linger != Some(Duration::ZERO) && self.opts.expect.is_none())
            {
                // With --expect the peer's EOF is the verdict: stdin is not waited on.
                self.send_rest()?;
            }
        }
        if self.stdin_open || !self.pending_done() {
            self.report_unsent();
        } else {
            self.after_stdin_chunk()?;
        }
        self.confirm_delivery()
    }

    /// After the peer's EOF: send stdin to its end, however slowly it comes (`--linger`
    /// bounds that), saying once if the wait could surprise; a reset or a broken pipe
    /// from the peer fails the session.
    fn send_rest(&mut self) -> anyhow::Result<()> {
        let since = Instant::now();
        let deadline = match self.source {
            Source::Given => None,
            _ => self.opts.linger.map(|d| since + d),
        };
        // With --linger the user chose the bound: nothing to point out.
        let mut told = self.opts.linger.is_some() || self.source == Source::Given;
        let mut quiet_since = since;
        while self.stdin_open || !self.pending_done() {
            self.check_signal()?;
            let now = Instant::now();
            if deadline.is_some_and(|d| now >= d) {
                return Ok(());
            }
            let mut wake = self.next_wake()?;
            let mut limit = |at: Instant| {
                let left = at.saturating_duration_since(now);
                wake = Some(wake.map_or(left, |w| w.min(left)));
            };
            if let Some(d) = deadline {
                limit(d);
            }
            if !told {
                limit(quiet_since + SILENT_STDIN_NOTICE);
            }
            // -w bounds the wait on a peer that takes nothing more; without it sockkit
            // waits, as for a peer that does not answer (a slow reader is no refusal).
            let stall = self.opts.reply_timeout.filter(|_| self.sock_full);
            if let Some(t) = stall {
                if now >= self.last_moved + t {
                    return Err(self.stalled(t));
                }
                limit(self.last_moved + t);
            }
            if self.wait_to_send(wake)? && self.pump_out()? {
                quiet_since = Instant::now();
            }
            if self.sock_full || !self.pending_done() || self.source == Source::File {
                // Waiting on the peer (or reading a file), not on a silent stdin.
                quiet_since = Instant::now();
            }
            if !told && quiet_since.elapsed() >= SILENT_STDIN_NOTICE {
                told = true;
                self.ctx.out.notice(
                    "peer closed; still sending stdin until its end",
                    "--linger 0 ends the session when the peer closes; --linger DUR bounds the wait",
                );
            }
        }
        Ok(())
    }

    /// Wait until stdin or the socket can move bytes (true), or `wake` passes (false).
    /// The socket is watched for the peer's refusal (a reset, a closed Unix peer).
    fn wait_to_send(&mut self, wake: Option<Duration>) -> anyhow::Result<bool> {
        let (stdin_wanted, sock_out) = self.interest();
        let mut fds = [
            fdio::pollfd(self.fd, if sock_out { libc::POLLOUT } else { 0 }),
            fdio::pollfd(STDIN, libc::POLLIN),
        ];
        let n = if stdin_wanted { 2 } else { 1 };
        if fdio::poll(&mut fds[..n], wake)? == 0 {
            return Ok(false);
        }
        if fds[0].revents & (libc::POLLERR | libc::POLLHUP) != 0 {
            let e = match self.sock.take_error() {
                Ok(Some(e)) => e,
                _ => io::Error::from_raw_os_error(libc::EPIPE),
            };
            return Err(self.send_failed(&e));
        }
        if fds[0].revents & libc::POLLOUT != 0 {
            self.sock_full = false;
        }
        Ok(fds[0].revents & libc::POLLOUT != 0 || (n == 2 && fds[1].revents != 0))
    }

    /// The peer took nothing for `-w` while stdin still had data for it.
    fn stalled(&self, limit: Duration) -> anyhow::Error {
        failed(
            format!("send to {}", self.opts.peer),
            format!(
                "timed out: the peer took nothing for {} (the rest of stdin was not delivered)",
                humantime::format_duration(limit)
            ),
        )
        .into()
    }

    /// `--linger` ran out, or stdin is a terminal: what stays unsent is no error.
    fn report_unsent(&self) {
        let late = self.sent - self.sent_at_peer_eof.unwrap_or(self.sent);
        self.ctx.out.event(
            1,
            "unsent",
            || {
                format!(
                    "peer closed: stopped sending stdin ({} sent after the peer closed)",
                    fdio::human_bytes(late)
                )
            },
            serde_json::json!({"peer": self.opts.peer, "bytes_sent_after_close": late}),
        );
    }

    /// A write can succeed locally and still be refused by a peer that closed without
    /// reading (it answers with a reset). Wait until the kernel has the peer's
    /// acknowledgement for everything, or its refusal; the wait gives up only when the
    /// acknowledgements stall for `-w` (default [`DELIVERY_WAIT`]).
    fn confirm_delivery(&self) -> anyhow::Result<()> {
        if self.sent == 0 {
            return Ok(());
        }
        let late = self.sent - self.sent_at_peer_eof.unwrap_or(self.sent);
        let stall = self.opts.reply_timeout.unwrap_or(DELIVERY_WAIT);
        let mut unacked_seen = 0;
        let mut progress_at = Instant::now();
        loop {
            self.check_signal()?;
            if let Ok(Some(e)) = self.sock.take_error() {
                let lost = late.max(unacked_seen as u64);
                return Err(self.not_delivered(&reason(&e), lost));
            }
            match fdio::unacked(self.fd) {
                Ok(0) => return Ok(()),
                Ok(left) => {
                    if left != unacked_seen {
                        unacked_seen = left;
                        progress_at = Instant::now();
                    } else if progress_at.elapsed() >= stall {
                        let why = format!(
                            "the peer stopped acknowledging for {}",
                            humantime::format_duration(stall)
                        );
                        return Err(self.not_delivered(&why, left as u64));
                    }
                    std::thread::sleep(Duration::from_millis(2));
                }
                // Not a TCP socket (AF_UNIX fails writes to a closed peer at once).
                Err(_) => return Ok(()),
            }
        }
    }

    fn not_delivered(&self, why: &str, bytes: u64) -> anyhow::Error {
        failed(
            format!("send to {}", self.opts.peer),
            format!(
                "{why}: {} of {} not delivered",
                fdio::human_bytes(bytes),
                if self.source == Source::Given {
                    "--send data"
                } else {
                    "stdin"
                }
            ),
        )
        .into()
    }

    fn draw_progress(&mut self) {
        if !self.opts.progress || self.last_progress.elapsed() < PROGRESS_EVERY {
            return;
        }
        self.last_progress = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = ((self.received + self.sent) as f64 / secs) as u64;
        self.ctx.out.progress(&format!(
            "{} in, {} out, {}/s",
            fdio::human_bytes(self.received),
            fdio::human_bytes(self.sent),
            fdio::human_bytes(rate)
        ));
    }

    fn clear_progress(&self) {
        if self.opts.progress && self.start.elapsed() >= PROGRESS_EVERY {
            self.ctx.out.progress_clear();
        }
    }
}

/// The `closed` event and the `--stats` summary for a finished session. With many
/// clients at once (`named`), the line says whose session it was.
pub fn report_end(ctx: &Ctx, peer: &str, totals: &Totals, stats: bool, named: bool) {
    let t = *totals;
    ctx.out.event(
        1,
        "closed",
        || {
            let whose = if named {
                format!(" {peer}")
            } else {
                String::new()
            };
            format!(
                "closed{whose}: {} in, {} out",
                fdio::human_bytes(t.received),
                fdio::human_bytes(t.sent)
            )
        },
        serde_json::json!({"peer": peer, "bytes_in": t.received, "bytes_out": t.sent}),
    );
    if stats {
        let secs = t.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            ((t.received + t.sent) as f64 / secs) as u64
        } else {
            0
        };
        ctx.out.event(
            0,
            "stats",
            || {
                format!(
                    "{} in, {} out in {} ({}/s)",
                    fdio::human_bytes(t.received),
                    fdio::human_bytes(t.sent),
                    fdio::human_duration(t.elapsed),
                    fdio::human_bytes(rate)
                )
            },
            serde_json::json!({
                "peer": peer,
                "bytes_in": t.received,
                "bytes_out": t.sent,
                "seconds": secs,
                "bytes_per_second": rate,
            }),
        );
    }
}

/// `--crlf`: LF as CRLF across reads (an LF already preceded by CR is left alone, even
/// when the CR ended the previous read).
#[derive(Debug, Default)]
pub struct Crlf {
    last: u8,
}

impl Crlf {
    pub fn translate(&mut self, data: &[u8], out: &mut Vec<u8>) {
        for &b in data {
            if b == b'\n' && self.last != b'\r' {
                out.push(b'\r');
            }
            out.push(b);
            self.last = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_holds_across_reads() {
        let mut t = Crlf::default();
        let mut out = Vec::new();
        t.translate(b"a\nb\r", &mut out);
        t.translate(b"\nc\n", &mut out);
        assert_eq!(out, b"a\r\nb\r\nc\r\n");
    }
}
