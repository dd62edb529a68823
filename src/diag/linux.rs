//! Linux: one NETLINK_SOCK_DIAG dump per protocol and family, asking the kernel for only
//! the states and ports wanted; socket owners from one pass over /proc/*/fd.
//!
//! The netlink messages are read and written by hand: the request needs an
//! INET_DIAG_REQ_BYTECODE attribute for the port filter, which netlink-packet-sock-diag's
//! `InetRequest` cannot carry, and reading the fixed 72-byte `inet_diag_msg` in place
//! keeps a dump of 20,000 sockets free of per-socket allocations.

use std::ffi::CStr;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6};
use std::os::fd::{AsRawFd, OwnedFd};

use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Owner, OwnerTable, Query, Socket, TcpInfo, Timer};
use crate::endpoint::{Family, Proto};
use crate::error::{Failure, failed, reason};
use crate::options::Ctx;
use crate::socket;
use crate::sockopt::Setting;
use crate::sys::{self, dir::Dir};

pub(super) const SOCK_DIAG_BY_FAMILY: u16 = 20;
pub(super) const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLMSG_HDRLEN: usize = 16;
const INET_DIAG_REQ_BYTECODE: u16 = 1;
const INET_DIAG_INFO: u16 = 2;
const INET_DIAG_CONG: u16 = 4;
const INET_DIAG_SKMEMINFO: u16 = 7;
const INET_DIAG_BC_JMP: u8 = 1;
const INET_DIAG_BC_S_EQ: u8 = 11;
const INET_DIAG_BC_D_EQ: u8 = 12;
/// sizeof(struct inet_diag_msg)
const DIAG_MSG_LEN: usize = 72;
/// How long to wait for the kernel's next part of a dump.
const DUMP_TIMEOUT_SECS: libc::time_t = 10;
/// The kernel never hands out more than 32 KiB per read of a dump.
const RECV_BUF: usize = 32 * 1024;

/// One dump per protocol and family, run side by side: each walks the kernel's whole
/// hash table, so on a busy host the second family's walk is nearly free in parallel.
pub fn sockets(ctx: &Ctx, query: &Query) -> Result<Vec<Socket>, Failure> {
    let mut bytecode = port_bytecode(query);
    if let Some(expr) = query.expr.as_ref().and_then(|e| e.bytecode()) {
        bytecode = super::filter::and(bytecode, &expr);
    }
    let mut dumps = Vec::new();
    for &proto in &query.protos {
        for family in families(query.family) {
            dumps.push((proto, family));
        }
    }
    let results: Vec<Result<Vec<Socket>, Failure>> = std::thread::scope(|scope| {
        let bytecode = &bytecode;
        // A dump that gets no thread of its own (a process limit) runs here, in turn.
        let handles: Vec<_> = dumps
            .iter()
            .map(|&(proto, family)| {
                let job = move || dump(ctx, proto, family, query, bytecode);
                crate::signals::spawn_worker(scope, job).ok_or(job)
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h {
                Ok(h) => h
                    .join()
                    .unwrap_or_else(|_| Err(failed("netlink sock_diag", "dump thread failed"))),
                Err(job) => job(),
            })
            .collect()
    });
    let mut found = Vec::new();
    for r in results {
        let mut part = r?;
        if found.is_empty() {
            found = part;
        } else {
            found.append(&mut part);
        }
    }
    Ok(found)
}

fn dump(
    ctx: &Ctx,
    proto: Proto,
    family: u8,
    query: &Query,
    bytecode: &[u8],
) -> Result<Vec<Socket>, Failure> {
    let nl = Netlink::open(ctx)?;
    let req = request(1, family, proto, query, bytecode);
    nl.send(&req)
        .map_err(|e| failed("netlink sock_diag request", reason(&e)))?;
    let mut found = Vec::new();
    nl.dump(1, proto, &mut found)
        .map_err(|e| dump_failure(proto, &e))?;
    Ok(found)
}

fn families(f: Family) -> Vec<u8> {
    match f {
        Family::V4 => vec![libc::AF_INET as u8],
        Family::V6 => vec![libc::AF_INET6 as u8],
        Family::Any => vec![libc::AF_INET as u8, libc::AF_INET6 as u8],
    }
}

pub(super) fn dump_failure(proto: Proto, e: &io::Error) -> Failure {
    let what = format!("{} sockets", proto.name());
    match e.raw_os_error() {
        // sock_diag answers ENOENT when the protocol's diag module (udp_diag) is missing.
        Some(libc::ENOENT) => failed(what, "the kernel offers no sock_diag for them")
            .with_hint(format!("modprobe {}_diag", proto.name())),
        Some(libc::EAGAIN) => failed(
            what,
            format!("the kernel sent no answer for {DUMP_TIMEOUT_SECS} s"),
        ),
        _ => failed(what, reason(e)),
    }
}

/// A NETLINK_SOCK_DIAG socket; its calls are traced at `-vv` like every other socket's.
pub(super) struct Netlink<'a> {
    ctx: &'a Ctx,
    pub(super) fd: OwnedFd,
}

impl<'a> Netlink<'a> {
    pub(super) fn open(ctx: &'a Ctx) -> Result<Netlink<'a>, Failure> {
        let fd = socket::open_netlink(ctx, libc::NETLINK_SOCK_DIAG)?;
        // A dump always ends with NLMSG_DONE; should the kernel ever stop answering, fail
        // rather than wait forever.
        let limit = Setting::parse(&format!("SO_RCVTIMEO={DUMP_TIMEOUT_SECS}s"))?;
        socket::set_option_fd(ctx, fd.as_raw_fd(), limit.opt, &limit.value)
            .map_err(|e| failed("netlink sock_diag socket", reason(&e)))?;
        Ok(Netlink { ctx, fd })
    }

    pub(super) fn send(&self, msg: &[u8]) -> io::Result<()> {
        let fd = self.fd.as_raw_fd();
        let res = sys::netlink::send_to_kernel(fd, msg).map(|_| ());
        let call = || format!("sendto({fd}, inet_diag_req {} bytes, kernel)", msg.len());
        socket::traced(self.ctx, call, res, |_| msg.len().to_string())
    }

    pub(super) fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        let fd = self.fd.as_raw_fd();
        loop {
            let res = sys::fd::recv(fd, buf, 0);
            if matches!(&res, Err(e) if e.kind() == io::ErrorKind::Interrupted) {
                continue;
            }
            let call = || format!("recv({fd}, {} bytes)", buf.len());
            return socket::traced(self.ctx, call, res, |n| n.to_string());
        }
    }

    /// Join the kernel's multicast `groups` (a bit per group).
    pub(super) fn bind_groups(&self, groups: u32) -> io::Result<()> {
        sys::netlink::bind_groups(self.fd.as_raw_fd(), groups)
    }

    /// Read one dump to its end, appending its sockets.
    fn dump(&self, seq: u32, proto: Proto, out: &mut Vec<Socket>) -> io::Result<()> {
        self.dump_each(seq, |payload| {
            if let Some(s) = parse_socket(payload, proto) {
                out.push(s);
            }
        })
    }

    /// Read one dump (or one acknowledged request) to its end, handing each
    /// SOCK_DIAG_BY_FAMILY payload to `each`.
    pub(super) fn dump_each(&self, seq: u32, mut each: impl FnMut(&[u8])) -> io::Result<()> {
        let mut buf = vec![0u8; RECV_BUF];
        loop {
            let n = self.recv(&mut buf)?;
            if n == 0 {
                return Err(io::Error::from_raw_os_error(libc::EPROTO));
            }
            for m in messages(&buf[..n]) {
                let m = m?;
                if m.seq != seq {
                    continue; // an answer to an earlier request: not ours
                }
                match m.kind {
                    NLMSG_DONE => return Ok(()),
                    // an acknowledgement (errno 0) ends a request
                    NLMSG_ERROR => return m.result(),
                    SOCK_DIAG_BY_FAMILY => each(m.payload),
                    _ => {}
                }
            }
        }
    }
}

/// One netlink message, after its header (struct nlmsghdr).
pub(super) struct Message<'a> {
    pub kind: u16,
    pub seq: u32,
    pub payload: &'a [u8],
}

impl Message<'_> {
    /// What an NLMSG_ERROR message says: `Ok` for an acknowledgement (errno 0).
    pub(super) fn result(&self) -> io::Result<()> {
        let errno = if self.payload.len() >= 4 {
            -(u32_at(self.payload, 0) as i32)
        } else {
            libc::EPROTO
        };
        match errno {
            0 => Ok(()),
            e => Err(io::Error::from_raw_os_error(e)),
        }
    }
}

/// The netlink messages in what one recv read; a malformed header ends them with EPROTO.
pub(super) fn messages(b: &[u8]) -> impl Iterator<Item = io::Result<Message<'_>>> {
    let mut rest = b;
    std::iter::from_fn(move || {
        if rest.len() < NLMSG_HDRLEN {
            return None;
        }
        let len = u32_at(rest, 0) as usize;
        if len < NLMSG_HDRLEN || len > rest.len() {
            rest = &[];
            return Some(Err(io::Error::from_raw_os_error(libc::EPROTO)));
        }
        let m = Message {
            kind: u16_at(rest, 4),
            seq: u32_at(rest, 8),
            payload: &rest[NLMSG_HDRLEN..len],
        };
        rest = &rest[align4(len).min(rest.len())..];
        Some(Ok(m))
    })
}

/// The netlink attributes (struct nlattr) in `b`, as type and value, up to the first
/// malformed one.
pub(super) fn attributes(b: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = b;
    std::iter::from_fn(move || {
        if rest.len() < 4 {
            return None;
        }
        let len = u16_at(rest, 0) as usize;
        if len < 4 || len > rest.len() {
            return None;
        }
        let attr = (u16_at(rest, 2), &rest[4..len]);
        rest = &rest[align4(len).min(rest.len())..];
        Some(attr)
    })
}

pub(super) fn align4(n: usize) -> usize {
    (n + 3) & !3
}

pub(super) fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([b[at], b[at + 1]])
}

pub(super) fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// nlmsghdr + inet_diag_req_v2 (+ the bytecode attribute).
fn request(seq: u32, family: u8, proto: Proto, query: &Query, bytecode: &[u8]) -> Vec<u8> {
    let attr_len = if bytecode.is_empty() {
        0
    } else {
        4 + bytecode.len()
    };
    let total = NLMSG_HDRLEN + 56 + attr_len;
    let mut m = Vec::with_capacity(total);
    m.extend_from_slice(&(total as u32).to_ne_bytes());
    m.extend_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes());
    let flags = (libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16;
    m.extend_from_slice(&flags.to_ne_bytes());
    m.extend_from_slice(&seq.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    let protocol = match proto {
        Proto::Tcp => libc::IPPROTO_TCP,
        Proto::Udp => libc::IPPROTO_UDP,
    };
    // Extensions cost the kernel work per socket: only what a flag asks for.
    let mut ext = 0u8;
    if query.info {
        ext |= (1 << (INET_DIAG_INFO - 1)) | (1 << (INET_DIAG_CONG - 1));
    }
    if query.memory {
        ext |= 1 << (INET_DIAG_SKMEMINFO - 1);
    }
    m.extend_from_slice(&[family, protocol as u8, ext, 0]);
    m.extend_from_slice(&query.states.0.to_ne_bytes());
    m.extend_from_slice(&[0u8; 48]); // inet_diag_sockid: any
    if !bytecode.is_empty() {
        m.extend_from_slice(&(attr_len as u16).to_ne_bytes());
        m.extend_from_slice(&INET_DIAG_REQ_BYTECODE.to_ne_bytes());
        m.extend_from_slice(bytecode);
    }
    m
}

/// The port conditions as inet_diag bytecode: a conjunction of clauses, each a
/// disjunction of port comparisons. Falling off the end accepts; jumping four bytes past
/// it rejects. The kernel's audit walks the `yes` jumps and wants every `no` target on
/// that walk, so each op's `yes` goes to the next op, and a comparison that settles its
/// clause early is followed by a JMP to the clause's end.
fn port_bytecode(q: &Query) -> Vec<u8> {
    let mut clauses: Vec<Vec<(u8, u16)>> = Vec::new();
    if let Some(p) = q.sport {
        clauses.push(vec![(INET_DIAG_BC_S_EQ, p)]);
    }
    if let Some(p) = q.dport {
        clauses.push(vec![(INET_DIAG_BC_D_EQ, p)]);
    }
    if let Some(p) = q.either_port {
        clauses.push(vec![(INET_DIAG_BC_S_EQ, p), (INET_DIAG_BC_D_EQ, p)]);
    }
    // a comparison is 8 bytes, plus a 4-byte JMP unless it is its clause's last
    let clause_len = |c: &Vec<(u8, u16)>| c.len() * 12 - 4;
    let total: usize = clauses.iter().map(clause_len).sum();
    let mut bc = Vec::with_capacity(total);
    let mut op = |code: u8, yes: usize, no: usize| {
        bc.push(code);
        bc.push(yes as u8);
        bc.extend_from_slice(&(no as u16).to_ne_bytes());
    };
    let mut pos = 0;
    for clause in &clauses {
        let clause_end = pos + clause_len(clause);
        for (i, &(code, port)) in clause.iter().enumerate() {
            let last = i + 1 == clause.len();
            // false: the next comparison (past the JMP), or reject
            let no = if last { total - pos + 4 } else { 12 };
            op(code, 8, no);
            op(0, 0, port as usize);
            pos += 8;
            if !last {
                op(INET_DIAG_BC_JMP, 4, clause_end - pos);
                pos += 4;
            }
        }
    }
    bc
}

/// One inet_diag_msg: family, state, timer, retrans, sockid (ports and addresses in
/// network order), expires, rqueue, wqueue, uid, inode.
pub(super) fn parse_socket(p: &[u8], proto: Proto) -> Option<Socket> {
    if p.len() < DIAG_MSG_LEN {
        return None;
    }
    let family = p[0];
    let sport = u16::from_be_bytes([p[4], p[5]]);
    let dport = u16::from_be_bytes([p[6], p[7]]);
    let src = addr(family, &p[8..24])?;
    let dst = addr(family, &p[24..40])?;
    let local = socket_addr(src, sport);
    let inode = u32_at(p, 68);
    let remote = if dport == 0 && dst.is_unspecified() {
        None
    } else {
        Some(socket_addr(dst, dport))
    };
    Some(Socket {
        proto,
        state: p[1],
        local,
        remote,
        recv_q: u32_at(p, 56),
        send_q: u32_at(p, 60),
        // TIME-WAIT and SYN-RECV minisockets have no inode and no owner: the kernel says 0.
        uid: (inode != 0).then(|| u32_at(p, 64)),
        inode: (inode != 0).then_some(u64::from(inode)),
        timer: timer(p[2], u32_at(p, 52), p[3]),
        owners: Vec::new(),
        info: None,
        memory: None,
        cookie: u64::from(u32_at(p, 44)) | u64::from(u32_at(p, 48)) << 32,
        ifindex: u32_at(p, 40),
    })
    .map(|mut s| {
        read_attributes(&p[DIAG_MSG_LEN..], &mut s);
        s
    })
}

/// The netlink attributes after inet_diag_msg that `-i` and `-m` asked for.
fn read_attributes(rest: &[u8], s: &mut Socket) {
    let mut congestion = None;
    for (kind, value) in attributes(rest) {
        match kind {
            INET_DIAG_INFO if s.proto == Proto::Tcp => s.info = TcpInfo::parse(value).map(Box::new),
            INET_DIAG_CONG => {
                let name = value.split(|&b| b == 0).next().unwrap_or_default();
                congestion = Some(String::from_utf8_lossy(name).into_owned());
            }
            INET_DIAG_SKMEMINFO if value.len() >= 36 => {
                let mut mem = [0u32; 9];
                for (i, m) in mem.iter_mut().enumerate() {
                    *m = u32_at(value, i * 4);
                }
                s.memory = Some(Box::new(mem));
            }
            _ => {}
        }
    }
    if let Some(info) = s.info.as_mut() {
        info.congestion = congestion;
    }
}

fn addr(family: u8, b: &[u8]) -> Option<IpAddr> {
    match i32::from(family) {
        libc::AF_INET => Some(IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3]))),
        libc::AF_INET6 => {
            let mut a = [0u8; 16];
            a.copy_from_slice(&b[..16]);
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

fn socket_addr(ip: IpAddr, port: u16) -> SocketAddr {
    match ip {
        IpAddr::V6(v6) => SocketAddr::V6(SocketAddrV6::new(v6, port, 0, 0)),
        v4 => SocketAddr::new(v4, port),
    }
}

/// idiag_timer as ss -o names it (net/ipv4/inet_diag.c).
fn timer(kind: u8, expires_ms: u32, retrans: u8) -> Option<Timer> {
    let kind = match kind {
        1 => "on",
        2 => "keepalive",
        3 => "timewait",
        4 => "persist",
        _ => return None,
    };
    Some(Timer {
        kind,
        expires_ms,
        retrans,
    })
}

/// One pass over /proc/*/fd: every descriptor that is a socket names its owner. The
/// processes are shared out among a few threads; directory descriptors are used relative
/// to each other (openat, readlinkat) so the kernel does not walk /proc/PID/fd again for
/// each of thousands of descriptors.
pub fn owner_table() -> OwnerTable {
    let mut pids = Vec::new();
    if let Ok(proc_dir) = Dir::open(None, c"/proc") {
        proc_dir.each(|name| pids.extend(parse_u32(name.to_bytes())));
    }
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let scan = || {
        let mut table = OwnerTable::default();
        let Ok(proc_dir) = Dir::open(None, c"/proc") else {
            return table;
        };
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&pid) = pids.get(i) else {
                return table;
            };
            scan_process(&proc_dir, pid, &mut table);
        }
    };
    let parts: Vec<OwnerTable> = std::thread::scope(|s| {
        // Fewer helpers when the system cannot start them: the scan shares its work.
        let handles: Vec<_> = (1..threads)
            .map_while(|_| crate::signals::spawn_worker(s, scan))
            .collect();
        let mut parts = vec![scan()];
        parts.extend(handles.into_iter().filter_map(|h| h.join().ok()));
        parts
    });
    let mut table = OwnerTable::default();
    for mut part in parts {
        table.by_inode.append(&mut part.by_inode);
        table.hidden_processes += part.hidden_processes;
    }
    table
}

/// The sockets among one process's descriptors.
fn scan_process(proc_dir: &Dir, pid: u32, table: &mut OwnerTable) {
    let Ok(path) = std::ffi::CString::new(format!("{pid}/fd")) else {
        return;
    };
    let fds = match Dir::open(Some(proc_dir), &path) {
        Ok(fds) => fds,
        // Another user's process; ENOENT means it just exited, nothing hidden.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            table.hidden_processes += 1;
            return;
        }
        Err(_) => return,
    };
    let mut link = [0u8; 64];
    let mut comm: Option<String> = None;
    fds.each(|fd_name| {
        let Some(fd) = parse_u32(fd_name.to_bytes()) else {
            return;
        };
        let Some(inode) = socket_inode(&fds, fd_name, &mut link) else {
            return;
        };
        let name = comm.get_or_insert_with(|| process_name(pid));
        table.by_inode.push((
            inode,
            Owner {
                pid,
                name: name.clone(),
                fd: Some(fd as i32),
            },
        ));
    });
}

/// The inode of `socket:[N]` that descriptor `name` links to, if it is a socket.
fn socket_inode(fds: &Dir, name: &CStr, buf: &mut [u8; 64]) -> Option<u64> {
    let target = fds.read_link(name, buf)?;
    let digits = target.strip_prefix(b"socket:[")?.strip_suffix(b"]")?;
    parse_u32(digits).map(u64::from)
}

fn parse_u32(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// /proc/PID/comm without its newline.
fn process_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim_end_matches('\n').to_string())
        .unwrap_or_else(|_| "?".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::States;

    fn query(sport: Option<u16>, dport: Option<u16>, either: Option<u16>) -> Query {
        Query {
            protos: vec![Proto::Tcp],
            family: Family::Any,
            states: States::ALL,
            sport,
            dport,
            either_port: either,
            info: false,
            memory: false,
            expr: None,
        }
    }

    /// Run the bytecode as the kernel does (inet_diag_bc_run).
    fn run(bc: &[u8], sport: u16, dport: u16) -> bool {
        let mut pos = 0usize;
        let mut len = bc.len() as isize;
        while len > 0 {
            let code = bc[pos];
            let yes_jump = bc[pos + 1] as usize;
            let no_jump = u16_at(bc, pos + 2) as usize;
            let port = || u16_at(bc, pos + 6);
            let yes = match code {
                INET_DIAG_BC_JMP => false,
                INET_DIAG_BC_S_EQ => sport == port(),
                INET_DIAG_BC_D_EQ => dport == port(),
                _ => panic!("unexpected op {code}"),
            };
            let jump = if yes { yes_jump } else { no_jump };
            pos += jump;
            len -= jump as isize;
        }
        len == 0
    }

    /// What the kernel's inet_diag_bc_audit checks: the `yes` walk ends exactly at the
    /// end, and every `no` lands on that walk or just past the end.
    fn audit(bc: &[u8]) -> bool {
        let mut on_walk = vec![0usize];
        let mut pos = 0;
        while pos < bc.len() {
            pos += bc[pos + 1] as usize;
            on_walk.push(pos);
        }
        if pos != bc.len() {
            return false;
        }
        on_walk.iter().filter(|&&p| p < bc.len()).all(|&p| {
            let target = p + u16_at(bc, p + 2) as usize;
            target == bc.len() + 4 || on_walk.contains(&target)
        })
    }

    #[test]
    fn no_ports_no_bytecode() {
        assert!(port_bytecode(&query(None, None, None)).is_empty());
    }

    #[test]
    fn bytecode_keeps_exactly_the_asked_ports() {
        let bc = port_bytecode(&query(Some(80), None, None));
        assert!(audit(&bc));
        assert!(run(&bc, 80, 1234));
        assert!(!run(&bc, 81, 80));
        let bc = port_bytecode(&query(None, None, Some(443)));
        assert!(audit(&bc));
        assert!(run(&bc, 443, 1));
        assert!(run(&bc, 1, 443));
        assert!(!run(&bc, 1, 2));
        let bc = port_bytecode(&query(Some(1), Some(2), Some(2)));
        assert!(audit(&bc));
        assert!(run(&bc, 1, 2));
        assert!(!run(&bc, 1, 3));
        assert!(!run(&bc, 2, 2));
    }

    #[test]
    fn short_or_foreign_messages_are_skipped() {
        assert!(parse_socket(&[0u8; 10], Proto::Tcp).is_none());
        let mut m = [0u8; DIAG_MSG_LEN];
        m[0] = 99;
        assert!(parse_socket(&m, Proto::Tcp).is_none());
    }
}
