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

/// The resolver's text for a getaddrinfo(3) error code.
pub fn gai_strerror(code: libc::c_int) -> String {
    // SAFETY: gai_strerror returns a static NUL-terminated string for any code.
    unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned()
}

/// One entry of the services database (`/etc/services`, as the C library reads it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub name: String,
    pub port: u16,
    pub proto: String,
    pub aliases: Vec<String>,
}

/// The C library's services calls share one static entry and one open database, so
/// every lookup here takes this lock and copies the entry out before letting go.
static SERVICES: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn services_lock() -> std::sync::MutexGuard<'static, ()> {
    SERVICES.lock().unwrap_or_else(|e| e.into_inner())
}

/// getservbyname(3): a service by name, for protocol `proto` (`tcp`) or (None) the first
/// protocol listed.
pub fn service_by_name(name: &str, proto: Option<&str>) -> Option<Service> {
    let cname = CString::new(name).ok()?;
    let cproto = match proto {
        Some(p) => Some(CString::new(p).ok()?),
        None => None,
    };
    let proto_ptr = cproto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr());
    let _lock = services_lock();
    // SAFETY: valid C strings (or a null protocol, which getservbyname allows); the entry
    // is copied out while the lock is held.
    unsafe { read_servent(libc::getservbyname(cname.as_ptr(), proto_ptr)) }
}

/// getservbyport(3): a service by port, for protocol `proto` or (None) the first
/// protocol listed.
pub fn service_by_port(port: u16, proto: Option<&str>) -> Option<Service> {
    let cproto = match proto {
        Some(p) => Some(CString::new(p).ok()?),
        None => None,
    };
    let proto_ptr = cproto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr());
    let _lock = services_lock();
    // SAFETY: as in service_by_name; the port goes in network order.
    unsafe { read_servent(libc::getservbyport(i32::from(port.to_be()), proto_ptr)) }
}

/// Port -> name for protocol `proto`, the whole database read once (setservent/
/// getservent). The first entry for a port wins, as getservbyport(3) answers.
pub fn service_names(proto: &str) -> std::collections::HashMap<u16, String> {
    let mut map = std::collections::HashMap::new();
    let _lock = services_lock();
    // SAFETY: each entry is copied out before the next call reuses its storage; the lock
    // keeps other lookups off the shared database meanwhile.
    unsafe {
        libc::setservent(0);
        loop {
            let ent = libc::getservent();
            if ent.is_null() {
                break;
            }
            let e = &*ent;
            if e.s_name.is_null()
                || e.s_proto.is_null()
                || CStr::from_ptr(e.s_proto).to_bytes() != proto.as_bytes()
            {
                continue;
            }
            map.entry(u16::from_be(e.s_port as u16))
                .or_insert_with(|| CStr::from_ptr(e.s_name).to_string_lossy().into_owned());
        }
        libc::endservent();
    }
    map
}

/// A copy of a servent from the C library.
///
/// # Safety
/// `ent` is null or points to a servent the C library just returned, not yet reused.
unsafe fn read_servent(ent: *const libc::servent) -> Option<Service> {
    if ent.is_null() {
        return None;
    }
    // SAFETY: a non-null servent has NUL-terminated name and protocol and a
    // NULL-terminated alias list.
    unsafe {
        let e = &*ent;
        Some(Service {
            name: CStr::from_ptr(e.s_name).to_string_lossy().into_owned(),
            port: u16::from_be(e.s_port as u16),
            proto: CStr::from_ptr(e.s_proto).to_string_lossy().into_owned(),
            aliases: c_list(e.s_aliases),
        })
    }
}
