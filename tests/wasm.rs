//! The JavaScript boundary, run inside WebAssembly (wasm-bindgen-test, in node): JS objects in,
//! the documented result shape out, each error kind out as an `Error` with its fields, and the
//! module still working after an error.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use peerpath::api::{evaluate_js, questionnaire_js, version_js};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn ids(list: &JsValue) -> Vec<String> {
    Array::from(list).iter().map(|entry| text(&entry, "id")).collect()
}

#[wasm_bindgen_test]
fn a_js_object_in_gives_the_documented_shape_out() {
    let answers = js(r#"{"for_whom":"self","self_harm":"several_days","substances":["alcohol","opioids"],
        "auditc_1":4,"auditc_2":3,"auditc_3":2,"withdrawal":"uncomfortable","approach":"secular","housing":"stable_sober"}"#);
    let options = js(r#"{"lang":"en","config":{"center":{"name":"Harbor Recovery","phone":"+1-555-0100"}}}"#);
    let result = evaluate_js(answers, options).expect("valid answers evaluate");

    assert_eq!(text(&result, "version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(text(&result, "lang"), "en");
    assert_eq!(ids(&get(&result, "urgent")), ["crisis_988", "withdrawal_medical", "mixing_depressants", "naloxone"]);
    let care = get(&result, "care");
    assert_eq!(text(&care, "level"), "medical_withdrawal");
    assert!(Array::is_array(&get(&care, "reasons")));
    let groups = ids(&get(&result, "groups"));
    assert_eq!(groups.first().map(String::as_str), Some("smart_recovery"));
    let first_group = Array::from(&get(&result, "groups")).get(0);
    assert!(get(&first_group, "score").as_f64().is_some());
    let reason = Array::from(&get(&first_group, "reasons")).get(0);
    assert!(get(&reason, "text").is_string());
    assert!(Array::is_array(&get(&reason, "because")));
    assert!(Array::is_array(&get(&result, "local")));
    let scores = get(&result, "scores");
    let auditc = get(&scores, "auditc");
    assert_eq!(get(&auditc, "score").as_f64(), Some(9.0));
    assert_eq!(get(&auditc, "positive").as_bool(), Some(true));
    // Unanswered screens are null, not undefined: JSON-compatible output.
    assert!(get(&scores, "phq2").is_null());
    assert_eq!(text(&scores, "use_severity"), "moderate");
    let domains = get(&get(&result, "profile"), "domains");
    assert_eq!(Array::from(&domains).length(), 9);
    // The center's phone is beside the crisis lines.
    let crisis = Array::from(&get(&result, "urgent")).get(0);
    let tels: Vec<String> =
        Array::from(&get(&crisis, "contacts")).iter().filter_map(|c| get(&c, "tel").as_string()).collect();
    assert!(tels.contains(&"988".to_string()) && tels.contains(&"+15550100".to_string()), "{tels:?}");
}

#[wasm_bindgen_test]
fn every_error_kind_is_an_error_with_code_item_and_message() {
    let cases = [
        (js(r#"{"bogus":"x"}"#), "unknown_item", "bogus"),
        (js(r#"{"stage":"ready"}"#), "invalid_value", "stage"),
        (js(r#"{"auditc_1":5}"#), "invalid_value", "auditc_1"),
        (js(r#"{"auditc_1":"3"}"#), "wrong_type", "auditc_1"),
        (js(r#"{"substances":"alcohol"}"#), "wrong_type", "substances"),
        (js(r#"[1,2]"#), "invalid_answers", ""),
        (JsValue::UNDEFINED, "invalid_answers", ""),
        (JsValue::from_str("answers"), "invalid_answers", ""),
    ];
    for (answers, code, item) in cases {
        let error = evaluate_js(answers, JsValue::UNDEFINED).expect_err(code);
        assert!(error.is_instance_of::<js_sys::Error>(), "{code} is not an Error");
        assert_eq!(text(&error, "code"), code);
        assert_eq!(text(&error, "item"), item);
        let message = text(&error, "message");
        assert!(!message.is_empty() && message.contains(item), "{message}");
        assert_eq!(message, error.unchecked_ref::<js_sys::Error>().message().as_string().unwrap());
    }
}

#[wasm_bindgen_test]
fn every_problem_is_listed_in_errors() {
    let error = evaluate_js(js(r#"{"bogus":1,"stage":"ready","times":"weekend"}"#), JsValue::UNDEFINED).unwrap_err();
    let all = Array::from(&get(&error, "errors"));
    let codes: Vec<String> = all.iter().map(|e| text(&e, "code")).collect();
    assert_eq!(codes, ["unknown_item", "invalid_value", "wrong_type"]);
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_are_an_error() {
    let error = evaluate_js(js("{}"), js(r#"{"lang":7}"#)).unwrap_err();
    assert_eq!(text(&error, "code"), "invalid_options");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_errors() {
    for _ in 0..3 {
        assert!(evaluate_js(js(r#"{"auditc_1":99}"#), JsValue::UNDEFINED).is_err());
        let result = evaluate_js(js(r#"{"for_whom":"loved_one","lo_wants":["lost_someone"]}"#), JsValue::NULL).unwrap();
        assert_eq!(ids(&get(&result, "groups")).first().map(String::as_str), Some("grief_support"));
    }
}

#[wasm_bindgen_test]
fn questionnaire_and_version_cross_the_boundary() {
    assert_eq!(version_js(), env!("CARGO_PKG_VERSION"));
    let q = questionnaire_js(Some("en-US".into())).unwrap();
    assert_eq!(text(&q, "lang"), "en");
    let items = Array::from(&get(&q, "items"));
    assert_eq!(items.length() as usize, peerpath::ITEMS.len());
    let first = items.get(0);
    assert_eq!(text(&first, "id"), "for_whom");
    assert_eq!(get(&first, "show_when").as_bool(), Some(true));
    let q = questionnaire_js(None).unwrap();
    assert_eq!(text(&q, "lang"), "en");
}
