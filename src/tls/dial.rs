//! From a host and port to a TLS session, blocking, within one deadline: the TCP
//! connection (each address in turn, or through `--proxy`), the `--starttls` dialogue,
//! the handshake. What `sockkit tls`, `ping --tls` and `wait tls://` share.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use rustls::ClientConnection;
use socket2::SockAddr;

use super::verify::Mode;
use super::{ClientOptions, SessionInfo, client_handshake, starttls};
use crate::endpoint::{self, Proto};
use crate::error::{Failure, failed, reason};
use crate::options::Ctx;
use crate::proxy::Proxy;
use crate::schema::Event;
use crate::socket;
use crate::sockopt::SockKind;

/// A finished client handshake and the socket under it.
pub struct Dialed {
    pub sock: TcpStream,
    pub conn: ClientConnection,
    pub info: SessionInfo,
    /// The address connected to (`127.0.0.1:443`), or `via socks5://..` through a proxy.
    pub address: String,
    /// How long the TCP connection (and the proxy's dialogue) took.
    pub connect_time: Duration,
}

/// Connect to `host:port`, speak `opts.starttls` if set, and handshake, all before
/// `deadline`. `Mode::Enforce` fails on an untrusted certificate (ping, wait);
/// `Mode::Record` finishes and leaves the verdict in `info.verdict`.
pub fn dial(
    ctx: &Ctx,
    host: &str,
    port: u16,
    opts: &ClientOptions,
    proxy: Option<&Proxy>,
    mode: Mode,
    deadline: Instant,
) -> Result<Dialed, Failure> {
    let started = Instant::now();
    let (mut sock, address) = connect(ctx, host, port, proxy, deadline)?;
    let connect_time = started.elapsed();
    if let Some(proto) = opts.starttls {
        starttls::upgrade(&mut sock, proto, Some(deadline))?;
    }
    let (conn, info) = client_handshake(&mut sock, host, opts, mode, Some(deadline))?;
    Ok(Dialed {
        sock,
        conn,
        info,
        address,
        connect_time,
    })
}

/// A TCP connection to `host:port` before `deadline`: through `proxy`, or to each
/// address the name resolves to in turn (each failure an event at `-v`). Returns the
/// socket (blocking) and the address it reached (`via URL` through a proxy).
pub fn connect(
    ctx: &Ctx,
    host: &str,
    port: u16,
    proxy: Option<&Proxy>,
    deadline: Instant,
) -> Result<(TcpStream, String), Failure> {
    let left = || deadline.saturating_duration_since(Instant::now());
    if let Some(proxy) = proxy {
        let sock = proxy.connect(ctx, host, port, Some(left()))?;
        return Ok((TcpStream::from(sock), format!("via {}", proxy.shown)));
    }
    let addrs = endpoint::resolve(Some(host), port, ctx.family, Proto::Tcp)?;
    let mut last = None;
    for addr in addrs {
        if left().is_zero() {
            break;
        }
        let sock = socket::open(ctx, socket::domain_of(&addr), SockKind::Tcp, &[])?;
        let started = Instant::now();
        match socket::connect(ctx, &sock, &SockAddr::from(addr), Some(left())) {
            Ok(()) => {
                let took = started.elapsed();
                let connected = Event::Connected {
                    peer: &addr.to_string(),
                    ms: crate::output::millis(took),
                };
                ctx.out.emit(&connected, || {
                    format!(
                        "connected to {addr} in {}",
                        crate::output::human_duration(took)
                    )
                });
                return Ok((TcpStream::from(sock), addr.to_string()));
            }
            Err(e) => {
                let f = failed(format!("connect {addr}"), reason(&e));
                let failure = Event::ConnectFailed {
                    peer: &addr.to_string(),
                    error: &f.message,
                };
                ctx.out.emit(&failure, || f.message.clone());
                last = Some(f);
            }
        }
    }
    Err(last.unwrap_or_else(|| failed(format!("connect {host}:{port}"), "timed out")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{GlobalArgs, TlsClientArgs, TlsServerArgs};
    use crate::tls::server::{ServerOptions, accept_handshake};
    use std::net::TcpListener;

    /// `dial` against a self-signed server in a thread: pinned it succeeds, against the
    /// system's roots it fails in Enforce mode, naming the self-signed issuer.
    #[test]
    fn dial_enforces_verification() {
        let ctx = Ctx::from_args(&GlobalArgs::default()).expect("ctx");
        let server = ServerOptions::from_args(&TlsServerArgs::default()).expect("server");
        let config = server.config().expect("config");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let serve = std::thread::spawn(move || {
            for _ in 0..2 {
                if let Ok((mut sock, _)) = listener.accept() {
                    let deadline = Some(Instant::now() + Duration::from_secs(10));
                    let _ = accept_handshake(&mut sock, config.clone(), deadline);
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        let pinned = ClientOptions::from_args(&TlsClientArgs {
            pin: Some(format!("sha256:{}", server.fingerprint)),
            ..Default::default()
        })
        .expect("options");
        let d = dial(
            &ctx,
            "127.0.0.1",
            port,
            &pinned,
            None,
            Mode::Enforce,
            deadline,
        )
        .expect("pinned dial");
        assert_eq!(d.address, format!("127.0.0.1:{port}"));
        assert_eq!(d.info.verdict, Some(crate::tls::verify::Verdict::Pinned));
        drop(d);

        let system = ClientOptions::from_args(&TlsClientArgs::default()).expect("options");
        let err = dial(
            &ctx,
            "localhost",
            port,
            &system,
            None,
            Mode::Enforce,
            deadline,
        )
        .err()
        .expect("an untrusted certificate fails");
        assert_eq!(err.code, 1);
        assert!(
            err.message
                .contains("certificate verification failed: unknown issuer"),
            "{}",
            err.message
        );
        assert!(err.message.contains("self-signed"), "{}", err.message);
        let _ = serve.join();
    }
}
