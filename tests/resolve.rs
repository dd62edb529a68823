//! `sockkit resolve` against the C library's resolver, as Python's socket module sees it.
//! Offline: only names from /etc/hosts and numeric addresses.

mod common;

use common::*;
use serde_json::{Value, json};

/// A getaddrinfo query: name, service, Python family constant, Python type, AI_CANONNAME.
type Query<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, bool);

/// Python's getaddrinfo rows in sockkit's JSON shape (or `{"error": reason}`), for many
/// queries in one Python run.
fn py_gai_many(queries: &[Query]) -> Vec<Value> {
    let calls: Vec<String> = queries
        .iter()
        .map(|(name, service, family, socktype, canon)| {
            let service = match service {
                Some(s) => format!("{s:?}"),
                None => "None".into(),
            };
            let flags = if *canon { "socket.AI_CANONNAME" } else { "0" };
            format!("({name:?}, {service}, socket.{family}, {socktype}, 0, {flags})")
        })
        .collect();
    let out = python(&format!(
        r#"
import json
fam = {{socket.AF_INET: "inet", socket.AF_INET6: "inet6"}}
typ = {{socket.SOCK_STREAM: "stream", socket.SOCK_DGRAM: "dgram", socket.SOCK_RAW: "raw"}}
pro = {{0: "ip", 6: "tcp", 17: "udp"}}
for args in [{}]:
    try:
        rows = socket.getaddrinfo(*args)
        print(json.dumps([{{"family": fam[f], "type": typ[t], "protocol": pro[p], "address": a[0],
                           "port": a[1], "canonname": c or None}} for f, t, p, c, a in rows]))
    except socket.gaierror as e:
        print(json.dumps({{"error": e.strerror}}))
"#,
        calls.join(", ")
    ));
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Run Python code that leaves a JSON-able value in `out`; return it.
fn py_json(code: &str) -> Value {
    let out = python(&format!("import json\n{code}\nprint(json.dumps(out))"));
    serde_json::from_str(out.trim()).unwrap()
}

#[test]
fn getaddrinfo_rows_equal_python() {
    // (sockkit flags, name, service, Python family, Python type)
    type Case<'a> = (&'a [&'a str], &'a str, Option<&'a str>, &'a str, &'a str);
    let cases: &[Case] = &[
        (&[], "localhost", None, "AF_UNSPEC", "0"),
        (&[], "localhost", Some("http"), "AF_UNSPEC", "0"),
        (&[], "localhost", Some("8080"), "AF_UNSPEC", "0"),
        (
            &["--type", "stream"],
            "localhost",
            Some("80"),
            "AF_UNSPEC",
            "socket.SOCK_STREAM",
        ),
        (
            &["--type", "dgram"],
            "localhost",
            Some("domain"),
            "AF_UNSPEC",
            "socket.SOCK_DGRAM",
        ),
        (
            &["--type", "raw"],
            "localhost",
            None,
            "AF_UNSPEC",
            "socket.SOCK_RAW",
        ),
        (&["-4"], "localhost", None, "AF_INET", "0"),
        (&[], "127.0.0.1", None, "AF_UNSPEC", "0"),
        (&[], "127.0.0.1", Some("22"), "AF_UNSPEC", "0"),
        (&[], "127.1", None, "AF_UNSPEC", "0"),
        (&[], "::1", Some("443"), "AF_UNSPEC", "0"),
        (&["-6"], "::1", None, "AF_INET6", "0"),
        (&[], "::ffff:127.0.0.1", None, "AF_UNSPEC", "0"),
        (
            &["--type", "stream"],
            "::",
            Some("https"),
            "AF_UNSPEC",
            "socket.SOCK_STREAM",
        ),
    ];
    let queries: Vec<Query> = cases
        .iter()
        .map(|(_, name, service, family, socktype)| (*name, *service, *family, *socktype, false))
        .collect();
    let wants = py_gai_many(&queries);
    for ((flags, name, service, _, _), want) in cases.iter().zip(wants) {
        assert!(want.is_array(), "Python resolves {name}: {want}");
        let mut args = vec!["resolve", "--json"];
        args.extend_from_slice(flags);
        args.push(name);
        if let Some(s) = service {
            args.push(s);
        }
        let r = ok(&args);
        assert_eq!(Value::Array(json_lines(&r.stdout)), want, "{args:?}");
        // Plain rows: the same fields, whitespace-separated, in the same order.
        args.remove(1);
        let r = ok(&args);
        let rows: Vec<Vec<String>> = r
            .stdout
            .lines()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect();
        let want_rows: Vec<Vec<String>> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                ["family", "type", "protocol", "address", "port"]
                    .iter()
                    .map(|k| match &w[k] {
                        Value::String(s) => s.clone(),
                        v => v.to_string(),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(rows, want_rows, "{args:?}");
    }
}

#[test]
fn canonical_names_equal_python() {
    let names = ["localhost", "127.0.0.1"];
    let wants = py_gai_many(&[
        (names[0], None, "AF_UNSPEC", "0", true),
        (names[1], None, "AF_UNSPEC", "0", true),
    ]);
    for (name, want) in names.iter().zip(wants) {
        let r = ok(&["resolve", "--json", "--canonical", name]);
        assert_eq!(Value::Array(json_lines(&r.stdout)), want, "{name}");
        let r = ok(&["resolve", "--canonical", name]);
        let first = want[0]["canonname"].as_str().unwrap_or("-");
        assert_eq!(
            r.stdout.lines().next().unwrap().split_whitespace().last(),
            Some(first),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn short_is_addresses_in_order_without_duplicates() {
    let names = ["localhost", "127.0.0.1", "::1"];
    let wants = py_json(&format!(
        "out = []\nfor n in {names:?}:\n    seen = []\n    for r in socket.getaddrinfo(n, None):\n        if r[4][0] not in seen:\n            seen.append(r[4][0])\n    out.append(seen)"
    ));
    for (name, want) in names.iter().zip(wants.as_array().unwrap()) {
        let want: Vec<&str> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let r = ok(&["resolve", "--short", name]);
        assert_eq!(r.stdout.lines().collect::<Vec<_>>(), want, "{name}");
        // getaddrinfo gives three rows (stream, dgram, raw) for one address.
        assert_eq!(r.stdout.lines().count(), 1, "{name}");
        let j = ok(&["resolve", "--short", "--json", name]);
        let recs = json_lines(&j.stdout);
        let addrs: Vec<&str> = recs
            .iter()
            .map(|r| r["address"].as_str().unwrap())
            .collect();
        assert_eq!(addrs, want);
    }
}

#[test]
fn reverse_equals_gethostbyaddr() {
    let addrs = ["127.0.0.1", "localhost"];
    let wants = py_json(&format!(
        "out = []\nfor a in {addrs:?}:\n    n, al, ad = socket.gethostbyaddr(a)\n    out.append({{'address': socket.gethostbyname(a), 'name': n, 'aliases': al, 'addresses': ad}})"
    ));
    for (addr, want) in addrs.iter().zip(wants.as_array().unwrap()) {
        let want = want.clone();
        let r = ok(&["resolve", "--json", "--reverse", addr]);
        assert_eq!(json_lines(&r.stdout), vec![want.clone()]);
        let r = ok(&["resolve", "--reverse", addr]);
        let mut words = vec![
            want["address"].as_str().unwrap().to_string(),
            want["name"].as_str().unwrap().to_string(),
        ];
        words.extend(
            want["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string()),
        );
        assert_eq!(r.stdout.trim(), words.join(" "));
        let r = ok(&["resolve", "--short", "--reverse", addr]);
        assert_eq!(r.stdout.trim(), want["name"]);
    }
}

#[test]
fn services_equal_getservbyname_and_getservbyport() {
    // sockkit arguments, and the Python expression for the port they name.
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--service", "http"],
            "socket.getservbyname('http')",
            "tcp",
        ),
        (
            &["--service", "http", "--proto", "tcp"],
            "socket.getservbyname('http', 'tcp')",
            "tcp",
        ),
        (
            &["--service", "domain", "--proto", "udp"],
            "socket.getservbyname('domain', 'udp')",
            "udp",
        ),
        (&["--service", "ssh"], "socket.getservbyname('ssh')", "tcp"),
        (
            &["--service", "80"],
            "socket.getservbyname(socket.getservbyport(80))",
            "tcp",
        ),
        (
            &["--service", "53", "--proto", "udp"],
            "socket.getservbyname(socket.getservbyport(53, 'udp'), 'udp')",
            "udp",
        ),
        (
            &["--service", "22", "--proto", "tcp"],
            "socket.getservbyname(socket.getservbyport(22, 'tcp'), 'tcp')",
            "tcp",
        ),
    ];
    // Name and port from Python; aliases from /etc/services, as the C library reads it.
    let exprs: Vec<String> = cases
        .iter()
        .map(|(_, port, proto)| format!("({port}, {proto:?})"))
        .collect();
    let wants = py_json(&format!(
        r##"
def aliases(name, proto):
    for line in open("/etc/services"):
        w = line.split("#")[0].split()
        if len(w) >= 2 and w[0] == name and w[1].endswith("/" + proto):
            return w[2:]
    return []
out = []
for port, proto in [{}]:
    name = socket.getservbyport(port, proto)
    out.append({{"name": name, "port": port, "proto": proto, "aliases": aliases(name, proto)}})
"##,
        exprs.join(", ")
    ));
    for ((args, _, _), want) in cases.iter().zip(wants.as_array().unwrap()) {
        let mut full = vec!["resolve", "--json"];
        full.extend_from_slice(args);
        let r = ok(&full);
        assert_eq!(json_lines(&r.stdout), vec![want.clone()], "{args:?}");
        full.remove(1);
        let r = ok(&full);
        let mut words = vec![
            want["name"].as_str().unwrap().to_string(),
            format!("{}/{}", want["port"], want["proto"].as_str().unwrap()),
        ];
        words.extend(
            want["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string()),
        );
        assert_eq!(r.stdout.trim(), words.join(" "), "{args:?}");
    }
}

#[test]
fn protocols_equal_getprotobyname_and_etc_protocols() {
    let cases = [
        ("tcp", "tcp"),
        ("6", "tcp"),
        ("udp", "udp"),
        ("17", "udp"),
        ("icmp", "icmp"),
        ("1", "icmp"),
    ];
    let names: Vec<&str> = cases.iter().map(|(_, n)| *n).collect();
    // Number from getprotobyname; aliases from /etc/protocols, as the C library reads it.
    let wants = py_json(&format!(
        r##"
def aliases(name):
    for line in open("/etc/protocols"):
        w = line.split("#")[0].split()
        if len(w) >= 2 and w[0] == name:
            return w[2:]
    return []
out = [{{"name": n, "number": socket.getprotobyname(n), "aliases": aliases(n)}} for n in {names:?}]
"##
    ));
    for ((arg, _), want) in cases.iter().zip(wants.as_array().unwrap()) {
        let r = ok(&["resolve", "--json", "--protocol", arg]);
        assert_eq!(json_lines(&r.stdout), vec![want.clone()], "{arg}");
        let r = ok(&["resolve", "--protocol", arg]);
        let mut words = vec![
            want["name"].as_str().unwrap().to_string(),
            want["number"].to_string(),
        ];
        words.extend(
            want["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string()),
        );
        assert_eq!(r.stdout.trim(), words.join(" "), "{arg}");
    }
}

#[test]
fn hostname_and_fqdn_equal_python() {
    let both = python("print(socket.gethostname())\nprint(socket.getfqdn())");
    let (host, fqdn) = both.split_once('\n').unwrap();
    let (host, fqdn) = (format!("{host}\n"), fqdn.to_string());
    assert_eq!(ok(&["resolve", "--hostname"]).stdout, host);
    assert_eq!(ok(&["resolve", "--hostname", "--fqdn"]).stdout, fqdn);
    let r = ok(&["resolve", "--json", "--hostname", "--fqdn"]);
    assert_eq!(
        json_lines(&r.stdout),
        vec![json!({"hostname": host.trim(), "name": fqdn.trim()})]
    );
}

#[test]
fn verbose_shows_the_lookup_time() {
    let re = regex::Regex::new(r"^getaddrinfo\(localhost\) took \d+\.\d\dms$").unwrap();
    let r = ok(&["-v", "resolve", "localhost"]);
    assert!(r.stderr.lines().any(|l| re.is_match(l)), "{}", r.stderr);
    let r = ok(&["-v", "resolve", "--service", "http"]);
    assert!(
        r.stderr.contains("getservbyname(http) took "),
        "{}",
        r.stderr
    );
    let r = ok(&["-v", "--json", "resolve", "localhost"]);
    let ev: Value = serde_json::from_str(r.stderr.lines().next().unwrap()).unwrap();
    assert_eq!(ev["event"], "lookup");
    assert!(ev["ms"].as_f64().unwrap() >= 0.0);
    // Without -v, stderr stays quiet.
    assert!(ok(&["resolve", "localhost"]).stderr.is_empty());
}

fn fails(args: &[&str], code: i32) -> String {
    let r = run(args);
    assert_eq!(r.code, code, "{args:?}: {r:?}");
    assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(
        !lines.is_empty() && lines.len() <= 2,
        "{args:?}: {}",
        r.stderr
    );
    assert!(lines[0].starts_with("sockkit: "), "{}", lines[0]);
    if let Some(hint) = lines.get(1) {
        assert!(hint.starts_with("  hint: "), "{args:?}: {hint}");
    }
    lines[0].to_string()
}

#[test]
fn unknown_names_exit_1_with_the_resolvers_reason() {
    let wants = py_gai_many(&[
        ("nosuch.invalid", None, "AF_UNSPEC", "0", false),
        ("localhost", None, "AF_INET6", "0", false),
        ("localhost", Some("nosuchservice"), "AF_UNSPEC", "0", false),
    ]);
    let reason = wants[0]["error"].as_str().expect("Python fails too");
    let line = fails(&["resolve", "nosuch.invalid"], 1);
    assert!(line.contains("nosuch.invalid"), "{line}");
    assert!(line.contains(reason), "{line} lacks {reason}");

    // localhost has no IPv6 address in /etc/hosts here: whatever Python says, sockkit says.
    let want = &wants[1];
    if let Some(reason) = want["error"].as_str() {
        let line = fails(&["-6", "resolve", "localhost"], 1);
        assert!(line.contains(reason), "{line} lacks {reason}");
    } else {
        let r = ok(&["-6", "--json", "resolve", "localhost"]);
        assert_eq!(&Value::Array(json_lines(&r.stdout)), want);
    }

    let reason = wants[2]["error"].as_str().unwrap();
    let line = fails(&["resolve", "localhost", "nosuchservice"], 1);
    assert!(
        line.contains("nosuchservice") && line.contains(reason),
        "{line}"
    );

    let line = fails(&["resolve", "--service", "nosuchservice"], 1);
    assert!(line.contains("nosuchservice"), "{line}");
    let line = fails(&["resolve", "--service", "1", "--proto", "udp"], 1);
    assert!(line.contains("'1'"), "{line}");
    let line = fails(&["resolve", "--protocol", "nosuchproto"], 1);
    assert!(line.contains("nosuchproto"), "{line}");
    let line = fails(&["resolve", "--reverse", "192.0.2.1"], 1);
    assert!(line.contains("192.0.2.1"), "{line}");
}

#[test]
fn bad_literals_exit_2() {
    for (args, named) in [
        (&["resolve", "1.2.3.999"][..], "1.2.3.999"),
        (&["resolve", "::zz"], "::zz"),
        (&["resolve", "1:2:3:4:5:6:7:8:9"], "1:2:3:4:5:6:7:8:9"),
        (&["resolve", "--reverse", "1.2.3.999"], "1.2.3.999"),
        (&["resolve", "--service", "70000"], "70000"),
        (&["resolve", "--protocol", "256"], "256"),
        (&["resolve", "--type", "bogus", "localhost"], "bogus"),
        (&["resolve", ""], "''"),
        (&["resolve", "--reverse", ""], "''"),
        (&["resolve", "--service", ""], "''"),
        (&["resolve", "--protocol", ""], "''"),
    ] {
        let line = fails(args, 2);
        assert!(line.contains(named), "{args:?}: {line}");
    }
}
