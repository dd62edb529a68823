//! One end of a pump: what it is, what it waits for, how it reads, writes, half-closes
//! and aborts.

use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

use socket2::Socket;

use super::stdio::Stdio;
use crate::fdio;
use crate::tls::session::{PeerEnd, Session};

/// A stream a pump moves bytes to and from.
pub enum End {
    /// A connected, non-blocking stream socket (TCP or Unix).
    Stream(Socket),
    /// A TLS session over such a socket: plaintext in and out, records on the wire.
    Tls(Box<Session<Socket>>),
    /// Two descriptors, one read and one written: stdin and stdout, or a child's pipes.
    Stdio(Box<Stdio>),
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

    /// This end of the process's stdin and stdout (or a pair of pipes).
    pub fn stdio(stdio: Stdio) -> End {
        End::Stdio(Box::new(stdio))
    }

    /// The descriptor bytes are read from.
    pub fn read_fd(&self) -> RawFd {
        match self {
            End::Stdio(s) => s.input(),
            _ => self.wire_fd(),
        }
    }

    /// The descriptor bytes are written to.
    pub fn write_fd(&self) -> RawFd {
        match self {
            End::Stdio(s) => s.output(),
            _ => self.wire_fd(),
        }
    }

    fn wire_fd(&self) -> RawFd {
        self.socket().map_or(-1, AsRawFd::as_raw_fd)
    }

    /// The socket on the wire (under TLS, the one carrying its records); none for stdio.
    pub fn socket(&self) -> Option<&Socket> {
        match self {
            End::Stream(s) => Some(s),
            End::Tls(t) => Some(t.socket()),
            End::Stdio(_) => None,
        }
    }

    pub fn as_stdio(&self) -> Option<&Stdio> {
        match self {
            End::Stdio(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_stdio_mut(&mut self) -> Option<&mut Stdio> {
        match self {
            End::Stdio(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the bytes on the descriptor are the bytes relayed (so splice(2) may move them).
    pub fn is_plain(&self) -> bool {
        match self {
            End::Stream(_) => true,
            End::Tls(_) => false,
            // A terminal or a socket on stdout takes plain writes.
            End::Stdio(s) => s.output_splices(),
        }
    }

    /// The two poll(2) entries of this end (the second unused, -1, for a socket), given
    /// whether the pump wants to read from it and has bytes to write to it. A TLS
    /// session says for itself what it wants (records to send, records wanted; it stops
    /// wanting them while plaintext waits to be read), plus POLLOUT while bytes wait for
    /// it.
    pub fn pollfds(&self, read: bool, write: bool) -> [libc::pollfd; 2] {
        let r = if read { libc::POLLIN } else { 0 };
        let w = if write { libc::POLLOUT } else { 0 };
        let events = match self {
            End::Stream(_) => r | w,
            // Bytes held for the session: wait for its socket to take records too, so
            // that a write refused while rustls's buffer was full is tried again.
            End::Tls(t) => t.interest() | w,
            End::Stdio(s) => {
                let input = if read && s.polls_input() {
                    s.input()
                } else {
                    -1
                };
                // An own pipe is always watched: POLLERR says its reader is gone (a
                // child that exited).
                let watch = write || (s.owns_output_pipe() && !s.is_output_reader_gone());
                let output = if watch { s.output() } else { -1 };
                return [fdio::pollfd(input, r), fdio::pollfd(output, w)];
            }
        };
        [fdio::pollfd(self.wire_fd(), events), fdio::pollfd(-1, 0)]
    }

    /// Readiness seen by poll (this end's two entries): a TLS session sends the records
    /// it has queued; an own pipe whose reader is gone is no longer watched. (This
    /// process's stdout whose reader left is not the end of a stream: writing it fails
    /// with EPIPE, a closed stdout.)
    pub fn on_ready(&mut self, revents: [libc::c_short; 2]) -> io::Result<()> {
        match self {
            End::Tls(t) if revents[0] & (libc::POLLOUT | libc::POLLERR) != 0 => {
                t.on_writable()?;
            }
            End::Stdio(s) if revents[1] & libc::POLLERR != 0 && s.owns_output_pipe() => {
                s.output_reader_gone()
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether this end is an own pipe whose reader is gone (EPIPE on writing it is the
    /// end of what it takes, not a failure).
    pub fn takes_no_more(&mut self) -> bool {
        match self {
            End::Stdio(s) if s.owns_output_pipe() => {
                s.output_reader_gone();
                true
            }
            _ => false,
        }
    }

    /// Whether this end's socket hung up entirely (closed, not half-closed: POLLHUP).
    /// Stdio never does: an own pipe whose reader is gone ends the flow into it instead.
    pub fn hung_up(&self, revents: [libc::c_short; 2]) -> bool {
        self.socket().is_some() && revents[0] & libc::POLLHUP != 0
    }

    /// Bytes from this end: `Ok(0)` at its end, `WouldBlock` when none wait.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            End::Stream(s) => fdio::recv(s.as_raw_fd(), buf),
            End::Stdio(s) => s.read(buf),
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
            End::Stdio(s) => s.write(data),
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
            End::Stdio(s) => {
                s.close_output();
                Ok(())
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
            End::Stream(_) | End::Stdio(_) => Ok(true),
            End::Tls(t) => {
                t.on_writable()?;
                Ok(!t.wants_write())
            }
        }
    }

    /// Make the close that follows a reset (SO_LINGER 0): the peer learns the stream
    /// broke instead of taking a truncated one as whole.
    pub fn abort(&mut self) {
        if let Some(s) = self.socket() {
            let _ = s.set_linger(Some(Duration::ZERO));
        }
    }

    /// How a TLS peer ended its side, once it has (`None` for a plain socket).
    pub fn peer_end(&self) -> Option<PeerEnd> {
        match self {
            End::Stream(_) | End::Stdio(_) => None,
            End::Tls(t) => t.peer_end(),
        }
    }
}
