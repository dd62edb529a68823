//! getsockopt(2) and setsockopt(2) of plain C values and byte strings.

use std::io;
use std::os::fd::RawFd;

mod sealed {
    pub trait Sealed {}
}

/// A C struct or integer for which every bit pattern is a valid value, so the kernel may
/// write any bytes into it.
pub trait Plain: sealed::Sealed + Sized {
    /// The all-zero value.
    fn zeroed() -> Self {
        // SAFETY: only the plain C types below implement this trait; all-zero is valid
        // for each.
        unsafe { std::mem::zeroed() }
    }
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Plain for $t {}
    )*};
}
plain!(libc::c_int, libc::timeval, libc::linger);

fn check(rc: libc::c_int) -> io::Result<()> {
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// getsockopt(2) into `out`.
pub fn get<T: Plain>(
    fd: RawFd,
    level: libc::c_int,
    name: libc::c_int,
    out: &mut T,
) -> io::Result<()> {
    let mut len = std::mem::size_of::<T>() as libc::socklen_t;
    // SAFETY: `out` is a valid, writable T and `len` its size; the kernel writes at most len bytes.
    let rc = unsafe { libc::getsockopt(fd, level, name, (out as *mut T).cast(), &mut len) };
    check(rc)
}

/// getsockopt(2) into `buf`; the length the kernel wrote.
pub fn get_bytes(
    fd: RawFd,
    level: libc::c_int,
    name: libc::c_int,
    buf: &mut [u8],
) -> io::Result<usize> {
    let mut len = buf.len() as libc::socklen_t;
    // SAFETY: `buf` is writable for `len` bytes.
    let rc = unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut len) };
    check(rc).map(|_| len as usize)
}

/// setsockopt(2) of `value`.
pub fn set<T: Plain>(
    fd: RawFd,
    level: libc::c_int,
    name: libc::c_int,
    value: &T,
) -> io::Result<()> {
    // SAFETY: `value` is a valid T for the duration of the call and its size is passed.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            (value as *const T).cast(),
            std::mem::size_of::<T>() as libc::socklen_t,
        )
    };
    check(rc)
}

/// setsockopt(2) of one C int.
pub fn set_int(
    fd: RawFd,
    level: libc::c_int,
    name: libc::c_int,
    value: libc::c_int,
) -> io::Result<()> {
    set(fd, level, name, &value)
}

/// setsockopt(2) of a byte string (TCP_CONGESTION, SO_BINDTODEVICE).
pub fn set_bytes(fd: RawFd, level: libc::c_int, name: libc::c_int, value: &[u8]) -> io::Result<()> {
    // SAFETY: the pointer and length describe `value`'s bytes, alive for the call.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            value.as_ptr().cast(),
            value.len() as libc::socklen_t,
        )
    };
    check(rc)
}
