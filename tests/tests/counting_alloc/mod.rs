//! The counting global allocator of the memory tests: the system allocator, counting per
//! thread the allocations made and the bytes live, so tests running in parallel do not
//! disturb each other.
//!
//! Declaring this module installs it as the binary's `#[global_allocator]`, so it is not part
//! of `common`, which binaries that want no such allocator use too. `nexus-errors` has its own
//! copy for its allocation tests (`nexus-errors/tests/counting_alloc/`).
// Each test binary reads a different measure.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

/// Counts one allocation call, and its bytes when it succeeded; returns its pointer.
fn counted(ptr: *mut u8, bytes: isize) -> *mut u8 {
    // `try_with`: the thread-locals may already be gone while a thread shuts down.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
    if !ptr.is_null() {
        count_bytes(bytes);
    }
    ptr
}

fn count_bytes(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to `System` unchanged; the counters use no allocation.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        let ptr = unsafe { System.alloc(layout) };
        counted(ptr, signed(layout.size()))
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        counted(ptr, signed(layout.size()))
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc`; `ptr` was allocated by `System` through this allocator.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        counted(new, signed(new_size) - signed(layout.size()))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) };
        count_bytes(-signed(layout.size()));
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns its result with how many allocations (reallocations included) it
/// made on this thread.
pub fn allocations_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    (result, ALLOCATIONS.with(Cell::get) - before)
}

/// Runs `f` and returns its result with the most bytes this thread had allocated during
/// the call, beyond what it had before (the result included, as it is live at the end).
pub fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let result = f();
    let peak = PEAK.with(Cell::get);
    (result, usize::try_from(peak - before).unwrap_or(0))
}
