//! Native tests of the engine through its public surface: scenario vignettes as data, property
//! tests over random visitors, and checks of the string tables. The wasm boundary has its own
//! file (`tests/wasm.rs`).
#![cfg(not(target_arch = "wasm32"))]

use peerpath::{evaluate, Answers, Json, Options, RawAnswers, RawOptions};
use serde_json::Value;

/// A serde_json value as the engine's loose `Json`, through its `Deserialize`.
fn json(value: &Value) -> Json {
    serde_json::from_value(value.clone()).expect("any JSON value reads")
}

fn raw_answers(value: &Value) -> RawAnswers {
    RawAnswers::from_json(json(value))
}

/// A result as the JSON JavaScript receives, through its `Serialize`.
fn as_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("results serialize")
}

/// Validates and evaluates JSON answers the way the wasm export does, returning the result as
/// the JSON JavaScript would see.
fn run(answers: &Value, options: Option<&Value>) -> Value {
    let answers = Answers::from_raw(&raw_answers(answers)).unwrap_or_else(|e| panic!("invalid answers: {e:?}"));
    let options = match options {
        Some(o) => Options::from_raw(RawOptions::from_json(&json(o)).expect("options read")),
        None => Options::default(),
    };
    as_value(&evaluate(&answers, &options))
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect()
}

/// Every string anywhere in a JSON value.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Every `because` list anywhere in the result.
fn becauses(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(a) => a.iter().for_each(|v| becauses(v, out)),
        Value::Object(o) => {
            for (key, v) in o {
                if key == "because" {
                    out.extend(v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()));
                } else {
                    becauses(v, out);
                }
            }
        }
        _ => {}
    }
}

/// `expected` is a subset of `actual` (objects by key, everything else equal).
fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let inner = a.get(key).unwrap_or_else(|| panic!("{path}.{key} is missing"));
                assert_subset(value, inner, &format!("{path}.{key}"));
            }
        }
        _ => assert_eq!(expected, actual, "at {path}"),
    }
}

mod vignettes {
    use super::*;

    /// Every scenario: the general ones, the safety rules' and the other clinical rules' (each
    /// tagged with the rules it tests and its case for each: trigger, boundary or absence, as
    /// `"rule"` and `"case"`, or `"cases": {rule: case}`).
    pub fn load() -> Vec<Value> {
        let files = [
            ("general.json", include_str!("vignettes/general.json")),
            ("safety.json", include_str!("vignettes/safety.json")),
            ("clinical.json", include_str!("vignettes/clinical.json")),
        ];
        files
            .iter()
            .flat_map(|(name, text)| {
                serde_json::from_str::<Value>(text)
                    .unwrap_or_else(|e| panic!("vignettes/{name} does not parse: {e}"))
                    .as_array()
                    .unwrap()
                    .clone()
            })
            .collect()
    }

    /// The notice `id` of a result.
    fn notice<'a>(result: &'a Value, id: &str, name: &str) -> &'a Value {
        result["urgent"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("{name}: no notice {id}"))
    }

    /// Checks one vignette's expectations; every expectation key must be known, so a typo fails.
    fn check(vignette: &Value) {
        let name = vignette["name"].as_str().unwrap();
        let result = run(&vignette["answers"], vignette.get("options"));
        let list = |key: &str| -> Vec<&str> {
            vignette["expect"][key].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
        };
        for (key, want) in vignette["expect"].as_object().unwrap() {
            match key.as_str() {
                "urgent" => assert_eq!(ids(&result["urgent"]), list(key), "{name}: urgent"),
                "care" => assert_eq!(result["care"]["level"], *want, "{name}: care level"),
                "groups" | "aftercare" => assert_eq!(ids(&result[key]), list(key), "{name}: {key}"),
                "groups_first" | "aftercare_first" => {
                    let field = key.trim_end_matches("_first");
                    assert_eq!(
                        ids(&result[field]).first().copied(),
                        want.as_str(),
                        "{name}: first of {field}: {:?}",
                        ids(&result[field])
                    );
                }
                "groups_include" | "aftercare_include" => {
                    let field = key.trim_end_matches("_include");
                    for id in list(key) {
                        assert!(
                            ids(&result[field]).contains(&id),
                            "{name}: {field} lacks {id}: {:?}",
                            ids(&result[field])
                        );
                    }
                }
                "groups_exclude" | "aftercare_exclude" => {
                    let field = key.trim_end_matches("_exclude");
                    for id in list(key) {
                        assert!(!ids(&result[field]).contains(&id), "{name}: {field} has {id}");
                    }
                }
                "scores" => assert_subset(want, &result["scores"], &format!("{name}: scores")),
                "domains" => {
                    for (domain, level) in want.as_object().unwrap() {
                        let found = result["profile"]["domains"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .find(|d| d["id"] == **domain)
                            .unwrap();
                        assert_eq!(found["level"], *level, "{name}: domain {domain}: {found}");
                    }
                }
                "care_reason_because" => {
                    let mut because = Vec::new();
                    becauses(&result["care"], &mut because);
                    for item in list(key) {
                        assert!(because.iter().any(|b| b == item), "{name}: no care reason names {item}");
                    }
                }
                "text_never" => {
                    let mut all = Vec::new();
                    strings(&result, &mut all);
                    for phrase in list(key) {
                        assert!(!all.iter().any(|s| s.to_lowercase().contains(phrase)), "{name}: says {phrase:?}");
                    }
                }
                "urgent_tel" | "contacts_tel" => {
                    let source = if key == "urgent_tel" { &result["urgent"] } else { &result["contacts"] };
                    let mut tels = Vec::new();
                    for contact in source.as_array().unwrap().iter().flat_map(|c| {
                        c.get("contacts").and_then(Value::as_array).cloned().unwrap_or_else(|| vec![c.clone()])
                    }) {
                        if let Some(tel) = contact["tel"].as_str() {
                            tels.push(tel.to_string());
                        }
                    }
                    for tel in list(key) {
                        assert!(tels.iter().any(|t| t == tel), "{name}: no tel {tel} in {tels:?}");
                    }
                }
                "urgent_contacts" => {
                    // The first contacts of a notice, in order, as the links they become.
                    for (id, want) in want.as_object().unwrap() {
                        let hrefs: Vec<String> = notice(&result, id, name)["contacts"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|c| match (c["tel"].as_str(), c["sms"].as_str(), c["body"].as_str()) {
                                (Some(tel), _, _) => format!("tel:{tel}"),
                                (_, Some(sms), Some(body)) => format!("sms:{sms}?body={body}"),
                                (_, Some(sms), None) => format!("sms:{sms}"),
                                _ => c["url"].as_str().unwrap_or("").to_string(),
                            })
                            .collect();
                        let want: Vec<&str> = want.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                        assert_eq!(&hrefs[..want.len().min(hrefs.len())], &want[..], "{name}: contacts of {id}");
                    }
                }
                "notice_text" | "notice_text_never" => {
                    for (id, phrase) in want.as_object().unwrap() {
                        let found = notice(&result, id, name);
                        let mut texts = Vec::new();
                        strings(found, &mut texts);
                        let says = texts.iter().any(|t| t.contains(phrase.as_str().unwrap()));
                        assert_eq!(says, key == "notice_text", "{name}: notice {id} and {phrase}: {found}");
                    }
                }
                "notice_steps" => {
                    for (id, n) in want.as_object().unwrap() {
                        assert_eq!(
                            notice(&result, id, name)["steps"].as_array().unwrap().len() as u64,
                            n.as_u64().unwrap(),
                            "{name}: steps of {id}"
                        );
                    }
                }
                "groups_order" | "aftercare_order" => {
                    // These ids are all listed, in this order (others may stand between them).
                    let field = key.trim_end_matches("_order");
                    let listed = ids(&result[field]);
                    let at: Vec<Option<usize>> =
                        list(key).iter().map(|id| listed.iter().position(|l| l == id)).collect();
                    assert!(
                        at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1]),
                        "{name}: {field} order {:?} in {listed:?}",
                        list(key)
                    );
                }
                "links_include" | "links_exclude" => {
                    for (id, urls) in want.as_object().unwrap() {
                        let entry = ["groups", "aftercare"]
                            .iter()
                            .flat_map(|l| result[*l].as_array().unwrap())
                            .find(|e| e["id"] == **id);
                        let entry = entry.unwrap_or_else(|| panic!("{name}: {id} is not suggested"));
                        let links: Vec<&str> =
                            entry["find"].as_array().unwrap().iter().map(|f| f["url"].as_str().unwrap()).collect();
                        for url in urls.as_array().unwrap() {
                            let has = links.iter().any(|l| l.contains(url.as_str().unwrap()));
                            assert_eq!(has, key == "links_include", "{name}: links of {id} and {url}: {links:?}");
                        }
                    }
                }
                "reasons_never" => {
                    for field in ["groups", "aftercare"] {
                        let mut texts = Vec::new();
                        for entry in result[field].as_array().unwrap() {
                            strings(&entry["reasons"], &mut texts);
                        }
                        for phrase in list(key) {
                            assert!(
                                !texts.iter().any(|t| t.contains(phrase)),
                                "{name}: a reason in {field} says {phrase:?}"
                            );
                        }
                    }
                }
                "care_text" => {
                    let text = format!("{} {}", result["care"]["title"], result["care"]["text"]);
                    for phrase in list(key) {
                        assert!(text.contains(phrase), "{name}: the care text lacks {phrase:?}: {text}");
                    }
                }
                "safety_step_contact" => {
                    // The first next step is the first notice, and its one button is this link.
                    let step = &result["next_steps"][0];
                    assert_eq!(step["kind"], "safety", "{name}: first next step {step}");
                    let notice = &result["urgent"][step["index"].as_u64().unwrap() as usize];
                    let first = &notice["contacts"][0];
                    let href = match (first["tel"].as_str(), first["sms"].as_str()) {
                        (Some(tel), _) => format!("tel:{tel}"),
                        (_, Some(sms)) => format!("sms:{sms}"),
                        _ => first["url"].as_str().unwrap_or("").to_string(),
                    };
                    assert_eq!(href, want.as_str().unwrap(), "{name}: the first next step's button");
                }
                "care_text_never" => {
                    let text = format!("{} {}", result["care"]["title"], result["care"]["text"]);
                    for phrase in list(key) {
                        assert!(!text.contains(phrase), "{name}: the care text says {phrase:?}: {text}");
                    }
                }
                "groups_not_first" => assert_ne!(
                    ids(&result["groups"]).first().copied(),
                    want.as_str(),
                    "{name}: groups {:?}",
                    ids(&result["groups"])
                ),
                "local_reasons_never" => {
                    let mut texts = Vec::new();
                    strings(&result["local"], &mut texts);
                    for phrase in list(key) {
                        assert!(!texts.iter().any(|t| t.contains(phrase)), "{name}: a local reason says {phrase:?}");
                    }
                }
                "local_first" => assert_eq!(
                    ids(&result["local"]).first().copied(),
                    want.as_str(),
                    "{name}: local {:?}",
                    ids(&result["local"])
                ),
                "local_exclude" => {
                    for id in list(key) {
                        assert!(!ids(&result["local"]).contains(&id), "{name}: local has {id}");
                    }
                }
                "domain_reason_because" => {
                    for (domain, items) in want.as_object().unwrap() {
                        let found = result["profile"]["domains"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .find(|d| d["id"] == **domain)
                            .unwrap();
                        let mut because = Vec::new();
                        becauses(found, &mut because);
                        for item in items.as_array().unwrap() {
                            assert!(
                                because.iter().any(|b| b == item.as_str().unwrap()),
                                "{name}: no {domain} reason names {item}: {found}"
                            );
                        }
                    }
                }
                other => panic!("{name}: unknown expectation {other}"),
            }
        }
    }

    #[test]
    fn every_vignette_holds() {
        let vignettes = load();
        assert!(vignettes.len() >= 40, "only {} vignettes", vignettes.len());
        // Run them all and report every failure together, not only the first. No panic hook is
        // set: other tests run on other threads at the same time.
        let failures: Vec<String> = vignettes
            .iter()
            .filter_map(|v| std::panic::catch_unwind(|| check(v)).err())
            .map(|e| {
                e.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            })
            .collect();
        assert!(failures.is_empty(), "{} vignettes failed:\n{}", failures.len(), failures.join("\n\n"));
    }

    /// The vignettes between them reach every catalog id, raise every safety notice, judge every
    /// domain, and walk both paths.
    #[test]
    fn vignettes_cover_the_contract() {
        let mut suggested = std::collections::BTreeSet::new();
        let mut notices = std::collections::BTreeSet::new();
        let mut domains = std::collections::BTreeSet::new();
        let mut paths = std::collections::BTreeSet::new();
        for vignette in load() {
            let result = run(&vignette["answers"], vignette.get("options"));
            suggested.extend(ids(&result["groups"]).into_iter().map(String::from));
            suggested.extend(ids(&result["aftercare"]).into_iter().map(String::from));
            notices.extend(ids(&result["urgent"]).into_iter().map(String::from));
            if let Some(d) = vignette["expect"].get("domains") {
                domains.extend(d.as_object().unwrap().keys().cloned());
            }
            if let Some(path) = vignette["answers"]
                .get("for_whom")
                .and_then(Value::as_str)
                .filter(|p| ["self", "loved_one"].contains(p))
            {
                paths.insert(path.to_string());
            }
        }
        let catalog: std::collections::BTreeSet<String> = peerpath::CATALOG.iter().map(|e| e.id.to_string()).collect();
        let unreached: Vec<_> = catalog.difference(&suggested).collect();
        assert!(unreached.is_empty(), "no vignette reaches {unreached:?}");
        assert_eq!(notices.len(), peerpath::NOTICES.len(), "notices raised: {notices:?}");
        assert_eq!(domains.len(), 9, "domains judged: {domains:?}");
        assert_eq!(paths.len(), 2);
    }
}

/// The rule ids of CLINICAL.md: the first cell of each table row that is a code span.
fn clinical_rules() -> Vec<String> {
    include_str!("../CLINICAL.md")
        .lines()
        .filter_map(|line| line.strip_prefix("| `")?.split_once('`').map(|(id, _)| id.to_string()))
        .collect()
}

/// Whether a rule visibly holds in a result, for the kinds of rules whose effect is plain: a
/// notice shown, a care reason given, a severity band, a ranking rule's entries near the top.
/// `None` where only the vignette's own expectations can tell.
fn rule_shows(rule: &str, result: &Value, lang: peerpath::Lang) -> Option<bool> {
    if peerpath::NOTICES.iter().any(|n| n.id == rule) {
        return Some(ids(&result["urgent"]).contains(&rule));
    }
    let care_keys = peerpath::CARE_RULES.iter().map(|r| r.reason).chain(peerpath::CARE_NOTES.iter().map(|(_, r)| *r));
    if care_keys.clone().any(|k| k == rule) {
        let text = lang.text(&format!("r.{rule}"));
        return Some(result["care"]["reasons"].as_array().unwrap().iter().any(|r| r["text"] == text));
    }
    if let Some(band) = rule.strip_prefix("severity_") {
        return Some(result["scores"]["use_severity"] == band);
    }
    let pin = peerpath::PINS.iter().find(|p| p.id == rule)?;
    let positions: Vec<usize> = pin
        .ids
        .iter()
        .filter_map(|id| ["groups", "aftercare"].iter().find_map(|l| ids(&result[*l]).iter().position(|x| x == id)))
        .take(pin.count)
        .collect();
    // A ranking rule holds when its entries are listed and all within their places; otherwise
    // nothing is said (the order may agree by chance).
    (!positions.is_empty() && positions.iter().all(|&at| at < pin.within())).then_some(true)
}

/// Every rule of CLINICAL.md (safety, severity, care, ranking) has a vignette for its trigger,
/// its boundary (the nearest answers that do not trigger it) and its absence (declined or
/// unrelated answers); every tagged vignette names a rule of CLINICAL.md, and where a rule's
/// effect is plain the result shows it for a trigger and not for the others.
#[test]
fn every_clinical_rule_has_a_trigger_a_boundary_and_an_absence() {
    let rules = clinical_rules();
    assert!(rules.len() >= 40, "CLINICAL.md lists only {} rules", rules.len());
    let vignettes = vignettes::load();
    let mut seen: Vec<(String, String)> = Vec::new();
    for vignette in &vignettes {
        let mut cases: Vec<(String, String)> = Vec::new();
        if let Some(rule) = vignette.get("rule").and_then(Value::as_str) {
            cases.push((rule.to_string(), vignette["case"].as_str().unwrap_or("").to_string()));
        }
        for (rule, case) in vignette.get("cases").and_then(Value::as_object).into_iter().flatten() {
            cases.push((rule.clone(), case.as_str().unwrap_or("").to_string()));
        }
        if cases.is_empty() {
            continue;
        }
        let name = &vignette["name"];
        let result = run(&vignette["answers"], vignette.get("options"));
        let lang =
            if result["lang"] == "es" { peerpath::Lang::from_tag("es").unwrap() } else { peerpath::Lang::english() };
        for (rule, case) in cases {
            assert!(rules.contains(&rule), "{name}: CLINICAL.md has no rule {rule}");
            assert!(["trigger", "boundary", "absence"].contains(&case.as_str()), "{name}: case {case}");
            let ranking = peerpath::PINS.iter().any(|p| p.id == rule);
            match rule_shows(&rule, &result, lang) {
                shows if ranking => assert!(case != "trigger" || shows == Some(true), "{name}: {rule} does not hold"),
                Some(shows) => assert_eq!(shows, case == "trigger", "{name}: {rule} ({case})"),
                None => {}
            }
            seen.push((rule, case));
        }
    }
    for rule in &rules {
        for case in ["trigger", "boundary", "absence"] {
            assert!(
                seen.iter().any(|(r, c)| r == rule && c == case),
                "no {case} vignette for the rule {rule} of CLINICAL.md"
            );
        }
    }
}

/// CLINICAL.md, the document a clinician reviews, lists every safety rule with the source its
/// row in `NOTICES` gives, word for word.
#[test]
fn clinical_md_lists_every_safety_rule_with_its_source() {
    let doc = include_str!("../CLINICAL.md");
    let squash = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let doc = squash(doc);
    for rule in peerpath::NOTICES.iter() {
        assert!(doc.contains(&format!("| `{}` |", rule.id)), "CLINICAL.md has no row for {}", rule.id);
        let line = format!("- `{}`: {}", rule.id, squash(rule.source));
        assert!(doc.contains(&line), "CLINICAL.md does not give the source of {} as the table does:\n{line}", rule.id);
    }
}

mod shape {
    use super::*;
    use serde_json::json;

    #[test]
    fn result_has_every_contract_field() {
        let result = run(
            &json!({"for_whom": "self", "substances": ["alcohol"], "auditc_1": 3, "auditc_2": 2, "auditc_3": 1, "phq2_1": 1, "phq2_2": 1, "gad2_1": 0, "gad2_2": 0, "dep_control": "yes", "importance": 8, "confidence": 5, "approach": "secular"}),
            None,
        );
        for key in ["version", "lang", "urgent", "care", "groups", "aftercare", "local", "scores", "profile"] {
            assert!(result.get(key).is_some(), "missing {key}");
        }
        assert_eq!(result["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(result["lang"], "en");
        for key in ["level", "title", "text", "reasons"] {
            assert!(result["care"].get(key).is_some(), "care.{key}");
        }
        for entry in result["groups"].as_array().unwrap().iter().chain(result["aftercare"].as_array().unwrap()) {
            for key in ["id", "name", "score", "text", "reasons"] {
                assert!(entry.get(key).is_some(), "{key} in {entry}");
            }
            for reason in entry["reasons"].as_array().unwrap() {
                assert!(reason["text"].is_string() && reason["because"].is_array());
            }
        }
        let scores = &result["scores"];
        assert_eq!(
            scores["auditc"],
            json!({"score": 6, "max": 12, "positive": true, "complete": true, "high_risk": false})
        );
        assert_eq!(scores["phq2"], json!({"score": 2, "max": 6, "positive": false, "complete": true}));
        assert_eq!(scores["gad2"], json!({"score": 0, "max": 6, "positive": false, "complete": true}));
        assert_eq!(scores["dependence"], json!({"count": 1, "band": "some"}));
        assert_eq!(scores["readiness"], json!({"importance": 8, "confidence": 5}));
        assert!(scores["barc10"].is_null());
        assert!(["none", "low", "moderate", "high"].contains(&scores["use_severity"].as_str().unwrap()));
        let domains = ids(&result["profile"]["domains"]);
        assert_eq!(
            domains,
            [
                "diagnosis",
                "motivation",
                "participation",
                "risk_to_others",
                "use_severity",
                "sobriety",
                "insight",
                "stage_of_change",
                "health"
            ]
        );
        for domain in result["profile"]["domains"].as_array().unwrap() {
            assert!(["strength", "neutral", "concern", "urgent"].contains(&domain["level"].as_str().unwrap()));
        }
        assert!(result["not_diagnosis"].as_str().unwrap().contains("not a diagnosis"));
    }

    #[test]
    fn questionnaire_lists_every_item_once_with_labels() {
        let q = as_value(&peerpath::questionnaire(peerpath::Lang::english()));
        let items = q["items"].as_array().unwrap();
        let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        for id in [
            "for_whom",
            "self_harm",
            "auditc_1",
            "use_freq_opioids",
            "barc_10",
            "lo_danger",
            "lo_wants",
            "language",
            "audience",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
        for item in items {
            assert!(!item["text"].as_str().unwrap().is_empty());
            assert!(["single", "multi", "scale", "language"].contains(&item["kind"].as_str().unwrap()));
            for option in item["options"].as_array().unwrap() {
                assert!(!option["label"].as_str().unwrap().is_empty());
            }
        }
        let auditc = items.iter().find(|i| i["id"] == "auditc_1").unwrap();
        assert_eq!(
            auditc["show_when"],
            json!({"all": [{"not": {"item": "for_whom", "is": ["loved_one"]}}, {"item": "substances", "has": ["alcohol"]}]})
        );
        assert_eq!(auditc["options"][4]["value"], json!(4));
    }

    #[test]
    fn errors_name_code_and_item() {
        let raw =
            RawAnswers::from_json(serde_json::from_str(r#"{"auditc_1": "3", "stage": "ready", "nope": 1}"#).unwrap());
        let errors = Answers::from_raw(&raw).unwrap_err();
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.code.as_str(), e.item.as_str())).collect();
        assert_eq!(
            got,
            [("wrong_type", "auditc_1"), ("invalid_value", "stage"), ("unknown_item", "nope")],
            "in the order given"
        );
        for raw in [json!([1, 2]), json!("answers"), json!(null), json!(3)] {
            assert_eq!(Answers::from_raw(&raw_answers(&raw)).unwrap_err()[0].code.as_str(), "invalid_answers");
        }
    }

    /// Adding a language is adding its file: a language the crate has never seen, read from its
    /// file's text (a fixture: English with every text marked), gives a whole result in it.
    #[test]
    fn a_language_from_its_file_alone() {
        let english = peerpath::Lang::english();
        let file: String = english.entries().map(|(key, text)| format!("{key} = [xx] {text}\n")).collect();
        let options = Options { lang: peerpath::Lang::read("xx-YY", file), ..Options::default() };
        let answers = json!({"for_whom": "self", "substances": ["cannabis"], "use_freq_cannabis": "weekly"});
        let answers = Answers::from_raw(&raw_answers(&answers)).unwrap();
        let result = as_value(&evaluate(&answers, &options));
        assert_eq!(result["lang"], "xx");
        let mut texts = Vec::new();
        strings(&result, &mut texts);
        let marked = texts.iter().filter(|t| t.starts_with("[xx] ")).count();
        assert!(marked > 10, "{texts:?}");
        assert!(as_value(&peerpath::questionnaire(options.lang))["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("[xx] "));
    }

    #[test]
    fn language_falls_back_to_english() {
        let result = run(&json!({}), Some(&json!({"lang": "fr"})));
        assert_eq!(result["lang"], "en");
        let result = run(&json!({}), Some(&json!({"config": {"languages": ["de", "en"]}})));
        assert_eq!(result["lang"], "en");
    }
}

mod properties {
    use super::*;
    use peerpath::{ItemId, ItemKind, RawValue, ITEMS};
    use proptest::prelude::*;

    /// A random valid visitor: each item is skipped, declined or answered, from one seed per item.
    fn visitor() -> impl Strategy<Value = Vec<(String, RawValue)>> {
        (proptest::collection::vec(any::<u32>(), ITEMS.len()), any::<bool>()).prop_map(|(seeds, own_use)| {
            let mut entries = Vec::new();
            for (item, seed) in ITEMS.iter().zip(seeds) {
                let values = item.id.options().values;
                let n = values.len() as u32;
                let pick = seed % (n + 3);
                if pick == n {
                    continue; // skipped
                }
                if pick == n + 1 {
                    entries.push((item.id.as_str().to_string(), RawValue::String("prefer_not".into())));
                    continue;
                }
                let value = match item.id.kind() {
                    ItemKind::Multi => RawValue::Array(
                        values
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| seed >> (k + 4) & 1 == 1)
                            .map(|(_, v)| RawValue::String(v.to_string()))
                            .collect(),
                    ),
                    ItemKind::Scale => RawValue::Number(values[(pick % n) as usize].parse().unwrap()),
                    _ => RawValue::String(values[(pick % n) as usize].to_string()),
                };
                entries.push((item.id.as_str().to_string(), value));
            }
            // Half the visitors answer for themselves for sure, so the own-use rules get exercised.
            if own_use {
                entries.retain(|(k, _)| k != "for_whom");
                entries.insert(0, ("for_whom".into(), RawValue::String("self".into())));
            }
            entries
        })
    }

    fn answers(entries: &[(String, RawValue)]) -> Answers {
        Answers::from_raw(&RawAnswers::Entries(entries.to_vec())).expect("random visitors are valid")
    }

    fn care_level(entries: &[(String, RawValue)]) -> peerpath::CareLevel {
        evaluate(&answers(entries), &Options::default()).care.level
    }

    fn with(entries: &[(String, RawValue)], item: &str, value: RawValue) -> Vec<(String, RawValue)> {
        let mut out: Vec<(String, RawValue)> = entries.iter().filter(|(k, _)| k != item).cloned().collect();
        out.push((item.to_string(), value));
        out
    }

    /// Answers ordered from better to worse, for the monotonicity property.
    fn worse_orders() -> Vec<(&'static str, Vec<RawValue>)> {
        let text = |v: &[&str]| v.iter().map(|s| RawValue::String(s.to_string())).collect::<Vec<_>>();
        let numbers = || (0..=4).map(|n| RawValue::Number(n as f64)).collect::<Vec<_>>();
        vec![
            ("withdrawal", text(&["none", "not_stopped", "uncomfortable", "severe"])),
            ("last_use", text(&["over_year", "3_12_months", "1_3_months", "past_month", "past_week", "today"])),
            ("auditc_1", numbers()),
            ("auditc_2", numbers()),
            ("auditc_3", numbers()),
            ("dep_control", text(&["no", "yes"])),
            ("dep_craving", text(&["no", "yes"])),
            ("dep_consequences", text(&["no", "yes"])),
            ("dep_quit_failed", text(&["no", "yes"])),
            ("housing", text(&["stable_sober", "stable_use_around", "unstable", "none"])),
            ("support", text(&["several", "one_or_two", "none"])),
            ("overdose", text(&["no", "yes"])),
            ("use_freq_opioids", text(&["never", "once_or_twice", "monthly", "weekly", "daily"])),
            ("use_freq_stimulants", text(&["never", "once_or_twice", "monthly", "weekly", "daily"])),
            ("use_freq_cannabis", text(&["never", "once_or_twice", "monthly", "weekly", "daily"])),
            ("use_freq_sedatives", text(&["never", "once_or_twice", "monthly", "weekly", "daily"])),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        #[test]
        fn evaluation_is_deterministic_and_order_free(entries in visitor()) {
            let first = evaluate(&answers(&entries), &Options::default());
            let again = evaluate(&answers(&entries), &Options::default());
            let reversed: Vec<_> = entries.iter().rev().cloned().collect();
            let other_order = evaluate(&answers(&reversed), &Options::default());
            prop_assert_eq!(&first, &again);
            prop_assert_eq!(&first, &other_order);
        }

        #[test]
        fn worse_answers_never_lower_the_care_level(entries in visitor(), which in 0usize..100, a in 0usize..6, b in 0usize..6) {
            let orders = worse_orders();
            let (item, values) = &orders[which % orders.len()];
            let (low, high) = (a.min(b) % values.len(), a.max(b) % values.len());
            let (low, high) = (low.min(high), low.max(high));
            let better = care_level(&with(&entries, item, values[low].clone()));
            let worse = care_level(&with(&entries, item, values[high].clone()));
            prop_assert!(worse >= better, "{} {:?} gave {:?}, worse {:?} gave {:?}", item, values[low], better, values[high], worse);
        }

        #[test]
        fn worse_answers_never_lower_the_use_severity(entries in visitor(), which in 0usize..100, a in 0usize..6, b in 0usize..6) {
            let orders = worse_orders();
            let (item, values) = &orders[which % orders.len()];
            let (low, high) = (a.min(b) % values.len(), a.max(b) % values.len());
            let (low, high) = (low.min(high), low.max(high));
            let severity = |entries: &[(String, RawValue)]| evaluate(&answers(entries), &Options::default()).full.scores.use_severity;
            let better = severity(&with(&entries, item, values[low].clone()));
            let worse = severity(&with(&entries, item, values[high].clone()));
            prop_assert!(worse >= better, "{} {:?} gave {:?}, worse {:?} gave {:?}", item, values[low], better, values[high], worse);
        }

        /// "When answers are missing" (screening.md): whatever subset of answers is given, at
        /// least three groups and one care option, each with a reason, a care reason, and a way
        /// to reach someone.
        #[test]
        fn any_subset_of_answers_gets_something_for_everyone(entries in visitor(), keep in proptest::collection::vec(any::<bool>(), 70)) {
            let subset: Vec<(String, RawValue)> = entries.into_iter().zip(keep).filter(|(_, k)| *k).map(|(e, _)| e).collect();
            let result = as_value(&evaluate(&answers(&subset), &Options::default()));
            prop_assert!(result["groups"].as_array().unwrap().len() >= 3, "{:?}: {}", subset, result["groups"]);
            prop_assert!(!result["aftercare"].as_array().unwrap().is_empty(), "{:?}", subset);
            prop_assert!(!result["care"]["reasons"].as_array().unwrap().is_empty(), "{:?}: no care reason", subset);
            prop_assert!(!result["contacts"].as_array().unwrap().is_empty());
        }

        /// screening.md v3, "Care rules": the first care option agrees with the care level. The
        /// level's own option leads (the online IOP counts for an IOP), except where the care
        /// rules put medication first: opioid withdrawal (opioids without daily drinking or
        /// sedatives, with withdrawal symptoms and recent use) and pregnancy with opioids.
        /// Peer support may be led by anything.
        #[test]
        fn the_first_care_option_agrees_with_the_care_level(entries in visitor()) {
            let result = as_value(&evaluate(&answers(&entries), &Options::default()));
            let level = result["care"]["level"].as_str().unwrap();
            let first = ids(&result["aftercare"])[0];
            let said = |item: &str, values: &[&str]| entries.iter().any(|(k, v)| k == item && match v {
                RawValue::String(t) => values.contains(&t.as_str()),
                RawValue::Array(list) => list.iter().any(|t| matches!(t, RawValue::String(t) if values.contains(&t.as_str()))),
                _ => false,
            });
            let number = |item: &str| entries.iter().find_map(|(k, v)| match v {
                RawValue::Number(n) if k == item => Some(*n),
                _ => None,
            });
            let own = !said("for_whom", &["loved_one"]);
            let opioids = said("substances", &["opioids"]);
            let daily_alcohol = said("substances", &["alcohol"])
                && number("auditc_1") == Some(4.0)
                && (number("auditc_2").unwrap_or(0.0) >= 1.0 || number("auditc_3").unwrap_or(0.0) >= 3.0);
            let daily_sedatives = said("substances", &["sedatives"]) && said("use_freq_sedatives", &["daily"]);
            let current = !said("last_use", &["3_12_months", "over_year"]);
            let recent = current && !said("last_use", &["1_3_months"]);
            let opioid_withdrawal = recent && said("withdrawal", &["uncomfortable", "severe"]) && !daily_alcohol && !daily_sedatives;
            let medication_leads = own && opioids && (said("pregnant", &["yes"]) && current || opioid_withdrawal);
            let agrees: &[&str] = match level {
                "medical_withdrawal" => &["medical_withdrawal"],
                "residential" => &["residential"],
                "intensive_outpatient" => &["intensive_outpatient", "virtual_iop"],
                "outpatient" => &["outpatient"],
                _ => return Ok(()),
            };
            prop_assert!(
                agrees.contains(&first) || medication_leads && first == "medication",
                "care level {} led by {}: {:?}", level, first, ids(&result["aftercare"])
            );
        }

        /// screening.md v3, "What a notice leads with": the next steps show the first notice's
        /// first contact, and that is never 911 unless a loved one is in danger now, whatever
        /// the answers and whether or not the center has a line.
        #[test]
        fn no_next_step_says_call_911_first_but_an_emergency(entries in visitor(), center in any::<bool>()) {
            let mut options = Options::default();
            if center {
                options.center.name = Some("Harbor Recovery".into());
                options.center.phone = Some("+1-555-0100".into());
            }
            let result = as_value(&evaluate(&answers(&entries), &options));
            for step in result["next_steps"].as_array().unwrap().iter().filter(|s| s["kind"] == "safety") {
                let notice = &result["urgent"][step["index"].as_u64().unwrap() as usize];
                let first = &notice["contacts"][0];
                prop_assert!(
                    first["tel"] != "911" || notice["id"] == "lo_emergency",
                    "{} leads with 911", notice["id"]
                );
            }
        }

        #[test]
        fn reasons_name_only_answered_items(entries in visitor()) {
            let validated = answers(&entries);
            let answered: Vec<&str> = validated.iter().map(|(id, _)| id.as_str()).collect();
            let result = as_value(&evaluate(&validated, &Options::default()));
            let mut named = Vec::new();
            becauses(&result, &mut named);
            for item in named {
                prop_assert!(answered.contains(&item.as_str()), "{} was not answered", item);
            }
        }

        #[test]
        fn results_are_well_formed(entries in visitor()) {
            let result = as_value(&evaluate(&answers(&entries), &Options::default()));
            let mut texts = Vec::new();
            strings(&result, &mut texts);
            for text in &texts {
                prop_assert!(!text.contains('{') && !text.contains('…'), "unfilled text: {}", text);
            }
            for list in ["groups", "aftercare"] {
                let entries = result[list].as_array().unwrap();
                // Best first, but for the entries a ranking rule pins near the top (PINS) and the
                // care option that agrees with the care level (LEVEL_OPTIONS).
                let pinned = |id: &str| {
                    peerpath::PINS.iter().any(|p| p.ids.contains(&id))
                        || peerpath::LEVEL_OPTIONS.iter().any(|(_, ids)| ids.contains(&id))
                };
                let scores: Vec<u64> = entries.iter().filter(|e| !pinned(e["id"].as_str().unwrap())).map(|e| e["score"].as_u64().unwrap()).collect();
                prop_assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{} not best first: {:?}", list, scores);
                prop_assert!(entries.iter().all(|e| !e["reasons"].as_array().unwrap().is_empty()), "{} entry without reasons", list);
            }
            // Moderation is never suggested to someone with high severity, withdrawal or a return to use.
            let groups = ids(&result["groups"]);
            if groups.contains(&"moderation_management") {
                prop_assert!(result["scores"]["use_severity"] != "high");
                prop_assert!(!entries.iter().any(|(k, v)| k == "withdrawal" && matches!(v, RawValue::String(t) if t == "severe" || t == "uncomfortable")));
                prop_assert!(!entries.iter().any(|(k, v)| k == "stage" && matches!(v, RawValue::String(t) if t == "returned")));
            }
        }

        #[test]
        fn any_json_answers_give_a_result_or_named_errors(keys in proptest::collection::vec(0usize..70, 0..12), values in proptest::collection::vec(any::<(u8, i16, bool)>(), 12)) {
            let entries: Vec<(String, RawValue)> = keys.iter().zip(values).map(|(&k, (kind, n, flag))| {
                let key = ItemId::ALL.get(k).map_or_else(|| format!("unknown_{k}"), |i| i.as_str().to_string());
                let value = match kind % 6 {
                    0 => RawValue::Number(f64::from(n) / 2.0),
                    1 => RawValue::String(["yes", "no", "alcohol", "daily", "prefer_not", ""][(n.unsigned_abs() % 6) as usize].into()),
                    2 => RawValue::Bool(flag),
                    3 => RawValue::Array(vec![RawValue::String("alcohol".into()), RawValue::Number(1.0)]),
                    4 => RawValue::Null,
                    _ => RawValue::Object(Vec::new()),
                };
                (key, value)
            }).collect();
            match Answers::from_raw(&RawAnswers::Entries(entries.clone())) {
                Ok(valid) => { evaluate(&valid, &Options::default()); }
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for error in errors {
                        prop_assert!(entries.iter().any(|(k, _)| *k == error.item), "error names {} which was not given", error.item);
                        prop_assert!(error.message.contains(&error.item));
                    }
                }
            }
        }
    }
}

mod words {
    /// NIDA "Words Matter": stigmatizing terms never appear in anything a visitor reads.
    #[test]
    fn no_stigmatizing_words() {
        for (lang, banned) in [
            (
                peerpath::Lang::english(),
                &["addict", "addicts", "abuser", "abuse", "clean", "dirty", "alcoholic", "junkie", "relapse"][..],
            ),
            // "Alcohólicos Anónimos" is a group's name; the words below never describe a person.
            (
                peerpath::Lang::from_tag("es").unwrap(),
                &[
                    "adicto",
                    "adicta",
                    "adictos",
                    "adictas",
                    "drogadicto",
                    "drogadicta",
                    "abusador",
                    "abusadora",
                    "abuso",
                    "limpio",
                    "limpia",
                    "sucio",
                    "sucia",
                    "recaída",
                    "recaídas",
                    "vicioso",
                    "viciosa",
                ][..],
            ),
        ] {
            for (key, _) in lang.entries() {
                let text = lang.text(key).to_lowercase();
                for word in text.split(|c: char| !c.is_alphanumeric()) {
                    assert!(!banned.contains(&word), "{}: {key} says {word:?}", lang.as_str());
                }
            }
        }
    }
}

mod finder {
    use super::*;
    use serde_json::json;

    /// The center's programs and a small Meeting Guide feed, shared by the scenarios.
    fn config() -> Value {
        json!({
            "center": {"name": "Harbor Recovery", "phone": "+1-555-0100", "timezone": "America/Los_Angeles"},
            "resources": [
                {"id": "harbor-smart-morning", "name": "Harbor SMART mornings", "kind": "smart_recovery", "format": "in_person",
                 "schedule": [{"day": 3, "start": "10:00", "end": "11:00"}]},
                {"id": "harbor-smart-evening", "name": "Harbor SMART evenings", "kind": "smart_recovery", "format": "hybrid",
                 "schedule": [{"day": 2, "start": "19:00", "end": "20:30"}]},
                {"id": "harbor-family", "name": "Harbor family night", "kind": "family_groups", "audience": ["family"],
                 "schedule": [{"day": 6, "start": "10:00"}]},
                {"id": "harbor-iop", "name": "Harbor evening IOP", "kind": "intensive_outpatient", "format": "hybrid",
                 "schedule": [{"day": 1, "start": "18:00"}, {"day": 3, "start": "18:00"}, {"day": 5, "start": "18:00"}]}
            ],
            "meeting_guide": [
                {"name": "Sunrise AA", "slug": "aa-en", "day": [1, 2, 3, 4, 5], "time": "07:00", "types": ["O", "EN"],
                 "formatted_address": "3 Main St, Oceanside", "latitude": 33.6, "longitude": -117.9},
                {"name": "Grupo Esperanza", "slug": "aa-es", "day": 4, "time": "19:30", "types": ["O", "S", "X"],
                 "formatted_address": "4 Mission Ave, Oceanside"},
                {"name": "Open Door", "slug": "aa-x", "day": 1, "time": "12:00", "types": ["O", "X"],
                 "formatted_address": "6 Coast Hwy, Oceanside", "latitude": 33.20, "longitude": -117.31},
                {"name": "Women's Step Study", "slug": "aa-w", "day": 2, "time": "19:00", "types": ["W", "ST"],
                 "formatted_address": "5 Hill St, Oceanside"},
                {"name": "Tuesday Tools", "slug": "aa-secular", "day": 2, "time": "19:00", "types": ["A", "O"],
                 "formatted_address": "1 Pier St, Oceanside"},
                {"name": "Night Owls Online", "slug": "online-1", "day": [0, 6], "time": "22:00", "types": ["ONL"],
                 "conference_url": "https://zoom.example/j/1"}
            ]
        })
    }

    fn local(answers: Value, extra: Value) -> Vec<Value> {
        let mut options = json!({"config": config()});
        for (k, v) in extra.as_object().unwrap() {
            options[k] = v.clone();
        }
        run(&answers, Some(&options))["local"].as_array().unwrap().clone()
    }

    fn local_ids(list: &[Value]) -> Vec<&str> {
        list.iter().map(|m| m["id"].as_str().unwrap()).collect()
    }

    #[test]
    fn the_config_fixture_is_clean() {
        let checked = peerpath::check_config(&json(&config()));
        assert_eq!(checked.problems, vec![]);
        assert_eq!(checked.config.resources.len(), 10);
    }

    #[test]
    fn an_evening_only_secular_visitor_gets_evening_smart_meetings_first() {
        let found = local(
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "secular", "goal": "stop", "times": ["weekday_evening"]}),
            json!({}),
        );
        let ids = local_ids(&found);
        assert_eq!(ids[..2], ["harbor-smart-evening", "harbor-smart-morning"], "{ids:?}");
        assert!(!ids.iter().any(|i| i.starts_with("mg-aa")), "12-step is not suggested to a secular visitor: {ids:?}");
        let reasons: Vec<&str> =
            found[0]["reasons"].as_array().unwrap().iter().map(|r| r["text"].as_str().unwrap()).collect();
        assert!(reasons.iter().any(|r| r.contains("Weekday evenings")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("SMART Recovery")), "{reasons:?}");
    }

    #[test]
    fn a_spanish_speaker_gets_the_spanish_meeting_first() {
        let found = local(
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "language": "es"}),
            json!({}),
        );
        let ids = local_ids(&found);
        let spanish = ids.iter().position(|i| *i == "mg-aa-es").unwrap();
        let english = ids.iter().position(|i| *i == "mg-aa-en").unwrap();
        assert!(spanish < english, "{ids:?}");
        assert!(found[spanish]["reasons"].to_string().contains("Spanish"));
    }

    #[test]
    fn wheelchair_access_counts_when_mobility_is_a_barrier() {
        let found = local(
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "barriers": ["mobility"]}),
            json!({}),
        );
        let ids = local_ids(&found);
        // From home first, then the in-person meeting with wheelchair access before the others.
        assert_eq!(ids[..2], ["mg-online-1", "mg-aa-x"], "{ids:?}");
        assert!(found[0]["reasons"].to_string().contains("join from home"));
        assert!(found[1]["reasons"].to_string().contains("wheelchair"));
    }

    #[test]
    fn a_visitor_who_cannot_travel_gets_the_online_iop_before_the_in_person_one() {
        let mut config = config();
        config["resources"].as_array_mut().unwrap().push(json!({"id": "harbor-iop-online", "name": "Harbor online IOP", "kind": "virtual_iop", "format": "online", "center_program": true}));
        config["resources"][3]["center_program"] = json!(true);
        config["resources"][3]["format"] = json!("in_person");
        let answers = json!({"for_whom": "self", "substances": ["alcohol"], "auditc_1": 4, "auditc_2": 3, "auditc_3": 3, "dep_control": "yes", "dep_craving": "yes", "dep_quit_failed": "yes", "barriers": ["transport"]});
        let found = run(&answers, Some(&json!({"config": config})))["local"].as_array().unwrap().clone();
        let ids = local_ids(&found);
        let online = ids.iter().position(|i| *i == "harbor-iop-online").unwrap();
        let in_person = ids.iter().position(|i| *i == "harbor-iop").unwrap();
        assert!(online < in_person, "{ids:?}");
    }

    #[test]
    fn scores_are_uncapped_so_the_lgbtq_meeting_a_visitor_asked_for_comes_first() {
        let mut config = config();
        config["meeting_guide"].as_array_mut().unwrap().push(
            json!({"name": "Rainbow Group", "slug": "aa-lgbtq", "day": 3, "time": "19:00", "types": ["O", "LGBTQ", "X"],
            "formatted_address": "7 Bay St, Oceanside"}),
        );
        let answers = json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "goal": "stop", "one_on_one": "yes", "times": ["weekday_evening"], "audience": ["lgbtq"], "barriers": ["mobility"], "format": "in_person"});
        let found = run(&answers, Some(&json!({"config": config})))["local"].as_array().unwrap().clone();
        let ids = local_ids(&found);
        assert_eq!(ids[0], "mg-aa-lgbtq", "{ids:?}");
        assert!(
            found[0]["score"].as_u64().unwrap() > found[1]["score"].as_u64().unwrap(),
            "not tied at a cap: {found:?}"
        );
    }

    #[test]
    fn the_centers_naloxone_program_ranks_above_general_meetings_beside_the_notice() {
        let mut config = config();
        config["resources"].as_array_mut().unwrap().push(
            json!({"id": "harbor-naloxone", "name": "Free naloxone kits", "kind": "naloxone", "center_program": true}),
        );
        let answers = json!({"for_whom": "self", "substances": ["opioids"], "overdose": "yes", "approach": "spiritual", "goal": "stop"});
        let ids: Vec<String> =
            local_ids(&run(&answers, Some(&json!({"config": config.clone()})))["local"].as_array().unwrap().clone())
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert_eq!(ids[0], "harbor-naloxone", "{ids:?}");
        // Listed, not run by the center: no such priority.
        config["resources"].as_array_mut().unwrap().last_mut().unwrap()["center_program"] = json!(false);
        let listed = run(&answers, Some(&json!({"config": config})));
        let first = &listed["local"][0];
        assert!(!first["reasons"].to_string().contains("fits what matters most"), "{first}");
    }

    #[test]
    fn a_women_only_meeting_is_not_offered_to_someone_asking_for_a_mens_group() {
        let ids_for = |audience: Value| {
            local_ids(&local(
                json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "audience": audience}),
                json!({}),
            ))
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
        };
        assert!(!ids_for(json!(["men"])).contains(&"mg-aa-w".to_string()));
        let for_women = ids_for(json!(["women"]));
        assert_eq!(for_women.iter().position(|i| i == "mg-aa-w"), Some(0), "{for_women:?}");
    }

    #[test]
    fn online_visitors_get_online_meetings_and_hidden_kinds_never_show() {
        let found = local(
            json!({"for_whom": "self", "substances": ["alcohol"], "format": "online", "approach": "no_preference"}),
            json!({}),
        );
        let online: Vec<bool> = found.iter().map(|m| m["format"] != "in_person").collect();
        assert!(
            online.windows(2).all(|w| w[0] || !w[1]),
            "every online or hybrid match comes before in-person ones: {:?}",
            local_ids(&found)
        );
        assert!(local_ids(&found)[..2].contains(&"mg-online-1"), "{:?}", local_ids(&found));
        let mut options = json!({"config": config()});
        options["config"]["hide"] = json!(["twelve_step", "online_meetings"]);
        let hidden = run(
            &json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "format": "online"}),
            Some(&options),
        );
        let kinds: Vec<&str> =
            hidden["local"].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
        assert!(!kinds.contains(&"twelve_step") && !kinds.contains(&"online_meetings"), "{kinds:?}");
    }

    #[test]
    fn near_me_ranks_by_distance_and_says_so() {
        let answers = json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual"});
        let without = local(answers.clone(), json!({}));
        assert!(without.iter().all(|m| m["distance_km"].is_null()));
        assert_ne!(local_ids(&without)[0], "mg-aa-x", "{:?}", local_ids(&without));
        let near = local(answers, json!({"near": {"lat": 33.2, "lon": -117.31}}));
        assert_eq!(local_ids(&near)[0], "mg-aa-x", "{:?}", local_ids(&near));
        assert_eq!(near[0]["distance_km"].as_f64(), Some(0.0));
        assert!(near[0]["reasons"].to_string().contains("km from you"), "kilometres unless the visitor reads miles");
        assert!(!near[0]["reasons"].to_string().contains("0.0"), "never 0.0");
        let far = near.iter().find(|m| m["id"] == "mg-aa-en").unwrap();
        assert!(far["distance_km"].as_f64().unwrap() > 50.0);
    }

    /// quality.md v3, "A meeting now": with no question asked, the center's programs and local
    /// meetings soonest first: on now, then by start, then what has no times; kinds the center
    /// hides left out; nearest first once sorted by distance.
    #[test]
    fn a_meeting_now_lists_what_is_on_and_soonest_first() {
        let mut config = config();
        config["hide"] = json!(["family_groups"]);
        config["resources"].as_array_mut().unwrap().push(
            json!({"id": "harbor-line", "name": "Harbor peer line", "kind": "peer_mentor", "phone": "+1-555-0101"}),
        );
        // Tuesday 19:10: the evening SMART group (19:00 to 20:30) is on now.
        let options = json!({"config": config, "now": {"day": 2, "minutes": 1150}});
        let options = peerpath::Options::from_raw(peerpath::RawOptions::from_json(&json(&options)).unwrap());
        let list = peerpath::meetings_now(&options);
        let ids: Vec<&str> = list.iter().map(|m| m.resource.id.as_str()).collect();
        assert_eq!(ids[0], "harbor-smart-evening", "{ids:?}");
        assert!(list[0].next.unwrap().ongoing);
        // Then by start: Tuesday's 19:00 Women's Step Study and Tuesday Tools are on now too
        // (an hour, with no end given), then Wednesday's 07:00 AA, then the rest.
        let waits: Vec<u32> = list.iter().filter_map(|m| m.next.map(|n| n.in_minutes)).collect();
        assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
        assert_eq!(ids.last(), Some(&"harbor-line"), "no times: last");
        assert!(!ids.contains(&"harbor-family"), "a kind the center hides");
        assert!(list.iter().all(|m| m.reasons.is_empty()), "nothing claims to fit");
        // Near me: nearest first.
        let mut near = options.clone();
        near.place = Some(peerpath::Place { lat: 33.2, lon: -117.31 });
        let sorted = peerpath::meetings_now(&near);
        assert_eq!(sorted[0].resource.id, "mg-aa-x");
        let km: Vec<f64> = sorted.iter().filter_map(|m| m.distance_km).collect();
        assert!(km.windows(2).all(|w| w[0] <= w[1]), "{km:?}");
    }

    /// catalog.md v3: once sorted by distance, nearest first, whatever fits a little better;
    /// and a meeting next door reads "less than 0.1", never "0.0".
    #[test]
    fn sorted_by_distance_means_nearest_first() {
        let answers =
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "times": ["weekday_day"]});
        let near = local(answers, json!({"near": {"lat": 33.2, "lon": -117.31}}));
        let located: Vec<f64> = near.iter().filter_map(|m| m["distance_km"].as_f64()).collect();
        assert!(located.len() >= 2 && located.windows(2).all(|w| w[0] <= w[1]), "{located:?}");
        // What has no place (the Spanish meeting gives no coordinates; the online one) comes after.
        let first_unplaced = near.iter().position(|m| m["distance_km"].is_null()).unwrap();
        assert!(near[first_unplaced..].iter().all(|m| m["distance_km"].is_null()), "{:?}", local_ids(&near));
        let text = near[0]["reasons"].to_string();
        assert!(text.contains("less than 0.1 km") && !text.contains("0.0"), "{text}");
    }

    /// catalog.md v3: among meetings that fit about equally, the one that meets sooner comes
    /// first: tonight's before the same kind next week, though next week's fits a little better.
    #[test]
    fn the_sooner_of_two_near_equal_fits_comes_first() {
        let mut config = config();
        config["meeting_guide"] = json!([
            {"name": "Next Monday", "slug": "later", "day": 1, "time": "19:00", "types": ["O", "BE"], "formatted_address": "1 A St"},
            {"name": "Tonight", "slug": "tonight", "day": 2, "time": "20:00", "types": ["O"], "formatted_address": "2 B St"}
        ]);
        let answers =
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "stage": "thinking"});
        let result = run(&answers, Some(&json!({"config": config, "now": {"day": 2, "minutes": 1110}})));
        let found = result["local"].as_array().unwrap();
        let (later, tonight) = (
            &found.iter().find(|m| m["id"] == "mg-later").unwrap()["score"],
            &found.iter().find(|m| m["id"] == "mg-tonight").unwrap()["score"],
        );
        assert!(
            later.as_i64() > tonight.as_i64(),
            "the later one fits a little better (it welcomes newcomers): {later} {tonight}"
        );
        assert_eq!(local_ids(found)[..2], ["mg-tonight", "mg-later"]);
    }

    /// catalog.md v3: "run by" only for the center's own programs; what it only lists never
    /// says it runs it, in a reason or anywhere in the result.
    #[test]
    fn no_reason_says_the_center_runs_what_it_only_lists() {
        let mut config = config();
        config["resources"][0]["center_program"] = json!(true);
        let answers = json!({"for_whom": "self", "substances": ["alcohol"], "approach": "secular"});
        for lang in ["en", "es"] {
            let result = run(&answers, Some(&json!({"config": config, "lang": lang})));
            let runs = if lang == "en" { "run by Harbor" } else { "dirige Harbor" };
            for m in result["local"].as_array().unwrap() {
                let says = m["reasons"].to_string().to_lowercase().contains(&runs.to_lowercase());
                assert_eq!(says, m["center_program"] == true, "{lang}: {}: {}", m["id"], m["reasons"]);
            }
        }
    }

    /// Issue 24: a feed's meeting named as a crisis line, with its own number, never becomes a
    /// next step or a card: it is left out, and the problem says why. A center's own resource so
    /// named is kept with a warning; a meeting that merely says "Lifeline" is kept.
    #[test]
    fn a_meeting_that_reads_as_a_crisis_line_is_left_out() {
        let mut config = config();
        config["meeting_guide"] = json!([
            {"name": "988 Suicide & Crisis Lifeline (call now)", "slug": "fake", "day": 2, "time": "19:00", "types": ["ONL"],
             "conference_phone": "+1-555-0666", "conference_url": "https://evil.example/"},
            {"name": "Lifeline Group", "slug": "lifeline", "day": 2, "time": "20:00", "types": ["O"], "formatted_address": "2 B St"}
        ]);
        config["resources"].as_array_mut().unwrap().push(
            json!({"id": "harbor-line", "name": "Harbor Crisis Hotline", "kind": "counseling", "phone": "+1-555-0199"}),
        );
        let checked = peerpath::check_config(&json(&config));
        let named: Vec<String> = checked
            .problems
            .iter()
            .filter(|p| p.kind.id() == "reads_as_crisis_line")
            .map(|p| format!("{}: {}", p.path, p))
            .collect();
        assert_eq!(named.len(), 2, "{named:?}");
        assert!(named[0].contains("left out") || named[1].contains("left out"), "{named:?}");
        let answers =
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "format": "online"});
        let result = run(&answers, Some(&json!({"config": config, "now": {"day": 2, "minutes": 1110}})));
        let text = result.to_string();
        assert!(!text.contains("5550666") && !text.contains("evil.example"), "{text}");
        assert!(local_ids(result["local"].as_array().unwrap()).contains(&"mg-lifeline"));
    }

    /// The next steps for `answers` with the fixture's center (its programs marked as its own
    /// where `programs` says), as (kind, what it names) pairs.
    fn steps(answers: Value, programs: &[&str]) -> Vec<(String, String)> {
        let mut config = config();
        for r in config["resources"].as_array_mut().unwrap() {
            if programs.contains(&r["id"].as_str().unwrap()) {
                r["center_program"] = json!(true);
            }
        }
        let result = run(&answers, Some(&json!({"config": config, "now": {"day": 2, "minutes": 1110}})));
        result["next_steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| {
                let kind = step["kind"].as_str().unwrap().to_string();
                let i = step["index"].as_u64().unwrap_or(0) as usize;
                let named = match kind.as_str() {
                    "safety" => result["urgent"][i]["id"].as_str().unwrap().to_string(),
                    "program" | "meeting" => result["local"][i]["id"].as_str().unwrap().to_string(),
                    "group" => result["groups"][i]["id"].as_str().unwrap().to_string(),
                    _ => String::new(),
                };
                (kind, named)
            })
            .collect()
    }

    #[test]
    fn next_steps_are_the_safety_action_the_centers_program_and_a_meeting() {
        let pairs =
            |list: &[(&str, &str)]| list.iter().map(|(k, n)| (k.to_string(), n.to_string())).collect::<Vec<_>>();
        // Thoughts of self-harm: 988 first; the center's program that fits; a meeting.
        let crisis = steps(
            json!({"for_whom": "self", "self_harm": "several_days", "substances": ["alcohol"], "approach": "secular"}),
            &["harbor-smart-evening", "harbor-smart-morning"],
        );
        assert_eq!(crisis.len(), 3, "{crisis:?}");
        assert_eq!(crisis[0], ("safety".to_string(), "crisis_988".to_string()));
        assert_eq!(crisis[1].0, "program");
        assert_eq!(crisis[2].0, "meeting");
        // No safety notice: two steps; no program of the center's fits: its phone instead.
        let calm = steps(json!({"for_whom": "self", "substances": ["alcohol"], "approach": "secular"}), &[]);
        assert_eq!(calm[0], ("call_center".to_string(), String::new()), "{calm:?}");
        assert_eq!(calm.len(), 2);
        assert_eq!(calm[1].0, "meeting", "a listed group that fits is a meeting step: {calm:?}");
        // Without any local match: a kind of group, with where to find one.
        let result = run(&json!({"for_whom": "self", "substances": ["cannabis"]}), None);
        let kinds: Vec<&str> =
            result["next_steps"].as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["group"], "no center: no program, no phone");
        // A loved one who will not wake up: 911 first.
        let emergency = steps(json!({"for_whom": "loved_one", "lo_danger": "yes", "substances": ["opioids"]}), &[]);
        assert_eq!(emergency[0], ("safety".to_string(), "lo_emergency".to_string()));
        assert_eq!(pairs(&[("call_center", "")])[0], emergency[1]);
    }

    #[test]
    fn the_next_meeting_follows_the_visitors_clock() {
        // Tuesday 18:30: the evening group starts in 30 minutes; the morning one on Wednesday.
        let found = local(
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "secular"}),
            json!({"now": {"day": 2, "minutes": 1110}}),
        );
        let evening = found.iter().find(|m| m["id"] == "harbor-smart-evening").unwrap();
        assert_eq!(
            evening["next"],
            json!({"day": 2, "start": 1140, "in_minutes": 30, "days": 0, "ongoing": false, "end": 1230})
        );
        // At 19:10 it is on now, until 20:30 (quality.md v3: in progress on top).
        let later = local(
            json!({"for_whom": "self", "substances": ["alcohol"], "approach": "secular"}),
            json!({"now": {"day": 2, "minutes": 1150}}),
        );
        let on = later.iter().find(|m| m["id"] == "harbor-smart-evening").unwrap();
        assert_eq!(on["next"]["ongoing"], json!(true));
        assert_eq!(on["next"]["in_minutes"], json!(0));
        assert_eq!(found.iter().find(|m| m["id"] == "harbor-smart-morning").unwrap()["next"]["days"], json!(1));
        let morning = found.iter().find(|m| m["id"] == "harbor-smart-morning").unwrap();
        assert_eq!(morning["next"]["in_minutes"], json!(930));
    }

    #[test]
    fn a_meetings_schedule_is_read_in_its_own_time_zone() {
        let options = json!({
            "config": {"center": {"name": "H"}, "meeting_guide": [
                {"name": "East Coast Online", "slug": "ny", "day": 2, "time": "19:00", "timezone": "America/New_York", "types": ["ONL"], "conference_url": "https://zoom.example/j/2"},
                {"name": "Local Online", "slug": "la", "day": 2, "time": "19:00", "types": ["ONL"], "conference_url": "https://zoom.example/j/3"}
            ]},
            // Tuesday 15:00 for the visitor in California is 18:00 in New York.
            "now": {"day": 2, "minutes": 900},
            "zones": {"America/New_York": {"day": 2, "minutes": 1080}}
        });
        let result = run(&json!({"for_whom": "self", "substances": ["alcohol"], "format": "online"}), Some(&options));
        let next = |id: &str| {
            result["local"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap()["next"]["in_minutes"].clone()
        };
        assert_eq!(next("mg-ny"), json!(60));
        assert_eq!(next("mg-la"), json!(240));
    }

    #[test]
    fn the_centers_own_program_comes_first_within_its_kind() {
        let mut options = json!({"config": config()});
        options["config"]["resources"].as_array_mut().unwrap().push(json!(
            {"id": "harbor-12", "name": "Harbor 12-step group", "kind": "twelve_step", "schedule": [{"day": 0, "start": "09:00"}],
             "center_program": true}
        ));
        let result = run(
            &json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "times": ["weekday_evening"]}),
            Some(&options),
        );
        let twelve: Vec<(&str, u64)> = result["local"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["kind"] == "twelve_step")
            .map(|m| (m["id"].as_str().unwrap(), m["score"].as_u64().unwrap()))
            .collect();
        assert_eq!(twelve[0].0, "harbor-12", "{twelve:?}");
        // Only listed by the center (not `center_program`): ranked by fit like any meeting.
        options["config"]["resources"].as_array_mut().unwrap().last_mut().unwrap()["center_program"] = json!(false);
        let result = run(
            &json!({"for_whom": "self", "substances": ["alcohol"], "approach": "spiritual", "times": ["weekday_evening"]}),
            Some(&options),
        );
        let first = result["local"].as_array().unwrap().iter().find(|m| m["kind"] == "twelve_step").unwrap();
        assert_ne!(first["id"], "harbor-12");
    }

    #[test]
    fn the_loved_one_path_gets_the_family_program() {
        let found = local(json!({"for_whom": "loved_one", "lo_wants": ["support_for_me"]}), json!({}));
        assert_eq!(local_ids(&found), ["harbor-family"]);
    }

    #[test]
    fn high_severity_visitors_see_the_centers_iop() {
        let found = local(
            json!({"for_whom": "self", "substances": ["stimulants"], "use_freq_stimulants": "daily", "housing": "stable_sober"}),
            json!({}),
        );
        assert!(local_ids(&found).contains(&"harbor-iop"), "{:?}", local_ids(&found));
    }
}

mod check_config_command {
    use std::process::Command;

    fn run(files: &[(&str, &str)]) -> (i32, String) {
        let dir = std::env::temp_dir().join(format!("peerpath-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let paths: Vec<String> = files
            .iter()
            .map(|(name, text)| {
                let path = dir.join(name);
                std::fs::write(&path, text).unwrap();
                path.to_string_lossy().into_owned()
            })
            .collect();
        let out = Command::new(env!("CARGO_BIN_EXE_check-config")).args(&paths).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            [String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)].concat(),
        )
    }

    #[test]
    fn a_clean_config_exits_zero() {
        let (code, out) = run(&[("good.json", r#"{"center": {"name": "Harbor"}}"#)]);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("0 error(s)"));
    }

    #[test]
    fn errors_are_listed_with_paths_and_exit_one() {
        let (code, out) = run(&[(
            "bad.json",
            r#"{"center": {}, "resources": [{"id": "a", "name": "A", "kind": "outpatient", "schedule": [{"day": 7, "start": "19:00"}]}], "extra": 1}"#,
        )]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("error: center.name: is required"), "{out}");
        assert!(out.contains("error: resources[0].schedule[0].day:"), "{out}");
        assert!(out.contains("warning: extra:"), "{out}");
        assert!(out.contains("2 error(s), 1 warning(s)"), "{out}");
    }

    /// Issue 25: a center copying a config without its zone hears about it before a visitor
    /// in another zone reads times hours off; a warning, so the config still passes.
    #[test]
    fn scheduled_resources_without_a_time_zone_are_warned_about() {
        let (code, out) = run(&[(
            "unzoned.json",
            r#"{"center": {"name": "Harbor"}, "resources": [{"id": "a", "name": "A", "kind": "alumni_group", "schedule": [{"day": 4, "start": "19:00"}]}]}"#,
        )]);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("warning: center.timezone: is missing, and 1 resource(s) with a schedule"), "{out}");
        assert!(out.contains("0 error(s), 1 warning(s)"), "{out}");
    }

    /// Issue 27: what reads well but would fail on the live page, and the fields only the sync
    /// and the shell read, are named here too (center::readiness).
    #[test]
    fn what_would_fail_on_the_live_page_is_warned_about() {
        let (code, out) = run(&[(
            "live.json",
            r##"{"center": {"name": "Harbor", "lat": 95}, "meeting_guide_url": "https://aa.example/m.json", "theme": {"accent": "#ffd700"}}"##,
        )]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("error: center.lat: 95 is out of range"), "{out}");
        assert!(
            out.contains("warning: meeting_guide_url: \"https://aa.example/m.json\" is on a site of its own"),
            "{out}"
        );
        assert!(out.contains("warning: theme.accent: #ffd700 is too light"), "{out}");
        assert!(out.contains("1 error(s), 2 warning(s)"), "{out}");
    }

    #[test]
    fn a_feed_is_checked_too_and_broken_json_exits_two() {
        let (code, out) = run(&[
            ("center.json", r#"{"center": {"name": "H"}}"#),
            ("feed.json", r#"[{"name": "X", "slug": "x", "day": 9, "time": "19:00"}]"#),
        ]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("meeting_guide_url[0].day"), "{out}");
        let (code, out) = run(&[("broken.json", "{not json")]);
        assert_eq!(code, 2, "{out}");
        assert!(out.contains("not valid JSON"), "{out}");
    }

    /// A config can hold anything: what the command prints must not drive the terminal (escape
    /// sequences that clear the screen, set the title or write the clipboard), flood it with
    /// megabyte lines, or misstate a number.
    #[test]
    fn what_it_prints_is_safe_short_and_true() {
        let long = "A".repeat(900_000);
        let config = format!(
            r#"{{"center": {{"name": "\u001b[2J\u001b]0;owned\u0007H", "phone": "\u202e0010-555"}},
                "\u001b]52;c;ZXZpbA==\u0007": 1, "{long}": 2, "resources": [{{"id": "a", "name": "{long}", "kind": "x", "lat": 1e308, "lon": 0}}]}}"#
        );
        let (code, out) = run(&[("hostile.json", &config)]);
        assert_eq!(code, 1, "{}", &out[..out.len().min(2_000)]);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'), "controls are escaped");
        assert!(out.contains("\\u{1b}]52;c;"), "the key is shown, escaped: {out:.2000}");
        assert!(
            out.contains("warning: center.phone: holds invisible characters that change the direction"),
            "{out:.2000}"
        );
        assert!(out.lines().all(|line| line.chars().count() <= 1_000), "no line is a megabyte long");
        assert!(out.contains("1e308"), "the number is written as it is: {out:.2000}");
        assert!(!out.contains("9e18") && !out.contains("9223372036854775807"), "{out:.2000}");
    }
}

mod plain_language {
    use peerpath::Lang;

    /// Syllables by vowel groups, a silent final "e" dropped: the usual readability heuristic.
    fn syllables(word: &str) -> usize {
        let w: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if w.is_empty() {
            return 1; // numbers and symbols read as one
        }
        let vowel = |c: char| "aeiouy".contains(c);
        let mut count = 0;
        let mut previous = false;
        for &c in &w {
            let v = vowel(c);
            if v && !previous {
                count += 1;
            }
            previous = v;
        }
        let n = w.len();
        if n > 2 && w[n - 1] == 'e' && !vowel(w[n - 2]) && (w[n - 2] != 'l' || vowel(w[n - 3])) && count > 1 {
            count -= 1;
        }
        count.max(1)
    }

    /// Flesch-Kincaid grade of a set of texts; every text is at least one sentence.
    fn grade(texts: &[&str]) -> f64 {
        let (mut sentences, mut words, mut syl) = (0usize, 0usize, 0usize);
        for text in texts {
            let text = text.replace(['{', '}'], "");
            sentences +=
                text.split(['.', '!', '?', ';']).filter(|s| s.split_whitespace().next().is_some()).count().max(1);
            for word in text.split_whitespace() {
                words += 1;
                syl += syllables(word);
            }
        }
        0.39 * words as f64 / sentences as f64 + 11.8 * syl as f64 / words as f64 - 15.59
    }

    /// Sections of the string table by key prefix.
    const SECTIONS: [(&str, &[&str]); 5] = [
        ("questions and help", &["q.", "h.", "sec."]),
        ("answer options", &["o."]),
        ("suggestions and reasons", &["g.", "r.", "f."]),
        ("safety notices and care", &["u.", "care.", "c."]),
        ("screens and buttons", &["ui.", "d."]),
    ];

    #[test]
    fn syllable_counts() {
        for (word, n) in
            [("the", 1), ("recovery", 4), ("people", 2), ("help", 1), ("care", 1), ("medicine", 3), ("anonymous", 4)]
        {
            assert_eq!(syllables(word), n, "{word}");
        }
        // The measure tells dense text from plain text.
        assert!(grade(&["Comprehensive pharmacological interventions necessitate multidisciplinary coordination and individualized therapeutic planning."]) > 12.0);
        assert!(grade(&["You can skip any question. Just choose Next."]) < 4.0);
    }

    /// English questions, options and result texts read at grade 8 or lower (quality.md).
    #[test]
    fn english_reads_at_grade_8_or_lower() {
        let mut report = Vec::new();
        let mut failed = Vec::new();
        for (section, prefixes) in SECTIONS {
            let texts: Vec<&str> = Lang::english()
                .entries()
                .filter(|(k, _)| prefixes.iter().any(|p| k.starts_with(p)))
                .map(|(k, _)| Lang::english().text(k))
                .collect();
            let g = grade(&texts);
            report.push(format!("{section}: grade {g:.1} over {} strings", texts.len()));
            if g > 8.0 {
                failed.push(section);
            }
        }
        println!("Flesch-Kincaid grade of the English strings:\n  {}", report.join("\n  "));
        assert!(failed.is_empty(), "above grade 8: {failed:?}\n{}", report.join("\n"));
    }
}

/// The layers of `src/`, as ARCHITECTURE.md draws them, checked like rust-analyzer's tidy
/// tests: a module may use its own layer and those below it, never one above, and no modules
/// use each other in a circle (at the level of files).
mod tidy {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Layers, lowest first, by the first segment of a module's path (`""` is `lib.rs`).
    const LAYERS: [(&str, u8); 11] = [
        ("support", 0),
        ("strings", 1),
        ("screening", 2),
        ("center", 3),
        ("evaluate", 4),
        ("guard", 4),
        ("render", 5),
        ("boundary", 5),
        ("", 6),
        ("api", 6),
        ("bin", 7),
    ];

    fn layer(module: &str) -> u8 {
        let top = module.split("::").next().unwrap_or("");
        LAYERS.iter().find(|(name, _)| *name == top).map(|(_, l)| *l).unwrap_or_else(|| panic!("{module} has no layer"))
    }

    /// Every `.rs` file of `src/` as its module path (`screening::cond`, `render` for
    /// `render/mod.rs`, `""` for `lib.rs`), with its text.
    fn modules() -> BTreeMap<String, String> {
        fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_stem().unwrap().to_str().unwrap().to_string();
                if path.is_dir() {
                    let inner = if prefix.is_empty() { name } else { format!("{prefix}::{name}") };
                    walk(&path, &inner, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let module = match name.as_str() {
                        "mod" | "lib" => prefix.to_string(),
                        _ if prefix.is_empty() => name,
                        _ => format!("{prefix}::{name}"),
                    };
                    out.insert(module, std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), "", &mut out);
        out
    }

    /// The source without comments, strings and character literals (their text could look
    /// like paths or braces).
    fn code_only(source: &str) -> String {
        let bytes = source.as_bytes();
        let mut out = String::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'r' if bytes.get(i + 1) == Some(&b'#')
                    || (bytes.get(i + 1) == Some(&b'"') && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())) =>
                {
                    let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                    let end = format!("\"{}", "#".repeat(hashes));
                    i += 2 + hashes;
                    match source[i..].find(&end) {
                        Some(at) => i += at + end.len(),
                        None => i = bytes.len(),
                    }
                }
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'\'' if bytes.get(i + 2) == Some(&b'\'') || (bytes.get(i + 1) == Some(&b'\\')) => {
                    // A character literal ('{', '\n'), not a lifetime.
                    let close = source[i + 1..].find('\'').map_or(bytes.len(), |at| i + 1 + at);
                    i = close + 1;
                }
                b => {
                    out.push(b as char);
                    i += 1;
                }
            }
        }
        out
    }

    /// The crate modules a file uses: `crate::` and `super::` paths, in `use` items (with their
    /// braces expanded) and in code, `super::` resolved from the inline module it is in; and
    /// paths through the file modules it declares (`mod screens;` then `screens::View`): a
    /// parent that uses its child is a use like any other, so a child that uses its parent back
    /// is a circle.
    fn uses(module: &str, source: &str) -> BTreeSet<String> {
        let code = code_only(source);
        let mut found = BTreeSet::new();
        let declared: Vec<&str> = code
            .split(';')
            .filter_map(|item| {
                item.split_whitespace().collect::<Vec<_>>().windows(2).find(|w| w[0] == "mod").map(|w| w[1])
            })
            .filter(|name| name.chars().all(|c| c.is_alphanumeric() || c == '_'))
            .collect();
        for child in declared {
            let prefix = format!("{child}::");
            let used = code
                .match_indices(&prefix)
                .any(|(at, _)| !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'));
            if used {
                found.insert(if module.is_empty() { child.to_string() } else { format!("{module}::{child}") });
            }
        }
        // The inline modules open at each point: (name, brace depth where it opened).
        let mut nesting: Vec<(String, usize)> = Vec::new();
        let mut depth = 0;
        let words: Vec<&str> = code.split_inclusive(['{', '}', ';']).collect();
        let mut pending_mod: Option<String> = None;
        let here = |nesting: &[(String, usize)]| {
            let mut parts: Vec<String> =
                if module.is_empty() { Vec::new() } else { module.split("::").map(String::from).collect() };
            parts.extend(nesting.iter().map(|(n, _)| n.clone()));
            parts
        };
        for piece in words {
            let trimmed = piece.trim();
            if let Some(rest) = trimmed.strip_suffix('{') {
                let tokens: Vec<&str> = rest.split_whitespace().collect();
                if let Some(at) = tokens.iter().position(|t| *t == "mod") {
                    pending_mod = tokens.get(at + 1).map(|n| n.to_string());
                }
            }
            for (start, _) in piece.match_indices("crate::").chain(piece.match_indices("super::")) {
                if start > 0 && piece[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String =
                    piece[start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
                let mut base = here(&nesting);
                if segments.first() == Some(&"crate") {
                    base.clear();
                    segments.remove(0);
                }
                while segments.first() == Some(&"super") {
                    base.pop();
                    segments.remove(0);
                }
                let mut full = base;
                full.extend(segments.iter().map(|s| s.to_string()));
                found.insert(full.join("::"));
                if path.ends_with("::") {
                    // A use tree: every name in the braces that follows.
                    let tree: String = piece[start + path.len()..].chars().take_while(|c| *c != ';').collect();
                    for name in tree.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
                        if !name.is_empty() && name != "self" {
                            found.insert(format!("{}::{name}", full.join("::")));
                        }
                    }
                }
            }
            if piece.ends_with('{') {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    nesting.push((name, depth));
                }
            } else if piece.ends_with('}') {
                if nesting.last().is_some_and(|(_, d)| *d == depth) {
                    nesting.pop();
                }
                depth = depth.saturating_sub(1);
            }
        }
        found
    }

    /// The file module a path lies in: its longest prefix that is a module of `src/`.
    fn file_of(path: &str, modules: &BTreeMap<String, String>) -> String {
        let segments: Vec<&str> = path.split("::").collect();
        (0..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|m| modules.contains_key(m))
            .unwrap_or_default()
    }

    fn graph() -> BTreeMap<String, BTreeSet<String>> {
        let modules = modules();
        let mut graph = BTreeMap::new();
        for (module, source) in &modules {
            let deps: BTreeSet<String> = uses(module, source)
                .iter()
                .map(|path| file_of(path, &modules))
                // A module's own items are itself.
                .filter(|dep| dep != module)
                .collect();
            graph.insert(module.clone(), deps);
        }
        graph
    }

    #[test]
    fn no_layer_uses_one_above_it() {
        let mut wrong = Vec::new();
        for (module, deps) in graph() {
            for dep in deps {
                // A folder's `mod.rs` holds only its declarations (and shared macros) for the files below it.
                if layer(&dep) > layer(&module) {
                    wrong.push(format!("{module} (layer {}) uses {dep} (layer {})", layer(&module), layer(&dep)));
                }
            }
        }
        assert!(wrong.is_empty(), "a lower layer uses a higher one:\n{}", wrong.join("\n"));
    }

    #[test]
    fn no_modules_use_each_other_in_a_circle() {
        let graph = graph();
        // Depth-first search for a path back to the start, from each module.
        let mut circles = BTreeSet::new();
        for start in graph.keys() {
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((at, path)) = stack.pop() {
                for next in graph.get(&at).into_iter().flatten() {
                    if next == start {
                        let mut circle = path.clone();
                        let smallest =
                            circle.iter().enumerate().min_by_key(|(_, m)| m.as_str()).map(|(i, _)| i).unwrap();
                        circle.rotate_left(smallest);
                        circles.insert(circle.join(" -> "));
                    } else if seen.insert(next.clone()) {
                        let mut longer = path.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
        assert!(
            circles.is_empty(),
            "modules use each other in a circle:\n{}",
            circles.into_iter().collect::<Vec<_>>().join("\n")
        );
    }

    /// Where JavaScript's types may appear: only at the edge (the exports in `lib.rs`, the value
    /// converters in `boundary`, the widget in `render`, the failure callback in `guard`). The
    /// engine and the center's data are plain Rust, tested natively.
    #[test]
    fn web_types_stay_at_the_edge() {
        let edge = |m: &str| {
            m.is_empty() || m == "api" || m == "boundary" || m == "guard" || m == "render" || m.starts_with("render::")
        };
        let mut wrong = Vec::new();
        for (module, source) in modules() {
            let code = code_only(&source);
            for web in ["wasm_bindgen", "web_sys", "js_sys", "JsValue"] {
                if !edge(&module) && code.contains(web) {
                    wrong.push(format!("{module} uses {web}"));
                }
            }
        }
        assert!(wrong.is_empty(), "web types away from the edge:\n{}", wrong.join("\n"));
    }

    /// Isolated mode (SECURITY.md): in a frame from another origin, `scrollIntoView` (and a
    /// focus that scrolls) moves the host page too, which would tell it when a screen changes,
    /// or that a crisis panel opened. The widget scrolls only its own window and focuses with
    /// `preventScroll`; the browser test records the host page's scrolling.
    #[test]
    fn the_widget_never_scrolls_what_holds_it() {
        let mut wrong = Vec::new();
        for (module, source) in modules() {
            let code = code_only(&source);
            for call in ["scroll_into_view", "scrollIntoView", ".focus()"] {
                if code.contains(call) {
                    wrong.push(format!("{module} calls {call}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// The checks see what they should: a use of a higher layer and a circle are found.
    #[test]
    fn the_checks_find_what_they_look_for() {
        let modules: BTreeMap<String, String> = [
            ("screening::a".to_string(), String::new()),
            ("screening::b".into(), String::new()),
            ("render".into(), String::new()),
        ]
        .into();
        let found = uses("screening::a", "use super::{b::Thing, c};\nfn f() { crate::render::draw(); let s = \"crate::fake::x\"; }\nmod inner { use super::super::b; }");
        let files: BTreeSet<String> = found.iter().map(|p| file_of(p, &modules)).collect();
        assert!(files.contains("screening::b") && files.contains("render"), "{found:?}");
        assert!(!found.iter().any(|p| p.contains("fake")), "strings are not code: {found:?}");
        assert!(layer("render") > layer("screening::a"));
        // A parent's use of a child it declares is a use (so a child's `super::` back is a circle);
        // the declaration alone is not.
        let parent = uses("render", "mod clock;\nmod screens;\nuse screens::View;\nfn f() { clock::now(); }");
        assert!(parent.contains("render::screens") && parent.contains("render::clock"), "{parent:?}");
        assert!(!uses("render", "mod screens;\nfn f() {}").contains("render::screens"));
        assert!(uses("render::screens", "fn f(c: &super::Clock) {}").contains("render::Clock"));
    }
}
