//! TLS under any mode that handles plain sockets: a pump between a TLS session and one
//! end of an AF_UNIX socketpair, on a thread of its own; the mode gets the other end.

use std::io;
use std::thread::JoinHandle;
use std::time::Duration;

use socket2::{Domain, Socket, Type};

use super::end::End;
use super::pump::{Ending, Fault, Pump, Side, Status};
use crate::fdio;
use crate::tls::session::{PeerEnd, Session};

/// How the TLS side of a bridge ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsOutcome {
    /// The peer sent close_notify: everything it meant to send arrived.
    CloseNotify,
    /// The peer's stream ended without close_notify: what it sent may be truncated.
    WithoutCloseNotify,
    /// The session broke (a handshake or record error, a reset), with the reason.
    Error(String),
    /// Nothing moved either way for the idle timeout.
    Idle,
    /// The plain side went away before the TLS peer ended its stream.
    LocalClosed,
}

/// The result of a bridge, once its thread is done.
#[derive(Debug, Clone)]
pub struct TlsEnding {
    pub outcome: TlsOutcome,
    /// Plaintext received from the TLS peer and passed to the plain side.
    pub bytes_in: u64,
    /// Plaintext from the plain side sent to the TLS peer.
    pub bytes_out: u64,
    pub took: Duration,
}

/// The running bridge: wait for it to learn how the TLS side ended.
pub struct Bridge {
    thread: JoinHandle<TlsEnding>,
}

impl Bridge {
    pub fn is_finished(&self) -> bool {
        self.thread.is_finished()
    }

    /// Wait for the bridge to end (both sides closed, a reset, or the idle timeout).
    pub fn wait(self) -> TlsEnding {
        self.thread.join().unwrap_or_else(|_| TlsEnding {
            outcome: TlsOutcome::Error("the TLS bridge thread failed".into()),
            bytes_in: 0,
            bytes_out: 0,
            took: Duration::ZERO,
        })
    }
}

/// Start a bridge for `session` (its socket non-blocking; the handshake may still be to
/// come). Returns the plain end, a blocking, close-on-exec Unix stream socket: what the
/// TLS peer sends comes out of it; what is written to it goes to the peer; a half-close
/// of it is a close_notify; the TLS peer's end is an EOF on it; a reset or TLS error
/// closes it (the reason is in [`Bridge::wait`]'s result). `idle` bounds a bridge where
/// nothing moves.
pub fn bridge(session: Session<Socket>, idle: Option<Duration>) -> io::Result<(Socket, Bridge)> {
    let (plain, inner) = Socket::pair(Domain::UNIX, Type::STREAM, None)?;
    roomy(&plain);
    roomy(&inner);
    let pump = Pump::new(End::tls(session), End::stream(inner)?, idle, None);
    // SIGINT/SIGTERM stay with the main thread, so they interrupt what it blocks in.
    let thread = crate::signals::spawn_detached(move || run(pump)).ok_or_else(no_thread)?;
    Ok((plain, Bridge { thread }))
}

/// Run `pump` on a thread of its own until it ends (a peer and an `--exec` child's
/// pipes); `None` when no thread could be started.
pub fn run_detached(pump: Pump) -> Option<JoinHandle<()>> {
    crate::signals::spawn_detached(move || {
        drive(&mut { pump });
    })
}

/// Room for a burst of TLS records on the pair (best effort: the system may cap it):
/// fewer wake-ups of the two threads at its ends.
fn roomy(sock: &Socket) {
    let _ = sock.set_send_buffer_size(PAIR_BUFFER);
    let _ = sock.set_recv_buffer_size(PAIR_BUFFER);
}

const PAIR_BUFFER: usize = 1 << 20;

fn no_thread() -> io::Error {
    io::Error::other("no thread could be started (a process limit)")
}

/// Run one pump on this thread until it ends.
fn drive(pump: &mut Pump) -> Ending {
    loop {
        let mut fds = pump.pollfds();
        if let Err(e) = fdio::poll(&mut fds, pump.next_wake()) {
            return Ending::Reset {
                by: Side::A,
                reason: crate::error::reason(&e),
                fault: Fault::Other,
                errno: e.raw_os_error(),
            };
        }
        if let Status::Done(ending) = pump.advance(fds.map(|f| f.revents)) {
            return ending;
        }
    }
}

/// Drive the bridge's pump until it ends, and say how the TLS side ended.
fn run(mut pump: Pump) -> TlsEnding {
    let ending = drive(&mut pump);
    let totals = pump.totals();
    let outcome = match ending {
        Ending::Reset { reason, .. } => TlsOutcome::Error(reason),
        Ending::Idle => TlsOutcome::Idle,
        Ending::Closed => match pump.end(Side::A).peer_end() {
            Some(PeerEnd::CloseNotify) => TlsOutcome::CloseNotify,
            Some(PeerEnd::WithoutCloseNotify) => TlsOutcome::WithoutCloseNotify,
            None => TlsOutcome::LocalClosed,
        },
    };
    TlsEnding {
        outcome,
        bytes_in: totals.a_to_b,
        bytes_out: totals.b_to_a,
        took: totals.took,
    }
}
