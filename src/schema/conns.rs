//! `conns` records: one per socket (TCP/UDP, Unix), and the `-s` summary counts.

use std::net::IpAddr;

use serde::Serialize;

use crate::diag::{self, Owner};

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

/// One socket as a JSON record: SPEC's fields first, in SPEC's order, then the extras;
/// `info`, `memory` and the names appear only when their option asks for them.
#[derive(Serialize)]
pub struct SocketRecord<'a> {
    pub proto: &'static str,
    pub state: &'static str,
    pub local_addr: IpAddr,
    pub local_port: u16,
    pub remote_addr: Option<IpAddr>,
    pub remote_port: Option<u16>,
    pub recv_q: u32,
    pub send_q: u32,
    pub uid: Option<u32>,
    pub inode: Option<u64>,
    /// `null` without `-p`: not looked up, which is not the same as no owner.
    pub processes: Option<&'a [diag::Owner]>,
    pub family: &'static str,
    pub timer: Option<diag::Timer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<Option<&'a diag::TcpInfo>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<Option<Memory>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_name: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_name: Option<Option<String>>,
    /// With -e: the kernel's socket cookie.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cookie: Option<u64>,
    /// With --watch: when this refresh was taken (the same for all its records).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ts: Option<&'a str>,
}

/// SK_MEMINFO_* by name.
#[derive(Serialize)]
pub struct Memory {
    pub rmem_alloc: u32,
    pub rcvbuf: u32,
    pub wmem_alloc: u32,
    pub sndbuf: u32,
    pub fwd_alloc: u32,
    pub wmem_queued: u32,
    pub optmem: u32,
    pub backlog: u32,
    pub drops: u32,
}

impl Memory {
    pub fn from(m: &[u32; 9]) -> Memory {
        let [
            rmem_alloc,
            rcvbuf,
            wmem_alloc,
            sndbuf,
            fwd_alloc,
            wmem_queued,
            optmem,
            backlog,
            drops,
        ] = *m;
        Memory {
            rmem_alloc,
            rcvbuf,
            wmem_alloc,
            sndbuf,
            fwd_alloc,
            wmem_queued,
            optmem,
            backlog,
            drops,
        }
    }
}

/// A Unix socket as a JSON record: its own fields plus the processes at both ends.
#[derive(Serialize)]
pub struct UnixRecord<'a> {
    pub proto: &'static str,
    pub state: &'static str,
    #[serde(flatten)]
    pub sock: &'a diag::unix::UnixSocket,
    /// `null` without `-p`.
    pub processes: Option<&'a [Owner]>,
    pub peer_processes: Option<&'a [Owner]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ts: Option<&'a str>,
}
