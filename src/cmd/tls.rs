//! `sockkit tls HOST [PORT]..`: the TLS handshake and certificate chain of each target,
//! probed concurrently, reported in the order given, plain or one JSON record each.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::cli::{StartTlsProto, TlsArgs};
use crate::endpoint::{self, HostPort, Proto};
use crate::error::{Failure, is_stdout_closed, quiet, usage};
use crate::options::Ctx;
use crate::output::Style;
use crate::parse;
use crate::proxy::Proxy;
use crate::schema::Event;
use crate::schema::tls as record;
use crate::signals;
use crate::sockopt::SockKind;
use crate::tls::cert::{self, CertFacts};
use crate::tls::verify::{Mode, Verdict};
use crate::tls::{self, ClientOptions, SessionInfo};

/// Each target's connect, proxy dialogue and handshake together, when `-w` does not say.
const DEFAULT_WAIT: Duration = Duration::from_secs(10);
/// Targets probed at once.
const CONCURRENCY: usize = 32;

/// The checked plan of one `sockkit tls` run.
struct Plan {
    targets: Vec<HostPort>,
    client: ClientOptions,
    expires_within: Option<Duration>,
    pem: bool,
    proxy: Option<Proxy>,
    limit: Duration,
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &TlsArgs) -> Result<Plan, Failure> {
        let default_port = match args.client.starttls {
            None => 443,
            Some(StartTlsProto::Smtp) => 25,
            Some(StartTlsProto::Imap) => 143,
            Some(StartTlsProto::Pop3) => 110,
            Some(StartTlsProto::Ftp) => 21,
            Some(StartTlsProto::Postgres) => 5432,
        };
        let targets = parse_targets(&args.targets, default_port)?;
        ctx.check_sockopts(&[SockKind::Tcp])?;
        Ok(Plan {
            targets,
            client: ClientOptions::from_args(&args.client)?,
            expires_within: parse::duration_flag(
                "--expires-within",
                args.expires_within.as_deref(),
            )?,
            pem: args.pem,
            proxy: args.proxy.as_deref().map(Proxy::parse).transpose()?,
            limit: ctx.timeout.unwrap_or(DEFAULT_WAIT),
        })
    }
}

/// `HOST`, `HOST PORT`, `HOST:PORT`, `[v6]:PORT`, several in a row; a bare number after
/// a host is its port, and a host without one gets `default_port` (443, or the
/// protocol's own port under `--starttls`).
fn parse_targets(words: &[String], default_port: u16) -> Result<Vec<HostPort>, Failure> {
    let mut targets = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let joined =
            endpoint::parse_ip(word).is_none() && (word.starts_with('[') || word.contains(':'));
        if joined {
            targets.push(HostPort::from_words(std::slice::from_ref(word), Proto::Tcp, false)?.0);
            i += 1;
            continue;
        }
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return Err(usage(format!("'{word}'"), "a port needs a HOST before it"));
        }
        let port = match words.get(i + 1) {
            Some(next) if next.bytes().all(|b| b.is_ascii_digit()) => {
                i += 1;
                next.clone()
            }
            _ => default_port.to_string(),
        };
        let pair = [word.clone(), port];
        targets.push(HostPort::from_words(&pair, Proto::Tcp, false)?.0);
        i += 1;
    }
    Ok(targets)
}

fn shown(at: &HostPort) -> String {
    let host = at.host.as_deref().unwrap_or("");
    if host.contains(':') {
        format!("[{host}]:{}", at.port)
    } else {
        format!("{host}:{}", at.port)
    }
}

/// What probing one target found.
struct Probe {
    target: String,
    /// The address connected to (the proxy's, through a proxy).
    address: Option<String>,
    outcome: Result<Found, String>,
}

struct Found {
    server_name: String,
    info: SessionInfo,
    chain: Vec<CertFacts>,
    verdict: Verdict,
    /// Certificates of the chain that end within `--expires-within`: (index, facts).
    expiring: Vec<usize>,
}

pub fn run(ctx: &Ctx, args: &TlsArgs) -> anyhow::Result<()> {
    let plan = Plan::from_args(ctx, args)?;
    if plan.client.insecure() {
        ctx.out
            .warn("--insecure: the servers' certificates are not verified");
    }
    signals::install();
    let mut probes = Vec::with_capacity(plan.targets.len());
    for batch in plan.targets.chunks(CONCURRENCY) {
        let found: Vec<Probe> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .iter()
                .map(|at| scope.spawn(|| probe(ctx, &plan, at)))
                .collect();
            handles
                .into_iter()
                .zip(batch)
                .map(|(h, at)| {
                    h.join().unwrap_or_else(|_| Probe {
                        target: shown(at),
                        address: None,
                        outcome: Err("internal error while probing".into()),
                    })
                })
                .collect()
        });
        probes.extend(found);
        signals::check()?;
    }
    // A reader that stops early (`| head -3`) ends the printing, never the verdict.
    let mut all_ok = true;
    let mut printing = true;
    for p in &probes {
        all_ok &= passed(p);
        if printing {
            match report(ctx, &plan, p) {
                Ok(_) => {}
                Err(e) if is_stdout_closed(&e) => printing = false,
                Err(e) => return Err(e),
            }
        }
    }
    if all_ok { Ok(()) } else { Err(quiet(1).into()) }
}

/// Whether a target was reached, trusted, and ends after `--expires-within`.
fn passed(p: &Probe) -> bool {
    p.outcome
        .as_ref()
        .is_ok_and(|f| f.verdict.ok() && f.expiring.is_empty())
}

/// Print one target's record; whether it passed (reached, trusted, not expiring).
fn report(ctx: &Ctx, plan: &Plan, p: &Probe) -> anyhow::Result<bool> {
    let found = match &p.outcome {
        Err(why) => {
            report_failure(ctx, p, why)?;
            return Ok(false);
        }
        Ok(found) => found,
    };
    let ok = found.verdict.ok() && found.expiring.is_empty();
    let within = plan
        .expires_within
        .map(|d| humantime::format_duration(d).to_string());
    if ctx.out.json() {
        ctx.out.json_record(&json_record(plan, p, found))?;
    } else if plan.pem {
        let text: String = found
            .info
            .chain
            .iter()
            .map(|der| cert::to_pem(der))
            .collect();
        ctx.out.line(text.trim_end())?;
    } else {
        ctx.out
            .line(&plain_report(ctx, p, found, within.as_deref()))?;
    }
    if !ctx.out.json() {
        warnings(p, found, within.as_deref());
    }
    Ok(ok)
}

/// A target that gave no TLS session: a JSON record, or a line on stderr.
fn report_failure(ctx: &Ctx, p: &Probe, why: &str) -> anyhow::Result<()> {
    if ctx.out.json() {
        ctx.out.json_record(&record::NoSession {
            target: &p.target,
            address: p.address.as_deref(),
            error: why,
        })?;
    } else {
        let what = ctx.out.paint_err(&p.target, Style::Bad);
        eprintln!("sockkit: {what}: {why}");
    }
    Ok(())
}

/// The JSON record of one TLS session (SPEC's `sockkit tls` fields).
fn json_record<'a>(plan: &Plan, p: &'a Probe, found: &'a Found) -> record::Session<'a> {
    let chain: Vec<record::Cert> = found
        .chain
        .iter()
        .zip(&found.info.chain)
        .map(|(facts, der)| record::Cert {
            facts,
            pem: plan.pem.then(|| cert::to_pem(der)),
        })
        .collect();
    let (verified, verify_error) = match &found.verdict {
        Verdict::Failed(why) => (false, Some(why.as_str())),
        Verdict::Unchecked => (false, None),
        _ => (true, None),
    };
    record::Session {
        target: &p.target,
        address: p.address.as_deref(),
        server_name: &found.server_name,
        protocol: &found.info.protocol,
        cipher: &found.info.cipher,
        alpn: found.info.alpn.as_deref(),
        kx: found.info.kx.as_deref(),
        handshake_ms: found.info.handshake_ms,
        chain,
        verification: verdict_word(&found.verdict),
        verified,
        verify_error,
        expiring: &found.expiring,
        error: None,
    }
}

/// What is wrong with a session that was made, on stderr: a failed verification and
/// the certificates that end within `--expires-within`.
fn warnings(p: &Probe, found: &Found, within: Option<&str>) {
    if let Verdict::Failed(why) = &found.verdict {
        eprintln!(
            "sockkit: {}: certificate verification failed: {why}",
            p.target
        );
    }
    for i in &found.expiring {
        let c = &found.chain[*i];
        eprintln!(
            "sockkit: {}: certificate {i} ({}) ends {} (within {})",
            p.target,
            c.subject,
            c.not_after,
            within.unwrap_or("")
        );
    }
}

fn verdict_word(v: &Verdict) -> &'static str {
    match v {
        Verdict::Verified => "verified",
        Verdict::Pinned => "pinned",
        Verdict::Unchecked => "unchecked",
        Verdict::Failed(_) => "failed",
    }
}

fn plain_report(ctx: &Ctx, p: &Probe, f: &Found, within: Option<&str>) -> String {
    let mut out = String::new();
    let mut row = |indent: usize, key: &str, value: &str| {
        let width = 16 - indent;
        out.push_str(&format!("{:indent$}{key:<width$} {value}\n", ""));
    };
    let head = match &p.address {
        Some(a) => format!("{} ({a})", p.target),
        None => p.target.clone(),
    };
    let mut text = format!("{}\n", ctx.out.paint(&head, Style::Header));
    row(2, "server name", &f.server_name);
    row(2, "protocol", &f.info.protocol);
    row(2, "cipher", &f.info.cipher);
    row(2, "alpn", f.info.alpn.as_deref().unwrap_or("-"));
    row(2, "key exchange", f.info.kx.as_deref().unwrap_or("-"));
    row(
        2,
        "handshake",
        &crate::output::millis_text(f.info.handshake_ms),
    );
    for (i, c) in f.chain.iter().enumerate() {
        row(2, &format!("certificate {i}"), &c.subject);
        row(4, "issuer", &c.issuer);
        if !c.names.is_empty() {
            row(4, "names", &c.names.join(", "));
        }
        row(4, "not before", &c.not_before);
        let left = if c.days_left < 0 {
            ctx.out
                .paint(&format!("expired {} days ago", -c.days_left), Style::Bad)
        } else if f.expiring.contains(&i) {
            ctx.out.paint(
                &format!("{} days left, within {}", c.days_left, within.unwrap_or("")),
                Style::Warn,
            )
        } else {
            format!("{} days left", c.days_left)
        };
        row(4, "not after", &format!("{} ({left})", c.not_after));
        let key = if c.key_bits > 0 {
            format!("{}, {} bits", c.key_type, c.key_bits)
        } else {
            c.key_type.clone()
        };
        row(4, "key", &key);
        row(4, "signature", &c.signature_algorithm);
        row(4, "serial", &c.serial);
        row(4, "sha256", &c.sha256);
    }
    let verdict = match &f.verdict {
        Verdict::Failed(_) => ctx.out.paint(&f.verdict.text(), Style::Bad),
        Verdict::Unchecked => ctx.out.paint(&f.verdict.text(), Style::Warn),
        v => ctx.out.paint(&v.text(), Style::Good),
    };
    row(2, "verification", &verdict);
    text.push_str(out.trim_end());
    text
}

/// Connect (directly or through the proxy), upgrade under `--starttls`, handshake.
fn probe(ctx: &Ctx, plan: &Plan, at: &HostPort) -> Probe {
    let target = shown(at);
    let host = at.host.clone().unwrap_or_default();
    let deadline = Instant::now() + plan.limit;
    let (mut sock, address) =
        match tls::dial::connect(ctx, &host, at.port, plan.proxy.as_ref(), deadline) {
            Ok(done) => done,
            Err(f) => {
                return Probe {
                    target,
                    address: None,
                    outcome: Err(f.message),
                };
            }
        };
    let outcome = handshake(ctx, plan, &mut sock, &host, &target, deadline);
    Probe {
        target,
        address: Some(address),
        outcome,
    }
}

fn handshake(
    ctx: &Ctx,
    plan: &Plan,
    sock: &mut TcpStream,
    host: &str,
    target: &str,
    deadline: Instant,
) -> Result<Found, String> {
    if let Some(proto) = plan.client.starttls {
        tls::starttls::upgrade(sock, proto, Some(deadline)).map_err(|f| f.message)?;
    }
    let server_name = plan.client.sni.clone().unwrap_or_else(|| host.to_string());
    let (conn, info) =
        tls::client_handshake(sock, host, &plan.client, Mode::Record, Some(deadline)).map_err(
            |f| {
                f.message
                    .strip_prefix("TLS: ")
                    .unwrap_or(&f.message)
                    .to_string()
            },
        )?;
    let mut conn = rustls::Connection::Client(conn);
    tls::close(&mut conn, sock);
    say_handshake(ctx, target, &info);
    let now = cert::now_unix();
    let chain = chain_facts(&info, now)?;
    let expiring = match plan.expires_within {
        Some(d) => expiring_within(&chain, now, d),
        None => Vec::new(),
    };
    let verdict = info
        .verdict
        .clone()
        .unwrap_or_else(|| Verdict::Failed("the server sent no certificate".into()));
    Ok(Found {
        server_name,
        info,
        chain,
        verdict,
        expiring,
    })
}

/// The `handshake` event: protocol, cipher and how long it took.
fn say_handshake(ctx: &Ctx, target: &str, info: &SessionInfo) {
    ctx.out.emit(
        &Event::Handshake {
            peer: target,
            protocol: &info.protocol,
            cipher: &info.cipher,
            ms: info.handshake_ms,
        },
        || {
            format!(
                "TLS handshake with {target}: {} {} in {}",
                info.protocol,
                info.cipher,
                crate::output::millis_text(info.handshake_ms)
            )
        },
    );
}

/// What each certificate the server sent says, as of `now`.
fn chain_facts(info: &SessionInfo, now: i64) -> Result<Vec<CertFacts>, String> {
    info.chain
        .iter()
        .enumerate()
        .map(|(i, der)| {
            CertFacts::from_der(der, now)
                .ok_or_else(|| format!("certificate {i} of the chain is not valid X.509"))
        })
        .collect()
}

/// The places in the chain of the certificates that expire within `within` of `now`.
fn expiring_within(chain: &[CertFacts], now: i64, within: Duration) -> Vec<usize> {
    let horizon = now.saturating_add(within.as_secs() as i64);
    chain
        .iter()
        .enumerate()
        .filter(|(_, c)| c.not_after_unix < horizon)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn targets_take_ports_after_hosts_and_default_to_443() {
        let t = parse_targets(
            &words(&["example.org", "localhost", "8443", "127.0.0.1:993", "::1"]),
            443,
        )
        .expect("parse");
        let got: Vec<String> = t.iter().map(shown).collect();
        assert_eq!(
            got,
            [
                "example.org:443",
                "localhost:8443",
                "127.0.0.1:993",
                "[::1]:443"
            ]
        );
        assert!(parse_targets(&words(&["443"]), 443).is_err());
        assert!(parse_targets(&words(&["host", "70000"]), 443).is_err());
        let t = parse_targets(&words(&["mail.example"]), 25).expect("parse");
        assert_eq!(shown(&t[0]), "mail.example:25");
    }
}
