//! What only the full result holds (screening.md, "Result shape"): the scores and the
//! nine-domain profile, and the score values a profile's reason names. The "full" builds (the
//! scoring API, native builds and the tests) have this module; the widget's module has
//! `lean.rs` in its place (`screening/mod.rs`): its result starts with what to do and leaves the
//! numbers to a professional (quality.md), so it leaves these and their strings out.

use super::profile::{self, Level, DOMAINS};
use super::result::Reason;
use super::scores::{DependenceBand, ScaleScore, Scores, Severity};
use super::writer::Writer;
use crate::support::numtext::int;
use crate::support::prelude::*;
use crate::support::sort;
use serde::Serialize;

/// The scores and the profile, beside the rest of the result (`Evaluation`, flattened).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FullResult {
    pub scores: ScoresOut,
    /// The nine domains (screening.md).
    pub profile: ProfileOut,
}

impl FullResult {
    pub fn of(writer: &Writer, scores: &Scores) -> FullResult {
        FullResult {
            scores: scores_out(scores),
            profile: ProfileOut { domains: DOMAINS.iter().map(|d| domain(writer, d)).collect() },
        }
    }
}

/// The string keys only the full result reads (the domains' names and reasons).
pub fn string_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for domain in DOMAINS.iter() {
        keys.push(["d.", domain.id].concat());
        keys.extend(domain.rules.iter().map(|r| ["r.", r.reason].concat()));
    }
    keys
}

/// The values a reason can name: the scores (in the profile's reasons) and the center.
pub fn placeholders(scores: &Scores, center_name: &str) -> Vec<(&'static str, String)> {
    let number = |n: Option<u8>| n.map_or_else(String::new, |n| int(n.into()));
    let ruler = |n: Option<i8>| n.map_or_else(String::new, |n| int(n.into()));
    vec![
        ("auditc", number(scores.auditc.map(|s| s.score))),
        ("phq2", number(scores.phq2.map(|s| s.score))),
        ("gad2", number(scores.gad2.map(|s| s.score))),
        ("barc10", number(scores.barc10.map(|s| s.score))),
        ("dependence", int(scores.dependence.count.into())),
        ("importance", ruler(scores.readiness.importance)),
        ("confidence", ruler(scores.readiness.confidence)),
        ("center", center_name.to_string()),
    ]
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AuditC {
    pub score: u8,
    pub max: u8,
    pub positive: bool,
    pub complete: bool,
    /// 8..12, the highest-risk band.
    pub high_risk: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DependenceOut {
    pub count: u8,
    pub band: DependenceBand,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ReadinessOut {
    pub importance: Option<i8>,
    pub confidence: Option<i8>,
}

/// Screens not answered at all are `null`; BARC-10 is `null` unless all ten were answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoresOut {
    pub auditc: Option<AuditC>,
    pub phq2: Option<ScaleScore>,
    pub gad2: Option<ScaleScore>,
    pub dependence: DependenceOut,
    pub use_severity: Severity,
    pub barc10: Option<ScaleScore>,
    pub readiness: ReadinessOut,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DomainOut {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub reasons: Vec<Reason>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProfileOut {
    pub domains: Vec<DomainOut>,
}

pub fn domain(writer: &Writer, domain: &profile::Domain) -> DomainOut {
    let mut holding: Vec<&profile::DomainRule> = domain.rules.iter().filter(|r| writer.holds(&r.when)).collect();
    sort::stable_sort(&mut holding, |a, b| a.level > b.level);
    DomainOut {
        id: domain.id,
        name: writer.text("d.", domain.id, ""),
        level: holding.first().map_or(Level::Neutral, |r| r.level),
        reasons: holding.iter().map(|r| writer.reason(r.reason, &r.when)).collect(),
    }
}

pub fn scores_out(scores: &Scores) -> ScoresOut {
    ScoresOut {
        auditc: scores.auditc.map(|s| AuditC {
            score: s.score,
            max: s.max,
            positive: s.positive,
            complete: s.complete,
            high_risk: scores.auditc_high_risk,
        }),
        phq2: scores.phq2,
        gad2: scores.gad2,
        dependence: DependenceOut { count: scores.dependence.count, band: scores.dependence.band },
        use_severity: scores.use_severity,
        barc10: scores.barc10,
        readiness: ReadinessOut { importance: scores.readiness.importance, confidence: scores.readiness.confidence },
    }
}
