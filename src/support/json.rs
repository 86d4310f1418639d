//! A JSON value as given, objects kept in order, so the config validator can name exact field
//! paths and the type it found. JSON text is read once, by the page (`JSON.parse`) or natively
//! by `serde_json`; the value reaches this type through serde (or, in the widget's module,
//! through `boundary::json_from_js`).
//!
//! Reading is bounded (`Bounds`): however a hostile file is built, reading it is bounded work,
//! and what is left unread is marked in place (`Json::Cut`), so the checker can name it and use
//! the rest. Both readers follow the same bounds.

use crate::support::prelude::*;
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
    /// A part of the value that was not read, and why (`Bounds`). A list longer than its bound
    /// ends with one of these; an object with too many fields, with one under the key `""`.
    Cut(Cut),
}

/// Why a part of a value was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cut {
    /// Nested deeper than `Bounds::DEPTH` lists and objects.
    Deep,
    /// The entries of a list past `Bounds::ENTRIES`.
    Entries,
    /// The fields of an object past `Bounds::FIELDS`.
    Fields,
    /// Everything after the first `Bounds::VALUES` values of the document.
    Values,
}

impl Cut {
    /// The bound that was passed.
    pub fn limit(self) -> usize {
        match self {
            Cut::Deep => Bounds::DEPTH,
            Cut::Entries => Bounds::ENTRIES,
            Cut::Fields => Bounds::FIELDS,
            Cut::Values => Bounds::VALUES,
        }
    }
}

/// How much of one document (a config, a feed, the answers) is read. The numbers are far above
/// any real config or feed that fits in 2 MiB (a feed of 6,500 meetings holds about 170,000
/// values) and keep a hostile one to bounded work.
pub struct Bounds {
    /// Values still to be read in this document.
    values: core::cell::Cell<usize>,
}

impl Bounds {
    /// Lists and objects nested deeper than this are not read.
    pub const DEPTH: usize = 64;
    /// Entries of one list read: as many as the resources a config may hold.
    pub const ENTRIES: usize = 10_000;
    /// Fields of one object read (a config's object has about twenty).
    pub const FIELDS: usize = 1_000;
    /// Values of one document read, in all.
    pub const VALUES: usize = 500_000;

    pub fn new() -> Bounds {
        Bounds { values: core::cell::Cell::new(Bounds::VALUES) }
    }

    /// Counts one more value read; `false` once the document's values are spent.
    pub fn take(&self) -> bool {
        let left = self.values.get();
        self.values.set(left.saturating_sub(1));
        left > 0
    }
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds::new()
    }
}

impl Json {
    /// The kind of value, by a stable name; a problem's sentence says it in words (`p.kind.<name>`
    /// in the strings tables).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true_false",
            Json::Number(_) => "number",
            Json::String(_) => "text",
            Json::Array(_) => "list",
            Json::Object(_) => "object",
            Json::Cut(_) => "cut",
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Any JSON value as serde gives it: from the page's own `JSON.parse` (through
/// serde-wasm-bindgen in the scoring API module), or from `serde_json` natively, read within
/// `Bounds`. An object's entries keep their order; a key given twice keeps its first place and
/// its last value, as `JSON.parse` does.
impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        let bounds = Bounds::new();
        serde::de::DeserializeSeed::deserialize(Reader { depth: 0, bounds: &bounds }, deserializer)
    }
}

/// Reads one value at `depth` within the document's `bounds`.
#[derive(Clone, Copy)]
struct Reader<'b> {
    depth: usize,
    bounds: &'b Bounds,
}

impl<'de> serde::de::DeserializeSeed<'de> for Reader<'_> {
    type Value = Json;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        let cut = if !self.bounds.take() {
            Some(Cut::Values)
        } else if self.depth > Bounds::DEPTH {
            Some(Cut::Deep)
        } else {
            None
        };
        match cut {
            // Skipped without being built (serde_json skips without recursion, and
            // serde-wasm-bindgen without looking).
            Some(cut) => serde::de::IgnoredAny::deserialize(deserializer).map(|_| Json::Cut(cut)),
            None => deserializer.deserialize_any(self),
        }
    }
}

use serde::Deserialize as _;

impl<'de> serde::de::Visitor<'de> for Reader<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Json::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = Reader { depth: self.depth + 1, ..self };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
            if items.len() == Bounds::ENTRIES {
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    items.push(Json::Cut(Cut::Entries));
                    // A text stream must be read to the list's end; each entry is skipped, not built.
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                }
                break;
            }
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = Reader { depth: self.depth + 1, ..self };
        let mut entries: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.len() == Bounds::FIELDS {
                map.next_value::<serde::de::IgnoredAny>()?;
                entries.push((String::new(), Json::Cut(Cut::Fields)));
                while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                break;
            }
            let value = map.next_value_seed(inner)?;
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value,
                None => entries.push((key, value)),
            }
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;

    #[test]
    fn reads_any_json_in_order_with_the_last_of_a_repeated_key() {
        let json: Json =
            serde_json::from_str(r#"{"b": [1, 2.5, -3], "a": {"x": null, "y": true}, "b": "again"}"#).unwrap();
        assert_eq!(
            json,
            Json::Object(vec![
                ("b".into(), Json::String("again".into())),
                ("a".into(), Json::Object(vec![("x".into(), Json::Null), ("y".into(), Json::Bool(true))])),
            ])
        );
        let numbers: Json = serde_json::from_str("[1, 2.5, -3, 1e3]").unwrap();
        assert_eq!(
            numbers,
            Json::Array(vec![Json::Number(1.0), Json::Number(2.5), Json::Number(-3.0), Json::Number(1000.0)])
        );
    }

    /// Nesting 100,000 deep is read to `Bounds::DEPTH` and cut there, without recursing into the
    /// rest; the fields around it are read.
    #[test]
    fn deep_nesting_is_cut_and_the_rest_read() {
        let deep = format!("{}0{}", "[".repeat(100_000), "]".repeat(100_000));
        let json: Json = serde_json::from_str(&format!(r#"{{"x": {deep}, "name": "H"}}"#)).unwrap();
        assert_eq!(json.get("name"), Some(&Json::String("H".into())));
        let mut value = json.get("x").unwrap();
        let mut depth = 1;
        while let Json::Array(items) = value {
            value = &items[0];
            depth += 1;
        }
        assert_eq!((depth, value), (Bounds::DEPTH + 1, &Json::Cut(Cut::Deep)));
    }

    /// Long lists and large objects are read to their bounds and end with a mark; the document's
    /// values are bounded in all.
    #[test]
    fn long_lists_many_fields_and_many_values_are_cut() {
        let long: Json = serde_json::from_str(&format!("[{}]", vec!["0"; 1_000_000].join(","))).unwrap();
        let Json::Array(items) = long else { panic!() };
        assert_eq!(items.len(), Bounds::ENTRIES + 1);
        assert_eq!(items.last(), Some(&Json::Cut(Cut::Entries)));

        let fields: Vec<String> = (0..5_000).map(|i| format!(r#""f{i}": {i}"#)).collect();
        let wide: Json = serde_json::from_str(&format!("{{{}}}", fields.join(","))).unwrap();
        let Json::Object(entries) = wide else { panic!() };
        assert_eq!(entries.len(), Bounds::FIELDS + 1);
        assert_eq!(entries.last(), Some(&(String::new(), Json::Cut(Cut::Fields))));

        let row = format!("[{}]", vec!["0"; 9_000].join(","));
        let many: Json = serde_json::from_str(&format!("[{}]", vec![row.as_str(); 100].join(","))).unwrap();
        fn read(value: &Json) -> usize {
            match value {
                Json::Cut(_) => 0,
                Json::Array(items) => 1 + items.iter().map(read).sum::<usize>(),
                _ => 1,
            }
        }
        assert_eq!(read(&many), Bounds::VALUES, "the document's first values are read, no more");
        let Json::Array(rows) = many else { panic!() };
        assert_eq!(rows.last(), Some(&Json::Cut(Cut::Values)));
    }
}
