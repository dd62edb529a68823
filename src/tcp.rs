//! TCP as the kernel reports it: the state numbers, ss's names for them, and
//! `struct tcp_info`. `sockopt get TCP_INFO` reads the struct with getsockopt(2) and
//! `conns -i` from a sock_diag dump; both read it here, the same way.

use serde::Serialize;

/// The kernel's TCP state numbers (include/net/tcp_states.h); UDP uses two of them.
pub mod state {
    pub const ESTABLISHED: u8 = 1;
    pub const SYN_SENT: u8 = 2;
    pub const SYN_RECV: u8 = 3;
    pub const FIN_WAIT1: u8 = 4;
    pub const FIN_WAIT2: u8 = 5;
    pub const TIME_WAIT: u8 = 6;
    /// Unconnected: a bound UDP socket, or a TCP socket that is neither listening nor connected.
    pub const CLOSE: u8 = 7;
    pub const CLOSE_WAIT: u8 = 8;
    pub const LAST_ACK: u8 = 9;
    pub const LISTEN: u8 = 10;
    pub const CLOSING: u8 = 11;
    /// A request socket waiting for the handshake's last ACK.
    pub const NEW_SYN_RECV: u8 = 12;
}

/// The name ss gives a TCP state (`CLOSED` for [`state::CLOSE`]).
pub fn state_name(s: u8) -> &'static str {
    match s {
        state::ESTABLISHED => "ESTABLISHED",
        state::SYN_SENT => "SYN-SENT",
        state::SYN_RECV => "SYN-RECV",
        state::FIN_WAIT1 => "FIN-WAIT-1",
        state::FIN_WAIT2 => "FIN-WAIT-2",
        state::TIME_WAIT => "TIME-WAIT",
        state::CLOSE => "CLOSED",
        state::CLOSE_WAIT => "CLOSE-WAIT",
        state::LAST_ACK => "LAST-ACK",
        state::LISTEN => "LISTEN",
        state::CLOSING => "CLOSING",
        state::NEW_SYN_RECV => "NEW-SYN-RECV",
        _ => "UNKNOWN",
    }
}

/// The parts of the kernel's `struct tcp_info` worth reading at 3 a.m. Fields a kernel is
/// too old to report are `None`. Serialized as `conns -i --json` shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TcpInfo {
    /// The connection's state (a [`state`] number); the listing has it already.
    #[serde(skip)]
    pub state: u8,
    /// The congestion control algorithm, where the source reports it (sock_diag does).
    pub congestion: Option<String>,
    pub rtt_us: u32,
    pub rttvar_us: u32,
    pub rto_us: u32,
    pub snd_mss: u32,
    pub rcv_mss: u32,
    pub cwnd: u32,
    /// `None` while still in slow start (the kernel's "infinite" threshold).
    pub ssthresh: Option<u32>,
    pub unacked: u32,
    pub lost: u32,
    pub retransmits: u8,
    pub total_retrans: u32,
    pub pmtu: u32,
    pub bytes_acked: Option<u64>,
    pub bytes_received: Option<u64>,
    pub segs_out: Option<u32>,
    pub segs_in: Option<u32>,
}

/// The length of `struct tcp_info` up to `tcpi_total_retrans`, which every kernel sends.
const MIN_LEN: usize = 104;

impl TcpInfo {
    /// `struct tcp_info` (include/uapi/linux/tcp.h) read by offset, in the kernel's byte
    /// order: it only grows, and an older kernel sends a shorter one. `None` when even
    /// the oldest layout does not fit.
    pub fn parse(b: &[u8]) -> Option<TcpInfo> {
        if b.len() < MIN_LEN {
            return None;
        }
        let u32_at = |at: usize| u32::from_ne_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        let u32_opt = |at: usize| (b.len() >= at + 4).then(|| u32_at(at));
        let u64_opt = |at: usize| {
            (b.len() >= at + 8).then(|| u64::from(u32_at(at)) | u64::from(u32_at(at + 4)) << 32)
        };
        let ssthresh = u32_at(76);
        Some(TcpInfo {
            state: b[0],
            congestion: None,
            retransmits: b[2],
            rto_us: u32_at(8),
            snd_mss: u32_at(16),
            rcv_mss: u32_at(20),
            unacked: u32_at(24),
            lost: u32_at(32),
            pmtu: u32_at(60),
            rtt_us: u32_at(68),
            rttvar_us: u32_at(72),
            // ss shows it only below 0xffff: the kernel starts it "infinite"; 0 on a listener
            ssthresh: (1..0xffff).contains(&ssthresh).then_some(ssthresh),
            cwnd: u32_at(80),
            total_retrans: u32_at(100),
            bytes_acked: u64_opt(120),
            bytes_received: u64_opt(128),
            segs_out: u32_opt(136),
            segs_in: u32_opt(140),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The offsets agree with the C library's `struct tcp_info`, and a short one is
    /// read as far as it goes.
    #[test]
    fn read_by_the_kernel_layout() {
        let mut b = vec![0u8; 144];
        let mut put = |at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_ne_bytes());
        put(68, 1500);
        put(80, 10);
        put(76, 0x7fff_ffff);
        put(100, 3);
        put(120, 7);
        b[0] = state::ESTABLISHED;
        b[2] = 1;
        let full = TcpInfo::parse(&b).expect("long enough");
        assert_eq!(full.state, state::ESTABLISHED);
        assert_eq!((full.rtt_us, full.cwnd, full.total_retrans), (1500, 10, 3));
        assert_eq!(full.retransmits, 1);
        assert_eq!(full.ssthresh, None);
        assert_eq!(full.bytes_acked, Some(7));
        assert_eq!(full.segs_in, Some(0));
        let old = TcpInfo::parse(&b[..MIN_LEN]).expect("oldest layout");
        assert_eq!((old.bytes_acked, old.segs_out), (None, None));
        assert!(TcpInfo::parse(&b[..MIN_LEN - 1]).is_none());
        #[cfg(target_os = "linux")]
        {
            assert_eq!(std::mem::offset_of!(libc::tcp_info, tcpi_snd_cwnd), 80);
            assert_eq!(
                std::mem::offset_of!(libc::tcp_info, tcpi_total_retrans),
                100
            );
        }
    }

    #[test]
    fn states_by_ss_names() {
        assert_eq!(state_name(state::SYN_SENT), "SYN-SENT");
        assert_eq!(state_name(state::CLOSE), "CLOSED");
        assert_eq!(state_name(99), "UNKNOWN");
    }
}
