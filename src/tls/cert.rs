//! Certificates as a user reads them: the facts of one X.509 certificate (subject,
//! names, dates, key, signature algorithm, serial, fingerprint), PEM in and out, and the
//! checked loading of `--cert`/`--key`/`--ca` files.

use crate::text::base64;
use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde::Serialize;
use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};
use x509_parser::public_key::PublicKey;

use crate::error::{Failure, usage};

/// What one certificate says, in the terms `openssl x509 -noout -text` uses.
#[derive(Debug, Clone, Serialize)]
pub struct CertFacts {
    /// `CN=localhost, O=Example` (the name's attributes in the certificate's order).
    pub subject: String,
    pub issuer: String,
    /// Subject alternative names: `DNS:localhost`, `IP:127.0.0.1`, `email:a@b`, `URI:..`.
    pub names: Vec<String>,
    /// RFC 3339, UTC: `2026-11-30T05:26:14Z`.
    pub not_before: String,
    pub not_after: String,
    /// Whole days from now to not-after; negative once expired.
    pub days_left: i64,
    /// `RSA`, `EC P-256`, `Ed25519`.
    pub key_type: String,
    pub key_bits: usize,
    /// As OpenSSL names it: `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `ED25519`.
    pub signature_algorithm: String,
    /// Upper-case hex without separators, as `openssl x509 -serial` prints it.
    pub serial: String,
    /// SHA-256 of the DER, upper-case hex pairs joined by `:` (`openssl x509 -fingerprint -sha256`).
    pub sha256: String,
    #[serde(skip)]
    pub not_after_unix: i64,
    #[serde(skip)]
    pub self_signed: bool,
}

impl CertFacts {
    /// Read the facts of a DER certificate; `None` when it does not parse as X.509.
    pub fn from_der(der: &[u8], now_unix: i64) -> Option<CertFacts> {
        let (_, cert) = X509Certificate::from_der(der).ok()?;
        let validity = cert.validity();
        let not_after_unix = validity.not_after.timestamp();
        let (key_type, key_bits) = key_of(&cert);
        Some(CertFacts {
            subject: clean(&cert.subject().to_string()),
            issuer: clean(&cert.issuer().to_string()),
            names: alt_names(&cert),
            not_before: rfc3339(validity.not_before.timestamp()),
            not_after: rfc3339(not_after_unix),
            days_left: (not_after_unix - now_unix).div_euclid(86_400),
            key_type,
            key_bits,
            signature_algorithm: oid_name(&cert.signature_algorithm.algorithm),
            serial: serial_hex(cert.raw_serial()),
            sha256: fingerprint(der),
            not_after_unix,
            self_signed: cert.subject().as_raw() == cert.issuer().as_raw(),
        })
    }
}

/// The subject of a DER certificate (`CN=client, O=Example`), or `None` when it does not parse.
pub fn subject_of(der: &[u8]) -> Option<String> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    Some(clean(&cert.subject().to_string()))
}

/// A name from a peer's certificate with its control characters escaped (`\n`, `\x1b`),
/// so that no certificate can forge a line of output or drive the terminal.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The subject alternative names of a certificate, in the `DNS:`/`IP:` form.
fn alt_names(cert: &X509Certificate<'_>) -> Vec<String> {
    let Ok(Some(san)) = cert.subject_alternative_name() else {
        return Vec::new();
    };
    san.value
        .general_names
        .iter()
        .map(|name| match name {
            GeneralName::DNSName(d) => format!("DNS:{}", clean(d)),
            GeneralName::IPAddress(ip) => format!("IP:{}", ip_text(ip)),
            GeneralName::RFC822Name(m) => format!("email:{}", clean(m)),
            GeneralName::URI(u) => format!("URI:{}", clean(u)),
            other => clean(&other.to_string()),
        })
        .collect()
}

fn ip_text(bytes: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        std::net::Ipv4Addr::from(v4).to_string()
    } else if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        std::net::Ipv6Addr::from(v6).to_string()
    } else {
        crate::parse::to_hex(bytes)
    }
}

fn key_of(cert: &X509Certificate<'_>) -> (String, usize) {
    let spki = cert.public_key();
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => ("RSA".into(), rsa.key_size()),
        Ok(PublicKey::EC(point)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|oid| match oid.to_id_string().as_str() {
                    "1.2.840.10045.3.1.7" => "P-256".to_string(),
                    "1.3.132.0.34" => "P-384".to_string(),
                    "1.3.132.0.35" => "P-521".to_string(),
                    other => other.to_string(),
                });
            let name = match curve {
                Some(c) => format!("EC {c}"),
                None => "EC".into(),
            };
            (name, point.key_size())
        }
        Ok(PublicKey::DSA(_)) => ("DSA".into(), 0),
        Ok(PublicKey::GostR3410(_) | PublicKey::GostR3410_2012(_)) => ("GOST".into(), 0),
        Ok(PublicKey::Unknown(_)) | Err(_) => {
            match spki.algorithm.algorithm.to_id_string().as_str() {
                "1.3.101.112" => ("Ed25519".into(), 256),
                "1.3.101.113" => ("Ed448".into(), 456),
                other => (other.to_string(), 0),
            }
        }
    }
}

/// An OID by OpenSSL's short name where the registry knows it, else dotted.
fn oid_name(oid: &x509_parser::oid_registry::Oid<'_>) -> String {
    use std::sync::OnceLock;
    use x509_parser::oid_registry::OidRegistry;
    static REGISTRY: OnceLock<OidRegistry<'static>> = OnceLock::new();
    let registry = REGISTRY.get_or_init(|| OidRegistry::default().with_all_crypto());
    match oid.to_id_string().as_str() {
        "1.3.101.112" => "ED25519".into(),
        "1.3.101.113" => "ED448".into(),
        "1.2.840.113549.1.1.10" => "rsassaPss".into(),
        dotted => registry
            .get(oid)
            .map(|e| e.sn().to_string())
            .unwrap_or_else(|| dotted.to_string()),
    }
}

/// A serial number as `openssl x509 -serial` prints it: upper-case hex, leading zero bytes dropped.
fn serial_hex(raw: &[u8]) -> String {
    let trimmed = match raw.iter().position(|b| *b != 0) {
        Some(i) => &raw[i..],
        None => &raw[raw.len().saturating_sub(1)..],
    };
    if trimmed.is_empty() {
        return "00".into();
    }
    crate::parse::to_hex(trimmed).to_uppercase()
}

/// The SHA-256 of `der` as `AB:CD:..` (the form `--pin` accepts, with or without colons).
pub fn fingerprint(der: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, der);
    digest
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Seconds since the epoch as RFC 3339 in UTC (`2026-11-30T05:26:14Z`).
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Now, as seconds since the epoch.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A DER certificate as PEM, 64 columns, as `openssl x509` writes it.
pub fn to_pem(der: &[u8]) -> String {
    let b64 = base64(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// `--pin sha256:HEX`: the 32 bytes of a certificate's SHA-256 (colons and case ignored).
pub fn parse_pin(text: &str) -> Result<[u8; 32], Failure> {
    let bad = |why: &str| usage(format!("--pin '{text}'"), why);
    let Some(hex) = text
        .strip_prefix("sha256:")
        .or_else(|| text.strip_prefix("SHA256:"))
    else {
        return Err(bad(
            "expected sha256:HEX (the certificate's SHA-256 fingerprint)",
        ));
    };
    let hex: String = hex.chars().filter(|c| *c != ':').collect();
    let bytes = crate::parse::hex(&hex).map_err(|_| bad("not hexadecimal"))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        bad(&format!(
            "a SHA-256 is 32 bytes (64 hex digits), not {}",
            bytes.len()
        ))
    })
}

/// The certificates of a PEM file (`--cert`, `--ca`): at least one, or exit 2 naming the file.
pub fn load_certs(flag: &str, path: &Path) -> Result<Vec<CertificateDer<'static>>, Failure> {
    let shown = path.display();
    let text = read_bounded(flag, path)?;
    let certs = CertificateDer::pem_slice_iter(&text)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| usage(format!("{flag} {shown}"), pem_reason(&e)))?;
    if certs.is_empty() {
        return Err(usage(format!("{flag} {shown}"), "no PEM certificate in it"));
    }
    for (i, der) in certs.iter().enumerate() {
        if X509Certificate::from_der(der).is_err() {
            return Err(usage(
                format!("{flag} {shown}"),
                format!("certificate {} is not valid X.509", i + 1),
            ));
        }
    }
    Ok(certs)
}

/// The private key of a PEM file (`--key`): PKCS#8, PKCS#1 or SEC1.
pub fn load_key(path: &Path) -> Result<PrivateKeyDer<'static>, Failure> {
    let shown = path.display();
    let text = read_bounded("--key", path)?;
    PrivateKeyDer::from_pem_slice(&text).map_err(|e| match e {
        pem::Error::NoItemsFound if contains(&text, b"ENCRYPTED PRIVATE KEY") => usage(
            format!("--key {shown}"),
            "an encrypted key (decrypt it first: openssl pkey -in KEY -out PLAIN)",
        ),
        pem::Error::NoItemsFound => usage(format!("--key {shown}"), "no PEM private key in it"),
        e => usage(format!("--key {shown}"), pem_reason(&e)),
    })
}

/// A certificate chain and its key, checked to belong together (exit 2 when not).
pub fn load_certified_key(
    cert: &Path,
    key: &Path,
    provider: &rustls::crypto::CryptoProvider,
) -> Result<Arc<rustls::sign::CertifiedKey>, Failure> {
    let chain = load_certs("--cert", cert)?;
    let der = load_key(key)?;
    let signing = provider.key_provider.load_private_key(der).map_err(|e| {
        usage(
            format!("--key {}", key.display()),
            format!("unusable key: {e}"),
        )
    })?;
    let certified = rustls::sign::CertifiedKey::new(chain, signing);
    certified.keys_match().map_err(|_| {
        usage(
            format!("--key {}", key.display()),
            format!("does not match the certificate of {}", cert.display()),
        )
    })?;
    Ok(Arc::new(certified))
}

/// PEM files larger than this are not certificates or keys (a CA bundle is ~200 KiB).
const MAX_PEM_FILE: u64 = 16 * 1024 * 1024;

/// The whole file (or pipe), refused past [`MAX_PEM_FILE`] before it is all in memory.
fn read_bounded(flag: &str, path: &Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let what = || format!("{flag} {}", path.display());
    let file = std::fs::File::open(path).map_err(|e| usage(what(), crate::error::reason(&e)))?;
    let mut text = Vec::new();
    file.take(MAX_PEM_FILE + 1)
        .read_to_end(&mut text)
        .map_err(|e| usage(what(), crate::error::reason(&e)))?;
    if text.len() as u64 > MAX_PEM_FILE {
        return Err(usage(
            what(),
            "larger than 16 MiB: not a PEM certificate or key file",
        ));
    }
    Ok(text)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn pem_reason(e: &pem::Error) -> String {
    match e {
        pem::Error::Io(io) => crate::error::reason(io),
        pem::Error::NoItemsFound => "no PEM item in it".into(),
        pem::Error::MissingSectionEnd { .. } => "bad PEM: a section has no END line".into(),
        pem::Error::IllegalSectionStart { .. } => "bad PEM: a malformed BEGIN line".into(),
        pem::Error::Base64Decode(_) => "bad PEM: invalid base64".into(),
        other => format!("bad PEM: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_798_003_574), "2026-12-23T05:26:14Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn pins_take_colons_and_either_case() {
        let hex = "AB".repeat(32);
        assert_eq!(parse_pin(&format!("sha256:{hex}")).ok(), Some([0xAB; 32]));
        let colons = vec!["ab"; 32].join(":");
        assert_eq!(
            parse_pin(&format!("sha256:{colons}")).ok(),
            Some([0xAB; 32])
        );
        assert_eq!(parse_pin("sha256:abcd").map_err(|e| e.code).err(), Some(2));
        assert_eq!(parse_pin(&hex).map_err(|e| e.code).err(), Some(2));
        assert_eq!(parse_pin("sha256:zz").map_err(|e| e.code).err(), Some(2));
    }

    #[test]
    fn names_from_a_certificate_never_reach_the_terminal_raw() {
        let mut params =
            rcgen::CertificateParams::new(vec!["a\u{1b}[31m.example".to_string()]).expect("params");
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "evil\u{1b}[2J\nsockkit: forged");
        let key = rcgen::KeyPair::generate().expect("key");
        let cert = params.self_signed(&key).expect("cert");
        let facts = CertFacts::from_der(cert.der(), 0).expect("facts");
        assert!(!facts.subject.contains('\u{1b}') && !facts.subject.contains('\n'));
        assert!(
            facts.subject.contains("evil\\x1b[2J\\nsockkit: forged"),
            "{}",
            facts.subject
        );
        assert!(
            facts.names.iter().all(|n| !n.contains('\u{1b}')),
            "{:?}",
            facts.names
        );
        assert_eq!(clean("é ok"), "é ok");
    }

    #[test]
    fn serials_drop_leading_zeros() {
        assert_eq!(serial_hex(&[0x00, 0x8f, 0x01]), "8F01");
        assert_eq!(serial_hex(&[0x00]), "00");
    }
}
