//! `--dump` checked byte for byte against what real peers sent, in both directions, in
//! each form (json, hex, text), on forward, connect and listen (one client, --echo,
//! --exec); and the relayed stream unchanged with the dump on.

mod common;
mod forward_support;
mod stream_support;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::Stdio;
use std::time::Duration;

use common::{Peer, json_lines, run_with};
use forward_support::Forward;
use stream_support::{Server, random_bytes, scratch};

const LIMIT: Duration = Duration::from_secs(20);

/// The bytes of each (connection, direction) of a dump.
type Streams = HashMap<(u64, String), Vec<u8>>;

/// The bytes of each (connection, direction) in a JSON dump, in order.
fn from_json(text: &str) -> Streams {
    let mut streams = Streams::new();
    for r in json_lines(text) {
        let bytes = match (r["data"].as_str(), r["data_hex"].as_str()) {
            (Some(t), None) => t.as_bytes().to_vec(),
            (None, Some(h)) => (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
                .collect(),
            _ => panic!("a record needs data or data_hex: {r}"),
        };
        assert_eq!(r["len"].as_u64(), Some(bytes.len() as u64), "{r}");
        assert!(r["ts"].as_str().is_some_and(|t| t.ends_with('Z')), "{r}");
        let key = (
            r["conn"].as_u64().expect("conn"),
            r["dir"].as_str().unwrap().to_string(),
        );
        streams.entry(key).or_default().extend(bytes);
    }
    streams
}

/// The bytes of each (connection, direction) in a hex dump; the offsets must run on.
fn from_hex(text: &str) -> Streams {
    let mut streams = Streams::new();
    let mut key = (0, String::new());
    for line in text.lines() {
        if line.starts_with("> ") || line.starts_with("< ") {
            // > TS conn N PEER DIR LEN bytes
            let w: Vec<&str> = line.split(' ').collect();
            key = (w[3].parse().expect("conn"), w[5].to_string());
            assert_eq!(w[0] == ">", w[5] == "in", "{line}");
            continue;
        }
        let (offset, rest) = line.split_once("  ").expect("offset");
        let stream = streams.entry(key.clone()).or_default();
        assert_eq!(
            usize::from_str_radix(offset, 16).unwrap(),
            stream.len(),
            "{line}"
        );
        let hex = rest.split("  |").next().unwrap();
        stream.extend(
            hex.split_whitespace()
                .map(|b| u8::from_str_radix(b, 16).unwrap()),
        );
    }
    streams
}

/// The bytes of each (connection, direction) in a text dump (escapes undone).
fn from_text(text: &str) -> Streams {
    let mut streams = Streams::new();
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(header) = lines.next() {
        let w: Vec<&str> = header.trim_end().split(' ').collect();
        assert!(w[0] == ">" || w[0] == "<", "not a header: {header}");
        let len: usize = w[6].parse().expect("len");
        let key = (w[3].parse().expect("conn"), w[5].to_string());
        let mut got = Vec::new();
        while got.len() < len {
            let line = lines.next().expect("the chunk's lines");
            let mut b = line.bytes().peekable();
            while let Some(c) = b.next() {
                if c != b'\\' {
                    got.push(c);
                    continue;
                }
                match b.next() {
                    Some(b'\\') => got.push(b'\\'),
                    Some(b'r') => got.push(b'\r'),
                    Some(b'x') => {
                        let h: Vec<u8> = (0..2).filter_map(|_| b.next()).collect();
                        got.push(u8::from_str_radix(std::str::from_utf8(&h).unwrap(), 16).unwrap());
                    }
                    other => panic!("unknown escape {other:?}"),
                }
            }
        }
        // A chunk not ending in a newline got one added.
        if got.len() == len + 1 && got.ends_with(b"\n") {
            got.pop();
        }
        assert_eq!(got.len(), len, "{header}");
        streams.entry(key).or_default().extend(got);
    }
    streams
}

/// A Python server: reads to EOF, then sends `answer_len` bytes derived from what it got.
fn answering_server(answer_len: usize) -> Peer {
    Peer::start(&format!(
        r#"
import socket, hashlib
s = socket.socket()
s.bind(("127.0.0.2", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    got = b""
    while True:
        d = c.recv(65536)
        if not d: break
        got += d
    seed = hashlib.sha256(got).digest()
    out = b""
    while len(out) < {answer_len}:
        seed = hashlib.sha256(seed).digest(); out += seed
    c.sendall(out[:{answer_len}])
    c.close()
"#
    ))
}

/// Send `data` through 127.0.0.2:port, half-close, and read the answer to its end.
fn exchange(port: u16, data: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.2", port)).expect("connect");
    s.set_read_timeout(Some(LIMIT)).unwrap();
    let writer = {
        let mut w = s.try_clone().unwrap();
        let data = data.to_vec();
        std::thread::spawn(move || {
            w.write_all(&data).expect("send");
            w.shutdown(Shutdown::Write).expect("half-close");
        })
    };
    let mut got = Vec::new();
    s.read_to_end(&mut got).expect("read the answer");
    writer.join().unwrap();
    got
}

/// The answer `answering_server` gives to `sent`, computed the same way here.
fn expected_answer(sent: &[u8], len: usize) -> Vec<u8> {
    let script = format!(
        "import sys, hashlib\nseed = hashlib.sha256(sys.stdin.buffer.read()).digest()\nout = b''\nwhile len(out) < {len}:\n    seed = hashlib.sha256(seed).digest(); out += seed\nsys.stdout.buffer.write(out[:{len}])"
    );
    let mut p = std::process::Command::new("python3")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    p.stdin.take().unwrap().write_all(sent).unwrap();
    p.wait_with_output().unwrap().stdout
}

fn dump_through_forward(format: &str) -> (Vec<u8>, Vec<u8>, Streams) {
    let srv = answering_server(150_000);
    let path = scratch(&format!("forward-dump.{format}"));
    let to = format!("127.0.0.2:{}", srv.port());
    let fwd = Forward::start(&[
        "127.0.0.2",
        "0",
        "--to",
        &to,
        "--dump",
        &path,
        "--dump-format",
        format,
    ]);
    // Every byte value, in a pattern that is not valid UTF-8.
    let sent = random_bytes(200_000, 7);
    let got = exchange(fwd.port, &sent);
    assert!(
        got == expected_answer(&sent, 150_000),
        "the relayed stream changed with --dump on"
    );
    fwd.event("closed", LIMIT).expect("closed");
    let text = std::fs::read(&path).expect("read the dump");
    let text = String::from_utf8(text).expect("a dump is text");
    let streams = match format {
        "json" => from_json(&text),
        "hex" => from_hex(&text),
        _ => from_text(&text),
    };
    (sent, got, streams)
}

#[test]
fn forward_json_dump_is_byte_for_byte_both_ways() {
    let (sent, got, streams) = dump_through_forward("json");
    assert!(streams[&(1, "in".into())] == sent, "in differs");
    assert!(streams[&(1, "out".into())] == got, "out differs");
}

#[test]
fn forward_hex_dump_is_byte_for_byte_both_ways() {
    let (sent, got, streams) = dump_through_forward("hex");
    assert!(streams[&(1, "in".into())] == sent, "in differs");
    assert!(streams[&(1, "out".into())] == got, "out differs");
}

#[test]
fn forward_text_dump_reads_back_exactly() {
    let (sent, got, streams) = dump_through_forward("text");
    assert!(streams[&(1, "in".into())] == sent, "in differs");
    assert!(streams[&(1, "out".into())] == got, "out differs");
}

#[test]
fn connect_dump_shows_what_was_sent_and_received() {
    let srv = answering_server(5000);
    let port = srv.port().to_string();
    let sent = random_bytes(70_000, 3);
    let r = run_with(
        &[
            "connect",
            "127.0.0.2",
            &port,
            "--dump",
            "-",
            "--dump-format",
            "json",
        ],
        &sent,
        LIMIT,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected = expected_answer(&sent, 5000);
    assert!(r.raw_stdout == expected, "stdout changed with --dump on");
    let streams = from_json(&r.stderr);
    // For connect the peer is the server: `in` is what came from it.
    assert!(streams[&(1, "out".into())] == sent);
    assert!(streams[&(1, "in".into())] == expected);
}

#[test]
fn listen_one_client_dump_hex() {
    let path = scratch("listen-one.hex");
    let srv = Server::start(
        &["127.0.0.2", "0", "--dump", &path],
        Stdio::piped(),
        Stdio::piped(),
    );
    let mut srv = srv;
    let mut stdin = srv.child.stdin.take().unwrap();
    let answer = random_bytes(3000, 11);
    stdin.write_all(&answer).unwrap();
    drop(stdin);
    let request = random_bytes(9000, 12);
    let got = exchange(srv.port, &request);
    assert!(got == answer);
    let mut stdout = srv.child.stdout.take().unwrap();
    let mut relayed = Vec::new();
    stdout.read_to_end(&mut relayed).unwrap();
    assert!(relayed == request);
    let (code, _) = srv.wait(LIMIT);
    assert_eq!(code, 0);
    let streams = from_hex(&std::fs::read_to_string(&path).unwrap());
    assert!(streams[&(1, "in".into())] == request);
    assert!(streams[&(1, "out".into())] == answer);
}

#[test]
fn listen_echo_and_exec_dumps_number_their_connections() {
    let path = scratch("listen-echo.json");
    let echo = Server::start(
        &[
            "-k",
            "--echo",
            "127.0.0.2",
            "0",
            "--dump",
            &path,
            "--dump-format",
            "json",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    let first = random_bytes(5000, 1);
    let second = random_bytes(7000, 2);
    assert!(exchange(echo.port, &first) == first);
    assert!(exchange(echo.port, &second) == second);
    std::thread::sleep(Duration::from_millis(200));
    let streams = from_json(&std::fs::read_to_string(&path).unwrap());
    assert!(streams[&(1, "in".into())] == first && streams[&(1, "out".into())] == first);
    assert!(streams[&(2, "in".into())] == second && streams[&(2, "out".into())] == second);

    let path = scratch("listen-exec.json");
    let exec = Server::start(
        &[
            "-k",
            "127.0.0.2",
            "0",
            "--dump",
            &path,
            "--dump-format",
            "json",
            "--sh-exec",
            "tr a-z A-Z",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    assert_eq!(exchange(exec.port, b"shout this"), b"SHOUT THIS");
    std::thread::sleep(Duration::from_millis(200));
    let streams = from_json(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(streams[&(1, "in".into())], b"shout this");
    assert_eq!(streams[&(1, "out".into())], b"SHOUT THIS");
}

/// An `--exec` child whose bytes pass through sockkit (`--dump`, `--crlf`): a large
/// stream goes through it whole both ways, and a child that leaves without reading ends
/// its connection (the client sees its answer and the end) while -k serves the next.
#[test]
fn exec_children_behind_a_dump_or_crlf_keep_the_stream_whole_and_end_cleanly() {
    let path = scratch("listen-exec-big.json");
    let cat = Server::start(
        &[
            "-k",
            "127.0.0.2",
            "0",
            "--dump",
            &path,
            "--dump-format",
            "json",
            "--exec",
            "cat",
        ],
        Stdio::null(),
        Stdio::null(),
    );
    let big = random_bytes(3 << 20, 3);
    assert!(exchange(cat.port, &big) == big, "cat's echo differs");

    let crlf = Server::start(
        &["-k", "127.0.0.2", "0", "--crlf", "--exec", "cat"],
        Stdio::null(),
        Stdio::null(),
    );
    let lines: Vec<u8> = (0..200_000)
        .flat_map(|i| format!("{i}\n").into_bytes())
        .collect();
    let want: Vec<u8> = (0..200_000)
        .flat_map(|i| format!("{i}\r\n").into_bytes())
        .collect();
    assert!(exchange(crlf.port, &lines) == want, "--crlf output differs");

    let early = Server::start(
        &["-k", "127.0.0.2", "0", "--crlf", "--sh-exec", "echo bye"],
        Stdio::null(),
        Stdio::null(),
    );
    for _ in 0..3 {
        let mut s = TcpStream::connect(("127.0.0.2", early.port)).expect("connect");
        s.set_read_timeout(Some(LIMIT)).unwrap();
        // A few bytes the child never reads: the answer and the end still come.
        let _ = s.write_all(b"unread");
        let mut got = Vec::new();
        let _ = s.read_to_end(&mut got);
        assert!(got.starts_with(b"bye\r\n"), "{got:?}");
    }
}

#[test]
fn bad_dump_input_is_exit_2() {
    common::rejects(&["connect", "127.0.0.1", "1", "--dump", "/"], "--dump");
    common::rejects(&["listen", "0", "--dump", "/proc/nope/x"], "--dump");
    common::rejects(
        &["listen", "0", "--dump", "-", "--dump-format", "pcap"],
        "pcap",
    );
    common::rejects(
        &["connect", "127.0.0.1", "1", "--dump-format", "hex"],
        "--dump",
    );
}
