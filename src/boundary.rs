//! Values across the JavaScript boundary. JSON text is read once, by the page (`JSON.parse`,
//! `Response.json`); Rust receives the value and never parses JSON text itself.
//!
//! - The scoring API module (`api` feature) converts with serde-wasm-bindgen both ways:
//!   `from_js` into the loose `Json` value the engine reads with paths (answers, options,
//!   configs, feeds), `to_js` from the derived `Serialize` of results and questionnaires.
//! - The widget's module reads the center's config and feed with `json_from_js`, a walk of the
//!   value with js-sys that does the same job in a fraction of the bytes (ARCHITECTURE.md,
//!   "Size", gives the figures).

use crate::support::json::{Bounds, Cut, Json};
use crate::support::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A value from `JSON.parse` as `Json`, read within `Bounds` as serde reads it in the scoring
/// API module: objects with their entries in order, arrays, strings, numbers, true/false;
/// anything else (undefined, functions) is `null`.
pub fn json_from_js(value: &JsValue) -> Json {
    json_from_js_within(value, &Bounds::new())
}

/// The languages the page has files for, `{ tag: own name }`, as `(tag, name)` pairs in order;
/// entries whose name is not text are left out.
pub fn language_names(value: &JsValue) -> Vec<(String, String)> {
    let Json::Object(entries) = json_from_js(value) else { return Vec::new() };
    entries
        .into_iter()
        .filter_map(|(tag, name)| match name {
            Json::String(name) => Some((crate::strings::primary(&tag), name)),
            _ => None,
        })
        .collect()
}

/// `json_from_js` for one part of a document read in parts, all within the same `bounds`.
pub fn json_from_js_within(value: &JsValue, bounds: &Bounds) -> Json {
    read(value, 0, bounds)
}

fn read(value: &JsValue, depth: usize, bounds: &Bounds) -> Json {
    if !bounds.take() {
        return Json::Cut(Cut::Values);
    }
    if depth > Bounds::DEPTH {
        return Json::Cut(Cut::Deep);
    }
    if let Some(b) = value.as_bool() {
        return Json::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Json::Number(n);
    }
    if let Some(s) = value.as_string() {
        return Json::String(s);
    }
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        let length = array.length();
        let mut items = Vec::new();
        for i in 0..length.min(Bounds::ENTRIES as u32) {
            items.push(read(&array.get(i), depth + 1, bounds));
        }
        if length as usize > Bounds::ENTRIES {
            items.push(Json::Cut(Cut::Entries));
        }
        return Json::Array(items);
    }
    match value.dyn_ref::<js_sys::Object>() {
        Some(object) if value.is_object() => {
            let keys = js_sys::Object::keys(object);
            let mut entries = Vec::new();
            for i in 0..keys.length().min(Bounds::FIELDS as u32) {
                let key = keys.get(i);
                let field = js_sys::Reflect::get(object, &key).unwrap_or(JsValue::NULL);
                entries.push((key.as_string().unwrap_or_default(), read(&field, depth + 1, bounds)));
            }
            if keys.length() as usize > Bounds::FIELDS {
                entries.push((String::new(), Json::Cut(Cut::Fields)));
            }
            Json::Object(entries)
        }
        _ => Json::Null,
    }
}

/// A JS value as `Json`, through serde; `undefined` is `null`. `Err` says why it cannot be read
/// (a BigInt, a cycle), for the caller's message.
#[cfg(feature = "full")]
pub fn from_js(value: JsValue) -> Result<Json, String> {
    if value.is_undefined() {
        return Ok(Json::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// A result as a plain JS value: objects, arrays, `null` for what is missing (JSON's shapes, as
/// the contract gives them).
#[cfg(feature = "full")]
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}
