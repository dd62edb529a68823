//! TLS for the modes that handle plain sockets: the handshake here, blocking within a
//! deadline, then a bridge ([`super::bridge`]) whose plain end the mode uses as
//! if it were the connection. `listen --tls` (every mode, through the acceptor),
//! `connect --tls` and `forward --tls` share it.

use std::net::TcpStream;
use std::time::Instant;

use socket2::Socket;

use super::{Bridge, TlsEnding, TlsOutcome, bridge};
use crate::error::{Failure, failed, reason};
use crate::options::Ctx;
use crate::output::Output;
use crate::schema::Event;
use crate::tls::server::{Accepted, accept_handshake};
use crate::tls::session::Session;
use crate::tls::verify::Mode;
use crate::tls::{ClientOptions, client_handshake, starttls};

/// Server side: the handshake with an accepted client (bounded by `deadline`), then the
/// bridge. Returns the plain end, what the handshake learnt, and the running bridge.
pub fn terminate(
    sock: Socket,
    config: std::sync::Arc<rustls::ServerConfig>,
    deadline: Instant,
) -> Result<(Socket, Accepted, Bridge), Failure> {
    sock.set_nonblocking(false)
        .map_err(|e| failed("TLS", reason(&e)))?;
    let mut stream = TcpStream::from(sock);
    let (conn, accepted) = accept_handshake(&mut stream, config, Some(deadline))?;
    let (plain, bridge) = start(stream, rustls::Connection::Server(conn))?;
    Ok((plain, accepted, bridge))
}

/// Client side: `--starttls` first if asked, the handshake (verified as the options
/// say: a failed verification is exit 1 naming why), then the bridge.
pub fn originate(
    ctx: &Ctx,
    sock: Socket,
    host: &str,
    opts: &ClientOptions,
    deadline: Instant,
) -> Result<(Socket, Bridge), Failure> {
    sock.set_nonblocking(false)
        .map_err(|e| failed("TLS", reason(&e)))?;
    let mut stream = TcpStream::from(sock);
    if let Some(proto) = opts.starttls {
        starttls::upgrade(&mut stream, proto, Some(deadline))?;
    }
    let (conn, info) = client_handshake(&mut stream, host, opts, Mode::Enforce, Some(deadline))?;
    let session = Event::TlsSession {
        protocol: &info.protocol,
        cipher: &info.cipher,
        alpn: info.alpn.as_deref(),
        handshake_ms: info.handshake_ms,
    };
    ctx.out.emit(&session, || {
        format!(
            "TLS: {} {} in {}{}",
            info.protocol,
            info.cipher,
            crate::output::millis_text(info.handshake_ms),
            info.alpn
                .as_deref()
                .map(|a| format!(", ALPN {a}"))
                .unwrap_or_default()
        )
    });
    start(stream, rustls::Connection::Client(conn))
}

fn start(stream: TcpStream, conn: rustls::Connection) -> Result<(Socket, Bridge), Failure> {
    let sock = Socket::from(stream);
    sock.set_nonblocking(true)
        .map_err(|e| failed("TLS", reason(&e)))?;
    bridge(Session::new(sock, conn), None).map_err(|e| failed("TLS bridge", reason(&e)))
}

/// How a bridged session's TLS side ended, as an event at `-v`; for a client served by
/// a listener (the session's own verdict belongs to the mode).
pub fn report_end(out: &Output, peer: &str, ending: TlsEnding) {
    let why = match &ending.outcome {
        TlsOutcome::CloseNotify | TlsOutcome::LocalClosed => return,
        TlsOutcome::WithoutCloseNotify => "the peer closed without close_notify".to_string(),
        TlsOutcome::Idle => "idle".to_string(),
        TlsOutcome::Error(why) => why.clone(),
    };
    out.emit(&Event::TlsEnd { peer, reason: &why }, || {
        format!("{peer}: TLS: {why}")
    });
}

/// The TLS side's end for `connect`: a peer that ended without close_notify is said at
/// `-v` (its data may be truncated); an error there fails a session that otherwise
/// looked whole.
pub fn verdict(ctx: &Ctx, peer: &str, ending: TlsEnding) -> Result<(), Failure> {
    match ending.outcome {
        TlsOutcome::Error(why) => Err(failed(peer, format!("TLS: {why}"))),
        outcome => {
            report_end(&ctx.out, peer, TlsEnding { outcome, ..ending });
            Ok(())
        }
    }
}
