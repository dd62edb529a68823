//! Descriptor-level system calls, one call each: the retry and signal policy around them
//! lives in [`crate::fdio`].

use std::io;
use std::os::fd::{FromRawFd, OwnedFd, RawFd};

fn check(ret: isize) -> io::Result<usize> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret as usize)
    }
}

pub fn is_tty(fd: RawFd) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// poll(2) once, `ms` as the kernel takes it (-1: no bound); EINTR is an error here.
pub fn poll(fds: &mut [libc::pollfd], ms: libc::c_int) -> io::Result<usize> {
    // SAFETY: the slice is valid for its length.
    let ret = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
    check(ret as isize)
}

/// O_NONBLOCK on a descriptor this process owns, best effort.
pub fn set_nonblocking(fd: RawFd) {
    // SAFETY: F_GETFL/F_SETFL only read and change the descriptor's status flags.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
    }
}

/// The descriptor's status flags (F_GETFL).
pub fn status_flags(fd: RawFd) -> io::Result<libc::c_int> {
    // SAFETY: F_GETFL only reads the descriptor's status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    check(flags as isize).map(|f| f as libc::c_int)
}

/// read(2) once.
pub fn read(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    // SAFETY: buf is valid for writes of its length.
    check(unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) })
}

/// write(2) once.
pub fn write(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    // SAFETY: data is valid for reads of its length.
    check(unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) })
}

/// send(2) once, with MSG_NOSIGNAL: a closed peer is an EPIPE error, never a signal.
pub fn send(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    // SAFETY: data is valid for reads of its length.
    check(unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), libc::MSG_NOSIGNAL) })
}

/// recv(2) once, with `flags`.
pub fn recv(fd: RawFd, buf: &mut [u8], flags: libc::c_int) -> io::Result<usize> {
    // SAFETY: buf is valid for writes of its length.
    check(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })
}

/// splice(2) once between the descriptors' own positions.
pub fn splice(from: RawFd, to: RawFd, len: usize, flags: libc::c_uint) -> io::Result<usize> {
    // SAFETY: null offsets mean "use and advance the descriptors' own positions".
    check(unsafe {
        libc::splice(
            from,
            std::ptr::null_mut(),
            to,
            std::ptr::null_mut(),
            len,
            flags,
        )
    })
}

/// sendfile(2) once from a regular file's current position into a socket.
pub fn sendfile(sock: RawFd, file: RawFd, len: usize) -> io::Result<usize> {
    // SAFETY: a null offset uses and advances the file's own position.
    check(unsafe { libc::sendfile(sock, file, std::ptr::null_mut(), len) })
}

/// pipe2(2) with O_CLOEXEC: (read end, write end).
pub fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills the two-element array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just created and are owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// Grow the pipe behind `fd` to `size` bytes (F_SETPIPE_SZ), best effort.
pub fn grow_pipe(fd: RawFd, size: usize) {
    // SAFETY: F_GETPIPE_SZ/F_SETPIPE_SZ only read or resize the pipe behind `fd`.
    unsafe {
        if libc::fcntl(fd, libc::F_GETPIPE_SZ) < size as libc::c_int {
            libc::fcntl(fd, libc::F_SETPIPE_SZ, size as libc::c_int);
        }
    }
}

/// SIOCOUTQ: bytes in a socket's send queue.
pub fn outq(fd: RawFd) -> io::Result<libc::c_int> {
    let mut n: libc::c_int = 0;
    // SAFETY: SIOCOUTQ (== TIOCOUTQ) writes one int.
    if unsafe { libc::ioctl(fd, libc::TIOCOUTQ, &mut n) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(n)
}

/// Point `fd` at /dev/null, best effort.
pub fn redirect_to_null(fd: RawFd) {
    // SAFETY: open/dup2/close on descriptors this process owns; dup2 replaces `fd`
    // atomically, so nothing else can be handed `fd` in between.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if null >= 0 {
            libc::dup2(null, fd);
            libc::close(null);
        }
    }
}
