//! Server certificate verification, and its failures said in a user's terms.
//!
//! [`Verifier`] wraps rustls's WebPKI verifier (or a `--pin`, or `--insecure`) and keeps
//! the verdict of the one handshake it serves, so that `sockkit tls` can finish the
//! handshake, report the chain, and then say why it is not trusted. In
//! [`Mode::Enforce`] (connect, ping, wait) a failure ends the handshake instead.

use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error, RootCertStore, SignatureScheme};

use super::cert::CertFacts;

/// Whether a failed verification ends the handshake or is only recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Enforce,
    Record,
}

/// What the client trusts.
#[derive(Debug, Clone)]
pub enum Trust {
    /// These roots (the system's, or a `--ca` bundle).
    Roots(Arc<RootCertStore>),
    /// Exactly the certificate with this SHA-256 (`--pin`), whoever issued it.
    Pin([u8; 32]),
    /// Nothing is checked (`--insecure`).
    Nothing,
}

/// The outcome of verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Chained to a trusted root and valid for the name.
    Verified,
    /// The leaf is the pinned certificate.
    Pinned,
    /// `--insecure`: not checked.
    Unchecked,
    /// Not trusted, and why, in a user's terms (`certificate expired on ..`).
    Failed(String),
}

impl Verdict {
    pub fn ok(&self) -> bool {
        !matches!(self, Verdict::Failed(_))
    }

    /// `verified`, `pinned`, `not checked (--insecure)`, or the reason it failed.
    pub fn text(&self) -> String {
        match self {
            Verdict::Verified => "verified".into(),
            Verdict::Pinned => "pinned certificate".into(),
            Verdict::Unchecked => "not checked (--insecure)".into(),
            Verdict::Failed(why) => format!("failed: {why}"),
        }
    }
}

/// A `ServerCertVerifier` for one handshake.
#[derive(Debug)]
pub struct Verifier {
    trust: Trust,
    webpki: Option<Arc<WebPkiServerVerifier>>,
    provider: Arc<CryptoProvider>,
    mode: Mode,
    verdict: Mutex<Option<Verdict>>,
}

impl Verifier {
    pub fn new(
        trust: Trust,
        provider: Arc<CryptoProvider>,
        mode: Mode,
    ) -> Result<Verifier, String> {
        let webpki = match &trust {
            Trust::Roots(roots) => Some(
                WebPkiServerVerifier::builder_with_provider(roots.clone(), provider.clone())
                    .build()
                    .map_err(|e| format!("no usable trust anchors: {e}"))?,
            ),
            _ => None,
        };
        Ok(Verifier {
            trust,
            webpki,
            provider,
            mode,
            verdict: Mutex::new(None),
        })
    }

    /// The verdict once the server's certificate has been seen.
    pub fn verdict(&self) -> Option<Verdict> {
        self.verdict.lock().ok().and_then(|v| v.clone())
    }

    fn record(&self, verdict: Verdict) {
        if let Ok(mut v) = self.verdict.lock() {
            *v = Some(verdict);
        }
    }

    fn judge(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<Verdict, Error> {
        match &self.trust {
            Trust::Nothing => Ok(Verdict::Unchecked),
            Trust::Pin(pin) => {
                let digest = ring::digest::digest(&ring::digest::SHA256, end_entity);
                if digest.as_ref() == pin {
                    Ok(Verdict::Pinned)
                } else {
                    Err(Error::General(format!(
                        "certificate does not match --pin (its sha256 is {})",
                        super::cert::fingerprint(end_entity)
                    )))
                }
            }
            Trust::Roots(_) => {
                let Some(webpki) = &self.webpki else {
                    return Err(Error::General("no trust anchors".into()));
                };
                webpki
                    .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
                    .map(|_| Verdict::Verified)
            }
        }
    }
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        match self.judge(end_entity, intermediates, server_name, ocsp_response, now) {
            Ok(verdict) => {
                self.record(verdict);
                Ok(ServerCertVerified::assertion())
            }
            Err(err) => {
                let mut chain = vec![end_entity.clone().into_owned()];
                chain.extend(intermediates.iter().map(|c| c.clone().into_owned()));
                let why = explain(&err, &chain, server_name, now.as_secs() as i64);
                self.record(Verdict::Failed(why.clone()));
                match self.mode {
                    Mode::Record => Ok(ServerCertVerified::assertion()),
                    Mode::Enforce => Err(Error::General(why)),
                }
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Why a chain is not trusted, in a user's terms: `certificate expired on DATE`,
/// `unknown issuer NAME`, `name mismatch: asked for X; the certificate holds NAMES`.
pub fn explain(
    err: &Error,
    chain: &[CertificateDer<'static>],
    server_name: &ServerName<'_>,
    now: i64,
) -> String {
    let facts: Vec<Option<CertFacts>> = chain.iter().map(|c| CertFacts::from_der(c, now)).collect();
    let leaf = facts.first().and_then(|f| f.as_ref());
    let named = |i: usize, what: &str| -> String {
        match (i, facts.get(i).and_then(|f| f.as_ref())) {
            (0, _) | (_, None) => format!("certificate {what}"),
            (_, Some(f)) => format!("certificate {} ({}) {what}", i, f.subject),
        }
    };
    let cert_err = match err {
        Error::InvalidCertificate(e) => e,
        Error::General(why) => return why.clone(),
        other => return lower_first(&other.to_string()),
    };
    match cert_err {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            let expired = facts
                .iter()
                .enumerate()
                .find(|(_, f)| f.as_ref().is_some_and(|f| f.not_after_unix < now));
            match expired {
                Some((i, Some(f))) => named(i, &format!("expired on {}", f.not_after)),
                _ => "certificate expired".into(),
            }
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => match leaf {
            Some(f) => format!("certificate not valid before {}", f.not_before),
            None => "certificate not valid yet".into(),
        },
        CertificateError::UnknownIssuer => {
            let last = facts.iter().rev().flatten().next();
            match last {
                Some(f) if f.self_signed => {
                    format!("unknown issuer {} (a self-signed certificate)", f.issuer)
                }
                Some(f) => format!("unknown issuer {}", f.issuer),
                None => "unknown issuer".into(),
            }
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            let asked = match server_name {
                ServerName::DnsName(d) => d.as_ref().to_string(),
                ServerName::IpAddress(ip) => std::net::IpAddr::from(*ip).to_string(),
                _ => "?".into(),
            };
            let names = leaf.map(|f| f.names.join(", ")).unwrap_or_default();
            if names.is_empty() {
                format!("name mismatch: asked for {asked}; the certificate holds no names")
            } else {
                format!("name mismatch: asked for {asked}; the certificate holds {names}")
            }
        }
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
            "certificate is not for TLS servers (extended key usage)".into()
        }
        CertificateError::BadSignature => "a certificate of the chain has a bad signature".into(),
        CertificateError::Revoked => "certificate revoked".into(),
        _ => lower_first(&err.to_string()),
    }
}

fn lower_first(s: &str) -> String {
    let s = s.strip_prefix("invalid peer certificate: ").unwrap_or(s);
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
