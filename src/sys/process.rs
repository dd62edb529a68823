//! Signals and child processes: sigaction, signal masks, kill and waitid.

use std::process::Child;

/// Run `handler` on `signal` from now on, without SA_RESTART (a blocking call returns
/// EINTR). The handler must be async-signal-safe.
pub fn set_handler(signal: libc::c_int, handler: extern "C" fn(libc::c_int)) {
    // SAFETY: the caller's handler is async-signal-safe; the sigaction struct is fully
    // initialised before use.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler as usize;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = 0;
        libc::sigaction(signal, &action, std::ptr::null_mut());
    }
}

/// Restore `signal`'s default action, unblock it and raise it in this process.
pub fn raise_default(signal: libc::c_int) {
    // SAFETY: restoring the default action and raising a signal are plain syscalls on
    // this process; the sigset is initialised by sigemptyset before use.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signal);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(signal);
    }
}

/// A thread's signal mask as it was, to put back with [`restore_mask`].
pub struct SignalMask(libc::sigset_t);

/// Block `signals` in the calling thread; returns the previous mask.
pub fn block_in_this_thread(signals: &[libc::c_int]) -> SignalMask {
    // SAFETY: sigset_t values are initialised by sigemptyset/pthread_sigmask before use.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for &signal in signals {
            libc::sigaddset(&mut set, signal);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
        SignalMask(old)
    }
}

pub fn restore_mask(old: SignalMask) {
    // SAFETY: `old` came from pthread_sigmask.
    unsafe {
        libc::pthread_sigmask(libc::SIG_SETMASK, &old.0, std::ptr::null_mut());
    }
}

/// Signal a child's whole process group (the child leads it).
pub fn signal_group(child: &Child, signal: libc::c_int) {
    // SAFETY: kill(2) on a process group we created; the leader is not reaped yet, so
    // its id cannot have been reused.
    unsafe {
        libc::kill(-(child.id() as libc::pid_t), signal);
    }
}

/// Whether the child has exited, without reaping it (so its group id stays ours).
pub fn has_exited(child: &Child) -> bool {
    // SAFETY: waitid fills a zeroed siginfo_t we own; WNOWAIT leaves the child unreaped.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let ret = libc::waitid(
            libc::P_PID,
            child.id() as libc::id_t,
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        );
        ret != 0 || info.si_pid() != 0
    }
}
