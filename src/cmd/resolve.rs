//! `sockkit resolve`: the resolver as the C library sees it — getaddrinfo rows, reverse
//! lookups with aliases (gethostbyaddr), services, protocols and this host's name. The
//! answers are the C library's own, the same Python's socket module gives.

use std::ffi::{CStr, CString};
use std::net::IpAddr;
use std::time::Instant;

use serde_json::json;

use crate::cli::{ResolveArgs, ResolveType, ServiceProto};
use crate::endpoint::{self, Family, Proto, gai_reason, lookup_failure, parse_ip};
use crate::error::{Failure, failed, usage};
use crate::options::Ctx;

pub fn run(ctx: &Ctx, args: &ResolveArgs) -> anyhow::Result<()> {
    if let Some(addr) = &args.reverse {
        return reverse(ctx, addr, args.short);
    }
    if let Some(service) = &args.service {
        return service_lookup(ctx, service, args.proto);
    }
    if let Some(proto) = &args.protocol {
        return protocol_lookup(ctx, proto);
    }
    if args.hostname {
        return hostname(ctx, args.fqdn);
    }
    let Some(name) = args.name.as_deref() else {
        return Err(usage("resolve", "missing NAME").into());
    };
    forward(ctx, name, args)
}

/// Time a lookup and report it at `-v`.
fn timed<T>(ctx: &Ctx, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    let ms = took.as_secs_f64() * 1000.0;
    ctx.out.event(
        1,
        "lookup",
        || format!("{what} took {ms:.2}ms"),
        json!({"lookup": what, "ms": crate::output::millis(took)}),
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
    unsafe extern "C" {
        fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    }
    let Ok(c) = CString::new(text) else {
        return false;
    };
    let mut a = libc::in_addr { s_addr: 0 };
    // SAFETY: valid C string and in_addr.
    unsafe { inet_aton(c.as_ptr(), &mut a) != 0 }
}

fn forward(ctx: &Ctx, name: &str, args: &ResolveArgs) -> anyhow::Result<()> {
    check_name(name)?;
    // getaddrinfo takes a numeric service modulo 65536 (70000 becomes 4464): a port out
    // of range is bad input here as everywhere else.
    if let Some(service) = args.service_arg.as_deref()
        && !service.is_empty()
        && service.bytes().all(|b| b.is_ascii_digit())
        && service.parse::<u32>().is_ok_and(|p| p > 65535)
    {
        return Err(usage(format!("port {service}"), "out of range 0-65535").into());
    }
    let family = match ctx.family {
        Family::Any => libc::AF_UNSPEC,
        Family::V4 => libc::AF_INET,
        Family::V6 => libc::AF_INET6,
    };
    let socktype = match args.socktype {
        None => 0,
        Some(ResolveType::Stream) => libc::SOCK_STREAM,
        Some(ResolveType::Dgram) => libc::SOCK_DGRAM,
        Some(ResolveType::Raw) => libc::SOCK_RAW,
    };
    let hints = dns_lookup::AddrInfoHints {
        socktype,
        protocol: 0,
        address: family,
        flags: if args.canonical {
            libc::AI_CANONNAME
        } else {
            0
        },
    };
    let service = args.service_arg.as_deref();
    let what = match service {
        Some(s) => format!("getaddrinfo({name}, {s})"),
        None => format!("getaddrinfo({name})"),
    };
    let rows = timed(ctx, &what, || {
        dns_lookup::getaddrinfo(Some(name), service, Some(hints))
    });
    let rows = match rows {
        Ok(iter) => iter
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| failed(name, e))?,
        Err(e) if matches!(e.kind(), dns_lookup::LookupErrorKind::Service) => {
            let s = service.unwrap_or_default();
            // The resolver's words ("Servname not supported for ai_socktype") stay as the reason.
            let why = format!("unknown service ({})", gai_reason(&e));
            return Err(failed(format!("service '{s}'"), why).into());
        }
        Err(e) => return Err(lookup_failure(name, &e).into()),
    };
    if args.short {
        let mut seen: Vec<IpAddr> = Vec::new();
        for r in &rows {
            let ip = r.sockaddr.ip();
            if !seen.contains(&ip) {
                seen.push(ip);
                ctx.out
                    .record(|| ip.to_string(), || json!({"address": ip.to_string()}))?;
            }
        }
        return Ok(());
    }
    let width = rows
        .iter()
        .map(|r| r.sockaddr.ip().to_string().len())
        .max()
        .unwrap_or(0);
    for r in &rows {
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
                if args.canonical {
                    line.push_str("  ");
                    line.push_str(canon.as_deref().unwrap_or("-"));
                }
                line
            },
            || {
                json!({
                    "family": fam,
                    "type": ty,
                    "protocol": proto,
                    "address": ip,
                    "port": port,
                    "canonname": canon,
                })
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

/// gethostbyaddr(3) as Python's socket.gethostbyaddr: (name, aliases, addresses).
struct HostEntry {
    name: String,
    aliases: Vec<String>,
    addresses: Vec<IpAddr>,
}

unsafe extern "C" {
    fn gethostbyaddr_r(
        addr: *const libc::c_void,
        len: libc::socklen_t,
        family: libc::c_int,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
}

fn host_by_addr(ip: IpAddr) -> Result<HostEntry, String> {
    let (family, bytes): (libc::c_int, Vec<u8>) = match ip {
        IpAddr::V4(a) => (libc::AF_INET, a.octets().to_vec()),
        IpAddr::V6(a) => (libc::AF_INET6, a.octets().to_vec()),
    };
    let mut buf = vec![0 as libc::c_char; 16384];
    loop {
        // SAFETY: hostent is plain data; zeroed is a valid starting value.
        let mut ent: libc::hostent = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::hostent = std::ptr::null_mut();
        let mut herr: libc::c_int = 0;
        // SAFETY: every pointer is valid for the sizes passed.
        let rc = unsafe {
            gethostbyaddr_r(
                bytes.as_ptr().cast(),
                bytes.len() as libc::socklen_t,
                family,
                &mut ent,
                buf.as_mut_ptr(),
                buf.len(),
                &mut result,
                &mut herr,
            )
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 4, 0);
            continue;
        }
        if result.is_null() {
            return Err(match herr {
                1 => "Unknown host".into(),
                2 => "Host name lookup failure".into(),
                3 => "Unknown server error".into(),
                4 => "No address associated with name".into(),
                _ => "Unknown host".into(),
            });
        }
        // SAFETY: on success the hostent and its arrays live in `buf`, alive here.
        return Ok(unsafe { read_hostent(&ent) });
    }
}

unsafe fn read_hostent(ent: &libc::hostent) -> HostEntry {
    // SAFETY (whole fn): the caller passes a hostent filled by the C library.
    unsafe {
        let name = CStr::from_ptr(ent.h_name).to_string_lossy().into_owned();
        let mut aliases = Vec::new();
        let mut p = ent.h_aliases;
        while !p.is_null() && !(*p).is_null() {
            aliases.push(CStr::from_ptr(*p).to_string_lossy().into_owned());
            p = p.add(1);
        }
        let mut addresses = Vec::new();
        let mut a = ent.h_addr_list;
        while !a.is_null() && !(*a).is_null() {
            let raw = *a as *const u8;
            if ent.h_addrtype == libc::AF_INET {
                let o = std::slice::from_raw_parts(raw, 4);
                addresses.push(IpAddr::from([o[0], o[1], o[2], o[3]]));
            } else if ent.h_addrtype == libc::AF_INET6 {
                let mut o = [0u8; 16];
                o.copy_from_slice(std::slice::from_raw_parts(raw, 16));
                addresses.push(IpAddr::from(o));
            }
            a = a.add(1);
        }
        HostEntry {
            name,
            aliases,
            addresses,
        }
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
        || {
            json!({
                "address": ip.to_string(),
                "name": ent.name,
                "aliases": ent.aliases,
                "addresses": ent.addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
            })
        },
    )
}

fn service_lookup(ctx: &Ctx, text: &str, proto: Option<ServiceProto>) -> anyhow::Result<()> {
    let proto = proto.map(|p| match p {
        ServiceProto::Tcp => Proto::Tcp,
        ServiceProto::Udp => Proto::Udp,
    });
    if text.is_empty() {
        return Err(usage("service ''", "empty").into());
    }
    if text.contains('\0') {
        return Err(usage("service name", "contains NUL").into());
    }
    let numeric = text.bytes().all(|b| b.is_ascii_digit());
    let ent = if numeric {
        let port: u16 = match text.parse::<u32>() {
            Ok(n) if n <= 65535 => n as u16,
            _ => return Err(usage(format!("port {text}"), "out of range 0-65535").into()),
        };
        timed(ctx, &format!("getservbyport({port})"), || {
            endpoint::service_by_port(port, proto)
        })
    } else {
        timed(ctx, &format!("getservbyname({text})"), || {
            endpoint::service_by_name(text, proto)
        })
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
        || json!({"name": ent.name, "port": ent.port, "proto": ent.proto, "aliases": ent.aliases}),
    )
}

unsafe fn c_list(mut p: *mut *mut libc::c_char) -> Vec<String> {
    let mut out = Vec::new();
    // SAFETY: a NULL-terminated array of C strings from the C library.
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            out.push(CStr::from_ptr(*p).to_string_lossy().into_owned());
            p = p.add(1);
        }
    }
    out
}

struct ProtoEntry {
    name: String,
    number: i32,
    aliases: Vec<String>,
}

enum ProtoKey<'a> {
    Name(&'a str),
    Number(i32),
}

fn proto_entry(key: ProtoKey) -> Option<ProtoEntry> {
    let ent = match key {
        ProtoKey::Name(n) => {
            let c = CString::new(n).ok()?;
            // SAFETY: valid C string; result read at once.
            unsafe { libc::getprotobyname(c.as_ptr()) }
        }
        // SAFETY: plain integer argument.
        ProtoKey::Number(n) => unsafe { libc::getprotobynumber(n) },
    };
    if ent.is_null() {
        return None;
    }
    // SAFETY: non-null protoent from the C library.
    unsafe {
        let e = &*ent;
        Some(ProtoEntry {
            name: CStr::from_ptr(e.p_name).to_string_lossy().into_owned(),
            number: e.p_proto,
            aliases: c_list(e.p_aliases),
        })
    }
}

fn protocol_lookup(ctx: &Ctx, text: &str) -> anyhow::Result<()> {
    if text.is_empty() {
        return Err(usage("protocol ''", "empty").into());
    }
    let numeric = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let key = if numeric {
        match text.parse::<u32>() {
            Ok(n) if n <= 255 => ProtoKey::Number(n as i32),
            _ => return Err(usage(format!("protocol number {text}"), "out of range 0-255").into()),
        }
    } else {
        ProtoKey::Name(text)
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
        || json!({"name": ent.name, "number": ent.number, "aliases": ent.aliases}),
    )
}

fn gethostname() -> Result<String, Failure> {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: buf is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } != 0 {
        return Err(crate::error::io_failed(
            "gethostname",
            &std::io::Error::last_os_error(),
        ));
    }
    // SAFETY: gethostname NUL-terminates within the buffer on success.
    Ok(unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned())
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
    ctx.out
        .record(|| name.clone(), || json!({"hostname": host, "name": name}))
}
