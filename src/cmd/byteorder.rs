//! `sockkit byteorder`: the C byte-order and address helpers.
//!
//! The address functions call the C library's own inet_pton / inet_ntop / inet_aton /
//! inet_ntoa, as Python's socket module does, so the answers (glibc's classic forms for
//! inet_aton, its IPv6 text for inet_ntop) are the same to the letter.

use std::ffi::CString;

use crate::cli::{AddrFamily, ByteorderArgs, ByteorderOp};
use crate::error::{Failure, usage};
use crate::options::Ctx;
use crate::parse;
use crate::schema::byteorder::Conversion;
use crate::sys;

pub fn run(ctx: &Ctx, args: &ByteorderArgs) -> anyhow::Result<()> {
    match Plan::from_args(args)? {
        Plan::Swap {
            op,
            width,
            to_network,
            values,
        } => swap(ctx, op, width, to_network, &values),
        Plan::Packed { op, input, packed } => emit_packed(ctx, op, &input, &packed),
        Plan::Text {
            op,
            input,
            text,
            packed,
        } => emit_text(ctx, op, &input, &text, &packed),
    }
}

/// A conversion with every input checked (and converted) before anything is printed.
enum Plan {
    /// htons/ntohs/htonl/ntohl: each value as written, and as a number.
    Swap {
        op: &'static str,
        width: Width,
        /// hton*: the input is in host order.
        to_network: bool,
        values: Vec<(String, u32)>,
    },
    /// inet_pton/inet_aton: text to packed bytes.
    Packed {
        op: &'static str,
        input: String,
        packed: Vec<u8>,
    },
    /// inet_ntop/inet_ntoa: packed bytes to text.
    Text {
        op: &'static str,
        input: String,
        text: String,
        packed: Vec<u8>,
    },
}

impl Plan {
    fn from_args(args: &ByteorderArgs) -> Result<Plan, Failure> {
        let swap = |op, width, to_network, values: &[String]| -> Result<Plan, Failure> {
            Ok(Plan::Swap {
                op,
                width,
                to_network,
                values: swap_inputs(op, width, values)?,
            })
        };
        Ok(match &args.op {
            ByteorderOp::Htons(v) => swap("htons", Width::U16, true, &v.values)?,
            ByteorderOp::Ntohs(v) => swap("ntohs", Width::U16, false, &v.values)?,
            ByteorderOp::Htonl(v) => swap("htonl", Width::U32, true, &v.values)?,
            ByteorderOp::Ntohl(v) => swap("ntohl", Width::U32, false, &v.values)?,
            ByteorderOp::InetPton(a) => Plan::Packed {
                op: "inet_pton",
                input: a.value.clone(),
                packed: inet_pton(a.family, &a.value)?,
            },
            ByteorderOp::InetNtop(a) => {
                let packed = parse::hex(&a.value)?;
                Plan::Text {
                    op: "inet_ntop",
                    input: a.value.clone(),
                    text: inet_ntop(a.family, &packed, &a.value)?,
                    packed,
                }
            }
            ByteorderOp::InetAton(a) => Plan::Packed {
                op: "inet_aton",
                input: a.value.clone(),
                packed: inet_aton(&a.value)?,
            },
            ByteorderOp::InetNtoa(a) => {
                let packed = parse::hex(&a.value)?;
                Plan::Text {
                    op: "inet_ntoa",
                    input: a.value.clone(),
                    text: inet_ntoa(&packed, &a.value)?,
                    packed,
                }
            }
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Width {
    U16,
    U32,
}

/// Each value of htons/ntohs/htonl/ntohl as a number in range, or the first one that
/// is not.
fn swap_inputs(op: &str, width: Width, values: &[String]) -> Result<Vec<(String, u32)>, Failure> {
    let max = match width {
        Width::U16 => u16::MAX as i128,
        Width::U32 => u32::MAX as i128,
    };
    values
        .iter()
        .map(|v| {
            parse::integer(v, 0, max)
                .map(|n| (v.clone(), n as u32))
                .map_err(|e| Failure {
                    message: format!("{op}: {}", e.message),
                    ..e
                })
        })
        .collect()
}

/// htons/ntohs/htonl/ntohl over every (checked) value.
fn swap(
    ctx: &Ctx,
    op: &str,
    width: Width,
    to_network: bool,
    values: &[(String, u32)],
) -> anyhow::Result<()> {
    for (text, input) in values {
        let input = *input;
        let result = match width {
            Width::U16 => (input as u16).to_be() as u32,
            Width::U32 => input.to_be(),
        };
        // The value in host order is the input of hton*, the result of ntoh*.
        let host_value = if to_network { input } else { result };
        let (host_bytes, net_bytes) = match width {
            Width::U16 => {
                let v = host_value as u16;
                (v.to_ne_bytes().to_vec(), v.to_be_bytes().to_vec())
            }
            Width::U32 => (
                host_value.to_ne_bytes().to_vec(),
                host_value.to_be_bytes().to_vec(),
            ),
        };
        ctx.out.record(
            || result.to_string(),
            || Conversion {
                op,
                input: text,
                result,
                host_bytes: parse::to_hex(&host_bytes),
                network_bytes: parse::to_hex(&net_bytes),
            },
        )?;
    }
    Ok(())
}

fn emit_packed(ctx: &Ctx, op: &str, input: &str, packed: &[u8]) -> anyhow::Result<()> {
    let hex = parse::to_hex(packed);
    ctx.out.record(
        || hex.clone(),
        || Conversion {
            op,
            input,
            result: &hex,
            host_bytes: parse::to_hex(&host_order(packed)),
            network_bytes: hex.clone(),
        },
    )
}

fn emit_text(ctx: &Ctx, op: &str, input: &str, text: &str, packed: &[u8]) -> anyhow::Result<()> {
    ctx.out.record(
        || text.to_string(),
        || Conversion {
            op,
            input,
            result: text,
            host_bytes: parse::to_hex(&host_order(packed)),
            network_bytes: parse::to_hex(packed),
        },
    )
}

/// An IPv4 address as a host-order u32 in memory; longer byte strings have no host order.
fn host_order(packed: &[u8]) -> Vec<u8> {
    match <[u8; 4]>::try_from(packed) {
        Ok(b) => u32::from_be_bytes(b).to_ne_bytes().to_vec(),
        Err(_) => packed.to_vec(),
    }
}

fn c_text(op: &str, text: &str) -> Result<CString, Failure> {
    CString::new(text)
        .map_err(|_| usage(format!("{op} '{}'", text.escape_default()), "contains NUL"))
}

fn af(family: AddrFamily) -> (libc::c_int, usize, &'static str) {
    match family {
        AddrFamily::Inet => (libc::AF_INET, 4, "IPv4"),
        AddrFamily::Inet6 => (libc::AF_INET6, 16, "IPv6"),
    }
}

fn inet_pton(family: AddrFamily, text: &str) -> Result<Vec<u8>, Failure> {
    let (af, len, name) = af(family);
    let c = c_text("inet_pton", text)?;
    let Some(buf) = sys::net::inet_pton(af, &c) else {
        return Err(usage(
            format!("inet_pton '{text}'"),
            format!("not a valid {name} address"),
        ));
    };
    Ok(buf[..len].to_vec())
}

fn inet_ntop(family: AddrFamily, packed: &[u8], input: &str) -> Result<String, Failure> {
    let (af, len, name) = af(family);
    if packed.len() != len {
        return Err(usage(
            format!("inet_ntop '{input}'"),
            format!(
                "packed {name} address must be {len} bytes, got {}",
                packed.len()
            ),
        ));
    }
    sys::net::inet_ntop(af, packed)
        .ok_or_else(|| usage(format!("inet_ntop '{input}'"), "cannot be converted"))
}

fn inet_ntoa(packed: &[u8], input: &str) -> Result<String, Failure> {
    match <[u8; 4]>::try_from(packed) {
        Ok(b) => Ok(std::net::Ipv4Addr::from(b).to_string()),
        Err(_) => Err(usage(
            format!("inet_ntoa '{input}'"),
            format!("packed IPv4 address must be 4 bytes, got {}", packed.len()),
        )),
    }
}

fn inet_aton(text: &str) -> Result<Vec<u8>, Failure> {
    let c = c_text("inet_aton", text)?;
    match sys::net::inet_aton(&c) {
        Some(addr) => Ok(addr.to_vec()),
        None => Err(usage(
            format!("inet_aton '{text}'"),
            "not a valid IPv4 address",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;

    /// The plan `byteorder ARGS` checks into, or the failure that stops it.
    fn plan(argv: &[&str]) -> Result<Plan, Failure> {
        let argv: Vec<&str> = std::iter::once("byteorder")
            .chain(argv.iter().copied())
            .collect();
        let (_, command) = crate::cmd::parsed(&argv);
        let Command::Byteorder(args) = command else {
            unreachable!("parsed as byteorder")
        };
        Plan::from_args(&args)
    }

    #[test]
    fn every_input_is_converted_up_front() {
        let Ok(Plan::Swap {
            op,
            width,
            to_network,
            values,
        }) = plan(&["htons", "1", "0x100"])
        else {
            panic!("a swap")
        };
        assert_eq!((op, width, to_network), ("htons", Width::U16, true));
        assert_eq!(
            values,
            vec![("1".to_string(), 1), ("0x100".to_string(), 256)]
        );
        let Ok(Plan::Packed { packed, .. }) = plan(&["inet_aton", "127.1"]) else {
            panic!("packed bytes")
        };
        assert_eq!(packed, vec![127, 0, 0, 1]);
        let Ok(Plan::Text { text, .. }) = plan(&["inet_ntoa", "7f000001"]) else {
            panic!("a text address")
        };
        assert_eq!(text, "127.0.0.1");
    }

    #[test]
    fn bad_input_is_refused_before_anything_is_printed() {
        for (argv, names) in [
            (&["htons", "1", "70000"][..], "htons:"),
            (&["ntohl", "-1"], "ntohl:"),
            (&["inet_ntoa", "0102"], "must be 4 bytes, got 2"),
            (&["inet_ntop", "inet6", "7f000001"], "must be 16 bytes"),
            (&["inet_pton", "inet", "1.2.3.999"], "inet_pton '1.2.3.999'"),
            (&["inet_aton", "1.2.3.4.5"], "inet_aton '1.2.3.4.5'"),
        ] {
            match plan(argv) {
                Ok(_) => panic!("{argv:?} was accepted"),
                Err(f) => {
                    assert_eq!(f.code, 2, "{argv:?}: {}", f.message);
                    assert!(f.message.contains(names), "{argv:?}: {}", f.message);
                }
            }
        }
    }
}
