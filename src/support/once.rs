//! `OnceLock` for both builds: std's where there is std (native builds and the tests run on
//! many threads), and without std (the shipped module, one thread) `OneThread`, a `OnceCell`
//! that may sit in a `static`.

#[cfg(feature = "full")]
pub use std::sync::OnceLock;

#[cfg(not(feature = "full"))]
pub type OnceLock<T> = OneThread<T>;

/// A `OnceCell` with the part of `OnceLock`'s interface the crate uses. Built everywhere, so the
/// native tests check it against std's `OnceLock`; shared between threads only without std.
#[cfg_attr(feature = "full", allow(dead_code))]
pub struct OneThread<T>(core::cell::OnceCell<T>);

// Without std the module is wasm32 without threads: nothing is ever shared between threads.
#[cfg(not(feature = "full"))]
unsafe impl<T> Sync for OneThread<T> {}

#[cfg_attr(feature = "full", allow(dead_code))]
impl<T> OneThread<T> {
    pub const fn new() -> Self {
        OneThread(core::cell::OnceCell::new())
    }

    pub fn get(&self) -> Option<&T> {
        self.0.get()
    }

    pub fn set(&self, value: T) -> Result<(), T> {
        self.0.set(value)
    }

    pub fn get_or_init(&self, init: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(init)
    }
}

#[cfg(test)]
#[test]
fn one_thread_as_std_does() {
    let (ours, std) = (OneThread::new(), std::sync::OnceLock::new());
    assert_eq!(ours.get(), std.get());
    assert_eq!(ours.get_or_init(|| 1), std.get_or_init(|| 1));
    assert_eq!(ours.set(2), std.set(2));
    assert_eq!(ours.get_or_init(|| 3), std.get_or_init(|| 3));
    let (ours, std) = (OneThread::new(), std::sync::OnceLock::new());
    assert_eq!(ours.set("a"), std.set("a"));
    assert_eq!(ours.get(), std.get());
}
