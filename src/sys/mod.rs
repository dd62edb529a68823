//! The calls into the C library and the kernel that need `unsafe`, each behind a safe
//! function with the reason it is sound beside it. `cmd/` and the shared layer call
//! these and hold no `unsafe` of their own.
//!
//! - [`fd`]: descriptor calls (poll, read/write, send/recv, splice, sendfile, pipes)
//! - [`netlink`]: netlink sockets to the kernel, entering a network namespace
//! - [`dir`]: directories and links read in place (/proc/PID/fd), fnmatch
//! - [`net`]: the C library's address conversions and name databases
//! - [`sockopt`]: getsockopt/setsockopt of plain C values
//! - [`mmsg`]: sendmmsg/recvmmsg and UDP segmentation offload control data
//! - [`process`]: signal handlers and masks, child process groups
//! - [`memory`]: the process-wide allocator that exits instead of aborting
//! - here: errno text, file types, RLIMIT_NOFILE, pidfd

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

#[cfg(target_os = "linux")]
pub mod dir;
pub mod fd;
pub mod memory;
pub mod mmsg;
pub mod net;
#[cfg(target_os = "linux")]
pub mod netlink;
pub mod process;
pub mod sockopt;

/// The C library's text for an errno value: `Connection refused`.
pub fn strerror(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a static, NUL-terminated string.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) };
    text.to_string_lossy().into_owned()
}

/// What fstat(2) says a descriptor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Regular,
    Fifo,
    Socket,
    Other,
}

/// fstat(2)'s file type of `fd`.
pub fn file_type(fd: RawFd) -> io::Result<FileType> {
    // SAFETY: stat is plain data; zeroed is a valid starting value.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat writes into a struct we own.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(match st.st_mode & libc::S_IFMT {
        libc::S_IFREG => FileType::Regular,
        libc::S_IFIFO => FileType::Fifo,
        libc::S_IFSOCK => FileType::Socket,
        _ => FileType::Other,
    })
}

/// The soft and hard RLIMIT_NOFILE.
pub fn nofile_limit() -> io::Result<(u64, u64)> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: lim is a valid rlimit to fill in.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((lim.rlim_cur, lim.rlim_max))
}

/// setrlimit(2) of RLIMIT_NOFILE.
pub fn set_nofile_limit(soft: u64, hard: u64) -> io::Result<()> {
    let lim = libc::rlimit {
        rlim_cur: soft,
        rlim_max: hard,
    };
    // SAFETY: lim is a valid rlimit; the kernel refuses a soft limit above the hard one.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

unsafe extern "C" {
    fn syscall(num: libc::c_long, ...) -> libc::c_long;
}

fn owned_fd(rc: libc::c_long) -> io::Result<OwnedFd> {
    if rc < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the kernel gave us a new descriptor, owned from here on.
    Ok(unsafe { OwnedFd::from_raw_fd(rc as RawFd) })
}

/// pidfd_open(2): a descriptor standing for process `pid`.
pub fn pidfd_open(pid: i32) -> io::Result<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    owned_fd(unsafe { syscall(libc::SYS_pidfd_open, pid as libc::c_long, 0 as libc::c_long) })
}

/// pidfd_getfd(2): a duplicate of descriptor `target_fd` of the process behind `pidfd`.
pub fn pidfd_getfd(pidfd: BorrowedFd<'_>, target_fd: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: pidfd_getfd takes a pidfd, a descriptor number and flags.
    owned_fd(unsafe {
        syscall(
            libc::SYS_pidfd_getfd,
            pidfd.as_raw_fd() as libc::c_long,
            target_fd as libc::c_long,
            0 as libc::c_long,
        )
    })
}
