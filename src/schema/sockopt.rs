//! `sockopt`'s records: the registry (`list`) and an option's value (`get`, `set`).

use std::time::Duration;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::sockopt::Value;
use crate::tcp::{self, TcpInfo};

/// One option of the registry.
#[derive(Debug, Serialize)]
pub struct Listed<'a> {
    pub name: &'a str,
    pub level: &'a str,
    pub kind: &'a str,
    pub types: Vec<String>,
    pub access: &'a str,
    pub about: &'a str,
}

/// An option's value as read back (`value`), and with `set` the value asked for
/// (`requested`). A duration goes under `value_ms` / `requested_ms` as whole
/// milliseconds (linger off: null; no timeout: 0), so its unit is in its name; a value
/// that cannot be read back (write-only) is a null `value`.
#[derive(Debug)]
pub struct OptionValue<'a> {
    pub name: &'a str,
    pub level: &'a str,
    pub value: Option<&'a Value>,
    /// `Some` for `set` only.
    pub requested: Option<&'a Value>,
}

impl Serialize for OptionValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("level", self.level)?;
        put(&mut map, "value", self.value)?;
        if let Some(r) = self.requested {
            put(&mut map, "requested", Some(r))?;
        }
        map.end()
    }
}

/// One value under `key` (or `key_ms` for a duration).
fn put<M: SerializeMap>(map: &mut M, key: &str, v: Option<&Value>) -> Result<(), M::Error> {
    let ms = || format!("{key}_ms");
    match v {
        Some(Value::Timeval(d)) => map.serialize_entry(&ms(), &d.map_or(0, whole_ms)),
        Some(Value::Linger(d)) => map.serialize_entry(&ms(), &d.map(whole_ms)),
        Some(Value::Int(n)) => map.serialize_entry(key, n),
        Some(Value::Text(t)) => map.serialize_entry(key, t),
        Some(Value::TcpInfo(i)) => map.serialize_entry(key, &TcpInfoRecord::from(i)),
        None => map.serialize_entry(key, &()),
    }
}

/// Whole milliseconds; a duration under 1 ms but not zero counts as 1, never as "none".
pub fn whole_ms(d: Duration) -> u64 {
    let ms = u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
    if ms == 0 && !d.is_zero() { 1 } else { ms }
}

/// TCP_INFO's JSON form in `sockopt get`, in this field order.
#[derive(Debug, Serialize)]
pub struct TcpInfoRecord {
    pub state: &'static str,
    pub rtt_us: u32,
    pub rttvar_us: u32,
    pub snd_cwnd: u32,
    pub snd_mss: u32,
    pub rcv_mss: u32,
    pub unacked: u32,
    pub lost: u32,
    pub retransmits: u8,
    pub total_retrans: u32,
    pub pmtu: u32,
}

impl From<&TcpInfo> for TcpInfoRecord {
    fn from(i: &TcpInfo) -> Self {
        TcpInfoRecord {
            state: tcp::state_name(i.state),
            rtt_us: i.rtt_us,
            rttvar_us: i.rttvar_us,
            snd_cwnd: i.cwnd,
            snd_mss: i.snd_mss,
            rcv_mss: i.rcv_mss,
            unacked: i.unacked,
            lost: i.lost,
            retransmits: i.retransmits,
            total_retrans: i.total_retrans,
            pmtu: i.pmtu,
        }
    }
}
