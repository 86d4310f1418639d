//! `make bench`: `evaluate` per full questionnaire, natively. A plain harness (no criterion):
//! median and spread of repeated batches.

use std::hint::black_box;
use std::time::Instant;

use peerpath::{evaluate, Answers, Options, RawAnswers, RawValue};

fn visitor(entries: &[(&str, RawValue)]) -> Answers {
    let raw = RawAnswers::Entries(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect());
    Answers::from_raw(&raw).expect("bench answers are valid")
}

fn t(s: &str) -> RawValue {
    RawValue::String(s.to_string())
}
fn n(v: i8) -> RawValue {
    RawValue::Number(f64::from(v))
}
fn list(v: &[&str]) -> RawValue {
    RawValue::Array(v.iter().map(|s| t(s)).collect())
}

fn main() {
    let own_use = visitor(&[
        ("for_whom", t("self")),
        ("age_group", t("26_64")),
        ("self_harm", t("not_at_all")),
        ("harm_others", t("no")),
        ("substances", list(&["alcohol", "opioids"])),
        ("auditc_1", n(4)),
        ("auditc_2", n(3)),
        ("auditc_3", n(2)),
        ("sex", t("male")),
        ("use_freq_opioids", t("weekly")),
        ("last_use", t("past_week")),
        ("dep_control", t("yes")),
        ("dep_craving", t("yes")),
        ("dep_consequences", t("no")),
        ("dep_quit_failed", t("yes")),
        ("withdrawal", t("uncomfortable")),
        ("overdose", t("no")),
        ("phq2_1", n(2)),
        ("phq2_2", n(1)),
        ("gad2_1", n(1)),
        ("gad2_2", n(2)),
        ("mh_diagnosis", t("unsure")),
        ("physical_health", t("fair")),
        ("treatment_history", list(&["detox"])),
        ("medication", t("interested")),
        ("importance", n(8)),
        ("confidence", n(5)),
        ("stage", t("preparing")),
        ("goal", t("stop")),
        ("housing", t("stable_use_around")),
        ("support", t("one_or_two")),
        ("family_involved", t("maybe")),
        ("justice", t("none")),
        ("work", t("looking")),
        ("group_comfort", t("nervous_willing")),
        ("one_on_one", t("maybe")),
        ("barriers", list(&["transport"])),
        ("approach", t("no_preference")),
        ("format", t("either")),
        ("times", list(&["weekday_evening"])),
        ("language", t("en")),
        ("audience", list(&["none"])),
    ]);
    let loved_one = visitor(&[
        ("for_whom", t("loved_one")),
        ("lo_relationship", t("parent")),
        ("lo_danger", t("no")),
        ("substances", list(&["opioids"])),
        ("lo_stage", t("not_ready")),
        ("lo_wants", list(&["learn_to_help", "support_for_me"])),
        ("phq2_1", n(1)),
        ("phq2_2", n(1)),
    ]);
    let options = Options::default();
    println!(
        "evaluate, native ({} {}, {} cores)",
        std::env::consts::ARCH,
        std::env::consts::OS,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (name, answers) in [("own use, every item", &own_use), ("loved one", &loved_one)] {
        for _ in 0..200 {
            black_box(evaluate(black_box(answers), &options));
        }
        let mut per_call: Vec<f64> = (0..30)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..100 {
                    black_box(evaluate(black_box(answers), &options));
                }
                start.elapsed().as_secs_f64() * 1e6 / 100.0
            })
            .collect();
        per_call.sort_by(f64::total_cmp);
        println!(
            "  {name}: median {:.1} µs per evaluate (min {:.1}, max {:.1}; 30 batches of 100)",
            per_call[per_call.len() / 2],
            per_call[0],
            per_call[per_call.len() - 1]
        );
    }
}
