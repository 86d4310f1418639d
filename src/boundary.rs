//! Values across the JavaScript boundary. JSON text is read once, by the page (`JSON.parse`,
//! `Response.json`); Rust receives the value and never parses JSON text itself.
//!
//! - Every build reads the center's config and feed with `json_from_js`, a walk of the value
//!   with js-sys within `Bounds` (serde-wasm-bindgen would cost the widget 16.4 KB;
//!   ARCHITECTURE.md, "Size").
//! - The scoring API's answers, options and results cross with serde-wasm-bindgen (`api.rs`).

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
