//! The built-in catalog of `shared/spec/catalog.md`: peer-support group types and aftercare
//! options, each with who it suits written as weighted fit rules.
//!
//! Editing rules:
//! - ids are a public contract (centers hide entries by id, tests name them);
//! - `eligible` is a hard gate: an entry that must never be suggested to someone (moderation for
//!   a high-severity drinker, family groups on the own-use path) says so there, not by weights;
//! - a rule with a `reason` must be something the visitor would agree describes them; rules
//!   that only push an entry down (another approach was preferred) carry no reason;
//! - weights are points on one list's scale; an entry is shown when eligible, at `SHOW_AT` points
//!   or more, and with at least one reason;
//! - names and descriptions live in the string tables as `g.<id>.name` and `g.<id>.text`,
//!   reasons as `r.<reason>`.

use super::cond::named::*;
use super::cond::Cond;
use super::items::ItemId as I;
use super::scores::Fact;

/// Which result list an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Groups,
    Aftercare,
}

#[derive(Debug)]
pub struct Rule {
    pub when: Cond,
    pub points: i16,
    /// String key `r.<reason>`; `None` for rules that only lower the score.
    pub reason: Option<&'static str>,
}

/// A plain link to an organization's own meeting finder or directory. Nothing about the answers
/// is ever added to it. Shown only when `when` holds: a link never goes to a group the visitor
/// cannot join (Alateen is for teens; AA is not the family's group).
#[derive(Debug)]
pub struct Finder {
    /// String key `f.<label>` of the link text.
    pub label: &'static str,
    pub url: &'static str,
    pub when: Cond,
}

#[derive(Debug)]
pub struct Entry {
    pub id: &'static str,
    pub list: List,
    pub eligible: Cond,
    pub rules: &'static [Rule],
    pub finders: &'static [Finder],
    /// Open to anyone on the paths where this holds, with a neutral reason (`r.<reason>`) that
    /// claims nothing about the answers: a list short of `MIN_GROUPS` or `MIN_AFTERCARE`
    /// entries is filled from these ("When answers are missing", screening.md).
    pub open_to: Option<(Cond, &'static str)>,
}

/// Points an entry needs to be suggested.
pub const SHOW_AT: i16 = 15;
/// Every result suggests at least this many groups and care options, whatever is missing.
pub const MIN_GROUPS: usize = 3;
pub const MIN_AFTERCARE: usize = 1;

const fn fit(when: Cond, points: i16, reason: &'static str) -> Rule {
    Rule { when, points, reason: Some(reason) }
}

const fn lower(when: Cond, points: i16) -> Rule {
    Rule { when, points: -points, reason: None }
}

const fn entry(
    id: &'static str,
    list: List,
    eligible: Cond,
    rules: &'static [Rule],
    finders: &'static [Finder],
) -> Entry {
    Entry { id, list, eligible, rules, finders, open_to: None }
}

/// An entry that is open to anyone for whom `when` holds, with a neutral reason.
const fn open(mut entry: Entry, when: Cond, reason: &'static str) -> Entry {
    entry.open_to = Some((when, reason));
    entry
}

const fn link(label: &'static str, url: &'static str) -> Finder {
    Finder { label, url, when: Cond::Always }
}

const AA: Finder = link("aa", "https://www.aa.org/find-aa-near-you");
const NA: Finder = link("na", "https://www.na.org/meetingsearch/");
const SMART: Finder = link("smart", "https://meetings.smartrecovery.org/");
const FIND_TREATMENT: Finder = link("findtreatment", "https://findtreatment.gov/");
const HELPLINE: Finder = link("helpline", "tel:+18006624357");
const FACES_VOICES: Finder = link("recovery_centers", "https://facesandvoicesofrecovery.org/");

const SPIRITUAL: Cond = Cond::Is(I::Approach, &["spiritual"]);
const SECULAR: Cond = Cond::Is(I::Approach, &["secular"]);
const FAITH: Cond = Cond::Is(I::Approach, &["faith"]);
const MINDFULNESS: Cond = Cond::Is(I::Approach, &["mindfulness"]);
const NO_PREFERENCE: Cond = Cond::Is(I::Approach, &["no_preference"]);
const GOAL_STOP: Cond = Cond::Is(I::Goal, &["stop"]);
const GOAL_CUT_DOWN: Cond = Cond::Is(I::Goal, &["cut_down"]);
const NOT_NOW: Cond = Cond::Is(I::GroupComfort, &["not_now"]);
const IN_RECOVERY: Cond = Cond::Is(I::Stage, &["changing", "maintaining"]);
const WORK_HOURS: Cond = Cond::Has(I::Barriers, &["work_hours"]);
const ONLINE: Cond = Cond::Is(I::Format, &["online"]);
const MOOD: Cond = Cond::Fact(Fact::MoodPositive);
const DIAGNOSIS: Cond = Cond::Is(I::MhDiagnosis, &["yes"]);
const PREFERS_ONE_ON_ONE: Cond = Cond::Is(I::GroupComfort, &["one_on_one"]);
const ALCOHOL: Cond = Cond::Has(I::Substances, &["alcohol"]);
const UNSTABLE_HOME: Cond = Cond::Is(I::Housing, &["unstable", "none"]);
const DRUGS: Cond = Cond::Has(I::Substances, &["opioids", "stimulants", "cannabis", "sedatives", "other"]);
const REMISSION: Cond = Cond::Fact(Fact::Remission);
const RECENT_OVERDOSE: Cond = Cond::Fact(Fact::RecentOverdose);
/// Fentanyl is in many pills and in stimulants: naloxone is for them too (safety.rs).
const FENTANYL_RISK: Cond =
    Cond::Any(&[Cond::Has(I::Substances, &["stimulants", "sedatives"]), Cond::Is(I::Injection, &["yes"])]);
/// Reasons to meet from home: getting there is hard, work hours, or online chosen.
const BARRIERS_TO_TRAVEL: Cond = Cond::Any(&[ACCESS_BARRIERS, WORK_HOURS, ONLINE]);
/// Current use of opioids or sedatives (moderation is never for them).
const CURRENT_OPIOIDS_SEDATIVES: Cond = Cond::All(&[Cond::Has(I::Substances, &["opioids", "sedatives"]), CURRENT_USE]);
/// All three AUDIT-C questions answered.
const AUDITC_ANSWERED: Cond =
    Cond::All(&[Cond::AtLeast(I::AuditC1, 0), Cond::AtLeast(I::AuditC2, 0), Cond::AtLeast(I::AuditC3, 0)]);
/// An overdose or emergency care after use in the past year, with opioids chosen, whatever the
/// last use (catalog.md v3; Larochelle 2018).
const OPIOID_OVERDOSE: Cond = Cond::All(&[OWN, OPIOIDS, Cond::Is(I::Overdose, &["yes"])]);
/// Opioids, released from jail or prison in the past year (Binswanger 2007; Green 2018).
const OPIOIDS_REENTRY: Cond = Cond::All(&[OWN, OPIOIDS, Cond::Is(I::Justice, &["recently_released"])]);
const VETERANS: Cond = Cond::Has(I::Audience, &["veterans"]);
/// Opioids or stimulants, with the visitor not sure about a change or their goal yet.
const NOT_SURE_YET: Cond = Cond::All(&[
    Cond::Has(I::Substances, &["opioids", "stimulants"]),
    Cond::Any(&[Cond::Is(I::Stage, &["not_sure", "thinking"]), Cond::Is(I::Goal, &["not_sure"])]),
]);

use List::{Aftercare, Groups};

pub static CATALOG: [Entry; 34] = [
    // Peer-support group types.
    open(
        entry(
            "twelve_step",
            Groups,
            OWN,
            &[
                fit(SPIRITUAL, 40, "spiritual"),
                fit(NO_PREFERENCE, 25, "twelve_step_everywhere"),
                fit(GOAL_STOP, 15, "goal_stop"),
                fit(Cond::Is(I::OneOnOne, &["yes", "maybe"]), 10, "sponsor"),
                fit(Cond::All(&[DRUGS, Cond::Any(&[SPIRITUAL, NO_PREFERENCE, GOAL_STOP])]), 5, "na_for_drugs"),
                lower(SECULAR, 35),
                lower(MINDFULNESS, 15),
                lower(FAITH, 5),
                lower(NOT_NOW, 15),
                // Its one requirement is a desire to stop: never first for a goal of cutting down.
                lower(GOAL_CUT_DOWN, 35),
            ],
            &[AA, NA],
        ),
        OWN,
        "open_twelve_step",
    ),
    open(
        entry(
            "smart_recovery",
            Groups,
            OWN,
            &[
                fit(SECULAR, 40, "secular"),
                fit(NO_PREFERENCE, 20, "smart_science"),
                fit(Cond::Is(I::Goal, &["stop", "not_sure"]), 10, "smart_goal"),
                fit(MOOD_OR_DIAGNOSIS, 15, "smart_mood"),
                fit(Cond::Is(I::Medication, &["taking"]), 10, "smart_medication"),
                fit(GOAL_CUT_DOWN, 10, "smart_cut_down"),
                lower(Cond::Is(I::Approach, &["spiritual", "faith"]), 15),
                lower(NOT_NOW, 15),
            ],
            &[SMART],
        ),
        OWN,
        "open_smart",
    ),
    entry(
        "lifering",
        Groups,
        Cond::All(&[OWN, Cond::Not(&GOAL_CUT_DOWN)]),
        &[fit(SECULAR, 30, "secular"), fit(Cond::All(&[SECULAR, GOAL_STOP]), 15, "goal_stop")],
        &[link("lifering", "https://lifering.org/meetings/")],
    ),
    entry(
        "women_for_sobriety",
        Groups,
        Cond::All(&[OWN, Cond::Not(&GOAL_CUT_DOWN), Cond::Has(I::Audience, &["women"])]),
        &[fit(Cond::Has(I::Audience, &["women"]), 45, "audience_women")],
        &[link("wfs", "https://womenforsobriety.org/")],
    ),
    entry(
        "recovery_dharma",
        Groups,
        Cond::All(&[OWN, MINDFULNESS]),
        &[fit(MINDFULNESS, 50, "mindfulness")],
        &[link("dharma", "https://recoverydharma.org/")],
    ),
    entry(
        "celebrate_recovery",
        Groups,
        Cond::All(&[OWN, FAITH]),
        &[fit(FAITH, 50, "faith")],
        &[link("celebrate", "https://www.celebraterecovery.com/")],
    ),
    entry(
        "dual_recovery",
        Groups,
        Cond::All(&[OWN, MOOD_OR_DIAGNOSIS]),
        &[fit(MOOD, 30, "mood_screen"), fit(DIAGNOSIS, 30, "mh_diagnosis")],
        &[link("dra", "https://draonline.org/")],
    ),
    // Moderation is only for lower-risk drinkers who want to cut down, whose answers show it
    // (catalog.md v2): the AUDIT-C and every other answer behind the severity band given, low
    // severity, and never with withdrawal, a return to use, past detox or residential care,
    // pregnancy, under 18, or current opioid or sedative use. For them it comes first.
    entry(
        "moderation_management",
        Groups,
        Cond::All(&[
            OWN,
            GOAL_CUT_DOWN,
            ALCOHOL,
            AUDITC_ANSWERED,
            Cond::Fact(Fact::SeverityKnown),
            LOW,
            Cond::Not(&Cond::Is(I::Withdrawal, &["uncomfortable", "severe"])),
            Cond::Not(&Cond::Is(I::Stage, &["returned"])),
            Cond::Not(&Cond::Has(I::TreatmentHistory, &["detox", "residential"])),
            Cond::Not(&Cond::Is(I::Pregnant, &["yes"])),
            Cond::Not(&UNDER_18),
            Cond::Not(&CURRENT_OPIOIDS_SEDATIVES),
        ]),
        &[fit(GOAL_CUT_DOWN, 70, "cut_down_low_risk")],
        &[link("mm", "https://moderation.org/")],
    ),
    open(
        entry(
            "family_groups",
            Groups,
            LOVED,
            &[fit(LOVED, 40, "family_support"), fit(Cond::Has(I::LoWants, &["support_for_me"]), 20, "support_for_me")],
            &[link("alanon", "https://al-anon.org/al-anon-meetings/"), link("naranon", "https://www.nar-anon.org/")],
        ),
        LOVED,
        "open_family",
    ),
    // Ways to help a loved one toward treatment; never for a family that lost someone.
    open(
        entry(
            "smart_family",
            Groups,
            Cond::All(&[LOVED, Cond::Not(&Cond::Has(I::LoWants, &["lost_someone"]))]),
            &[
                fit(Cond::Has(I::LoWants, &["learn_to_help"]), 30, "learn_to_help"),
                fit(Cond::Is(I::LoStage, &["not_ready", "thinking"]), 25, "loved_one_not_ready"),
            ],
            &[link("smart_family", "https://smartrecovery.org/family/")],
        ),
        LOVED,
        "open_smart_family",
    ),
    open(
        entry(
            "grief_support",
            Groups,
            Cond::All(&[LOVED, Cond::Has(I::LoWants, &["lost_someone"])]),
            &[fit(Cond::Has(I::LoWants, &["lost_someone"]), 70, "lost_someone")],
            &[link("grasp", "https://grasphelp.org/")],
        ),
        LOVED,
        "open_grief",
    ),
    entry(
        "youth_groups",
        Groups,
        Cond::Is(I::AgeGroup, &["under_18", "18_25"]),
        &[
            fit(Cond::All(&[OWN, UNDER_18]), 50, "youth_under_18"),
            fit(Cond::All(&[LOVED, UNDER_18]), 50, "alateen"),
            fit(Cond::Is(I::AgeGroup, &["18_25"]), 30, "young_adult"),
            fit(Cond::Has(I::Audience, &["young_adults"]), 15, "audience_young"),
        ],
        &[
            // Alateen and recovery high schools take only teens; young adults get college
            // recovery programs instead.
            Finder {
                label: "alateen",
                url: "https://al-anon.org/newcomers/teen-corner-alateen/",
                when: Cond::All(&[LOVED, UNDER_18]),
            },
            Finder {
                label: "recovery_schools",
                url: "https://recoveryschools.org/",
                when: Cond::All(&[OWN, UNDER_18]),
            },
            Finder {
                label: "collegiate",
                url: "https://collegiaterecovery.org/",
                when: Cond::Is(I::AgeGroup, &["18_25"]),
            },
        ],
    ),
    open(
        entry(
            "online_meetings",
            Groups,
            Cond::Always,
            &[
                fit(ONLINE, 35, "format_online"),
                fit(Cond::Is(I::Format, &["either"]), 10, "format_either"),
                fit(ACCESS_BARRIERS, 20, "barrier_access"),
                fit(WORK_HOURS, 10, "barrier_hours_online"),
                fit(Cond::Is(I::GroupComfort, &["nervous_willing"]), 15, "nervous_online"),
                lower(Cond::Is(I::Format, &["in_person"]), 25),
            ],
            &[
                Finder { label: "aa_online", url: "https://aa-intergroup.org/", when: OWN },
                Finder { label: "smart", url: "https://meetings.smartrecovery.org/", when: OWN },
                Finder {
                    label: "alanon_online",
                    url: "https://al-anon.org/al-anon-meetings/electronic-meetings/",
                    when: LOVED,
                },
                Finder { label: "smart_family", url: "https://smartrecovery.org/family/", when: LOVED },
            ],
        ),
        Cond::Always,
        "open_online",
    ),
    entry(
        "alumni_group",
        Groups,
        Cond::All(&[OWN, TREATED]),
        &[
            fit(TREATED, 25, "alumni_peers"),
            fit(IN_RECOVERY, 15, "stage_recovery"),
            fit(REMISSION, 15, "remission_peers"),
        ],
        &[],
    ),
    open(
        entry(
            "peer_mentor",
            Groups,
            OWN,
            &[
                fit(Cond::Is(I::OneOnOne, &["yes"]), 35, "one_on_one_yes"),
                fit(Cond::Is(I::OneOnOne, &["maybe"]), 20, "one_on_one_maybe"),
                fit(PREFERS_ONE_ON_ONE, 30, "prefers_one_on_one"),
                fit(Cond::Is(I::Stage, &["preparing", "changing"]), 10, "early_recovery"),
                fit(Cond::Is(I::Stage, &["returned"]), 20, "returned_support"),
                lower(Cond::Is(I::OneOnOne, &["no"]), 30),
            ],
            &[FACES_VOICES],
        ),
        OWN,
        "open_peer_mentor",
    ),
    entry(
        "recovery_community",
        Groups,
        OWN,
        &[
            fit(Cond::Is(I::Stage, &["maintaining"]), 25, "maintaining"),
            fit(LOW_SUPPORT, 25, "low_support"),
            fit(Cond::Is(I::Stage, &["changing"]), 10, "stage_recovery"),
            fit(REMISSION, 20, "remission_community"),
        ],
        &[FACES_VOICES],
    ),
    // Aftercare and care options.
    // Only with recent use for withdrawal, current use for daily drinking or sedatives: severe
    // withdrawal years ago, or a glass of wine most evenings, is not a reason for detox now.
    // Never in pregnancy with opioids alone, where medication is the care (ACOG 711); for
    // opioids, always with medication to continue after (catalog.md v3).
    entry(
        "medical_withdrawal",
        Aftercare,
        Cond::All(&[
            OWN,
            Cond::Any(&[WITHDRAWAL_MEDICAL, Cond::All(&[DAILY_ALCOHOL_OR_SEDATIVES, CURRENT_USE])]),
            Cond::Not(&Cond::All(&[PREGNANT_OPIOIDS, Cond::Not(&DAILY_ALCOHOL_OR_SEDATIVES)])),
        ]),
        &[
            fit(Cond::All(&[Cond::Is(I::Withdrawal, &["severe"]), RECENT_USE]), 80, "withdrawal_severe"),
            fit(
                Cond::All(&[Cond::Is(I::Withdrawal, &["uncomfortable"]), DAILY_ALCOHOL_OR_SEDATIVES, RECENT_USE]),
                70,
                "withdrawal_daily",
            ),
            fit(DAILY_ALCOHOL_OR_SEDATIVES, 30, "daily_alcohol_sedatives"),
            fit(Cond::All(&[OPIOIDS, WITHDRAWAL_MEDICAL]), 5, "withdrawal_then_medication"),
        ],
        &[FIND_TREATMENT, HELPLINE],
    ),
    entry(
        "residential",
        Aftercare,
        Cond::All(&[OWN, HIGH, Cond::Any(&[UNSAFE_HOME, REPEATED_RETURNS])]),
        &[
            fit(Cond::All(&[HIGH, UNSAFE_HOME]), 70, "high_unsafe_home"),
            fit(Cond::All(&[HIGH, REPEATED_RETURNS]), 60, "high_returns"),
        ],
        &[FIND_TREATMENT, HELPLINE],
    ),
    // In person, unless getting there is hard: then the online IOP ranks above it.
    entry(
        "intensive_outpatient",
        Aftercare,
        Cond::All(&[OWN, MODERATE_OR_HIGH]),
        &[
            fit(HIGH, 50, "severity_high"),
            fit(MODERATE, 25, "severity_moderate"),
            fit(Cond::Is(I::Housing, &["stable_sober"]), 10, "stable_home"),
            fit(Cond::Has(I::TreatmentHistory, &["detox", "residential"]), 10, "step_down"),
            lower(UNSAFE_HOME, 5),
            lower(BARRIERS_TO_TRAVEL, 10),
        ],
        &[FIND_TREATMENT, HELPLINE],
    ),
    entry(
        "virtual_iop",
        Aftercare,
        Cond::All(&[OWN, MODERATE_OR_HIGH, BARRIERS_TO_TRAVEL]),
        &[
            fit(HIGH, 50, "severity_high"),
            fit(MODERATE, 25, "severity_moderate"),
            fit(ACCESS_BARRIERS, 20, "barrier_access"),
            fit(WORK_HOURS, 15, "barrier_hours_iop"),
            fit(ONLINE, 15, "format_online"),
            fit(Cond::Has(I::TreatmentHistory, &["detox", "residential"]), 10, "step_down"),
        ],
        &[FIND_TREATMENT],
    ),
    entry(
        "outpatient",
        Aftercare,
        Cond::All(&[OWN, Cond::Any(&[ANY_SEVERITY, TREATED, RECENT_OVERDOSE])]),
        &[
            fit(MODERATE, 40, "severity_moderate"),
            fit(LOW, 20, "severity_low"),
            fit(Cond::Has(I::TreatmentHistory, &["detox", "residential", "current"]), 20, "step_down_outpatient"),
            fit(HIGH, 10, "after_iop"),
            fit(RECENT_OVERDOSE, 20, "overdose_care"),
            lower(REMISSION, 30),
        ],
        &[FIND_TREATMENT, HELPLINE],
    ),
    open(
        entry(
            "counseling",
            Aftercare,
            Cond::Always,
            &[
                fit(MOOD, 35, "mood_screen"),
                fit(PREFERS_ONE_ON_ONE, 25, "prefers_one_on_one"),
                fit(DIAGNOSIS, 15, "mh_diagnosis"),
                fit(SELF_HARM_THOUGHTS, 30, "self_harm_support"),
                fit(Cond::All(&[LOVED, Cond::Has(I::LoWants, &["lost_someone"])]), 20, "grief_counseling"),
            ],
            &[FIND_TREATMENT],
        ),
        Cond::Always,
        "open_counseling",
    ),
    entry(
        "co_occurring_care",
        Aftercare,
        Cond::All(&[OWN, MOOD_OR_DIAGNOSIS, ANY_SEVERITY]),
        &[
            fit(Cond::All(&[MOOD, ANY_SEVERITY]), 40, "co_occurring"),
            fit(Cond::All(&[DIAGNOSIS, ANY_SEVERITY]), 40, "co_occurring_diagnosis"),
        ],
        &[FIND_TREATMENT],
    ),
    // Medication is never advised against: someone taking it is told to keep taking it. It
    // comes first for opioid withdrawal and in pregnancy with opioids, and among the first
    // three after an overdose with opioids, at reentry and with lower tolerance (`PINS`).
    entry(
        "medication",
        Aftercare,
        Cond::All(&[
            OWN,
            Cond::Any(&[
                Cond::Is(I::Medication, &["taking", "interested"]),
                Cond::All(&[Cond::Any(&[OPIOIDS, ALCOHOL]), MODERATE_OR_HIGH]),
                OPIOID_OVERDOSE,
                PREGNANT_OPIOIDS,
                OPIOID_WITHDRAWAL,
                OPIOIDS_REENTRY,
                LOWER_TOLERANCE,
                // Medical withdrawal with opioids always has medication to continue after it.
                Cond::All(&[OPIOIDS, WITHDRAWAL_MEDICAL]),
            ]),
        ]),
        &[
            fit(Cond::Is(I::Medication, &["taking"]), 50, "medication_taking"),
            fit(Cond::Is(I::Medication, &["interested"]), 40, "medication_interested"),
            fit(Cond::All(&[OPIOIDS, MODERATE_OR_HIGH]), 35, "medication_opioids"),
            fit(Cond::All(&[ALCOHOL, MODERATE_OR_HIGH]), 25, "medication_alcohol"),
            fit(OPIOID_OVERDOSE, 60, "medication_overdose"),
            fit(PREGNANT_OPIOIDS, 60, "medication_pregnancy"),
            fit(OPIOID_WITHDRAWAL, 70, "medication_withdrawal"),
            fit(OPIOIDS_REENTRY, 50, "medication_reentry"),
            fit(Cond::All(&[LOWER_TOLERANCE, Cond::Not(&OPIOIDS_REENTRY)]), 45, "medication_tolerance"),
            fit(
                Cond::All(&[OPIOIDS, WITHDRAWAL_MEDICAL, Cond::Not(&OPIOID_WITHDRAWAL)]),
                30,
                "medication_after_withdrawal",
            ),
            lower(Cond::Is(I::Medication, &["no"]), 15),
        ],
        &[FIND_TREATMENT, HELPLINE],
    ),
    entry(
        "naloxone",
        Aftercare,
        Cond::Any(&[OPIOIDS, Cond::Is(I::Overdose, &["yes"]), FENTANYL_RISK]),
        &[
            fit(Cond::All(&[OWN, OPIOIDS]), 50, "naloxone_opioids"),
            fit(Cond::All(&[LOVED, OPIOIDS]), 55, "naloxone_loved_one"),
            fit(Cond::Is(I::Overdose, &["yes"]), 40, "overdose_past"),
            fit(Cond::All(&[FENTANYL_RISK, Cond::Not(&OPIOIDS)]), 30, "naloxone_fentanyl"),
        ],
        &[HELPLINE],
    ),
    // Safer use while someone is not ready to stop: never instead of crisis care (the safety
    // notices always come first), and never advising against treatment.
    entry(
        "harm_reduction",
        Aftercare,
        Cond::All(&[OWN, Cond::Any(&[Cond::Is(I::Injection, &["yes"]), NOT_SURE_YET])]),
        &[
            fit(Cond::Is(I::Injection, &["yes"]), 50, "harm_reduction_injection"),
            fit(NOT_SURE_YET, 30, "harm_reduction_not_sure"),
        ],
        &[link("harm_reduction", "https://nasen.org/map/"), HELPLINE],
    ),
    entry(
        "recovery_housing",
        Aftercare,
        Cond::All(&[OWN, UNSAFE_HOME]),
        &[
            fit(Cond::Is(I::Housing, &["stable_use_around"]), 40, "home_use_around"),
            fit(UNSTABLE_HOME, 50, "home_unstable"),
        ],
        &[link("narr", "https://narronline.org/")],
    ),
    entry(
        "alumni_program",
        Aftercare,
        Cond::All(&[OWN, TREATED]),
        &[
            fit(TREATED, 35, "treated"),
            fit(IN_RECOVERY, 10, "stage_recovery"),
            fit(REMISSION, 20, "remission_supports"),
        ],
        &[],
    ),
    entry(
        "reentry_support",
        Aftercare,
        Cond::All(&[OWN, Cond::Is(I::Justice, &["recently_released", "supervision"])]),
        &[fit(Cond::Is(I::Justice, &["recently_released", "supervision"]), 60, "justice_recent")],
        &[HELPLINE],
    ),
    entry(
        "employment_housing_help",
        Aftercare,
        Cond::All(&[OWN, Cond::Any(&[Cond::Is(I::Work, &["looking", "not_working"]), UNSTABLE_HOME])]),
        &[
            fit(Cond::Is(I::Work, &["looking", "not_working"]), 30, "work_looking"),
            fit(UNSTABLE_HOME, 30, "home_unstable_help"),
        ],
        &[link("two_one_one", "https://www.211.org/")],
    ),
    entry(
        "family_program",
        Aftercare,
        Cond::Any(&[LOVED, Cond::Is(I::FamilyInvolved, &["yes", "maybe"])]),
        &[
            fit(LOVED, 40, "family_program_loved_one"),
            fit(Cond::Is(I::FamilyInvolved, &["yes"]), 40, "family_yes"),
            fit(Cond::Is(I::FamilyInvolved, &["maybe"]), 20, "family_maybe"),
        ],
        &[],
    ),
    entry(
        "sober_activities",
        Aftercare,
        OWN,
        &[
            fit(IN_RECOVERY, 20, "stage_recovery"),
            fit(LOW_SUPPORT, 25, "low_support"),
            fit(REMISSION, 40, "remission_activities"),
        ],
        &[FACES_VOICES],
    ),
    entry(
        "recovery_checkups",
        Aftercare,
        Cond::All(&[OWN, Cond::Any(&[TREATED, REMISSION, Cond::Is(I::Stage, &["changing", "returned"])])]),
        &[
            fit(TREATED, 20, "treated_checkups"),
            fit(Cond::Is(I::Stage, &["changing"]), 20, "stage_changing_checkups"),
            fit(Cond::Is(I::Stage, &["returned"]), 30, "returned"),
            fit(REMISSION, 25, "remission_checkups"),
        ],
        &[],
    ),
    // Veterans and service members: the VA's care for substance use and mental health, Vet
    // Centers, and the Veterans Crisis Line (catalog.md v3).
    entry(
        "veterans_services",
        Aftercare,
        VETERANS,
        &[fit(Cond::All(&[OWN, VETERANS]), 55, "veterans"), fit(Cond::All(&[LOVED, VETERANS]), 45, "veterans_family")],
        &[
            link("va", "https://www.va.gov/health-care/health-needs-conditions/substance-use-problems/"),
            link("veterans_crisis_line", "https://www.veteranscrisisline.net/"),
        ],
    ),
];

/// Where a ranking rule places the entries it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// First in its list (after any other rule placed first before it).
    First,
    /// Among the first three of its list.
    TopThree,
}

/// Ranking rules that weights alone cannot promise (catalog.md and screening.md v3, "Care
/// rules"). When `when` holds, the first `count` of the entries named that are in the list
/// move to the front, in the order named; every other entry keeps its order by fit. The rules
/// apply in this order: those that place `First`, then the care option that agrees with the
/// care level (`care::LEVEL_OPTIONS`: the first care option always agrees with the level),
/// then those that place among the first three. Where more entries are owed the first three
/// than fit there, the earlier rule wins (CLINICAL.md, "Ranking rules").
#[derive(Debug)]
pub struct Pin {
    /// The rule's name, for CLINICAL.md and the vignettes.
    pub id: &'static str,
    pub when: Cond,
    pub ids: &'static [&'static str],
    /// How many of `ids` it places: the first that many of them in the list.
    pub count: usize,
    pub place: Place,
    pub source: &'static str,
}

impl Pin {
    /// The places its entries must be within.
    pub fn within(&self) -> usize {
        match self.place {
            Place::First => 1,
            Place::TopThree => 3,
        }
    }
}

pub static PINS: [Pin; 7] = [
    // Moderation comes first for the few it suits (its gate above).
    Pin {
        id: "moderation_first",
        when: GOAL_CUT_DOWN,
        ids: &["moderation_management"],
        count: 1,
        place: Place::First,
        source: cite!(
            "Moderation Management's own guidance: for drinkers without dependence who \
            want to cut down; AUDIT-C below the high-risk band (Bush et al., Arch Intern \
            Med 1998)."
        ),
    },
    // Medication first in pregnancy with opioids: above medical withdrawal and every other option.
    Pin {
        id: "pregnancy_medication_first",
        when: PREGNANT_OPIOIDS,
        ids: &["medication"],
        count: 1,
        place: Place::First,
        source: cite!(
            "ACOG Committee Opinion 711 (2017): medication for opioid use disorder is \
            recommended in pregnancy, over medically supervised withdrawal."
        ),
    },
    // Opioid withdrawal: medication treats it; withdrawal management alone is not treatment.
    Pin {
        id: "opioid_withdrawal_medication_first",
        when: OPIOID_WITHDRAWAL,
        ids: &["medication"],
        count: 1,
        place: Place::First,
        source: cite!(
            "ASAM National Practice Guideline for the Treatment of Opioid Use Disorder (2020 \
            focused update): buprenorphine or methadone treats opioid withdrawal and \
            continues as treatment; withdrawal management alone is not treatment and leaves \
            a lower tolerance."
        ),
    },
    Pin {
        id: "overdose_medication_naloxone",
        when: OPIOID_OVERDOSE,
        ids: &["medication", "naloxone"],
        count: 2,
        place: Place::TopThree,
        source: cite!(
            "Larochelle et al., Ann Intern Med 2018: methadone or buprenorphine after a \
            non-fatal opioid overdose lowered deaths; SAMHSA Overdose Prevention and \
            Response Toolkit (2023) on naloxone for people at risk."
        ),
    },
    Pin {
        id: "reentry_medication",
        when: Cond::Any(&[OPIOIDS_REENTRY, LOWER_TOLERANCE]),
        ids: &["medication"],
        count: 1,
        place: Place::TopThree,
        source: cite!(
            "Binswanger et al., N Engl J Med 2007 (overdose deaths in the first weeks after \
            release from prison); Green et al., JAMA Psychiatry 2018 (medication for opioid \
            use disorder at release cut deaths); SAMHSA Overdose Prevention and Response \
            Toolkit (2023) on lower tolerance after time without opioids."
        ),
    },
    Pin {
        id: "self_harm_counseling",
        when: SELF_HARM_THOUGHTS,
        ids: &["co_occurring_care", "counseling"],
        count: 1,
        place: Place::TopThree,
        source: cite!(
            "SAMHSA TIP 50, Addressing Suicidal Thoughts and Behaviors in Substance Abuse \
            Treatment (2009, reviewed 2015): suicidal thoughts with substance use call for \
            mental health care together with substance use care; PHQ-9 item 9 (Kroenke et \
            al. 2001)."
        ),
    },
    Pin {
        id: "remission_supports_first",
        when: REMISSION,
        ids: &["sober_activities", "alumni_program", "recovery_checkups"],
        count: 3,
        place: Place::TopThree,
        source: cite!(
            "DSM-5 sustained remission (no criteria for 12 months or longer); recovery \
            capital and continuing care in long-term recovery (White, Recovery \
            Management and Recovery-Oriented Systems of Care, 2008)."
        ),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    const GROUPS: [&str; 16] = [
        "twelve_step",
        "smart_recovery",
        "lifering",
        "women_for_sobriety",
        "recovery_dharma",
        "celebrate_recovery",
        "dual_recovery",
        "moderation_management",
        "family_groups",
        "smart_family",
        "grief_support",
        "youth_groups",
        "online_meetings",
        "alumni_group",
        "peer_mentor",
        "recovery_community",
    ];
    const AFTERCARE: [&str; 18] = [
        "medical_withdrawal",
        "residential",
        "intensive_outpatient",
        "virtual_iop",
        "outpatient",
        "counseling",
        "co_occurring_care",
        "medication",
        "naloxone",
        "harm_reduction",
        "recovery_housing",
        "alumni_program",
        "reentry_support",
        "employment_housing_help",
        "family_program",
        "sober_activities",
        "recovery_checkups",
        "veterans_services",
    ];

    #[test]
    fn catalog_has_exactly_the_contract_ids() {
        let groups: Vec<&str> = CATALOG.iter().filter(|e| e.list == List::Groups).map(|e| e.id).collect();
        let aftercare: Vec<&str> = CATALOG.iter().filter(|e| e.list == List::Aftercare).map(|e| e.id).collect();
        assert_eq!(groups, GROUPS);
        assert_eq!(aftercare, AFTERCARE);
    }

    #[test]
    fn rules_name_real_values_and_can_reach_the_threshold() {
        for entry in CATALOG.iter() {
            let conds = core::iter::once(&entry.eligible).chain(entry.rules.iter().map(|r| &r.when));
            for cond in conds {
                for (item, values) in cond.references() {
                    for value in values {
                        assert!(
                            item.options().values.contains(value),
                            "{}: {value} is not a value of {}",
                            entry.id,
                            item.as_str()
                        );
                    }
                }
            }
            let best: i16 = entry.rules.iter().map(|r| r.points.max(0)).sum();
            assert!(best >= SHOW_AT, "{} can never be shown", entry.id);
            assert!(
                entry.rules.iter().all(|r| (r.points > 0) == r.reason.is_some()),
                "{}: reasons go with positive points only",
                entry.id
            );
        }
    }

    #[test]
    fn finder_links_use_safe_schemes() {
        for finder in CATALOG.iter().flat_map(|e| e.finders) {
            assert!(finder.url.starts_with("https://") || finder.url.starts_with("tel:"), "{}", finder.url);
            assert!(!finder.url.contains('{'), "links never carry answers: {}", finder.url);
        }
    }
}
