//! What `udp-send` and `udp-recv` share: batched datagram I/O (sendmmsg/recvmmsg), the
//! largest payload a socket carries, and how a datagram is shown.

use std::io;
use std::os::fd::AsRawFd;
use std::time::Duration;

use socket2::{Domain, SockAddr, Socket};

use crate::options::Ctx;
use crate::output::{RecordBatch, Style};
use crate::parse::to_hex;
use crate::schema::udp;
use crate::socket::{self, traced};
use crate::sys::mmsg::{Control, Inbox, Outbox};

/// Datagrams handed to one sendmmsg(2) or taken from one recvmmsg(2).
pub const BATCH: usize = 1024;

/// The largest payload one datagram on `sock` carries, and why: 65535 less the IP and
/// UDP headers, or for AF_UNIX what the kernel allows (the send buffer less 32 bytes).
pub fn max_payload(sock: &Socket, domain: Domain) -> (usize, String) {
    if domain == Domain::IPV4 {
        (65507, "the largest IPv4 UDP datagram".into())
    } else if domain == Domain::IPV6 {
        (65527, "the largest IPv6 UDP datagram".into())
    } else {
        let sndbuf = sock.send_buffer_size().unwrap_or(212992);
        let limit = sndbuf.saturating_sub(32);
        (
            limit,
            format!("the largest Unix datagram here (SO_SNDBUF {sndbuf} less 32)"),
        )
    }
}

/// Send every payload, in as few sendmmsg(2) calls as the kernel takes them: to the
/// connected peer, or each to its own address when `dests` is given.
pub fn send_all(
    ctx: &Ctx,
    sock: &Socket,
    payloads: &[&[u8]],
    dests: Option<&[&SockAddr]>,
) -> io::Result<()> {
    send_batched(ctx, sock, payloads, dests, 0, |_, e| Err(e))
}

/// Send each payload to its own address, as [`send_all`] but never waiting: one the
/// kernel refuses, or that finds its peer's queue full (a Unix peer that does not read),
/// is skipped and the rest still go out. Returns the ones not sent: (index, error).
pub fn send_each(
    ctx: &Ctx,
    sock: &Socket,
    payloads: &[&[u8]],
    dests: &[&SockAddr],
) -> Vec<(usize, io::Error)> {
    let mut refused = Vec::new();
    let _ = send_batched(
        ctx,
        sock,
        payloads,
        Some(dests),
        libc::MSG_DONTWAIT,
        |i, e| {
            refused.push((i, e));
            Ok(())
        },
    );
    refused
}

/// sendmmsg(2) of every payload; on a lasting error for the message at index `i`,
/// `failed(i, error)` decides: `Err` ends the send, `Ok` skips that one message.
fn send_batched(
    ctx: &Ctx,
    sock: &Socket,
    payloads: &[&[u8]],
    dests: Option<&[&SockAddr]>,
    flags: libc::c_int,
    mut failed: impl FnMut(usize, io::Error) -> io::Result<()>,
) -> io::Result<()> {
    let fd = sock.as_raw_fd();
    let mut outbox = Outbox::new(payloads, dests, None);
    let mut done = 0;
    let mut retries = 0;
    while done < outbox.len() {
        let want = (outbox.len() - done).min(BATCH);
        let res = outbox.send(fd, done, want, flags);
        let call = || {
            let bytes = payloads[done].len();
            let flags = if flags & libc::MSG_DONTWAIT != 0 {
                "MSG_DONTWAIT"
            } else {
                "0"
            };
            format!("sendmmsg({fd}, [{want} datagrams, first {bytes} bytes], {want}, {flags})")
        };
        match traced(ctx, call, res, |n| n.to_string()) {
            Ok(n) => {
                done += n;
                retries = 0;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // A full device queue is momentary; a bounded pause lets it drain.
            Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) && retries < 1000 => {
                retries += 1;
                std::thread::sleep(Duration::from_micros(100));
            }
            Err(e) => {
                failed(done, e)?;
                done += 1;
                retries = 0;
            }
        }
    }
    Ok(())
}

/// Datagrams in one UDP generic segmentation offload (UDP_SEGMENT) send.
const SEGMENTS: usize = 64;

/// Send `payload` `count` times as equal datagrams through UDP segmentation offload: one
/// buffer of up to 64 copies per message, cut into datagrams by the kernel (UDP_SEGMENT),
/// and many such messages per sendmmsg(2). The datagrams on the wire are the same as
/// one sendto each. Returns how many went out this way: 0 when the kernel or the
/// socket cannot segment, and the caller sends the rest one datagram per message.
pub fn send_segmented(
    ctx: &Ctx,
    sock: &Socket,
    payload: &[u8],
    count: u64,
    max_total: usize,
) -> io::Result<u64> {
    let seg = payload.len();
    let per_msg = max_total.checked_div(seg).map_or(0, |n| n.min(SEGMENTS));
    if per_msg < 2 || count < 2 || seg > u16::MAX as usize {
        return Ok(0);
    }
    let buf = payload.repeat(per_msg);
    let control = Control::udp_segment(seg as u16);
    let fd = sock.as_raw_fd();
    let mut sent: u64 = 0;
    while sent < count {
        let left = count - sent;
        let msgs = (left.div_ceil(per_msg as u64) as usize).min(BATCH);
        let messages: Vec<&[u8]> = (0..msgs)
            .map(|i| {
                let segs = (left - (i * per_msg) as u64).min(per_msg as u64) as usize;
                &buf[..segs * seg]
            })
            .collect();
        let mut outbox = Outbox::new(&messages, None, Some(&control));
        let res = outbox.send(fd, 0, msgs, 0);
        let call = || {
            format!(
                "sendmmsg({fd}, [{msgs} messages of up to {per_msg} datagrams, UDP_SEGMENT={seg}], {msgs}, 0)"
            )
        };
        match traced(ctx, call, res, |n| n.to_string()) {
            Ok(n) => {
                let done: usize = (0..n).map(|i| outbox.payload_len(i) / seg).sum();
                sent += done as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if sent == 0 && cannot_segment(&e) => return Ok(0),
            Err(e) => return Err(e),
        }
    }
    Ok(sent)
}

/// The errors of a kernel, socket or route that does not do UDP segmentation.
fn cannot_segment(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::EIO | libc::ENOPROTOOPT | libc::EOPNOTSUPP | libc::EMSGSIZE)
    )
}

/// One datagram as received.
pub struct Datagram<'a> {
    pub payload: &'a [u8],
    pub from: SockAddr,
    /// Its real length, when it was longer than the buffer.
    pub truncated_from: Option<usize>,
}

/// Ask the kernel to hand over runs of equal datagrams from one sender as one buffer
/// (UDP_GRO), which [`Receiver`] cuts back into the original datagrams: a loopback sender
/// using segmentation offload is then received at the cost of its messages, not its
/// datagrams. Not every kernel has it; without it datagrams simply come one by one.
pub fn enable_gro(ctx: &Ctx, sock: &Socket) {
    let _ = socket::set_raw_int(
        ctx,
        sock,
        ("SOL_UDP", libc::SOL_UDP),
        ("UDP_GRO", libc::UDP_GRO),
        1,
    );
}

/// Datagrams taken with recvmmsg(2): up to `slots` messages of up to `slot_size` bytes
/// per call, each one datagram, or with UDP_GRO a run of equal datagrams from one sender.
pub struct Receiver {
    inbox: Inbox,
    /// The datagrams of the last receive: (slot, offset in the slot, length).
    datagrams: Vec<(usize, usize, usize)>,
}

impl Receiver {
    /// Buffers for up to `slots` messages per call; fewer when memory is short (a
    /// `ulimit -v`), down to one. `None` when not even one slot can be had.
    pub fn with_room(slots: usize, slot_size: usize) -> Option<Receiver> {
        let mut slots = slots.max(1);
        loop {
            if crate::memory::can_allocate(slots * slot_size) {
                return Some(Receiver::new(slots, slot_size));
            }
            if slots == 1 {
                return None;
            }
            slots /= 2;
        }
    }

    pub fn new(slots: usize, slot_size: usize) -> Receiver {
        Receiver {
            inbox: Inbox::new(slots, slot_size),
            datagrams: Vec::with_capacity(slots),
        }
    }

    /// Take whatever is queued, at most `max` messages, without blocking (wait with
    /// [`crate::fdio::wait_for`] first). Returns how many datagrams that gave; 0 when none were
    /// there after all. With UDP_GRO off, a message is one datagram, so `max` also
    /// bounds the datagrams and none is consumed that will not be shown.
    pub fn receive(&mut self, ctx: &Ctx, sock: &Socket, max: usize) -> io::Result<usize> {
        let fd = sock.as_raw_fd();
        self.datagrams.clear();
        let slots = self.inbox.slots().min(max);
        // MSG_TRUNC makes a message's length the real length of a datagram longer than
        // its slot.
        let res = self
            .inbox
            .recv(fd, slots, libc::MSG_DONTWAIT | libc::MSG_TRUNC);
        let call =
            || format!("recvmmsg({fd}, [{slots} slots], {slots}, MSG_DONTWAIT|MSG_TRUNC, NULL)");
        match traced(ctx, call, res, |n| n.to_string()) {
            Ok(n) => {
                for slot in 0..n {
                    self.split(slot);
                }
                Ok(self.datagrams.len())
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(0),
            Err(e) => Err(e),
        }
    }

    /// Note the datagrams of one message: one, or a UDP_GRO run cut at its segment size.
    fn split(&mut self, slot: usize) {
        let len = self.inbox.msg_len(slot);
        let segment = self
            .inbox
            .gro_segment(slot)
            .filter(|&g| g > 0 && g < len && len <= self.inbox.slot_size());
        match segment {
            Some(g) => {
                let mut at = 0;
                while at < len {
                    self.datagrams.push((slot, at, g.min(len - at)));
                    at += g;
                }
            }
            None => self.datagrams.push((slot, 0, len)),
        }
    }

    /// The `i`th datagram of the last [`Receiver::receive`].
    pub fn get(&self, i: usize) -> Datagram<'_> {
        let (slot, offset, len) = self.datagrams[i];
        let kept = len.min(self.inbox.slot_size() - offset);
        Datagram {
            payload: &self.inbox.slot(slot)[offset..offset + kept],
            from: self.inbox.sender(slot),
            truncated_from: (len > kept).then_some(len),
        }
    }
}

/// How a received payload is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One line per datagram (the payload's own trailing newline not doubled).
    Text,
    /// The payload bytes unchanged, nothing added.
    Raw,
    /// A hex dump, `hexdump -C` style.
    Hex,
}

/// Add one datagram to `batch` in `form`: `-v` prefixes the sender; `--json` gives
/// `{"from","len","data"|"data_hex"}`, and `rtt_ms` for a reply.
pub fn write_datagram(
    ctx: &Ctx,
    batch: &mut RecordBatch,
    form: Form,
    from: &str,
    payload: &[u8],
    rtt_ms: Option<f64>,
) {
    if form == Form::Raw {
        batch.raw(payload);
        return;
    }
    let verbose = ctx.out.verbosity() >= 1;
    batch.record_bytes(
        |line| {
            if verbose {
                let prefix = ctx.out.paint(&format!("[{from}]"), Style::Dim);
                line.extend_from_slice(prefix.as_bytes());
                line.push(b' ');
            }
            match form {
                Form::Hex => hex_dump(line, payload, verbose),
                _ => line.extend_from_slice(payload.strip_suffix(b"\n").unwrap_or(payload)),
            }
        },
        || {
            let text = std::str::from_utf8(payload)
                .ok()
                .filter(|_| form == Form::Text);
            udp::Datagram {
                from,
                len: payload.len(),
                data: text,
                data_hex: text.is_none().then(|| to_hex(payload)),
                rtt_ms,
            }
        },
    );
}

/// `hexdump -C` lines: offset, 16 bytes in two groups of 8, the printable characters.
/// After a `-v` prefix the dump starts on its own line.
fn hex_dump(out: &mut Vec<u8>, payload: &[u8], after_prefix: bool) {
    use std::io::Write;
    if after_prefix {
        let _ = writeln!(out, "{} bytes", payload.len());
    }
    let rows = payload.len().div_ceil(16).max(1);
    for row in 0..rows {
        let chunk = payload.get(row * 16..).unwrap_or(&[]);
        let chunk = &chunk[..chunk.len().min(16)];
        if row > 0 {
            out.push(b'\n');
        }
        let _ = write!(out, "{:08x} ", row * 16);
        for i in 0..16 {
            if i == 8 {
                out.push(b' ');
            }
            match chunk.get(i) {
                Some(b) => {
                    let _ = write!(out, " {b:02x}");
                }
                None => out.extend_from_slice(b"   "),
            }
        }
        out.extend_from_slice(b"  |");
        out.extend(chunk.iter().map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b
            } else {
                b'.'
            }
        }));
        out.push(b'|');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_dump_matches_hexdump_c() {
        let mut out = Vec::new();
        hex_dump(&mut out, b"hello, world\x00\x01\xff\n!", false);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "00000000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 00 01 ff 0a  |hello, world....|\n\
             00000010  21                                                |!|"
        );
    }
}
