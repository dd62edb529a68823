//! What nc, ncat, socat and ss users type out of habit: every usage error keeps clap's
//! tip on its hint line, habit flags get a pointer to sockkit's way, and errors stay one
//! line (or one JSON line under --json) with the right exit code.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Stdio;
use std::time::Duration;

use common::{json_lines, run, run_with, sockkit};

/// A loopback port that refuses connections: bound and never listening, held by the
/// returned socket so that nothing else takes it meanwhile.
fn refusing_port() -> (socket2::Socket, String) {
    let sock = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    let addr: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    sock.bind(&addr.into()).unwrap();
    let port = sock.local_addr().unwrap().as_socket().unwrap().port();
    (sock, port.to_string())
}

/// Run `args`, expect exit 2, one `sockkit: ` line naming `what`, and a hint with `hint`.
fn usage_with_hint(args: &[&str], what: &str, hint: &str) {
    let r = run(args);
    assert_eq!(r.code, 2, "sockkit {}: {}", args.join(" "), r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "sockkit {}: {}", args.join(" "), r.stderr);
    assert!(
        lines[0].starts_with("sockkit: ") && lines[0].contains(what),
        "sockkit {}: {}",
        args.join(" "),
        r.stderr
    );
    assert!(
        lines[1].starts_with("  hint: ") && lines[1].contains(hint),
        "sockkit {}: hint should say {hint:?}: {}",
        args.join(" "),
        r.stderr
    );
    assert!(!r.stderr.contains("error:"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn typos_keep_clap_s_did_you_mean() {
    usage_with_hint(&["conect", "127.0.0.1", "1"], "'conect'", "'connect'");
    usage_with_hint(&["lisen", "4000"], "'lisen'", "'listen'");
    usage_with_hint(
        &["connect", "--sned", "x", "127.0.0.1", "1"],
        "'--sned'",
        "'--send'",
    );
    usage_with_hint(&["--josn", "conns"], "'--josn'", "'--json'");
}

#[test]
fn habit_flags_point_to_sockkit_s_way() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["listen", "-l", "-p", "4000"],
            "'-l'",
            "sockkit listen [ADDR] PORT",
        ),
        (&["listen", "-lp", "4000"], "'-l'", "the port is positional"),
        (&["listen", "-p", "4000"], "'-p'", "the port is positional"),
        (&["-l", "4000"], "'-l'", "sockkit listen"),
        (&["connect", "-N", "127.0.0.1", "1"], "'-N'", "by default"),
        (&["connect", "-q", "1", "127.0.0.1", "1"], "'-q'", "-w DUR"),
        (&["connect", "-u", "127.0.0.1", "1"], "'-u'", "udp-send"),
        (
            &["connect", "-e", "/bin/cat", "127.0.0.1", "1"],
            "'-e'",
            "--exec",
        ),
        (
            &["connect", "-c", "cat", "127.0.0.1", "1"],
            "'-c'",
            "--sh-exec",
        ),
        (&["connect", "-C", "127.0.0.1", "1"], "'-C'", "--crlf"),
        (&["connect", "-X", "5", "127.0.0.1", "1"], "'-X'", "--proxy"),
        (
            &["connect", "-x", "h:1", "127.0.0.1", "1"],
            "'-x'",
            "--proxy",
        ),
        (&["listen", "-u", "4000"], "'-u'", "udp-recv"),
        (&["listen", "-e", "cat", "4000"], "'-e'", "--exec"),
        (&["listen", "-c", "cat", "4000"], "'-c'", "--sh-exec"),
        (
            &["-n", "connect", "127.0.0.1", "1"],
            "'-n'",
            "`sockkit connect -n ...`",
        ),
        (
            &["udp-recv", "-l", "-p", "5000"],
            "'-l'",
            "`sockkit udp-recv [ADDR] PORT`",
        ),
        (
            &["udp-recv", "-p", "5000"],
            "'-p'",
            "`sockkit udp-recv [ADDR] PORT` (no -p)",
        ),
    ];
    for (args, what, hint) in cases {
        usage_with_hint(args, what, hint);
        // The pointer replaces clap's "use '-- -l'" advice, which would mislead here.
        assert!(!run(args).stderr.contains("'-- "), "{args:?}");
    }
}

#[test]
fn a_host_and_port_without_a_subcommand_suggest_connect() {
    usage_with_hint(
        &["127.0.0.1", "80"],
        "'127.0.0.1'",
        "did you mean `sockkit connect 127.0.0.1 80`?",
    );
    usage_with_hint(&["4000"], "'4000'", "did you mean `sockkit listen 4000`?");
}

#[test]
fn n_means_numeric_addresses_only() {
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = server.local_addr().unwrap().port().to_string();
    let accept = std::thread::spawn(move || {
        let (mut s, _) = server.accept().unwrap();
        s.write_all(b"hi\n").unwrap();
    });
    let r = run_with(
        &["connect", "-n", "127.0.0.1", &port],
        b"",
        Duration::from_secs(20),
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, "hi\n"), "{}", r.stderr);
    accept.join().unwrap();

    for args in [
        &["connect", "-n", "localhost", "1"][..],
        &["connect", "-n", "-s", "localhost", "127.0.0.1", "1"],
        &["listen", "-n", "localhost", "0"],
        &["udp-send", "-n", "localhost", "9", "x"],
        &["udp-recv", "-n", "localhost", "0"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("'localhost'") && r.stderr.contains("-n"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn exec_swallowing_the_endpoint_is_said() {
    for (args, endpoint) in [
        (
            &[
                "listen",
                "-v",
                "-k",
                "--exec",
                "./server.sh",
                "127.0.0.1",
                "4000",
            ][..],
            "127.0.0.1 4000",
        ),
        (&["listen", "--exec", "cat", "4000"], "4000"),
        (&["udp-recv", "--exec", "cat", "-u", "5000"], "5000"),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("took '{endpoint}'")),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stderr.contains("--exec comes last"), "{}", r.stderr);
        assert!(!r.stderr.contains("missing"), "{}", r.stderr);
    }
    // Put last, --exec works: the endpoint before it, the child answers.
    let mut child = sockkit(&[
        "listen",
        "-v",
        "127.0.0.1",
        "0",
        "--exec",
        "echo",
        "hi",
        "there",
    ])
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut events = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    events.read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut reply = String::new();
    BufReader::new(&mut s).read_line(&mut reply).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(reply, "hi there\n");
}

#[test]
fn endpoint_errors_suggest_brackets_for_ipv6() {
    usage_with_hint(&["connect", "::1:4000"], "'::1:4000'", "[::1]:4000");
    usage_with_hint(
        &["connect", "127.0.0.1:4000:5"],
        "more than one ':'",
        "[::1]:4000",
    );
    usage_with_hint(&["udp-send", "::1:5000", "x"], "'::1:5000'", "[::1]:5000");
    usage_with_hint(&["listen", "::1:4000"], "'::1:4000'", "[::1]:4000");
}

#[test]
fn a_bad_regex_is_one_clean_line() {
    let r = run(&["connect", "127.0.0.1", "1", "--expect", "("]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "sockkit: --expect '(': unclosed group\n");
}

#[test]
fn an_unknown_service_is_said_with_the_resolver_s_words() {
    let r = run(&["resolve", "localhost", "nosuchsvc"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("sockkit: service 'nosuchsvc': unknown service ("),
        "{}",
        r.stderr
    );
}

#[test]
fn port_0_is_for_listeners_only() {
    for args in [
        &["connect", "127.0.0.1", "0"][..],
        &["connect", "127.0.0.1:0"],
        &["udp-send", "127.0.0.1", "0", "x"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("port 0"), "{}", r.stderr);
    }
    // A listener given port 0 binds a free one and says which.
    let mut child = sockkit(&["listen", "-v", "127.0.0.1", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let port: u16 = line.trim().rsplit(':').next().unwrap().parse().unwrap();
    assert_ne!(port, 0, "{line}");
}

#[test]
fn errors_under_json_are_json_on_stderr() {
    for (args, code, what) in [
        (
            &["--json", "connect", "::1:4000"][..],
            2,
            "endpoint '::1:4000'",
        ),
        (&["conect", "--json"], 2, "command line"),
        (&["--json", "byteorder", "htons", "70000"], 2, "htons"),
        (
            &["resolve", "nosuch.invalid", "--json"],
            1,
            "nosuch.invalid",
        ),
        (&["--json", "listen", "-lp", "4000"], 2, "command line"),
    ] {
        let r = run(args);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        let records = json_lines(&r.stderr);
        assert_eq!(records.len(), 1, "{args:?}: {}", r.stderr);
        let e = &records[0];
        assert_eq!(e["event"], "error", "{e}");
        assert_eq!(e["what"], what, "{e}");
        assert!(e["why"].as_str().is_some_and(|w| !w.is_empty()), "{e}");
        assert!(e["hint"].is_null() || e["hint"].is_string(), "{e}");
        assert_eq!(e["exit"], code, "{e}");
    }
    let r = run(&["--json", "listen", "-lp", "4000"]);
    let e = &json_lines(&r.stderr)[0];
    assert!(e["hint"].as_str().unwrap().contains("positional"), "{e}");
    // clap's words stay whole, colons and all; no help text, one line.
    let r = run(&["--json"]);
    assert_eq!(r.code, 2);
    let e = &json_lines(&r.stderr);
    assert_eq!(e.len(), 1, "{}", r.stderr);
    assert_eq!(e[0]["what"], "command line");
    assert!(
        e[0]["why"]
            .as_str()
            .unwrap()
            .contains("[subcommands: listen, connect"),
        "{}",
        e[0]
    );
}

#[test]
fn help_into_a_full_disk_is_a_failure_and_into_a_closed_pipe_is_not() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = sockkit(&["--help"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no space left"));

    let mut child = sockkit(&["connect", "--help"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn an_empty_socket_option_value_is_shown_as_quotes() {
    // Python's view of a fresh socket: not bound to a device, an empty name.
    let py = common::python(
        "s = socket.socket()\nprint(repr(s.getsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, 16).rstrip(b'\\0')))",
    );
    assert_eq!(py.trim(), "b''");
    let r = common::ok(&["sockopt", "get", "SO_BINDTODEVICE"]);
    assert_eq!(r.stdout, "SO_BINDTODEVICE \"\"\n");
    let r = common::ok(&["sockopt", "get", "--json", "SO_BINDTODEVICE"]);
    assert_eq!(json_lines(&r.stdout)[0]["value"], "");
}

#[test]
fn durations_in_sockopt_json_are_whole_milliseconds() {
    let r = common::ok(&["sockopt", "get", "--json", "SO_LINGER", "SO_SNDTIMEO"]);
    let recs = json_lines(&r.stdout);
    // Linger off is null; no timeout is 0; neither has a bare "value".
    assert_eq!(recs[0]["value_ms"], serde_json::Value::Null, "{}", recs[0]);
    assert_eq!(recs[1]["value_ms"], 0, "{}", recs[1]);
    assert!(recs.iter().all(|r| r.get("value").is_none()));
    let r = common::ok(&[
        "sockopt",
        "set",
        "--json",
        "SO_LINGER=2s",
        "SO_SNDTIMEO=1500ms",
    ]);
    let recs = json_lines(&r.stdout);
    assert_eq!(recs[0]["value_ms"], 2000, "{}", recs[0]);
    assert_eq!(recs[0]["requested_ms"], 2000, "{}", recs[0]);
    assert_eq!(recs[1]["requested_ms"], 1500, "{}", recs[1]);
    let got = recs[1]["value_ms"].as_u64().unwrap();
    assert!((1500..1520).contains(&got), "{}", recs[1]);
}

#[test]
fn wait_until_says_the_first_failure_then_how_long_and_how_many_tries() {
    let (_held, port) = refusing_port();
    let r = run(&["connect", "-v", "--wait-until", "1s", "127.0.0.1", &port]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert!(
        lines[0].ends_with("connection refused; retrying every 200ms for up to 1s"),
        "{}",
        r.stderr
    );
    let tries: u32 = lines[1]
        .split("gave up after ")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert!(tries >= 2, "{}", r.stderr);
    assert!(lines[1].contains(" tries in 1."), "{}", r.stderr);

    // Up after a few refusals: one retry line, then how many tries it took.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut child = sockkit(&[
        "connect",
        "-v",
        "--wait-until",
        "15s",
        "127.0.0.1",
        &port.to_string(),
        "--send",
        "",
    ])
    .stderr(Stdio::piped())
    .stdout(Stdio::piped())
    .spawn()
    .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    err.read_line(&mut first).unwrap();
    assert!(first.contains("retrying"), "{first}");
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    let (conn, _) = listener.accept().unwrap();
    drop(conn);
    let out = common::wait_bounded(child, Duration::from_secs(20), "connect --wait-until");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    assert_eq!(out.status.code(), Some(0), "{first}{rest}");
    assert!(!rest.contains("retrying"), "{rest}");
    assert!(rest.contains("up after "), "{rest}");
}

#[test]
fn w_0_means_no_waiting_what_is_ready_at_once_counts() {
    let open = TcpListener::bind("127.0.0.1:0").unwrap();
    let open_port = open.local_addr().unwrap().port();
    let (_held, closed_port) = refusing_port();
    // A refusal on loopback is there at once: said as a refusal, not a timeout.
    let r = run(&["-w", "0", "connect", "127.0.0.1", &closed_port]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("connection refused"), "{}", r.stderr);
    // The scan takes -w 0 as everything else does (no longer bad input).
    let ports = format!("{open_port},{closed_port}");
    let r = run(&["-w", "0", "--json", "connect", "-z", "127.0.0.1", &ports]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let states: Vec<String> = json_lines(&r.stdout)
        .iter()
        .map(|v| v["state"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(states, ["open", "closed"], "{}", r.stdout);
    // A wait that needs time (no client comes) times out at once.
    let r = run(&["-w", "0", "listen", "127.0.0.1", "0"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
}
