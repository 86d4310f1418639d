#![no_main]
//! libFuzzer entry for the `config` target of tests/fuzz/targets.rs.

#[path = "../../tests/fuzz/targets.rs"]
#[allow(dead_code)]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::config(data));
