//! `sockkit resolve`: the resolver as the C library sees it — getaddrinfo rows, reverse
//! lookups with aliases (gethostbyaddr), services, protocols and this host's name. The
//! answers are the C library's own, the same Python's socket module gives.

use std::ffi::CString;
use std::net::IpAddr;
use std::time::Instant;

use crate::cli::{ResolveArgs, ResolveType, ServiceProto};
use crate::endpoint::{self, Family, Proto, gai_reason, lookup_failure, parse_ip};
use crate::error::{Failure, failed, usage};
use crate::options::Ctx;
use crate::schema::Event;
use crate::schema::resolve::{AddrInfo, Address, Host, Hostname, Protocol, Service};
use crate::sys;
use crate::sys::net::{ProtoKey, host_by_addr, proto_entry};

pub fn run(ctx: &Ctx, args: &ResolveArgs) -> anyhow::Result<()> {
    match Plan::from_args(ctx, args)? {
        Plan::Reverse { text, short } => reverse(ctx, &text, short),
        Plan::Service { text, key, proto } => service_lookup(ctx, &text, key, proto),
        Plan::Protocol { text, key } => protocol_lookup(ctx, &text, key),
        Plan::Hostname { fqdn } => hostname(ctx, fqdn),
        Plan::Forward(q) => forward(ctx, &q),
    }
}

/// Which lookup `resolve` was asked for, its input checked before the resolver is asked.
enum Plan {
    /// `--reverse ADDR`: gethostbyaddr of an address (or of a name's first address).
    Reverse { text: String, short: bool },
    /// `--service NAME|PORT`, for `--proto` or any protocol.
    Service {
        text: String,
        key: ServiceKey,
        proto: Option<Proto>,
    },
    /// `--protocol NAME|NUMBER`.
    Protocol { text: String, key: ProtoWord },
    /// `--hostname`, `--fqdn`.
    Hostname { fqdn: bool },
    /// `NAME [SERVICE]`: getaddrinfo's rows.
    Forward(Query),
}

/// A service looked up by port or by its name (the text itself).
enum ServiceKey {
    Port(u16),
    Name,
}

/// A protocol looked up by number or by its name (the text itself).
enum ProtoWord {
    Number(i32),
    Name,
}

/// A getaddrinfo(3) question and how its answer is shown.
struct Query {
    name: String,
    service: Option<String>,
    hints: dns_lookup::AddrInfoHints,
    short: bool,
    canonical: bool,
}

impl Plan {
    fn from_args(ctx: &Ctx, args: &ResolveArgs) -> Result<Plan, Failure> {
        if let Some(text) = &args.reverse {
            // A name is looked up first; a malformed literal is bad input before that.
            if parse_ip(text).is_none() {
                check_name(text)?;
            }
            return Ok(Plan::Reverse {
                text: text.clone(),
                short: args.short,
            });
        }
        if let Some(text) = &args.service {
            let proto = args.proto.map(|p| match p {
                ServiceProto::Tcp => Proto::Tcp,
                ServiceProto::Udp => Proto::Udp,
            });
            return Ok(Plan::Service {
                text: text.clone(),
                key: service_key(text)?,
                proto,
            });
        }
        if let Some(text) = &args.protocol {
            return Ok(Plan::Protocol {
                text: text.clone(),
                key: proto_word(text)?,
            });
        }
        if args.hostname {
            return Ok(Plan::Hostname { fqdn: args.fqdn });
        }
        let Some(name) = args.name.as_deref() else {
            return Err(usage("resolve", "missing NAME"));
        };
        check_name(name)?;
        check_service(args.service_arg.as_deref())?;
        Ok(Plan::Forward(Query {
            name: name.to_string(),
            service: args.service_arg.clone(),
            hints: hints(ctx, args.socktype, args.canonical),
            short: args.short,
            canonical: args.canonical,
        }))
    }
}

/// `--service TEXT`: a port number (in range) or a name.
fn service_key(text: &str) -> Result<ServiceKey, Failure> {
    if text.is_empty() {
        return Err(usage("service ''", "empty"));
    }
    if text.contains('\0') {
        return Err(usage("service name", "contains NUL"));
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        Ok(ServiceKey::Port(crate::parse::port(text)?))
    } else {
        Ok(ServiceKey::Name)
    }
}

/// `--protocol TEXT`: a number 0-255 or a name.
fn proto_word(text: &str) -> Result<ProtoWord, Failure> {
    if text.is_empty() {
        return Err(usage("protocol ''", "empty"));
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(ProtoWord::Name);
    }
    match text.parse::<u32>() {
        Ok(n) if n <= 255 => Ok(ProtoWord::Number(n as i32)),
        _ => Err(usage(
            format!("protocol number {text}"),
            "out of range 0-255",
        )),
    }
}

/// Time a lookup and report it at `-v`.
fn timed<T>(ctx: &Ctx, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    ctx.out.emit(
        &Event::Lookup {
            lookup: what,
            ms: crate::output::millis(took),
        },
        || {
            format!(
                "{what} took {}",
                crate::output::millis_text(crate::output::millis(took))
            )
        },
    );
    out
}

/// Reject address literals that are malformed (`1.2.3.999`) as bad input, exit 2.
/// Numeric forms the C library takes (`127.1`, `0x7f.1`) pass.
fn check_name(name: &str) -> Result<(), Failure> {
    if name.is_empty() {
        return Err(usage("name ''", "empty"));
    }
    let looks_v4 = !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if looks_v4 && !c_inet_aton(name) {
        return Err(usage(
            format!("address '{name}'"),
            "not a valid IPv4 address",
        ));
    }
    if name.contains(':') && parse_ip(name).is_none() {
        return Err(usage(
            format!("address '{name}'"),
            "not a valid IPv6 address",
        ));
    }
    if name.contains('\0') || name.len() > 253 {
        return Err(usage(
            format!("name '{}'", name.escape_default()),
            "not a valid host name",
        ));
    }
    Ok(())
}

fn c_inet_aton(text: &str) -> bool {
    CString::new(text).is_ok_and(|c| sys::net::inet_aton(&c).is_some())
}

fn forward(ctx: &Ctx, q: &Query) -> anyhow::Result<()> {
    let rows = addr_info(ctx, &q.name, q.service.as_deref(), q.hints)?;
    if q.short {
        addresses(ctx, &rows)
    } else {
        rows_table(ctx, &rows, q.canonical)
    }
}

/// getaddrinfo takes a numeric service modulo 65536 (70000 becomes 4464): a port out of
/// range is bad input here as everywhere else.
fn check_service(service: Option<&str>) -> Result<(), Failure> {
    if let Some(service) = service
        && !service.is_empty()
        && service.bytes().all(|b| b.is_ascii_digit())
        && service.parse::<u32>().is_ok()
    {
        crate::parse::port(service)?;
    }
    Ok(())
}

fn hints(ctx: &Ctx, socktype: Option<ResolveType>, canonical: bool) -> dns_lookup::AddrInfoHints {
    let family = match ctx.family {
        Family::Any => libc::AF_UNSPEC,
        Family::V4 => libc::AF_INET,
        Family::V6 => libc::AF_INET6,
    };
    let socktype = match socktype {
        None => 0,
        Some(ResolveType::Stream) => libc::SOCK_STREAM,
        Some(ResolveType::Dgram) => libc::SOCK_DGRAM,
        Some(ResolveType::Raw) => libc::SOCK_RAW,
    };
    dns_lookup::AddrInfoHints {
        socktype,
        protocol: 0,
        address: family,
        flags: if canonical { libc::AI_CANONNAME } else { 0 },
    }
}

/// getaddrinfo(3)'s rows for `name` (and `service`), timed at `-v`.
fn addr_info(
    ctx: &Ctx,
    name: &str,
    service: Option<&str>,
    hints: dns_lookup::AddrInfoHints,
) -> anyhow::Result<Vec<dns_lookup::AddrInfo>> {
    let what = match service {
        Some(s) => format!("getaddrinfo({name}, {s})"),
        None => format!("getaddrinfo({name})"),
    };
    let rows = timed(ctx, &what, || {
        dns_lookup::getaddrinfo(Some(name), service, Some(hints))
    });
    match rows {
        Ok(iter) => Ok(iter
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| failed(name, e))?),
        Err(e) if matches!(e.kind(), dns_lookup::LookupErrorKind::Service) => {
            let s = service.unwrap_or_default();
            // The resolver's words ("Servname not supported for ai_socktype") stay as the reason.
            let why = format!("unknown service ({})", gai_reason(&e));
            Err(failed(format!("service '{s}'"), why).into())
        }
        Err(e) => Err(lookup_failure(name, &e).into()),
    }
}

/// `--short`: each address once, in the resolver's order.
fn addresses(ctx: &Ctx, rows: &[dns_lookup::AddrInfo]) -> anyhow::Result<()> {
    let mut seen: Vec<IpAddr> = Vec::new();
    for r in rows {
        let ip = r.sockaddr.ip();
        if !seen.contains(&ip) {
            seen.push(ip);
            ctx.out.record(
                || ip.to_string(),
                || Address {
                    address: ip.to_string(),
                },
            )?;
        }
    }
    Ok(())
}

/// Every row: family, type, protocol, address, port (and the canonical name).
fn rows_table(ctx: &Ctx, rows: &[dns_lookup::AddrInfo], canonical: bool) -> anyhow::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.sockaddr.ip().to_string().len())
        .max()
        .unwrap_or(0);
    for r in rows {
        let fam = match r.address {
            libc::AF_INET => "inet",
            libc::AF_INET6 => "inet6",
            _ => "other",
        };
        let ty = socktype_name(r.socktype);
        let proto = proto_name(r.protocol);
        let ip = r.sockaddr.ip().to_string();
        let port = r.sockaddr.port();
        let canon = r.canonname.clone();
        ctx.out.record(
            || {
                let mut line = format!("{fam:<5}  {ty:<6}  {proto:<4}  {ip:<width$}  {port}");
                if canonical {
                    line.push_str("  ");
                    line.push_str(canon.as_deref().unwrap_or("-"));
                }
                line
            },
            || AddrInfo {
                family: fam,
                kind: ty,
                protocol: &proto,
                address: &ip,
                port,
                canonname: canon.as_deref(),
            },
        )?;
    }
    Ok(())
}

fn socktype_name(t: libc::c_int) -> &'static str {
    match t {
        libc::SOCK_STREAM => "stream",
        libc::SOCK_DGRAM => "dgram",
        libc::SOCK_RAW => "raw",
        libc::SOCK_SEQPACKET => "seqpacket",
        _ => "other",
    }
}

fn proto_name(p: libc::c_int) -> String {
    match p {
        0 => "ip".into(),
        libc::IPPROTO_TCP => "tcp".into(),
        libc::IPPROTO_UDP => "udp".into(),
        n => proto_entry(ProtoKey::Number(n)).map_or_else(|| n.to_string(), |e| e.name),
    }
}

/// The address of a name or literal, as Python does before gethostbyaddr.
fn address_of(ctx: &Ctx, text: &str) -> Result<IpAddr, Failure> {
    if let Some((ip, _)) = parse_ip(text) {
        return Ok(ip);
    }
    check_name(text)?;
    let hints = dns_lookup::AddrInfoHints {
        socktype: libc::SOCK_STREAM,
        protocol: 0,
        address: match ctx.family {
            Family::V4 => libc::AF_INET,
            Family::V6 => libc::AF_INET6,
            Family::Any => libc::AF_UNSPEC,
        },
        flags: 0,
    };
    let mut rows = dns_lookup::getaddrinfo(Some(text), None, Some(hints))
        .map_err(|e| lookup_failure(text, &e))?;
    match rows.next() {
        Some(Ok(ai)) => Ok(ai.sockaddr.ip()),
        _ => Err(failed(text, "no such host")),
    }
}

fn reverse(ctx: &Ctx, text: &str, short: bool) -> anyhow::Result<()> {
    let ip = address_of(ctx, text)?;
    let ent = timed(ctx, &format!("gethostbyaddr({ip})"), || host_by_addr(ip))
        .map_err(|why| failed(text, format!("no such host ({why})")))?;
    ctx.out.record(
        || {
            if short {
                ent.name.clone()
            } else {
                let mut words = vec![ip.to_string(), ent.name.clone()];
                words.extend(ent.aliases.iter().cloned());
                words.join(" ")
            }
        },
        || Host {
            address: ip.to_string(),
            name: &ent.name,
            aliases: &ent.aliases,
            addresses: ent.addresses.iter().map(|a| a.to_string()).collect(),
        },
    )
}

fn service_lookup(
    ctx: &Ctx,
    text: &str,
    key: ServiceKey,
    proto: Option<Proto>,
) -> anyhow::Result<()> {
    let ent = match key {
        ServiceKey::Port(port) => timed(ctx, &format!("getservbyport({port})"), || {
            endpoint::service_by_port(port, proto)
        }),
        ServiceKey::Name => timed(ctx, &format!("getservbyname({text})"), || {
            endpoint::service_by_name(text, proto)
        }),
    };
    let Some(ent) = ent else {
        let for_proto = proto.map_or(String::new(), |p| format!(" for {}", p.name()));
        return Err(failed(format!("service '{text}'"), format!("not found{for_proto}")).into());
    };
    ctx.out.record(
        || {
            let mut line = format!("{} {}/{}", ent.name, ent.port, ent.proto);
            for a in &ent.aliases {
                line.push(' ');
                line.push_str(a);
            }
            line
        },
        || Service {
            name: &ent.name,
            port: ent.port,
            proto: &ent.proto,
            aliases: &ent.aliases,
        },
    )
}

fn protocol_lookup(ctx: &Ctx, text: &str, word: ProtoWord) -> anyhow::Result<()> {
    let key = match word {
        ProtoWord::Number(n) => ProtoKey::Number(n),
        ProtoWord::Name => ProtoKey::Name(text),
    };
    let ent = timed(ctx, &format!("getprotoby*({text})"), || proto_entry(key))
        .ok_or_else(|| failed(format!("protocol '{text}'"), "not found"))?;
    ctx.out.record(
        || {
            let mut line = format!("{} {}", ent.name, ent.number);
            for a in &ent.aliases {
                line.push(' ');
                line.push_str(a);
            }
            line
        },
        || Protocol {
            name: &ent.name,
            number: ent.number,
            aliases: &ent.aliases,
        },
    )
}

fn gethostname() -> Result<String, Failure> {
    sys::net::gethostname().map_err(|e| crate::error::io_failed("gethostname", &e))
}

/// Python's socket.getfqdn(): the first name with a dot among the reverse entry of this
/// host's address, else the entry's name, else the plain host name.
fn fqdn(ctx: &Ctx, host: &str) -> String {
    let Ok(ip) = address_of(ctx, host) else {
        return host.to_string();
    };
    match host_by_addr(ip) {
        Ok(ent) => std::iter::once(&ent.name)
            .chain(ent.aliases.iter())
            .find(|n| n.contains('.'))
            .unwrap_or(&ent.name)
            .clone(),
        Err(_) => host.to_string(),
    }
}

fn hostname(ctx: &Ctx, want_fqdn: bool) -> anyhow::Result<()> {
    let host = timed(ctx, "gethostname()", gethostname)?;
    let name = if want_fqdn {
        timed(ctx, "getfqdn()", || fqdn(ctx, &host))
    } else {
        host.clone()
    };
    ctx.out.record(
        || name.clone(),
        || Hostname {
            hostname: &host,
            name: &name,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `resolve ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("resolve")
            .chain(argv.iter().copied())
            .collect();
        let (ctx, command) = crate::cmd::parsed(&argv);
        let Command::Resolve(args) = command else {
            unreachable!("parsed as resolve")
        };
        Plan::from_args(&ctx, &args)
    }

    #[test]
    fn plan_holds_the_checked_question() {
        let Ok(Plan::Forward(q)) = plan(&["--canonical", "--type", "dgram", "localhost", "53"])
        else {
            panic!("a forward lookup")
        };
        assert_eq!(
            (q.name.as_str(), q.service.as_deref()),
            ("localhost", Some("53"))
        );
        assert_eq!(q.hints.socktype, libc::SOCK_DGRAM);
        assert_eq!(q.hints.flags, libc::AI_CANONNAME);
        assert!(matches!(
            plan(&["--service", "80", "--proto", "udp"]),
            Ok(Plan::Service {
                key: ServiceKey::Port(80),
                proto: Some(Proto::Udp),
                ..
            })
        ));
        assert!(matches!(
            plan(&["--protocol", "17"]),
            Ok(Plan::Protocol {
                key: ProtoWord::Number(17),
                ..
            })
        ));
    }

    #[test]
    fn bad_input_is_refused_before_the_resolver_is_asked() {
        for (argv, names) in [
            (&["1.2.3.999"][..], "address '1.2.3.999'"),
            (&["localhost", "70000"], "70000"),
            (&["--reverse", "1.2.3.999"], "address '1.2.3.999'"),
            (&["--service", "70000"], "70000"),
            (&["--service", ""], "service ''"),
            (&["--protocol", "256"], "protocol number 256"),
            (&["--protocol", ""], "protocol ''"),
        ] {
            match plan(argv) {
                Ok(_) => panic!("{argv:?} was accepted"),
                Err(f) => {
                    assert_eq!(f.code, 2, "{argv:?}: {}", f.message);
                    assert!(f.message.contains(names), "{argv:?}: {}", f.message);
                }
            }
        }
    }
}
