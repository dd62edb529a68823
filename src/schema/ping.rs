//! `ping`'s records: one per probe, then the summary.

use serde::Serialize;

/// One probe. `reason` when it failed; the split of the time when --tls timed a handshake.
#[derive(Debug, Serialize)]
pub struct Probe<'a> {
    pub seq: u64,
    pub peer: &'a str,
    /// `open`, `closed`, `timeout`, `error`.
    pub state: &'a str,
    pub rtt_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub tls: Option<TlsTiming<'a>>,
}

/// With --tls: the connect and the handshake each, and the protocol agreed.
#[derive(Debug, Serialize)]
pub struct TlsTiming<'a> {
    pub connect_ms: f64,
    pub tls_ms: f64,
    pub protocol: &'a str,
}

/// The closing summary; the round trips are null when no probe was answered.
#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    pub peer: &'a str,
    pub probes: u64,
    pub answered: u64,
    pub loss_pct: f64,
    pub rtt_min_ms: Option<f64>,
    pub rtt_avg_ms: Option<f64>,
    pub rtt_max_ms: Option<f64>,
    pub rtt_mdev_ms: Option<f64>,
}
