//! The hosts of `connect -z`: one HOST word (a name, an address or a CIDR block), or the
//! lines of `--targets FILE`. A block is expanded as it is scanned, address by address,
//! so a /16 costs no memory.

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use crate::endpoint::{self, Prefix, Proto};
use crate::error::{Failure, failed, usage};
use crate::options::Ctx;

/// The most hosts one scan takes: an IPv4 /8.
pub const MAX_HOSTS: u64 = 1 << 24;
/// The largest `--targets` file read.
const MAX_FILE: u64 = 16 << 20;

/// Where the hosts came from.
enum Part {
    /// A name or an address: the one address scanned (the first getaddrinfo answer).
    One(SocketAddr),
    /// Every address of a CIDR block, network and broadcast addresses included (as nmap).
    Block(ipnet::IpNet),
}

impl Part {
    fn len(&self) -> u64 {
        match self {
            Part::One(_) => 1,
            Part::Block(net) => {
                let bits = match net {
                    ipnet::IpNet::V4(_) => 32,
                    ipnet::IpNet::V6(_) => 128,
                } - u32::from(net.prefix_len());
                if bits >= 64 { u64::MAX } else { 1u64 << bits }
            }
        }
    }

    fn get(&self, i: u64) -> SocketAddr {
        match self {
            Part::One(addr) => *addr,
            Part::Block(ipnet::IpNet::V4(n)) => {
                let ip = Ipv4Addr::from(u32::from(n.network()).wrapping_add(i as u32));
                SocketAddr::new(ip.into(), 0)
            }
            Part::Block(ipnet::IpNet::V6(n)) => {
                let ip = Ipv6Addr::from(u128::from(n.network()).wrapping_add(u128::from(i)));
                SocketAddr::new(ip.into(), 0)
            }
        }
    }

    /// The widest address text of the part, for aligned columns.
    fn width(&self) -> usize {
        let len = self.len();
        if len <= 65536 {
            return (0..len)
                .map(|i| self.get(i).ip().to_string().len())
                .max()
                .unwrap_or(0);
        }
        match self.get(0).ip() {
            IpAddr::V4(_) => 15,
            IpAddr::V6(_) => 39,
        }
    }
}

/// The hosts of a scan, in the order written.
pub struct Hosts {
    parts: Vec<Part>,
    /// The index of each part's first host.
    starts: Vec<u64>,
    count: u64,
    /// How messages name the whole: the HOST word, or `N hosts`.
    pub shown: String,
    /// The widest address text, so the port column lines up across hosts.
    pub width: usize,
}

impl Hosts {
    /// One HOST word: a name or an address (resolution failure is the scan's failure),
    /// or a CIDR block.
    pub fn from_word(ctx: &Ctx, word: &str) -> Result<Hosts, Failure> {
        let part = if word.contains('/') {
            block(ctx, word)?
        } else {
            let host = endpoint::validate_host(word)?;
            one(ctx, &host)?
        };
        let shown = match &part {
            Part::One(addr) => addr.ip().to_string(),
            Part::Block(net) => net.to_string(),
        };
        Hosts::new(vec![part], shown)
    }

    /// `--targets FILE`: one host, address or CIDR block a line; blank lines and `#`
    /// comments are skipped. A name that does not resolve is a warning, and the scan goes
    /// on with the rest.
    pub fn from_file(ctx: &Ctx, path: &str) -> Result<Hosts, Failure> {
        let bad = |why: String| usage(format!("--targets {path}"), why);
        let file = std::fs::File::open(path).map_err(|e| bad(crate::error::reason(&e)))?;
        let mut text = String::new();
        file.take(MAX_FILE + 1)
            .read_to_string(&mut text)
            .map_err(|e| bad(crate::error::reason(&e)))?;
        if text.len() as u64 > MAX_FILE {
            return Err(bad(format!("larger than {} MiB", MAX_FILE >> 20)));
        }
        let mut parts = Vec::new();
        let mut entries = 0;
        for (n, line) in text.lines().enumerate() {
            let entry = line.split('#').next().unwrap_or("").trim();
            if entry.is_empty() {
                continue;
            }
            entries += 1;
            let at_line = |f: Failure| Failure {
                message: format!("--targets {path} line {}: {}", n + 1, f.message),
                ..f
            };
            if entry.contains('/') {
                parts.push(block(ctx, entry).map_err(at_line)?);
                continue;
            }
            let host = endpoint::validate_host(entry).map_err(at_line)?;
            match one(ctx, &host) {
                Ok(p) => parts.push(p),
                Err(f) if f.kind == crate::error::Kind::Failed => {
                    ctx.out.warn(&format!("{}; not scanned", f.message));
                }
                Err(f) => return Err(at_line(f)),
            }
        }
        if entries == 0 {
            return Err(bad("no hosts in the file".into()));
        }
        if parts.is_empty() {
            return Err(failed(
                format!("--targets {path}"),
                "no host could be resolved",
            ));
        }
        let shown = format!("{entries} target{}", if entries == 1 { "" } else { "s" });
        Hosts::new(parts, shown)
    }

    fn new(parts: Vec<Part>, shown: String) -> Result<Hosts, Failure> {
        let mut starts = Vec::with_capacity(parts.len());
        let mut count: u64 = 0;
        for p in &parts {
            starts.push(count);
            count = count.saturating_add(p.len());
        }
        if count > MAX_HOSTS {
            return Err(usage(
                &shown,
                format!("{count} hosts; a scan takes at most {MAX_HOSTS} (an IPv4 /8)"),
            ));
        }
        let width = parts.iter().map(Part::width).max().unwrap_or(0);
        Ok(Hosts {
            parts,
            starts,
            count,
            shown,
            width,
        })
    }

    pub fn len(&self) -> u64 {
        self.count
    }

    /// Host number `i` (0-based, below [`Hosts::len`]), port 0.
    pub fn get(&self, i: u64) -> SocketAddr {
        let p = self.starts.partition_point(|&s| s <= i) - 1;
        self.parts[p].get(i - self.starts[p])
    }

    /// The first address of each name or block: one of each family present (for the
    /// `-s` check).
    pub fn first_addrs(&self) -> impl Iterator<Item = SocketAddr> + '_ {
        self.parts.iter().map(|p| p.get(0))
    }
}

/// A name or address: its first address, `-4`/`-6` respected.
fn one(ctx: &Ctx, host: &str) -> Result<Part, Failure> {
    let addr = *endpoint::resolve(Some(host), 0, ctx.family, Proto::Tcp)?
        .first()
        .ok_or_else(|| failed(host, "no address"))?;
    Ok(Part::One(addr))
}

/// `10.0.0.0/24` (host bits are dropped: `10.0.0.7/24` is the same block).
fn block(ctx: &Ctx, text: &str) -> Result<Part, Failure> {
    let net = Prefix::parse(text)?.0;
    let ip = net.network();
    if !ctx.family.allows(&ip) {
        let want = if ip.is_ipv4() { "-6" } else { "-4" };
        return Err(usage(
            format!("block {text}"),
            format!("is not of the family {want} asks for"),
        ));
    }
    Ok(Part::Block(net))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_expand_in_order() {
        let p = Part::Block("127.0.0.0/28".parse().unwrap());
        assert_eq!(p.len(), 16);
        assert_eq!(p.get(0).ip().to_string(), "127.0.0.0");
        assert_eq!(p.get(15).ip().to_string(), "127.0.0.15");
        assert_eq!(p.width(), 10);
        let p = Part::Block("fd00::/126".parse().unwrap());
        assert_eq!(p.len(), 4);
        assert_eq!(p.get(3).ip().to_string(), "fd00::3");
        assert_eq!(Part::Block("::/0".parse().unwrap()).len(), u64::MAX);
    }

    #[test]
    fn host_numbers_span_the_parts() {
        let h = Hosts::new(
            vec![
                Part::One("10.9.9.9:0".parse().unwrap()),
                Part::Block("10.0.0.0/30".parse().unwrap()),
                Part::One("[::1]:0".parse().unwrap()),
            ],
            "x".into(),
        )
        .unwrap();
        assert_eq!(h.len(), 6);
        let all: Vec<String> = (0..6).map(|i| h.get(i).ip().to_string()).collect();
        assert_eq!(
            all,
            [
                "10.9.9.9", "10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "::1"
            ]
        );
        assert!(Hosts::new(vec![Part::Block("10.0.0.0/7".parse().unwrap())], "x".into()).is_err());
    }
}
