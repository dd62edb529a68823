//! The engine that moves bytes between two ends: the one place where the end of a
//! stream (half-close, reset, idle) is passed from one side to the other.
//!
//! An [`End`] is a plain stream socket (TCP or Unix), a TLS session over one, or a pair
//! of descriptors read and written (stdin and stdout, a child's pipes). A [`Pump`] joins
//! two ends with one flow per direction: splice(2) through a pipe when both ends are
//! plain descriptors, sendfile(2) or splice(2) straight from a stdin file or pipe into a
//! socket, a bounded buffer otherwise. A pump never blocks: it says
//! what it waits for ([`Pump::pollfds`], [`Pump::next_wake`]) and moves on readiness
//! ([`Pump::advance`]), so one poll(2) loop drives as many pumps as it has clients.
//! [`bridge`] runs a pump on a thread of its own between a TLS session and a socketpair,
//! so a mode that handles plain sockets takes TLS without knowing about it.

mod bridge;
mod end;
mod flow;
mod pump;
pub mod stdio;
pub mod tls;

pub use bridge::{Bridge, TlsEnding, TlsOutcome, bridge, run_detached};
pub use end::End;
pub use pump::{Ending, Fault, Pump, Revents, SLOTS, Side, Status, Totals};
pub use stdio::Stdio;

/// The direction of a chunk: `In` from end A to end B, `Out` from B to A. (In `forward`
/// A is the client, so `In` is client to target, as SPEC's `bytes_in` counts it.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    In,
    Out,
}

impl Dir {
    pub fn name(self) -> &'static str {
        match self {
            Dir::In => "in",
            Dir::Out => "out",
        }
    }
}

/// Sees every chunk a pump moves, in order, per direction (the `--dump` writer). With an
/// observer the pump copies instead of splicing, so every byte passes through memory.
pub trait Observer: Send {
    fn chunk(&mut self, dir: Dir, data: &[u8]);
}

#[cfg(test)]
mod tests;
