//! The whole command-line definition, and nothing else.
//!
//! This file imports no other sockkit module on purpose: the generator for
//! `completions/` and `man/` (tests/generated.rs) and the tests reuse it as it is.
//! Values arrive here as text where sockkit has its own grammar (endpoints, durations,
//! sizes, socket options); `options.rs` and the subcommands turn them into checked types.

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// The exit codes, shown under every command's help and (by the generator) as every man
/// page's EXIT STATUS section. `exit_status!(WHY_1)` fits the list to a subcommand: what
/// exit 1 means there; `quick` for a command too short-lived to be interrupted meaningfully.
macro_rules! exit_status {
    ($failed:expr) => {
        concat!(
            exit_status!($failed, quick),
            "\n  130, 143  interrupted by SIGINT / SIGTERM (data already received is written out)"
        )
    };
    ($failed:expr, quick) => {
        concat!(
            "Exit status:\n  0  success\n  1  the operation failed: ",
            $failed,
            "\n  2  bad usage or invalid input (port 70000, 1.2.3.999, unknown option name)"
        )
    };
}

/// The exit codes of the whole tool, or of one subcommand (`exit_codes!(resolve)`).
macro_rules! exit_codes {
    () => {
        exit_status!("refused, unreachable, reset, name not found, timed out,\n     --expect not matched, scan found nothing open")
    };
    (listen) => {
        exit_status!("address in use or not permitted, no client within -w,\n     a client left before stdin was delivered")
    };
    (connect) => {
        exit_status!("refused, unreachable, reset, name not found, timed out,\n     --expect not matched, -z found nothing open, --wait-until gave up")
    };
    (udp_send) => {
        exit_status!("refused (ICMP port unreachable), unreachable, name not found,\n     -r and no reply within -w")
    };
    (udp_recv) => {
        exit_status!("address in use, nothing received within -w (or fewer than --count)")
    };
    (resolve) => {
        exit_status!("name, address, service or protocol not found; the resolver failed", quick)
    };
    (sockopt) => {
        exit_status!("the kernel refused the option; no such process or fd (--pid, --fd)", quick)
    };
    (conns) => {
        exit_status!("the kernel's socket table could not be read")
    };
    (byteorder) => {
        exit_status!("writing the output failed", quick)
    };
}

const EXIT_CODES: &str = exit_codes!();

#[derive(Debug, Parser)]
#[command(
    name = "sockkit",
    version,
    about = "Network diagnostics toolkit: nc, ss, getent and the socket helpers in one binary",
    long_about = "sockkit is a network diagnostics toolkit in the netcat / ss family: \
TCP and Unix stream clients and servers (plain or TLS), UDP senders and receivers, port \
scans, TCP ping and waiting for services, certificate chains, the resolver as the C library \
sees it, socket options, the sockets on this host, and the C byte-order helpers. \
Every subcommand speaks plain text on a terminal and JSON Lines with --json (errors \
included). Two rules hold everywhere: a bound of 0 (-w 0) waits not at all, so what is ready \
at once counts and the rest times out; port 0 means any free port, which a listener may bind \
and a client cannot send to (exit 2).",
    after_help = EXIT_CODES,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes, before or after the subcommand name.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use IPv4 only
    #[arg(short = '4', global = true, conflicts_with = "ipv6")]
    pub ipv4: bool,

    /// Use IPv6 only
    #[arg(short = '6', global = true)]
    pub ipv6: bool,

    /// Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all
    #[arg(short = 'w', long = "timeout", value_name = "DUR", global = true)]
    pub timeout: Option<String>,

    /// Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)
    #[arg(short = 'O', long = "sockopt", value_name = "NAME=VALUE", global = true, action = ArgAction::Append)]
    pub sockopt: Vec<String>,

    /// Events on stderr; twice (-vv) also every socket system call, strace-style
    #[arg(short = 'v', long = "verbose", global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Records as JSON Lines on stdout, events as JSON Lines on stderr
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// TCP or Unix stream server: accept a client and relay stdin/stdout
    #[command(after_help = exit_codes!(listen))]
    Listen(ListenArgs),
    /// TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan
    #[command(after_help = exit_codes!(connect))]
    Connect(ConnectArgs),
    /// Send UDP or Unix datagrams
    #[command(name = "udp-send", after_help = exit_codes!(udp_send))]
    UdpSend(UdpSendArgs),
    /// Receive UDP or Unix datagrams, one line each
    #[command(name = "udp-recv", after_help = exit_codes!(udp_recv))]
    UdpRecv(UdpRecvArgs),
    /// The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols
    #[command(after_help = exit_codes!(resolve))]
    Resolve(ResolveArgs),
    /// Socket options: list them, read and set them on fresh or live sockets
    #[command(after_help = exit_codes!(sockopt))]
    Sockopt(SockoptArgs),
    /// The sockets on this host, like `ss -t state established`
    #[command(after_help = exit_codes!(conns))]
    Conns(ConnsArgs),
    /// The C byte-order and address helpers, exactly as Python's socket module answers
    #[command(after_help = exit_codes!(byteorder))]
    Byteorder(ByteorderArgs),
    /// Connect latency of a TCP port, like ping(8): one handshake per probe, then a summary
    #[command(after_help = EXIT_CODES)]
    Ping(PingArgs),
    /// Wait until services are ready (TCP, Unix, TLS, HTTP, HTTPS), then run a command
    #[command(after_help = EXIT_CODES)]
    Wait(WaitArgs),
    /// TLS handshake and certificate chain of one or more servers: expiry, names, trust
    #[command(after_help = EXIT_CODES)]
    Tls(TlsArgs),
    /// Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump
    #[command(after_help = EXIT_CODES)]
    Forward(ForwardArgs),
}

/// Options shared by the two stream relays.
#[derive(Debug, Args, Clone, Default)]
pub struct StreamArgs {
    /// Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)
    #[arg(long, value_name = "PATH")]
    pub unix: Option<String>,

    /// Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))
    #[arg(long)]
    pub no_shutdown: bool,

    /// Send CRLF as the line ending (translate LF from stdin to CRLF)
    #[arg(long)]
    pub crlf: bool,

    /// Close the connection when nothing moves either way for DUR
    #[arg(long, value_name = "DUR")]
    pub idle_timeout: Option<String>,

    /// After the peer's EOF, send a file/pipe stdin for at most DUR more (0: end at once)
    #[arg(long, value_name = "DUR")]
    pub linger: Option<String>,

    /// Print bytes each way, duration and throughput on stderr at the end
    #[arg(long)]
    pub stats: bool,

    /// Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)
    #[arg(short = 'n', long)]
    pub numeric: bool,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit listen [OPTIONS] [ADDR] PORT\n       sockkit listen [OPTIONS] --unix PATH",
    after_long_help = concat!("Examples:\n  sockkit listen 4000                  one client, relay stdin/stdout\n  sockkit listen -k --echo 127.0.0.1 7 an echo server for many clients\n  sockkit listen -k 4000 --sh-exec 'echo hi from $(hostname)'\n  sockkit listen --unix /run/app.sock  a Unix stream socket\n\nEnd of a session: stdin EOF half-closes (unless --no-shutdown) and reading goes on, however\nlate the answer. At the peer's EOF what was received is written out and stdout is closed;\nthen a terminal stdin ends the session, while a file, pipe or socket stdin is sent to its\nend (exit 0), or until the peer refuses it (exit 1, saying how much was not delivered).\n--linger DUR bounds that wait (--linger 0: end at the peer's EOF). SIGINT/SIGTERM while\nstdin is still being sent resets the connection, so the peer knows the stream is incomplete.", "\n\n", exit_codes!(listen))
)]
pub struct ListenArgs {
    /// [ADDR] PORT or ADDR:PORT (default address: all, dual-stack); port 0 picks a free port
    #[arg(value_name = "ADDR PORT", num_args = 0..=2)]
    pub endpoint: Vec<String>,

    #[command(flatten)]
    pub stream: StreamArgs,

    /// Keep accepting; clients are served concurrently (client data to stdout, stdin to every client)
    #[arg(short = 'k', long)]
    pub keep_open: bool,

    /// Send each client's bytes back to it
    #[arg(long, conflicts_with_all = ["exec", "sh_exec", "broker"])]
    pub echo: bool,

    /// Run PROG with ARGS (no shell) for each connection, the socket on its stdin/stdout; put it last: every word after it is PROG's
    #[arg(long, value_name = "PROG [ARGS]", num_args = 1.., allow_hyphen_values = true, conflicts_with_all = ["sh_exec", "broker"])]
    pub exec: Vec<String>,

    /// Run CMD with /bin/sh -c for each connection, the socket on its stdin/stdout
    #[arg(long, value_name = "CMD", conflicts_with = "broker")]
    pub sh_exec: Option<String>,

    /// Chat room: every client's bytes go to all other clients
    #[arg(long)]
    pub broker: bool,

    /// Serve at most N clients at once; more are closed at accept
    #[arg(long, value_name = "N")]
    pub max_conns: Option<usize>,

    /// Accept only clients from ADDR[/PREFIX] (repeatable)
    #[arg(long, value_name = "ADDR[/PREFIX]")]
    pub allow: Vec<String>,

    /// Refuse clients from ADDR[/PREFIX] (repeatable)
    #[arg(long, value_name = "ADDR[/PREFIX]")]
    pub deny: Vec<String>,

    /// Listen backlog: connections the kernel queues until they are accepted
    #[arg(short = 'b', long, value_name = "N", default_value = "128")]
    pub backlog: Option<i32>,

    /// Speak TLS to every client: --cert/--key, or a self-signed certificate made at start
    #[arg(long, visible_alias = "ssl")]
    pub tls: bool,

    #[command(flatten)]
    pub tls_server: TlsServerArgs,

    #[command(flatten)]
    pub dump: DumpArgs,
}

/// `--dump`: every chunk each way, as it passes.
#[derive(Debug, Args, Clone, Default)]
pub struct DumpArgs {
    /// Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)
    #[arg(long, value_name = "PATH|-")]
    pub dump: Option<String>,

    /// Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = DumpFormat::Hex, requires = "dump")]
    pub dump_format: DumpFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DumpFormat {
    #[default]
    Hex,
    Text,
    Json,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit forward [OPTIONS] [ADDR] PORT --to HOST:PORT\n       sockkit forward [OPTIONS] --unix PATH --to HOST:PORT\n       sockkit forward [OPTIONS] [ADDR] PORT --to-unix PATH",
    after_long_help = concat!("Every client accepted gets its own connection to the target, and bytes are relayed both\nways (zero-copy splice(2) between plain sockets; copies with --dump). A half-close on\neither side is passed on, so the other side's answer still flows back; a reset is passed\non. A target that refuses, or does not answer within -w, closes that client alone (an\nevent says why) and the forwarder goes on serving. -v events per client: accepted,\nconnected to the target in N ms, closed with bytes in (client to target), bytes out\n(target to client) and seconds. Runs until SIGINT/SIGTERM.\n\nExamples:\n  sockkit forward 8080 --to backend:80                 socat TCP-LISTEN:8080,fork TCP:backend:80\n  sockkit forward 127.0.0.1 5433 --to db:5432 --dump -  watch a protocol as it passes\n  sockkit forward --unix /run/app.sock --to 127.0.0.1:8000\n  sockkit forward 9000 --to-unix /var/run/docker.sock --allow 127.0.0.1\n  sockkit forward 8080 --to internal:80 --proxy socks5://127.0.0.1:1080", "\n\n", exit_codes!())
)]
pub struct ForwardArgs {
    /// [ADDR] PORT or ADDR:PORT to listen on (default address: all, dual-stack)
    #[arg(value_name = "ADDR PORT", num_args = 0..=2)]
    pub endpoint: Vec<String>,

    /// The target: HOST:PORT or [V6ADDR]:PORT
    #[arg(long, value_name = "HOST:PORT", required_unless_present = "to_unix")]
    pub to: Option<String>,

    /// The target is the AF_UNIX stream socket at PATH (@name: abstract namespace)
    #[arg(long, value_name = "PATH", conflicts_with = "to")]
    pub to_unix: Option<String>,

    /// Listen on an AF_UNIX stream socket at PATH instead of TCP
    #[arg(long, value_name = "PATH")]
    pub unix: Option<String>,

    /// Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@
    #[arg(long, value_name = "URL", conflicts_with = "to_unix")]
    pub proxy: Option<String>,

    /// Speak TLS to the clients (terminate it here): --server-cert/--server-key, or a self-signed certificate made at start
    #[arg(long, visible_alias = "ssl")]
    pub tls: bool,

    /// With --tls: the certificate chain to present to clients (PEM)
    #[arg(long, value_name = "FILE", requires = "server_key")]
    pub server_cert: Option<String>,

    /// With --tls: the private key of --server-cert (PEM)
    #[arg(long, value_name = "FILE", requires = "server_cert")]
    pub server_key: Option<String>,

    /// With --tls: accept only clients whose certificate a CA of this PEM file issued
    #[arg(long, value_name = "CA_FILE")]
    pub verify_client: Option<String>,

    /// Speak TLS to the target (a client: verified against the system's roots unless --ca, --pin or --insecure say otherwise)
    #[arg(long, conflicts_with = "to_unix")]
    pub to_tls: bool,

    #[command(flatten)]
    pub tls_client: TlsClientArgs,

    /// Close a client's relay when nothing moves either way for DUR
    #[arg(long, value_name = "DUR")]
    pub idle_timeout: Option<String>,

    /// Serve at most N clients at once; more are closed at accept
    #[arg(long, value_name = "N")]
    pub max_conns: Option<usize>,

    /// Accept only clients from ADDR[/PREFIX] (repeatable)
    #[arg(long, value_name = "ADDR[/PREFIX]")]
    pub allow: Vec<String>,

    /// Refuse clients from ADDR[/PREFIX] (repeatable)
    #[arg(long, value_name = "ADDR[/PREFIX]")]
    pub deny: Vec<String>,

    /// Listen backlog
    #[arg(short = 'b', long, value_name = "N")]
    pub backlog: Option<i32>,

    #[command(flatten)]
    pub dump: DumpArgs,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit connect [OPTIONS] HOST PORT\n       sockkit connect [OPTIONS] --unix PATH\n       sockkit connect -z [OPTIONS] HOST PORTS..\n       sockkit connect -z [OPTIONS] --targets FILE PORTS..",
    after_long_help = concat!("Examples:\n  sockkit connect example.org 80 --send 'HEAD / HTTP/1.0\\r\\n\\r\\n'\n  sockkit connect 127.0.0.1:12345 --send hello --expect '^hi'\n  sockkit connect -z 127.0.0.1 22,80,8000-8100\n  sockkit connect -z --open 10.0.0.0/24 22 80 443\n  sockkit connect --wait-until 30s db 5432 --send ''\n\nEnd of a session: stdin EOF half-closes (unless --no-shutdown) and reading goes on, however\nlate the answer. At the peer's EOF what was received is written out and stdout is closed;\nthen a terminal stdin ends the session, while a file, pipe or socket stdin is sent to its\nend (exit 0), or until the peer refuses it (exit 1, saying how much was not delivered).\n--linger DUR bounds that wait (--linger 0: end at the peer's EOF). SIGINT/SIGTERM while\nstdin is still being sent resets the connection, so the peer knows the stream is incomplete.", "\n\n", exit_codes!(connect))
)]
pub struct ConnectArgs {
    /// HOST PORT, HOST:PORT or [V6ADDR]:PORT; with -z, HOST may be a CIDR block (10.0.0.0/24) and PORTS are one or more words of ports and ranges (22,80 8000-8100)
    #[arg(value_name = "HOST PORT")]
    pub endpoint: Vec<String>,

    #[command(flatten)]
    pub stream: StreamArgs,

    /// Send TEXT instead of reading stdin (escapes \r \n \t \\ \xHH), then half-close
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub send: Option<String>,

    /// Read until the reply matches REGEX (exit 0) or EOF/timeout (exit 1, after 10s unless -w says); the reply goes to stdout as received
    #[arg(long, value_name = "REGEX", allow_hyphen_values = true)]
    pub expect: Option<String>,

    /// Zero-I/O mode: report which of PORTS are open, probed concurrently; exit 0 if any is open
    ///
    /// One line (or --json record) per host and port, host by host in list order: open/closed/timeout
    /// and the connect latency; a port that failed otherwise (network unreachable) is closed, with
    /// the reason. Exit 1 when none is open, with that reason when every port failed alike.
    /// Per-port timeout: -w (default 1s). A name is resolved once; the first address (-4/-6
    /// respected) is scanned. HOST may be a CIDR block (127.0.0.0/28: every address in it), or
    /// --targets FILE lists the hosts; PORTS may be several words (22 80 8000-8100)
    #[arg(short = 'z', long)]
    pub scan: bool,

    /// With -z, show only the open ports (plain and --json), as nmap's --open
    #[arg(long, requires = "scan")]
    pub open: bool,

    /// How many ports to probe at once with -z (default 256, bounded by the open-file limit)
    #[arg(long, value_name = "N", requires = "scan")]
    pub concurrency: Option<usize>,

    /// With -z, scan the hosts listed in FILE (one name, address or CIDR block a line; # comments) instead of a HOST word
    #[arg(long, value_name = "FILE", requires = "scan")]
    pub targets: Option<String>,

    /// Retry the connection every 200ms until it succeeds or DUR passes (wait-for-it)
    #[arg(long, value_name = "DUR")]
    pub wait_until: Option<String>,

    /// Bind the local end to ADDR before connecting
    #[arg(short = 's', long = "source", value_name = "ADDR")]
    pub source: Option<String>,

    /// Bind the local end to PORT before connecting
    #[arg(short = 'p', long = "source-port", value_name = "PORT")]
    pub source_port: Option<String>,

    /// Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@; the proxy must have connected within -w (default 30s)
    #[arg(long, value_name = "URL", conflicts_with_all = ["source", "source_port", "scan"])]
    pub proxy: Option<String>,

    /// Speak TLS (verified against the system's roots; any TLS client option implies it)
    #[arg(long, visible_alias = "ssl", conflicts_with = "scan")]
    pub tls: bool,

    #[command(flatten)]
    pub tls_client: TlsClientArgs,

    #[command(flatten)]
    pub dump: DumpArgs,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit udp-send [OPTIONS] HOST PORT [MESSAGE]\n       sockkit udp-send [OPTIONS] --unix PATH [MESSAGE]",
    after_long_help = concat!(
        "Without MESSAGE each stdin line (newline dropped) is one datagram; --raw sends all of \
stdin as one. A datagram too large to send (65507 bytes over IPv4, 65527 over IPv6, the \
kernel's limit for Unix sockets) is bad input, exit 2. The socket is connected, so a port \
nobody listens on shows up as 'connection refused' (exit 1) once the ICMP error is back.\n\n\
-r waits up to -w (default 2s) after each datagram and prints the reply as udp-recv prints \
a datagram (--json adds rtt_ms); exit 1 when a reply did not come.\n\n\
Examples:\n  sockkit udp-send 127.0.0.1 5000 hello\n  sockkit udp-send -r -w 1s 127.0.0.1 21567 'what time is it'\n  \
sockkit udp-send --count 1000 --size 64 --interval 1ms 127.0.0.1 9\n  \
sockkit udp-send --hex 127.0.0.1 5000 00ff0a\n  sockkit udp-send --unix /run/app.sock ping",
        "\n\n",
        exit_codes!(udp_send)
    )
)]
pub struct UdpSendArgs {
    /// HOST PORT [MESSAGE] (or HOST:PORT [MESSAGE]; with --unix only [MESSAGE])
    #[arg(value_name = "HOST PORT [MESSAGE]", num_args = 0..=3)]
    pub args: Vec<String>,

    /// Send to an AF_UNIX datagram socket at PATH (@name: abstract namespace)
    #[arg(long, value_name = "PATH")]
    pub unix: Option<String>,

    /// Send all of stdin as one datagram
    #[arg(long)]
    pub raw: bool,

    /// Send the message (or each line, or the generated payload) N times
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,

    /// Wait DUR between datagrams
    #[arg(long, value_name = "DUR")]
    pub interval: Option<String>,

    /// Send a generated payload of BYTES (64, 1K) instead of MESSAGE or stdin
    #[arg(long, value_name = "BYTES")]
    pub size: Option<String>,

    /// MESSAGE is hex (68656c6c6f)
    #[arg(long)]
    pub hex: bool,

    /// Allow sending to a broadcast address (SO_BROADCAST)
    #[arg(long)]
    pub broadcast: bool,

    /// IP time-to-live (hop limit) of the datagrams, unicast and multicast
    #[arg(long, value_name = "N")]
    pub ttl: Option<u32>,

    /// After each datagram wait up to --timeout (default 2s) for a reply and print it (exit 1 when none came)
    #[arg(short = 'r', long)]
    pub wait_reply: bool,

    /// Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)
    #[arg(short = 'n', long)]
    pub numeric: bool,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit udp-recv [OPTIONS] [ADDR] PORT\n       sockkit udp-recv [OPTIONS] --unix PATH",
    after_long_help = concat!(
        "Binds all addresses, IPv4 and IPv6, unless ADDR is given (-4: IPv4 only). -v prefixes \
each line with [sender] and reports 'listening on ADDR:PORT' (the real port when PORT is 0). \
--json records: {\"from\":\"127.0.0.1:5000\",\"len\":5,\"data\":\"hello\"}, data_hex instead of data \
when the payload is not UTF-8 (or with --hex).\n\n\
-w DUR ends the wait after DUR without a datagram: exit 0 when something came (and --count, \
if given, was reached), 1 when nothing came at all or fewer than --count. -w also bounds each \
--exec/--sh-exec run (default 10s; its process group is killed). Put --exec last: every word \
after it is its argument.\n\n\
Examples:\n  sockkit udp-recv 5000                 one line per datagram\n  sockkit udp-recv --json --count 1 127.0.0.1 5000\n  \
sockkit udp-recv --echo 127.0.0.1 7\n  sockkit udp-recv --join 239.255.0.1 5000\n  \
sockkit udp-recv 21567 --sh-exec 'printf \"[%s] \" \"$(date +%T)\"; cat'",
        "\n\n",
        exit_codes!(udp_recv)
    )
)]
pub struct UdpRecvArgs {
    /// [ADDR] PORT or ADDR:PORT (default address: all, dual-stack)
    #[arg(value_name = "ADDR PORT", num_args = 0..=2)]
    pub endpoint: Vec<String>,

    /// Receive on an AF_UNIX datagram socket at PATH (@name: abstract namespace)
    #[arg(long, value_name = "PATH")]
    pub unix: Option<String>,

    /// Write payload bytes unchanged, nothing added
    #[arg(long, conflicts_with = "hex")]
    pub raw: bool,

    /// Print a hex dump of each datagram
    #[arg(long)]
    pub hex: bool,

    /// Exit after N datagrams
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,

    /// Send each datagram back to its sender
    #[arg(long, conflicts_with_all = ["reply", "exec", "sh_exec"])]
    pub echo: bool,

    /// Answer each datagram with TEXT (escapes \r \n \t \\ \xHH)
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["exec", "sh_exec"])]
    pub reply: Option<String>,

    /// Run PROG with ARGS (no shell) per datagram, the payload on its stdin, its stdout sent back; put it last: every word after it is PROG's
    #[arg(long, value_name = "PROG [ARGS]", num_args = 1.., allow_hyphen_values = true, conflicts_with = "sh_exec")]
    pub exec: Vec<String>,

    /// Run CMD with /bin/sh -c per datagram, the payload on its stdin, its stdout sent back
    #[arg(long, value_name = "CMD")]
    pub sh_exec: Option<String>,

    /// Join multicast GROUP (repeatable)
    #[arg(long, value_name = "GROUP")]
    pub join: Vec<String>,

    /// Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)
    #[arg(short = 'n', long)]
    pub numeric: bool,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit resolve [OPTIONS] NAME [SERVICE]\n       sockkit resolve --reverse ADDR\n       sockkit resolve --service NAME|PORT [--proto tcp|udp]\n       sockkit resolve --protocol NAME|NUMBER\n       sockkit resolve --hostname [--fqdn]",
    after_long_help = concat!("Examples:\n  sockkit resolve localhost http\n  sockkit resolve --short -4 localhost\n  sockkit resolve --reverse 127.0.0.1\n  sockkit resolve --service 443 --proto tcp\n  sockkit resolve --hostname --fqdn", "\n\n", exit_codes!(resolve))
)]
pub struct ResolveArgs {
    /// Host name or address to look up with getaddrinfo
    #[arg(value_name = "NAME", required_unless_present_any = ["reverse", "service", "protocol", "hostname"])]
    pub name: Option<String>,

    /// Service name or port number
    #[arg(value_name = "SERVICE")]
    pub service_arg: Option<String>,

    /// Only rows of this socket type
    #[arg(long = "type", value_name = "TYPE", value_enum)]
    pub socktype: Option<ResolveType>,

    /// Ask for the canonical name (AI_CANONNAME)
    #[arg(long)]
    pub canonical: bool,

    /// Addresses only, one per line, in getaddrinfo order, without duplicates
    #[arg(long)]
    pub short: bool,

    /// Reverse lookup of ADDR: name and aliases (getnameinfo, gethostbyaddr)
    #[arg(long, value_name = "ADDR", conflicts_with_all = ["name", "service", "protocol", "hostname"])]
    pub reverse: Option<String>,

    /// Look up a service by NAME or PORT (getservbyname / getservbyport)
    #[arg(long, value_name = "NAME|PORT", conflicts_with_all = ["name", "protocol", "hostname"])]
    pub service: Option<String>,

    /// Protocol for --service
    #[arg(long, value_name = "PROTO", value_enum, requires = "service")]
    pub proto: Option<ServiceProto>,

    /// Look up a protocol by NAME or NUMBER (getprotobyname / getprotobynumber)
    #[arg(long, value_name = "NAME|NUMBER", conflicts_with_all = ["name", "hostname"])]
    pub protocol: Option<String>,

    /// Print this host's name (gethostname)
    #[arg(long, conflicts_with = "name")]
    pub hostname: bool,

    /// With --hostname: the fully qualified name, as Python's getfqdn
    #[arg(long, requires = "hostname")]
    pub fqdn: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResolveType {
    Stream,
    Dgram,
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ServiceProto {
    Tcp,
    Udp,
}

#[derive(Debug, Args)]
pub struct SockoptArgs {
    #[command(subcommand)]
    pub action: SockoptAction,
}

#[derive(Debug, Subcommand)]
pub enum SockoptAction {
    /// Every option known: name, level, value kind, socket types, get/set
    List,
    /// Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME
    Get(SockoptGetArgs),
    /// Set options, read them back, and show requested and effective values
    Set(SockoptSetArgs),
}

/// Which socket the option is read from or set on.
#[derive(Debug, Args, Clone, Default)]
pub struct SockoptTarget {
    /// The kind of fresh socket (with -6: an AF_INET6 one)
    #[arg(long = "type", value_name = "TYPE", value_enum, default_value_t = SockType::Tcp)]
    pub socktype: SockType,

    /// A live socket of a running process: its PID (with --fd)
    #[arg(long, value_name = "PID", requires = "fd")]
    pub pid: Option<i32>,

    /// A live socket of a running process: the file descriptor (with --pid)
    #[arg(long, value_name = "FD", requires = "pid")]
    pub fd: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum SockType {
    #[default]
    Tcp,
    Udp,
    UnixStream,
    UnixDgram,
}

#[derive(Debug, Args)]
pub struct SockoptGetArgs {
    /// Option names (SO_RCVBUF, tcp_nodelay, rcvbuf); all readable ones when none
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,

    #[command(flatten)]
    pub target: SockoptTarget,
}

#[derive(Debug, Args)]
pub struct SockoptSetArgs {
    /// NAME=VALUE: integers, booleans (1 0 on off true false), sizes (64K), durations (2s)
    #[arg(value_name = "NAME=VALUE", required = true)]
    pub settings: Vec<String>,

    #[command(flatten)]
    pub target: SockoptTarget,
}

#[derive(Debug, Args)]
#[command(
    after_long_help = concat!(
    "States (--state): established syn-sent syn-recv fin-wait-1 fin-wait-2 time-wait \
closed close-wait last-ack listening closing; groups: connected synchronized bucket big all.\n\n\
Rows are sorted by protocol, local and peer endpoint; the columns stay the same whatever \
the filter. --json fields: proto family state local_addr local_port remote_addr remote_port \
recv_q send_q uid inode timer processes (remote_* null without a peer, processes null \
without -p), and with -i info, with -m memory, with -r local_name remote_name, with -e \
cookie, with --watch ts (RFC 3339 with milliseconds, the same for every record of a refresh).\n\n\
FILTER EXPRESSIONS (ss's grammar, as the last words; one word or several):\n  \
filter := [ state NAME | exclude NAME ]... [ list ]\n  \
list   := expr [ and|&|&& expr | or|'|'|'||' expr | expr ]...\n  \
expr   := ( list ) | not expr | ! expr | autobound | state NAME\n          \
| src [=] HOST | dst [=] HOST | src != HOST | dst != HOST\n          \
| sport OP PORT | dport OP PORT\n  \
OP     := = == eq (or nothing) | != ne neq | < lt | > gt | <= le leq | >= ge geq\n  \
HOST   := ADDR[/LEN][:PORT] | [IPV6][/LEN][:PORT] | *:PORT | NAME[:PORT]\n  \
PORT   := [:]NUMBER | [:]SERVICE | *\n\n\
As in ss: words split at blanks, so parentheses need blanks around them (quote them from \
the shell); `and` and `or` bind equally, left to right (a or b and c is (a or b) and c); \
two expressions side by side mean `and`; `<` and `>` are the negations of `>=` and `<=`; \
a socket without a peer has peer port 0; numbers may be hex (0x16) or octal (026); IPv4 \
addresses may be short (10/8 is 10.0.0.0/8, 127.1 is 127.1.0.0); an IPv6 address with a \
port needs brackets ([::1]:22); an IPv4 prefix also matches v4-mapped IPv6 sockets; a host \
name stands for its first IPv4 address (as ss compiles it). `state`/`exclude` words \
before the expression replace -a and -l, as in ss. The expression is sent to the kernel as \
inet_diag bytecode (a `state` inside it keeps it in sockkit). dev, fwmark and cgroup are \
not supported. Without -a, -l, --state or state words only ESTABLISHED sockets are shown \
(ss shows every connected state).\n\n\
-x: Unix sockets; Local and Peer are `PATH INODE` (`@NAME` for the abstract namespace, \
`*` unbound). With -x, as in ss, every HOST and PORT word is a shell pattern on the \
socket's name (case-insensitive; `src /run/*`, `sport = *.sock`, `unix:` may lead it); \
ss never knows the peer's name, so `dst` and `dport` patterns see an empty one; port \
comparisons have no port (>= always holds, <= never). --json fields: proto (unix) type (stream dgram seqpacket) state path inode \
peer_inode peer_path recv_q send_q uid cookie processes peer_processes; with -p the \
processes of both ends.\n\n\
--kill destroys the matching sockets (SOCK_DESTROY, needs CAP_NET_ADMIN and a kernel with \
CONFIG_INET_DIAG_DESTROY) and shows each one destroyed (with -p, whose it was); it needs a \
filter; exit 1 when \
none matched or the kernel refused, saying why. --events shows a line (or a record with \
ts) per TCP/UDP socket the kernel destroys until interrupted; the port, address and \
expression filters apply (checked by sockkit: the broadcast is not filtered by the kernel), \
the default ESTABLISHED does not. --netns NAME|PID lists (or kills, or follows) in another \
network namespace: /run/netns/NAME or /proc/PID/ns/net.\n\n\
Examples:\n  sockkit conns                       established TCP sockets\n  sockkit conns -l -p                 listening sockets and their processes\n  sockkit conns -tlnp                 the same, as ss users type it\n  sockkit conns -a --port 443 --json\n  sockkit conns --state time-wait --dst 10.0.0.0/8\n  sockkit conns 'dport = :443 and ( dst 10/8 or src 127.0.0.1 )'\n  sockkit conns -xp                   Unix sockets and the processes at both ends\n  sockkit conns --kill dst 10.1.2.3:5432\n  sockkit conns --events --json 'sport = :8080'\n  sockkit conns --netns blue -tln",
    "\n\n",
    exit_codes!(conns)
))]
pub struct ConnsArgs {
    /// Sockets in every state
    #[arg(short = 'a', long)]
    pub all: bool,

    /// Listening sockets only (for UDP: bound and unconnected, UNCONN)
    #[arg(short = 'l', long)]
    pub listening: bool,

    /// Only sockets in STATE (repeatable; ss's state names and groups)
    #[arg(long, value_name = "STATE")]
    pub state: Vec<String>,

    /// TCP sockets (the default when neither -t nor -u is given)
    #[arg(short = 't', long)]
    pub tcp: bool,

    /// UDP sockets
    #[arg(short = 'u', long)]
    pub udp: bool,

    /// Show the processes that own each socket (name, pid, fd)
    #[arg(short = 'p', long)]
    pub processes: bool,

    /// Only sockets whose local port is PORT
    #[arg(long, value_name = "PORT")]
    pub sport: Option<String>,

    /// Only sockets whose peer port is PORT
    #[arg(long, value_name = "PORT")]
    pub dport: Option<String>,

    /// Only sockets with PORT at either end
    #[arg(long, value_name = "PORT")]
    pub port: Option<String>,

    /// Only sockets whose local address is in ADDR[/PREFIX]
    #[arg(long, value_name = "ADDR[/PREFIX]")]
    pub src: Option<String>,

    /// Only sockets whose peer address is in ADDR[/PREFIX]
    #[arg(long, value_name = "ADDR[/PREFIX]")]
    pub dst: Option<String>,

    /// Resolve addresses and ports to names
    #[arg(short = 'r', long)]
    pub resolve: bool,

    /// TCP internals (TCP_INFO): congestion control, rtt, cwnd, mss, retransmits, bytes
    #[arg(short = 'i', long)]
    pub info: bool,

    /// Socket memory, as ss -m shows it: skmem:(r,rb,t,tb,f,w,o,bl,d)
    #[arg(short = 'm', long)]
    pub memory: bool,

    /// Counts by protocol and state instead of rows (every state, TCP and UDP, unless asked)
    #[arg(short = 's', long)]
    pub summary: bool,

    /// Show again every DUR (250ms, 2s) until interrupted; columns keep their widths
    #[arg(long, value_name = "DUR")]
    pub watch: Option<String>,

    /// Unix sockets (stream, dgram, seqpacket) instead of TCP/UDP; with -p the process at each end
    #[arg(short = 'x', long)]
    pub unix: bool,

    /// No header line
    #[arg(short = 'H', long)]
    pub no_header: bool,

    /// Numeric output (accepted for ss habits: numeric is the default)
    #[arg(short = 'n', long)]
    pub numeric: bool,

    /// Add the Timer column: the TCP timer running and when it fires (ss -o)
    #[arg(short = 'o', long)]
    pub timers: bool,

    /// Add the uid, inode and cookie of each socket (ss -e)
    #[arg(short = 'e', long)]
    pub extended: bool,

    /// Destroy the matching TCP sockets (SOCK_DESTROY, like ss -K); needs a filter
    #[arg(short = 'K', long)]
    pub kill: bool,

    /// Follow sockets as the kernel destroys them, one line each, until interrupted (ss -E)
    #[arg(short = 'E', long)]
    pub events: bool,

    /// The sockets of another network namespace: a name from `ip netns` or a process id
    #[arg(short = 'N', long, value_name = "NAME|PID")]
    pub netns: Option<String>,

    /// An ss filter expression (see below): 'dport = :443 and ( dst 10/8 or src 127.0.0.1 )'
    #[arg(value_name = "FILTER")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit ping [OPTIONS] HOST PORT",
    after_long_help = concat!(
        "One TCP handshake per probe (connect, then close), one line each on stdout:\n  \
connected to 127.0.0.1:80: seq=1 time=0.11 ms\n  refused by 127.0.0.1:81: seq=1 time=0.05 ms\n  \
timeout connecting to 10.0.0.9:80: seq=1 after 2s\n\
then, at --count or on SIGINT/SIGTERM, a summary as ping(8) prints it:\n  \
--- 127.0.0.1:80 ping statistics ---\n  \
4 probes, 4 answered, 0% loss, rtt min/avg/max/mdev = 0.081/0.104/0.133/0.019 ms\n\n\
Only a completed handshake is an answer; a refusal is a lost probe (with its time). A probe \
starts every --interval (default 1s), or at once when the one before took longer. -w bounds \
each probe (default 2s). The host is resolved once; the first address is probed (-4/-6 \
respected). --json: one record per probe {\"seq\":1,\"peer\":\"127.0.0.1:80\",\"state\":\"open\",\
\"rtt_ms\":0.11} (state open, closed or timeout; rtt_ms null on a timeout; reason on an \
error other than a refusal), then {\"probes\":4,\"answered\":4,\"loss_pct\":0.0,\"rtt_min_ms\":..,\
\"rtt_avg_ms\":..,\"rtt_max_ms\":..,\"rtt_mdev_ms\":..}.\n\n\
--tls: a probe is answered when the TLS handshake completes and the certificate is trusted \
(the TLS client options apply); its time is the connect plus the handshake, both shown \
(connect_ms, tls_ms and protocol in JSON). A failed verification is a lost probe with the \
reason. --proxy: each probe connects through the proxy, which resolves the name for \
socks5h:// and http://; the time includes the proxy's dialogue.\n\n\
Exit 0 when any probe was answered, 1 when none was (also after SIGINT, the normal way to \
stop it); SIGTERM prints the summary, then ends by the signal (143 to a shell).\n\n\
Examples:\n  sockkit ping example.org 443\n  sockkit ping --count 5 --interval 200ms 127.0.0.1 22\n  \
sockkit ping -c 1 -w 500ms db 5432 && echo up\n  sockkit ping --tls -c 3 example.org 443\n  \
sockkit ping --proxy socks5h://127.0.0.1:1080 -c 3 example.org 443",
        "\n\n",
        exit_codes!()
    )
)]
pub struct PingArgs {
    /// HOST PORT, HOST:PORT or [V6ADDR]:PORT
    #[arg(value_name = "HOST PORT", num_args = 0..=2)]
    pub endpoint: Vec<String>,

    /// Stop after N probes (default: until interrupted)
    #[arg(short = 'c', long, value_name = "N")]
    pub count: Option<u64>,

    /// Start a probe every DUR (default 1s; 0: back to back)
    #[arg(short = 'i', long, value_name = "DUR")]
    pub interval: Option<String>,

    /// Complete a TLS handshake too (verified): the time is connect plus handshake
    #[arg(long, alias = "ssl")]
    pub tls: bool,

    /// Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@
    #[arg(long, value_name = "URL")]
    pub proxy: Option<String>,

    // Last, so the command's own options come before the TLS client options in --help.
    #[command(flatten)]
    pub client: TlsClientArgs,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit wait [OPTIONS] TARGET.. [-- CMD [ARGS]..]",
    after_long_help = concat!(
        "TARGET is HOST:PORT or [V6ADDR]:PORT (a TCP connect), unix:PATH (a Unix stream connect; \
unix:@name for the abstract namespace), tls://HOST:PORT (a verified TLS handshake, with the \
TLS client options), or an http:// or https:// URL (a GET answered 2xx or 3xx, or a status \
of --status; https:// verifies the certificate as tls:// does). --proxy reaches the network \
targets through a proxy (unix: targets are local). Every target is tried at once and again with backoff (100ms doubling \
to 1s) until all are ready (or one, with --any) or -w passes (default 30s): -w is the overall \
deadline, and no attempt outlives it. A name is looked up again at each attempt.\n\n\
Then CMD runs in sockkit's place (exec): its exit status is sockkit's. Without CMD, exit 0. \
Not ready in time: exit 1 naming each target not ready with its last error; CMD does not run. \
-v reports each attempt and each target ready; --json gives them as JSON events on stderr \
(wait-start, attempt, ready, all-ready).\n\n\
Examples:\n  sockkit wait db:5432 -- ./migrate\n  sockkit wait -w 1m db:5432 cache:6379 http://api:8080/health -- ./start\n  \
sockkit wait --any unix:/run/app.sock 127.0.0.1:8080\n  sockkit wait --status 200,401 http://127.0.0.1:9000/\n  \
sockkit wait --ca ca.pem tls://db:5432 https://api:8443/ready",
        "\n\n",
        exit_codes!()
    )
)]
pub struct WaitArgs {
    /// HOST:PORT, unix:PATH, tls://HOST:PORT, http://HOST[:PORT][/PATH] or https://..
    #[arg(value_name = "TARGET", required = true)]
    pub targets: Vec<String>,

    /// Ready as soon as any one target is
    #[arg(long)]
    pub any: bool,

    /// HTTP statuses that count as ready: codes and ranges (200,204,300-399); default 200-399
    #[arg(long, value_name = "LIST")]
    pub status: Option<String>,

    /// Reach the network targets through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT)
    #[arg(long, value_name = "URL")]
    pub proxy: Option<String>,

    /// The command to run once ready (after --), in sockkit's place
    #[arg(value_name = "CMD", last = true)]
    pub command: Vec<String>,

    // Last, so the command's own options come before the TLS client options in --help.
    #[command(flatten)]
    pub client: TlsClientArgs,
}

#[derive(Debug, Args)]
pub struct ByteorderArgs {
    #[command(subcommand)]
    pub op: ByteorderOp,
}

#[derive(Debug, Subcommand)]
pub enum ByteorderOp {
    /// Host to network order, 16 bits
    Htons(IntValues),
    /// Network to host order, 16 bits
    Ntohs(IntValues),
    /// Host to network order, 32 bits
    Htonl(IntValues),
    /// Network to host order, 32 bits
    Ntohl(IntValues),
    /// Text address to packed bytes (printed as hex)
    #[command(name = "inet_pton", alias = "inet-pton")]
    InetPton(FamilyAndValue),
    /// Packed bytes (hex) to text address
    #[command(name = "inet_ntop", alias = "inet-ntop")]
    InetNtop(FamilyAndValue),
    /// IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)
    #[command(name = "inet_aton", alias = "inet-aton")]
    InetAton(OneValue),
    /// Packed IPv4 bytes (hex) to dotted quad
    #[command(name = "inet_ntoa", alias = "inet-ntoa")]
    InetNtoa(OneValue),
}

#[derive(Debug, Args)]
pub struct IntValues {
    /// Decimal or 0x hex integers
    // Negative numbers reach the range check (a clear "out of range"), while global
    // options such as --json may still follow the values.
    #[arg(value_name = "VALUE", required = true, allow_negative_numbers = true)]
    pub values: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FamilyAndValue {
    /// Address family
    #[arg(value_name = "FAMILY", value_enum)]
    pub family: AddrFamily,
    /// The address (inet_pton) or its packed bytes in hex (inet_ntop)
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    pub value: String,
}

#[derive(Debug, Args)]
pub struct OneValue {
    /// The address (inet_aton) or its packed bytes in hex (inet_ntoa)
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AddrFamily {
    #[value(alias = "AF_INET", alias = "4")]
    Inet,
    #[value(alias = "AF_INET6", alias = "6")]
    Inet6,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}

/// The upgrade dialogues `--starttls` speaks before the TLS handshake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StartTlsProto {
    Smtp,
    Imap,
    Pop3,
    Ftp,
    Postgres,
}

/// TLS client options: `sockkit tls` and every command that originates TLS.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "TLS client options")]
pub struct TlsClientArgs {
    /// Server name to send (SNI) and verify instead of HOST
    #[arg(long, value_name = "NAME")]
    pub sni: Option<String>,

    /// Offer these ALPN protocols, in order of preference (h2,http/1.1)
    #[arg(long, value_name = "LIST")]
    pub alpn: Option<String>,

    /// Trust the CA certificates of this PEM file instead of the system's roots
    #[arg(long, value_name = "FILE")]
    pub ca: Option<String>,

    /// Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it
    #[arg(long, value_name = "sha256:HEX")]
    pub pin: Option<String>,

    /// Do not verify the server's certificate (said on stderr)
    #[arg(long)]
    pub insecure: bool,

    /// Client certificate chain to present (PEM), with --key
    #[arg(long, value_name = "FILE")]
    pub cert: Option<String>,

    /// Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)
    #[arg(long, value_name = "FILE")]
    pub key: Option<String>,

    /// Lowest TLS version to accept: 1.2 (default) or 1.3
    #[arg(long, value_name = "VERSION", value_parser = ["1.2", "1.3"])]
    pub tls_min: Option<String>,

    /// Speak the protocol's own upgrade first, as openssl s_client -starttls
    #[arg(long, value_name = "PROTO", value_enum)]
    pub starttls: Option<StartTlsProto>,
}

/// TLS server options: every command that terminates TLS.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "TLS server options")]
pub struct TlsServerArgs {
    /// Certificate chain to present (PEM); without it a self-signed one is made at start
    #[arg(long, value_name = "FILE")]
    pub cert: Option<String>,

    /// Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)
    #[arg(long, value_name = "FILE")]
    pub key: Option<String>,

    /// Ask clients for a certificate and accept only those issued by a CA of this PEM file
    #[arg(long, value_name = "CA_FILE")]
    pub verify_client: Option<String>,

    /// ALPN protocols to accept, in order of preference
    #[arg(long, value_name = "LIST")]
    pub alpn: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "sockkit tls [OPTIONS] HOST [PORT] [HOST [PORT]]..",
    after_long_help = concat!("Each target is HOST, HOST PORT, HOST:PORT or [V6ADDR]:PORT (default port 443); \
several targets are probed concurrently and reported in the order given. For each: the handshake \
(protocol, cipher suite, ALPN, key exchange, handshake time), the chain as the server sent it \
(subject, issuer, names, validity and days left, key, signature algorithm, serial, SHA-256 \
fingerprint), then the verification verdict and its reason. --json: one record per target.\n\n\
Exit 1 when any target cannot be reached, fails the handshake or verification, or (with \
--expires-within) holds a certificate that ends sooner. -w bounds each target's connect, \
proxy dialogue and handshake (default 10s).\n\n\
Examples:\n  sockkit tls example.org\n  sockkit tls --expires-within 30d example.org mail.example.org:465\n  \
sockkit tls --starttls smtp mail.example.org 25\n  sockkit tls --ca ca.pem --pem localhost 8443 > chain.pem\n  \
sockkit tls --proxy socks5h://127.0.0.1:1080 example.org", "\n\n", exit_codes!())
)]
pub struct TlsArgs {
    /// HOST [PORT], HOST:PORT or [V6ADDR]:PORT, one or more (default port 443; with --starttls the protocol's: 25, 143, 110, 21, 5432)
    #[arg(value_name = "HOST [PORT]", required = true, num_args = 1..)]
    pub targets: Vec<String>,

    /// Exit 1 when any certificate of a chain expires within DUR (30d)
    #[arg(long, value_name = "DUR")]
    pub expires_within: Option<String>,

    /// Print each chain as PEM instead of the report
    #[arg(long)]
    pub pem: bool,

    /// Reach the targets through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT)
    #[arg(long, value_name = "URL")]
    pub proxy: Option<String>,

    #[command(flatten)]
    pub client: TlsClientArgs,
}
