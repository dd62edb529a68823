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
    match &args.op {
        ByteorderOp::Htons(v) => swap(ctx, "htons", Width::U16, true, &v.values),
        ByteorderOp::Ntohs(v) => swap(ctx, "ntohs", Width::U16, false, &v.values),
        ByteorderOp::Htonl(v) => swap(ctx, "htonl", Width::U32, true, &v.values),
        ByteorderOp::Ntohl(v) => swap(ctx, "ntohl", Width::U32, false, &v.values),
        ByteorderOp::InetPton(a) => {
            let packed = inet_pton(a.family, &a.value)?;
            emit_packed(ctx, "inet_pton", &a.value, &packed)
        }
        ByteorderOp::InetNtop(a) => {
            let packed = parse::hex(&a.value)?;
            let text = inet_ntop(a.family, &packed, &a.value)?;
            emit_text(ctx, "inet_ntop", &a.value, &text, &packed)
        }
        ByteorderOp::InetAton(a) => {
            let packed = inet_aton(&a.value)?;
            emit_packed(ctx, "inet_aton", &a.value, &packed)
        }
        ByteorderOp::InetNtoa(a) => {
            let packed = parse::hex(&a.value)?;
            if packed.len() != 4 {
                return Err(usage(
                    format!("inet_ntoa '{}'", a.value),
                    format!("packed IPv4 address must be 4 bytes, got {}", packed.len()),
                )
                .into());
            }
            let text =
                std::net::Ipv4Addr::new(packed[0], packed[1], packed[2], packed[3]).to_string();
            emit_text(ctx, "inet_ntoa", &a.value, &text, &packed)
        }
    }
}

#[derive(Clone, Copy)]
enum Width {
    U16,
    U32,
}

/// htons/ntohs/htonl/ntohl over every value; all are checked before anything is printed.
fn swap(
    ctx: &Ctx,
    op: &str,
    width: Width,
    to_network: bool,
    values: &[String],
) -> anyhow::Result<()> {
    let max = match width {
        Width::U16 => u16::MAX as i128,
        Width::U32 => u32::MAX as i128,
    };
    let inputs = values
        .iter()
        .map(|v| {
            parse::integer(v, 0, max)
                .map(|n| n as u32)
                .map_err(|e| Failure {
                    message: format!("{op}: {}", e.message),
                    ..e
                })
        })
        .collect::<Result<Vec<u32>, Failure>>()?;
    for (text, input) in values.iter().zip(inputs) {
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
