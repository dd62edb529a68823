//! Linux: destroying sockets (SOCK_DESTROY, as `ss -K`) and following the kernel's
//! broadcast of destroyed sockets (the sock_diag destroy groups, as `ss -E`).

use std::io;
use std::os::fd::AsRawFd;

use super::Socket;
use super::linux::{NLMSG_ERROR, Netlink, SOCK_DIAG_BY_FAMILY, attributes, messages, parse_socket};
use crate::endpoint::Proto;
use crate::error::{Failure, failed, reason};
use crate::options::Ctx;
use crate::socket;
use crate::sockopt::Setting;

const SOCK_DESTROY: u16 = 21;
const INET_DIAG_PROTOCOL: u16 = 10;
/// SKNLGRP_INET_TCP_DESTROY, SKNLGRP_INET_UDP_DESTROY, and their INET6 twins.
const GROUP_TCP4: u32 = 1;
const GROUP_UDP4: u32 = 2;
const GROUP_TCP6: u32 = 3;
const GROUP_UDP6: u32 = 4;

/// Why a socket could not be destroyed.
#[derive(Debug)]
pub enum Refused {
    /// It was gone already.
    Gone,
    /// The kernel has no CONFIG_INET_DIAG_DESTROY, or the protocol cannot be destroyed.
    Unsupported,
    /// CAP_NET_ADMIN is missing.
    Privilege,
    Other(io::Error),
}

/// A netlink socket for SOCK_DESTROY requests.
pub struct Destroyer<'a> {
    nl: Netlink<'a>,
}

/// Requests sent before their answers are read: the kernel answers each in order, and
/// a batch this size fits the socket buffers many times over.
const BATCH: usize = 128;

impl<'a> Destroyer<'a> {
    pub fn open(ctx: &'a Ctx) -> Result<Destroyer<'a>, Failure> {
        Ok(Destroyer {
            nl: Netlink::open(ctx)?,
        })
    }

    /// Destroy the sockets, each named by its endpoints, interface and cookie, a batch
    /// of requests per write; the kernel's answer for each, in order.
    pub fn destroy_all(&mut self, sockets: &[Socket]) -> Vec<Result<(), Refused>> {
        let mut answers = Vec::with_capacity(sockets.len());
        let mut buf = vec![0u8; 64 * 1024];
        for (n, batch) in sockets.chunks(BATCH).enumerate() {
            let first_seq = 1 + (n * BATCH) as u32;
            let mut m = Vec::with_capacity(batch.len() * 72);
            for (i, s) in batch.iter().enumerate() {
                request(&mut m, first_seq + i as u32, s);
            }
            let mut got: Vec<Option<Result<(), Refused>>> =
                (0..batch.len()).map(|_| None).collect();
            let res = self
                .nl
                .send(&m)
                .and_then(|_| self.read_acks(&mut buf, first_seq, &mut got));
            if let Err(e) = res {
                let kind = e.raw_os_error();
                for g in got.iter_mut().filter(|g| g.is_none()) {
                    *g = Some(Err(refused(
                        kind,
                        io::Error::from_raw_os_error(kind.unwrap_or(libc::EIO)),
                    )));
                }
            }
            answers.extend(got.into_iter().map(|g| g.unwrap_or(Err(Refused::Gone))));
        }
        answers
    }

    /// Read acknowledgements until every request of the batch has one.
    fn read_acks(
        &self,
        buf: &mut [u8],
        first_seq: u32,
        got: &mut [Option<Result<(), Refused>>],
    ) -> io::Result<()> {
        let mut missing = got.len();
        while missing > 0 {
            let n = self.nl.recv(buf)?;
            for m in messages(&buf[..n]) {
                let m = m?;
                let Some(slot) = m
                    .seq
                    .checked_sub(first_seq)
                    .and_then(|i| got.get_mut(i as usize))
                else {
                    continue;
                };
                if m.kind != NLMSG_ERROR || slot.is_some() {
                    continue;
                }
                *slot = Some(m.result().map_err(|e| refused(e.raw_os_error(), e)));
                missing -= 1;
            }
        }
        Ok(())
    }
}

fn refused(errno: Option<i32>, e: io::Error) -> Refused {
    match errno {
        Some(libc::ENOENT) => Refused::Gone,
        Some(libc::EOPNOTSUPP) => Refused::Unsupported,
        Some(libc::EPERM) | Some(libc::EACCES) => Refused::Privilege,
        _ => Refused::Other(e),
    }
}

/// nlmsghdr + inet_diag_req_v2 asking to destroy `s`.
fn request(m: &mut Vec<u8>, seq: u32, s: &Socket) {
    let total = 16 + 56;
    m.extend_from_slice(&(total as u32).to_ne_bytes());
    m.extend_from_slice(&SOCK_DESTROY.to_ne_bytes());
    m.extend_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_ACK) as u16).to_ne_bytes());
    m.extend_from_slice(&seq.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    let family = if s.local.is_ipv4() {
        libc::AF_INET
    } else {
        libc::AF_INET6
    };
    let protocol = match s.proto {
        Proto::Tcp => libc::IPPROTO_TCP,
        Proto::Udp => libc::IPPROTO_UDP,
    };
    m.extend_from_slice(&[family as u8, protocol as u8, 0, 0]);
    m.extend_from_slice(&u32::MAX.to_ne_bytes()); // any state
    // struct inet_diag_sockid
    m.extend_from_slice(&s.local.port().to_be_bytes());
    m.extend_from_slice(&s.remote.map_or(0, |r| r.port()).to_be_bytes());
    m.extend_from_slice(&addr_bytes(Some(s.local)));
    m.extend_from_slice(&addr_bytes(s.remote));
    m.extend_from_slice(&s.ifindex.to_ne_bytes());
    m.extend_from_slice(&(s.cookie as u32).to_ne_bytes());
    m.extend_from_slice(&((s.cookie >> 32) as u32).to_ne_bytes());
}

fn addr_bytes(a: Option<std::net::SocketAddr>) -> [u8; 16] {
    let mut b = [0u8; 16];
    match a.map(|a| a.ip()) {
        Some(std::net::IpAddr::V4(v4)) => b[..4].copy_from_slice(&v4.octets()),
        Some(std::net::IpAddr::V6(v6)) => b = v6.octets(),
        None => {}
    }
    b
}

/// A netlink socket that hears every TCP and UDP socket the kernel destroys.
pub struct Events<'a> {
    nl: Netlink<'a>,
}

impl<'a> Events<'a> {
    pub fn open(ctx: &'a Ctx, protos: &[Proto]) -> Result<Events<'a>, Failure> {
        let nl = Netlink::open(ctx)?;
        let mut groups = 0u32;
        for p in protos {
            let (g4, g6) = match p {
                Proto::Tcp => (GROUP_TCP4, GROUP_TCP6),
                Proto::Udp => (GROUP_UDP4, GROUP_UDP6),
            };
            groups |= 1 << (g4 - 1) | 1 << (g6 - 1);
        }
        if let Err(e) = nl.bind_groups(groups) {
            let f = failed("sock_diag destroy events", reason(&e));
            return Err(match e.raw_os_error() {
                Some(libc::EPERM) | Some(libc::EACCES) => {
                    f.with_hint("following destroyed sockets needs CAP_NET_ADMIN (run as root)")
                }
                _ => f,
            });
        }
        // room for bursts (a server closing thousands of connections at once); the
        // kernel caps it at net.core.rmem_max
        let room = Setting::parse("SO_RCVBUF=4M")?;
        socket::set_option_fd(ctx, nl.fd.as_raw_fd(), room.opt, &room.value)
            .map_err(|e| failed("sock_diag destroy events", reason(&e)))?;
        Ok(Events { nl })
    }

    /// Wait for the next batch of destroyed sockets (an empty batch when the wait timed
    /// out, so the caller can look up now and then); `None` when the kernel dropped
    /// events because they came faster than they were read.
    pub fn next(&self, buf: &mut [u8]) -> Result<Option<Vec<Socket>>, Failure> {
        let n = match self.nl.recv(buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Some(Vec::new())),
            Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => return Ok(None),
            Err(e) => return Err(failed("sock_diag destroy events", reason(&e))),
        };
        let mut found = Vec::new();
        for m in messages(&buf[..n]).map_while(Result::ok) {
            if m.kind == SOCK_DIAG_BY_FAMILY {
                let proto = protocol(m.payload).unwrap_or(Proto::Tcp);
                found.extend(parse_socket(m.payload, proto));
            }
        }
        Ok(Some(found))
    }
}

/// The INET_DIAG_PROTOCOL attribute the kernel puts on broadcast messages.
fn protocol(p: &[u8]) -> Option<Proto> {
    let (_, value) =
        attributes(p.get(72..)?).find(|(kind, v)| *kind == INET_DIAG_PROTOCOL && !v.is_empty())?;
    match i32::from(value[0]) {
        libc::IPPROTO_UDP => Some(Proto::Udp),
        libc::IPPROTO_TCP => Some(Proto::Tcp),
        _ => None,
    }
}
