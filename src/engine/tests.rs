//! The engine against real loopback sockets: half-close passed on each way while the
//! other direction keeps flowing, a reset passed on, the idle timeout, the observer, and
//! the TLS bridge.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use socket2::Socket;

use super::*;
use crate::fdio;

/// A connected loopback TCP pair: (the peer's side, the pump's side).
fn tcp_pair() -> (TcpStream, Socket) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let peer = TcpStream::connect(listener.local_addr().expect("addr")).expect("connect");
    let (inner, _) = listener.accept().expect("accept");
    peer.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    (peer, Socket::from(inner))
}

/// Run a pump on its own thread until it ends (bounded at 20 s).
fn drive(mut pump: Pump) -> std::thread::JoinHandle<(Ending, Totals)> {
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            assert!(Instant::now() < deadline, "the pump did not end");
            let mut fds = pump.pollfds();
            let wake = pump.next_wake().map_or(Duration::from_millis(100), |w| {
                w.min(Duration::from_millis(100))
            });
            fdio::poll(&mut fds, Some(wake)).expect("poll");
            if let Status::Done(e) = pump.advance(fds.map(|f| f.revents)) {
                return (e, pump.totals());
            }
        }
    })
}

fn read_to_end(mut s: &TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    s.read_to_end(&mut got).expect("read to EOF");
    got
}

/// Client half-closes after its request; the server still answers through the pump,
/// then half-closes too: both streams arrive whole and the pump ends closed.
fn half_close_both_ways(observer: Option<Box<dyn Observer>>, spliced: bool) -> Totals {
    let (client, a) = tcp_pair();
    let (server, b) = tcp_pair();
    let pump = Pump::new(
        End::stream(a).expect("a"),
        End::stream(b).expect("b"),
        None,
        observer,
    );
    assert_eq!(pump.is_spliced(), spliced);
    let pump = drive(pump);
    let request: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    (&client).write_all(&request).expect("send");
    client.shutdown(Shutdown::Write).expect("half-close");
    assert!(read_to_end(&server) == request, "the request differs");
    // The client's half-close reached the server; the answer still flows back.
    (&server).write_all(b"late answer").expect("answer");
    server.shutdown(Shutdown::Write).expect("server half-close");
    assert_eq!(read_to_end(&client), b"late answer");
    let (ending, totals) = pump.join().expect("pump thread");
    assert_eq!(ending, Ending::Closed);
    assert_eq!(totals.a_to_b, request.len() as u64);
    assert_eq!(totals.b_to_a, 11);
    totals
}

#[test]
fn half_close_passes_both_ways_spliced() {
    half_close_both_ways(None, true);
}

#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<Chunk>>>);

type Chunk = (Dir, Vec<u8>);

impl Observer for Seen {
    fn chunk(&mut self, dir: Dir, data: &[u8]) {
        self.0.lock().expect("lock").push((dir, data.to_vec()));
    }
}

#[test]
fn an_observer_sees_every_byte_each_way() {
    let seen = Seen::default();
    half_close_both_ways(Some(Box::new(seen.clone())), false);
    let chunks = seen.0.lock().expect("lock");
    let join = |d: Dir| -> Vec<u8> {
        chunks
            .iter()
            .filter(|(dir, _)| *dir == d)
            .flat_map(|(_, c)| c.clone())
            .collect()
    };
    let request: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    assert!(join(Dir::In) == request);
    assert_eq!(join(Dir::Out), b"late answer");
}

#[test]
fn the_server_half_closing_first_still_gets_the_clients_rest() {
    let (client, a) = tcp_pair();
    let (server, b) = tcp_pair();
    let pump = drive(Pump::new(
        End::stream(a).expect("a"),
        End::stream(b).expect("b"),
        None,
        None,
    ));
    (&server).write_all(b"banner").expect("banner");
    server.shutdown(Shutdown::Write).expect("server half-close");
    assert_eq!(read_to_end(&client), b"banner");
    (&client).write_all(b"the rest").expect("rest");
    client.shutdown(Shutdown::Write).expect("client half-close");
    assert_eq!(read_to_end(&server), b"the rest");
    let (ending, totals) = pump.join().expect("pump thread");
    assert_eq!(ending, Ending::Closed);
    assert_eq!((totals.a_to_b, totals.b_to_a), (8, 6));
}

#[test]
fn a_reset_is_passed_on() {
    let (client, a) = tcp_pair();
    let (server, b) = tcp_pair();
    let pump = drive(Pump::new(
        End::stream(a).expect("a"),
        End::stream(b).expect("b"),
        None,
        None,
    ));
    (&client).write_all(b"ping").expect("send");
    let mut buf = [0u8; 4];
    (&server).read_exact(&mut buf).expect("read");
    Socket::from(server)
        .set_linger(Some(Duration::ZERO))
        .expect("linger");
    // (dropped: the server resets its connection)
    let (ending, _) = pump.join().expect("pump thread");
    assert!(
        matches!(ending, Ending::Reset { by: Side::B, .. }),
        "{ending:?}"
    );
    let mut rest = Vec::new();
    let err = (&client)
        .read_to_end(&mut rest)
        .expect_err("the client sees the reset");
    assert_eq!(err.raw_os_error(), Some(libc::ECONNRESET), "{err}");
}

#[test]
fn nothing_moving_ends_at_the_idle_timeout() {
    let (_client, a) = tcp_pair();
    let (_server, b) = tcp_pair();
    let idle = Some(Duration::from_millis(200));
    let pump = drive(Pump::new(
        End::stream(a).expect("a"),
        End::stream(b).expect("b"),
        idle,
        None,
    ));
    let (ending, totals) = pump.join().expect("pump thread");
    assert_eq!(ending, Ending::Idle);
    assert!(totals.took >= Duration::from_millis(200));
}

mod bridged {
    use super::*;
    use crate::cli::{TlsClientArgs, TlsServerArgs};
    use crate::tls::server::ServerOptions;
    use crate::tls::session::Session;
    use crate::tls::{ClientOptions, verify::Mode};

    /// A TLS client (driven here by blocking rustls) talks to a server whose TLS
    /// side is a bridge: the plain end sees the plaintext and its EOF, answers after it,
    /// and the bridge says the client ended with close_notify.
    #[test]
    fn a_bridge_carries_tls_to_a_plain_socket() {
        let server_opts = ServerOptions::from_args(&TlsServerArgs::default()).expect("server");
        let client_opts = ClientOptions::from_args(&TlsClientArgs {
            insecure: true,
            ..Default::default()
        })
        .expect("client");
        let (client_tcp, server_sock) = tcp_pair();
        server_sock.set_nonblocking(true).expect("nonblocking");
        let session = Session::new(
            server_sock,
            rustls::ServerConnection::new(server_opts.config().expect("config")).expect("conn"),
        );
        let (plain, bridge) = super::super::bridge(session, None).expect("bridge");

        let client = std::thread::spawn(move || {
            let (config, _) = client_opts.config(Mode::Enforce).expect("config");
            let name = client_opts.server_name("localhost").expect("name");
            let mut conn = rustls::ClientConnection::new(config, name).expect("conn");
            let mut tcp = client_tcp;
            let mut tls = rustls::Stream::new(&mut conn, &mut tcp);
            tls.write_all(b"hello over tls").expect("send");
            tls.conn.send_close_notify();
            tls.flush().expect("flush");
            let mut got = Vec::new();
            let _ = tls.read_to_end(&mut got);
            got
        });
        let mut got = Vec::new();
        (&plain).read_to_end(&mut got).expect("plain read");
        assert_eq!(got, b"hello over tls");
        (&plain).write_all(b"plain answer").expect("answer");
        plain.shutdown(Shutdown::Write).expect("half-close");
        assert_eq!(client.join().expect("client"), b"plain answer");
        let ending = bridge.wait();
        assert_eq!(ending.outcome, TlsOutcome::CloseNotify);
        assert_eq!((ending.bytes_in, ending.bytes_out), (14, 12));
    }

    /// Garbage instead of a handshake: the bridge ends with the TLS error's reason and
    /// the plain end is closed.
    #[test]
    fn a_broken_session_closes_the_plain_end_with_a_reason() {
        let server_opts = ServerOptions::from_args(&TlsServerArgs::default()).expect("server");
        let (client_tcp, server_sock) = tcp_pair();
        server_sock.set_nonblocking(true).expect("nonblocking");
        let session = Session::new(
            server_sock,
            rustls::ServerConnection::new(server_opts.config().expect("config")).expect("conn"),
        );
        let (plain, bridge) = super::super::bridge(session, None).expect("bridge");
        (&client_tcp)
            .write_all(b"GET / HTTP/1.0\r\n\r\n")
            .expect("send");
        let mut got = Vec::new();
        let _ = (&plain).read_to_end(&mut got);
        assert!(got.is_empty());
        match bridge.wait().outcome {
            TlsOutcome::Error(reason) => assert!(!reason.is_empty()),
            other => panic!("not an error: {other:?}"),
        }
    }
}

/// An end over the two ends of one pipe echoes: what the peer sends comes back whole, by
/// splice both ways, and its half-close comes back once everything is echoed.
fn echo_through_a_pipe(observer: Option<Box<dyn Observer>>) {
    let (client, a) = tcp_pair();
    let (r, w) = fdio::pipe(1 << 16).expect("pipe");
    let pump = drive(Pump::new(
        End::stream(a).expect("a"),
        End::stdio(Stdio::pipes(r, w)),
        None,
        observer,
    ));
    // More than the pipe and the socket buffers hold: the echo must flow while the
    // client still writes, so the client writes on a thread of its own.
    let request: Vec<u8> = (0..3_000_000u32).map(|i| (i % 253) as u8).collect();
    let writer = {
        let client = client.try_clone().expect("clone");
        let request = request.clone();
        std::thread::spawn(move || {
            (&client).write_all(&request).expect("send");
            client.shutdown(Shutdown::Write).expect("half-close");
        })
    };
    assert!(read_to_end(&client) == request, "the echo differs");
    writer.join().expect("writer");
    let (ending, totals) = pump.join().expect("pump thread");
    assert_eq!(ending, Ending::Closed);
    assert_eq!((totals.a_to_b, totals.b_to_a), (3_000_000, 3_000_000));
}

#[test]
fn a_pipe_end_echoes_by_splice_and_passes_the_end_back() {
    echo_through_a_pipe(None);
}

#[test]
fn a_pipe_end_echoes_under_an_observer_too() {
    let seen = Seen::default();
    echo_through_a_pipe(Some(Box::new(seen.clone())));
    let total: usize = seen
        .0
        .lock()
        .expect("lock")
        .iter()
        .map(|(_, c)| c.len())
        .sum();
    assert_eq!(total, 6_000_000);
}
