//! What each fuzz target checks, shared by the `cargo fuzz` targets (fuzz_targets/) and
//! by `tests/fuzz_corpus.rs`, which replays the committed corpus on stable Rust in
//! `cargo test`. Every parser must return Ok or a usage error, never panic or hang.
#![allow(dead_code)]

use sockkit::endpoint::{HostPort, Prefix, Proto, UnixPath, parse_ip, validate_host};
use sockkit::error::usage;
use sockkit::parse;
use sockkit::schema::{self, sockopt::OptionValue};
use sockkit::sockopt::Setting;

/// Endpoints as users write them: `HOST PORT`, `HOST:PORT`, `[v6]:PORT`, a lone port.
pub fn endpoint(data: &str) {
    let words: Vec<String> = data.split(' ').take(4).map(str::to_string).collect();
    for optional in [false, true] {
        if let Ok((hp, rest)) = HostPort::from_words(&words, Proto::Tcp, optional) {
            assert!(rest.len() < words.len());
            if let Some(h) = &hp.host {
                assert!(!h.is_empty());
            }
        }
    }
    let _ = validate_host(data);
    let _ = parse_ip(data);
    if let Ok(p) = UnixPath::parse(data) {
        let _ = p.sockaddr();
    }
}

/// `connect -z` port lists: `22,80,8000-8100`, ordered and without duplicates.
pub fn port_list(data: &str) {
    if let Ok(ports) = parse::port_list(data, |n| Err(usage(n, "no services while fuzzing"))) {
        let mut seen = std::collections::HashSet::new();
        assert!(
            ports.iter().all(|p| seen.insert(*p)),
            "duplicates in {data:?}"
        );
    }
}

/// Durations: `250ms`, `2s`, `1m30s`, bare seconds.
pub fn duration(data: &str) {
    let _ = parse::duration(data);
}

/// Sizes, booleans and integers.
pub fn size(data: &str) {
    let _ = parse::size(data);
    let _ = parse::boolean(data);
    let _ = parse::integer(data, i32::MIN as i128, i32::MAX as i128);
}

/// Socket-option settings: `SO_RCVBUF=64K`, `SO_LINGER=5s`, `nodelay=on`.
pub fn sockopt(data: &str) {
    if let Ok(s) = Setting::parse(data) {
        // Whatever parsed must print and serialise without panicking.
        let _ = s.value.plain();
        let _ = schema::to_json(&OptionValue {
            name: s.opt.name,
            level: s.opt.level.name(),
            value: Some(&s.value),
            requested: Some(&s.value),
        });
    }
}

/// `--send` / `--reply` escapes, and hex payloads (which must round-trip).
pub fn escapes(data: &str) {
    if let Ok(bytes) = parse::escapes(data) {
        assert!(bytes.len() <= data.len());
    }
    if let Ok(bytes) = parse::hex(data) {
        assert_eq!(parse::hex(&parse::to_hex(&bytes)).ok(), Some(bytes));
    }
}

/// CIDR prefixes for --allow, --deny, --src, --dst: a prefix contains its own network.
pub fn prefix(data: &str) {
    if let Ok(p) = Prefix::parse(data) {
        assert!(p.contains(&p.0.network()));
    }
}

/// One target's check.
pub type Check = fn(&str);

/// Every target by name, for the corpus replay.
pub const TARGETS: &[(&str, Check)] = &[
    ("endpoint", endpoint),
    ("port_list", port_list),
    ("duration", duration),
    ("size", size),
    ("sockopt", sockopt),
    ("escapes", escapes),
    ("prefix", prefix),
];
