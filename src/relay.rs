//! The session of one connection with this process's stdin and stdout, shared by
//! `listen` and `connect`: an engine [`Pump`] between the socket (end A: what it sends is
//! `in`) and stdio (end B), and SPEC's rules for how such a session ends.
//!
//! The pump moves the bytes by the fastest path the kernel offers (sendfile(2) from a
//! regular-file stdin, splice(2) from a pipe stdin, splice(2) from the socket through a
//! pipe to stdout; plain reads and writes for terminals, a socket on stdout and whatever
//! refuses splice).
//! The end of a session follows SPEC.md:
//!
//! - stdin EOF half-closes (unless `--no-shutdown`) and reading goes on, however late;
//! - at the peer's EOF what was received is written out and stdout is closed. A terminal
//!   stdin then ends the session; a file, pipe or socket stdin is data a script means to
//!   deliver, so it is sent to its end (bounded only by `--linger`), and the session
//!   fails, saying how much was not delivered, if the peer refuses it;
//! - SIGINT/SIGTERM while stdin is still being sent resets the connection, so the peer
//!   cannot take a truncated stream for a whole one.

use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use regex::bytes::Regex;
use socket2::Socket;

use crate::dump::ConnDump;
use crate::engine::stdio::Input;
use crate::engine::{self, Dir, Ending, Fault, Observer, Pump, Side, Status, Stdio};
use crate::error::{failed, reason};
use crate::fdio;
use crate::options::Ctx;
use crate::output::stdout_error;
use crate::schema::Event;
use crate::signals;

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

/// The last bytes received, for `--expect` ([`EXPECT_WINDOW`]), and where in them the
/// match starts (1 once trimmed: the byte before stays for `^` to look at).
#[derive(Default)]
struct Window {
    bytes: Vec<u8>,
    from: usize,
}

impl Window {
    fn push(&mut self, data: &[u8]) {
        self.bytes.extend_from_slice(data);
        if self.bytes.len() > 2 * EXPECT_WINDOW {
            let cut = self.bytes.len() - EXPECT_WINDOW - 1;
            self.bytes.drain(..cut);
            self.from = 1;
        }
    }
}

/// What the relay watches in the bytes: `--dump` records every chunk, `--expect` keeps
/// the last ones received.
struct Watch {
    dump: Option<ConnDump>,
    reply: Option<Arc<Mutex<Window>>>,
}

impl Observer for Watch {
    fn chunk(&mut self, dir: Dir, data: &[u8]) {
        if let Some(d) = &mut self.dump {
            d.chunk(dir, data);
        }
        if let (Dir::In, Some(w)) = (dir, &self.reply)
            && let Ok(mut w) = w.lock()
        {
            w.push(data);
        }
    }
}

pub struct Relay<'a> {
    ctx: &'a Ctx,
    opts: &'a Options,
    /// The socket (A) and stdio (B).
    pump: Pump,
    reply: Option<Arc<Mutex<Window>>>,
    /// Bytes sent when the peer's EOF came: what goes after is "late".
    sent_at_peer_eof: Option<u64>,
    start: Instant,
    last_progress: Instant,
}

impl<'a> Relay<'a> {
    /// A session between `sock` (closed with the relay) and stdio; `dump` records every chunk each way (the
    /// bytes then pass through memory: the zero-copy paths give way to reads and writes).
    pub fn new(
        ctx: &'a Ctx,
        sock: Socket,
        opts: &'a Options,
        dump: Option<ConnDump>,
    ) -> io::Result<Relay<'a>> {
        let sock = engine::End::stream(sock)?;
        let mut stdio = Stdio::process(opts.send.clone(), opts.crlf);
        if opts.expect.is_some() {
            // The verdict stands when the reader of stdout has seen enough and left.
            stdio.tolerate_closed_output();
        }
        let reply = opts.expect.as_ref().map(|_| Arc::default());
        let observer: Option<Box<dyn Observer>> = match (&dump, &reply) {
            (None, None) => None,
            _ => Some(Box::new(Watch {
                dump,
                reply: reply.clone(),
            })),
        };
        let mut pump = Pump::new(sock, engine::End::stdio(stdio), None, observer);
        if opts.no_shutdown {
            pump.keep_open(Side::A);
        }
        let now = Instant::now();
        Ok(Relay {
            ctx,
            opts,
            pump,
            reply,
            sent_at_peer_eof: None,
            start: now,
            last_progress: now,
        })
    }

    pub fn totals(&self) -> Totals {
        let t = self.pump.totals();
        Totals {
            received: t.a_to_b,
            sent: t.b_to_a,
            elapsed: self.start.elapsed(),
        }
    }

    fn socket(&self) -> &Socket {
        self.pump
            .end(Side::A)
            .socket()
            .expect("the relay's end A is its socket")
    }

    fn stdio(&self) -> &Stdio {
        self.pump
            .end(Side::B)
            .as_stdio()
            .expect("the relay's end B is stdio")
    }

    /// Whether `--send` bytes stand in for stdin.
    fn given(&self) -> bool {
        self.opts.send.is_some()
    }

    /// Whether stdin (or `--send`) still has bytes for the peer.
    fn sending(&self) -> bool {
        !self.pump.is_done(Dir::Out)
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
        if signals::caught().is_some() && self.sending() {
            let _ = self.socket().set_linger(Some(Duration::ZERO));
        }
        signals::check()
    }

    /// Wait for readiness (at most `wake`) and move the pump on. A broken pump is the
    /// session's failure; `Done` comes back once both streams have ended.
    fn turn(&mut self, wake: Option<Duration>) -> anyhow::Result<bool> {
        let mut fds = self.pump.pollfds();
        let wake = fdio::earliest(wake, self.pump.next_wake());
        fdio::poll(&mut fds, wake)?;
        self.check_signal()?;
        if self.pump.is_done(Dir::In) && self.sending() {
            // A hung-up socket may be left out of the poll: the pump remembers it.
            let hup = if self.pump.hup_seen(Side::A) {
                libc::POLLHUP
            } else {
                0
            };
            self.refused(fds[0].revents | hup)?;
        }
        let status = self.pump.advance(fds.map(|f| f.revents));
        self.check_signal()?;
        match status {
            Status::Running => Ok(false),
            Status::Done(Ending::Reset {
                fault,
                reason,
                errno,
                ..
            }) => Err(self.broke(fault, &reason, errno)),
            Status::Done(_) => Ok(true),
        }
    }

    /// After the peer's EOF, the socket is watched for its refusal of what stdin still
    /// sends (a reset, a closed Unix peer).
    fn refused(&self, revents: libc::c_short) -> anyhow::Result<()> {
        if revents & (libc::POLLERR | libc::POLLHUP) == 0 {
            return Ok(());
        }
        let e = match self.socket().take_error() {
            Ok(Some(e)) => e,
            _ => io::Error::from_raw_os_error(libc::EPIPE),
        };
        Err(self.send_failed(&e))
    }

    /// What a broken pump means for the session, by the call that failed.
    fn broke(&self, fault: Fault, why: &str, errno: Option<i32>) -> anyhow::Error {
        let e = errno.map_or_else(
            || io::Error::other(why.to_string()),
            io::Error::from_raw_os_error,
        );
        match fault {
            // stdin -> socket: the socket refused.
            Fault::Writing(Dir::Out) => self.send_failed(&e),
            Fault::Reading(Dir::Out) => failed("standard input", why).into(),
            Fault::Writing(Dir::In) => stdout_error(e),
            _ if self.sending() => self.send_failed(&e),
            _ => failed(&self.opts.peer, why).into(),
        }
    }

    /// Until the peer's EOF (its bytes all written out, stdout closed), a match of
    /// `--expect`, or a deadline.
    fn exchange(&mut self) -> anyhow::Result<End> {
        loop {
            self.check_signal()?;
            let wake = self.next_wake()?;
            let done = self.turn(wake)?;
            if self.matched() {
                return Ok(End::Matched);
            }
            if done || self.pump.is_done(Dir::In) {
                return Ok(End::PeerClosed);
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
                    wake = fdio::earliest(wake, Some(left));
                    Ok(())
                }
                _ => Err(failed(&self.opts.peer, what).into()),
            }
        };
        let last_moved = self.pump.last_moved();
        if let Some(idle) = self.opts.idle_timeout {
            let what = format!(
                "idle timeout: nothing moved for {}",
                humantime::format_duration(idle)
            );
            consider(last_moved + idle, what)?;
        }
        if let (Some(limit), Some(done)) = (self.opts.reply_timeout, self.stdin_done_at()) {
            let what = format!(
                "timed out: no answer for {}",
                humantime::format_duration(limit)
            );
            consider(done.max(last_moved) + limit, what)?;
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
            wake = fdio::earliest(wake, Some(PROGRESS_EVERY));
        }
        Ok(wake)
    }

    /// Since when stdin has been sent whole (the `-w` wait for an answer starts there).
    fn stdin_done_at(&self) -> Option<Instant> {
        (!self.sending()).then(|| self.pump.last_moved())
    }

    /// Whether the bytes received so far match `--expect`.
    pub fn matched(&self) -> bool {
        let (Some(re), Some(w)) = (&self.opts.expect, &self.reply) else {
            return false;
        };
        w.lock().is_ok_and(|w| re.is_match_at(&w.bytes, w.from))
    }

    /// The peer closed its side. Its bytes are all written out and stdout is closed;
    /// then stdin is sent as SPEC says, and what was sent must have reached the peer.
    fn after_peer_eof(&mut self) -> anyhow::Result<()> {
        self.sent_at_peer_eof = Some(self.totals().sent);
        if self.sending() {
            if self.stdio().is_typed() {
                // What is typed after the peer left has nowhere to go.
                let _ = self.pump.finish(Dir::Out);
            } else if self.given()
                || (self.opts.linger != Some(Duration::ZERO) && self.opts.expect.is_none())
            {
                // With --expect the peer's EOF is the verdict: stdin is not waited on.
                self.send_rest()?;
            }
        }
        if self.sending() {
            self.report_unsent();
        }
        self.confirm_delivery()
    }

    /// After the peer's EOF: send stdin to its end, however slowly it comes (`--linger`
    /// bounds that), saying once if the wait could surprise; a reset or a broken pipe
    /// from the peer fails the session.
    fn send_rest(&mut self) -> anyhow::Result<()> {
        let since = Instant::now();
        let deadline = self
            .opts
            .linger
            .filter(|_| !self.given())
            .map(|d| since + d);
        // With --linger the user chose the bound: nothing to point out.
        let mut told = self.opts.linger.is_some() || self.given();
        let mut quiet_since = since;
        let from_file = self.stdio().kind() == Input::File;
        while self.sending() {
            self.check_signal()?;
            let now = Instant::now();
            if deadline.is_some_and(|d| now >= d) {
                return Ok(());
            }
            let mut wake = fdio::earliest(
                self.next_wake()?,
                deadline.map(|d| d.saturating_duration_since(now)),
            );
            if !told {
                wake = fdio::earliest(
                    wake,
                    Some(SILENT_STDIN_NOTICE.saturating_sub(quiet_since.elapsed())),
                );
            }
            let waiting_on_peer = self.pump.waits_on_destination(Dir::Out);
            // -w bounds the wait on a peer that takes nothing more; without it sockkit
            // waits, as for a peer that does not answer (a slow reader is no refusal).
            if let Some(t) = self.opts.reply_timeout.filter(|_| waiting_on_peer) {
                let at = self.pump.last_moved() + t;
                if now >= at {
                    return Err(self.stalled(t));
                }
                wake = fdio::earliest(wake, Some(at - now));
            }
            let sent = self.totals().sent;
            if self.turn(wake)? {
                return Ok(());
            }
            if self.totals().sent != sent || waiting_on_peer || from_file {
                // Moving, or waiting on the peer (or reading a file): not a silent stdin.
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

    /// Sending failed: the peer refused what stdin still had for it.
    fn send_failed(&self, e: &io::Error) -> anyhow::Error {
        let sent = self.totals().sent;
        let why = match self.sent_at_peer_eof {
            Some(at) if sent > at => format!(
                "{}: {} sent after the peer closed was not delivered, and the rest of stdin was not sent",
                reason(e),
                fdio::human_bytes(sent - at)
            ),
            _ => format!("{}: the rest of stdin was not delivered", reason(e)),
        };
        failed(format!("send to {}", self.opts.peer), why).into()
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
        let sent = self.totals().sent;
        let late = sent - self.sent_at_peer_eof.unwrap_or(sent);
        let event = Event::Unsent {
            peer: &self.opts.peer,
            bytes_sent_after_close: late,
        };
        self.ctx.out.emit(&event, || {
            format!(
                "peer closed: stopped sending stdin ({} sent after the peer closed)",
                fdio::human_bytes(late)
            )
        });
    }

    /// A write can succeed locally and still be refused by a peer that closed without
    /// reading (it answers with a reset). Wait until the kernel has the peer's
    /// acknowledgement for everything, or its refusal; the wait gives up only when the
    /// acknowledgements stall for `-w` (default [`DELIVERY_WAIT`]).
    fn confirm_delivery(&self) -> anyhow::Result<()> {
        let sent = self.totals().sent;
        if sent == 0 {
            return Ok(());
        }
        let late = sent - self.sent_at_peer_eof.unwrap_or(sent);
        let stall = self.opts.reply_timeout.unwrap_or(DELIVERY_WAIT);
        let mut unacked_seen = 0;
        let mut progress_at = Instant::now();
        let sock = self.socket();
        loop {
            self.check_signal()?;
            if let Ok(Some(e)) = sock.take_error() {
                let lost = late.max(unacked_seen as u64);
                return Err(self.not_delivered(&reason(&e), lost));
            }
            match fdio::unacked(std::os::fd::AsRawFd::as_raw_fd(sock)) {
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
        let what = if self.given() { "--send data" } else { "stdin" };
        failed(
            format!("send to {}", self.opts.peer),
            format!(
                "{why}: {} of {what} not delivered",
                fdio::human_bytes(bytes)
            ),
        )
        .into()
    }

    fn draw_progress(&mut self) {
        if !self.opts.progress || self.last_progress.elapsed() < PROGRESS_EVERY {
            return;
        }
        self.last_progress = Instant::now();
        let t = self.totals();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = ((t.received + t.sent) as f64 / secs) as u64;
        self.ctx.out.progress(&format!(
            "{} in, {} out, {}/s",
            fdio::human_bytes(t.received),
            fdio::human_bytes(t.sent),
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
    let event = Event::Closed {
        peer,
        bytes_in: t.received,
        bytes_out: t.sent,
    };
    ctx.out.emit(&event, || {
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
    });
    if stats {
        let secs = t.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            ((t.received + t.sent) as f64 / secs) as u64
        } else {
            0
        };
        let event = Event::Stats {
            peer,
            bytes_in: t.received,
            bytes_out: t.sent,
            seconds: secs,
            bytes_per_second: rate,
        };
        ctx.out.emit(&event, || {
            format!(
                "{} in, {} out in {} ({}/s)",
                fdio::human_bytes(t.received),
                fdio::human_bytes(t.sent),
                crate::output::human_duration(t.elapsed),
                fdio::human_bytes(rate)
            )
        });
    }
}
