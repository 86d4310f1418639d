//! `OnceLock` for both builds: std's where there is std (native builds and the tests run on
//! many threads), and without std (the shipped module, one thread) a `OnceCell` will do.

#[cfg(feature = "std")]
pub use std::sync::OnceLock;

#[cfg(not(feature = "std"))]
pub struct OnceLock<T>(core::cell::OnceCell<T>);

// Without std the module is wasm32 without threads: nothing is ever shared between threads.
#[cfg(not(feature = "std"))]
unsafe impl<T> Sync for OnceLock<T> {}

#[cfg(not(feature = "std"))]
impl<T> OnceLock<T> {
    pub const fn new() -> Self {
        OnceLock(core::cell::OnceCell::new())
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
