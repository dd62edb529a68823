//! Parsers for the value forms sockkit shares across subcommands: durations, sizes,
//! booleans, integers, `--send` escapes, hex and port lists.
//!
//! Each returns a [`Failure`] with exit code 2 that names the bad value, so a caller
//! only adds which option it came from. None of them panic on any input (fuzzed).

use std::time::Duration;

use crate::error::{Failure, usage};

/// The longest duration sockkit takes (about 100 years): far beyond any real wait, and
/// small enough that `Instant::now() + d` and poll(2)'s timeout arithmetic cannot overflow.
pub const MAX_DURATION: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// `250ms`, `2s`, `1m30s` (humantime), or a bare number of seconds (`5`, `0.5`), at most
/// [`MAX_DURATION`].
pub fn duration(text: &str) -> Result<Duration, Failure> {
    let d = duration_unbounded(text)?;
    if d > MAX_DURATION {
        return Err(usage(format!("duration '{text}'"), "longer than 100 years"));
    }
    Ok(d)
}

/// The value of an optional duration flag (`--idle-timeout`, `--interval`), the error
/// naming the flag: `--idle-timeout: duration 'soon': ...`.
pub fn duration_flag(flag: &str, text: Option<&str>) -> Result<Option<Duration>, Failure> {
    text.map(|t| duration(t).map_err(|e| e.prefixed(flag)))
        .transpose()
}

fn duration_unbounded(text: &str) -> Result<Duration, Failure> {
    let t = text.trim();
    if t.is_empty() {
        return Err(usage(format!("duration '{text}'"), "empty"));
    }
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let secs: f64 = t
            .parse()
            .map_err(|_| usage(format!("duration '{text}'"), "not a number of seconds"))?;
        return Duration::try_from_secs_f64(secs)
            .map_err(|_| usage(format!("duration '{text}'"), "out of range"));
    }
    humantime::parse_duration(t).map_err(|e| {
        usage(
            format!("duration '{text}'"),
            format!("{e} (use forms like 250ms, 2s, 1m30s)"),
        )
    })
}

/// A byte count: `512`, `64K`, `1M`, `2G` (powers of 1024; `KiB`, `KB`, `k` spellings too).
pub fn size(text: &str) -> Result<u64, Failure> {
    let bad = |why: &str| usage(format!("size '{text}'"), why);
    let t = text.trim();
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return u64::from_str_radix(hex, 16).map_err(|_| bad("not a hex number"));
    }
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    if digits.is_empty() {
        return Err(bad("not a size (use forms like 512, 64K, 1M)"));
    }
    let n: u64 = digits.parse().map_err(|_| bad("too large"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(bad("unknown unit (use B, K, M or G)")),
    };
    n.checked_mul(mult).ok_or_else(|| bad("too large"))
}

/// `1 0 on off true false yes no` (any case).
pub fn boolean(text: &str) -> Result<bool, Failure> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "on" | "true" | "yes" => Ok(true),
        "0" | "off" | "false" | "no" => Ok(false),
        _ => Err(usage(
            format!("boolean '{text}'"),
            "expected 1, 0, on, off, true or false",
        )),
    }
}

/// A decimal or `0x` hex integer, optionally negative, within `min..=max`.
pub fn integer(text: &str, min: i128, max: i128) -> Result<i128, Failure> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let parsed = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        i128::from_str_radix(hex, 16)
    } else {
        body.parse::<i128>()
    };
    let value = match parsed {
        Ok(v) if !body.starts_with('+') && !body.starts_with('-') => {
            if neg {
                -v
            } else {
                v
            }
        }
        _ => {
            return Err(usage(
                format!("'{text}'"),
                "not an integer (decimal or 0x hex)",
            ));
        }
    };
    if value < min || value > max {
        return Err(usage(
            format!("'{text}'"),
            format!("out of range {min}..={max}"),
        ));
    }
    Ok(value)
}

/// Turn `\r \n \t \\ \0 \xHH` escapes into bytes; anything else after `\` is an error.
pub fn escapes(text: &str) -> Result<Vec<u8>, Failure> {
    let bad = |why: String| usage(format!("escape in '{text}'"), why);
    let mut out = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&code) = bytes.get(i + 1) else {
            return Err(bad("a lone '\\' at the end".into()));
        };
        i += 2;
        out.push(match code {
            b'r' => b'\r',
            b'n' => b'\n',
            b't' => b'\t',
            b'0' => 0,
            b'\\' => b'\\',
            b'x' => {
                let hex = bytes
                    .get(i..i + 2)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let v = hex
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| bad("\\x needs two hex digits".into()))?;
                i += 2;
                v
            }
            other => {
                return Err(bad(format!(
                    "unknown escape '\\{}' (use \\r \\n \\t \\\\ \\0 \\xHH)",
                    other as char
                )));
            }
        });
    }
    Ok(out)
}

/// Hex text to bytes: `68656c6c6f`, also with `0x`, spaces or colons between bytes.
pub fn hex(text: &str) -> Result<Vec<u8>, Failure> {
    let t = text.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    let digits: Vec<u8> = t
        .bytes()
        .filter(|b| !matches!(b, b' ' | b':' | b'\n' | b'\t'))
        .collect();
    let bad = |why: &str| usage(format!("hex '{text}'"), why);
    if !digits.len().is_multiple_of(2) {
        return Err(bad("odd number of hex digits"));
    }
    digits
        .chunks(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).map_err(|_| bad("not hex"))?;
            u8::from_str_radix(s, 16).map_err(|_| bad("not hex (digits 0-9, a-f)"))
        })
        .collect()
}

/// Lowercase hex of `bytes`, no separators.
pub fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A port list for `connect -z`: `22`, `22,80`, `8000-8100`, `1-65535`, in the order
/// given, without duplicates. Service names are resolved by the caller through `resolve_name`.
pub fn port_list(
    text: &str,
    mut resolve_name: impl FnMut(&str) -> Result<u16, Failure>,
) -> Result<Vec<u16>, Failure> {
    let bad = |why: String| usage(format!("port list '{text}'"), why);
    let mut seen = vec![false; 65536];
    let mut ports = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        if part.is_empty() {
            return Err(bad("empty entry".into()));
        }
        let (lo, hi) = match part.split_once('-') {
            Some((a, b)) => (number_port(a, text)?, number_port(b, text)?),
            None => {
                let p = if part.bytes().all(|b| b.is_ascii_digit()) {
                    number_port(part, text)?
                } else {
                    resolve_name(part)?
                };
                (p, p)
            }
        };
        if lo > hi {
            return Err(bad(format!("range {lo}-{hi} runs backwards")));
        }
        for p in lo..=hi {
            if !seen[p as usize] {
                seen[p as usize] = true;
                ports.push(p);
            }
        }
    }
    Ok(ports)
}

fn number_port(s: &str, whole: &str) -> Result<u16, Failure> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(usage(
            format!("port list '{whole}'"),
            format!("'{s}' is not a port number"),
        ));
    }
    port(s)
}

/// A port number written in digits: 0-65535, else `port 70000: out of range 0-65535`.
pub fn port(digits: &str) -> Result<u16, Failure> {
    match digits.parse::<u32>() {
        Ok(n) if n <= 65535 => Ok(n as u16),
        _ => Err(usage(format!("port {digits}"), "out of range 0-65535")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(duration("2").unwrap(), Duration::from_secs(2));
        assert_eq!(duration("0.5").unwrap(), Duration::from_millis(500));
        assert_eq!(duration("1m30s").unwrap(), Duration::from_secs(90));
        for bad in [
            "",
            "x",
            "-1",
            "1..2",
            "5 parsecs",
            "1e999",
            "9300000000000000000",
            "200years",
        ] {
            let e = duration(bad).unwrap_err();
            assert_eq!(e.code, 2, "{bad}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(size("64K").unwrap(), 65536);
        assert_eq!(size("1M").unwrap(), 1 << 20);
        assert_eq!(size("512").unwrap(), 512);
        assert_eq!(size("2KiB").unwrap(), 2048);
        assert_eq!(size("0x10000").unwrap(), 65536);
        for bad in [
            "",
            "K",
            "12Q",
            "99999999999999999999",
            "99999999999G",
            "0x",
            "0xzz",
        ] {
            assert!(size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn integers() {
        assert_eq!(integer("0x10", 0, 100).unwrap(), 16);
        assert_eq!(integer("-5", -10, 10).unwrap(), -5);
        assert!(integer("65536", 0, 65535).is_err());
        assert!(integer("--5", -10, 10).is_err());
        assert!(integer("0x", 0, 10).is_err());
    }

    #[test]
    fn escape_forms() {
        assert_eq!(escapes(r"a\r\n\t\\\x41\0").unwrap(), b"a\r\n\t\\A\0");
        assert!(escapes(r"\q").is_err());
        assert!(escapes(r"\x4").is_err());
        assert!(escapes("\\").is_err());
        assert!(escapes(r"\xé1").is_err());
    }

    #[test]
    fn hex_forms() {
        assert_eq!(hex("7f000001").unwrap(), vec![127, 0, 0, 1]);
        assert_eq!(hex("7f:00:00:01").unwrap(), vec![127, 0, 0, 1]);
        assert!(hex("7f0").is_err());
        assert!(hex("zz").is_err());
        assert_eq!(to_hex(&[0, 255]), "00ff");
    }

    #[test]
    fn port_lists() {
        let none = |n: &str| Err(usage(n, "unknown"));
        assert_eq!(
            port_list("22,80,79-81", none).unwrap(),
            vec![22, 80, 79, 81]
        );
        assert_eq!(port_list("1-65535", none).unwrap().len(), 65535);
        for bad in ["", "1,,2", "5-3", "70000", "1-70000", "a-b", "-"] {
            assert!(port_list(bad, none).is_err(), "{bad}");
        }
        assert_eq!(port_list("http", |_| Ok(80)).unwrap(), vec![80]);
    }
}
