//! Endpoints as users write them — `HOST PORT`, `HOST:PORT`, `[v6addr]:PORT`, a port
//! or service name, `--unix PATH` or `@abstract` — and their resolution to addresses.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6};

use socket2::SockAddr;

use crate::error::{Failure, failed, usage};

/// Which address families a command may use (`-4`, `-6`, or both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Family {
    #[default]
    Any,
    V4,
    V6,
}

impl Family {
    pub fn allows(self, addr: &IpAddr) -> bool {
        match self {
            Family::Any => true,
            Family::V4 => addr.is_ipv4(),
            Family::V6 => addr.is_ipv6(),
        }
    }

    fn ai_family(self) -> libc::c_int {
        match self {
            Family::Any => libc::AF_UNSPEC,
            Family::V4 => libc::AF_INET,
            Family::V6 => libc::AF_INET6,
        }
    }
}

/// The transport a port or name is looked up for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    Tcp,
    Udp,
}

impl Proto {
    pub fn name(self) -> &'static str {
        match self {
            Proto::Tcp => "tcp",
            Proto::Udp => "udp",
        }
    }

    fn socktype(self) -> libc::c_int {
        match self {
            Proto::Tcp => libc::SOCK_STREAM,
            Proto::Udp => libc::SOCK_DGRAM,
        }
    }
}

/// A host and port as written, not yet resolved. `host` is `None` for "all addresses".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    pub host: Option<String>,
    pub port: u16,
}

impl HostPort {
    /// From the positional words of a command: `HOST PORT`, `HOST:PORT`, `[v6]:PORT`, and
    /// when `host_optional` (servers) a lone `PORT`. Returns the endpoint and the words left.
    pub fn from_words(
        words: &[String],
        proto: Proto,
        host_optional: bool,
    ) -> Result<(HostPort, &[String]), Failure> {
        let Some(first) = words.first() else {
            let wanted = if host_optional {
                "[ADDR] PORT"
            } else {
                "HOST PORT"
            };
            return Err(usage("endpoint", format!("missing {wanted}")));
        };
        if let Some((host, port)) = split_joined(first) {
            let host = validate_host(host)?;
            return Ok((
                HostPort {
                    host: Some(host),
                    port: port_for(port, proto, host_optional)?,
                },
                &words[1..],
            ));
        }
        match words.get(1) {
            Some(port) => Ok((
                HostPort {
                    host: Some(validate_host(first)?),
                    // `::1:5000 hello`: the port went with the address, not the next word.
                    port: port_for(port, proto, host_optional).map_err(|e| {
                        let joined = first.rsplit_once(':').is_some_and(|(h, t)| {
                            parse_ip(h).is_some() && parse_port(t, proto).is_ok()
                        });
                        if joined { colons(first) } else { e }
                    })?,
                },
                &words[2..],
            )),
            None if first.contains(':') => Err(colons(first)),
            None if host_optional => Ok((
                HostPort {
                    host: None,
                    port: parse_port(first, proto)?,
                },
                &words[1..],
            )),
            None => Err(usage(
                format!("endpoint '{first}'"),
                "missing PORT (use HOST PORT or HOST:PORT)",
            )),
        }
    }
}

/// Port 0 means "any free port": a server may bind it, a client cannot send to it (exit 2).
fn port_for(text: &str, proto: Proto, server: bool) -> Result<u16, Failure> {
    let port = parse_port(text, proto)?;
    if port == 0 && !server {
        return Err(usage(
            "port 0",
            "not a destination (0 asks for any free port, which only a listener or --source-port takes)",
        ));
    }
    Ok(port)
}

/// One word with colons that is no `HOST:PORT`: an IPv6 address with its port unbracketed
/// (`::1:4000`), or one colon too many (`127.0.0.1:4000:5`).
fn colons(word: &str) -> Failure {
    if word.starts_with('[') {
        return usage(format!("endpoint '{word}'"), "missing PORT")
            .with_hint(format!("write {word}:PORT or '{word} PORT'"));
    }
    let (head, tail) = word.rsplit_once(':').unwrap_or((word, ""));
    let port_like = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit());
    let v6 = |t: &str| matches!(parse_ip(t), Some((IpAddr::V6(_), _)));
    if port_like && v6(head) {
        return usage(
            format!("endpoint '{word}'"),
            "an IPv6 address with a port needs brackets",
        )
        .with_hint(format!("write [{head}]:{tail} (or '{head} {tail}')"));
    }
    if v6(word) {
        return usage(format!("endpoint '{word}'"), "missing PORT")
            .with_hint(format!("write [{word}]:PORT or '{word} PORT'"));
    }
    usage(
        format!("endpoint '{word}'"),
        "more than one ':' (HOST:PORT takes one)",
    )
    .with_hint("an IPv6 address goes in brackets: [::1]:4000")
}

/// `HOST:PORT` or `[v6]:PORT` in one word; an IPv6 literal without brackets is not split.
fn split_joined(word: &str) -> Option<(&str, &str)> {
    if let Some(rest) = word.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return Some((host, after.strip_prefix(':')?));
    }
    let (host, port) = word.rsplit_once(':')?;
    if host.contains(':') || host.is_empty() {
        return None;
    }
    Some((host, port))
}

/// A port number or a service name (`http`), looked up for `proto`.
pub fn parse_port(text: &str, proto: Proto) -> Result<u16, Failure> {
    let t = text.trim();
    if t.is_empty() {
        return Err(usage("port", "empty"));
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return crate::parse::port(t);
    }
    service_port(t, proto).ok_or_else(|| {
        usage(
            format!("port '{t}'"),
            format!("not a number and not a {} service name", proto.name()),
        )
    })
}

pub use crate::sys::net::Service;

/// getservbyname(3): a service by name, for `proto` or (None) the first protocol listed.
pub fn service_by_name(name: &str, proto: Option<Proto>) -> Option<Service> {
    crate::sys::net::service_by_name(name, proto.map(Proto::name))
}

/// getservbyport(3): a service by port, for `proto` or (None) the first protocol listed.
pub fn service_by_port(port: u16, proto: Option<Proto>) -> Option<Service> {
    crate::sys::net::service_by_port(port, proto.map(Proto::name))
}

/// The port of a service name for a protocol (`http` -> 80).
pub fn service_port(name: &str, proto: Proto) -> Option<u16> {
    service_by_name(name, Some(proto)).map(|s| s.port)
}

/// The name of a port for a protocol (80 -> `http`).
pub fn service_name(port: u16, proto: Proto) -> Option<String> {
    service_by_port(port, Some(proto)).map(|s| s.name)
}

/// Port -> name for `proto`, the whole database read once (setservent/getservent): for
/// a command that names thousands of ports, where a lookup each would re-read the file.
/// The first entry for a port wins, as getservbyport(3) answers.
pub fn service_names(proto: Proto) -> std::collections::HashMap<u16, String> {
    crate::sys::net::service_names(proto.name())
}

/// Check a host as written: an address literal must be well formed (exit 2 if not); a
/// name is left for the resolver.
pub fn validate_host(host: &str) -> Result<String, Failure> {
    let h = host.trim();
    if h.is_empty() {
        return Err(usage("host", "empty"));
    }
    // `[::1]` as its own word (`connect '[::1]' 22`) is the address in brackets.
    let h = h
        .strip_prefix('[')
        .and_then(|inner| inner.strip_suffix(']'))
        .unwrap_or(h);
    if h.contains(':') {
        if parse_ip(h).is_some() {
            return Ok(h.to_string());
        }
        // A valid address with a scope that names no interface here says so.
        if let Some((addr, scope)) = h.split_once('%')
            && addr.parse::<Ipv6Addr>().is_ok()
        {
            return Err(usage(
                format!("address '{h}'"),
                format!("no network interface '{scope}' on this host"),
            ));
        }
        Err(usage(format!("address '{h}'"), "not a valid IPv6 address"))
    } else if h.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        h.parse::<Ipv4Addr>()
            .map(|_| h.to_string())
            .map_err(|_| usage(format!("address '{h}'"), "not a valid IPv4 address"))
    } else if h.len() > 253 || h.bytes().any(|b| b.is_ascii_whitespace() || b == 0) {
        Err(usage(format!("host '{h}'"), "not a valid host name"))
    } else {
        Ok(h.to_string())
    }
}

/// An IP literal, with an optional IPv6 `%scope` (interface name or number).
pub fn parse_ip(text: &str) -> Option<(IpAddr, u32)> {
    let (addr, scope) = match text.split_once('%') {
        Some((a, s)) => (a, Some(s)),
        None => (text, None),
    };
    let ip: IpAddr = addr.parse().ok()?;
    let scope_id = match (scope, ip) {
        (None, _) => 0,
        (Some(_), IpAddr::V4(_)) => return None,
        (Some(s), IpAddr::V6(_)) => match s.parse::<u32>() {
            Ok(n) => n,
            Err(_) => crate::sys::net::if_nametoindex(s)?,
        },
    };
    Some((ip, scope_id))
}

fn socket_addr(ip: IpAddr, scope: u32, port: u16) -> SocketAddr {
    match ip {
        IpAddr::V4(v4) => SocketAddr::new(IpAddr::V4(v4), port),
        IpAddr::V6(v6) => SocketAddr::V6(SocketAddrV6::new(v6, port, 0, scope)),
    }
}

/// Resolve to socket addresses in getaddrinfo order, without duplicates. A literal is used
/// as it is; a name goes through getaddrinfo, and failure is exit 1 with the resolver's
/// reason. `host: None` means all addresses: `[::]` (dual-stack) or `0.0.0.0` under `-4`.
pub fn resolve(
    host: Option<&str>,
    port: u16,
    family: Family,
    proto: Proto,
) -> Result<Vec<SocketAddr>, Failure> {
    let Some(host) = host else {
        let any = match family {
            Family::V4 => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            _ => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        };
        return Ok(vec![SocketAddr::new(any, port)]);
    };
    if let Some((ip, scope)) = parse_ip(host) {
        if !family.allows(&ip) {
            let want = if family == Family::V4 { "-4" } else { "-6" };
            return Err(usage(
                format!("address {host}"),
                format!("is not of the family {want} asks for"),
            ));
        }
        return Ok(vec![socket_addr(ip, scope, port)]);
    }
    let hints = dns_lookup::AddrInfoHints {
        socktype: proto.socktype(),
        protocol: 0,
        address: family.ai_family(),
        flags: libc::AI_ADDRCONFIG,
    };
    let found = dns_lookup::getaddrinfo(Some(host), None, Some(hints))
        .map_err(|e| lookup_failure(host, &e))?;
    let mut addrs: Vec<SocketAddr> = Vec::new();
    for ai in found {
        let Ok(ai) = ai else { continue };
        let mut sa = ai.sockaddr;
        sa.set_port(port);
        if !addrs.contains(&sa) {
            addrs.push(sa);
        }
    }
    if addrs.is_empty() {
        return Err(failed(
            host,
            "no such host (no addresses of the family asked for)",
        ));
    }
    Ok(addrs)
}

/// A getaddrinfo failure as `HOST: no such host (Name or service not known)`.
pub fn lookup_failure(host: &str, e: &dns_lookup::LookupError) -> Failure {
    let text = gai_reason(e);
    match e.kind() {
        dns_lookup::LookupErrorKind::NoName | dns_lookup::LookupErrorKind::NoData => {
            failed(host, format!("no such host ({text})"))
        }
        _ => failed(host, text),
    }
}

/// The resolver's own words for an error (gai_strerror), as Python's socket.gaierror shows.
pub fn gai_reason(e: &dns_lookup::LookupError) -> String {
    let code = e.error_num();
    if code == libc::EAI_SYSTEM {
        return crate::error::reason(&std::io::Error::last_os_error());
    }
    crate::sys::net::gai_strerror(code)
}

/// An AF_UNIX address: a path, or `@name` in the Linux abstract namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnixPath {
    pub text: String,
}

impl UnixPath {
    pub fn parse(text: &str) -> Result<UnixPath, Failure> {
        if text.is_empty() {
            return Err(usage("unix socket path", "empty"));
        }
        if text.contains('\0') {
            return Err(usage(format!("unix socket path '{text}'"), "contains NUL"));
        }
        // sun_path is 108 bytes: 107 and a NUL for a path, 107 after the leading NUL for @name.
        if text.len() > 107 {
            return Err(usage(
                format!("unix socket path '{text}'"),
                "longer than 107 bytes",
            ));
        }
        Ok(UnixPath {
            text: text.to_string(),
        })
    }

    pub fn is_abstract(&self) -> bool {
        self.text.starts_with('@')
    }

    pub fn sockaddr(&self) -> Result<SockAddr, Failure> {
        let path: std::borrow::Cow<str> = match self.text.strip_prefix('@') {
            Some(name) => format!("\0{name}").into(),
            None => self.text.as_str().into(),
        };
        SockAddr::unix(path.as_ref())
            .map_err(|e| usage(format!("unix socket path '{}'", self.text), e))
    }
}

/// Show a socket address as users write it: `127.0.0.1:80`, `[::1]:80`, a path or `@name`.
pub fn show(addr: &SockAddr) -> String {
    if let Some(sa) = addr.as_socket() {
        return sa.to_string();
    }
    // A Unix peer names itself: escaped, so no peer can forge a line of output.
    if let Some(path) = addr.as_pathname() {
        return crate::text::escape_control(&path.display().to_string()).into_owned();
    }
    if let Some(name) = addr.as_abstract_namespace() {
        let name = format!("@{}", String::from_utf8_lossy(name));
        return crate::text::escape_control(&name).into_owned();
    }
    // An unbound Unix socket (a datagram sender that never called bind) has no name:
    // the kernel hands back the address family alone, or (recvmmsg) no address at all.
    if addr.is_unnamed() || addr.family() == libc::AF_UNIX as libc::sa_family_t || addr.len() == 0 {
        return "(unnamed)".to_string();
    }
    "(unknown address)".to_string()
}

/// A peer as users read it: IPv4 peers of a dual-stack socket show as IPv4
/// (`127.0.0.1:5000`, not `[::ffff:127.0.0.1]:5000`); anything else as [`show`] does.
pub fn show_peer(addr: &SockAddr) -> String {
    match addr.as_socket() {
        Some(SocketAddr::V6(v6)) => match v6.ip().to_ipv4_mapped() {
            Some(v4) => SocketAddr::new(v4.into(), v6.port()).to_string(),
            None => v6.to_string(),
        },
        _ => show(addr),
    }
}

/// `ADDR[/PREFIX]` as `--allow`, `--deny`, `--src` and `--dst` take it: a bare address is
/// a host route (/32 or /128). IPv4-mapped IPv6 peers (`::ffff:10.0.0.1`, as a dual-stack
/// listener sees IPv4 clients) match IPv4 prefixes.
///
/// An IPv6 address may carry a `%scope` (`fe80::1%eth0`, `fe80::%2/64`), as everywhere an
/// address is written; the interface must exist, but a prefix is a range of addresses,
/// so the scope does not narrow what it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix(pub ipnet::IpNet);

impl Prefix {
    pub fn parse(text: &str) -> Result<Prefix, Failure> {
        let t = text.trim();
        let bad = |why: &str| usage(format!("address prefix '{text}'"), why);
        let (addr, len) = match t.split_once('/') {
            Some((a, l)) => (a, Some(l)),
            None => (t, None),
        };
        let addr = addr
            .strip_prefix('[')
            .and_then(|a| a.strip_suffix(']'))
            .unwrap_or(addr);
        let ip = match parse_ip(addr) {
            Some((ip, _scope)) => ip,
            None => match addr.split_once('%') {
                Some((a, scope)) if a.parse::<Ipv6Addr>().is_ok() => {
                    return Err(bad(&format!("no interface '{scope}' for the scope")));
                }
                _ => return Err(bad("not an IPv4 or IPv6 address")),
            },
        };
        let max = if ip.is_ipv4() { 32 } else { 128 };
        let len = match len {
            None => max,
            Some(l) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => {
                match l.parse::<u8>() {
                    Ok(n) if n <= max => n,
                    _ => return Err(bad(&format!("prefix length must be 0-{max}"))),
                }
            }
            Some(_) => return Err(bad("prefix length is not a number")),
        };
        // An IPv4-mapped prefix (::ffff:10.0.0.0/104) means the IPv4 one (10.0.0.0/8).
        let (ip, len) = match ip {
            IpAddr::V6(v6) if len >= 96 && v6.to_ipv4_mapped().is_some() => {
                (ip.to_canonical(), len - 96)
            }
            _ => (ip, len),
        };
        let net = ipnet::IpNet::new(ip, len).map_err(|_| bad("invalid prefix length"))?;
        Ok(Prefix(net.trunc()))
    }

    pub fn contains(&self, ip: &IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(_) => ip.to_canonical(),
            v4 => *v4,
        };
        self.0.contains(&ip)
    }
}

impl std::fmt::Display for Prefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn endpoint_forms() {
        let hp = |w: &[&str], opt| {
            HostPort::from_words(&words(w), Proto::Tcp, opt).map(|(hp, rest)| (hp, rest.len()))
        };
        let (e, _) = hp(&["127.0.0.1", "80"], false).unwrap();
        assert_eq!(e.host.as_deref(), Some("127.0.0.1"));
        assert_eq!(e.port, 80);
        let (e, _) = hp(&["127.0.0.1:8080"], false).unwrap();
        assert_eq!(e.port, 8080);
        let (e, _) = hp(&["[::1]:22"], false).unwrap();
        assert_eq!(e.host.as_deref(), Some("::1"));
        let (e, _) = hp(&["::1", "22"], false).unwrap();
        assert_eq!(e.host.as_deref(), Some("::1"));
        let (e, _) = hp(&["[::1]", "22"], false).unwrap();
        assert_eq!(e.host.as_deref(), Some("::1"));
        let scope = hp(&["fe80::1%nosuchif0", "80"], false).unwrap_err();
        assert!(
            scope.message.contains("no network interface 'nosuchif0'"),
            "{}",
            scope.message
        );
        let (e, _) = hp(&["4000"], true).unwrap();
        assert_eq!(e.host, None);
        let (e, rest) = hp(&["localhost:http", "msg"], false).unwrap();
        assert_eq!((e.port, rest), (80, 1));
        for bad in [
            &["1.2.3.999", "80"][..],
            &["127.0.0.1", "70000"],
            &["127.0.0.1"],
            &["::zz", "1"],
            &["[::1]22"],
            &["host", "nosuchservice"],
            &["127.0.0.1", "0"],
            &["127.0.0.1:0"],
        ] {
            let e = hp(bad, false).unwrap_err();
            assert_eq!(e.code, 2, "{bad:?}");
        }
        for opt in [false, true] {
            let e = hp(&["::1:4000"], opt).unwrap_err();
            assert!(e.hint.unwrap().contains("[::1]:4000"));
            let e = hp(&["127.0.0.1:4000:5"], opt).unwrap_err();
            assert!(e.message.contains("more than one ':'"), "{}", e.message);
            assert!(e.hint.unwrap().contains("[::1]:4000"));
        }
    }

    #[test]
    fn prefixes() {
        let p = Prefix::parse("10.0.0.0/8").unwrap();
        assert!(p.contains(&"10.1.2.3".parse().unwrap()));
        assert!(p.contains(&"::ffff:10.1.2.3".parse().unwrap()));
        assert!(!p.contains(&"11.0.0.1".parse().unwrap()));
        assert_eq!(
            Prefix::parse("10.1.2.3/8").unwrap().to_string(),
            "10.0.0.0/8"
        );
        assert!(
            Prefix::parse("127.0.0.1")
                .unwrap()
                .contains(&"127.0.0.1".parse().unwrap())
        );
        assert!(
            Prefix::parse("[::1]/128")
                .unwrap()
                .contains(&"::1".parse().unwrap())
        );
        // A scope is checked, and the address matched as it is.
        let p = Prefix::parse("fe80::1%lo").unwrap();
        assert!(p.contains(&"fe80::1".parse().unwrap()));
        assert_eq!(
            Prefix::parse("fe80::%1/64").unwrap().to_string(),
            "fe80::/64"
        );
        assert_eq!(
            Prefix::parse("[fe80::1%1]/10").unwrap().to_string(),
            "fe80::/10"
        );
        for bad in [
            "fe80::1%nosuchinterface0",
            "10.0.0.1%lo",
            "fe80::1%",
            "",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.0/",
            "10.0.0.0/x",
            "1.2.3.999",
            "host/8",
        ] {
            assert_eq!(Prefix::parse(bad).unwrap_err().code, 2, "{bad}");
        }
    }

    #[test]
    fn services_both_ways_and_the_whole_table_agree() {
        assert_eq!(service_port("http", Proto::Tcp), Some(80));
        assert_eq!(service_name(80, Proto::Tcp).as_deref(), Some("http"));
        assert_eq!(service_port("nosuchservice", Proto::Tcp), None);
        let any = service_by_name("domain", None).unwrap();
        assert_eq!(any.port, 53);
        let udp = service_by_port(53, Some(Proto::Udp)).unwrap();
        assert_eq!((udp.name.as_str(), udp.proto.as_str()), ("domain", "udp"));
        let table = service_names(Proto::Tcp);
        assert!(table.len() > 10, "{table:?}");
        // The table says what getservbyport says, port by port, from several threads at
        // once (the lock keeps them off each other's entries).
        let ports: Vec<(&u16, &String)> = table.iter().collect();
        std::thread::scope(|s| {
            for chunk in ports.chunks(ports.len().div_ceil(4)) {
                s.spawn(move || {
                    for (port, name) in chunk {
                        assert_eq!(service_name(**port, Proto::Tcp).as_ref(), Some(*name));
                    }
                });
            }
        });
    }

    #[test]
    fn mapped_peers_show_as_ipv4() {
        let sa: SocketAddr = "[::ffff:127.0.0.1]:5000".parse().unwrap();
        assert_eq!(show_peer(&SockAddr::from(sa)), "127.0.0.1:5000");
        let sa: SocketAddr = "[::1]:5000".parse().unwrap();
        assert_eq!(show_peer(&SockAddr::from(sa)), "[::1]:5000");
    }

    #[test]
    fn unix_paths() {
        assert!(UnixPath::parse("@x").unwrap().is_abstract());
        assert!(UnixPath::parse(&"a".repeat(200)).is_err());
        let sa = UnixPath::parse("@sockkit-test")
            .unwrap()
            .sockaddr()
            .unwrap();
        assert_eq!(show(&sa), "@sockkit-test");
    }
}
