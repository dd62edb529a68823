//! SIGINT and SIGTERM as a flag the event loops check, so a transfer that is interrupted
//! still writes out what it received and removes the socket file it created.
//!
//! The handlers are installed without SA_RESTART: a blocking poll(2) returns EINTR at
//! once and the loop sees the flag.

use std::sync::atomic::{AtomicI32, Ordering};

use crate::error::exit;

static CAUGHT: AtomicI32 = AtomicI32::new(0);

extern "C" fn note(signal: libc::c_int) {
    CAUGHT.store(signal, Ordering::SeqCst);
}

/// Catch SIGINT and SIGTERM from now on.
pub fn install() {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: `note` only stores to an atomic, which is async-signal-safe; the
        // sigaction struct is fully initialised before use.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = note as extern "C" fn(libc::c_int) as usize;
            libc::sigemptyset(&mut action.sa_mask);
            action.sa_flags = 0;
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// The exit code for a caught signal (130 for SIGINT, 143 for SIGTERM), if one came.
pub fn caught() -> Option<u8> {
    match CAUGHT.load(Ordering::SeqCst) {
        0 => None,
        libc::SIGINT => Some(exit::SIGINT),
        _ => Some(exit::SIGTERM),
    }
}

/// An error that ends the program quietly with the signal's exit code.
pub fn check() -> anyhow::Result<()> {
    match caught() {
        Some(code) => Err(crate::error::quiet(code).into()),
        None => Ok(()),
    }
}
