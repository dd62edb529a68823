//! One end of a pump: what it is, what it waits for, how it reads, writes, half-closes
//! and aborts.

use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

use socket2::Socket;

use crate::fdio;
use crate::tls::session::{PeerEnd, Session};

/// A stream a pump moves bytes to and from.
pub enum End {
    /// A connected, non-blocking stream socket (TCP or Unix).
    Stream(Socket),
    /// A TLS session over such a socket: plaintext in and out, records on the wire.
    Tls(Box<Session<Socket>>),
}

impl End {
    /// A connected stream socket, made non-blocking.
    pub fn stream(sock: Socket) -> io::Result<End> {
        sock.set_nonblocking(true)?;
        Ok(End::Stream(sock))
    }

    /// A TLS session (its socket already non-blocking), handshake done or still to come.
    pub fn tls(session: Session<Socket>) -> End {
        End::Tls(Box::new(session))
    }

    pub fn fd(&self) -> RawFd {
        self.socket().as_raw_fd()
    }

    /// The socket on the wire (under TLS, the one carrying its records).
    pub fn socket(&self) -> &Socket {
        match self {
            End::Stream(s) => s,
            End::Tls(t) => t.socket(),
        }
    }

    /// Whether the bytes on the descriptor are the bytes relayed (so splice(2) may move them).
    pub fn is_plain(&self) -> bool {
        matches!(self, End::Stream(_))
    }

    /// The poll(2) events to wait for, given whether the pump wants to read from this end
    /// and has bytes to write to it. A TLS session says for itself what it wants (records
    /// to send, records wanted; it stops wanting them while plaintext waits to be read),
    /// plus POLLOUT while bytes wait for it.
    pub fn events(&self, read: bool, write: bool) -> libc::c_short {
        match self {
            End::Stream(_) => {
                (if read { libc::POLLIN } else { 0 }) | (if write { libc::POLLOUT } else { 0 })
            }
            // Bytes held for the session: wait for its socket to take records too, so
            // that a write refused while rustls's buffer was full is tried again.
            End::Tls(t) => t.interest() | if write { libc::POLLOUT } else { 0 },
        }
    }

    /// Readiness seen by poll: a TLS session sends the records it has queued.
    pub fn on_ready(&mut self, revents: libc::c_short) -> io::Result<()> {
        if let End::Tls(t) = self
            && revents & (libc::POLLOUT | libc::POLLERR) != 0
        {
            t.on_writable()?;
        }
        Ok(())
    }

    /// Bytes from this end: `Ok(0)` at its end, `WouldBlock` when none wait.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            End::Stream(s) => fdio::recv(s.as_raw_fd(), buf),
            End::Tls(t) => match t.read(buf) {
                Err(e) if fdio::would_block(&e) => {
                    // No plaintext held: take the records waiting on the socket (the
                    // handshake's too, whose answers go out at once), then look again.
                    let taken = t.on_readable();
                    t.on_writable()?;
                    taken?;
                    t.read(buf)
                }
                other => other,
            },
        }
    }

    /// Bytes to this end: how many it took, `WouldBlock` when it takes none now.
    pub fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match self {
            End::Stream(s) => fdio::send(s.as_raw_fd(), data),
            End::Tls(t) => {
                let mut n = t.write(data)?;
                t.on_writable()?;
                if n == 0 {
                    // rustls's buffer was full, and sending may just have emptied it:
                    // try again, or nothing would wake the pump (once the records are
                    // all out, the session no longer asks for POLLOUT).
                    n = t.write(data)?;
                    t.on_writable()?;
                }
                if n == 0 {
                    // Still full: the socket is, so the session asks for POLLOUT.
                    return Err(io::ErrorKind::WouldBlock.into());
                }
                Ok(n)
            }
        }
    }

    /// Nothing more will be written: shutdown(SHUT_WR), or close_notify under TLS.
    /// A peer already gone is no error here (what it missed is told by the other flow).
    pub fn shutdown_write(&mut self) -> io::Result<()> {
        let res = match self {
            End::Stream(s) => s.shutdown(std::net::Shutdown::Write),
            End::Tls(t) => {
                t.close();
                t.on_writable().map(|_| ())
            }
        };
        match res {
            Err(e) if fdio::peer_gone(&e) => Ok(()),
            other => other,
        }
    }

    /// Whether everything written has left for the socket (TLS records may wait).
    pub fn flushed(&mut self) -> io::Result<bool> {
        match self {
            End::Stream(_) => Ok(true),
            End::Tls(t) => {
                t.on_writable()?;
                Ok(!t.wants_write())
            }
        }
    }

    /// Make the close that follows a reset (SO_LINGER 0): the peer learns the stream
    /// broke instead of taking a truncated one as whole.
    pub fn abort(&mut self) {
        let _ = self.socket().set_linger(Some(Duration::ZERO));
    }

    /// How a TLS peer ended its side, once it has (`None` for a plain socket).
    pub fn peer_end(&self) -> Option<PeerEnd> {
        match self {
            End::Stream(_) => None,
            End::Tls(t) => t.peer_end(),
        }
    }
}
