//! The module's memory allocator (WebAssembly only): talc, a well-kept allocator made for it.
//!
//! Chosen by bytes and memory (ARCHITECTURE.md, "Allocator"): against the size-class allocator
//! this crate used to carry, talc adds 619 B to the gzipped widget and uses less memory for a
//! large feed (4,800 meetings: 11.5 MB against 12.6 MB once, and it stays there when the same
//! work is done again, where the old one grew to 15.5 MB); dlmalloc, std's own, adds 2.6 KB.
//! It is one `unsafe`-free line here instead of 110 lines of `unsafe` without a test of their own.

#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
