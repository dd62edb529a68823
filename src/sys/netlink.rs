//! Netlink sockets to the kernel and the network namespace a thread runs in: the calls
//! `conns` makes beyond the plain descriptor ones in [`super::fd`].

use std::io;
use std::os::fd::RawFd;

/// The kernel's netlink address (pid 0) with the multicast `groups` given.
fn kernel_addr(groups: u32) -> libc::sockaddr_nl {
    // SAFETY: sockaddr_nl is plain data; all-zero is the kernel's address (pid 0).
    let mut addr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
    addr.nl_family = libc::AF_NETLINK as u16;
    addr.nl_groups = groups;
    addr
}

const ADDR_LEN: libc::socklen_t = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;

/// sendto(2) of one message to the kernel.
pub fn send_to_kernel(fd: RawFd, msg: &[u8]) -> io::Result<usize> {
    let kernel = kernel_addr(0);
    // SAFETY: msg and kernel are valid for the lengths given, for the call.
    let rc = unsafe {
        libc::sendto(
            fd,
            msg.as_ptr().cast(),
            msg.len(),
            0,
            (&kernel as *const libc::sockaddr_nl).cast(),
            ADDR_LEN,
        )
    };
    if rc < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(rc as usize)
}

/// bind(2) a netlink socket to the kernel's multicast `groups` (a bit per group).
pub fn bind_groups(fd: RawFd, groups: u32) -> io::Result<()> {
    let addr = kernel_addr(groups);
    // SAFETY: addr is a valid sockaddr_nl for its length.
    let rc = unsafe { libc::bind(fd, (&addr as *const libc::sockaddr_nl).cast(), ADDR_LEN) };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// setns(2): move the calling thread (only it) into the network namespace that the
/// open namespace file `ns` stands for.
pub fn enter_net_namespace(ns: RawFd) -> io::Result<()> {
    // SAFETY: setns takes a descriptor and a flag and changes only this thread.
    if unsafe { libc::setns(ns, libc::CLONE_NEWNET) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}
