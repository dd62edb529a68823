//! What `udp-send` and `udp-recv` share: batched datagram I/O (sendmmsg/recvmmsg), the
//! largest payload a socket carries, waiting on a socket, and how a datagram is shown.

use std::io;
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::time::Duration;

use serde_json::{Value, json};
use socket2::{Domain, SockAddr, SockAddrStorage, Socket};

use crate::endpoint::show;
use crate::options::Ctx;
use crate::output::{RecordBatch, Style};
use crate::parse::to_hex;
use crate::socket::traced;

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

/// An address as users read it; IPv4 peers of a dual-stack socket show as IPv4
/// (`127.0.0.1:5000`, not `[::ffff:127.0.0.1]:5000`).
pub fn peer_text(addr: &SockAddr) -> String {
    match addr.as_socket() {
        Some(SocketAddr::V6(v6)) => match v6.ip().to_ipv4_mapped() {
            Some(v4) => SocketAddr::new(v4.into(), v6.port()).to_string(),
            None => v6.to_string(),
        },
        _ => show(addr),
    }
}

/// Wait until `sock` is readable, at most `limit` (forever when `None`). `Ok(false)` on
/// timeout; EINTR comes back as an error so the caller can look at the signal.
pub fn wait_readable(sock: &Socket, limit: Option<Duration>) -> io::Result<bool> {
    let mut pfd = libc::pollfd {
        fd: sock.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = limit.map_or(-1, |d| d.as_millis().min(i32::MAX as u128) as i32);
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut pfd, 1, ms) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(n > 0)
}

/// Send every payload, in as few sendmmsg(2) calls as the kernel takes them: to the
/// connected peer, or each to its own address when `dests` is given.
pub fn send_all(
    ctx: &Ctx,
    sock: &Socket,
    payloads: &[&[u8]],
    dests: Option<&[&SockAddr]>,
) -> io::Result<()> {
    let fd = sock.as_raw_fd();
    let mut iovs: Vec<libc::iovec> = payloads
        .iter()
        .map(|p| libc::iovec {
            iov_base: p.as_ptr() as *mut libc::c_void,
            iov_len: p.len(),
        })
        .collect();
    // SAFETY: an all-zero mmsghdr is a valid empty header.
    let mut hdrs: Vec<libc::mmsghdr> = (0..payloads.len())
        .map(|_| unsafe { std::mem::zeroed() })
        .collect();
    for (i, h) in hdrs.iter_mut().enumerate() {
        h.msg_hdr.msg_iov = &mut iovs[i];
        h.msg_hdr.msg_iovlen = 1;
        if let Some(d) = dests {
            h.msg_hdr.msg_name = d[i].as_ptr() as *mut libc::c_void;
            h.msg_hdr.msg_namelen = d[i].len();
        }
    }
    let mut done = 0;
    let mut retries = 0;
    while done < hdrs.len() {
        let want = (hdrs.len() - done).min(BATCH);
        // SAFETY: `hdrs[done..]` holds `want` headers pointing at live iovecs, payloads and
        // addresses, all borrowed for the length of this call.
        let n = unsafe { libc::sendmmsg(fd, hdrs[done..].as_mut_ptr(), want as u32, 0) };
        let res = if n < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(n as usize)
        };
        let call = || {
            let bytes = payloads[done].len();
            format!("sendmmsg({fd}, [{want} datagrams, first {bytes} bytes], {want}, 0)")
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
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// One datagram as received.
pub struct Datagram<'a> {
    pub payload: &'a [u8],
    pub from: SockAddr,
    /// Its real length, when it was longer than the buffer.
    pub truncated_from: Option<usize>,
}

/// Buffers for recvmmsg(2): up to `slots` datagrams of up to `slot_size` bytes per call.
pub struct Receiver {
    slot_size: usize,
    bufs: Vec<u8>,
    iovs: Vec<libc::iovec>,
    names: Vec<SockAddrStorage>,
    hdrs: Vec<libc::mmsghdr>,
    count: usize,
}

impl Receiver {
    pub fn new(slots: usize, slot_size: usize) -> Receiver {
        let mut bufs = vec![0u8; slots * slot_size];
        let base = bufs.as_mut_ptr();
        let iovs: Vec<libc::iovec> = (0..slots)
            .map(|i| libc::iovec {
                // SAFETY: i * slot_size is within `bufs`.
                iov_base: unsafe { base.add(i * slot_size) } as *mut libc::c_void,
                iov_len: slot_size,
            })
            .collect();
        let names = (0..slots).map(|_| SockAddrStorage::zeroed()).collect();
        // SAFETY: an all-zero mmsghdr is a valid empty header.
        let hdrs = (0..slots).map(|_| unsafe { std::mem::zeroed() }).collect();
        // The Vecs never grow after this, so the pointers between them stay valid when
        // the Receiver moves.
        let mut r = Receiver {
            slot_size,
            bufs,
            iovs,
            names,
            hdrs,
            count: 0,
        };
        for i in 0..slots {
            let iov: *mut libc::iovec = &mut r.iovs[i];
            let name: *mut SockAddrStorage = &mut r.names[i];
            let h = &mut r.hdrs[i].msg_hdr;
            h.msg_iov = iov;
            h.msg_iovlen = 1;
            h.msg_name = name as *mut libc::c_void;
        }
        r
    }

    /// Take whatever datagrams are queued, without blocking (wait with
    /// [`wait_readable`] first). Returns how many; 0 when none were there after all.
    /// At most `max` datagrams are taken, so none is consumed that will not be shown.
    pub fn receive(&mut self, ctx: &Ctx, sock: &Socket, max: usize) -> io::Result<usize> {
        let fd = sock.as_raw_fd();
        let name_len = std::mem::size_of::<SockAddrStorage>() as libc::socklen_t;
        for h in &mut self.hdrs {
            h.msg_hdr.msg_namelen = name_len;
            h.msg_hdr.msg_flags = 0;
            h.msg_len = 0;
        }
        let slots = self.hdrs.len().min(max) as u32;
        // SAFETY: every header points at its own live iovec, buffer slot and address
        // storage (see `new`). MSG_TRUNC makes msg_len the real length of a long datagram.
        let n = unsafe {
            libc::recvmmsg(
                fd,
                self.hdrs.as_mut_ptr(),
                slots,
                libc::MSG_DONTWAIT | libc::MSG_TRUNC,
                std::ptr::null_mut(),
            )
        };
        let res = if n < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(n as usize)
        };
        let call =
            || format!("recvmmsg({fd}, [{slots} slots], {slots}, MSG_DONTWAIT|MSG_TRUNC, NULL)");
        match traced(ctx, call, res, |n| n.to_string()) {
            Ok(n) => {
                self.count = n;
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                self.count = 0;
                Ok(0)
            }
            Err(e) => Err(e),
        }
    }

    /// The `i`th datagram of the last [`Receiver::receive`].
    pub fn get(&self, i: usize) -> Datagram<'_> {
        let h = &self.hdrs[i];
        let len = h.msg_len as usize;
        let kept = len.min(self.slot_size);
        let start = i * self.slot_size;
        let mut storage = SockAddrStorage::zeroed();
        // SAFETY: the kernel filled names[i] with msg_namelen bytes of an address of its
        // own family; copying the whole storage keeps that intact.
        let from = unsafe {
            std::ptr::copy_nonoverlapping(
                &self.names[i] as *const SockAddrStorage,
                &mut storage as *mut SockAddrStorage,
                1,
            );
            SockAddr::new(storage, h.msg_hdr.msg_namelen)
        };
        Datagram {
            payload: &self.bufs[start..start + kept],
            from,
            truncated_from: (len > self.slot_size).then_some(len),
        }
    }

    pub fn count(&self) -> usize {
        self.count
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
/// `{"from","len","data"|"data_hex"}` plus `extra` fields.
pub fn write_datagram(
    ctx: &Ctx,
    batch: &mut RecordBatch,
    form: Form,
    from: &str,
    payload: &[u8],
    extra: Value,
) {
    if form == Form::Raw {
        batch.raw(payload);
        return;
    }
    let verbose = ctx.out.verbosity() >= 1;
    batch.record(
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
            let mut rec = json!({"from": from, "len": payload.len()});
            match std::str::from_utf8(payload) {
                Ok(text) if form == Form::Text => rec["data"] = text.into(),
                _ => rec["data_hex"] = to_hex(payload).into(),
            }
            if let (Value::Object(r), Value::Object(more)) = (&mut rec, extra) {
                r.extend(more);
            }
            rec
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

    #[test]
    fn mapped_addresses_show_as_ipv4() {
        let sa: SocketAddr = "[::ffff:127.0.0.1]:5000".parse().unwrap();
        assert_eq!(peer_text(&SockAddr::from(sa)), "127.0.0.1:5000");
        let sa: SocketAddr = "[::1]:5000".parse().unwrap();
        assert_eq!(peer_text(&SockAddr::from(sa)), "[::1]:5000");
    }
}
