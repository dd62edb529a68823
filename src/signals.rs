//! SIGINT and SIGTERM as a flag the event loops check, so a transfer that is interrupted
//! still writes out what it received and removes the socket file it created.
//!
//! The handlers are installed without SA_RESTART: a blocking poll(2) returns EINTR at
//! once and the loop sees the flag.

use std::sync::atomic::{AtomicI32, Ordering};

use crate::error::exit;
use crate::sys::process;

static CAUGHT: AtomicI32 = AtomicI32::new(0);

extern "C" fn note(signal: libc::c_int) {
    CAUGHT.store(signal, Ordering::SeqCst);
}

/// Catch SIGINT and SIGTERM from now on.
pub fn install() {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // `note` only stores to an atomic, which is async-signal-safe.
        process::set_handler(signal, note);
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

/// The caught signal, if any: SIGINT or SIGTERM.
pub fn caught_signal() -> Option<libc::c_int> {
    match CAUGHT.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// Die by the caught signal, as a shell expects of a child it interrupted (bash stops a
/// loop on a child killed by SIGINT; an exit(130) does not do that). Returns only when
/// no signal was caught, or when the default action did not end the process.
pub fn reraise() {
    let Some(signal) = caught_signal() else {
        return;
    };
    process::raise_default(signal);
}

/// Start a thread that leaves SIGINT/SIGTERM to the main thread (so a signal interrupts
/// the call the main thread is blocked in), with a small stack; `None` when the system
/// cannot start one (a process limit, little memory): the caller then does the work
/// itself or with fewer threads, never panics.
pub fn spawn_worker<'scope, 'env, T, F>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    work: F,
) -> Option<std::thread::ScopedJoinHandle<'scope, T>>
where
    F: FnOnce() -> T + Send + 'scope,
    T: Send + 'scope,
{
    let blocked = block_in_this_thread();
    let handle = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn_scoped(scope, work)
        .ok();
    process::restore_mask(blocked);
    handle
}

/// The same as [`spawn_worker`] for a thread that is not scoped.
pub fn spawn_detached<T, F>(work: F) -> Option<std::thread::JoinHandle<T>>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let blocked = block_in_this_thread();
    let handle = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(work)
        .ok();
    process::restore_mask(blocked);
    handle
}

/// Run `work` on a thread of its own ([`spawn_detached`]) or, when no thread can be
/// started, right here: slower, never lost. The handle is `None` when it already ran.
pub fn spawn_or_run<F>(work: F) -> Option<std::thread::JoinHandle<()>>
where
    F: FnOnce() + Send + 'static,
{
    let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
    let theirs = std::sync::Arc::clone(&slot);
    let handle = spawn_detached(move || {
        let work = theirs.lock().ok().and_then(|mut w| w.take());
        if let Some(work) = work {
            work();
        }
    });
    if handle.is_none() {
        let work = slot.lock().ok().and_then(|mut w| w.take());
        if let Some(work) = work {
            work();
        }
    }
    handle
}

/// A worker's stack: the workers do I/O and small parsing, never deep recursion.
const WORKER_STACK: usize = 256 * 1024;

/// Block SIGINT/SIGTERM in the calling thread, so a thread created now inherits the
/// mask; returns the previous mask.
fn block_in_this_thread() -> process::SignalMask {
    process::block_in_this_thread(&[libc::SIGINT, libc::SIGTERM])
}

/// An error that ends the program quietly with the signal's exit code.
pub fn check() -> anyhow::Result<()> {
    match caught() {
        Some(code) => Err(crate::error::quiet(code).into()),
        None => Ok(()),
    }
}
