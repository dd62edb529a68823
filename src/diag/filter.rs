//! An ss filter expression, checked: the tree that `conns` parses from its last words,
//! evaluated exactly as `ss` does, and compiled into the kernel's inet_diag bytecode.
//!
//! ss filters every socket twice: the kernel runs the compiled bytecode during the dump
//! (`inet_diag_bc_run`), and ss runs the tree again on each row it receives
//! (`run_ssfilter`). The two disagree at the edges: the kernel compares address
//! families (an IPv4 prefix matches only IPv4 and v4-mapped sockets), ss compares bare
//! bits; the kernel reads a port operand as 16 bits, ss as an int. A row is shown only
//! when both agree, so both are modelled here ([`Expr::kernel_keeps`], [`Expr::ss_keeps`]),
//! and sockkit gives the same rows as ss, quirks included.

use std::net::{IpAddr, SocketAddr};

use super::{Socket, States};

/// One node of the tree, as ss's grammar builds it (misc/ssfilter.y).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    /// `src ADDR[/PREFIX][:PORT]`, `dst ...`, `sport = :PORT`, `dport = :PORT`: a host
    /// condition on one end (`peer`), with every address a name resolved to.
    Host {
        peer: bool,
        cond: HostCond,
    },
    /// `sport >= :PORT` and the like: `ge` for `>=`, otherwise `<=` (`<` and `>` are the
    /// negations ss makes of them).
    PortCmp {
        peer: bool,
        ge: bool,
        port: i32,
    },
    /// `autobound`: the local port was chosen by the kernel, not bound by the program.
    Autobound,
    /// `state NAME` inside an expression (ss takes state words only before it).
    State(States),
    /// With `-x`: a shell pattern on a Unix socket's name (`src`, `sport =`) or its
    /// peer's (`dst`, `dport =`), as ss matches them (fnmatch, case-insensitive).
    UnixName {
        peer: bool,
        pattern: String,
    },
}

/// ss's `struct aafilter` list: one port for all, and one or more addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostCond {
    /// -1: any port.
    pub port: i32,
    /// Empty: any address.
    pub addrs: Vec<AddrPrefix>,
}

/// ss's `inet_prefix`: a family (0 when unspecified), 16 bytes of address, a length in bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddrPrefix {
    pub family: u8,
    pub bytes: [u8; 16],
    pub bits: u8,
}

const AF_INET: u8 = libc::AF_INET as u8;
const AF_INET6: u8 = libc::AF_INET6 as u8;

/// A socket's end as both filters see it: family, the 16 address bytes (an IPv4 address
/// in the first four), the port (0 without a peer).
struct End {
    family: u8,
    bytes: [u8; 16],
    port: u16,
}

impl End {
    fn of(addr: Option<SocketAddr>, local: &SocketAddr) -> End {
        let family = if local.is_ipv4() { AF_INET } else { AF_INET6 };
        let mut bytes = [0u8; 16];
        match addr.map(|a| a.ip()) {
            Some(IpAddr::V4(v4)) => bytes[..4].copy_from_slice(&v4.octets()),
            Some(IpAddr::V6(v6)) => bytes = v6.octets(),
            None => {}
        }
        End {
            family,
            bytes,
            port: addr.map_or(0, |a| a.port()),
        }
    }
}

/// The first `bits` bits of `a` and `b` are the same (ss's inet_addr_match, the kernel's
/// bitstring_match).
fn bits_match(a: &[u8], b: &[u8], bits: u8) -> bool {
    let bits = usize::from(bits).min(a.len() * 8).min(b.len() * 8);
    let whole = bits / 8;
    if a[..whole] != b[..whole] {
        return false;
    }
    let rest = bits % 8;
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    (a[whole] ^ b[whole]) & mask == 0
}

fn is_v4_mapped(b: &[u8; 16]) -> bool {
    b[..10] == [0; 10] && b[10] == 0xff && b[11] == 0xff
}

impl Expr {
    /// Whether the expression can be handed to the kernel at all (a `state` word inside
    /// it cannot).
    pub fn compiles(&self) -> bool {
        match self {
            Expr::And(a, b) | Expr::Or(a, b) => a.compiles() && b.compiles(),
            Expr::Not(a) => a.compiles(),
            Expr::State(_) | Expr::UnixName { .. } => false,
            _ => true,
        }
    }

    /// ss's own pass over a row (run_ssfilter). `ephemeral` is the local port range.
    pub fn ss_keeps(&self, s: &Socket, ephemeral: (u16, u16)) -> bool {
        match self {
            Expr::And(a, b) => a.ss_keeps(s, ephemeral) && b.ss_keeps(s, ephemeral),
            Expr::Or(a, b) => a.ss_keeps(s, ephemeral) || b.ss_keeps(s, ephemeral),
            Expr::Not(a) => !a.ss_keeps(s, ephemeral),
            Expr::Host { peer, cond } => {
                let end = self::end(s, *peer);
                if cond.port != -1 && cond.port != i32::from(end.port) {
                    return false;
                }
                if cond.addrs.first().is_none_or(|a| a.bits == 0) {
                    return true;
                }
                cond.addrs.iter().any(|p| {
                    if bits_match(&end.bytes, &p.bytes, p.bits) {
                        return true;
                    }
                    // a v4-mapped socket matches a plain IPv4 rule
                    p.family == AF_INET
                        && end.family == AF_INET6
                        && is_v4_mapped(&end.bytes)
                        && bits_match(&end.bytes[12..], &p.bytes, p.bits)
                })
            }
            Expr::PortCmp { peer, ge, port } => {
                let p = i32::from(self::end(s, *peer).port);
                if *ge { p >= *port } else { p <= *port }
            }
            Expr::Autobound => {
                let p = s.local.port();
                p >= ephemeral.0 && p <= ephemeral.1
            }
            Expr::State(set) => set.contains(s.state),
            Expr::UnixName { .. } => false,
        }
    }

    /// The kernel's pass (inet_diag_bc_run over [`Expr::bytecode`]), for when the
    /// bytecode could not be sent (a `state` word inside, or destroy events, which the
    /// kernel broadcasts unfiltered). `autobound` needs the socket's bind flags, which
    /// only the kernel sees: here it keeps every row.
    pub fn kernel_keeps(&self, s: &Socket) -> bool {
        match self {
            Expr::And(a, b) => a.kernel_keeps(s) && b.kernel_keeps(s),
            Expr::Or(a, b) => a.kernel_keeps(s) || b.kernel_keeps(s),
            Expr::Not(a) => !a.kernel_keeps(s),
            Expr::Host { peer, cond } => {
                let end = self::end(s, *peer);
                // ss compiles every address of the list as the first one
                let Some(first) = cond.addrs.first() else {
                    return cond.port == -1 || cond.port == i32::from(end.port);
                };
                if cond.port != -1 && cond.port != i32::from(end.port) {
                    return false;
                }
                if first.family != 0 && first.family != end.family {
                    return end.family == AF_INET6
                        && first.family == AF_INET
                        && is_v4_mapped(&end.bytes)
                        && bits_match(&end.bytes[12..], &first.bytes, first.bits);
                }
                first.bits == 0 || bits_match(&end.bytes, &first.bytes, first.bits)
            }
            Expr::PortCmp { peer, ge, port } => {
                let p = self::end(s, *peer).port;
                let operand = *port as u16;
                if *ge { p >= operand } else { p <= operand }
            }
            Expr::Autobound => true,
            Expr::State(set) => set.contains(s.state),
            Expr::UnixName { .. } => false,
        }
    }

    /// The expression as inet_diag bytecode, exactly as ss compiles it
    /// (ssfilter_bytecompile): falling off the end accepts, jumping four bytes past it
    /// rejects. `None` when it cannot be compiled.
    pub fn bytecode(&self) -> Option<Vec<u8>> {
        if !self.compiles() {
            return None;
        }
        Some(compile(self))
    }
}

fn end(s: &Socket, peer: bool) -> End {
    if peer {
        End::of(s.remote, &s.local)
    } else {
        End::of(Some(s.local), &s.local)
    }
}

pub const BC_JMP: u8 = 1;
const BC_S_GE: u8 = 2;
const BC_S_LE: u8 = 3;
const BC_D_GE: u8 = 4;
const BC_D_LE: u8 = 5;
const BC_AUTO: u8 = 6;
const BC_S_COND: u8 = 7;
const BC_D_COND: u8 = 8;

fn op(b: &mut Vec<u8>, code: u8, yes: usize, no: usize) {
    b.push(code);
    b.push(yes as u8);
    b.extend_from_slice(&(no as u16).to_ne_bytes());
}

fn compile(e: &Expr) -> Vec<u8> {
    let mut b = Vec::new();
    match e {
        Expr::Autobound => op(&mut b, BC_AUTO, 4, 8),
        Expr::Host { peer, cond } => {
            let code = if *peer { BC_D_COND } else { BC_S_COND };
            let (family, bits, bytes) = cond
                .addrs
                .first()
                .map_or((0, 0, [0u8; 16]), |a| (a.family, a.bits, a.bytes));
            let alen = if family == AF_INET6 { 16 } else { 4 };
            let oplen = 4 + 8 + alen;
            let n = cond.addrs.len().max(1);
            let len = n * oplen + (n - 1) * 4;
            for i in 0..n {
                op(&mut b, code, oplen, oplen + 4);
                // struct inet_diag_hostcond: family, prefix_len, (pad), int port, addr
                b.extend_from_slice(&[family, bits, 0, 0]);
                b.extend_from_slice(&cond.port.to_ne_bytes());
                b.extend_from_slice(&bytes[..alen]);
                if i + 1 < n {
                    let at = b.len();
                    op(&mut b, BC_JMP, 4, len - at);
                }
            }
        }
        Expr::PortCmp { peer, ge, port } => {
            let code = match (peer, ge) {
                (true, true) => BC_D_GE,
                (true, false) => BC_D_LE,
                (false, true) => BC_S_GE,
                (false, false) => BC_S_LE,
            };
            op(&mut b, code, 8, 12);
            op(&mut b, 0, 0, *port as u16 as usize);
        }
        Expr::And(x, y) => {
            b = compile(x);
            let tail = compile(y);
            patch(&mut b, tail.len());
            b.extend_from_slice(&tail);
        }
        Expr::Or(x, y) => {
            b = compile(x);
            let tail = compile(y);
            op(&mut b, BC_JMP, 4, tail.len() + 4);
            b.extend_from_slice(&tail);
        }
        Expr::Not(x) => {
            b = compile(x);
            op(&mut b, BC_JMP, 4, 8);
        }
        Expr::State(_) | Expr::UnixName { .. } => {}
    }
    b
}

/// `a` AND `b` in bytecode: `a`'s rejects must now jump past `b` too (ssfilter_patch).
pub fn and(mut a: Vec<u8>, b: &[u8]) -> Vec<u8> {
    if a.is_empty() {
        return b.to_vec();
    }
    patch(&mut a, b.len());
    a.extend_from_slice(b);
    a
}

/// Relocate the jumps of `code` that reject (land four bytes past its end) by `reloc`.
fn patch(code: &mut [u8], reloc: usize) {
    let mut pos = 0;
    while pos + 4 <= code.len() {
        let len = code.len() - pos;
        let yes = usize::from(code[pos + 1]);
        let no = usize::from(u16::from_ne_bytes([code[pos + 2], code[pos + 3]]));
        if no == len + 4 {
            let moved = ((no + reloc) as u16).to_ne_bytes();
            code[pos + 2] = moved[0];
            code[pos + 3] = moved[1];
        }
        if yes == 0 {
            break;
        }
        pos += yes;
    }
}

/// The kernel's ephemeral port range, as ss reads it for `autobound` (1024-4999 if
/// unreadable).
pub fn ephemeral_ports() -> (u16, u16) {
    std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|t| {
            let mut it = t.split_whitespace().map(|w| w.parse::<u16>().ok());
            Some((it.next()??, it.next()??))
        })
        .unwrap_or((1024, 4999))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Proto;

    fn sock(local: &str, remote: Option<&str>) -> Socket {
        Socket {
            proto: Proto::Tcp,
            state: 1,
            local: local.parse().unwrap(),
            remote: remote.map(|r| r.parse().unwrap()),
            recv_q: 0,
            send_q: 0,
            uid: None,
            inode: None,
            timer: None,
            owners: Vec::new(),
            info: None,
            memory: None,
            cookie: 0,
            ifindex: 0,
        }
    }

    /// The kernel's inet_diag_bc_run over compiled bytecode, for sockets of `sock`'s shape.
    fn run(bc: &[u8], s: &Socket) -> bool {
        let mut pos = 0usize;
        let mut len = bc.len() as isize;
        let l = End::of(Some(s.local), &s.local);
        let r = End::of(s.remote, &s.local);
        while len > 0 {
            let code = bc[pos];
            let yes_jump = bc[pos + 1] as usize;
            let no_jump = u16::from_ne_bytes([bc[pos + 2], bc[pos + 3]]) as usize;
            let operand = || u16::from_ne_bytes([bc[pos + 6], bc[pos + 7]]);
            let yes = match code {
                BC_JMP => false,
                BC_S_GE => l.port >= operand(),
                BC_S_LE => l.port <= operand(),
                BC_D_GE => r.port >= operand(),
                BC_D_LE => r.port <= operand(),
                BC_AUTO => true,
                BC_S_COND | BC_D_COND => {
                    let e = if code == BC_S_COND { &l } else { &r };
                    let family = bc[pos + 4];
                    let bits = bc[pos + 5];
                    let port = i32::from_ne_bytes(bc[pos + 8..pos + 12].try_into().unwrap());
                    let addr = &bc[pos + 12..pos + yes_jump];
                    if port != -1 && port != i32::from(e.port) {
                        false
                    } else if family != 0 && family != e.family {
                        e.family == AF_INET6
                            && family == AF_INET
                            && is_v4_mapped(&e.bytes)
                            && bits_match(&e.bytes[12..], addr, bits)
                    } else {
                        bits == 0 || bits_match(&e.bytes, addr, bits)
                    }
                }
                _ => panic!("unexpected op {code}"),
            };
            let jump = if yes { yes_jump } else { no_jump };
            pos += jump;
            len -= jump as isize;
        }
        len == 0
    }

    fn host(peer: bool, port: i32, addr: Option<(&str, u8)>) -> Expr {
        let addrs = addr
            .map(|(a, bits)| {
                let ip: IpAddr = a.parse().unwrap();
                let mut bytes = [0u8; 16];
                let family = match ip {
                    IpAddr::V4(v4) => {
                        bytes[..4].copy_from_slice(&v4.octets());
                        AF_INET
                    }
                    IpAddr::V6(v6) => {
                        bytes = v6.octets();
                        AF_INET6
                    }
                };
                vec![AddrPrefix {
                    family,
                    bytes,
                    bits,
                }]
            })
            .unwrap_or_default();
        Expr::Host {
            peer,
            cond: HostCond { port, addrs },
        }
    }

    #[test]
    fn bytecode_agrees_with_the_kernel_model() {
        let not = |e: Expr| Expr::Not(Box::new(e));
        let and = |a: Expr, b: Expr| Expr::And(Box::new(a), Box::new(b));
        let or = |a: Expr, b: Expr| Expr::Or(Box::new(a), Box::new(b));
        let exprs = vec![
            host(false, 22, None),
            host(true, -1, Some(("10.0.0.0", 8))),
            host(true, 443, Some(("127.0.0.1", 32))),
            not(host(false, 80, None)),
            or(host(false, 80, None), host(true, 80, None)),
            and(
                host(true, 443, None),
                or(
                    host(true, -1, Some(("10.0.0.0", 8))),
                    host(false, -1, Some(("::1", 128))),
                ),
            ),
            and(
                not(Expr::PortCmp {
                    peer: false,
                    ge: false,
                    port: 1000,
                }),
                Expr::PortCmp {
                    peer: true,
                    ge: true,
                    port: -1,
                },
            ),
            or(
                and(host(false, 1, None), not(host(true, 2, None))),
                and(host(true, -1, Some(("127.0.0.0", 8))), host(false, 3, None)),
            ),
        ];
        let socks = [
            sock("127.0.0.1:22", Some("127.0.0.1:5000")),
            sock("127.0.0.1:80", None),
            sock("10.1.2.3:1", Some("10.9.9.9:443")),
            sock("[::1]:443", Some("[::1]:80")),
            sock("[::ffff:127.0.0.1]:3", Some("[::ffff:127.0.0.2]:2")),
            sock("[a00::1]:3", Some("[a00::2]:443")),
            sock("127.0.0.1:1", Some("127.0.0.1:65535")),
        ];
        for e in &exprs {
            let bc = e.bytecode().unwrap();
            for s in &socks {
                assert_eq!(run(&bc, s), e.kernel_keeps(s), "{e:?} on {s:?}");
            }
        }
    }

    #[test]
    fn ss_and_the_kernel_differ_where_ss_does() {
        // An IPv4 prefix: the kernel wants IPv4 (or v4-mapped); ss compares bare bits.
        let e = host(true, -1, Some(("10.0.0.0", 8)));
        let v6 = sock("[a00::1]:3", Some("[a00::2]:443"));
        assert!(e.ss_keeps(&v6, (32768, 60999)));
        assert!(!e.kernel_keeps(&v6));
        // A port of -1 (`*`): every row for ss, 65535 and up for the kernel.
        let ge = Expr::PortCmp {
            peer: true,
            ge: true,
            port: -1,
        };
        let s = sock("127.0.0.1:1", Some("127.0.0.1:80"));
        assert!(ge.ss_keeps(&s, (1, 2)) && !ge.kernel_keeps(&s));
    }

    #[test]
    fn and_relocates_rejects() {
        let a = host(false, 1, None).bytecode().unwrap();
        let b = host(true, 2, None).bytecode().unwrap();
        let both = and(a, &b);
        assert!(run(&both, &sock("127.0.0.1:1", Some("127.0.0.1:2"))));
        assert!(!run(&both, &sock("127.0.0.1:1", Some("127.0.0.1:3"))));
        assert!(!run(&both, &sock("127.0.0.1:4", Some("127.0.0.1:2"))));
    }
}
