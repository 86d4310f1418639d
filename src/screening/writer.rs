//! Writes reasons in one language, with the visitor's scores filled in, and says which
//! answered items make a condition hold (a result's `because` lists).

use super::cond::{Cond, Ctx};
use super::full_result::placeholders;
use super::items::ItemId;
use super::result::Reason;
use crate::strings::{fill, Lang};
use crate::support::prelude::*;

/// Writes reasons in one language, with the visitor's scores filled in.
pub struct Writer<'a> {
    pub ctx: Ctx<'a>,
    pub lang: Lang,
    values: Vec<(&'static str, String)>,
}

impl<'a> Writer<'a> {
    /// A writer for these answers and scores (`None` while the questionnaire is on screen),
    /// with the center's name for `{center}`.
    pub fn new(ctx: Ctx<'a>, lang: Lang, center_name: &str) -> Writer<'a> {
        Writer { ctx, lang, values: ctx.scores.map(|scores| placeholders(scores, center_name)).unwrap_or_default() }
    }

    pub fn holds(&self, cond: &Cond) -> bool {
        cond.holds(self.ctx)
    }

    /// The answered items that make a holding condition hold, for a result's `because` lists.
    /// Only the scoring API reports them: the widget shows the reasons' sentences, so its
    /// module (built without `api`) neither works them out nor carries the code.
    pub fn because(&self, cond: &Cond) -> Vec<&'static str> {
        if !cfg!(feature = "full") {
            return Vec::new();
        }
        let mut because = Vec::new();
        cond.because(self.ctx, &mut because);
        because.into_iter().map(ItemId::as_str).collect()
    }

    /// Those of `items` the visitor answered, as a `because` list (the scoring API only, as
    /// `because`).
    pub fn answered(&self, items: &[ItemId]) -> Vec<&'static str> {
        if !cfg!(feature = "full") {
            return Vec::new();
        }
        items.iter().filter(|i| self.ctx.answers.is_answered(**i)).map(|i| i.as_str()).collect()
    }

    /// The reason `r.<key>` for a condition that holds, naming the answers behind it.
    pub fn reason(&self, key: &str, cond: &Cond) -> Reason {
        let template = self.lang.text(&["r.", key].concat());
        let values: Vec<(&str, &str)> = self.values.iter().map(|(name, value)| (*name, value.as_str())).collect();
        Reason { text: fill(template, &values), because: self.because(cond) }
    }

    pub fn text(&self, prefix: &str, id: &str, suffix: &str) -> &'static str {
        self.lang.text(&[prefix, id, suffix].concat())
    }
}
