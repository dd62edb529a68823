//! ss filter expressions: `sockkit conns EXPR` and `ss EXPR` on the same live sockets
//! give the same rows, for a table of expressions covering the grammar and ss's quirks.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::*;

/// Opens on loopback: listener A (127.0.0.1) with two clients, listener B (127.0.0.2)
/// with one, a UDP socket, and where IPv6 works listener C ([::1]) with one client and a
/// dual-stack listener D ([::]) with an IPv4 client (its server side is v4-mapped).
/// Prints the ports as JSON, then holds everything for at most two minutes.
const HELPER: &str = r#"
import json, socket, sys, time
v6 = sys.argv[1] == "1"
keep = []
ports = {}
def listen(fam, host, name):
    l = socket.socket(fam, socket.SOCK_STREAM)
    if fam == socket.AF_INET6 and host == "::":
        l.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    l.bind((host, 0)); l.listen(16); keep.append(l)
    ports[name] = l.getsockname()[1]
    return l
def connect(fam, host, l, n):
    for _ in range(n):
        c = socket.socket(fam, socket.SOCK_STREAM); c.connect((host, l.getsockname()[1]))
        s, _ = l.accept(); keep.extend([c, s])
        ports.setdefault("all", []).extend([c.getsockname()[1]])
a = listen(socket.AF_INET, "127.0.0.1", "A"); connect(socket.AF_INET, "127.0.0.1", a, 2)
b = listen(socket.AF_INET, "127.0.0.2", "B"); connect(socket.AF_INET, "127.0.0.2", b, 1)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0)); keep.append(u)
ports["U"] = u.getsockname()[1]
if v6:
    c6 = listen(socket.AF_INET6, "::1", "C"); connect(socket.AF_INET6, "::1", c6, 1)
    d = listen(socket.AF_INET6, "::", "D"); connect(socket.AF_INET, "127.0.0.1", d, 1)
else:
    ports["C"] = ports["A"]; ports["D"] = ports["A"]
import os
ports["inodes"] = [os.fstat(s.fileno()).st_ino for s in keep]
print(json.dumps(ports), flush=True)
time.sleep(120)
"#;

/// (proto, state, local port, peer port), ss's state names as sockkit writes them.
type Row = (String, String, u64, u64);

fn port_of(endpoint: &str) -> u64 {
    let p = endpoint.rsplit(':').next().unwrap_or("*");
    p.parse().unwrap_or(0)
}

fn ss_rows(words: &[String], ours: &BTreeSet<u64>) -> Result<BTreeSet<Row>, String> {
    let out = Command::new("ss")
        .arg("-tuanHe")
        .args(words)
        .output()
        .expect("run ss");
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter_map(|l| {
            let mut c: Vec<&str> = l.split_whitespace().collect();
            // ss leaves out the State column when one state is asked for
            if c.get(1).is_some_and(|w| w.parse::<u64>().is_ok()) {
                c.insert(1, "-");
            }
            if c.len() < 6 {
                return None;
            }
            let state = match c[1] {
                "ESTAB" => "ESTABLISHED",
                s => s,
            };
            // only the helper's sockets, by inode: others come and go meanwhile
            let inode = c
                .iter()
                .find_map(|w| w.strip_prefix("ino:")?.parse::<u64>().ok());
            if !inode.is_some_and(|i| ours.contains(&i)) {
                return None;
            }
            Some((
                c[0].to_string(),
                state.to_string(),
                port_of(c[4]),
                port_of(c[5]),
            ))
        })
        .collect())
}

fn sockkit_rows(words: &[String], ours: &BTreeSet<u64>) -> Result<BTreeSet<Row>, String> {
    let mut args = vec!["conns", "-t", "-u", "-a", "--json"];
    args.extend(words.iter().map(String::as_str));
    let r = run(&args);
    if r.code != 0 {
        return Err(format!("exit {}: {}", r.code, r.stderr));
    }
    Ok(json_lines(&r.stdout)
        .iter()
        .filter(|v| v["inode"].as_u64().is_some_and(|i| ours.contains(&i)))
        .map(|v| {
            (
                v["proto"].as_str().unwrap().to_string(),
                v["state"].as_str().unwrap().to_string(),
                v["local_port"].as_u64().unwrap(),
                v["remote_port"].as_u64().unwrap_or(0),
            )
        })
        .collect())
}

#[test]
fn expressions_give_the_rows_ss_gives() {
    let v6 = has_ipv6();
    let script = format!("import sys; sys.argv = ['', '{}']\n{HELPER}", u8::from(v6));
    let peer = Peer::start(&script);
    let ports: serde_json::Value = serde_json::from_str(&peer.first_line).unwrap();
    let p = |k: &str| ports[k].as_u64().unwrap();
    let (a, b, c, d, u) = (p("A"), p("B"), p("C"), p("D"), p("U"));
    // the helper's sockets by inode
    let ours: BTreeSet<u64> = ports["inodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let table = [
        format!("sport = :{a}"),
        format!("dport = :{a}"),
        format!("sport == :{a} or dport eq :{a}"),
        format!("( sport = :{a} or dport = :{a} )"),
        format!("sport = :{a} and dport = :0"),
        format!("sport != :{a}"),
        format!("sport > :{a}"),
        format!("sport < :{a}"),
        format!("sport >= :{a} and sport <= :{b}"),
        format!("sport ge :{a} and sport le :{a}"),
        format!("dport gt :{a}"),
        format!("dport lt :{b}"),
        format!("not sport = :{a}"),
        format!("! dport = :{a}"),
        format!("sport = :{a} or sport = :{b} and dport = :0"),
        format!("sport = :{b} and dport = :0 or sport = :{a}"),
        "src 127.0.0.1".to_string(),
        "src 127.0.0.2".to_string(),
        "dst 127.0.0.2".to_string(),
        "src 127.0.0.0/8".to_string(),
        format!("dst 127.0.0.0/8 and dport = :{a}"),
        "src 127.0.0.1/32".to_string(),
        "src [::1]".to_string(),
        format!("dst [::1]:{c}"),
        format!("src ::1/128 and sport = :{c}"),
        "src ::/0".to_string(),
        "dst 0.0.0.0/0".to_string(),
        format!("src 127.0.0.1:{a}"),
        format!("src *:{a}"),
        "dst 127.0.0.1:*".to_string(),
        "src 127.0.0.1 and not dst 127.0.0.2".to_string(),
        format!("( src 127.0.0.1 or src 127.0.0.2 ) and sport = :{b}"),
        format!("src localhost and sport = :{a}"),
        format!("sport :{a}"),
        format!("sport = {a}"),
        format!("sport = :0x{a:x}"),
        format!("dport = :{a} and dst 127.0.0.1"),
        "dst [::ffff:127.0.0.1]".to_string(),
        format!("src 127.0.0.1 and sport = :{d}"),
        format!("src 127.0.0.0/8 and sport = :{d}"),
        format!("sport = :{u}"),
        format!("sport = :{u} or sport = :{a}"),
        format!("not ( sport = :{a} or dport = :{a} ) and src 127.0.0.1"),
        format!("state listening sport = :{a}"),
        format!("state established dport = :{a}"),
        format!("exclude listening sport = :{a}"),
        format!("state connected ( sport = :{a} or dport = :{a} )"),
        format!("sport = :{a} && dport = :0 || dport = :{a}"),
        format!("dport >= :{a} & dport <= :{a}"),
        format!("autobound and ( sport = :{a} or dport = :{a} )"),
        format!("src 127.0.0.1 dport = :{a}"),
        format!("not not sport = :{b}"),
    ];
    assert!(table.len() >= 40);
    let mut failures = Vec::new();
    let mut nonempty = 0;
    for expr in &table {
        let words: Vec<String> = expr.split(' ').map(String::from).collect();
        let theirs = ss_rows(&words, &ours);
        let mine = sockkit_rows(&words, &ours);
        let stateless = |rows: BTreeSet<Row>| -> BTreeSet<Row> {
            rows.into_iter()
                .map(|(p, _, l, r)| (p, "-".to_string(), l, r))
                .collect()
        };
        let (theirs, mine) = match (theirs, mine) {
            (Ok(t), Ok(m)) if t.iter().any(|r| r.1 == "-") => (Ok(stateless(t)), Ok(stateless(m))),
            other => other,
        };
        match (theirs, mine) {
            (Ok(t), Ok(m)) if t == m => nonempty += usize::from(!m.is_empty()),
            (t, m) => failures.push(format!("{expr}\n  ss:      {t:?}\n  sockkit: {m:?}")),
        }
    }
    // the flags' own port bytecode and the expression's, joined in one program
    let with_flag = sockkit_rows(
        &[
            "--sport".to_string(),
            a.to_string(),
            "dport = :0".to_string(),
        ],
        &ours,
    );
    let same = ss_rows(&[format!("sport = :{a} and dport = :0")], &ours);
    if with_flag != same {
        failures.push(format!(
            "--sport {a} 'dport = :0'\n  ss: {same:?}\n  sockkit: {with_flag:?}"
        ));
    }
    // a state inside the expression (which ss takes only before it) stays in sockkit
    let inner = sockkit_rows(
        &[format!(
            "( sport = :{a} or dport = :{a} ) and state listening"
        )],
        &ours,
    );
    let before = ss_rows(
        &[
            "state".to_string(),
            "listening".to_string(),
            format!("( sport = :{a} or dport = :{a} )"),
        ],
        &ours,
    );
    let stateless = |r: Result<BTreeSet<Row>, String>| {
        r.map(|rows| {
            rows.into_iter()
                .map(|(p, _, l, r)| (p, l, r))
                .collect::<BTreeSet<_>>()
        })
    };
    if stateless(inner.clone()) != stateless(before) || inner.as_ref().map_or(0, |r| r.len()) != 1 {
        failures.push(format!("state inside: {inner:?}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // the table means something only if most expressions select some of our sockets
    assert!(
        nonempty * 3 >= table.len() * 2,
        "only {nonempty} expressions matched rows"
    );
    drop(peer);
}

#[test]
fn a_bad_expression_is_exit_2_naming_the_word() {
    for (expr, word) in [
        ("dport = :nosuchsvc", "nosuchsvc"),
        ("( sport = :22", "("),
        ("sport = :22 )", ")"),
        ("dst 10.0.0.0/40", "10.0.0.0/40"),
        ("sport = :22 and", "and"),
        ("dst ::1", "::1"),
        ("frobnicate", "frobnicate"),
    ] {
        let words: Vec<&str> = expr.split(' ').collect();
        let mut args = vec!["conns"];
        args.extend(&words);
        let r = run(&args);
        assert_eq!(r.code, 2, "{expr}: {}", r.stderr);
        assert!(r.stderr.starts_with("sockkit: "), "{expr}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("'{word}'")),
            "{expr}: {}",
            r.stderr
        );
        assert_eq!(r.stderr.lines().count(), 1, "{expr}: {}", r.stderr);
    }
}
