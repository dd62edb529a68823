//! Thin, safe wrappers over the descriptor-level calls the relays need: poll(2),
//! splice(2), sendfile(2), and plain reads and writes on stdin/stdout that bypass
//! Rust's buffering so bytes move the moment they arrive.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::time::{Duration, Instant};

use crate::sys::fd as sys;

pub const STDIN: RawFd = 0;
pub const STDOUT: RawFd = 1;

/// What a descriptor is, as far as moving bytes is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Pipe,
    Other,
}

pub fn kind(fd: RawFd) -> Kind {
    match crate::sys::file_type(fd) {
        Ok(crate::sys::FileType::Regular) => Kind::File,
        Ok(crate::sys::FileType::Fifo) => Kind::Pipe,
        _ => Kind::Other,
    }
}

pub fn is_socket(fd: RawFd) -> bool {
    matches!(crate::sys::file_type(fd), Ok(crate::sys::FileType::Socket))
}

pub fn is_tty(fd: RawFd) -> bool {
    sys::is_tty(fd)
}

/// poll(2). An interrupting signal counts as "nothing ready" so the caller can look at
/// its flag; `None` waits without a bound.
pub fn poll(fds: &mut [libc::pollfd], timeout: Option<Duration>) -> io::Result<usize> {
    match sys::poll(fds, poll_ms(timeout)) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(0),
        other => other,
    }
}

/// poll(2)'s timeout: rounded up, so a wait never ends early; saturated at i32::MAX ms
/// (24.8 days), so a longer bound stays a bound rather than wrapping to "forever".
/// The caller's loop waits again for what is left.
fn poll_ms(timeout: Option<Duration>) -> libc::c_int {
    match timeout {
        None => -1,
        Some(t) => {
            let ms = t.as_millis() + u128::from(t.subsec_nanos() % 1_000_000 != 0);
            ms.min(i32::MAX as u128) as libc::c_int
        }
    }
}

/// The sooner of two poll wakes (`None`: no bound).
pub fn earliest(a: Option<Duration>, b: Option<Duration>) -> Option<Duration> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// O_NONBLOCK on a descriptor this process owns (a pipe end), best effort.
pub fn set_nonblocking(fd: RawFd) {
    sys::set_nonblocking(fd)
}

pub fn pollfd(fd: RawFd, events: libc::c_short) -> libc::pollfd {
    libc::pollfd {
        fd,
        events,
        revents: 0,
    }
}

/// Whether `fd` has something to read right now (a poll that does not wait).
pub fn readable_now(fd: RawFd) -> bool {
    let mut fds = [pollfd(fd, libc::POLLIN)];
    poll(&mut fds, Some(Duration::ZERO)).is_ok_and(|n| n > 0)
}

/// Wait until `fd` is ready for `events` or `deadline` passes; true when ready.
pub fn wait_for(fd: RawFd, events: libc::c_short, deadline: Option<Instant>) -> io::Result<bool> {
    loop {
        crate::signals::caught()
            .map_or(Ok(()), |_| Err(io::Error::from(io::ErrorKind::Interrupted)))?;
        // Past the deadline there is still one look without waiting, so that a zero
        // bound (-w 0) means "no waiting" and what is ready at once still counts.
        let (left, last_look) = match deadline {
            Some(d) => match d.checked_duration_since(Instant::now()) {
                Some(left) => (Some(left), false),
                None => (Some(Duration::ZERO), true),
            },
            None => (None, false),
        };
        let mut fds = [pollfd(fd, events)];
        if poll(&mut fds, left)? > 0 && fds[0].revents != 0 {
            return Ok(true);
        }
        if last_look {
            return Ok(false);
        }
    }
}

pub fn read(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match sys::read(fd, buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// One write(2) to a non-blocking descriptor: how much it took, `WouldBlock` when none.
pub fn write(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    loop {
        match sys::write(fd, data) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// Write all of `data` to a blocking descriptor (stdout). A write blocked on a reader
/// that does not read gives way to SIGINT/SIGTERM: the error is then `Interrupted`, and
/// the caller ends as the signal asks instead of waiting for the reader.
pub fn write_all(fd: RawFd, mut data: &[u8]) -> io::Result<()> {
    let mut first = true;
    while !data.is_empty() {
        // A signal that came during a write that had already moved some bytes does not
        // show as EINTR (the write returns its count): look before blocking again.
        if !std::mem::take(&mut first) && crate::signals::caught().is_some() {
            return Err(io::ErrorKind::Interrupted.into());
        }
        match sys::write(fd, data) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => data = &data[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => give_way_to_signal(e)?,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Write `data` to a descriptor this process shares and leaves blocking (stdout), all of
/// it as [`write_all`] does. Another process may have made it non-blocking: EAGAIN then
/// ends the write early, and how much was written comes back (`WouldBlock` when nothing
/// was), so that the rest is written once poll says there is room, and nothing twice.
pub fn write_shared(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    let mut done = 0;
    while done < data.len() {
        if done > 0 && crate::signals::caught().is_some() {
            return Err(io::ErrorKind::Interrupted.into());
        }
        match sys::write(fd, &data[done..]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => give_way_to_signal(e)?,
            Err(e) if would_block(&e) && done > 0 => return Ok(done),
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// EINTR from a blocking call: retried, unless SIGINT/SIGTERM was caught, in which case
/// it is returned so the caller stops.
fn give_way_to_signal(e: io::Error) -> io::Result<()> {
    if crate::signals::caught().is_some() {
        Err(e)
    } else {
        Ok(())
    }
}

/// Point fd 1 at /dev/null: whoever reads sockkit's stdout sees its end at once, and a
/// later write to it (there should be none) cannot reach a reused descriptor.
pub fn close_stdout() {
    sys::redirect_to_null(STDOUT)
}

/// send(2) with MSG_NOSIGNAL: a closed peer is an EPIPE error, never a signal.
pub fn send(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    loop {
        match sys::send(fd, data) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

pub fn recv(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match sys::recv(fd, buf, 0) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// splice(2) between two descriptors, one of them a pipe, moving pages instead of copying.
/// A blocking splice gives way to SIGINT/SIGTERM as [`write_all`] does.
pub fn splice(from: RawFd, to: RawFd, len: usize, nonblock: bool) -> io::Result<usize> {
    let flags = libc::SPLICE_F_MOVE | if nonblock { libc::SPLICE_F_NONBLOCK } else { 0 };
    loop {
        match sys::splice(from, to, len, flags) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => give_way_to_signal(e)?,
            other => return other,
        }
    }
}

/// sendfile(2) from a regular file's current position into a socket.
pub fn sendfile(sock: RawFd, file: RawFd, len: usize) -> io::Result<usize> {
    loop {
        match sys::sendfile(sock, file, len) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// A pipe for splicing, close-on-exec, grown to `size` when the system allows.
pub fn pipe(size: usize) -> io::Result<(OwnedFd, OwnedFd)> {
    let (r, w) = sys::pipe()?;
    grow_pipe(w.as_raw_fd(), size);
    Ok((r, w))
}

/// Grow a pipe's buffer to `size` (F_SETPIPE_SZ), best effort: a bigger pipe means fewer
/// splice calls and fewer wake-ups of the process at its other end. The system may
/// refuse (above fs.pipe-max-size, or over the user's pipe quota); the pipe then stays
/// as it is, which is only slower.
pub fn grow_pipe(fd: RawFd, size: usize) {
    sys::grow_pipe(fd, size)
}

/// Bytes written to a TCP socket that the peer has not acknowledged yet.
pub fn unacked(fd: RawFd) -> io::Result<usize> {
    Ok(sys::outq(fd)?.max(0) as usize)
}

/// Whether an error means the peer is gone for good (so data sent now is lost).
pub fn peer_gone(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EPIPE) | Some(libc::ECONNRESET) | Some(libc::ENOTCONN)
    )
}

pub fn would_block(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::WouldBlock
}

/// `1.2 MiB`, `3 KiB`, `512 B`: sizes in the events and --stats.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value >= 100.0 || value.fract() < 0.05 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// recv(2) with `flags` (`MSG_DONTWAIT` for a socket polled first); retried on EINTR.
pub fn recv_flags(fd: RawFd, buf: &mut [u8], flags: libc::c_int) -> io::Result<usize> {
    loop {
        match sys::recv(fd, buf, flags) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_ls_h() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(3 * 1024), "3 KiB");
        assert_eq!(human_bytes(1258291), "1.2 MiB");
        assert_eq!(human_bytes(1 << 30), "1 GiB");
    }

    #[test]
    fn long_poll_bounds_saturate() {
        let mut fds: [libc::pollfd; 0] = [];
        // 24.8 days and a fraction of a millisecond: one past i32::MAX ms when rounded up.
        let long = Duration::from_millis(i32::MAX as u64) + Duration::from_micros(1);
        assert_eq!(poll_ms(Some(long)), i32::MAX);
        assert_eq!(
            poll_ms(Some(Duration::from_secs(100 * 365 * 86_400))),
            i32::MAX
        );
        assert_eq!(poll_ms(Some(Duration::from_micros(1500))), 2);
        assert_eq!(poll_ms(None), -1);
        assert_eq!(poll(&mut fds, Some(Duration::ZERO)).unwrap(), 0);
    }
}
