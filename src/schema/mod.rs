//! The JSON schema in one place: every event sockkit writes on stderr ([`Event`]) and
//! every record it writes on stdout (the structs of the submodules, one per family of
//! commands). They derive `Serialize`; field order is the order on the wire.
//!
//! Each event is declared once, in the `events!` list below: its variant, its wire name,
//! the verbosity that shows it, the commands that emit it, its fields and (the doc
//! comment) what it means. From that one list come the [`Event`] enum and the [`EVENTS`]
//! table the EVENTS section of sockkit(1) is rendered from.

pub mod byteorder;
pub mod conns;
pub mod dump;
pub mod ping;
pub mod resolve;
pub mod scan;
pub mod sockopt;
pub mod tls;
pub mod udp;

use serde::Serialize;

/// When an event is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Always, whatever `-v` says (warnings, notices, the error that ends the run).
    Always,
    /// When `--stats` asks for it.
    Stats,
    /// At `-v`.
    Verbose,
    /// At `-vv`.
    Trace,
}

impl Level {
    /// The `-v` count from which the event is shown.
    pub fn verbosity(self) -> u8 {
        match self {
            Level::Always | Level::Stats => 0,
            Level::Verbose => 1,
            Level::Trace => 2,
        }
    }

    /// How the man page says it.
    pub fn shown(self) -> &'static str {
        match self {
            Level::Always => "always",
            Level::Stats => "--stats",
            Level::Verbose => "-v",
            Level::Trace => "-vv",
        }
    }
}

/// One row of the event table: what the man page says about an event.
#[derive(Debug)]
pub struct EventDoc {
    /// The `"event"` field on the wire. Some names have more than one row: the same
    /// happening, told with the fields of the command that emits it.
    pub name: &'static str,
    pub level: Level,
    /// The commands that emit it.
    pub from: &'static str,
    /// The other fields, in wire order.
    pub fields: &'static [&'static str],
    meaning: &'static str,
}

impl EventDoc {
    /// What the event means, one sentence or two.
    pub fn meaning(&self) -> &'static str {
        self.meaning.trim()
    }
}

/// Declares the events: the [`Event`] enum, the [`EVENTS`] table (one row per variant,
/// in the same order) and [`Event::doc`] from one list, so none can drift from the others.
macro_rules! events {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident = $name:literal, $level:ident, from $from:literal {
            $($field:ident: $ty:ty),* $(,)?
        }
    )+) => {
        /// An event: a line on stderr, or with `--json` an object whose `"event"` field
        /// names it, followed by its fields.
        #[derive(Debug, Serialize)]
        #[serde(tag = "event")]
        pub enum Event<'a> {
            $(
                $(#[doc = $doc])+
                #[serde(rename = $name)]
                $variant { $($field: $ty),* },
            )+
        }

        /// Every event, in the order of [`Event`]'s variants.
        pub static EVENTS: &[EventDoc] = &[
            $(EventDoc {
                name: $name,
                level: Level::$level,
                from: $from,
                fields: &[$(stringify!($field)),*],
                meaning: concat!($($doc),+),
            },)+
        ];

        /// The variants without their fields: an index into [`EVENTS`].
        #[derive(Clone, Copy)]
        enum Row {
            $($variant,)+
        }

        impl Event<'_> {
            /// This event's row of [`EVENTS`].
            pub fn doc(&self) -> &'static EventDoc {
                let row = match self {
                    $(Event::$variant { .. } => Row::$variant,)+
                };
                &EVENTS[row as usize]
            }
        }
    };
}

events! {
    // -- Listening and accepting: listen, forward.

    /// The socket is bound and listening; with --tls, the certificate's pin and whether
    /// it was made at start.
    Listening = "listening", Verbose, from "listen" {
        address: &'a str,
        tls: bool,
        fingerprint: Option<&'a str>,
        self_signed: bool,
    }
    /// The forwarder listens, and where its clients will be taken.
    ForwardListening = "listening", Verbose, from "forward" {
        address: &'a str,
        target: &'a str,
    }
    /// The socket is bound and waits for datagrams.
    DatagramListening = "listening", Verbose, from "udp-recv" {
        address: &'a str,
    }
    /// One of the addresses of the name could not be bound; the next is tried.
    BindFailed = "bind-failed", Verbose, from "listen" {
        address: &'a str,
        error: &'a str,
    }
    /// A stale Unix socket file (nothing listening behind it) was removed before binding.
    StaleSocket = "stale-socket", Verbose, from "listen --unix, forward --unix, udp-recv --unix" {
        path: &'a str,
    }
    /// The certificate presented with --tls: its pin, and whether it was made at start.
    Certificate = "certificate", Verbose, from "listen, forward" {
        fingerprint: &'a str,
        self_signed: bool,
    }
    /// A client was accepted.
    Accepted = "accepted", Verbose, from "listen, forward" {
        peer: &'a str,
    }
    /// A client was closed at once: --allow/--deny keeps it out.
    Denied = "denied", Verbose, from "listen, forward" {
        peer: &'a str,
    }
    /// A client was closed at once (`reason`: `max-conns`, --max-conns clients are served).
    Refused = "refused", Verbose, from "listen, forward" {
        peer: &'a str,
        reason: &'a str,
    }
    /// accept(2) ran short of descriptors or memory; accepting pauses until some are free.
    Short = "short", Verbose, from "listen, forward" {
        reason: &'a str,
    }
    /// A client gave up before it was accepted.
    Aborted = "aborted", Verbose, from "listen, forward" {
        reason: &'a str,
    }
    /// Accepting again after a pause for descriptors.
    Accepting = "accepting", Verbose, from "listen, forward" {}
    /// A client's TLS handshake failed (--tls); the client is closed.
    TlsFailed = "tls-failed", Verbose, from "listen, forward" {
        peer: &'a str,
        error: &'a str,
    }
    /// A client's TLS handshake is done (--tls); `client_subject` with --verify-client.
    TlsAccepted = "tls", Verbose, from "listen, forward" {
        peer: &'a str,
        protocol: &'a str,
        cipher: &'a str,
        client_subject: Option<&'a str>,
    }
    /// A TLS session ended other than with close_notify (`reason` says how).
    TlsEnd = "tls-end", Verbose, from "connect --tls, listen --tls, forward --tls" {
        peer: &'a str,
        reason: &'a str,
    }
    /// The program started for a client (--exec, --sh-exec) exited; `status` is null
    /// when a signal ended it.
    Exited = "exited", Verbose, from "listen" {
        peer: &'a str,
        status: Option<i32>,
    }

    // -- Streams: the relay of listen and connect, the broker.

    /// A session ended: bytes received from and sent to the peer.
    Closed = "closed", Verbose, from "connect, listen" {
        peer: &'a str,
        bytes_in: u64,
        bytes_out: u64,
    }
    /// Byte counts, time and rate of a session.
    Stats = "stats", Stats, from "connect, listen" {
        peer: &'a str,
        bytes_in: u64,
        bytes_out: u64,
        seconds: f64,
        bytes_per_second: u64,
    }
    /// The peer closed while standard input still had data: sending stopped.
    Unsent = "unsent", Verbose, from "connect, listen" {
        peer: &'a str,
        bytes_sent_after_close: u64,
    }
    /// A client that does not read was dropped (`reason`: `not-reading`).
    Dropped = "dropped", Verbose, from "listen --broker" {
        peer: &'a str,
        reason: &'a str,
        bytes_queued: usize,
    }
    /// A client idle for --idle-timeout was closed (`reason`: `idle-timeout`).
    Idle = "idle", Verbose, from "listen -k, --broker, --echo" {
        peer: &'a str,
        reason: &'a str,
    }
    /// Reading from or writing to one client failed; that client is closed.
    ClientError = "error", Verbose, from "listen -k, --broker, --echo" {
        peer: &'a str,
        error: &'a str,
    }

    // -- Forwarding.

    /// A client's connection to the target is made, in `ms`.
    TargetConnected = "connected", Verbose, from "forward" {
        peer: &'a str,
        target: &'a str,
        ms: f64,
    }
    /// The target could not be reached for a client; that client is closed.
    TargetFailed = "target-failed", Verbose, from "forward" {
        peer: &'a str,
        target: &'a str,
        reason: &'a str,
    }
    /// A forwarded connection ended: bytes each way, its length, and how it ended (`end`:
    /// `closed`, `idle`, `reset`; `reason` when not closed).
    ForwardClosed = "closed", Verbose, from "forward" {
        peer: &'a str,
        bytes_in: u64,
        bytes_out: u64,
        seconds: f64,
        end: &'a str,
        reason: Option<&'a str>,
    }

    // -- Connecting.

    /// Connected, in `ms`.
    Connected = "connected", Verbose, from "connect, tls, forward --to-tls" {
        peer: &'a str,
        ms: f64,
    }
    /// Connected to the proxy (`proxy` is true), in `ms`.
    ProxyConnected = "connected", Verbose, from "connect, ping, tls, wait, forward with --proxy" {
        peer: &'a str,
        proxy: bool,
        ms: f64,
    }
    /// The proxy reached the target.
    Proxied = "proxied", Verbose, from "connect, ping, tls, wait, forward with --proxy" {
        proxy: &'a str,
        target: &'a str,
    }
    /// One address of the name refused or failed; the next is tried.
    ConnectFailed = "connect-failed", Verbose, from "connect, tls, forward --to-tls" {
        peer: &'a str,
        error: &'a str,
    }
    /// A connect failed and --wait-until retries it (said once per distinct error).
    Retry = "retry", Verbose, from "connect --wait-until" {
        peer: &'a str,
        error: &'a str,
        tries: u64,
    }
    /// The target answered after `tries` tries (--wait-until).
    ConnectReady = "ready", Verbose, from "connect --wait-until" {
        peer: &'a str,
        tries: u64,
        ms: f64,
    }
    /// A TLS session is made (--tls): what was negotiated, and the handshake time.
    TlsSession = "tls", Verbose, from "connect --tls" {
        protocol: &'a str,
        cipher: &'a str,
        alpn: Option<&'a str>,
        handshake_ms: f64,
    }
    /// A TLS handshake with a target is done.
    Handshake = "handshake", Verbose, from "tls" {
        peer: &'a str,
        protocol: &'a str,
        cipher: &'a str,
        ms: f64,
    }

    // -- Scanning.

    /// A scan starts: the host (or block, or list), how many hosts and ports, how many
    /// at once, the timeout of each.
    ScanStart = "scan-start", Verbose, from "connect -z" {
        host: &'a str,
        name: &'a str,
        hosts: u64,
        ports: usize,
        concurrency: usize,
        timeout_ms: f64,
    }
    /// A scan is done: the counts of each state, and how long it took.
    ScanDone = "scan-done", Verbose, from "connect -z" {
        host: &'a str,
        hosts: u64,
        ports: usize,
        open: usize,
        closed: usize,
        timeout: usize,
        seconds: f64,
    }

    // -- resolve, ping, wait.

    /// A lookup (getaddrinfo(), gethostbyaddr(), ...) and the time it took.
    Lookup = "lookup", Verbose, from "resolve" {
        lookup: &'a str,
        ms: f64,
    }
    /// Pinging starts: the target, the probe count (null: until interrupted), the
    /// interval and the timeout.
    PingStart = "ping-start", Verbose, from "ping" {
        peer: &'a str,
        host: &'a str,
        count: Option<u64>,
        tls: bool,
        proxy: Option<&'a str>,
        interval_ms: f64,
        timeout_ms: f64,
    }
    /// Waiting starts: the targets, whether any one is enough, the deadline.
    WaitStart = "wait-start", Verbose, from "wait" {
        targets: Vec<&'a str>,
        any: bool,
        deadline_ms: f64,
    }
    /// An attempt at a target failed; the next follows after a pause.
    Attempt = "attempt", Verbose, from "wait" {
        target: &'a str,
        attempt: u64,
        error: &'a str,
        ms: f64,
    }
    /// A target is ready.
    Ready = "ready", Verbose, from "wait" {
        target: &'a str,
        attempt: u64,
        ms: f64,
    }
    /// Every target (with --any: one) is ready.
    AllReady = "all-ready", Verbose, from "wait" {
        seconds: f64,
    }

    // -- Datagrams.

    /// The socket datagrams are sent from.
    Sending = "sending", Verbose, from "udp-send" {
        to: &'a str,
        from: &'a str,
    }
    /// Nothing listens at this address of the name; the next is tried.
    DatagramRefused = "refused", Verbose, from "udp-send" {
        to: &'a str,
        error: &'a str,
    }
    /// No reply came within the wait (-r).
    NoReply = "no-reply", Verbose, from "udp-send" {
        from: &'a str,
        waited_ms: f64,
    }
    /// Sending is done: datagrams, bytes, time, rate, and replies (null without -r).
    Sent = "sent", Verbose, from "udp-send" {
        datagrams: u64,
        bytes: u64,
        seconds: f64,
        per_second: f64,
        replies: Option<u64>,
    }
    /// A multicast group was joined (`ifindex` 0: the kernel's choice).
    Joined = "joined", Verbose, from "udp-recv" {
        group: &'a str,
        ifindex: u32,
    }
    /// An earlier reply was refused by its receiver (ICMP port unreachable).
    Icmp = "icmp", Verbose, from "udp-recv" {
        error: &'a str,
    }
    /// The program run for a datagram (--exec) exited (`exit`: its status, null when a
    /// signal ended it) and gave `reply_len` bytes back.
    Exec = "exec", Verbose, from "udp-recv" {
        to: &'a str,
        exit: Option<i32>,
        reply_len: usize,
    }

    // -- Sockets.

    /// Following sockets as the kernel destroys them (--events).
    Following = "following", Verbose, from "conns" {}
    /// An -O option that does not fit this kind of socket was skipped.
    SockoptSkipped = "sockopt-skipped", Trace, from "every command" {
        option: &'a str,
        reason: &'a str,
    }
    /// One system call, strace-style: `connect(3, 127.0.0.1:80) = 0`.
    Syscall = "syscall", Trace, from "every command" {
        call: &'a str,
    }

    // -- Always shown.

    /// A note about a wait that could surprise, with a hint.
    Notice = "notice", Always, from "every command" {
        message: &'a str,
        hint: &'a str,
    }
    /// Something worth a look that does not stop the command.
    Warning = "warning", Always, from "every command" {
        message: &'a str,
    }
    /// The error that ends the run: what failed, why, a hint (or null), the exit status.
    Error = "error", Always, from "every command" {
        what: &'a str,
        why: &'a str,
        hint: Option<&'a str>,
        exit: u8,
    }
}

impl Event<'_> {
    /// The JSON line of the event (without the newline).
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

/// A record or event as one JSON line. Serialising these types cannot fail (every key is
/// a string), so there is no error to hand on.
pub fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests;
