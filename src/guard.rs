//! What happens if a panic slips through: the module stops taking work and the page is told.
//!
//! The release build aborts on panic (`panic = "abort"`), which in WebAssembly is a trap: the
//! call that panicked throws a `RuntimeError` in JavaScript, and the module's memory may be left
//! half-updated (a `RefCell` still borrowed, a stack pointer not restored). Going on after that
//! could show a wrong result, which is worse than showing none. So the panic hook, which runs
//! before the trap, sets a flag that every export and every event handler checks first, and
//! calls the page's failure callback (`onFailure`), whose shell then shows a calm message with
//! the center's contact instead of the widget. The callback gets no argument: a panic message
//! could hold a visitor's answer.
//!
//! The widget's module is built with `-Cpanic=immediate-abort` (Makefile): there a panic traps
//! at once and no hook runs, exactly like running out of memory. The shell catches every trap
//! that comes through the glue and calls `halt`, which sets the same flag. The scoring API
//! module keeps the hook.

use core::cell::RefCell;
use core::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsValue;

static STOPPED: AtomicBool = AtomicBool::new(false);

/// The page's failure callback. A plain static: the module runs on one thread (wasm32 without
/// threads), and natively nothing calls into this.
struct Callback(RefCell<Option<js_sys::Function>>);
unsafe impl Sync for Callback {}
static ON_FAILURE: Callback = Callback(RefCell::new(None));

/// Keeps the page's callback. With std the panic hook is installed here, once; without std
/// (the shipped module) the crate's panic handler calls `stop` itself.
pub fn on_failure(callback: js_sys::Function) {
    if let Ok(mut slot) = ON_FAILURE.0.try_borrow_mut() {
        *slot = Some(callback);
    }
    #[cfg(feature = "full")]
    {
        static INSTALLED: AtomicBool = AtomicBool::new(false);
        if !INSTALLED.swap(true, Ordering::Relaxed) {
            std::panic::set_hook(alloc::boxed::Box::new(|_| stop()));
        }
    }
}

/// Marks the module stopped and tells the page. Never panics itself.
pub fn stop() {
    if STOPPED.swap(true, Ordering::Relaxed) {
        return;
    }
    if let Ok(slot) = ON_FAILURE.0.try_borrow() {
        if let Some(callback) = slot.as_ref() {
            let _ = callback.call0(&JsValue::NULL);
        }
    }
}

/// Marks the module stopped without calling the page back: the page calls this itself after a
/// trap it caught, when no panic hook could run.
pub fn halt() {
    STOPPED.store(true, Ordering::Relaxed);
}

/// Whether an earlier panic stopped the module.
pub fn stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

/// For exports: an `Error` once the module has stopped, so no new work starts on a memory a
/// trap may have left inconsistent.
pub fn ready() -> Result<(), JsValue> {
    if stopped() {
        return Err(
            js_sys::Error::new("PeerPath stopped after an internal error; reload the page to start again.").into()
        );
    }
    Ok(())
}

/// Test builds only (`--features fault-injection`): makes the next export call or event
/// handler panic, so the browser tests can check what a visitor sees after a bug.
#[cfg(feature = "fault-injection")]
pub mod fault {
    use core::sync::atomic::{AtomicBool, Ordering};

    static ARMED: AtomicBool = AtomicBool::new(false);
    static TRAP: AtomicBool = AtomicBool::new(false);

    /// The next call or event panics (the panic hook runs where the build has one).
    pub fn arm() {
        ARMED.store(true, Ordering::Relaxed);
    }

    /// The next call or event traps without a panic, as running out of memory or stack would
    /// (no hook runs; the shell must notice the `RuntimeError` itself).
    pub fn arm_trap() {
        TRAP.store(true, Ordering::Relaxed);
    }

    pub fn fire_if_armed() {
        if ARMED.swap(false, Ordering::Relaxed) {
            panic!("injected fault");
        }
        if TRAP.swap(false, Ordering::Relaxed) {
            #[cfg(target_arch = "wasm32")]
            core::arch::wasm32::unreachable();
        }
    }
}

/// Without fault injection there is nothing to fire.
#[cfg(not(feature = "fault-injection"))]
pub mod fault {
    #[inline(always)]
    pub fn fire_if_armed() {}
}
