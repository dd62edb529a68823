//! `--dump`: every chunk relayed, each way, as it passes: a timestamp, the connection,
//! the peer, the direction and the bytes, in one of three forms (`hex` as `ncat -x` /
//! `hexdump -C`, `text` with `socat -v`'s `>` / `<` markers, `json` one object a chunk).
//! The formatting lives here only; the relays hand each chunk to a [`ConnDump`].
//!
//! The dump never changes what is relayed: a dump that cannot be written any more is
//! said once on stderr and dropped.

use std::fmt::Write as _;
use std::fs::File;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::cli::{DumpArgs, DumpFormat};
use crate::engine::{Dir, Observer};
use crate::error::{Failure, reason, usage};
use crate::schema::dump::Chunk;
use crate::text::escape_control;

/// Where the records go; shared by every connection of the process.
struct Sink {
    out: Box<dyn Write + Send>,
    broken: bool,
}

/// An open dump: hand each connection a [`ConnDump`] with [`Dump::conn`].
#[derive(Clone)]
pub struct Dump {
    sink: Arc<Mutex<Sink>>,
    format: DumpFormat,
    conns: Arc<AtomicU64>,
}

impl Dump {
    /// Open `--dump PATH` (created or truncated; `-` is stderr) before anything is
    /// bound: a directory or a path that cannot be written is bad input.
    pub fn from_args(args: &DumpArgs) -> Result<Option<Dump>, Failure> {
        let Some(path) = &args.dump else {
            return Ok(None);
        };
        let out: Box<dyn Write + Send> = if path == "-" {
            Box::new(std::io::stderr())
        } else {
            if std::path::Path::new(path).is_dir() {
                return Err(usage(format!("--dump {path}"), "is a directory"));
            }
            let file =
                File::create(path).map_err(|e| usage(format!("--dump {path}"), reason(&e)))?;
            Box::new(file)
        };
        Ok(Some(Dump {
            sink: Arc::new(Mutex::new(Sink { out, broken: false })),
            format: args.dump_format,
            conns: Arc::new(AtomicU64::new(0)),
        }))
    }

    /// The dump of the next connection (numbered from 1), with `peer` as it is shown.
    pub fn conn(&self, peer: &str) -> ConnDump {
        ConnDump {
            dump: self.clone(),
            conn: self.conns.fetch_add(1, Ordering::Relaxed) + 1,
            peer: peer.to_string(),
            offsets: [0, 0],
        }
    }

    fn write(&self, record: &[u8]) {
        let Ok(mut sink) = self.sink.lock() else {
            return;
        };
        if sink.broken {
            return;
        }
        if let Err(e) = sink.out.write_all(record) {
            sink.broken = true;
            eprintln!(
                "sockkit: --dump: {}; the dump stops here, the relay goes on",
                reason(&e)
            );
        }
    }
}

/// One connection's dump: its number, its peer, and the offset reached each way.
pub struct ConnDump {
    dump: Dump,
    conn: u64,
    peer: String,
    offsets: [u64; 2],
}

impl ConnDump {
    /// Record a chunk: `Dir::In` from the peer, `Dir::Out` sent to it.
    pub fn chunk(&mut self, dir: Dir, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        let slot = usize::from(dir == Dir::Out);
        let offset = self.offsets[slot];
        self.offsets[slot] += data.len() as u64;
        let ts = humantime::format_rfc3339_micros(std::time::SystemTime::now()).to_string();
        let record = match self.dump.format {
            DumpFormat::Hex => self.hex(&ts, dir, offset, data),
            DumpFormat::Text => self.text(&ts, dir, data),
            DumpFormat::Json => self.json(&ts, dir, data),
        };
        self.dump.write(record.as_bytes());
    }

    /// `> 2026-01-02T03:04:05.123456Z conn 1 127.0.0.1:5000 in 5 bytes`
    fn header(&self, ts: &str, dir: Dir, len: usize) -> String {
        let marker = if dir == Dir::In { '>' } else { '<' };
        format!(
            "{marker} {ts} conn {} {} {} {len} bytes\n",
            self.conn,
            escape_control(&self.peer),
            dir.name()
        )
    }

    /// The header, then `hexdump -C` lines; offsets count each direction's stream.
    fn hex(&self, ts: &str, dir: Dir, offset: u64, data: &[u8]) -> String {
        let mut out = self.header(ts, dir, data.len());
        out.reserve(data.len().div_ceil(16) * 80);
        for (i, row) in data.chunks(16).enumerate() {
            let _ = write!(out, "{:08x}  ", offset + 16 * i as u64);
            for col in 0..16 {
                match row.get(col) {
                    Some(&b) => {
                        push_hex(&mut out, b);
                        out.push(' ');
                    }
                    None => out.push_str("   "),
                }
                if col == 7 {
                    out.push(' ');
                }
            }
            out.push_str(" |");
            out.extend(row.iter().map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    b as char
                } else {
                    '.'
                }
            }));
            out.push_str("|\n");
        }
        out
    }

    /// The header, then the bytes as text: printable ASCII, newlines and tabs as they
    /// are; a backslash as `\\`, `\r` as `\r`, anything else as `\xHH` (so no peer can
    /// forge a line of the dump's own, and the bytes can be read back exactly).
    fn text(&self, ts: &str, dir: Dir, data: &[u8]) -> String {
        let mut out = self.header(ts, dir, data.len());
        for &b in data {
            match b {
                b'\\' => out.push_str("\\\\"),
                b'\r' => out.push_str("\\r"),
                b'\n' | b'\t' => out.push(b as char),
                b if b.is_ascii_graphic() || b == b' ' => out.push(b as char),
                b => {
                    out.push_str("\\x");
                    push_hex(&mut out, b);
                }
            }
        }
        if !data.ends_with(b"\n") {
            out.push('\n');
        }
        out
    }

    fn json(&self, ts: &str, dir: Dir, data: &[u8]) -> String {
        let (text, hex) = match std::str::from_utf8(data) {
            Ok(t) => (Some(t), None),
            Err(_) => (None, Some(hex_string(data))),
        };
        let record = Chunk {
            ts,
            conn: self.conn,
            peer: &self.peer,
            dir: dir.name(),
            len: data.len(),
            data: text,
            data_hex: hex,
        };
        let mut line = crate::schema::to_json(&record);
        line.push('\n');
        line
    }
}

impl Observer for ConnDump {
    fn chunk(&mut self, dir: Dir, data: &[u8]) {
        ConnDump::chunk(self, dir, data);
    }
}

/// A `--dump-format json` line.
fn hex_string(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len() * 2);
    for &b in data {
        push_hex(&mut s, b);
    }
    s
}

/// Two lowercase hex digits (a table, not `write!`: a dump formats every byte).
fn push_hex(out: &mut String, b: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push(DIGITS[usize::from(b >> 4)] as char);
    out.push(DIGITS[usize::from(b & 15)] as char);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn captured(format: DumpFormat) -> (Dump, Arc<Mutex<Vec<u8>>>) {
        #[derive(Clone)]
        struct Shared(Arc<Mutex<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().expect("lock").extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buf = Arc::new(Mutex::new(Vec::new()));
        let dump = Dump {
            sink: Arc::new(Mutex::new(Sink {
                out: Box::new(Shared(buf.clone())),
                broken: false,
            })),
            format,
            conns: Arc::new(AtomicU64::new(0)),
        };
        (dump, buf)
    }

    fn text_of(buf: &Arc<Mutex<Vec<u8>>>) -> String {
        String::from_utf8(buf.lock().expect("lock").clone()).expect("utf-8")
    }

    #[test]
    fn hex_lines_read_like_hexdump_c() {
        let (dump, buf) = captured(DumpFormat::Hex);
        let mut c = dump.conn("127.0.0.1:5000");
        c.chunk(Dir::In, b"hello, world\x00\x01\xff!\n");
        c.chunk(Dir::In, b"more");
        let text = text_of(&buf);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("> ") && lines[0].ends_with(" conn 1 127.0.0.1:5000 in 17 bytes")
        );
        assert_eq!(
            lines[1],
            "00000000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 00 01 ff 21  |hello, world...!|"
        );
        assert_eq!(
            lines[2],
            "00000010  0a                                                |.|"
        );
        assert_eq!(
            lines[4],
            "00000011  6d 6f 72 65                                       |more|"
        );
    }

    #[test]
    fn text_escapes_what_is_not_printable_and_json_says_data_hex_when_not_utf8() {
        let (dump, buf) = captured(DumpFormat::Text);
        dump.conn("peer\x1b").chunk(Dir::Out, b"a\\b\r\n\x1b");
        let text = text_of(&buf);
        assert!(text.starts_with("< "), "{text}");
        assert!(
            text.contains(" conn 1 peer\\x1b out 6 bytes\na\\\\b\\r\n\\x1b\n"),
            "{text}"
        );

        let (dump, buf) = captured(DumpFormat::Json);
        let mut c = dump.conn("p");
        c.chunk(Dir::In, b"hello");
        c.chunk(Dir::Out, &[0xff, 0x00]);
        let text = text_of(&buf);
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines[0]["data"], "hello");
        assert_eq!(lines[0]["dir"], "in");
        assert_eq!(lines[0]["len"], 5);
        assert_eq!(lines[1]["data_hex"], "ff00");
        assert!(lines[1].get("data").is_none());
    }
}
