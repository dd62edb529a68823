//! `--proxy URL`: reach a target through a SOCKS5, SOCKS4a or HTTP CONNECT proxy.
//!
//! [`Proxy::parse`] checks the URL (bad input is exit 2); [`Proxy::connect`] opens a
//! socket to the proxy (with `-O` and the `-vv` trace, as every sockkit socket), speaks
//! the proxy's dialogue within a deadline and returns the socket connected to the
//! target. A proxy's refusal is exit 1 with the proxy's own reason: the SOCKS reply
//! code's meaning, or the HTTP status line.

use std::io::{self, Read, Write};
use std::net::{IpAddr, TcpStream};
use std::time::{Duration, Instant};

use socket2::{SockAddr, Socket};

use crate::endpoint::{self, Proto};
use crate::error::{Failure, failed, reason, usage};
use crate::options::Ctx;
use crate::schema::Event;
use crate::socket;
use crate::sockopt::SockKind;

/// How long reaching the target through a proxy may take when `-w` does not say.
const DEFAULT_WAIT: Duration = Duration::from_secs(30);

/// The proxy protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `socks5://`, `socks5h://`: names are sent to the proxy to resolve.
    Socks5,
    /// `socks4a://`: IPv4 literals as addresses, names resolved by the proxy.
    Socks4a,
    /// `http://`: an HTTP CONNECT tunnel.
    HttpConnect,
}

/// A checked `--proxy` URL.
#[derive(Debug, Clone)]
pub struct Proxy {
    pub kind: Kind,
    pub host: String,
    pub port: u16,
    user: Option<String>,
    pass: Option<String>,
    /// The URL without its password, for messages.
    pub shown: String,
}

impl Proxy {
    /// `socks5://[user:pass@]host[:port]`, `socks5h://..`, `socks4a://[user@]..`,
    /// `http://[user:pass@]host[:port]`. Default ports: 1080 for SOCKS, 8080 for HTTP.
    pub fn parse(url: &str) -> Result<Proxy, Failure> {
        let bad = |why: &str| {
            usage(format!("--proxy '{}'", hide_password(url)), why).with_hint(
                "forms: socks5://HOST:PORT, socks5h://, socks4a://, http://; optional user:pass@",
            )
        };
        let Some((scheme, rest)) = url.split_once("://") else {
            return Err(bad("expected SCHEME://HOST:PORT"));
        };
        let (kind, default_port) = scheme_kind(scheme, &bad)?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains('/') || rest.contains('?') || rest.contains('#') {
            return Err(bad("a proxy URL has no path"));
        }
        let (auth, hostport) = match rest.rsplit_once('@') {
            Some((a, h)) => (Some(a), h),
            None => (None, rest),
        };
        let (user, pass) = match auth {
            None => (None, None),
            Some(a) => credentials(a, &bad)?,
        };
        if kind == Kind::Socks5
            && (user.as_ref().is_some_and(|u| u.len() > 255)
                || pass.as_ref().is_some_and(|p| p.len() > 255))
        {
            return Err(bad("SOCKS5 user name and password are at most 255 bytes"));
        }
        let (host, port) = host_port(hostport, default_port, &bad)?;
        let shown = hide_password(url);
        Ok(Proxy {
            kind,
            host,
            port,
            user,
            pass,
            shown,
        })
    }

    /// Connect to the proxy and have it connect to `host:port`, within `limit` overall
    /// (30 s when `None`: a proxy that never answers is a failure, not a hang).
    /// Returns the socket (blocking), a stream to the target from here on.
    pub fn connect(
        &self,
        ctx: &Ctx,
        host: &str,
        port: u16,
        limit: Option<Duration>,
    ) -> Result<Socket, Failure> {
        // Without -w a silent proxy must still not hold the command forever.
        let deadline = Some(Instant::now() + limit.unwrap_or(DEFAULT_WAIT));
        let sock = self.reach(ctx, deadline)?;
        let mut stream = TcpStream::from(sock);
        let what = format!("proxy {}", self.shown);
        let res = match self.kind {
            Kind::Socks5 => socks5(&mut stream, host, port, self, deadline),
            Kind::Socks4a => socks4a(&mut stream, host, port, self, deadline),
            Kind::HttpConnect => http_connect(&mut stream, host, port, self, deadline),
        };
        res.map_err(|e| match e {
            Step::Io(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                failed(&what, "the proxy did not answer in time")
            }
            Step::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                failed(&what, "the proxy closed the connection")
            }
            Step::Io(e) => failed(&what, reason(&e)),
            Step::Refused(why) => failed(&what, why),
        })?;
        let _ = stream.set_read_timeout(None);
        let _ = stream.set_write_timeout(None);
        let proxied = Event::Proxied {
            proxy: &self.shown,
            target: &format!("{host}:{port}"),
        };
        ctx.out.emit(&proxied, || {
            format!("proxy {} connected to {host}:{port}", self.shown)
        });
        Ok(Socket::from(stream))
    }

    /// A TCP connection to the proxy itself, trying each of its addresses.
    fn reach(&self, ctx: &Ctx, deadline: Option<Instant>) -> Result<Socket, Failure> {
        let addrs = endpoint::resolve(Some(&self.host), self.port, ctx.family, Proto::Tcp)?;
        let mut last = None;
        for addr in addrs {
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left.is_some_and(|l| l.is_zero()) {
                break;
            }
            let sock = socket::open(ctx, socket::domain_of(&addr), SockKind::Tcp, &[])?;
            let started = Instant::now();
            match socket::connect(ctx, &sock, &SockAddr::from(addr), left) {
                Ok(()) => {
                    let took = started.elapsed();
                    let connected = Event::ProxyConnected {
                        peer: &addr.to_string(),
                        proxy: true,
                        ms: crate::output::millis(took),
                    };
                    ctx.out.emit(&connected, || {
                        format!(
                            "connected to proxy {addr} in {}",
                            crate::output::human_duration(took)
                        )
                    });
                    return Ok(sock);
                }
                Err(e) => last = Some(failed(format!("proxy {} ({addr})", self.shown), reason(&e))),
            }
        }
        Err(last.unwrap_or_else(|| failed(format!("proxy {}", self.shown), "timed out")))
    }
}

/// The proxy kind a URL scheme names, and its usual port.
fn scheme_kind(scheme: &str, bad: &dyn Fn(&str) -> Failure) -> Result<(Kind, u16), Failure> {
    match scheme.to_ascii_lowercase().as_str() {
        "socks5" | "socks5h" => Ok((Kind::Socks5, 1080)),
        "socks4a" | "socks4" => Ok((Kind::Socks4a, 1080)),
        "http" => Ok((Kind::HttpConnect, 8080)),
        "https" => Err(bad(
            "a TLS connection to the proxy itself is not supported; use http://",
        )),
        _ => Err(bad(&format!("unknown scheme '{scheme}'"))),
    }
}

/// `user[:pass]` before the `@`, %-decoded.
fn credentials(
    auth: &str,
    bad: &dyn Fn(&str) -> Failure,
) -> Result<(Option<String>, Option<String>), Failure> {
    let (u, p) = match auth.split_once(':') {
        Some((u, p)) => (u, Some(p)),
        None => (auth, None),
    };
    if u.is_empty() {
        return Err(bad("empty user name before '@'"));
    }
    Ok((
        Some(percent_decode(u).ok_or_else(|| bad("bad %-escape in the user name"))?),
        p.map(|p| percent_decode(p).ok_or_else(|| bad("bad %-escape in the password")))
            .transpose()?,
    ))
}

/// `HOST[:PORT]` or `[V6][:PORT]` after the `@`; the scheme's port when none is given.
fn host_port(
    hostport: &str,
    default_port: u16,
    bad: &dyn Fn(&str) -> Failure,
) -> Result<(String, u16), Failure> {
    if hostport.is_empty() {
        return Err(bad("missing proxy host"));
    }
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (h, after) = v6.split_once(']').ok_or_else(|| bad("unclosed '['"))?;
        match after.strip_prefix(':') {
            Some(p) => (h, Some(p)),
            None if after.is_empty() => (h, None),
            None => return Err(bad("expected ':PORT' after ']'")),
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    let host = endpoint::validate_host(host).map_err(|e| bad(&e.message))?;
    let port = match port {
        Some(p) => crate::parse::port(p)
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| bad(&format!("port '{p}' is not 1-65535")))?,
        None => default_port,
    };
    Ok((host, port))
}

/// A step of a proxy dialogue that failed.
enum Step {
    Io(io::Error),
    Refused(String),
}

impl From<io::Error> for Step {
    fn from(e: io::Error) -> Step {
        Step::Io(e)
    }
}

fn arm(s: &TcpStream, deadline: Option<Instant>) -> Result<(), Step> {
    let left = match deadline {
        None => None,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Step::Io(io::Error::from(io::ErrorKind::TimedOut)));
            }
            Some(left)
        }
    };
    s.set_read_timeout(left)?;
    s.set_write_timeout(left)?;
    Ok(())
}

fn send(s: &mut TcpStream, data: &[u8], deadline: Option<Instant>) -> Result<(), Step> {
    arm(s, deadline)?;
    s.write_all(data)?;
    Ok(())
}

fn recv_exact(s: &mut TcpStream, buf: &mut [u8], deadline: Option<Instant>) -> Result<(), Step> {
    arm(s, deadline)?;
    s.read_exact(buf)?;
    Ok(())
}

fn socks5(
    s: &mut TcpStream,
    host: &str,
    port: u16,
    proxy: &Proxy,
    deadline: Option<Instant>,
) -> Result<(), Step> {
    socks5_greet(s, proxy, deadline)?;
    send(s, &socks5_connect_request(host, port)?, deadline)?;
    socks5_connect_reply(s, host, port, deadline)
}

/// The method negotiation (RFC 1928 section 3) and, when the proxy asks for it, the
/// user name and password (RFC 1929).
fn socks5_greet(s: &mut TcpStream, proxy: &Proxy, deadline: Option<Instant>) -> Result<(), Step> {
    let methods: &[u8] = if proxy.user.is_some() {
        &[0x00, 0x02]
    } else {
        &[0x00]
    };
    let mut hello = vec![0x05, methods.len() as u8];
    hello.extend_from_slice(methods);
    send(s, &hello, deadline)?;
    let mut answer = [0u8; 2];
    recv_exact(s, &mut answer, deadline)?;
    if answer[0] != 0x05 {
        return Err(Step::Refused(format!(
            "not a SOCKS5 proxy (it answered version {})",
            answer[0]
        )));
    }
    match answer[1] {
        0x00 => Ok(()),
        0x02 => socks5_login(s, proxy, deadline),
        0xFF => Err(Step::Refused(if proxy.user.is_some() {
            "no acceptable authentication method (SOCKS5 method 0xff)".into()
        } else {
            "no acceptable authentication method: the proxy may want user:pass@ (SOCKS5 method 0xff)".into()
        })),
        other => Err(Step::Refused(format!(
            "chose authentication method 0x{other:02x}, which was not offered"
        ))),
    }
}

/// RFC 1929 user name and password authentication.
fn socks5_login(s: &mut TcpStream, proxy: &Proxy, deadline: Option<Instant>) -> Result<(), Step> {
    let (Some(user), pass) = (&proxy.user, &proxy.pass) else {
        return Err(Step::Refused(
            "the proxy requires a user name and password (socks5://user:pass@host:port)".into(),
        ));
    };
    let pass = pass.as_deref().unwrap_or("");
    let mut auth = vec![0x01, user.len() as u8];
    auth.extend_from_slice(user.as_bytes());
    auth.push(pass.len() as u8);
    auth.extend_from_slice(pass.as_bytes());
    send(s, &auth, deadline)?;
    let mut status = [0u8; 2];
    recv_exact(s, &mut status, deadline)?;
    if status[1] != 0 {
        return Err(Step::Refused(format!(
            "authentication as '{user}' failed (SOCKS5 status {})",
            status[1]
        )));
    }
    Ok(())
}

/// CONNECT to `host` (an address, or a name the proxy resolves) and `port`.
fn socks5_connect_request(host: &str, port: u16) -> Result<Vec<u8>, Step> {
    let mut req = vec![0x05, 0x01, 0x00];
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            req.push(0x01);
            req.extend_from_slice(&v4.octets());
        }
        Ok(IpAddr::V6(v6)) => {
            req.push(0x04);
            req.extend_from_slice(&v6.octets());
        }
        Err(_) => {
            if host.len() > 255 {
                return Err(Step::Refused(
                    "target host name longer than 255 bytes".into(),
                ));
            }
            req.push(0x03);
            req.push(host.len() as u8);
            req.extend_from_slice(host.as_bytes());
        }
    }
    req.extend_from_slice(&port.to_be_bytes());
    Ok(req)
}

/// The proxy's answer to CONNECT, read to its end so the stream is the target's after it.
fn socks5_connect_reply(
    s: &mut TcpStream,
    host: &str,
    port: u16,
    deadline: Option<Instant>,
) -> Result<(), Step> {
    let mut head = [0u8; 4];
    recv_exact(s, &mut head, deadline)?;
    if head[1] != 0x00 {
        return Err(Step::Refused(format!(
            "refused CONNECT to {}: {} (SOCKS5 reply {})",
            shown_target(host, port),
            socks5_reply(head[1]),
            head[1]
        )));
    }
    // The bound address, which nobody needs, must still be read off the stream.
    let skip = match head[3] {
        0x01 => 4,
        0x04 => 16,
        0x03 => {
            let mut len = [0u8; 1];
            recv_exact(s, &mut len, deadline)?;
            usize::from(len[0])
        }
        other => {
            return Err(Step::Refused(format!(
                "unknown address type {other} in its reply"
            )));
        }
    };
    let mut rest = vec![0u8; skip + 2];
    recv_exact(s, &mut rest, deadline)?;
    Ok(())
}

/// RFC 1928's reply codes.
fn socks5_reply(code: u8) -> &'static str {
    match code {
        1 => "general SOCKS server failure",
        2 => "connection not allowed by ruleset",
        3 => "network unreachable",
        4 => "host unreachable",
        5 => "connection refused",
        6 => "TTL expired",
        7 => "command not supported",
        8 => "address type not supported",
        _ => "unassigned reply code",
    }
}

fn socks4a(
    s: &mut TcpStream,
    host: &str,
    port: u16,
    proxy: &Proxy,
    deadline: Option<Instant>,
) -> Result<(), Step> {
    let mut req = vec![0x04, 0x01];
    req.extend_from_slice(&port.to_be_bytes());
    let name = match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            req.extend_from_slice(&v4.octets());
            None
        }
        Ok(IpAddr::V6(_)) => {
            return Err(Step::Refused("SOCKS4a cannot reach an IPv6 address".into()));
        }
        Err(_) => {
            req.extend_from_slice(&[0, 0, 0, 1]);
            Some(host)
        }
    };
    req.extend_from_slice(proxy.user.as_deref().unwrap_or("").as_bytes());
    req.push(0);
    if let Some(name) = name {
        req.extend_from_slice(name.as_bytes());
        req.push(0);
    }
    send(s, &req, deadline)?;
    let mut answer = [0u8; 8];
    recv_exact(s, &mut answer, deadline)?;
    match answer[1] {
        0x5A => Ok(()),
        code => Err(Step::Refused(format!(
            "refused CONNECT to {}: {} (SOCKS4 reply 0x{code:02x})",
            shown_target(host, port),
            match code {
                0x5B => "request rejected or failed",
                0x5C => "the proxy could not reach the client's identd",
                0x5D => "the client's identd did not confirm the user id",
                _ => "unknown reply",
            }
        ))),
    }
}

fn http_connect(
    s: &mut TcpStream,
    host: &str,
    port: u16,
    proxy: &Proxy,
    deadline: Option<Instant>,
) -> Result<(), Step> {
    let target = shown_target(host, port);
    let mut req = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n");
    if let Some(user) = &proxy.user {
        let cred = format!("{user}:{}", proxy.pass.as_deref().unwrap_or(""));
        req.push_str(&format!(
            "Proxy-Authorization: Basic {}\r\n",
            crate::text::base64(cred.as_bytes())
        ));
    }
    req.push_str("\r\n");
    send(s, req.as_bytes(), deadline)?;
    let head = read_http_head(s, deadline)?;
    let status_line = head.lines().next().unwrap_or("").trim().to_string();
    let code = status_line.split_whitespace().nth(1).unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(Step::Refused(format!(
            "not an HTTP proxy (it answered \"{}\")",
            status_line
                .chars()
                .take(80)
                .flat_map(char::escape_debug)
                .collect::<String>()
        )));
    }
    if code.starts_with('2') {
        Ok(())
    } else {
        let shown: String = status_line
            .chars()
            .take(200)
            .flat_map(char::escape_debug)
            .collect();
        Err(Step::Refused(format!(
            "refused CONNECT to {target}: {shown}"
        )))
    }
}

/// The response head up to its blank line, and not a byte more: what follows belongs to
/// the tunnel (a server that speaks first may already have sent its banner).
fn read_http_head(s: &mut TcpStream, deadline: Option<Instant>) -> Result<String, Step> {
    const MAX_HEAD: usize = 16 * 1024;
    let mut head = Vec::new();
    let mut b = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && !head.ends_with(b"\n\n") {
        if head.len() >= MAX_HEAD {
            return Err(Step::Refused("a response head larger than 16 KiB".into()));
        }
        recv_exact(s, &mut b, deadline)?;
        head.push(b[0]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn shown_target(host: &str, port: u16) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// The URL with its password replaced by `***`.
fn hide_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.rsplit_once('@') {
        Some((auth, host)) => match auth.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_with_defaults_and_credentials() {
        let p = Proxy::parse("socks5h://alice:s%40cret@127.0.0.1:1081").expect("parse");
        assert_eq!(p.kind, Kind::Socks5);
        assert_eq!((p.host.as_str(), p.port), ("127.0.0.1", 1081));
        assert_eq!(p.user.as_deref(), Some("alice"));
        assert_eq!(p.pass.as_deref(), Some("s@cret"));
        assert_eq!(p.shown, "socks5h://alice:***@127.0.0.1:1081");
        let p = Proxy::parse("http://[::1]").expect("parse");
        assert_eq!(
            (p.kind, p.host.as_str(), p.port),
            (Kind::HttpConnect, "::1", 8080)
        );
        let p = Proxy::parse("socks4a://localhost").expect("parse");
        assert_eq!((p.kind, p.port), (Kind::Socks4a, 1080));
    }

    #[test]
    fn bad_urls_are_usage_errors() {
        for bad in [
            "127.0.0.1:1080",
            "ftp://host:21",
            "socks5://",
            "socks5://host:0",
            "socks5://host:99999",
            "http://host:80/path",
            "socks5://:pw@host:1",
            "socks5://[::1:1080",
        ] {
            assert_eq!(
                Proxy::parse(bad).map_err(|e| e.code).err(),
                Some(2),
                "{bad}"
            );
        }
    }
}
