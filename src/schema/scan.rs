//! The scan's record (`connect -z`).

use serde::Serialize;

/// One port of one host; `reason` when the answer was neither a connection, a refusal
/// nor a timeout.
#[derive(Debug, Serialize)]
pub struct Port<'a> {
    pub host: &'a str,
    pub port: u16,
    /// `open`, `closed`, `timeout`.
    pub state: &'a str,
    pub latency_ms: f64,
    pub service: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}
