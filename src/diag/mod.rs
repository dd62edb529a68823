//! The sockets of this host, behind one seam: the kernel's sock_diag netlink interface on
//! Linux (`linux.rs`), netstat2 elsewhere (`other.rs`).
//!
//! A [`Query`] says what to ask for; each platform asks for no more than it must and
//! answers with [`Socket`]s. Whatever the platform could not filter by itself, `conns`
//! filters afterwards, so a platform may return more than asked but never less.

use std::collections::HashMap;
use std::net::SocketAddr;

use serde::Serialize;

use crate::endpoint::{Family, Proto};
use crate::error::Failure;
use crate::options::Ctx;

#[cfg(target_os = "linux")]
pub mod destroy;
pub mod filter;
#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub mod netns;
#[cfg(target_os = "linux")]
pub mod unix;
#[cfg(target_os = "linux")]
use linux as platform;

// On Linux the netstat2 path is still compiled for the tests, which check it against
// the netlink one.
#[cfg(any(not(target_os = "linux"), test))]
mod other;
#[cfg(not(target_os = "linux"))]
use other as platform;

pub use crate::tcp::{TcpInfo, state};

/// A set of states as the kernel's bitmask: bit N is state N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct States(pub u32);

impl States {
    pub const ALL: States = States(0xffe); // states 1..=11
    pub fn of(s: u8) -> States {
        States(1 << s)
    }
    pub fn contains(self, s: u8) -> bool {
        s < 32 && self.0 & (1 << s) != 0
    }
}

impl std::ops::BitOr for States {
    type Output = States;
    fn bitor(self, o: States) -> States {
        States(self.0 | o.0)
    }
}

/// What to ask the platform for.
#[derive(Debug, Clone)]
pub struct Query {
    pub protos: Vec<Proto>,
    pub family: Family,
    pub states: States,
    /// Exact local port, exact peer port, a port at either end.
    pub sport: Option<u16>,
    pub dport: Option<u16>,
    pub either_port: Option<u16>,
    /// Ask for TCP_INFO and the congestion control name (`-i`).
    pub info: bool,
    /// Ask for the socket's memory use (`-m`).
    pub memory: bool,
    /// An ss filter expression, sent to the kernel as bytecode where it compiles.
    pub expr: Option<filter::Expr>,
}

/// A TCP timer the kernel is running for a socket (ss `-o`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Timer {
    pub kind: &'static str,
    pub expires_ms: u32,
    /// Retransmissions (or keepalive probes) so far.
    pub retrans: u8,
}

/// One socket as the platform reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Socket {
    pub proto: Proto,
    pub state: u8,
    pub local: SocketAddr,
    /// `None` when the socket has no peer (listening, unconnected UDP).
    pub remote: Option<SocketAddr>,
    pub recv_q: u32,
    pub send_q: u32,
    pub uid: Option<u32>,
    pub inode: Option<u64>,
    pub timer: Option<Timer>,
    /// The processes holding it open, filled in by [`OwnerTable::attach`] (only with `-p`).
    pub owners: Vec<Owner>,
    /// TCP internals, when asked for and the socket has them (not TIME-WAIT, not UDP).
    pub info: Option<Box<TcpInfo>>,
    /// Memory use, when asked for: SK_MEMINFO_* in the kernel's order.
    pub memory: Option<Box<[u32; 9]>>,
    /// The kernel's cookie for the socket (0 where the platform has none); with the
    /// endpoints and `ifindex` it names the socket to SOCK_DESTROY.
    pub cookie: u64,
    /// The interface the socket is bound to (0: none).
    pub ifindex: u32,
}

/// A process holding a socket open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owner {
    pub pid: u32,
    pub name: String,
    /// The descriptor number in that process (`None` where the platform cannot tell).
    pub fd: Option<i32>,
}

/// The sockets that `query` asks for (possibly more; never fewer).
pub fn sockets(ctx: &Ctx, query: &Query) -> Result<Vec<Socket>, Failure> {
    platform::sockets(ctx, query)
}

/// Which process holds which socket, from one pass over the process table. It does not
/// depend on the socket list, so it can be built while the sockets are being read.
#[derive(Debug, Default)]
pub struct OwnerTable {
    /// Socket inode and one process holding it (a socket may appear more than once).
    pub by_inode: Vec<(u64, Owner)>,
    /// Processes that could not be looked into (other users', without privileges).
    pub hidden_processes: usize,
}

/// Scan the process table for socket owners.
pub fn owner_table() -> OwnerTable {
    platform::owner_table()
}

impl OwnerTable {
    /// Give each socket its owners, ordered by pid and descriptor.
    pub fn attach(self, sockets: &mut [Socket]) {
        // An inode names one socket: the kernel reports each socket once.
        let index: HashMap<u64, usize> = sockets
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.inode?, i)))
            .collect();
        for (inode, owner) in self.by_inode {
            if let Some(&i) = index.get(&inode) {
                sockets[i].owners.push(owner);
            }
        }
        for s in sockets.iter_mut().filter(|s| s.owners.len() > 1) {
            s.owners.sort_by_key(|o| (o.pid, o.fd));
        }
    }
}

/// The name ss gives a state; `UNCONN` for a socket with neither peer nor listen queue.
pub fn state_name(s: u8) -> &'static str {
    match s {
        state::CLOSE => "UNCONN",
        _ => crate::tcp::state_name(s),
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::net::{TcpListener, TcpStream};

    fn rows(mut v: Vec<Socket>, port: u16) -> Vec<(u8, SocketAddr, Option<SocketAddr>)> {
        v.retain(|s| s.local.port() == port || s.remote.is_some_and(|r| r.port() == port));
        let mut rows: Vec<_> = v.iter().map(|s| (s.state, s.local, s.remote)).collect();
        rows.sort();
        rows
    }

    /// Both platform paths see the same sockets: a listener and an established pair.
    #[test]
    fn netstat2_and_netlink_agree() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let _c = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let _s = l.accept().unwrap();
        let q = Query {
            protos: vec![Proto::Tcp],
            family: Family::V4,
            states: States::ALL,
            sport: None,
            dport: None,
            either_port: None,
            info: false,
            memory: false,
            expr: None,
        };
        let ctx = Ctx {
            family: Family::V4,
            timeout: None,
            sockopts: Vec::new(),
            out: crate::output::Output::new(false, 0, crate::cli::ColorWhen::Never),
        };
        let netlink = rows(linux::sockets(&ctx, &q).unwrap(), port);
        let netstat2 = rows(other::sockets(&ctx, &q).unwrap(), port);
        assert_eq!(netlink.len(), 3, "{netlink:?}");
        assert_eq!(netlink, netstat2);
        // netstat2 names owners with the sockets themselves; its table has nothing to add
        assert!(other::owner_table().by_inode.is_empty());
    }
}
