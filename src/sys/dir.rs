//! Directories read with openat(3)/readdir(3) and links read with readlinkat(2):
//! walking /proc/PID/fd for thousands of processes without an allocation per entry.

use std::ffi::CStr;
use std::io;

/// An open directory.
pub struct Dir {
    dir: *mut libc::DIR,
}

impl Dir {
    /// Open `path`, relative to `parent` when given (else to the working directory).
    pub fn open(parent: Option<&Dir>, path: &CStr) -> io::Result<Dir> {
        let at = parent.map_or(libc::AT_FDCWD, Dir::fd);
        // SAFETY: path is a valid C string; the descriptor is checked and handed to
        // fdopendir, which owns it from then on (closedir in Drop).
        unsafe {
            let fd = libc::openat(
                at,
                path.as_ptr(),
                libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
            );
            if fd < 0 {
                return Err(io::Error::last_os_error());
            }
            let dir = libc::fdopendir(fd);
            if dir.is_null() {
                let e = io::Error::last_os_error();
                libc::close(fd);
                return Err(e);
            }
            Ok(Dir { dir })
        }
    }

    fn fd(&self) -> libc::c_int {
        // SAFETY: self.dir is an open DIR.
        unsafe { libc::dirfd(self.dir) }
    }

    /// Each entry's name, `.` and `..` included, in the order readdir gives them.
    pub fn each(&self, mut f: impl FnMut(&CStr)) {
        loop {
            // SAFETY: self.dir is an open DIR; the entry is valid until the next readdir.
            let ent = unsafe { libc::readdir(self.dir) };
            if ent.is_null() {
                return;
            }
            // SAFETY: d_name is a NUL-terminated name inside the entry.
            let name = unsafe { CStr::from_ptr((*ent).d_name.as_ptr()) };
            f(name);
        }
    }

    /// The target of symbolic link `name` in this directory, as far as `buf` holds it;
    /// `None` when it is not a link or cannot be read.
    pub fn read_link<'b>(&self, name: &CStr, buf: &'b mut [u8]) -> Option<&'b [u8]> {
        // SAFETY: name is a valid C string, buf is valid for writes of its length.
        let n = unsafe {
            libc::readlinkat(self.fd(), name.as_ptr(), buf.as_mut_ptr().cast(), buf.len())
        };
        if n <= 0 {
            return None;
        }
        Some(&buf[..n as usize])
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // SAFETY: self.dir is an open DIR, closed once.
        unsafe {
            libc::closedir(self.dir);
        }
    }
}

/// fnmatch(3) with FNM_CASEFOLD: does `name` match the shell pattern `pattern`?
pub fn fnmatch_casefold(pattern: &CStr, name: &CStr) -> bool {
    // SAFETY: both are valid NUL-terminated strings for the duration of the call.
    unsafe { libc::fnmatch(pattern.as_ptr(), name.as_ptr(), libc::FNM_CASEFOLD) == 0 }
}
