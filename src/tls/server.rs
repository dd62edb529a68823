//! The TLS server side: `--cert/--key` or a self-signed certificate made at start,
//! `--verify-client CA`, and a blocking handshake that reports the client's subject.

use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::{ServerConnection, WebPkiClientVerifier};
use rustls::{RootCertStore, ServerConfig};

use super::cert;
use super::{SessionInfo, drive_handshake, provider};
use crate::cli::TlsServerArgs;
use crate::error::{Failure, failed, usage};
use crate::schema::Event;

/// The checked server options: the identity to present and who may connect.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    identity: Arc<rustls::sign::CertifiedKey>,
    /// SHA-256 of the certificate presented (`AB:CD:..`), for `-v` and the `listening` event.
    pub fingerprint: String,
    /// Whether the certificate was made at start (no `--cert`).
    pub self_signed: bool,
    client_roots: Option<Arc<RootCertStore>>,
    alpn: Vec<Vec<u8>>,
}

impl ServerOptions {
    /// Check `--cert/--key` (readable, PEM, matching) or make a self-signed certificate
    /// for `localhost`, `127.0.0.1` and `::1`; load `--verify-client`'s CAs.
    pub fn from_args(args: &TlsServerArgs) -> Result<ServerOptions, Failure> {
        let (identity, self_signed) = match (&args.cert, &args.key) {
            (Some(c), Some(k)) => (
                cert::load_certified_key(Path::new(c), Path::new(k), &provider())?,
                false,
            ),
            (Some(_), None) => return Err(usage("--cert", "needs --key FILE too")),
            (None, Some(_)) => return Err(usage("--key", "needs --cert FILE too")),
            (None, None) => (self_signed_identity()?, true),
        };
        let fingerprint = identity
            .cert
            .first()
            .map(|c| cert::fingerprint(c))
            .unwrap_or_default();
        let client_roots = match &args.verify_client {
            Some(ca) => {
                let mut store = RootCertStore::empty();
                let (added, _) = store
                    .add_parsable_certificates(cert::load_certs("--verify-client", Path::new(ca))?);
                if added == 0 {
                    return Err(usage(
                        format!("--verify-client {ca}"),
                        "no usable CA certificate in it",
                    ));
                }
                Some(Arc::new(store))
            }
            None => None,
        };
        let alpn = args
            .alpn
            .as_deref()
            .map(super::parse_alpn)
            .transpose()?
            .unwrap_or_default();
        Ok(ServerOptions {
            identity,
            fingerprint,
            self_signed,
            client_roots,
            alpn,
        })
    }

    /// The fingerprint as `connect --pin` takes it: `sha256:AB:CD:..`.
    pub fn pin(&self) -> String {
        format!("sha256:{}", self.fingerprint)
    }

    /// The `certificate` event of a TLS listener: which certificate it presents
    /// (`cert_flag` names the option that gave it) and how to pin it.
    pub fn announce(&self, out: &crate::output::Output, cert_flag: &str) {
        let pin = self.pin();
        let made = if self.self_signed {
            "a self-signed certificate made at start".to_string()
        } else {
            format!("the certificate of {cert_flag}")
        };
        let certificate = Event::Certificate {
            fingerprint: &pin,
            self_signed: self.self_signed,
        };
        out.emit(&certificate, || {
            format!("TLS: {made}; pin it with connect --pin {pin}")
        });
    }

    /// The certificate presented, leaf first.
    pub fn chain(&self) -> &[CertificateDer<'static>] {
        &self.identity.cert
    }

    /// The rustls server config (one for all connections).
    pub fn config(&self) -> Result<Arc<ServerConfig>, Failure> {
        let builder = ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| failed("TLS configuration", e))?;
        let builder = match &self.client_roots {
            Some(roots) => builder.with_client_cert_verifier(
                WebPkiClientVerifier::builder_with_provider(roots.clone(), provider())
                    .build()
                    .map_err(|e| failed("--verify-client", e))?,
            ),
            None => builder.with_no_client_auth(),
        };
        let mut config = builder.with_cert_resolver(Arc::new(Identity(self.identity.clone())));
        config.alpn_protocols = self.alpn.clone();
        Ok(Arc::new(config))
    }
}

/// The one certificate a server presents, whatever name the client asks for.
#[derive(Debug)]
struct Identity(Arc<rustls::sign::CertifiedKey>);

impl rustls::server::ResolvesServerCert for Identity {
    fn resolve(
        &self,
        _hello: rustls::server::ClientHello<'_>,
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        Some(self.0.clone())
    }
}

/// A fresh ECDSA P-256 certificate for the loopback names, made with rcgen.
fn self_signed_identity() -> Result<Arc<rustls::sign::CertifiedKey>, Failure> {
    let names = vec![
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "::1".to_string(),
    ];
    let made = rcgen::generate_simple_self_signed(names)
        .map_err(|e| failed("self-signed certificate", e))?;
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(made.signing_key.serialize_der()));
    let signing = provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| failed("self-signed certificate", e))?;
    Ok(Arc::new(rustls::sign::CertifiedKey::new(
        vec![made.cert.der().clone()],
        signing,
    )))
}

/// What a server handshake learnt about its client.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub info: SessionInfo,
    /// The client certificate's subject (`CN=client`), under `--verify-client`; what
    /// `--exec` children get as `SOCKKIT_PEER_CERT_SUBJECT`.
    pub peer_subject: Option<String>,
}

/// A server handshake over an accepted, blocking socket, bounded by `deadline`.
pub fn accept_handshake(
    sock: &mut TcpStream,
    config: Arc<ServerConfig>,
    deadline: Option<Instant>,
) -> Result<(ServerConnection, Accepted), Failure> {
    let server = ServerConnection::new(config).map_err(|e| failed("TLS", super::tls_reason(&e)))?;
    let mut conn = rustls::Connection::Server(server);
    let took =
        drive_handshake(&mut conn, sock, deadline).map_err(|e| failed("TLS", e.reason(None)))?;
    let info = SessionInfo::of(&conn, took, None);
    let peer_subject = info.chain.first().and_then(|c| cert::subject_of(c));
    match conn {
        rustls::Connection::Server(s) => Ok((s, Accepted { info, peer_subject })),
        rustls::Connection::Client(_) => Err(failed("TLS", "not a server connection")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::process::{Command, Stdio};
    use std::time::Duration;

    /// A CA and a client certificate it issued, as PEM files in a temp dir.
    fn client_pki(dir: &std::path::Path) -> (String, String, String) {
        use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
        let ca_key = KeyPair::generate().expect("key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("params");
        ca.distinguished_name.push(DnType::CommonName, "client CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca_pem = ca.self_signed(&ca_key).expect("ca").pem();
        let issuer = Issuer::new(ca, ca_key);
        let key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.distinguished_name.push(DnType::CommonName, "alice");
        let cert = params.signed_by(&key, &issuer).expect("cert");
        let write = |name: &str, text: &str| {
            let p = dir.join(name);
            std::fs::write(&p, text).expect("write");
            p.to_string_lossy().into_owned()
        };
        (
            write("ca.pem", &ca_pem),
            write("client.pem", &cert.pem()),
            write("client.key", &key.serialize_pem()),
        )
    }

    /// `openssl s_client` as the peer of [`accept_handshake`] under `--verify-client`:
    /// with a certificate its subject is reported; without one the handshake fails.
    #[test]
    fn a_verified_client_certificate_names_its_subject() {
        let dir = std::env::temp_dir().join(format!("sockkit-tls-server-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let (ca, cert, key) = client_pki(&dir);
        let opts = ServerOptions::from_args(&TlsServerArgs {
            verify_client: Some(ca),
            ..Default::default()
        })
        .expect("options");
        assert!(opts.self_signed);
        assert_eq!(opts.fingerprint.len(), 32 * 3 - 1);
        let config = opts.config().expect("config");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();

        for with_cert in [true, false] {
            let mut client = Command::new("openssl");
            client
                .args([
                    "s_client",
                    "-connect",
                    &format!("127.0.0.1:{port}"),
                    "-quiet",
                ])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            if with_cert {
                client.args(["-cert", &cert, "-key", &key]);
            }
            let mut child = client.spawn().expect("openssl s_client");
            let (mut sock, _) = listener.accept().expect("accept");
            let deadline = Some(Instant::now() + Duration::from_secs(10));
            let res = accept_handshake(&mut sock, config.clone(), deadline);
            let _ = child.kill();
            let _ = child.wait();
            match (with_cert, res) {
                (true, Ok((_, accepted))) => {
                    assert_eq!(accepted.peer_subject.as_deref(), Some("CN=alice"));
                    assert_eq!(accepted.info.protocol, "TLSv1.3");
                }
                (false, Err(f)) => assert!(f.message.contains("certificate"), "{}", f.message),
                (with, other) => panic!("with_cert={with}: {:?}", other.map(|(_, a)| a)),
            }
        }
    }

    /// Python's `ssl` as the client of the self-signed server, TLS 1.2 and 1.3, trusting
    /// the certificate made at start and agreeing on ALPN.
    #[test]
    fn python_clients_verify_the_self_signed_certificate() {
        let opts = ServerOptions::from_args(&TlsServerArgs {
            alpn: Some("h2,http/1.1".into()),
            ..Default::default()
        })
        .expect("options");
        let pem = crate::tls::cert::to_pem(&opts.chain()[0]);
        let config = opts.config().expect("config");
        for max in ["TLSv1_2", "TLSv1_3"] {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
            let port = listener.local_addr().expect("addr").port();
            let script = format!(
                "import socket, ssl\n\
                 ctx = ssl.create_default_context(cadata={pem:?})\n\
                 ctx.maximum_version = ssl.TLSVersion.{max}\n\
                 ctx.set_alpn_protocols(['http/1.1'])\n\
                 s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', {port})), server_hostname='localhost')\n\
                 print(s.version(), s.selected_alpn_protocol())\n"
            );
            let child = Command::new("python3")
                .args(["-c", &script])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("python3");
            let (mut sock, _) = listener.accept().expect("accept");
            let deadline = Some(Instant::now() + Duration::from_secs(10));
            let (_, accepted) =
                accept_handshake(&mut sock, config.clone(), deadline).expect("handshake");
            let out = child.wait_with_output().expect("python");
            let said = String::from_utf8_lossy(&out.stdout);
            let want = max.replace('_', ".");
            assert_eq!(
                said.trim(),
                format!("{want} http/1.1"),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(accepted.info.protocol, want);
            assert_eq!(accepted.info.alpn.as_deref(), Some("http/1.1"));
            assert_eq!(accepted.peer_subject, None);
        }
    }

    #[test]
    fn cert_without_key_is_usage() {
        let err = ServerOptions::from_args(&TlsServerArgs {
            cert: Some("/nonexistent.pem".into()),
            ..Default::default()
        })
        .err()
        .map(|e| e.code);
        assert_eq!(err, Some(2));
    }
}
