//! The socket-option registry: every option sockkit knows, how its value is spelled,
//! and how to read and write it on a file descriptor.
//!
//! `sockopt list/get/set` and the global `-O NAME=VALUE` both go through [`lookup`] and
//! [`SockOpt::parse_value`], so a value means the same thing everywhere.

use std::fmt;
use std::io;
use std::os::fd::RawFd;
use std::time::Duration;

use crate::error::{Failure, usage};
use crate::parse;
use crate::sys::sockopt::{self as sys, Plain};
use crate::tcp::{self, TcpInfo};

/// The protocol level an option lives at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Socket,
    Tcp,
    Ip,
    Ipv6,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Socket => "SOL_SOCKET",
            Level::Tcp => "IPPROTO_TCP",
            Level::Ip => "IPPROTO_IP",
            Level::Ipv6 => "IPPROTO_IPV6",
        }
    }

    fn raw(self) -> libc::c_int {
        match self {
            Level::Socket => libc::SOL_SOCKET,
            Level::Tcp => libc::IPPROTO_TCP,
            Level::Ip => libc::IPPROTO_IP,
            Level::Ipv6 => libc::IPPROTO_IPV6,
        }
    }
}

/// How a value is written and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A plain C int.
    Int,
    /// An int used as a flag: `1 0 on off true false`.
    Bool,
    /// A byte count: `65536`, `64K`.
    Size,
    /// An int of seconds: `75` or `75s`, `2m`.
    Secs,
    /// An int of milliseconds: `30000` or `30s`.
    Millis,
    /// A struct timeval: `2s`, `250ms`, `0` (none).
    Timeval,
    /// A struct linger: `off`, or on with a timeout: `5s`, `0s` (reset on close).
    Linger,
    /// A NUL-terminated string: `cubic`, `eth0`.
    Text,
    /// struct tcp_info, read-only: a summary of the connection's state.
    TcpInfo,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Bool => "bool",
            Kind::Size => "size",
            Kind::Secs => "seconds",
            Kind::Millis => "milliseconds",
            Kind::Timeval => "duration",
            Kind::Linger => "linger",
            Kind::Text => "string",
            Kind::TcpInfo => "tcp_info",
        }
    }
}

/// The kinds of socket sockkit creates, as a bit set for "which types an option applies to".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SockKind {
    Tcp,
    Udp,
    UnixStream,
    UnixDgram,
}

impl SockKind {
    pub fn name(self) -> &'static str {
        match self {
            SockKind::Tcp => "tcp",
            SockKind::Udp => "udp",
            SockKind::UnixStream => "unix-stream",
            SockKind::UnixDgram => "unix-dgram",
        }
    }

    fn bit(self) -> u8 {
        match self {
            SockKind::Tcp => TCP,
            SockKind::Udp => UDP,
            SockKind::UnixStream => USTREAM,
            SockKind::UnixDgram => UDGRAM,
        }
    }

    pub fn all() -> [SockKind; 4] {
        [
            SockKind::Tcp,
            SockKind::Udp,
            SockKind::UnixStream,
            SockKind::UnixDgram,
        ]
    }
}

const TCP: u8 = 1;
const UDP: u8 = 2;
const USTREAM: u8 = 4;
const UDGRAM: u8 = 8;
const INET: u8 = TCP | UDP;
const ANY: u8 = TCP | UDP | USTREAM | UDGRAM;
const STREAM: u8 = TCP | USTREAM;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Get,
    Set,
    GetSet,
}

impl Access {
    pub fn can_get(self) -> bool {
        matches!(self, Access::Get | Access::GetSet)
    }
    pub fn can_set(self) -> bool {
        matches!(self, Access::Set | Access::GetSet)
    }
    pub fn name(self) -> &'static str {
        match self {
            Access::Get => "get",
            Access::Set => "set",
            Access::GetSet => "get/set",
        }
    }
}

/// One known option.
#[derive(Debug)]
pub struct SockOpt {
    pub name: &'static str,
    pub level: Level,
    pub optname: libc::c_int,
    pub kind: Kind,
    types: u8,
    pub access: Access,
    /// Only meaningful on a connected socket: left out of `get` with no names on a fresh one.
    pub needs_connection: bool,
    pub about: &'static str,
}

macro_rules! opt {
    ($name:ident, $level:ident, $kind:ident, $types:expr, $access:ident, $about:expr) => {
        SockOpt {
            name: stringify!($name),
            level: Level::$level,
            optname: libc::$name,
            kind: Kind::$kind,
            types: $types,
            access: Access::$access,
            needs_connection: false,
            about: $about,
        }
    };
    ($name:ident, $level:ident, $kind:ident, $types:expr, $access:ident, $about:expr, connected) => {
        SockOpt {
            needs_connection: true,
            ..opt!($name, $level, $kind, $types, $access, $about)
        }
    };
}

/// Every option sockkit knows, in `sockopt list` order.
pub static REGISTRY: &[SockOpt] = &[
    opt!(
        SO_ACCEPTCONN,
        Socket,
        Bool,
        STREAM,
        Get,
        "socket is listening"
    ),
    opt!(
        SO_BINDTODEVICE,
        Socket,
        Text,
        ANY & !USTREAM & !UDGRAM,
        GetSet,
        "bind to a network interface (needs CAP_NET_RAW)"
    ),
    opt!(
        SO_BROADCAST,
        Socket,
        Bool,
        UDP,
        GetSet,
        "allow sending to broadcast addresses"
    ),
    opt!(
        SO_BUSY_POLL,
        Socket,
        Int,
        INET,
        GetSet,
        "busy-poll microseconds on blocking receive"
    ),
    opt!(SO_DOMAIN, Socket, Int, ANY, Get, "address family (AF_*)"),
    opt!(
        SO_DONTROUTE,
        Socket,
        Bool,
        INET,
        GetSet,
        "bypass routing, send to directly connected hosts only"
    ),
    opt!(
        SO_ERROR,
        Socket,
        Int,
        ANY,
        Get,
        "pending socket error (reading clears it)"
    ),
    opt!(
        SO_INCOMING_CPU,
        Socket,
        Int,
        INET,
        GetSet,
        "CPU that handles this socket's packets"
    ),
    opt!(
        SO_KEEPALIVE,
        Socket,
        Bool,
        TCP,
        GetSet,
        "send TCP keepalive probes"
    ),
    opt!(
        SO_LINGER,
        Socket,
        Linger,
        STREAM,
        GetSet,
        "close() waits this long for unsent data; 0s resets"
    ),
    opt!(
        SO_MARK,
        Socket,
        Int,
        INET,
        GetSet,
        "firewall mark on outgoing packets (needs CAP_NET_ADMIN)"
    ),
    opt!(
        SO_OOBINLINE,
        Socket,
        Bool,
        TCP,
        GetSet,
        "urgent data inline with normal data"
    ),
    opt!(
        SO_PASSCRED,
        Socket,
        Bool,
        USTREAM | UDGRAM,
        GetSet,
        "receive SCM_CREDENTIALS"
    ),
    opt!(
        SO_PEEK_OFF,
        Socket,
        Int,
        ANY,
        GetSet,
        "offset for MSG_PEEK reads (-1: off)"
    ),
    opt!(
        SO_PRIORITY,
        Socket,
        Int,
        ANY,
        GetSet,
        "queueing priority of outgoing packets"
    ),
    opt!(
        SO_PROTOCOL,
        Socket,
        Int,
        ANY,
        Get,
        "protocol number (IPPROTO_*)"
    ),
    opt!(
        SO_RCVBUF,
        Socket,
        Size,
        ANY,
        GetSet,
        "receive buffer size (the kernel doubles it)"
    ),
    opt!(
        SO_RCVBUFFORCE,
        Socket,
        Size,
        ANY,
        Set,
        "receive buffer size beyond rmem_max (needs CAP_NET_ADMIN)"
    ),
    opt!(
        SO_RCVLOWAT,
        Socket,
        Int,
        ANY,
        GetSet,
        "bytes needed before a read returns"
    ),
    opt!(
        SO_RCVTIMEO,
        Socket,
        Timeval,
        ANY,
        GetSet,
        "receive timeout (0: none)"
    ),
    opt!(
        SO_REUSEADDR,
        Socket,
        Bool,
        ANY,
        GetSet,
        "allow bind to an address in TIME-WAIT"
    ),
    opt!(
        SO_REUSEPORT,
        Socket,
        Bool,
        INET,
        GetSet,
        "allow several sockets to bind one port"
    ),
    opt!(
        SO_SNDBUF,
        Socket,
        Size,
        ANY,
        GetSet,
        "send buffer size (the kernel doubles it)"
    ),
    opt!(
        SO_SNDBUFFORCE,
        Socket,
        Size,
        ANY,
        Set,
        "send buffer size beyond wmem_max (needs CAP_NET_ADMIN)"
    ),
    opt!(
        SO_SNDLOWAT,
        Socket,
        Int,
        ANY,
        Get,
        "bytes needed before a write returns (fixed at 1 on Linux)"
    ),
    opt!(
        SO_SNDTIMEO,
        Socket,
        Timeval,
        ANY,
        GetSet,
        "send timeout (0: none)"
    ),
    opt!(
        SO_TIMESTAMP,
        Socket,
        Bool,
        ANY,
        GetSet,
        "receive SCM_TIMESTAMP with each message"
    ),
    opt!(
        SO_TYPE,
        Socket,
        Int,
        ANY,
        Get,
        "socket type (SOCK_STREAM=1, SOCK_DGRAM=2)"
    ),
    opt!(
        SO_ZEROCOPY,
        Socket,
        Bool,
        INET,
        GetSet,
        "allow MSG_ZEROCOPY sends"
    ),
    opt!(
        TCP_CONGESTION,
        Tcp,
        Text,
        TCP,
        GetSet,
        "congestion control algorithm (cubic, reno, bbr)"
    ),
    opt!(
        TCP_CORK,
        Tcp,
        Bool,
        TCP,
        GetSet,
        "hold back partial frames until uncorked"
    ),
    opt!(
        TCP_DEFER_ACCEPT,
        Tcp,
        Secs,
        TCP,
        GetSet,
        "wake accept() only when data arrives, within seconds"
    ),
    opt!(
        TCP_FASTOPEN,
        Tcp,
        Int,
        TCP,
        GetSet,
        "TCP Fast Open queue length on a listener"
    ),
    opt!(
        TCP_FASTOPEN_CONNECT,
        Tcp,
        Bool,
        TCP,
        GetSet,
        "use TCP Fast Open on connect"
    ),
    opt!(
        TCP_INFO,
        Tcp,
        TcpInfo,
        TCP,
        Get,
        "connection state: rtt, cwnd, retransmits (struct tcp_info)"
    ),
    opt!(
        TCP_KEEPCNT,
        Tcp,
        Int,
        TCP,
        GetSet,
        "keepalive probes before the connection is dropped"
    ),
    opt!(
        TCP_KEEPIDLE,
        Tcp,
        Secs,
        TCP,
        GetSet,
        "idle seconds before keepalive probes start"
    ),
    opt!(
        TCP_KEEPINTVL,
        Tcp,
        Secs,
        TCP,
        GetSet,
        "seconds between keepalive probes"
    ),
    opt!(
        TCP_LINGER2,
        Tcp,
        Secs,
        TCP,
        GetSet,
        "lifetime of orphaned FIN-WAIT-2 sockets"
    ),
    opt!(TCP_MAXSEG, Tcp, Int, TCP, GetSet, "maximum segment size"),
    opt!(
        TCP_NODELAY,
        Tcp,
        Bool,
        TCP,
        GetSet,
        "send small segments at once (no Nagle)"
    ),
    opt!(
        TCP_NOTSENT_LOWAT,
        Tcp,
        Size,
        TCP,
        GetSet,
        "unsent bytes before the socket stops being writable"
    ),
    opt!(
        TCP_QUICKACK,
        Tcp,
        Bool,
        TCP,
        GetSet,
        "acknowledge at once instead of delaying ACKs"
    ),
    opt!(
        TCP_SYNCNT,
        Tcp,
        Int,
        TCP,
        GetSet,
        "SYN retransmits before connect gives up"
    ),
    opt!(
        TCP_THIN_LINEAR_TIMEOUTS,
        Tcp,
        Bool,
        TCP,
        GetSet,
        "linear timeouts for thin streams"
    ),
    opt!(
        TCP_USER_TIMEOUT,
        Tcp,
        Millis,
        TCP,
        GetSet,
        "ms unacknowledged data may wait before the connection is dropped"
    ),
    opt!(
        TCP_WINDOW_CLAMP,
        Tcp,
        Int,
        TCP,
        GetSet,
        "bound on the advertised window"
    ),
    opt!(
        IP_BIND_ADDRESS_NO_PORT,
        Ip,
        Bool,
        INET,
        GetSet,
        "defer port choice of bind(port 0) to connect"
    ),
    opt!(
        IP_FREEBIND,
        Ip,
        Bool,
        INET,
        GetSet,
        "bind to an address not (yet) on this host"
    ),
    opt!(
        IP_MTU,
        Ip,
        Int,
        INET,
        Get,
        "path MTU of a connected socket",
        connected
    ),
    opt!(
        IP_MTU_DISCOVER,
        Ip,
        Int,
        INET,
        GetSet,
        "path MTU discovery mode (0 dont, 1 want, 2 do, 3 probe)"
    ),
    opt!(
        IP_MULTICAST_LOOP,
        Ip,
        Bool,
        UDP,
        GetSet,
        "loop multicast sends back to this host"
    ),
    opt!(
        IP_MULTICAST_TTL,
        Ip,
        Int,
        UDP,
        GetSet,
        "time-to-live of multicast datagrams"
    ),
    opt!(
        IP_PKTINFO,
        Ip,
        Bool,
        UDP,
        GetSet,
        "receive IP_PKTINFO with each datagram"
    ),
    opt!(
        IP_RECVERR,
        Ip,
        Bool,
        INET,
        GetSet,
        "queue ICMP errors for MSG_ERRQUEUE"
    ),
    opt!(
        IP_RECVTOS,
        Ip,
        Bool,
        INET,
        GetSet,
        "receive the TOS byte with each datagram"
    ),
    opt!(IP_TOS, Ip, Int, INET, GetSet, "type-of-service / DSCP byte"),
    opt!(
        IP_TRANSPARENT,
        Ip,
        Bool,
        INET,
        GetSet,
        "transparent proxying (needs CAP_NET_ADMIN)"
    ),
    opt!(
        IP_TTL,
        Ip,
        Int,
        INET,
        GetSet,
        "time-to-live of unicast packets"
    ),
    opt!(
        IPV6_MTU,
        Ipv6,
        Int,
        INET,
        Get,
        "path MTU of a connected socket",
        connected
    ),
    opt!(
        IPV6_MTU_DISCOVER,
        Ipv6,
        Int,
        INET,
        GetSet,
        "path MTU discovery mode"
    ),
    opt!(
        IPV6_MULTICAST_HOPS,
        Ipv6,
        Int,
        UDP,
        GetSet,
        "hop limit of multicast datagrams"
    ),
    opt!(
        IPV6_MULTICAST_LOOP,
        Ipv6,
        Bool,
        UDP,
        GetSet,
        "loop multicast sends back to this host"
    ),
    opt!(
        IPV6_RECVERR,
        Ipv6,
        Bool,
        INET,
        GetSet,
        "queue ICMPv6 errors for MSG_ERRQUEUE"
    ),
    opt!(
        IPV6_RECVPKTINFO,
        Ipv6,
        Bool,
        UDP,
        GetSet,
        "receive IPV6_PKTINFO with each datagram"
    ),
    opt!(IPV6_TCLASS, Ipv6, Int, INET, GetSet, "traffic class byte"),
    opt!(
        IPV6_UNICAST_HOPS,
        Ipv6,
        Int,
        INET,
        GetSet,
        "hop limit of unicast packets"
    ),
    opt!(
        IPV6_V6ONLY,
        Ipv6,
        Bool,
        INET,
        GetSet,
        "IPv6 only: no IPv4-mapped addresses"
    ),
];

/// Find an option by name: `SO_RCVBUF`, `so_rcvbuf`, or without its prefix (`rcvbuf`,
/// `nodelay`, `v6only`).
pub fn lookup(name: &str) -> Result<&'static SockOpt, Failure> {
    let upper = name.trim().to_ascii_uppercase().replace('-', "_");
    if let Some(o) = REGISTRY.iter().find(|o| o.name == upper) {
        return Ok(o);
    }
    let bare: Vec<&SockOpt> = REGISTRY
        .iter()
        .filter(|o| {
            ["SO_", "TCP_", "IP_", "IPV6_"]
                .iter()
                .any(|p| o.name.strip_prefix(p) == Some(upper.as_str()))
        })
        .collect();
    match bare.as_slice() {
        [one] => Ok(one),
        [] => Err(usage(
            format!("socket option '{name}'"),
            "unknown (see `sockkit sockopt list`)",
        )),
        many => Err(usage(
            format!("socket option '{name}'"),
            format!(
                "ambiguous: {}",
                many.iter().map(|o| o.name).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// A value as read from or written to a socket.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    /// `None`: no timeout.
    Timeval(Option<Duration>),
    /// `None`: linger off.
    Linger(Option<Duration>),
    Text(String),
    TcpInfo(TcpInfo),
}

impl Value {
    /// The plain form: what `sockopt get` prints after the name.
    pub fn plain(&self) -> String {
        match self {
            Value::Int(n) => n.to_string(),
            Value::Timeval(None) => "0".into(),
            Value::Timeval(Some(d)) | Value::Linger(Some(d)) => {
                humantime::format_duration(*d).to_string()
            }
            Value::Linger(None) => "off".into(),
            Value::Text(s) => s.clone(),
            Value::TcpInfo(i) => tcp_info_plain(i),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

/// `-O NAME=VALUE` or `sockopt set NAME=VALUE`, checked against the registry.
#[derive(Debug, Clone)]
pub struct Setting {
    pub opt: &'static SockOpt,
    pub value: Value,
    /// The text as the user wrote it, for messages.
    pub text: String,
}

impl Setting {
    pub fn parse(text: &str) -> Result<Setting, Failure> {
        let Some((name, value)) = text.split_once('=') else {
            return Err(usage(
                format!("socket option '{text}'"),
                "expected NAME=VALUE",
            ));
        };
        let opt = lookup(name)?;
        if !opt.access.can_set() {
            return Err(usage(format!("socket option {}", opt.name), "is read-only"));
        }
        let value = opt.parse_value(value)?;
        Ok(Setting {
            opt,
            value,
            text: text.to_string(),
        })
    }
}

impl SockOpt {
    pub fn applies_to(&self, kind: SockKind) -> bool {
        self.types & kind.bit() != 0
    }

    /// The socket types this option applies to, as `tcp,udp`.
    pub fn type_names(&self) -> String {
        SockKind::all()
            .into_iter()
            .filter(|k| self.applies_to(*k))
            .map(SockKind::name)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whether this option makes sense on a socket of `family` (`AF_INET`, `AF_INET6`, `AF_UNIX`).
    pub fn fits_family(&self, family: libc::c_int) -> bool {
        match self.level {
            Level::Socket => true,
            Level::Tcp => family == libc::AF_INET || family == libc::AF_INET6,
            // Linux takes IP_* options on AF_INET6 sockets too, for IPv4-mapped traffic.
            Level::Ip => family == libc::AF_INET || family == libc::AF_INET6,
            Level::Ipv6 => family == libc::AF_INET6,
        }
    }

    /// Parse a value in this option's form; the error names the option and the value.
    pub fn parse_value(&'static self, text: &str) -> Result<Value, Failure> {
        let named = |e: Failure| usage(format!("{}={text}", self.name), strip_what(&e.message));
        let int = |min: i128, max: i128| -> Result<i64, Failure> {
            parse::integer(text, min, max)
                .map(|v| v as i64)
                .map_err(named)
        };
        let c_int_max = i32::MAX as i128;
        Ok(match self.kind {
            Kind::Int => Value::Int(int(i32::MIN as i128, c_int_max)?),
            Kind::Bool => Value::Int(parse::boolean(text).map_err(named)? as i64),
            Kind::Size => {
                let n = parse::size(text).map_err(named)?;
                if n > c_int_max as u64 {
                    return Err(usage(
                        format!("{}={text}", self.name),
                        format!("larger than the kernel accepts ({c_int_max})"),
                    ));
                }
                Value::Int(n as i64)
            }
            Kind::Secs | Kind::Millis => self.time_value(text)?,
            Kind::Timeval => {
                let d = parse::duration(text).map_err(named)?;
                Value::Timeval((!d.is_zero()).then_some(d))
            }
            Kind::Linger => match text.trim().to_ascii_lowercase().as_str() {
                "off" | "false" | "no" => Value::Linger(None),
                _ => {
                    let d = parse::duration(text).map_err(named)?;
                    if d.as_secs() > c_int_max as u64 || d.subsec_nanos() != 0 {
                        return Err(usage(
                            format!("{}={text}", self.name),
                            "linger is whole seconds (0s resets on close, off turns it off)",
                        ));
                    }
                    Value::Linger(Some(d))
                }
            },
            Kind::Text => {
                if text.is_empty() || text.len() > 64 || text.contains('\0') {
                    return Err(usage(
                        format!("{}={text}", self.name),
                        "expected a name of 1 to 64 characters",
                    ));
                }
                Value::Text(text.to_string())
            }
            Kind::TcpInfo => {
                return Err(usage(
                    format!("socket option {}", self.name),
                    "is read-only",
                ));
            }
        })
    }

    /// A [`Kind::Secs`] or [`Kind::Millis`] value: a plain number in the option's unit,
    /// or a duration (`30s`, `2m`) converted to it.
    fn time_value(&'static self, text: &str) -> Result<Value, Failure> {
        let c_int_max = i32::MAX as i128;
        let named = |e: Failure| usage(format!("{}={text}", self.name), strip_what(&e.message));
        let t = text.trim();
        let plain_number =
            t.bytes().all(|b| b.is_ascii_digit()) || t.starts_with("0x") || t.starts_with("0X");
        if plain_number {
            let n = parse::integer(text, 0, c_int_max).map_err(named)?;
            return Ok(Value::Int(n as i64));
        }
        let d = parse::duration(text).map_err(named)?;
        let n = if self.kind == Kind::Secs {
            d.as_secs() as u128
        } else {
            d.as_millis()
        };
        if n > c_int_max as u128 {
            return Err(usage(format!("{}={text}", self.name), "too long"));
        }
        Ok(Value::Int(n as i64))
    }

    /// Read this option from `fd`.
    pub fn get(&self, fd: RawFd) -> io::Result<Value> {
        match self.kind {
            Kind::Int | Kind::Bool | Kind::Size | Kind::Secs | Kind::Millis => {
                let mut v: libc::c_int = 0;
                getsockopt_raw(fd, self, &mut v)?;
                Ok(Value::Int(v as i64))
            }
            Kind::Timeval => {
                let mut tv = libc::timeval {
                    tv_sec: 0,
                    tv_usec: 0,
                };
                getsockopt_raw(fd, self, &mut tv)?;
                let d = Duration::new(tv.tv_sec.max(0) as u64, (tv.tv_usec.max(0) as u32) * 1000);
                Ok(Value::Timeval((!d.is_zero()).then_some(d)))
            }
            Kind::Linger => {
                let mut l = libc::linger {
                    l_onoff: 0,
                    l_linger: 0,
                };
                getsockopt_raw(fd, self, &mut l)?;
                Ok(Value::Linger(
                    (l.l_onoff != 0).then(|| Duration::from_secs(l.l_linger.max(0) as u64)),
                ))
            }
            Kind::Text => {
                let mut buf = [0u8; 64];
                let len = getsockopt_bytes(fd, self, &mut buf)?;
                let end = buf[..len].iter().position(|&b| b == 0).unwrap_or(len);
                Ok(Value::Text(
                    String::from_utf8_lossy(&buf[..end]).into_owned(),
                ))
            }
            Kind::TcpInfo => {
                let mut buf = [0u8; 256];
                let len = getsockopt_bytes(fd, self, &mut buf)?;
                TcpInfo::parse(&buf[..len])
                    .map(Value::TcpInfo)
                    .ok_or_else(|| io::Error::from_raw_os_error(libc::EPROTO))
            }
        }
    }

    /// Write `value` (from [`SockOpt::parse_value`]) to `fd`.
    pub fn set(&self, fd: RawFd, value: &Value) -> io::Result<()> {
        match (self.kind, value) {
            (_, Value::Int(n)) => {
                sys::set_int(fd, self.level.raw(), self.optname, *n as libc::c_int)
            }
            (_, Value::Timeval(d)) => {
                let d = d.unwrap_or_default();
                let tv = libc::timeval {
                    tv_sec: d.as_secs() as libc::time_t,
                    tv_usec: d.subsec_micros() as libc::suseconds_t,
                };
                setsockopt_raw(fd, self, &tv)
            }
            (_, Value::Linger(d)) => {
                let l = libc::linger {
                    l_onoff: d.is_some() as libc::c_int,
                    l_linger: d.map_or(0, |d| d.as_secs() as libc::c_int),
                };
                setsockopt_raw(fd, self, &l)
            }
            (_, Value::Text(s)) => sys::set_bytes(fd, self.level.raw(), self.optname, s.as_bytes()),
            (_, Value::TcpInfo(_)) => Err(io::Error::from_raw_os_error(libc::ENOPROTOOPT)),
        }
    }
}

impl Setting {
    /// Why the kernel refused this setting, as the error sockkit reports: a value the
    /// kernel does not take (EINVAL, an unknown congestion algorithm) is bad input, exit 2;
    /// anything else (EPERM for SO_MARK without CAP_NET_ADMIN) a failed operation, exit 1.
    pub fn refused(&self, what: impl fmt::Display, err: &io::Error) -> Failure {
        match err.raw_os_error() {
            Some(libc::ENOENT) if self.opt.optname == libc::TCP_CONGESTION => {
                let available =
                    std::fs::read_to_string("/proc/sys/net/ipv4/tcp_available_congestion_control")
                        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(", "))
                        .unwrap_or_default();
                usage(
                    what,
                    format!("no such congestion control algorithm (this kernel has: {available})"),
                )
            }
            Some(libc::EINVAL) => usage(
                what,
                format!(
                    "{} (the kernel refuses this value)",
                    crate::error::reason(err)
                ),
            ),
            _ => crate::error::failed(what, crate::error::reason(err)),
        }
    }
}

/// "duration 'x': why" -> "why", so an option's error can name the option instead.
fn strip_what(message: &str) -> String {
    message
        .split_once(": ")
        .map_or(message, |(_, why)| why)
        .to_string()
}

fn getsockopt_raw<T: Plain>(fd: RawFd, opt: &SockOpt, out: &mut T) -> io::Result<()> {
    sys::get(fd, opt.level.raw(), opt.optname, out)
}

fn getsockopt_bytes(fd: RawFd, opt: &SockOpt, buf: &mut [u8]) -> io::Result<usize> {
    sys::get_bytes(fd, opt.level.raw(), opt.optname, buf)
}

fn setsockopt_raw<T: Plain>(fd: RawFd, opt: &SockOpt, value: &T) -> io::Result<()> {
    sys::set(fd, opt.level.raw(), opt.optname, value)
}

/// `sockopt get TCP_INFO`'s line: `state=ESTABLISHED rtt=0.031ms ... pmtu=65535`.
fn tcp_info_plain(i: &TcpInfo) -> String {
    format!(
        "state={} rtt={:.3}ms rttvar={:.3}ms cwnd={} mss={} rcv_mss={} unacked={} lost={} retrans={}/{} pmtu={}",
        tcp::state_name(i.state),
        i.rtt_us as f64 / 1000.0,
        i.rttvar_us as f64 / 1000.0,
        i.cwnd,
        i.snd_mss,
        i.rcv_mss,
        i.unacked,
        i.lost,
        i.retransmits,
        i.total_retrans,
        i.pmtu
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_with_or_without_prefix() {
        assert_eq!(lookup("SO_RCVBUF").unwrap().name, "SO_RCVBUF");
        assert_eq!(lookup("tcp_nodelay").unwrap().name, "TCP_NODELAY");
        assert_eq!(lookup("nodelay").unwrap().name, "TCP_NODELAY");
        assert_eq!(lookup("v6only").unwrap().name, "IPV6_V6ONLY");
        assert!(lookup("SO_NOPE").is_err());
        // TTL is IP_TTL only; MTU is in both IP and IPv6: ambiguous.
        assert!(lookup("mtu").unwrap_err().message.contains("ambiguous"));
    }

    #[test]
    fn registry_names_are_unique() {
        for (i, a) in REGISTRY.iter().enumerate() {
            assert!(
                REGISTRY[i + 1..].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
        }
    }

    #[test]
    fn value_forms() {
        let v = |s: &str| Setting::parse(s).map(|s| s.value);
        assert_eq!(v("SO_RCVBUF=64K").unwrap(), Value::Int(65536));
        assert_eq!(v("SO_REUSEADDR=on").unwrap(), Value::Int(1));
        assert_eq!(
            v("SO_LINGER=5s").unwrap(),
            Value::Linger(Some(Duration::from_secs(5)))
        );
        assert_eq!(v("SO_LINGER=off").unwrap(), Value::Linger(None));
        assert_eq!(
            v("SO_RCVTIMEO=250ms").unwrap(),
            Value::Timeval(Some(Duration::from_millis(250)))
        );
        assert_eq!(v("TCP_USER_TIMEOUT=30s").unwrap(), Value::Int(30000));
        assert_eq!(v("TCP_KEEPIDLE=2m").unwrap(), Value::Int(120));
        assert_eq!(v("TCP_KEEPIDLE=0x3c").unwrap(), Value::Int(60));
        assert_eq!(v("SO_RCVBUF=0x10000").unwrap(), Value::Int(65536));
        for bad in [
            "SO_RCVBUF",
            "SO_RCVBUF=lots",
            "SO_REUSEADDR=maybe",
            "SO_TYPE=1",
            "SO_LINGER=1.5s",
            "SO_RCVBUF=4G",
            "TCP_MAXSEG=99999999999",
            "=1",
        ] {
            let e = Setting::parse(bad).unwrap_err();
            assert_eq!(e.code, 2, "{bad}");
        }
    }
}
