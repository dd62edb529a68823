//! sendmmsg(2) and recvmmsg(2): message headers, the buffers they point at, and the
//! control data of UDP segmentation offload (UDP_SEGMENT out, UDP_GRO in).

use std::io;
use std::marker::PhantomData;
use std::os::fd::RawFd;

use socket2::{SockAddr, SockAddrStorage};

fn empty_header() -> libc::mmsghdr {
    // SAFETY: an all-zero mmsghdr is a valid empty header.
    unsafe { std::mem::zeroed() }
}

fn count(n: libc::c_int) -> io::Result<usize> {
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

/// Control data every message of an [`Outbox`] carries, aligned for cmsghdr.
pub struct Control {
    words: Vec<u64>,
    len: usize,
}

impl Control {
    /// One UDP_SEGMENT cmsg: the kernel cuts each message into datagrams of `size` bytes.
    pub fn udp_segment(size: u16) -> Control {
        // SAFETY: CMSG_SPACE only computes a size.
        let len = unsafe { libc::CMSG_SPACE(std::mem::size_of::<u16>() as u32) } as usize;
        // u64 storage keeps the control buffer aligned for cmsghdr.
        let mut words = vec![0u64; len.div_ceil(8)];
        // SAFETY: `words` holds CMSG_SPACE(2) bytes, room for one cmsghdr and a u16; the
        // msghdr points at it only to find that first header.
        unsafe {
            let mut probe: libc::msghdr = std::mem::zeroed();
            probe.msg_control = words.as_mut_ptr() as *mut libc::c_void;
            probe.msg_controllen = len;
            let c = libc::CMSG_FIRSTHDR(&probe);
            (*c).cmsg_level = libc::SOL_UDP;
            (*c).cmsg_type = libc::UDP_SEGMENT;
            (*c).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<u16>() as u32) as usize;
            std::ptr::write_unaligned(libc::CMSG_DATA(c) as *mut u16, size);
        }
        Control { words, len }
    }
}

/// Messages ready for sendmmsg(2), one payload each, borrowing the payloads, addresses
/// and control data they point at for `'a`.
pub struct Outbox<'a> {
    iovs: Vec<libc::iovec>,
    hdrs: Vec<libc::mmsghdr>,
    _borrowed: PhantomData<&'a [u8]>,
}

impl<'a> Outbox<'a> {
    /// One message per payload: to the connected peer, or each to its own entry of
    /// `dests` (as long as `payloads`); each carrying `control` when given.
    pub fn new(
        payloads: &[&'a [u8]],
        dests: Option<&[&'a SockAddr]>,
        control: Option<&'a Control>,
    ) -> Outbox<'a> {
        let mut iovs: Vec<libc::iovec> = payloads
            .iter()
            .map(|p| libc::iovec {
                iov_base: p.as_ptr() as *mut libc::c_void,
                iov_len: p.len(),
            })
            .collect();
        let mut hdrs: Vec<libc::mmsghdr> = (0..payloads.len()).map(|_| empty_header()).collect();
        // The Vecs never grow after this, so the pointers into `iovs` stay valid when the
        // Outbox moves.
        for (i, h) in hdrs.iter_mut().enumerate() {
            h.msg_hdr.msg_iov = &mut iovs[i];
            h.msg_hdr.msg_iovlen = 1;
            if let Some(d) = dests {
                h.msg_hdr.msg_name = d[i].as_ptr() as *mut libc::c_void;
                h.msg_hdr.msg_namelen = d[i].len();
            }
            if let Some(c) = control {
                // The kernel only reads the control data, so every message shares it.
                h.msg_hdr.msg_control = c.words.as_ptr() as *mut libc::c_void;
                h.msg_hdr.msg_controllen = c.len;
            }
        }
        Outbox {
            iovs,
            hdrs,
            _borrowed: PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.hdrs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hdrs.is_empty()
    }

    /// The payload length of message `i`.
    pub fn payload_len(&self, i: usize) -> usize {
        self.iovs[i].iov_len
    }

    /// sendmmsg(2) of up to `want` messages from message `from` on: how many went out.
    pub fn send(
        &mut self,
        fd: RawFd,
        from: usize,
        want: usize,
        flags: libc::c_int,
    ) -> io::Result<usize> {
        let want = want.min(self.hdrs.len().saturating_sub(from));
        if want == 0 {
            return Ok(0);
        }
        // SAFETY: `hdrs[from..]` holds at least `want` headers pointing at live iovecs,
        // payloads, addresses and control data, all borrowed for `'a` (see `new`).
        let n = unsafe { libc::sendmmsg(fd, self.hdrs[from..].as_mut_ptr(), want as u32, flags) };
        count(n)
    }
}

/// Room for one cmsghdr carrying an int (UDP_GRO's segment size), in u64s for alignment.
const CONTROL_WORDS: usize = 4;

/// Buffers for recvmmsg(2): up to `slots` messages of up to `slot_size` bytes per call,
/// each with its sender's address and control data.
pub struct Inbox {
    slot_size: usize,
    bufs: Vec<u8>,
    iovs: Vec<libc::iovec>,
    names: Vec<SockAddrStorage>,
    controls: Vec<[u64; CONTROL_WORDS]>,
    hdrs: Vec<libc::mmsghdr>,
}

impl Inbox {
    pub fn new(slots: usize, slot_size: usize) -> Inbox {
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
        let hdrs = (0..slots).map(|_| empty_header()).collect();
        // The Vecs never grow after this, so the pointers between them stay valid when
        // the Inbox moves.
        let mut r = Inbox {
            slot_size,
            bufs,
            iovs,
            names,
            controls: vec![[0u64; CONTROL_WORDS]; slots],
            hdrs,
        };
        for i in 0..slots {
            let iov: *mut libc::iovec = &mut r.iovs[i];
            let name: *mut SockAddrStorage = &mut r.names[i];
            let control: *mut [u64; CONTROL_WORDS] = &mut r.controls[i];
            let h = &mut r.hdrs[i].msg_hdr;
            h.msg_iov = iov;
            h.msg_iovlen = 1;
            h.msg_name = name as *mut libc::c_void;
            h.msg_control = control as *mut libc::c_void;
        }
        r
    }

    pub fn slots(&self) -> usize {
        self.hdrs.len()
    }

    pub fn slot_size(&self) -> usize {
        self.slot_size
    }

    /// recvmmsg(2) of up to `slots` messages with `flags`: how many came.
    pub fn recv(&mut self, fd: RawFd, slots: usize, flags: libc::c_int) -> io::Result<usize> {
        let name_len = std::mem::size_of::<SockAddrStorage>() as libc::socklen_t;
        for h in &mut self.hdrs {
            h.msg_hdr.msg_namelen = name_len;
            h.msg_hdr.msg_controllen = CONTROL_WORDS * 8;
            h.msg_hdr.msg_flags = 0;
            h.msg_len = 0;
        }
        let slots = slots.min(self.hdrs.len()) as u32;
        // SAFETY: every header points at its own live iovec, buffer slot, address and
        // control storage (see `new`); at most `slots` of them are filled.
        let n = unsafe {
            libc::recvmmsg(
                fd,
                self.hdrs.as_mut_ptr(),
                slots,
                flags,
                std::ptr::null_mut(),
            )
        };
        count(n)
    }

    /// The length of message `slot` (its real length, past the slot, under MSG_TRUNC).
    pub fn msg_len(&self, slot: usize) -> usize {
        self.hdrs[slot].msg_len as usize
    }

    /// The bytes of message `slot`'s buffer.
    pub fn slot(&self, slot: usize) -> &[u8] {
        &self.bufs[slot * self.slot_size..(slot + 1) * self.slot_size]
    }

    /// The segment size of a UDP_GRO message, from its control data.
    pub fn gro_segment(&self, slot: usize) -> Option<usize> {
        let h = &self.hdrs[slot].msg_hdr;
        if h.msg_controllen == 0 {
            return None;
        }
        // SAFETY: the kernel wrote msg_controllen bytes of cmsghdrs into this slot's own
        // control buffer; CMSG_FIRSTHDR/NXTHDR stay within it.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(h);
            while !c.is_null() {
                if (*c).cmsg_level == libc::SOL_UDP && (*c).cmsg_type == libc::UDP_GRO {
                    let size = std::ptr::read_unaligned(libc::CMSG_DATA(c) as *const libc::c_int);
                    return usize::try_from(size).ok();
                }
                c = libc::CMSG_NXTHDR(h, c);
            }
        }
        None
    }

    /// The sender of message `slot`.
    pub fn sender(&self, slot: usize) -> SockAddr {
        let mut storage = SockAddrStorage::zeroed();
        // SAFETY: the kernel filled names[slot] with msg_namelen bytes of an address of
        // its own family; copying the whole storage keeps that intact.
        unsafe {
            std::ptr::copy_nonoverlapping(
                &self.names[slot] as *const SockAddrStorage,
                &mut storage as *mut SockAddrStorage,
                1,
            );
            SockAddr::new(storage, self.hdrs[slot].msg_hdr.msg_namelen)
        }
    }
}
