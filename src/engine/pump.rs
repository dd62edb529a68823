//! A pump between two ends: two flows, the end of each passed on, a reset passed on, an
//! idle timeout, and the byte counts. Driven by a poll(2) loop, never blocking.

use std::time::{Duration, Instant};

use super::end::End;
use super::flow::{Broke, Flow, Mode, Stepped};
use super::stdio::Stdio;
use super::{Dir, Observer};
use crate::error::reason;

/// One of the two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// How a pump ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// Both sides ended their streams and each end was passed on.
    Closed,
    /// A side reset the connection (or broke: a TLS alert, an error); the other side was
    /// reset in turn. `fault` says which call failed, `errno` its error number.
    Reset {
        by: Side,
        reason: String,
        fault: Fault,
        errno: Option<i32>,
    },
    /// Nothing moved either way for the idle timeout.
    Idle,
}

/// Which call broke a pump: reading a flow's source or writing its destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Reading(Dir),
    Writing(Dir),
    /// Waiting for readiness, or a TLS session's own sending.
    Other,
}

/// How many poll(2) entries a pump has: two per end (read and write descriptors; a
/// socket uses the first and leaves the second at -1, which poll skips).
pub const SLOTS: usize = 4;

/// What poll reported for a pump's [`SLOTS`] entries, in [`Pump::pollfds`]'s order.
pub type Revents = [libc::c_short; SLOTS];

/// Whether the pump goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Running,
    Done(Ending),
}

/// Bytes moved each way and for how long.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// From A to B (`in`).
    pub a_to_b: u64,
    /// From B to A (`out`).
    pub b_to_a: u64,
    pub took: Duration,
}

pub struct Pump {
    a: End,
    b: End,
    ab: Flow,
    ba: Flow,
    observer: Option<Box<dyn Observer>>,
    idle: Option<Duration>,
    started: Instant,
    last_moved: Instant,
    ending: Option<Ending>,
    /// The last advance stopped with work possibly left: poll without waiting.
    more: bool,
    /// POLLHUP seen on A's and B's first descriptor: it stays hung up.
    hup: [bool; 2],
}

impl Pump {
    /// Join `a` and `b`. With an `observer` (or either end not a plain descriptor) the
    /// flows copy; otherwise they splice, or go straight from a stdin file or pipe.
    pub fn new(
        mut a: End,
        mut b: End,
        idle: Option<Duration>,
        observer: Option<Box<dyn Observer>>,
    ) -> Pump {
        if observer.is_some() {
            // Every byte must pass through memory for the observer to see it.
            for end in [&mut a, &mut b] {
                if let Some(s) = end.as_stdio_mut() {
                    s.read_plainly();
                }
            }
        }
        let watched = observer.is_some();
        let now = Instant::now();
        Pump {
            ab: Flow::new(Dir::In, mode(&a, &b, watched)),
            ba: Flow::new(Dir::Out, mode(&b, &a, watched)),
            a,
            b,
            observer,
            idle,
            started: now,
            last_moved: now,
            ending: None,
            // The first advance comes without waiting: an end may have bytes ready that
            // no descriptor announces (`--send` bytes).
            more: true,
            hup: [false; 2],
        }
    }

    /// Whether bytes move by splice(2) in both directions.
    pub fn is_spliced(&self) -> bool {
        self.ab.is_spliced() && self.ba.is_spliced()
    }

    /// What to poll for: A's two entries, then B's.
    pub fn pollfds(&self) -> [libc::pollfd; SLOTS] {
        let [a0, a1] = self.a.pollfds(self.ab.wants_read(), self.ba.wants_write());
        let [b0, b1] = self.b.pollfds(self.ba.wants_read(), self.ab.wants_write());
        let mut fds = [a0, a1, b0, b1];
        // A socket that hung up reports POLLHUP whatever is asked: asked for nothing
        // (its bytes wait for the other side to take them), it would end every poll at
        // once. It is left out until it is asked for something again.
        for (hup, slot) in self.hup.iter().zip([0, 2]) {
            if *hup && fds[slot].events == 0 {
                fds[slot].fd = -1;
            }
        }
        fds
    }

    /// Whether `side`'s socket has hung up (POLLHUP seen, as [`Pump::pollfds`] may
    /// leave it out of later polls).
    pub fn hup_seen(&self, side: Side) -> bool {
        match side {
            Side::A => self.hup[0],
            Side::B => self.hup[1],
        }
    }

    /// How long a poll loop may sleep for this pump's sake (its idle deadline, or zero
    /// when it has work left from the last advance).
    pub fn next_wake(&self) -> Option<Duration> {
        if self.more {
            return Some(Duration::ZERO);
        }
        self.idle
            .map(|limit| (self.last_moved + limit).saturating_duration_since(Instant::now()))
    }

    /// Move on the readiness poll reported (`revents` for A and B, as in
    /// [`Pump::pollfds`]); also checks the idle timeout. Call it when either descriptor
    /// has revents or a wake passed.
    pub fn advance(&mut self, mut revents: Revents) -> Status {
        if let Some(done) = &self.ending {
            return Status::Done(done.clone());
        }
        for (hup, slot) in self.hup.iter_mut().zip([0, 2]) {
            *hup |= revents[slot] & libc::POLLHUP != 0;
            if *hup {
                revents[slot] |= libc::POLLHUP;
            }
        }
        let ending = self.step(revents);
        if let Some(ending) = &ending {
            // The side that broke is gone already (or has its alert to send).
            match ending {
                Ending::Reset { by: Side::A, .. } => self.b.abort(),
                Ending::Reset { by: Side::B, .. } => self.a.abort(),
                _ => {}
            }
            self.ending = Some(ending.clone());
        }
        match ending {
            Some(e) => Status::Done(e),
            None => Status::Running,
        }
    }

    fn step(&mut self, revents: Revents) -> Option<Ending> {
        if let Err(e) = self.a.on_ready([revents[0], revents[1]]) {
            return Some(reset(Side::A, &e, Fault::Other));
        }
        if let Err(e) = self.b.on_ready([revents[2], revents[3]]) {
            return Some(reset(Side::B, &e, Fault::Other));
        }
        if let Err(e) = self.stop_into_hung_up() {
            return Some(reset(Side::A, &e, Fault::Other));
        }
        let ab = self.ab.step(&mut self.a, &mut self.b, &mut self.observer);
        let ab = match ab {
            Ok(s) => s,
            Err(broke) => return Some(broken(broke, Dir::In)),
        };
        let ba = match self.ba.step(&mut self.b, &mut self.a, &mut self.observer) {
            Ok(s) => s,
            Err(broke) => return Some(broken(broke, Dir::Out)),
        };
        self.after_step(ab, ba, revents)
    }

    /// A flow into an own pipe whose reader is gone (an `--exec` child that exited or
    /// closed its stdin) is finished rather than read on: what its source sends has
    /// nowhere to go.
    fn stop_into_hung_up(&mut self) -> std::io::Result<()> {
        let gone = |end: &End| end.as_stdio().is_some_and(Stdio::is_output_reader_gone);
        if !self.ab.is_done() && gone(&self.b) {
            self.ab.finish(&mut self.b)?;
        }
        if !self.ba.is_done() && gone(&self.a) {
            self.ba.finish(&mut self.a)?;
        }
        Ok(())
    }

    /// The ends of the pump: both flows done (and TLS records flushed), a side that can
    /// take nothing more, or the idle timeout.
    fn after_step(&mut self, ab: Stepped, ba: Stepped, revents: Revents) -> Option<Ending> {
        let now = Instant::now();
        self.more = ab.more || ba.more;
        if ab.moved || ba.moved {
            self.last_moved = now;
        }
        if self.ab.is_done() && self.ba.is_done() {
            return match (self.a.flushed(), self.b.flushed()) {
                (Err(e), _) => Some(reset(Side::A, &e, Fault::Other)),
                (_, Err(e)) => Some(reset(Side::B, &e, Fault::Other)),
                (Ok(true), Ok(true)) => Some(Ending::Closed),
                _ => None,
            };
        }
        if hung_up(&self.a, [revents[0], revents[1]], &self.ab, &self.ba)
            || hung_up(&self.b, [revents[2], revents[3]], &self.ba, &self.ab)
        {
            return Some(Ending::Closed);
        }
        match self.idle {
            Some(limit) if now.duration_since(self.last_moved) >= limit => Some(Ending::Idle),
            _ => None,
        }
    }

    pub fn totals(&self) -> Totals {
        Totals {
            a_to_b: self.ab.bytes,
            b_to_a: self.ba.bytes,
            took: self.started.elapsed(),
        }
    }

    /// Whether the flow `dir` is finished: its source ended and the end was passed on.
    pub fn is_done(&self, dir: Dir) -> bool {
        self.flow(dir).is_done()
    }

    /// Whether the flow `dir` waits on its destination to take bytes.
    pub fn waits_on_destination(&self, dir: Dir) -> bool {
        self.flow(dir).waits_on_destination()
    }

    /// When bytes last moved either way.
    pub fn last_moved(&self) -> Instant {
        self.last_moved
    }

    /// Keep `side` open when the flow into it ends (`--no-shutdown`).
    pub fn keep_open(&mut self, side: Side) {
        match side {
            Side::A => self.ba.keep_open(),
            Side::B => self.ab.keep_open(),
        }
    }

    /// End the flow `dir` now, whatever its source still has (its end is passed on).
    pub fn finish(&mut self, dir: Dir) -> std::io::Result<()> {
        match dir {
            Dir::In => self.ab.finish(&mut self.b),
            Dir::Out => self.ba.finish(&mut self.a),
        }
    }

    fn flow(&self, dir: Dir) -> &Flow {
        match dir {
            Dir::In => &self.ab,
            Dir::Out => &self.ba,
        }
    }

    pub fn end(&self, side: Side) -> &End {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// Give back both ends (to close them, or look at them once the pump is done).
    pub fn into_ends(self) -> (End, End) {
        (self.a, self.b)
    }
}

/// How a flow from `src` to `dst` moves its bytes.
fn mode(src: &End, dst: &End, watched: bool) -> Mode {
    let from_stdin = src.as_stdio().is_some_and(|s| s.is_direct()) && matches!(dst, End::Stream(_));
    let into_pipe =
        matches!(src, End::Stream(_)) && dst.as_stdio().is_some_and(|s| s.owns_output_pipe());
    match (watched, from_stdin || into_pipe) {
        (true, _) => Mode::Copy,
        (false, true) => Mode::Direct,
        (false, _) if src.is_plain() && dst.is_plain() && src.as_stdio().is_none() => Mode::Splice,
        _ => Mode::Copy,
    }
}

/// An end that hung up entirely after its stream ended ([`End::hung_up`]): the flow
/// into it can deliver nothing more, so waiting on the other side is pointless.
fn hung_up(end: &End, revents: [libc::c_short; 2], from: &Flow, into: &Flow) -> bool {
    end.hung_up(revents) && from.is_done() && !into.is_done() && !into.wants_write()
}

fn reset(by: Side, e: &std::io::Error, fault: Fault) -> Ending {
    Ending::Reset {
        by,
        reason: reason(e),
        fault,
        errno: e.raw_os_error(),
    }
}

/// A broken flow `dir` (In: A to B, Out: B to A): whichever side failed is the one that
/// reset.
fn broken(broke: Broke, dir: Dir) -> Ending {
    let (src, dst) = match dir {
        Dir::In => (Side::A, Side::B),
        Dir::Out => (Side::B, Side::A),
    };
    match broke {
        Broke::Source(e) => reset(src, &e, Fault::Reading(dir)),
        Broke::Destination(e) => reset(dst, &e, Fault::Writing(dir)),
    }
}
