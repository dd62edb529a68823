//! `byteorder`'s record.

use serde::Serialize;

/// One conversion: `result` is a number for htons/htonl/ntohs/ntohl, text for the
/// address forms.
#[derive(Debug, Serialize)]
pub struct Conversion<'a, R> {
    pub op: &'a str,
    pub input: &'a str,
    pub result: R,
    pub host_bytes: String,
    pub network_bytes: String,
}
