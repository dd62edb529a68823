//! SIGINT and SIGTERM as a request to finish, not a sudden death: a command that loops
//! on a socket notes the signal, writes out what it already received, removes what it
//! created, and exits 130 or 143.

use std::sync::atomic::{AtomicI32, Ordering};

use crate::error::exit;

static CAUGHT: AtomicI32 = AtomicI32::new(0);

extern "C" fn note(sig: libc::c_int) {
    CAUGHT.store(sig, Ordering::Relaxed);
}

/// Catch SIGINT and SIGTERM. Without SA_RESTART, a blocking poll or recv returns EINTR,
/// so the loop sees [`caught`] at once.
pub fn catch_interrupts() {
    for sig in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: a zeroed sigaction with a handler that only stores to an atomic is
        // async-signal-safe; sigemptyset initialises the mask.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = note as *const () as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(sig, &action, std::ptr::null_mut());
        }
    }
}

/// The exit code for a caught signal, if one came.
pub fn caught() -> Option<u8> {
    match CAUGHT.load(Ordering::Relaxed) {
        0 => None,
        libc::SIGTERM => Some(exit::SIGTERM),
        _ => Some(exit::SIGINT),
    }
}
