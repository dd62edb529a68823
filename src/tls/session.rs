//! A TLS session that a poll(2) loop drives: the shape of rustls's `tlsclient-mio` and
//! `tlsserver-mio` examples, without an async runtime.
//!
//! The session owns a non-blocking stream socket (anything `Read + Write + AsRawFd`) and a
//! `rustls::Connection`. The loop around it:
//!
//! 1. polls the descriptor for [`Session::interest`] (`POLLIN` while rustls wants
//!    records, `POLLOUT` while it has records to send);
//! 2. on `POLLIN` calls [`Session::on_readable`], then takes plaintext with
//!    [`Session::read`] until it answers `WouldBlock` (no plaintext yet) or `Ok(0)`
//!    (the peer's end: [`Session::peer_end`] says whether it sent close_notify);
//! 3. hands plaintext to [`Session::write`] (buffered by rustls up to a bound; `Ok(0)`
//!    means the buffer is full: wait for `POLLOUT`), and on `POLLOUT` calls
//!    [`Session::on_writable`];
//! 4. on its own stdin EOF calls [`Session::close`] (close_notify; the session keeps
//!    reading, as a half-close does), then flushes with `on_writable`.
//!
//! The handshake happens inside the same calls; [`Session::is_handshaking`] and
//! [`Session::info`] say when it is done and what it negotiated.

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::time::{Duration, Instant};

use super::SessionInfo;
use super::verify::Verdict;

/// Plaintext rustls may hold unsent before [`Session::write`] pushes back.
const SEND_BUFFER: usize = 256 * 1024;

/// How a peer's side of the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerEnd {
    /// The peer sent close_notify: everything it meant to send arrived.
    CloseNotify,
    /// The TCP stream ended without close_notify: the data may be truncated (said at `-v`).
    WithoutCloseNotify,
}

/// A TLS session over a non-blocking socket, driven on readiness.
pub struct Session<S> {
    sock: S,
    conn: rustls::Connection,
    started: Instant,
    handshake_took: Option<Duration>,
    verdict: Option<Verdict>,
    peer_end: Option<PeerEnd>,
    closed: bool,
}

impl<S: Read + Write + AsRawFd> Session<S> {
    /// Wrap a connected, non-blocking socket and a fresh rustls connection (from
    /// [`super::ClientOptions::config`] or [`super::server::ServerOptions::config`]).
    /// `verdict` reads the client verifier's verdict once the handshake is done.
    pub fn new(sock: S, conn: impl Into<rustls::Connection>) -> Session<S> {
        let mut conn = conn.into();
        conn.set_buffer_limit(Some(SEND_BUFFER));
        Session {
            sock,
            conn,
            started: Instant::now(),
            handshake_took: None,
            verdict: None,
            peer_end: None,
            closed: false,
        }
    }

    /// Record the certificate verdict to report in [`Session::info`].
    pub fn set_verdict(&mut self, verdict: Option<Verdict>) {
        self.verdict = verdict;
    }

    pub fn socket(&self) -> &S {
        &self.sock
    }

    /// The poll(2) events this session waits for now.
    pub fn interest(&self) -> libc::c_short {
        let mut events = 0;
        if self.conn.wants_read() && self.peer_end.is_none() {
            events |= libc::POLLIN;
        }
        if self.conn.wants_write() {
            events |= libc::POLLOUT;
        }
        events
    }

    pub fn is_handshaking(&self) -> bool {
        self.conn.is_handshaking()
    }

    /// What the handshake negotiated, once it is done.
    pub fn info(&self) -> Option<SessionInfo> {
        let took = self.handshake_took?;
        Some(SessionInfo::of(&self.conn, took, self.verdict.clone()))
    }

    /// The socket is readable: take the records waiting and process them, until the
    /// socket is empty or plaintext waits to be [`Session::read`]. An error is fatal (a
    /// TLS alert to send is queued first: call [`Session::on_writable`]).
    pub fn on_readable(&mut self) -> io::Result<()> {
        // rustls holds one record's plaintext at a time: once some waits, the caller takes
        // it with `read` before more is read from the socket (back-pressure to the peer).
        while self.conn.wants_read() && self.peer_end.is_none() {
            match self.conn.read_tls(&mut self.sock) {
                Ok(0) => {
                    self.peer_end = Some(PeerEnd::WithoutCloseNotify);
                    break;
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            if self.process()?.peer_has_closed() {
                self.peer_end = Some(PeerEnd::CloseNotify);
            }
        }
        Ok(())
    }

    fn process(&mut self) -> io::Result<rustls::IoState> {
        let was_handshaking = self.conn.is_handshaking();
        let state = self
            .conn
            .process_new_packets()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, super::tls_reason(&e)))?;
        if was_handshaking && !self.conn.is_handshaking() {
            self.handshake_took = Some(self.started.elapsed());
        }
        Ok(state)
    }

    /// Plaintext received: `Ok(n)`, `Ok(0)` at the peer's end once everything it sent
    /// has been read (see [`Session::peer_end`]), `WouldBlock` when none is ready yet.
    /// Call it until `WouldBlock` after each [`Session::on_readable`].
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.conn.reader().read(buf) {
            Ok(n) => Ok(n),
            // rustls reports a TCP EOF without close_notify as UnexpectedEof.
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                self.peer_end = Some(PeerEnd::WithoutCloseNotify);
                Ok(0)
            }
            Err(e) => Err(e),
        }
    }

    /// Queue plaintext to send; returns how much was taken (0 while the send buffer is full:
    /// wait for `POLLOUT` and [`Session::on_writable`]).
    pub fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "TLS session already closed for sending",
            ));
        }
        self.conn.writer().write(data)
    }

    /// The socket is writable: send the records waiting, until the socket is full or
    /// nothing is left. Returns the bytes written to the socket.
    pub fn on_writable(&mut self) -> io::Result<usize> {
        let mut total = 0;
        while self.conn.wants_write() {
            match self.conn.write_tls(&mut self.sock) {
                Ok(n) => total += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(total)
    }

    /// Whether records wait to be sent (flush before ending the session).
    pub fn wants_write(&self) -> bool {
        self.conn.wants_write()
    }

    /// End the sending side with close_notify (the TLS form of a half-close); reading
    /// goes on. Call [`Session::on_writable`] to send it.
    pub fn close(&mut self) {
        if !self.closed {
            self.conn.send_close_notify();
            self.closed = true;
        }
    }

    /// How the peer's side ended, once it has.
    pub fn peer_end(&self) -> Option<PeerEnd> {
        self.peer_end
    }

    /// The rustls connection, for what this type does not wrap.
    pub fn connection(&self) -> &rustls::Connection {
        &self.conn
    }

    /// Give back the socket (after the session is done).
    pub fn into_socket(self) -> S {
        self.sock
    }
}

impl<S: AsRawFd> AsRawFd for Session<S> {
    fn as_raw_fd(&self) -> RawFd {
        self.sock.as_raw_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{TlsClientArgs, TlsServerArgs};
    use crate::tls::server::ServerOptions;
    use crate::tls::{ClientOptions, verify::Mode, verify::Verifier};
    use std::net::{TcpListener, TcpStream};
    use std::sync::Arc;

    type Pair = (Session<TcpStream>, Session<TcpStream>, Arc<Verifier>);

    /// A client session and a server session over a connected pair of non-blocking
    /// loopback sockets, nothing exchanged yet; `client` says how the client is set up,
    /// knowing the server's options (its certificate's fingerprint).
    fn session_pair(client: impl FnOnce(&ServerOptions) -> TlsClientArgs) -> Pair {
        let server_opts = ServerOptions::from_args(&TlsServerArgs::default()).expect("server");
        let client_opts = ClientOptions::from_args(&client(&server_opts)).expect("client");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let client_sock =
            TcpStream::connect(listener.local_addr().expect("addr")).expect("connect");
        let (server_sock, _) = listener.accept().expect("accept");
        client_sock.set_nonblocking(true).expect("nonblocking");
        server_sock.set_nonblocking(true).expect("nonblocking");
        let (config, verifier) = client_opts.config(Mode::Enforce).expect("config");
        let name = client_opts.server_name("localhost").expect("name");
        let client = Session::new(
            client_sock,
            rustls::ClientConnection::new(config, name).expect("client conn"),
        );
        let server = Session::new(
            server_sock,
            rustls::ServerConnection::new(server_opts.config().expect("config")).expect("conn"),
        );
        (client, server, verifier)
    }

    /// One poll of both sessions for what they wait for (100 ms at most): their revents.
    fn poll_both(client: &Session<TcpStream>, server: &Session<TcpStream>) -> [libc::c_short; 2] {
        let mut fds = [
            crate::fdio::pollfd(client.as_raw_fd(), client.interest()),
            crate::fdio::pollfd(server.as_raw_fd(), server.interest()),
        ];
        crate::fdio::poll(&mut fds, Some(Duration::from_millis(100))).expect("poll");
        [fds[0].revents, fds[1].revents]
    }

    /// Take the plaintext `s` has ready into `got`, until it has none (`WouldBlock`) or
    /// the peer's side has ended (`Ok(0)`); any other error is returned.
    fn take_plaintext(
        s: &mut Session<TcpStream>,
        buf: &mut [u8],
        got: &mut Vec<u8>,
    ) -> io::Result<()> {
        loop {
            match s.read(buf) {
                Ok(0) => return Ok(()),
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
                Err(e) => return Err(e),
            }
        }
    }

    /// Both ends driven by one poll loop over real loopback sockets: the handshake, data
    /// both ways, close_notify one way while the other keeps sending, and a TCP EOF
    /// without close_notify told apart.
    #[test]
    fn a_poll_loop_drives_both_ends() {
        let (mut client, mut server, verifier) = session_pair(|server| TlsClientArgs {
            pin: Some(format!("sha256:{}", server.fingerprint)),
            ..Default::default()
        });
        let _ = client.write(b"hello from the client").expect("write");

        let mut got_server = Vec::new();
        let mut got_client = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut buf = [0u8; 4096];
        let mut server_replied = false;
        let mut server_answered = false;
        while client.peer_end().is_none() && Instant::now() < deadline {
            let revents = poll_both(&client, &server);
            for (i, s) in [&mut client, &mut server].into_iter().enumerate() {
                if revents[i] & libc::POLLIN != 0 {
                    s.on_readable().expect("readable");
                }
                if revents[i] & libc::POLLOUT != 0 {
                    s.on_writable().expect("writable");
                }
            }
            take_plaintext(&mut server, &mut buf, &mut got_server).expect("server read");
            if got_server == b"hello from the client" && !server_replied {
                server_replied = true;
                client.close();
                client.on_writable().expect("flush");
            }
            if server.peer_end() == Some(PeerEnd::CloseNotify) && !server_answered {
                server_answered = true;
                // The client has closed its side; the server still answers, then its
                // TCP stream ends without close_notify.
                let _ = server.write(b"late answer").expect("write");
                server.on_writable().expect("flush");
                if !server.wants_write() {
                    let sock = server.socket();
                    sock.shutdown(std::net::Shutdown::Write).expect("shutdown");
                }
            }
            take_plaintext(&mut client, &mut buf, &mut got_client).expect("client read");
        }
        assert_eq!(got_server, b"hello from the client");
        assert_eq!(server.peer_end(), Some(PeerEnd::CloseNotify));
        assert!(got_client.starts_with(b"late answer"), "{got_client:?}");
        assert_eq!(client.peer_end(), Some(PeerEnd::WithoutCloseNotify));
        client.set_verdict(verifier.verdict());
        let info = client.info().expect("handshake done");
        assert_eq!(info.protocol, "TLSv1.3");
        assert_eq!(info.verdict, Some(Verdict::Pinned));
        assert_eq!(info.chain.len(), 1);
    }

    /// Megabytes one way through both sessions: plaintext back-pressure on both sides
    /// (`write` answering 0, `on_readable` stopping while plaintext waits), nothing lost.
    #[test]
    fn bulk_data_arrives_whole() {
        let (mut client, mut server, _) = session_pair(|_| TlsClientArgs {
            insecure: true,
            ..Default::default()
        });
        let data: Vec<u8> = (0..6_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut sent = 0;
        let mut got = Vec::with_capacity(data.len());
        let mut buf = vec![0u8; 64 * 1024];
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.peer_end().is_none() && Instant::now() < deadline {
            while sent < data.len() {
                let n = client.write(&data[sent..]).expect("write");
                if n == 0 {
                    break;
                }
                sent += n;
            }
            if sent == data.len() {
                client.close();
            }
            let [c, s] = poll_both(&client, &server);
            if c & libc::POLLOUT != 0 {
                client.on_writable().expect("client writable");
            }
            if c & libc::POLLIN != 0 {
                client.on_readable().expect("client readable");
            }
            if s & libc::POLLOUT != 0 {
                server.on_writable().expect("server writable");
            }
            if s & (libc::POLLIN | libc::POLLHUP) != 0 {
                server.on_readable().expect("server readable");
            }
            take_plaintext(&mut server, &mut buf, &mut got).expect("server read");
        }
        assert_eq!(server.peer_end(), Some(PeerEnd::CloseNotify));
        // what arrived with the close_notify; a read error here shows as missing bytes
        let _ = take_plaintext(&mut server, &mut buf, &mut got);
        assert_eq!(got.len(), data.len());
        assert!(got == data, "the bytes differ");
    }
}
