//! TLS over sockkit's sockets, with rustls (ring provider) and no async runtime.
//!
//! Two ways in, one set of checked options:
//!
//! - **Blocking** ([`client_handshake`], [`server::accept_handshake`]): a handshake over a
//!   connected `TcpStream` bounded by a deadline, returning the rustls connection and a
//!   [`SessionInfo`] (protocol, cipher suite, ALPN, key exchange group, handshake time,
//!   the peer's chain as DER, the verification verdict). `sockkit tls`, `ping --tls` and
//!   `wait tls://` use it.
//! - **Poll-driven** ([`session::Session`]): a rustls connection over a non-blocking
//!   descriptor that a poll(2) loop drives on readiness (`read_tls`/`write_tls`), with
//!   plaintext in and out, close_notify, and a peer's EOF without close_notify told apart.
//!   The stream relay uses it.
//!
//! [`ClientOptions`] and [`server::ServerOptions`] are the checked plans made from the
//! command line before any socket exists: every bad file, key, pin or ALPN is exit 2 there.
//! [`starttls`] speaks a protocol's own upgrade dialogue before the handshake; [`dial::dial`]
//! does all of it (connect, directly or through a proxy; STARTTLS; handshake) in one call.

pub mod cert;
pub mod dial;
pub mod server;
pub mod session;
pub mod starttls;
pub mod verify;

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use rustls::client::ClientConnection;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, RootCertStore, SupportedProtocolVersion};
use serde::Serialize;

use crate::cli::{StartTlsProto, TlsClientArgs};
use crate::error::{Failure, failed, usage};
use verify::{Mode, Trust, Verdict, Verifier};

/// The crypto provider every config of sockkit uses (ring).
pub fn provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

/// The system's trust anchors (rustls-native-certs), loaded once; the Mozilla set
/// compiled in (webpki-roots) when the system has none.
pub fn system_roots() -> Arc<RootCertStore> {
    static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let mut store = RootCertStore::empty();
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            }
            Arc::new(store)
        })
        .clone()
}

/// Where the trust anchors come from, before they are loaded.
#[derive(Debug, Clone)]
enum TrustPlan {
    System,
    Ca(Arc<RootCertStore>),
    Pin([u8; 32]),
    Insecure,
}

/// The first TLS client option given (`--sni`, `--ca`, ..), if any: commands where TLS
/// is asked for by a flag of its own take one as that ask, or refuse it without one.
pub fn client_flag_given(c: &TlsClientArgs) -> Option<&'static str> {
    [
        (c.sni.is_some(), "--sni"),
        (c.alpn.is_some(), "--alpn"),
        (c.ca.is_some(), "--ca"),
        (c.pin.is_some(), "--pin"),
        (c.insecure, "--insecure"),
        (c.cert.is_some(), "--cert"),
        (c.key.is_some(), "--key"),
        (c.tls_min.is_some(), "--tls-min"),
        (c.starttls.is_some(), "--starttls"),
    ]
    .into_iter()
    .find_map(|(given, name)| given.then_some(name))
}

/// The checked TLS client options when TLS is `wanted`; without it, a TLS client option
/// given is bad input, `why` saying what it lacks (`a TLS client option needs --tls`).
pub fn client_options_if(
    wanted: bool,
    c: &TlsClientArgs,
    why: &str,
) -> Result<Option<ClientOptions>, Failure> {
    if wanted {
        return ClientOptions::from_args(c).map(Some);
    }
    match client_flag_given(c) {
        Some(flag) => Err(usage(flag, why)),
        None => Ok(None),
    }
}

/// The checked TLS client options (`--sni --alpn --ca --pin --insecure --cert --key
/// --tls-min --starttls`).
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// `--sni NAME`: the name sent and verified instead of the host.
    pub sni: Option<String>,
    /// `--alpn LIST`, in order of preference.
    pub alpn: Vec<Vec<u8>>,
    trust: TrustPlan,
    client_auth: Option<Arc<rustls::sign::CertifiedKey>>,
    versions: &'static [&'static SupportedProtocolVersion],
    /// `--starttls PROTO`: the plain-text upgrade dialogue to speak first.
    pub starttls: Option<StartTlsProto>,
}

static TLS12_AND_13: &[&SupportedProtocolVersion] =
    &[&rustls::version::TLS13, &rustls::version::TLS12];
static TLS13_ONLY: &[&SupportedProtocolVersion] = &[&rustls::version::TLS13];

impl ClientOptions {
    /// Check the client flags: files readable and well-formed, the key matching the
    /// certificate, the pin and ALPN list well-formed. Any failure is exit 2.
    pub fn from_args(args: &TlsClientArgs) -> Result<ClientOptions, Failure> {
        let trust = match (&args.pin, &args.ca, args.insecure) {
            (Some(_), _, true) => return Err(usage("--pin", "cannot be used with --insecure")),
            (Some(pin), _, false) => TrustPlan::Pin(cert::parse_pin(pin)?),
            (None, Some(_), true) => return Err(usage("--ca", "cannot be used with --insecure")),
            (None, Some(ca), false) => {
                let certs = cert::load_certs("--ca", Path::new(ca))?;
                let mut store = RootCertStore::empty();
                let (added, _) = store.add_parsable_certificates(certs);
                if added == 0 {
                    return Err(usage(
                        format!("--ca {ca}"),
                        "no usable CA certificate in it",
                    ));
                }
                TrustPlan::Ca(Arc::new(store))
            }
            (None, None, true) => TrustPlan::Insecure,
            (None, None, false) => TrustPlan::System,
        };
        let client_auth = match (&args.cert, &args.key) {
            (Some(c), Some(k)) => Some(cert::load_certified_key(
                Path::new(c),
                Path::new(k),
                &provider(),
            )?),
            (Some(_), None) => return Err(usage("--cert", "needs --key FILE too")),
            (None, Some(_)) => return Err(usage("--key", "needs --cert FILE too")),
            (None, None) => None,
        };
        let versions = match args.tls_min.as_deref() {
            None | Some("1.2") => TLS12_AND_13,
            Some("1.3") => TLS13_ONLY,
            Some(other) => {
                return Err(usage(format!("--tls-min '{other}'"), "expected 1.2 or 1.3"));
            }
        };
        let sni = args.sni.as_deref().map(check_sni).transpose()?;
        Ok(ClientOptions {
            sni,
            alpn: args
                .alpn
                .as_deref()
                .map(parse_alpn)
                .transpose()?
                .unwrap_or_default(),
            trust,
            client_auth,
            versions,
            starttls: args.starttls,
        })
    }

    /// Whether `--insecure` was given (the caller says so on stderr).
    pub fn insecure(&self) -> bool {
        matches!(self.trust, TrustPlan::Insecure)
    }

    /// The name to send as SNI and verify: `--sni`, else `host` (an IP literal is verified
    /// against the certificate's IP names and sends no SNI, as RFC 6066 says).
    pub fn server_name(&self, host: &str) -> Result<ServerName<'static>, Failure> {
        let name = self.sni.as_deref().unwrap_or(host);
        let name = name.trim_start_matches('[').trim_end_matches(']');
        let name = name.split('%').next().unwrap_or(name);
        ServerName::try_from(name.to_string()).map_err(|_| {
            usage(
                format!("server name '{name}'"),
                "not a valid DNS name or IP address",
            )
        })
    }

    /// A rustls client config for one connection, and the verifier that keeps its verdict.
    /// `Mode::Record` finishes the handshake whatever the verdict (`sockkit tls` reports
    /// it); `Mode::Enforce` fails the handshake on an untrusted certificate.
    pub fn config(&self, mode: Mode) -> Result<(Arc<ClientConfig>, Arc<Verifier>), Failure> {
        let trust = match &self.trust {
            TrustPlan::System => Trust::Roots(system_roots()),
            TrustPlan::Ca(store) => Trust::Roots(store.clone()),
            TrustPlan::Pin(p) => Trust::Pin(*p),
            TrustPlan::Insecure => Trust::Nothing,
        };
        let verifier = Arc::new(
            Verifier::new(trust, provider(), mode)
                .map_err(|why| failed("TLS trust anchors", why))?,
        );
        let builder = ClientConfig::builder_with_provider(provider())
            .with_protocol_versions(self.versions)
            .map_err(|e| failed("TLS configuration", e))?
            .dangerous()
            .with_custom_certificate_verifier(verifier.clone());
        let mut config = match &self.client_auth {
            Some(ck) => builder.with_client_cert_resolver(Arc::new(ClientIdentity(ck.clone()))),
            None => builder.with_no_client_auth(),
        };
        config.alpn_protocols = self.alpn.clone();
        Ok((Arc::new(config), verifier))
    }
}

/// The one client certificate of `--cert/--key`, offered whenever a server asks.
#[derive(Debug)]
struct ClientIdentity(Arc<rustls::sign::CertifiedKey>);

impl rustls::client::ResolvesClientCert for ClientIdentity {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[rustls::SignatureScheme],
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        Some(self.0.clone())
    }

    fn has_certs(&self) -> bool {
        true
    }
}

/// `--sni NAME`: a DNS name or an IP address.
fn check_sni(name: &str) -> Result<String, Failure> {
    ServerName::try_from(name.to_string())
        .map(|_| name.to_string())
        .map_err(|_| usage(format!("--sni '{name}'"), "not a valid DNS name"))
}

/// `--alpn h2,http/1.1`: non-empty protocol names of 1-255 printable ASCII bytes.
pub fn parse_alpn(text: &str) -> Result<Vec<Vec<u8>>, Failure> {
    let bad = |why: String| usage(format!("--alpn '{text}'"), why);
    let mut out = Vec::new();
    for name in text.split(',') {
        let name = name.trim();
        if name.is_empty() {
            return Err(bad(
                "an empty protocol name (expected a list like h2,http/1.1)".into(),
            ));
        }
        if name.len() > 255 {
            return Err(bad(format!("'{name}' is longer than 255 bytes")));
        }
        if !name.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(bad(format!(
                "'{}' has a space or a non-ASCII byte",
                name.escape_debug()
            )));
        }
        out.push(name.as_bytes().to_vec());
    }
    Ok(out)
}

/// What a finished handshake negotiated.
#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    /// `TLSv1.3`, `TLSv1.2` (OpenSSL's names).
    pub protocol: String,
    /// The IANA name: `TLS_AES_256_GCM_SHA384`, `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`.
    pub cipher: String,
    pub alpn: Option<String>,
    /// The key exchange group: `X25519`, `secp256r1`.
    pub kx: Option<String>,
    pub handshake_ms: f64,
    /// The certificates the peer sent, leaf first.
    #[serde(skip)]
    pub chain: Vec<CertificateDer<'static>>,
    /// The server's certificate verdict (clients only).
    #[serde(skip)]
    pub verdict: Option<Verdict>,
}

impl SessionInfo {
    /// Read what a connection negotiated (once its handshake is done).
    pub fn of(conn: &rustls::CommonState, took: Duration, verdict: Option<Verdict>) -> SessionInfo {
        let protocol = match conn.protocol_version() {
            Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3".to_string(),
            Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2".to_string(),
            Some(other) => format!("{other:?}"),
            None => "unknown".to_string(),
        };
        let cipher = conn
            .negotiated_cipher_suite()
            .map(|s| {
                let name = format!("{:?}", s.suite());
                match name.strip_prefix("TLS13_") {
                    Some(rest) => format!("TLS_{rest}"),
                    None => name,
                }
            })
            .unwrap_or_default();
        SessionInfo {
            protocol,
            cipher,
            alpn: conn
                .alpn_protocol()
                .map(|p| String::from_utf8_lossy(p).into_owned()),
            kx: conn
                .negotiated_key_exchange_group()
                .map(|g| format!("{:?}", g.name())),
            handshake_ms: crate::output::millis(took),
            chain: conn
                .peer_certificates()
                .map(|c| c.iter().map(|c| c.clone().into_owned()).collect())
                .unwrap_or_default(),
            verdict,
        }
    }
}

/// A socket as rustls reads it, keeping the first bytes the peer sent: when those are
/// not TLS, the error can show what the server said instead (`SSH-2.0-..`, `220 ..`).
struct Recording<'a> {
    sock: &'a mut TcpStream,
    first: Vec<u8>,
}

impl Read for Recording<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.sock.read(buf)?;
        if self.first.len() < 64 {
            let take = n.min(64 - self.first.len());
            self.first.extend_from_slice(&buf[..take]);
        }
        Ok(n)
    }
}

/// Drive a handshake over a blocking, connected socket until it completes, the peer
/// fails it, or `deadline` passes. `conn` is a fresh client or server connection.
/// Returns the handshake time.
pub fn drive_handshake(
    conn: &mut rustls::Connection,
    sock: &mut TcpStream,
    deadline: Option<Instant>,
) -> Result<Duration, HandshakeError> {
    let started = Instant::now();
    let mut rec = Recording {
        sock,
        first: Vec::new(),
    };
    while conn.is_handshaking() {
        while conn.wants_write() {
            set_deadline(rec.sock, deadline, true)?;
            conn.write_tls(rec.sock)
                .map_err(|e| io_phase(e, &rec.first))?;
        }
        if !conn.is_handshaking() {
            break;
        }
        set_deadline(rec.sock, deadline, false)?;
        let n = conn
            .read_tls(&mut rec)
            .map_err(|e| io_phase(e, &rec.first))?;
        if n == 0 {
            return Err(HandshakeError::Closed { first: rec.first });
        }
        if let Err(e) = conn.process_new_packets() {
            // Send the alert rustls queued, so the peer learns why.
            let _ = conn.write_tls(rec.sock);
            return Err(HandshakeError::Tls {
                err: e,
                first: rec.first,
            });
        }
    }
    let took = started.elapsed();
    // The client's Finished (TLS 1.3) or the last flight still waits to be sent.
    while conn.wants_write() {
        set_deadline(rec.sock, deadline, true)?;
        conn.write_tls(rec.sock)
            .map_err(|e| io_phase(e, &rec.first))?;
    }
    let _ = rec.sock.set_read_timeout(None);
    let _ = rec.sock.set_write_timeout(None);
    Ok(took)
}

fn set_deadline(
    sock: &TcpStream,
    deadline: Option<Instant>,
    write: bool,
) -> Result<(), HandshakeError> {
    let left = match deadline {
        None => None,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(HandshakeError::TimedOut);
            }
            Some(left)
        }
    };
    let res = if write {
        sock.set_write_timeout(left)
    } else {
        sock.set_read_timeout(left)
    };
    res.map_err(HandshakeError::Io)
}

fn io_phase(e: io::Error, first: &[u8]) -> HandshakeError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => HandshakeError::TimedOut,
        io::ErrorKind::Interrupted => HandshakeError::Interrupted,
        io::ErrorKind::UnexpectedEof => HandshakeError::Closed {
            first: first.to_vec(),
        },
        _ => HandshakeError::Io(e),
    }
}

/// Why a handshake did not complete.
#[derive(Debug)]
pub enum HandshakeError {
    TimedOut,
    Interrupted,
    /// The peer closed before the handshake finished; `first` is what it had sent.
    Closed {
        first: Vec<u8>,
    },
    Io(io::Error),
    Tls {
        err: rustls::Error,
        first: Vec<u8>,
    },
}

impl HandshakeError {
    /// The reason in a user's terms; `verdict` is the client verifier's, when one failed.
    pub fn reason(&self, verdict: Option<&Verdict>) -> String {
        if let Some(Verdict::Failed(why)) = verdict {
            return format!("certificate verification failed: {why}");
        }
        match self {
            HandshakeError::TimedOut => "TLS handshake timed out".into(),
            HandshakeError::Interrupted => "interrupted".into(),
            HandshakeError::Closed { first } if first.is_empty() => {
                "the peer closed the connection during the TLS handshake".into()
            }
            HandshakeError::Closed { first } | HandshakeError::Tls { first, .. }
                if !first.is_empty() && !looks_like_tls(first) =>
            {
                format!("not TLS: the peer sent {}", shown_bytes(first))
            }
            HandshakeError::Closed { .. } => {
                "the peer closed the connection during the TLS handshake".into()
            }
            HandshakeError::Io(e) => crate::error::reason(e),
            HandshakeError::Tls { err, .. } => tls_reason(err),
        }
    }
}

/// A TLS record starts with a content type 20-23 and major version 3.
fn looks_like_tls(first: &[u8]) -> bool {
    matches!(first.first(), Some(20..=23)) && first.get(1).is_none_or(|v| *v == 3)
}

/// The first bytes a peer sent, quoted with control characters escaped.
fn shown_bytes(bytes: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(bytes)
        .chars()
        .flat_map(char::escape_debug)
        .collect();
    format!("\"{text}\"")
}

/// A rustls error in a user's terms.
pub fn tls_reason(err: &rustls::Error) -> String {
    use rustls::Error as E;
    match err {
        E::AlertReceived(alert) => {
            let name = format!("{alert:?}");
            format!("the peer refused the handshake: alert {}", snake(&name))
        }
        E::NoCertificatesPresented => "the client sent no certificate".into(),
        E::PeerIncompatible(why) => format!("no common ground with the peer: {why:?}"),
        E::InvalidMessage(_) => "not TLS: the peer sent something that is not a TLS record".into(),
        E::General(why) => why.clone(),
        E::InvalidCertificate(_) => {
            let text = err.to_string();
            text.strip_prefix("invalid peer certificate: ")
                .unwrap_or(&text)
                .to_string()
        }
        other => other.to_string(),
    }
}

/// `HandshakeFailure` -> `handshake_failure`, as the RFC and OpenSSL name alerts.
fn snake(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A client handshake over a connected socket, bounded by `deadline`: the connection
/// (ready for application data) and what it negotiated. With `Mode::Record` an
/// untrusted certificate still completes the handshake and shows in `info.verdict`.
pub fn client_handshake(
    sock: &mut TcpStream,
    host: &str,
    opts: &ClientOptions,
    mode: Mode,
    deadline: Option<Instant>,
) -> Result<(ClientConnection, SessionInfo), Failure> {
    let name = opts.server_name(host)?;
    let (config, verifier) = opts.config(mode)?;
    let client = ClientConnection::new(config, name).map_err(|e| failed("TLS", tls_reason(&e)))?;
    let mut conn = rustls::Connection::Client(client);
    match drive_handshake(&mut conn, sock, deadline) {
        Ok(took) => {
            let info = SessionInfo::of(&conn, took, verifier.verdict());
            match conn {
                rustls::Connection::Client(c) => Ok((c, info)),
                rustls::Connection::Server(_) => Err(failed("TLS", "not a client connection")),
            }
        }
        Err(e) => Err(failed("TLS", e.reason(verifier.verdict().as_ref()))),
    }
}

/// Send close_notify and flush it, best effort (the end of a `sockkit tls` probe).
pub fn close(conn: &mut rustls::Connection, sock: &mut TcpStream) {
    conn.send_close_notify();
    let _ = sock.set_write_timeout(Some(Duration::from_secs(1)));
    while conn.wants_write() {
        if conn.write_tls(sock).is_err() {
            break;
        }
    }
    let _ = sock.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpn_lists_are_checked() {
        assert_eq!(
            parse_alpn("h2,http/1.1").ok(),
            Some(vec![b"h2".to_vec(), b"http/1.1".to_vec()])
        );
        for bad in ["", "h2,,x", "h 2", "h2,"] {
            assert_eq!(parse_alpn(bad).map_err(|e| e.code).err(), Some(2), "{bad}");
        }
    }

    #[test]
    fn alert_names_read_as_the_rfc_writes_them() {
        assert_eq!(snake("HandshakeFailure"), "handshake_failure");
        assert_eq!(snake("CertificateRequired"), "certificate_required");
    }

    #[test]
    fn plain_text_is_not_tls() {
        assert!(!looks_like_tls(b"SSH-2.0-OpenSSH"));
        assert!(looks_like_tls(&[22, 3, 3]));
        assert!(looks_like_tls(&[21]));
    }
}
