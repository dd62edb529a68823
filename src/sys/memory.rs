//! Running out of memory ends sockkit with exit 1 and a reason, never an abort.
//!
//! Rust aborts the process (SIGABRT, exit 134) when an allocation fails. Under a small
//! address space (`ulimit -v`) that can happen anywhere, so the process-wide allocator
//! turns a failed allocation into one `sockkit: out of memory` line and exit 1. Code
//! that can do with less asks first without going through it ([`can_allocate`]).

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator, with a failed allocation as exit 1 instead of an abort.
pub struct ExitOnOutOfMemory;

// SAFETY: every call is forwarded unchanged to the system allocator; only a null
// result (which the caller could not have used) is turned into an exit.
unsafe impl GlobalAlloc for ExitOnOutOfMemory {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout, as GlobalAlloc requires.
        checked(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for alloc.
        checked(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` and `layout` come from this allocator, as the caller guarantees.
        checked(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

fn checked(ptr: *mut u8, size: usize) -> *mut u8 {
    if ptr.is_null() {
        out_of_memory(size);
    }
    ptr
}

/// Say so without allocating, and leave: nothing sockkit holds is worth an abort.
fn out_of_memory(size: usize) -> ! {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = size;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let parts: [&[u8]; 3] = [
        b"sockkit: out of memory: could not allocate ",
        &digits[at..],
        b" bytes (ulimit -v?)\n",
    ];
    // SAFETY: writing stack buffers to stderr and leaving; no allocation, no unwinding.
    unsafe {
        for part in parts {
            libc::write(2, part.as_ptr().cast(), part.len());
        }
        libc::_exit(1);
    }
}

/// Whether `size` bytes could be had right now, asked of the C allocator directly (a
/// failure here is an answer, not an exit).
pub fn can_allocate(size: usize) -> bool {
    // SAFETY: malloc/free of a block we own and never touch.
    unsafe {
        let p = libc::malloc(size);
        let ok = !p.is_null();
        libc::free(p);
        ok
    }
}
