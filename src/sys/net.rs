//! The C library's address conversions and name databases (netdb.h, arpa/inet.h,
//! net/if.h), whose answers sockkit shows to the letter.

use std::ffi::{CStr, CString};
use std::io;
use std::net::IpAddr;

unsafe extern "C" {
    #[link_name = "inet_pton"]
    fn inet_pton_c(
        af: libc::c_int,
        src: *const libc::c_char,
        dst: *mut libc::c_void,
    ) -> libc::c_int;
    #[link_name = "inet_ntop"]
    fn inet_ntop_c(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
    #[link_name = "inet_aton"]
    fn inet_aton_c(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    fn gethostbyaddr_r(
        addr: *const libc::c_void,
        len: libc::socklen_t,
        family: libc::c_int,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
}

/// inet_pton(3) for `af` (AF_INET or AF_INET6): the packed address in the first 4 or
/// 16 bytes, or `None` when `text` is not an address of that family.
pub fn inet_pton(af: libc::c_int, text: &CStr) -> Option<[u8; 16]> {
    let mut buf = [0u8; 16];
    // SAFETY: text is a valid C string; buf holds 16 bytes, enough for either family.
    let rc = unsafe { inet_pton_c(af, text.as_ptr(), buf.as_mut_ptr().cast()) };
    (rc == 1).then_some(buf)
}

/// inet_ntop(3): the text form of `packed`, which must be 4 bytes for AF_INET and 16
/// for AF_INET6.
pub fn inet_ntop(af: libc::c_int, packed: &[u8]) -> Option<String> {
    let want = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return None,
    };
    if packed.len() != want {
        return None;
    }
    let mut out = [0 as libc::c_char; 64];
    // SAFETY: packed has the family's length, out has room for the longest text form.
    let p = unsafe {
        inet_ntop_c(
            af,
            packed.as_ptr().cast(),
            out.as_mut_ptr(),
            out.len() as libc::socklen_t,
        )
    };
    if p.is_null() {
        return None;
    }
    // SAFETY: inet_ntop wrote a NUL-terminated string into out.
    Some(
        unsafe { CStr::from_ptr(out.as_ptr()) }
            .to_string_lossy()
            .into_owned(),
    )
}

/// inet_aton(3), with its classic forms (`127.1`, `0x7f.1`): the address as it lies in
/// memory (network order), or `None` when glibc does not take `text`.
pub fn inet_aton(text: &CStr) -> Option<[u8; 4]> {
    let mut addr = libc::in_addr { s_addr: 0 };
    // SAFETY: text is a valid C string, addr a valid in_addr.
    let rc = unsafe { inet_aton_c(text.as_ptr(), &mut addr) };
    (rc != 0).then(|| addr.s_addr.to_ne_bytes())
}

/// if_nametoindex(3): the index of the interface called `name`, if there is one.
pub fn if_nametoindex(name: &str) -> Option<u32> {
    let c = CString::new(name).ok()?;
    // SAFETY: c is a valid C string.
    let idx = unsafe { libc::if_nametoindex(c.as_ptr()) };
    (idx != 0).then_some(idx)
}

/// gethostbyaddr(3) as Python's socket.gethostbyaddr: (name, aliases, addresses).
pub struct HostEntry {
    pub name: String,
    pub aliases: Vec<String>,
    pub addresses: Vec<IpAddr>,
}

/// gethostbyaddr_r(3) of `ip`; the error is the resolver's h_errno in words.
pub fn host_by_addr(ip: IpAddr) -> Result<HostEntry, String> {
    let (family, bytes): (libc::c_int, Vec<u8>) = match ip {
        IpAddr::V4(a) => (libc::AF_INET, a.octets().to_vec()),
        IpAddr::V6(a) => (libc::AF_INET6, a.octets().to_vec()),
    };
    let mut buf = vec![0 as libc::c_char; 16384];
    loop {
        // SAFETY: hostent is plain data; zeroed is a valid starting value.
        let mut ent: libc::hostent = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::hostent = std::ptr::null_mut();
        let mut herr: libc::c_int = 0;
        // SAFETY: every pointer is valid for the sizes passed.
        let rc = unsafe {
            gethostbyaddr_r(
                bytes.as_ptr().cast(),
                bytes.len() as libc::socklen_t,
                family,
                &mut ent,
                buf.as_mut_ptr(),
                buf.len(),
                &mut result,
                &mut herr,
            )
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 4, 0);
            continue;
        }
        if result.is_null() {
            return Err(match herr {
                1 => "Unknown host".into(),
                2 => "Host name lookup failure".into(),
                3 => "Unknown server error".into(),
                4 => "No address associated with name".into(),
                _ => "Unknown host".into(),
            });
        }
        // SAFETY: on success the hostent and its arrays live in `buf`, alive here.
        return Ok(unsafe { read_hostent(&ent) });
    }
}

unsafe fn read_hostent(ent: &libc::hostent) -> HostEntry {
    // SAFETY (whole fn): the caller passes a hostent filled by the C library.
    unsafe {
        let name = CStr::from_ptr(ent.h_name).to_string_lossy().into_owned();
        let aliases = c_list(ent.h_aliases);
        let mut addresses = Vec::new();
        let mut a = ent.h_addr_list;
        while !a.is_null() && !(*a).is_null() {
            let raw = *a as *const u8;
            if ent.h_addrtype == libc::AF_INET {
                let o = std::slice::from_raw_parts(raw, 4);
                addresses.push(IpAddr::from([o[0], o[1], o[2], o[3]]));
            } else if ent.h_addrtype == libc::AF_INET6 {
                let mut o = [0u8; 16];
                o.copy_from_slice(std::slice::from_raw_parts(raw, 16));
                addresses.push(IpAddr::from(o));
            }
            a = a.add(1);
        }
        HostEntry {
            name,
            aliases,
            addresses,
        }
    }
}

/// A NULL-terminated array of C strings (h_aliases, p_aliases, s_aliases) as Strings.
///
/// # Safety
/// `p` is NULL or points to such an array, alive for the call.
pub unsafe fn c_list(mut p: *mut *mut libc::c_char) -> Vec<String> {
    let mut out = Vec::new();
    // SAFETY: a NULL-terminated array of C strings from the C library.
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            out.push(CStr::from_ptr(*p).to_string_lossy().into_owned());
            p = p.add(1);
        }
    }
    out
}

/// An entry of the protocols database (/etc/protocols).
pub struct ProtoEntry {
    pub name: String,
    pub number: i32,
    pub aliases: Vec<String>,
}

/// What to look a protocol up by.
pub enum ProtoKey<'a> {
    Name(&'a str),
    Number(i32),
}

/// getprotobyname(3) / getprotobynumber(3).
pub fn proto_entry(key: ProtoKey) -> Option<ProtoEntry> {
    let ent = match key {
        ProtoKey::Name(n) => {
            let c = CString::new(n).ok()?;
            // SAFETY: valid C string; result read at once.
            unsafe { libc::getprotobyname(c.as_ptr()) }
        }
        // SAFETY: plain integer argument.
        ProtoKey::Number(n) => unsafe { libc::getprotobynumber(n) },
    };
    if ent.is_null() {
        return None;
    }
    // SAFETY: non-null protoent from the C library.
    unsafe {
        let e = &*ent;
        Some(ProtoEntry {
            name: CStr::from_ptr(e.p_name).to_string_lossy().into_owned(),
            number: e.p_proto,
            aliases: c_list(e.p_aliases),
        })
    }
}

/// gethostname(2).
pub fn gethostname() -> io::Result<String> {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: buf is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: gethostname NUL-terminates within the buffer on success.
    Ok(unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned())
}
