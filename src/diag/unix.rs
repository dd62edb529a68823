//! Linux: Unix sockets from one NETLINK_SOCK_DIAG dump (unix_diag), with the peer's
//! inode, so that both ends of a connection can be named.

use std::collections::HashMap;

use serde::Serialize;

use super::filter::Expr;
use super::linux::{Netlink, attributes, u32_at};
use super::{Owner, OwnerTable, States};
use crate::error::{Failure, failed, reason};
use crate::options::Ctx;

const SOCK_DIAG_BY_FAMILY: u16 = 20;
const UDIAG_SHOW_NAME: u32 = 1;
const UDIAG_SHOW_PEER: u32 = 4;
const UDIAG_SHOW_RQLEN: u32 = 16;
const UDIAG_SHOW_UID: u32 = 64;
const UNIX_DIAG_NAME: u16 = 0;
const UNIX_DIAG_PEER: u16 = 2;
const UNIX_DIAG_RQLEN: u16 = 4;
const UNIX_DIAG_UID: u16 = 7;

/// One Unix socket as the kernel reports it.
#[derive(Debug, Clone, Serialize)]
pub struct UnixSocket {
    /// `stream`, `dgram` or `seqpacket`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip)]
    pub state: u8,
    /// The path, `@name` for the abstract namespace, `None` when unbound.
    pub path: Option<String>,
    pub inode: u64,
    /// The other end's inode, when connected.
    pub peer_inode: Option<u64>,
    /// The other end's path, when it is bound (found among the sockets listed).
    pub peer_path: Option<String>,
    pub recv_q: u32,
    pub send_q: u32,
    pub uid: Option<u32>,
    pub cookie: u64,
}

impl UnixSocket {
    /// ss's Netid for the type: `u_str`, `u_dgr`, `u_seq`.
    pub fn netid(&self) -> &'static str {
        match self.kind {
            "stream" => "u_str",
            "dgram" => "u_dgr",
            "seqpacket" => "u_seq",
            _ => "u_???",
        }
    }
}

/// Every Unix socket in one of `states`.
/// `uid`: ask for each socket's owner uid too (it costs the kernel an attribute each).
pub fn sockets(ctx: &Ctx, states: States, uid: bool) -> Result<Vec<UnixSocket>, Failure> {
    let nl = Netlink::open(ctx)?;
    let total = 16 + 24;
    let mut m = Vec::with_capacity(total);
    m.extend_from_slice(&(total as u32).to_ne_bytes());
    m.extend_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes());
    m.extend_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16).to_ne_bytes());
    m.extend_from_slice(&1u32.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    // struct unix_diag_req
    m.extend_from_slice(&[libc::AF_UNIX as u8, 0, 0, 0]);
    m.extend_from_slice(&states.0.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    let mut show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN;
    if uid {
        show |= UDIAG_SHOW_UID;
    }
    m.extend_from_slice(&show.to_ne_bytes());
    m.extend_from_slice(&[0xff; 8]); // no cookie
    nl.send(&m)
        .map_err(|e| failed("netlink sock_diag request", reason(&e)))?;
    let mut found = Vec::new();
    nl.dump_each(1, |p| found.extend(parse(p)))
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ENOENT) => failed("unix sockets", "the kernel offers no sock_diag for them")
                .with_hint("modprobe unix_diag"),
            _ => failed("unix sockets", reason(&e)),
        })?;
    // the other end's path, from the same list
    let paths: HashMap<u64, String> = found
        .iter()
        .filter_map(|s| Some((s.inode, s.path.clone()?)))
        .collect();
    if !paths.is_empty() {
        for s in &mut found {
            s.peer_path = s.peer_inode.and_then(|i| paths.get(&i).cloned());
        }
    }
    Ok(found)
}

/// The processes holding each socket, by inode: looked up for both ends of a row as it is
/// written, so no socket carries a copy.
#[derive(Debug, Default)]
pub struct Holders(HashMap<u64, Vec<Owner>>);

impl Holders {
    pub fn from(owners: OwnerTable) -> Holders {
        let mut by_inode: HashMap<u64, Vec<Owner>> = HashMap::new();
        for (inode, owner) in owners.by_inode {
            by_inode.entry(inode).or_default().push(owner);
        }
        for list in by_inode.values_mut() {
            if list.len() > 1 {
                list.sort_by_key(|o| (o.pid, o.fd));
            }
        }
        Holders(by_inode)
    }

    /// The processes holding the socket `inode` (none for `None`).
    pub fn of(&self, inode: Option<u64>) -> &[Owner] {
        inode
            .and_then(|i| self.0.get(&i))
            .map_or(&[], |v| v.as_slice())
    }
}

/// Whether `e` keeps the Unix socket `s`, as ss's run_ssfilter decides for `ss -x`: names
/// match shell patterns; ss never knows a peer's name (an empty one to the pattern); port
/// comparisons have no port to compare (`>=` always holds, `<=` never); `autobound` is an
/// unbound socket or one with an autobind name (`@` and five hex digits).
pub fn keeps(e: &Expr, s: &UnixSocket) -> bool {
    match e {
        Expr::And(a, b) => keeps(a, s) && keeps(b, s),
        Expr::Or(a, b) => keeps(a, s) || keeps(b, s),
        Expr::Not(a) => !keeps(a, s),
        Expr::UnixName { peer, pattern } => {
            let name = if *peer {
                ""
            } else {
                s.path.as_deref().unwrap_or("")
            };
            name_matches(pattern, name)
        }
        Expr::PortCmp { ge, .. } => *ge,
        Expr::Autobound => s.path.as_deref().is_none_or(|p| {
            p.len() == 6
                && p.starts_with('@')
                && p[1..]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }),
        Expr::State(set) => set.contains(s.state),
        // TCP and UDP conditions never reach a Unix listing
        Expr::Host { .. } => false,
    }
}

/// fnmatch(3) with FNM_CASEFOLD; a name or pattern with a NUL matches nothing.
fn name_matches(pattern: &str, name: &str) -> bool {
    let (Ok(p), Ok(n)) = (
        std::ffi::CString::new(pattern),
        std::ffi::CString::new(name),
    ) else {
        return false;
    };
    crate::sys::dir::fnmatch_casefold(&p, &n)
}

/// struct unix_diag_msg: family, type, state, pad, ino, cookie; then attributes.
fn parse(p: &[u8]) -> Option<UnixSocket> {
    if p.len() < 16 || i32::from(p[0]) != libc::AF_UNIX {
        return None;
    }
    let kind = match i32::from(p[1]) {
        libc::SOCK_STREAM => "stream",
        libc::SOCK_DGRAM => "dgram",
        libc::SOCK_SEQPACKET => "seqpacket",
        _ => "other",
    };
    let mut s = UnixSocket {
        kind,
        state: p[2],
        path: None,
        inode: u64::from(u32_at(p, 4)),
        peer_inode: None,
        peer_path: None,
        recv_q: 0,
        send_q: 0,
        uid: None,
        cookie: u64::from(u32_at(p, 8)) | u64::from(u32_at(p, 12)) << 32,
    };
    for (kind, value) in attributes(&p[16..]) {
        match kind {
            UNIX_DIAG_NAME if !value.is_empty() => s.path = Some(name(value)),
            UNIX_DIAG_PEER if value.len() >= 4 => {
                s.peer_inode = Some(u64::from(u32_at(value, 0))).filter(|&i| i != 0);
            }
            UNIX_DIAG_RQLEN if value.len() >= 8 => {
                s.recv_q = u32_at(value, 0);
                s.send_q = u32_at(value, 4);
            }
            UNIX_DIAG_UID if value.len() >= 4 => s.uid = Some(u32_at(value, 0)),
            _ => {}
        }
    }
    Some(s)
}

/// A socket's name as ss shows it: a path up to its NUL, or `@` and the abstract name
/// with every NUL shown as `@`.
fn name(b: &[u8]) -> String {
    if b[0] == 0 {
        let shown: Vec<u8> = b.iter().map(|&c| if c == 0 { b'@' } else { c }).collect();
        String::from_utf8_lossy(&shown).into_owned()
    } else {
        let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
        String::from_utf8_lossy(&b[..end]).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_as_ss_matches_them() {
        assert!(name_matches("/run/*", "/run/x.sock"));
        assert!(name_matches("*X.SOCK", "/run/x.sock"));
        assert!(!name_matches("/tmp/*", "/run/x.sock"));
        assert!(name_matches("*", ""));
        assert!(name_matches("@sockkit*", "@sockkit-1"));
    }

    #[test]
    fn names_as_ss_shows_them() {
        assert_eq!(name(b"/run/x.sock\0"), "/run/x.sock");
        assert_eq!(name(b"\0abc\0d"), "@abc@d");
        assert!(parse(&[0u8; 8]).is_none());
    }
}
