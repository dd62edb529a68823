//! The datagram record of `udp-recv` and `udp-send -r`.

use serde::Serialize;

/// One datagram, fields in this order: `data` when the payload is UTF-8, else
/// `data_hex`; `rtt_ms` for a reply to `udp-send`.
#[derive(Debug, Serialize)]
pub struct Datagram<'a> {
    pub from: &'a str,
    pub len: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_hex: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rtt_ms: Option<f64>,
}
