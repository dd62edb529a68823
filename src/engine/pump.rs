//! A pump between two ends: two flows, the end of each passed on, a reset passed on, an
//! idle timeout, and the byte counts. Driven by a poll(2) loop, never blocking.

use std::time::{Duration, Instant};

use super::end::End;
use super::flow::{Broke, Flow, Stepped};
use super::{Dir, Observer};
use crate::error::reason;
use crate::fdio;

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
    /// reset in turn.
    Reset { by: Side, reason: String },
    /// Nothing moved either way for the idle timeout.
    Idle,
}

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
}

impl Pump {
    /// Join `a` and `b`. With an `observer` (or either end not a plain descriptor) the
    /// flows copy; otherwise they splice.
    pub fn new(
        a: End,
        b: End,
        idle: Option<Duration>,
        observer: Option<Box<dyn Observer>>,
    ) -> Pump {
        let splice = a.is_plain() && b.is_plain() && observer.is_none();
        let now = Instant::now();
        Pump {
            ab: Flow::new(Dir::In, splice),
            ba: Flow::new(Dir::Out, splice),
            a,
            b,
            observer,
            idle,
            started: now,
            last_moved: now,
            ending: None,
            more: false,
        }
    }

    /// Whether bytes move by splice(2) in both directions.
    pub fn is_spliced(&self) -> bool {
        self.ab.is_spliced() && self.ba.is_spliced()
    }

    /// What to poll for: A's descriptor first, then B's.
    pub fn pollfds(&self) -> [libc::pollfd; 2] {
        let a = self.a.events(self.ab.wants_read(), self.ba.wants_write());
        let b = self.b.events(self.ba.wants_read(), self.ab.wants_write());
        [fdio::pollfd(self.a.fd(), a), fdio::pollfd(self.b.fd(), b)]
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
    pub fn advance(&mut self, revents: [libc::c_short; 2]) -> Status {
        if let Some(done) = &self.ending {
            return Status::Done(done.clone());
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

    fn step(&mut self, revents: [libc::c_short; 2]) -> Option<Ending> {
        if let Err(e) = self.a.on_ready(revents[0]) {
            return Some(reset(Side::A, &e));
        }
        if let Err(e) = self.b.on_ready(revents[1]) {
            return Some(reset(Side::B, &e));
        }
        let ab = self.ab.step(&mut self.a, &mut self.b, &mut self.observer);
        let ab = match ab {
            Ok(s) => s,
            Err(broke) => return Some(broken(broke, Side::A, Side::B)),
        };
        let ba = match self.ba.step(&mut self.b, &mut self.a, &mut self.observer) {
            Ok(s) => s,
            Err(broke) => return Some(broken(broke, Side::B, Side::A)),
        };
        self.after_step(ab, ba, revents)
    }

    /// The ends of the pump: both flows done (and TLS records flushed), a side that can
    /// take nothing more, or the idle timeout.
    fn after_step(
        &mut self,
        ab: Stepped,
        ba: Stepped,
        revents: [libc::c_short; 2],
    ) -> Option<Ending> {
        let now = Instant::now();
        self.more = ab.more || ba.more;
        if ab.moved || ba.moved {
            self.last_moved = now;
        }
        if self.ab.is_done() && self.ba.is_done() {
            return match (self.a.flushed(), self.b.flushed()) {
                (Err(e), _) => Some(reset(Side::A, &e)),
                (_, Err(e)) => Some(reset(Side::B, &e)),
                (Ok(true), Ok(true)) => Some(Ending::Closed),
                _ => None,
            };
        }
        if hung_up(revents[0], &self.ab, &self.ba) || hung_up(revents[1], &self.ba, &self.ab) {
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

/// An end that hung up entirely (closed, not half-closed) after its stream ended: the
/// flow into it can deliver nothing more, so waiting on the other side is pointless.
fn hung_up(revents: libc::c_short, from: &Flow, into: &Flow) -> bool {
    revents & libc::POLLHUP != 0 && from.is_done() && !into.is_done() && !into.wants_write()
}

fn reset(by: Side, e: &std::io::Error) -> Ending {
    Ending::Reset {
        by,
        reason: reason(e),
    }
}

/// A broken flow from `src` to `dst`: whichever side failed is the one that reset.
fn broken(broke: Broke, src: Side, dst: Side) -> Ending {
    match broke {
        Broke::Source(e) => reset(src, &e),
        Broke::Destination(e) => reset(dst, &e),
    }
}
