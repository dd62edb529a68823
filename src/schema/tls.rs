//! `tls`'s records: one per target, a session or the reason there is none.

use serde::Serialize;

use crate::tls::cert::CertFacts;

/// A TLS session made with a target (SPEC's `sockkit tls` fields).
#[derive(Debug, Serialize)]
pub struct Session<'a> {
    pub target: &'a str,
    pub address: Option<&'a str>,
    pub server_name: &'a str,
    pub protocol: &'a str,
    pub cipher: &'a str,
    pub alpn: Option<&'a str>,
    pub kx: Option<&'a str>,
    pub handshake_ms: f64,
    /// Leaf first.
    pub chain: Vec<Cert<'a>>,
    /// `verified`, `pinned`, `unchecked`, `failed`.
    pub verification: &'a str,
    pub verified: bool,
    pub verify_error: Option<&'a str>,
    /// Indexes into `chain` of the certificates that end within --expires-within.
    pub expiring: &'a [usize],
    /// Always null here: a record with an error is a [`NoSession`].
    pub error: Option<&'a str>,
}

/// One certificate of the chain; `pem` with --pem.
#[derive(Debug, Serialize)]
pub struct Cert<'a> {
    #[serde(flatten)]
    pub facts: &'a CertFacts,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pem: Option<String>,
}

/// A target that gave no TLS session, and why.
#[derive(Debug, Serialize)]
pub struct NoSession<'a> {
    pub target: &'a str,
    pub address: Option<&'a str>,
    pub error: &'a str,
}
