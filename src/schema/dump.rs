//! `--dump-format json`: one record per chunk of traffic.

use serde::Serialize;

/// One chunk, as read: when, which connection (and its peer), which way, how long;
/// `data` when it is UTF-8, else `data_hex`.
#[derive(Debug, Serialize)]
pub struct Chunk<'a> {
    pub ts: &'a str,
    pub conn: u64,
    pub peer: &'a str,
    /// `in` or `out`, the way `bytes_in` and `bytes_out` count them.
    pub dir: &'a str,
    pub len: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_hex: Option<String>,
}
