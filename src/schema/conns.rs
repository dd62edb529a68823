//! `conns -s` (summary) records; the per-socket records are in `cmd/conns.rs` next to the
//! table they mirror.

use serde::Serialize;

/// One row of `conns -s`: how many sockets of a protocol are in a state.
#[derive(Debug, Serialize)]
pub struct StateCount<'a> {
    pub proto: &'a str,
    pub state: &'a str,
    pub count: u64,
}

/// One row of `conns -s -x`: how many Unix sockets of a kind are in a state.
#[derive(Debug, Serialize)]
pub struct UnixStateCount<'a> {
    /// Always `unix`.
    pub proto: &'a str,
    pub netid: &'a str,
    pub state: &'a str,
    pub count: u64,
}
