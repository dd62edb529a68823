//! `sockkit sockopt` against Python's getsockopt/setsockopt on fresh sockets of the same type.

mod common;

use common::*;
use serde_json::{Value, json};

fn registry() -> Vec<Value> {
    json_lines(&ok(&["sockopt", "list", "--json"]).stdout)
}

#[test]
fn list_rows_and_json_fields() {
    let recs = registry();
    assert!(recs.len() > 40, "{} options", recs.len());
    for r in &recs {
        let name = r["name"].as_str().unwrap();
        assert!(
            ["SOL_SOCKET", "IPPROTO_TCP", "IPPROTO_IP", "IPPROTO_IPV6"]
                .contains(&r["level"].as_str().unwrap()),
            "{r}"
        );
        assert!(r["kind"].is_string() && r["about"].is_string(), "{r}");
        let types = r["types"].as_array().unwrap();
        assert!(!types.is_empty(), "{r}");
        for t in types {
            assert!(
                ["tcp", "udp", "unix-stream", "unix-dgram"].contains(&t.as_str().unwrap()),
                "{r}"
            );
        }
        assert!(
            ["get", "set", "get/set"].contains(&r["access"].as_str().unwrap()),
            "{r}"
        );
        // The level matches the name's prefix, as the C headers have it.
        let level = r["level"].as_str().unwrap();
        let want = if name.starts_with("SO_") {
            "SOL_SOCKET"
        } else if name.starts_with("TCP_") {
            "IPPROTO_TCP"
        } else if name.starts_with("IPV6_") {
            "IPPROTO_IPV6"
        } else {
            "IPPROTO_IP"
        };
        assert_eq!(level, want, "{name}");
    }
    let find = |n: &str| recs.iter().find(|r| r["name"] == n).unwrap().clone();
    assert_eq!(find("TCP_NODELAY")["types"], json!(["tcp"]));
    assert_eq!(find("TCP_NODELAY")["access"], "get/set");
    assert_eq!(find("SO_TYPE")["access"], "get");
    assert_eq!(find("SO_BROADCAST")["types"], json!(["udp"]));
    assert_eq!(find("SO_RCVBUF")["types"].as_array().unwrap().len(), 4);

    // Plain: a header, then one row per option with the same name, level and access.
    let plain = ok(&["sockopt", "list"]).stdout;
    let mut lines = plain.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(&header[..5], &["NAME", "LEVEL", "KIND", "TYPES", "ACCESS"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), recs.len());
    for (row, r) in rows.iter().zip(&recs) {
        assert_eq!(row[0], r["name"]);
        assert_eq!(row[1], r["level"]);
        assert_eq!(row[2], r["kind"]);
        assert_eq!(row[4], r["access"]);
    }
}

/// Python's getsockopt of every integer option on a fresh socket: `NAME VALUE` lines
/// (`SKIP` when Python has no constant for it or refuses).
fn python_values(family: &str, socktype: &str, names: &[(String, String)]) -> Vec<String> {
    let list: Vec<String> = names
        .iter()
        .map(|(n, l)| format!("({n:?}, {l:?})"))
        .collect();
    python(&format!(
        r#"
s = socket.socket(socket.{family}, socket.{socktype})
for name, level in [{}]:
    opt = getattr(socket, name, None)
    lvl = getattr(socket, level, None)
    if opt is None or lvl is None:
        print(name, "SKIP")
        continue
    try:
        print(name, s.getsockopt(lvl, opt))
    except OSError:
        print(name, "SKIP")
"#,
        list.join(", ")
    ))
    .lines()
    .map(str::to_string)
    .collect()
}

#[test]
fn get_all_equals_python_on_fresh_sockets() {
    let reg = registry();
    let kinds: std::collections::HashMap<String, String> = reg
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut v6 = vec![];
    if has_ipv6() {
        v6 = vec![
            (&["-6"][..], "tcp", "AF_INET6", "SOCK_STREAM"),
            (&["-6"][..], "udp", "AF_INET6", "SOCK_DGRAM"),
        ];
    }
    let cases = [
        (&[][..], "tcp", "AF_INET", "SOCK_STREAM"),
        (&[][..], "udp", "AF_INET", "SOCK_DGRAM"),
        (&[][..], "unix-stream", "AF_UNIX", "SOCK_STREAM"),
        (&[][..], "unix-dgram", "AF_UNIX", "SOCK_DGRAM"),
    ];
    for (flags, ty, family, socktype) in cases.into_iter().chain(v6) {
        let mut args = flags.to_vec();
        args.extend_from_slice(&["sockopt", "get", "--json", "--type", ty]);
        let recs = json_lines(&ok(&args).stdout);
        assert!(recs.len() >= 10, "{ty}: {} options", recs.len());
        let ints: Vec<(String, String, i64)> = recs
            .iter()
            .filter(|r| {
                let k = kinds[r["name"].as_str().unwrap()].as_str();
                ["int", "bool", "size", "seconds", "milliseconds"].contains(&k)
            })
            .map(|r| {
                (
                    r["name"].as_str().unwrap().to_string(),
                    r["level"].as_str().unwrap().to_string(),
                    r["value"].as_i64().unwrap_or_else(|| panic!("{r}")),
                )
            })
            .collect();
        let names: Vec<(String, String)> = ints
            .iter()
            .map(|(n, l, _)| (n.clone(), l.clone()))
            .collect();
        let py = python_values(family, socktype, &names);
        let mut compared = 0;
        for ((name, _, value), line) in ints.iter().zip(&py) {
            let (py_name, py_value) = line.split_once(' ').unwrap();
            assert_eq!(py_name, name);
            if py_value == "SKIP" {
                continue;
            }
            let mut want: i64 = py_value.parse().unwrap();
            if kinds[name] == "bool" {
                want = (want != 0) as i64;
            }
            assert_eq!(*value, want, "{ty} {flags:?}: {name}");
            compared += 1;
        }
        assert!(compared >= 8, "{ty}: only {compared} options compared");
        // Plain output: `NAME VALUE`, the same options in the same order.
        let mut args = flags.to_vec();
        args.extend_from_slice(&["sockopt", "get", "--type", ty]);
        let plain = ok(&args).stdout;
        let plain_names: Vec<&str> = plain
            .lines()
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        let json_names: Vec<&str> = recs.iter().map(|r| r["name"].as_str().unwrap()).collect();
        assert_eq!(plain_names, json_names, "{ty}");
    }
}

#[test]
fn get_named_options_any_spelling() {
    let want = python(
        "s = socket.socket()\nprint(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))\nprint(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))",
    );
    let want: Vec<&str> = want.lines().collect();
    let r = ok(&["sockopt", "get", "SO_RCVBUF", "tcp_nodelay"]);
    assert_eq!(
        r.stdout,
        format!("SO_RCVBUF {}\nTCP_NODELAY {}\n", want[0], want[1])
    );
    let r = ok(&["sockopt", "get", "rcvbuf", "--json"]);
    assert_eq!(
        json_lines(&r.stdout),
        vec![
            json!({"name": "SO_RCVBUF", "level": "SOL_SOCKET", "value": want[0].parse::<i64>().unwrap()})
        ]
    );
}

#[test]
fn set_shows_requested_and_effective_as_python_sees_them() {
    // SO_RCVBUF: the kernel doubles it.
    let rcvbuf: i64 = python(
        "s = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)\nprint(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))",
    )
    .trim()
    .parse()
    .unwrap();
    let r = ok(&["sockopt", "set", "--json", "SO_RCVBUF=64K"]);
    assert_eq!(
        json_lines(&r.stdout),
        vec![
            json!({"name": "SO_RCVBUF", "level": "SOL_SOCKET", "value": rcvbuf, "requested": 65536})
        ]
    );
    let r = ok(&["sockopt", "set", "SO_RCVBUF=64K"]);
    if rcvbuf == 65536 {
        assert_eq!(r.stdout, "SO_RCVBUF 65536\n");
    } else {
        assert_eq!(r.stdout, format!("SO_RCVBUF {rcvbuf} (requested 65536)\n"));
    }

    // SO_LINGER=5s: struct linger {1, 5}.
    let linger = python(
        "s = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 5))\nprint(*struct.unpack('ii', s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))",
    );
    assert_eq!(linger.trim(), "1 5");
    let r = ok(&["sockopt", "set", "--json", "SO_LINGER=5s"]);
    assert_eq!(json_lines(&r.stdout)[0]["value"], 5.0);
    assert_eq!(json_lines(&r.stdout)[0]["requested"], 5.0);
    assert_eq!(
        ok(&["sockopt", "set", "SO_LINGER=5s"]).stdout,
        "SO_LINGER 5s\n"
    );

    // SO_RCVTIMEO=250ms: struct timeval, read back as the kernel rounds it.
    let tv: Vec<i64> = python(
        "s = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack('ll', 0, 250000))\nprint(*struct.unpack('ll', s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, 16)))",
    )
    .split_whitespace()
    .map(|n| n.parse().unwrap())
    .collect();
    let py_secs = tv[0] as f64 + tv[1] as f64 / 1e6;
    let r = ok(&["sockopt", "set", "--json", "SO_RCVTIMEO=250ms"]);
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["requested"], 0.25);
    let got = rec["value"].as_f64().unwrap();
    assert!(
        (got - py_secs).abs() < 1e-6,
        "sockkit {got}, Python {py_secs}"
    );

    // Several at once, in order.
    let r = ok(&[
        "sockopt",
        "set",
        "--json",
        "TCP_NODELAY=on",
        "SO_KEEPALIVE=true",
        "TCP_KEEPIDLE=30",
    ]);
    let recs = json_lines(&r.stdout);
    let vals: Vec<(&str, &Value)> = recs
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), &r["value"]))
        .collect();
    assert_eq!(
        vals,
        vec![
            ("TCP_NODELAY", &json!(1)),
            ("SO_KEEPALIVE", &json!(1)),
            ("TCP_KEEPIDLE", &json!(30))
        ]
    );
}

#[test]
fn tcp_congestion_reno_when_available() {
    let py = python(
        "s = socket.socket()\ntry:\n    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, b'reno')\n    print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, 16).rstrip(b'\\0').decode())\nexcept OSError as e:\n    print('ERR', e.strerror)",
    );
    let py = py.trim();
    let r = run(&["sockopt", "set", "TCP_CONGESTION=reno"]);
    if let Some(why) = py.strip_prefix("ERR ") {
        eprintln!("skipped: reno not available here ({why})");
        assert_eq!(r.code, 1, "{r:?}");
        return;
    }
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, format!("TCP_CONGESTION {py}\n"));
    let r = ok(&["sockopt", "set", "--json", "TCP_CONGESTION=reno"]);
    assert_eq!(json_lines(&r.stdout)[0]["value"], py);
    assert_eq!(json_lines(&r.stdout)[0]["requested"], "reno");
}

#[test]
fn global_sockopt_reaches_the_socket_and_vv_traces_it() {
    let doubled = python(
        "s = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)\nprint(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))",
    );
    let r = ok(&["-O", "SO_RCVBUF=64K", "sockopt", "get", "SO_RCVBUF"]);
    assert_eq!(r.stdout, format!("SO_RCVBUF {doubled}"));
    assert!(r.stderr.is_empty(), "{}", r.stderr);

    let r = ok(&["-vv", "-O", "SO_RCVBUF=64K", "sockopt", "get", "SO_RCVBUF"]);
    let lines: Vec<&str> = r.stderr.lines().collect();
    let re =
        regex::Regex::new(r"^socket\(AF_INET, SOCK_STREAM\|SOCK_CLOEXEC, IPPROTO_TCP\) = (\d+)$")
            .unwrap();
    let fd = re
        .captures(lines[0])
        .unwrap_or_else(|| panic!("{}", r.stderr))[1]
        .to_string();
    assert_eq!(
        lines[1..],
        [
            format!("setsockopt({fd}, SOL_SOCKET, SO_RCVBUF, 65536) = 0"),
            format!(
                "getsockopt({fd}, SOL_SOCKET, SO_RCVBUF) = 0 ({})",
                doubled.trim()
            ),
        ]
    );

    let r = ok(&["-vv", "sockopt", "set", "--type", "udp", "IP_TTL=7"]);
    assert!(
        r.stderr
            .contains("socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_UDP) = "),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(", IPPROTO_IP, IP_TTL, 7) = 0"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(", IPPROTO_IP, IP_TTL) = 0 (7)"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "IP_TTL 7\n");
}

#[test]
fn invalid_options_and_values_exit_2() {
    for (args, named) in [
        (&["sockopt", "get", "SO_NOPE"][..], "SO_NOPE"),
        (&["sockopt", "set", "SO_NOPE=1"], "SO_NOPE"),
        (
            &["-O", "SO_NOPE=1", "sockopt", "get", "SO_RCVBUF"],
            "SO_NOPE",
        ),
        (&["sockopt", "set", "SO_RCVBUF=lots"], "lots"),
        (&["sockopt", "set", "SO_REUSEADDR=maybe"], "maybe"),
        (&["-O", "SO_REUSEADDR=maybe", "sockopt", "get"], "maybe"),
        (&["sockopt", "set", "SO_LINGER=forever"], "forever"),
        (&["sockopt", "set", "SO_RCVTIMEO=soon"], "soon"),
        (&["sockopt", "set", "IP_TTL=-5"], "-5"),
        (&["sockopt", "set", "TCP_CONGESTION=nosuchcc"], "nosuchcc"),
        (
            &["-O", "TCP_CONGESTION=nosuchcc", "sockopt", "get"],
            "nosuchcc",
        ),
        (&["sockopt", "set", "SO_RCVBUF"], "SO_RCVBUF"),
        (&["sockopt", "set", "SO_TYPE=1"], "SO_TYPE"),
        (&["sockopt", "set", "SO_ACCEPTCONN=1"], "SO_ACCEPTCONN"),
        (
            &["sockopt", "set", "--type", "udp", "TCP_NODELAY=1"],
            "TCP_NODELAY",
        ),
        (
            &["sockopt", "get", "--type", "udp", "TCP_NODELAY"],
            "TCP_NODELAY",
        ),
        (
            &["sockopt", "get", "--type", "unix-stream", "IP_TTL"],
            "IP_TTL",
        ),
        // SO_BROADCAST on TCP is no longer here: getsockopt answers it (0), and sockopt
        // get shows what the kernel answers. TCP_NODELAY on UDP the kernel refuses.
        (
            &["sockopt", "get", "--type", "udp", "TCP_NODELAY"],
            "TCP_NODELAY",
        ),
        (
            &["-O", "TCP_NODELAY=1", "sockopt", "get", "--type", "udp"],
            "TCP_NODELAY",
        ),
        (&["sockopt", "get", "--type", "bogus"], "bogus"),
    ] {
        rejects(args, named);
    }
}
