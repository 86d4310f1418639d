//! Values across the JavaScript boundary. JSON text is read once, by the page (`JSON.parse`,
//! `Response.json`); Rust receives the value and never parses JSON text itself.
//!
//! - The scoring API module (`api` feature) converts with serde-wasm-bindgen both ways:
//!   `from_js` into the loose `Json` value the engine reads with paths (answers, options,
//!   configs, feeds), `to_js` from the derived `Serialize` of results and questionnaires.
//! - The widget's module reads the center's config and feed with `json_from_js`, a walk of the
//!   value with js-sys that does the same job in a fraction of the bytes (ARCHITECTURE.md,
//!   "Size", gives the figures).

use crate::support::json::Json;
use wasm_bindgen::{JsCast, JsValue};

// The widget's reader; the scoring API module reads with serde instead (the browser tests read
// every config and feed through this one).
#[cfg_attr(feature = "api", allow(dead_code))]
/// How deep `json_from_js` reads: deeper values become `null` (no config or feed nests this deep,
/// and a hostile one cannot make the walk recurse without bound).
const MAX_DEPTH: u8 = 64;

/// A value from `JSON.parse` as `Json`: objects with their entries in order, arrays, strings,
/// numbers, true/false; anything else (undefined, functions) is `null`.
#[cfg_attr(feature = "api", allow(dead_code))]
pub fn json_from_js(value: &JsValue) -> Json {
    read(value, MAX_DEPTH)
}

#[cfg_attr(feature = "api", allow(dead_code))]
fn read(value: &JsValue, depth: u8) -> Json {
    if let Some(b) = value.as_bool() {
        return Json::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Json::Number(n);
    }
    if let Some(s) = value.as_string() {
        return Json::String(s);
    }
    if depth == 0 {
        return Json::Null;
    }
    if js_sys::Array::is_array(value) {
        return Json::Array(js_sys::Array::from(value).iter().map(|item| read(&item, depth - 1)).collect());
    }
    match value.dyn_ref::<js_sys::Object>() {
        Some(object) if value.is_object() => Json::Object(
            js_sys::Object::entries(object)
                .iter()
                .map(|entry| {
                    let pair = js_sys::Array::from(&entry);
                    (pair.get(0).as_string().unwrap_or_default(), read(&pair.get(1), depth - 1))
                })
                .collect(),
        ),
        _ => Json::Null,
    }
}

/// A JS value as `Json`, through serde; `undefined` is `null`. `Err` says why it cannot be read
/// (a BigInt, a cycle), for the caller's message.
#[cfg(feature = "api")]
pub fn from_js(value: JsValue) -> Result<Json, String> {
    if value.is_undefined() {
        return Ok(Json::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// A result as a plain JS value: objects, arrays, `null` for what is missing (JSON's shapes, as
/// the contract gives them).
#[cfg(feature = "api")]
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}
