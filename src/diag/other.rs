//! Platforms other than Linux: netstat2 (sysctl on macOS, iphlpapi on Windows). It reports
//! neither queues nor timers, and reads every state; `conns` filters what it returns.

use std::net::{IpAddr, SocketAddr};

use netstat2::{AddressFamilyFlags, ProtocolFlags, ProtocolSocketInfo, TcpState, get_sockets_info};

use super::{Owner, OwnerTable, Query, Socket, state};
use crate::endpoint::{Family, Proto};
use crate::error::{Failure, failed};
use crate::options::Ctx;

/// `_ctx`: netstat2 makes its own system calls, out of reach of the -vv trace.
pub fn sockets(_ctx: &Ctx, query: &Query) -> Result<Vec<Socket>, Failure> {
    let af = match query.family {
        Family::V4 => AddressFamilyFlags::IPV4,
        Family::V6 => AddressFamilyFlags::IPV6,
        Family::Any => AddressFamilyFlags::IPV4 | AddressFamilyFlags::IPV6,
    };
    let mut pf = ProtocolFlags::empty();
    for p in &query.protos {
        pf |= match p {
            Proto::Tcp => ProtocolFlags::TCP,
            Proto::Udp => ProtocolFlags::UDP,
        };
    }
    let infos = get_sockets_info(af, pf).map_err(|e| failed("socket table", e))?;
    Ok(infos.into_iter().map(socket).collect())
}

fn socket(info: netstat2::SocketInfo) -> Socket {
    let (proto, st, local, remote) = match info.protocol_socket_info {
        ProtocolSocketInfo::Tcp(t) => {
            let remote = peer(t.remote_addr, t.remote_port);
            let local = SocketAddr::new(t.local_addr, t.local_port);
            (Proto::Tcp, tcp_state(t.state), local, remote)
        }
        ProtocolSocketInfo::Udp(u) => (
            Proto::Udp,
            state::CLOSE,
            SocketAddr::new(u.local_addr, u.local_port),
            None,
        ),
    };
    Socket {
        proto,
        state: st,
        local,
        remote,
        recv_q: 0,
        send_q: 0,
        uid: None,
        inode: None,
        timer: None,
        info: None,
        memory: None,
        cookie: 0,
        ifindex: 0,
        // netstat2 gives pids only; the name and descriptor are not known here.
        owners: info
            .associated_pids
            .into_iter()
            .map(|pid| Owner {
                pid,
                name: "?".to_string(),
                fd: None,
            })
            .collect(),
    }
}

fn peer(ip: IpAddr, port: u16) -> Option<SocketAddr> {
    (port != 0 || !ip.is_unspecified()).then(|| SocketAddr::new(ip, port))
}

fn tcp_state(s: TcpState) -> u8 {
    match s {
        TcpState::Established => state::ESTABLISHED,
        TcpState::SynSent => state::SYN_SENT,
        TcpState::SynReceived => state::SYN_RECV,
        TcpState::FinWait1 => state::FIN_WAIT1,
        TcpState::FinWait2 => state::FIN_WAIT2,
        TcpState::TimeWait => state::TIME_WAIT,
        TcpState::CloseWait => state::CLOSE_WAIT,
        TcpState::LastAck => state::LAST_ACK,
        TcpState::Listen => state::LISTEN,
        TcpState::Closing => state::CLOSING,
        TcpState::Closed | TcpState::DeleteTcb | TcpState::Unknown => state::CLOSE,
    }
}

/// netstat2 already names the owning pids with each socket.
pub fn owner_table() -> OwnerTable {
    OwnerTable::default()
}
