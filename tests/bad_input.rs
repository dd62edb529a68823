//! Every kind of bad input, for every subcommand and global flag: exit 2 and one line on
//! stderr that names the bad value. Then operations that fail: exit 1 with the reason.

mod common;

use std::net::{TcpListener, UdpSocket};

use common::run;

/// (arguments, the bad value the message must name)
const BAD: &[(&[&str], &str)] = &[
    // global options
    (&["-w", "5parsecs", "resolve", "localhost"], "5parsecs"),
    (&["resolve", "localhost", "--timeout", "soon"], "soon"),
    (&["-O", "SO_NOPE=1", "sockopt", "get"], "SO_NOPE"),
    (&["-O", "SO_RCVBUF=lots", "sockopt", "get"], "lots"),
    (&["-O", "SO_RCVBUF", "sockopt", "get"], "SO_RCVBUF"),
    (&["-O", "SO_TYPE=1", "sockopt", "get"], "SO_TYPE"),
    (
        &["-O", "TCP_NODELAY=1", "udp-send", "127.0.0.1", "9", "x"],
        "TCP_NODELAY",
    ),
    (
        &["--color", "sometimes", "resolve", "localhost"],
        "sometimes",
    ),
    (&["-4", "-6", "resolve", "localhost"], "-6"),
    (&["--frobnicate", "resolve", "localhost"], "--frobnicate"),
    (&["frob"], "frob"),
    // listen
    (&["listen", "70000"], "70000"),
    (&["listen", "1.2.3.999", "4000"], "1.2.3.999"),
    (&["listen", "127.0.0.1", "http-nope"], "http-nope"),
    (&["listen"], "PORT"),
    (&["listen", "--idle-timeout", "soon", "4000"], "soon"),
    (&["listen", "--allow", "10.0.0.0/33", "4000"], "10.0.0.0/33"),
    (&["listen", "--deny", "bogus", "4000"], "bogus"),
    (&["listen", "--backlog", "x", "4000"], "x"),
    (&["listen", "--max-conns", "many", "4000"], "many"),
    (&["listen", "--echo", "--broker", "4000"], "--broker"),
    (&["listen", "--unix", "", "-k"], "unix"),
    // connect
    (&["connect", "127.0.0.1", "70000"], "70000"),
    (&["connect", "127.0.0.1"], "PORT"),
    (&["connect", "1.2.3.999", "80"], "1.2.3.999"),
    (&["connect", "::zz", "80"], "::zz"),
    (&["connect", "[::1]22"], "[::1]22"),
    (&["connect", "--send", "\\q", "127.0.0.1", "9"], "\\q"),
    (&["connect", "--send", "\\x4", "127.0.0.1", "9"], "\\x4"),
    (&["connect", "--expect", "(", "127.0.0.1", "9"], "("),
    (
        &["connect", "--wait-until", "forever", "127.0.0.1", "9"],
        "forever",
    ),
    (
        &["connect", "--idle-timeout", "1parsec", "127.0.0.1", "9"],
        "1parsec",
    ),
    (
        &["connect", "-s", "1.2.3.999", "127.0.0.1", "9"],
        "1.2.3.999",
    ),
    (&["connect", "-p", "70000", "127.0.0.1", "9"], "70000"),
    (&["connect", "-z", "127.0.0.1", "1-70000"], "70000"),
    (&["connect", "-z", "127.0.0.1", "5-3"], "5-3"),
    (&["connect", "-z", "127.0.0.1", "1,,2"], "1,,2"),
    // udp-send
    (&["udp-send", "127.0.0.1", "70000", "x"], "70000"),
    (&["udp-send", "--hex", "127.0.0.1", "9", "zz"], "zz"),
    (&["udp-send", "--hex", "127.0.0.1", "9", "abc"], "abc"),
    (&["udp-send", "--size", "lots", "127.0.0.1", "9"], "lots"),
    (
        &["udp-send", "--interval", "soon", "127.0.0.1", "9", "x"],
        "soon",
    ),
    (&["udp-send", "--count", "-3", "127.0.0.1", "9", "x"], "-3"),
    (&["udp-send", "--ttl", "300", "127.0.0.1", "9", "x"], "300"),
    // udp-recv
    (&["udp-recv", "70000"], "70000"),
    (&["udp-recv", "--join", "1.2.3.4", "5000"], "1.2.3.4"),
    (
        &["udp-recv", "--join", "not-an-address", "5000"],
        "not-an-address",
    ),
    (&["udp-recv", "--reply", "\\x4", "5000"], "\\x4"),
    (&["udp-recv", "--count", "x", "5000"], "x"),
    // resolve
    (&["resolve", "1.2.3.999"], "1.2.3.999"),
    (&["resolve", "localhost", "70000"], "70000"),
    (&["connect", "fe80::1%nosuchif0", "80"], "nosuchif0"),
    (&["sockopt", "set", "SO_RCVBUF=0xzz"], "0xzz"),
    (&["resolve", "--service", "70000"], "70000"),
    (&["resolve", "--protocol", "300"], "300"),
    (&["resolve", "--type", "bogus", "localhost"], "bogus"),
    (&["resolve", "--reverse", "1.2.3.999"], "1.2.3.999"),
    (&["resolve"], "NAME"),
    // sockopt
    (&["sockopt", "get", "SO_NOPE"], "SO_NOPE"),
    (&["sockopt", "set", "SO_RCVBUF=lots"], "lots"),
    (&["sockopt", "set", "SO_REUSEADDR=maybe"], "maybe"),
    (&["sockopt", "set", "SO_TYPE=1"], "SO_TYPE"),
    (&["sockopt", "set", "SO_REUSEADDR"], "SO_REUSEADDR"),
    (&["sockopt", "set", "SO_LINGER=1.5s"], "1.5s"),
    (
        &["sockopt", "get", "--type", "udp", "TCP_NODELAY"],
        "TCP_NODELAY",
    ),
    (&["sockopt", "get", "--type", "sctp"], "sctp"),
    (&["sockopt", "get", "--pid", "x", "--fd", "1"], "x"),
    // conns
    (&["conns", "--state", "bogus"], "bogus"),
    (&["conns", "--sport", "70000"], "70000"),
    (&["conns", "--src", "10.0.0.0/33"], "10.0.0.0/33"),
    (&["conns", "--dst", "bogus"], "bogus"),
    (&["conns", "--watch", "soon"], "soon"),
    // byteorder
    (&["byteorder", "htons", "70000"], "70000"),
    (&["byteorder", "htonl", "-1"], "-1"),
    (&["byteorder", "htonl", "4294967296"], "4294967296"),
    (&["byteorder", "ntohs", "abc"], "abc"),
    (
        &["byteorder", "inet_pton", "inet", "1.2.3.999"],
        "1.2.3.999",
    ),
    (&["byteorder", "inet_pton", "inet6", "::zz"], "::zz"),
    (&["byteorder", "inet_pton", "ipx", "1.2.3.4"], "ipx"),
    (&["byteorder", "inet_ntop", "inet", "7f0"], "7f0"),
    (&["byteorder", "inet_ntop", "inet", "7f00"], "7f00"),
    (&["byteorder", "inet_ntoa", "zz"], "zz"),
    (&["byteorder", "inet_aton", "1.2.3.4.5"], "1.2.3.4.5"),
];

#[test]
fn bad_input_exits_2_with_one_line_naming_the_value() {
    let mut wrong = Vec::new();
    for (args, bad) in BAD {
        let r = run(args);
        let lines: Vec<&str> = r
            .stderr
            .lines()
            .filter(|l| !l.trim_start().starts_with("hint:"))
            .collect();
        let ok = r.code == 2
            && lines.len() == 1
            && lines[0].starts_with("sockkit: ")
            && lines[0].contains(bad)
            && !r.stderr.contains("panicked");
        if !ok {
            wrong.push(format!(
                "sockkit {}: exit {}, stderr {:?}",
                args.join(" "),
                r.code,
                r.stderr
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A TCP port on loopback that refuses connections for as long as the returned socket
/// lives: it is bound, so nothing else can take the port, and not listening.
fn closed_tcp_port() -> (socket2::Socket, String) {
    let sock = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    let addr: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    sock.bind(&addr.into()).unwrap();
    let port = sock.local_addr().unwrap().as_socket().unwrap().port();
    (sock, port.to_string())
}

#[test]
fn failed_operations_exit_1_with_the_reason() {
    let busy = TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_port = busy.local_addr().unwrap().port().to_string();
    let (_held, closed) = closed_tcp_port();
    let udp_closed = UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let udp_closed = udp_closed.to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["connect", "127.0.0.1", &closed], "connection refused"),
        (vec!["connect", "nosuch.invalid", "80"], "no such host"),
        (vec!["resolve", "nosuch.invalid"], "no such host"),
        (vec!["resolve", "--service", "nosuchservice"], "not found"),
        (
            vec!["listen", "127.0.0.1", &busy_port],
            "address already in use",
        ),
        (
            vec!["connect", "--unix", "/nonexistent/sockkit.sock"],
            "no such file or directory",
        ),
        (
            vec![
                "-w",
                "500ms",
                "udp-send",
                "-r",
                "127.0.0.1",
                &udp_closed,
                "x",
            ],
            "connection refused",
        ),
        (
            vec![
                "sockopt",
                "get",
                "--pid",
                "999999999",
                "--fd",
                "0",
                "SO_TYPE",
            ],
            "no such process",
        ),
    ];
    let mut wrong = Vec::new();
    for (args, reason) in &cases {
        let r = run(args);
        let first = r.stderr.lines().next().unwrap_or("");
        if r.code != 1 || !first.starts_with("sockkit: ") || !first.contains(reason) {
            wrong.push(format!(
                "sockkit {}: exit {}, stderr {:?}",
                args.join(" "),
                r.code,
                r.stderr
            ));
        }
    }
    drop(busy);
    assert!(
        wrong.is_empty(),
        "{} cases wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn scan_that_finds_nothing_open_exits_1() {
    let (_held, closed) = closed_tcp_port();
    let r = run(&["connect", "-z", "127.0.0.1", &closed]);
    assert_eq!(r.code, 1, "{r:?}");
}
