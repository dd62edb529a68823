//! `sockkit byteorder` against the C library, as Python's socket module calls it.

mod common;

use common::*;
use serde_json::Value;

/// Evaluate Python expressions, each over its inputs (bound to `x`), in ONE Python run:
/// for each job, one answer per input, `ERR` when Python raises.
fn py_table(jobs: &[(&str, &[&str])]) -> Vec<Vec<String>> {
    let jobs_json = serde_json::to_string(jobs).unwrap();
    let out = python(&format!(
        r#"
import json
for expr, inputs in json.loads({jobs_json:?}):
    for x in inputs:
        try:
            print(eval(expr, {{"socket": socket, "struct": struct, "x": x}}))
        except (OSError, ValueError, OverflowError, TypeError):
            print("ERR")
"#
    ));
    let mut lines = out.lines().map(str::to_string);
    jobs.iter()
        .map(|(_, inputs)| inputs.iter().map(|_| lines.next().unwrap()).collect())
        .collect()
}

fn ok_lines(args: &[&str]) -> Vec<String> {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {r:?}");
    assert!(r.stderr.is_empty(), "{args:?}: {}", r.stderr);
    r.stdout.lines().map(str::to_string).collect()
}

const INTS16: &[&str] = &[
    "0", "1", "2", "255", "256", "0x1234", "4660", "0xff00", "32767", "32768", "65534", "65535",
    "0xFFFF", "0x0001",
];
const INTS32: &[&str] = &[
    "0",
    "1",
    "255",
    "256",
    "0x1234",
    "65535",
    "65536",
    "0x12345678",
    "2147483647",
    "2147483648",
    "4294967294",
    "4294967295",
    "0xffffffff",
    "0xDEADBEEF",
];

const SWAPS: [(&str, &[&str]); 4] = [
    ("htons", INTS16),
    ("ntohs", INTS16),
    ("htonl", INTS32),
    ("ntohl", INTS32),
];

#[test]
fn swaps_equal_python() {
    let exprs: Vec<String> = SWAPS
        .iter()
        .map(|(op, _)| format!("socket.{op}(int(x, 0))"))
        .collect();
    let jobs: Vec<(&str, &[&str])> = SWAPS
        .iter()
        .zip(&exprs)
        .map(|((_, inputs), e)| (e.as_str(), *inputs))
        .collect();
    let wants = py_table(&jobs);
    for ((op, inputs), want) in SWAPS.iter().zip(&wants) {
        assert!(!want.contains(&"ERR".to_string()), "{op}: {want:?}");
        // All values in one call: one line each, in order.
        let mut args = vec!["byteorder", op];
        args.extend_from_slice(inputs);
        assert_eq!(ok_lines(&args), *want, "{op}");
        // And a few one at a time.
        for (x, w) in inputs.iter().zip(want).step_by(4) {
            assert_eq!(ok_lines(&["byteorder", op, x]), vec![w.clone()], "{op} {x}");
        }
    }
}

#[test]
fn swap_json_fields() {
    let exprs: Vec<String> = SWAPS
        .iter()
        .map(|(op, _)| {
            let fmt = if op.ends_with('s') { "H" } else { "I" };
            let host = if op.starts_with('h') {
                "int(x, 0)".to_string()
            } else {
                format!("socket.{op}(int(x, 0))")
            };
            format!(
                "'%d %s %s' % (socket.{op}(int(x, 0)), struct.pack('={fmt}', {host}).hex(), struct.pack('!{fmt}', {host}).hex())"
            )
        })
        .collect();
    let jobs: Vec<(&str, &[&str])> = SWAPS
        .iter()
        .zip(&exprs)
        .map(|((_, inputs), e)| (e.as_str(), *inputs))
        .collect();
    let wants = py_table(&jobs);
    for ((op, inputs), want) in SWAPS.iter().zip(&wants) {
        let mut args = vec!["byteorder", "--json", op];
        args.extend_from_slice(inputs);
        let recs: Vec<Value> = ok_lines(&args)
            .iter()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(recs.len(), inputs.len());
        for ((rec, x), w) in recs.iter().zip(*inputs).zip(want) {
            let w: Vec<&str> = w.split(' ').collect();
            assert_eq!(rec["op"], *op);
            assert_eq!(rec["input"], *x);
            assert_eq!(
                rec["result"].as_u64().unwrap().to_string(),
                w[0],
                "{op} {x}"
            );
            assert_eq!(rec["host_bytes"], w[1], "{op} {x}");
            assert_eq!(rec["network_bytes"], w[2], "{op} {x}");
        }
    }
}

#[test]
fn swap_inputs_out_of_range_or_not_numbers() {
    let cases = [
        ("htons", "65536"),
        ("ntohs", "65536"),
        ("htons", "-1"),
        ("htons", "0x10000"),
        ("htonl", "4294967296"),
        ("ntohl", "4294967296"),
        ("htonl", "-1"),
        ("htonl", "0x100000000"),
        ("htons", "abc"),
        ("htons", "1.5"),
        ("htonl", "0x"),
        ("htonl", "0xzz"),
        ("ntohs", "12abc"),
        ("htons", "99999999999999999999999999"),
    ];
    // Python's C library wrappers refuse them too.
    let exprs: Vec<String> = cases
        .iter()
        .map(|(op, _)| format!("socket.{op}(int(x, 0))"))
        .collect();
    let inputs: Vec<[&str; 1]> = cases.iter().map(|(_, bad)| [*bad]).collect();
    let jobs: Vec<(&str, &[&str])> = exprs
        .iter()
        .zip(&inputs)
        .map(|(e, i)| (e.as_str(), &i[..]))
        .collect();
    for ((op, bad), py) in cases.iter().zip(py_table(&jobs)) {
        assert_eq!(py, vec!["ERR"], "{op} {bad}");
        rejects(&["byteorder", op, bad], bad);
        // A bad value among good ones: nothing is printed.
        rejects(&["byteorder", op, "1", bad, "2"], bad);
    }
}

const V6: &[&str] = &[
    "::",
    "::1",
    "::ffff:1.2.3.4",
    "1::",
    "fe80::1",
    "2001:db8::8a2e:370:7334",
    "2001:0db8:0000:0000:0000:ff00:0042:8329",
    "1:2:3:4:5:6:7:8",
    "1:0:0:2:0:0:0:3",
    "1:0:0:0:2:0:0:3",
    "0:0:0:0:0:0:0:0",
    "FE80::ABCD",
    "::1.2.3.4",
    "64:ff9b::192.0.2.33",
    "ff02::1:ff00:1",
    "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8",
];
const V4: &[&str] = &[
    "0.0.0.0",
    "127.0.0.1",
    "255.255.255.255",
    "1.2.3.4",
    "10.0.0.255",
    "192.168.1.1",
];

#[test]
fn inet_pton_and_ntop_equal_python() {
    let wants = py_table(&[
        ("socket.inet_pton(socket.AF_INET, x).hex()", V4),
        ("socket.inet_pton(socket.AF_INET6, x).hex()", V6),
    ]);
    for ((fam, inputs), want) in [("inet", V4), ("inet6", V6)].iter().zip(&wants) {
        for (x, w) in inputs.iter().zip(want) {
            assert_ne!(w, "ERR", "{x}");
            assert_eq!(
                ok_lines(&["byteorder", "inet_pton", fam, x]),
                vec![w.clone()],
                "{x}"
            );
        }
    }
    // The packed forms back through inet_ntop, and compressed runs: the longest run of
    // zeros, the first of equal ones, never a single group.
    let mut hex6: Vec<&str> = wants[1].iter().map(String::as_str).collect();
    hex6.extend([
        "00010000000200000000000000000003",
        "00010000000000000002000000000003",
        "00000001000000000000000000000000",
        "00010002000300040005000600070000",
        "0000000000000000000000000000ffff",
        "00000000000000000000ffff7f000001",
    ]);
    let hex4: Vec<&str> = wants[0].iter().map(String::as_str).collect();
    let texts = py_table(&[
        ("socket.inet_ntop(socket.AF_INET, bytes.fromhex(x))", &hex4),
        ("socket.inet_ntop(socket.AF_INET6, bytes.fromhex(x))", &hex6),
    ]);
    for ((fam, hexes), want) in [("inet", &hex4), ("inet6", &hex6)].iter().zip(&texts) {
        for (h, w) in hexes.iter().zip(want) {
            assert_ne!(w, "ERR", "{h}");
            assert_eq!(
                ok_lines(&["byteorder", "inet_ntop", fam, h]),
                vec![w.clone()],
                "{h}"
            );
        }
    }
}

#[test]
fn inet_aton_and_ntoa_equal_python() {
    let aton = [
        "127.0.0.1",
        "127.1",
        "0x7f.1",
        "4294967295",
        "0",
        "1.2.3",
        "1.2",
        "017.0.0.1",
        "0x7f000001",
        "0X7F.0.0.1",
        "00.00.00.00",
        "255.255.65535",
        "10.16777215",
        "1.2.3.4 trailing",
        "0xff.0xff.0xff.0xff",
    ];
    let ntoa = [
        "7f000001", "00000000", "ffffffff", "01020304", "c0a80101", "0a0000ff",
    ];
    let wants = py_table(&[
        ("socket.inet_aton(x).hex()", &aton),
        ("socket.inet_ntoa(bytes.fromhex(x))", &ntoa),
        (
            "struct.pack('=I', struct.unpack('!I', socket.inet_aton(x))[0]).hex()",
            &["127.1"],
        ),
        ("struct.pack('=I', int(x, 16)).hex()", &["c0a80101"]),
    ]);
    for (x, w) in aton.iter().zip(&wants[0]) {
        assert_ne!(w, "ERR", "Python accepts {x}");
        assert_eq!(
            ok_lines(&["byteorder", "inet_aton", x]),
            vec![w.clone()],
            "{x}"
        );
    }
    for (x, w) in ntoa.iter().zip(&wants[1]) {
        assert_eq!(
            ok_lines(&["byteorder", "inet_ntoa", x]),
            vec![w.clone()],
            "{x}"
        );
    }
    let rec: Value =
        serde_json::from_str(&ok_lines(&["byteorder", "--json", "inet_aton", "127.1"])[0]).unwrap();
    assert_eq!(rec["op"], "inet_aton");
    assert_eq!(rec["input"], "127.1");
    assert_eq!(rec["result"], "7f000001");
    assert_eq!(rec["network_bytes"], "7f000001");
    assert_eq!(rec["host_bytes"], wants[2][0]);
    let rec: Value =
        serde_json::from_str(&ok_lines(&["byteorder", "--json", "inet_ntoa", "c0a80101"])[0])
            .unwrap();
    assert_eq!(rec["op"], "inet_ntoa");
    assert_eq!(rec["input"], "c0a80101");
    assert_eq!(rec["result"], "192.168.1.1");
    assert_eq!(rec["network_bytes"], "c0a80101");
    assert_eq!(rec["host_bytes"], wants[3][0]);
}

#[test]
fn address_json_fields() {
    let rec: Value =
        serde_json::from_str(&ok_lines(&["byteorder", "--json", "inet_pton", "inet6", "::1"])[0])
            .unwrap();
    assert_eq!(rec["op"], "inet_pton");
    assert_eq!(rec["input"], "::1");
    assert_eq!(rec["result"], "00000000000000000000000000000001");
    assert_eq!(rec["network_bytes"], "00000000000000000000000000000001");
    assert_eq!(rec["host_bytes"], "00000000000000000000000000000001");
    let rec: Value = serde_json::from_str(
        &ok_lines(&["byteorder", "--json", "inet_ntop", "inet", "0a000001"])[0],
    )
    .unwrap();
    assert_eq!(rec["op"], "inet_ntop");
    assert_eq!(rec["result"], "10.0.0.1");
    assert_eq!(rec["network_bytes"], "0a000001");
    // An IPv4 address as a host-order 32-bit value in memory.
    let host = u32::from_be_bytes([10, 0, 0, 1]).to_ne_bytes();
    let host: String = host.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(rec["host_bytes"], host);
}

#[test]
fn malformed_addresses_exit_2() {
    let bad4 = ["1.2.3.256", "1.2.3", "127.1", "1.2.3.4.5", "abc", "::1", ""];
    let bad6 = [
        "::g",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "1.2.3.4",
        ":::",
        "::ffff:1.2.3.256",
    ];
    let bad_aton = [
        "1.2.3.4.5",
        "256.1.1.1",
        "abc",
        "",
        "1..2",
        "0x1g.0.0.1",
        "4294967296",
    ];
    // Python refuses each of them too.
    let py = py_table(&[
        ("socket.inet_pton(socket.AF_INET, x).hex()", &bad4),
        ("socket.inet_pton(socket.AF_INET6, x).hex()", &bad6),
        ("socket.inet_aton(x).hex()", &bad_aton),
    ]);
    for answers in &py {
        assert!(answers.iter().all(|a| a == "ERR"), "{py:?}");
    }
    let named = |bad: &str| {
        if bad.is_empty() {
            "''".to_string()
        } else {
            bad.to_string()
        }
    };
    for bad in bad4 {
        rejects(&["byteorder", "inet_pton", "inet", bad], &named(bad));
    }
    for bad in bad6 {
        rejects(&["byteorder", "inet_pton", "inet6", bad], &named(bad));
    }
    for bad in bad_aton {
        rejects(&["byteorder", "inet_aton", bad], &named(bad));
    }
}

#[test]
fn bad_hex_and_wrong_lengths_exit_2() {
    for (args, named) in [
        (&["inet_ntop", "inet", "7f0"][..], "7f0"),
        (&["inet_ntop", "inet", "zz000001"], "zz000001"),
        (&["inet_ntop", "inet", "7f0000"], "7f0000"),
        (&["inet_ntop", "inet", "7f00000001"], "7f00000001"),
        (&["inet_ntop", "inet6", "7f000001"], "7f000001"),
        (&["inet_ntop", "inet6", "00"], "00"),
        (&["inet_ntoa", "7f00000001"], "7f00000001"),
        (&["inet_ntoa", "7f00"], "7f00"),
        (&["inet_ntoa", "xyz"], "xyz"),
        (&["inet_ntoa", "7f00000"], "7f00000"),
    ] {
        let mut full = vec!["byteorder"];
        full.extend_from_slice(args);
        rejects(&full, named);
    }
    // Python refuses the wrong lengths as well.
    let py = py_table(&[
        (
            "socket.inet_ntop(socket.AF_INET, bytes.fromhex(x))",
            &["7f0000", "7f00000001"],
        ),
        ("socket.inet_ntoa(bytes.fromhex(x))", &["7f00000001"]),
    ]);
    assert_eq!(py, vec![vec!["ERR", "ERR"], vec!["ERR"]]);
}

#[test]
fn global_options_may_follow_the_values() {
    let r = ok(&["byteorder", "htons", "1", "--json"]);
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["result"], 256);
    assert_eq!(
        ok(&["byteorder", "htonl", "1", "--color", "never"]).stdout,
        "16777216\n"
    );
}
