//! The module's memory allocator (WebAssembly only): size classes with free lists.
//!
//! Why not the default (dlmalloc): it is about 3.5 KB of the gzipped module, and this module's
//! needs are simple: one thread, short sessions, allocations from a few bytes (strings) to a
//! few hundred kilobytes (a feed of thousands of meetings). Every block is a power of two from
//! 16 bytes up, on a 16-byte boundary; a freed block goes on the free list of its class and is
//! handed out again for the next request of that class, or split for a smaller one when its
//! own class has none. Blocks are never merged, so up to half of a block can be unused and
//! memory splits into smaller pieces over time. Measured (wasm memory, node): checking a
//! config of about 2,000 meetings over and over settles at 13.8 MB against dlmalloc's 5.1 MB
//! (tests/js/memory.test.mjs prints it); 5,000 meetings take 19 MB. A page can spare that for
//! a module 3.4 KB smaller (gzip). New blocks come from the end of memory, which grows as
//! needed.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 65_536;
const MIN_CLASS: u32 = 4; // 16 bytes: room for the free list's link, and common alignments
const CLASSES: usize = 32;
/// Every block starts on a 16-byte boundary (the most any type here asks for).
const ALIGN: usize = 16;

struct Heap {
    /// The first free block of each class (`1 << class` bytes); each free block's first word
    /// holds the next.
    free: [*mut u8; CLASSES],
    /// Where the next new block may start; 0 until the first allocation.
    end: usize,
}

struct SizeClasses(UnsafeCell<Heap>);

// The module runs on one thread (wasm32-unknown-unknown without threads).
unsafe impl Sync for SizeClasses {}

#[global_allocator]
static HEAP: SizeClasses = SizeClasses(UnsafeCell::new(Heap { free: [null_mut(); CLASSES], end: 0 }));

/// The class of a request: the power of two that holds its size and its alignment.
fn class(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let class = size.checked_next_power_of_two()?.trailing_zeros() as usize;
    (class < CLASSES).then_some(class)
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = &mut *self.0.get();
        let Some(class) = class(layout) else { return null_mut() };
        let head = heap.free[class];
        // Free blocks are only known to be 16-aligned; the rare request for more gets a new one.
        if !head.is_null() && layout.align() <= ALIGN {
            heap.free[class] = *(head as *mut *mut u8);
            return head;
        }
        // A free block of a larger class is split: the first part serves this request and each
        // half left over goes on the list of its own class.
        if layout.align() <= ALIGN {
            if let Some(larger) = (class + 1..CLASSES).find(|&c| !heap.free[c].is_null()) {
                let block = heap.free[larger];
                heap.free[larger] = *(block as *mut *mut u8);
                for half in (class..larger).rev() {
                    let rest = block.add(1 << half);
                    *(rest as *mut *mut u8) = heap.free[half];
                    heap.free[half] = rest;
                }
                return block;
            }
        }
        let size = 1usize << class;
        if heap.end == 0 {
            heap.end = core::arch::wasm32::memory_size(0) * PAGE;
        }
        let align = layout.align().max(ALIGN);
        let Some(start) = heap.end.checked_add(align - 1).map(|n| n & !(align - 1)) else { return null_mut() };
        let Some(end) = start.checked_add(size) else { return null_mut() };
        let have = core::arch::wasm32::memory_size(0) * PAGE;
        if end > have && core::arch::wasm32::memory_grow(0, (end - have).div_ceil(PAGE)) == usize::MAX {
            return null_mut();
        }
        heap.end = end;
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let heap = &mut *self.0.get();
        if let Some(class) = class(layout) {
            *(ptr as *mut *mut u8) = heap.free[class];
            heap.free[class] = ptr;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Still fits its block: nothing to move.
        if let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) {
            if class(new_layout) == class(layout) {
                return ptr;
            }
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            return new;
        }
        null_mut()
    }
}
