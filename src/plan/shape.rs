//! The plan as data: what `plan --format json` prints (`schema_version` 1, documented in
//! docs/json.md). Adding a field is compatible; changing or removing one bumps [`SCHEMA_VERSION`].
#![warn(missing_docs)]

use super::schedule::Part;
use super::settings::Settings;
use crate::availability::Blocked;
use crate::curriculum::{DocId, DocRef};
use crate::time::Clock;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

/// The version of the JSON shape of [`Plan`]; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A dated study plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The curriculum's name.
    pub curriculum: String,
    /// The role, or the specializations, in words.
    pub selection: String,
    /// The role's name, when chosen by role.
    pub role: Option<String>,
    /// Section ids of the chosen specializations, in study order.
    pub specializations: Vec<String>,
    /// The documents or folders planned toward (`--target`), as named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    /// The learner's time, as the plan used it.
    pub settings: Settings,
    /// Documents the selection needs that are already done, left out of the sessions.
    pub done: Vec<DoneDoc>,
    /// The sittings, in order.
    pub sessions: Vec<Session>,
    /// Totals, dates and milestones.
    pub summary: Summary,
    /// Study days the plan passed over: skipped dates and days too busy (left out when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked: Vec<BlockedDay>,
    /// Study days before the finish left without a sitting for another reason: the week's
    /// time used up, or no ready work that fits (left out when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub idle: Vec<IdleDay>,
    /// Things the learner should know about their settings, as data; `render::notes` puts
    /// them in words, and `render::json::plan` writes them so.
    pub notes: Vec<super::Note>,
    /// Likely finish dates from the learner's pace (see [`super::forecast`]); `null` when
    /// nothing is left or none was made.
    pub forecast: Option<super::forecast::Forecast>,
}

impl Plan {
    /// The most minutes the sessions take in one ISO week.
    pub fn busiest_week_minutes(&self) -> u32 {
        let mut busiest = 0;
        let mut week: Option<(&str, u32)> = None;
        for session in &self.sessions {
            let minutes = match week {
                Some((name, minutes)) if name == session.iso_week => minutes + session.minutes,
                _ => session.minutes,
            };
            week = Some((&session.iso_week, minutes));
            busiest = busiest.max(minutes);
        }
        busiest
    }

    /// The first session that ends after the year 9999, which calendars and spreadsheets cannot
    /// hold: in UTC (`utc`, as iCalendar writes times) or in local time.
    pub fn past_year_9999(&self, clock: &Clock, utc: bool) -> Option<NaiveDate> {
        use chrono::Datelike;
        self.sessions.iter().rev().find_map(|session| {
            let (_, end) = session.span(clock);
            let year = if utc {
                end.naive_utc().year()
            } else {
                end.year()
            };
            (year > 9999).then_some(session.date)
        })
    }
}

impl Session {
    /// When the sitting happens on `clock`: its start (later by its delay) and its end.
    pub fn span(&self, clock: &Clock) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
        clock.span(self.date, self.delay_minutes, self.minutes)
    }
}

/// A document the selection needs that is already done.
#[derive(Debug, Clone, Serialize)]
pub struct DoneDoc {
    /// Path, title and estimated time.
    #[serde(flatten)]
    pub doc: DocRef,
    /// Where its full text is, when the curriculum has a source URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// One sitting on one day.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    /// From 1.
    pub number: usize,
    /// The day of the sitting.
    pub date: NaiveDate,
    /// Minutes after the usual start time (`--at`) the sitting begins, when busy time comes
    /// first; 0 (and left out) otherwise.
    #[serde(skip_serializing_if = "is_zero")]
    pub delay_minutes: u32,
    /// "Mon" to "Sun".
    pub weekday: String,
    /// ISO 8601 week, e.g. "2027-W01".
    pub iso_week: String,
    /// What to study, in order.
    pub items: Vec<Item>,
    /// Minutes of this sitting.
    pub minutes: u32,
    /// Minutes of this sitting and all before it.
    pub cumulative_minutes: u32,
    /// The same in hours, to two decimals.
    pub cumulative_hours: f64,
}

/// A document, or one part of a split document, in a sitting.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The document (not in the JSON).
    #[serde(skip)]
    pub doc: DocId,
    /// Relative to the curriculum root.
    pub path: String,
    /// The document's title.
    pub title: String,
    /// Minutes of this item (of this part, for a split document; of what is left, for a
    /// partly done one).
    pub minutes: u32,
    /// Minutes of the document already done (partial progress); 0 (and left out) otherwise.
    #[serde(skip_serializing_if = "is_zero")]
    pub done_minutes: u32,
    /// Which part, for a document longer than a sitting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// Whether `part` counts the parts of what is left of a partly done document, not those of
    /// the whole document (left out when false).
    #[serde(skip_serializing_if = "is_false")]
    pub part_of_rest: bool,
    /// Where its full text is, when the curriculum has a source URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Whether the time is estimated from the page's words (it gives none); left out when not.
    #[serde(skip_serializing_if = "is_false")]
    pub estimated: bool,
    /// `review` for a review of a document studied before; left out for new material.
    #[serde(skip_serializing_if = "ItemKind::is_study")]
    pub kind: ItemKind,
    /// A review's due date: when its estimated recall falls to the target retention, or a
    /// study day a few days from then with fewer reviews.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// A review's estimated recall on the day of its sitting, to three decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recall: Option<f64>,
}

impl Item {
    /// Whether the item is a review.
    pub fn is_review(&self) -> bool {
        self.kind == ItemKind::Review
    }
}

/// What an item of a sitting is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// New material: a document, or a part of one.
    #[default]
    Study,
    /// A review of a document studied before.
    Review,
}

impl ItemKind {
    fn is_study(&self) -> bool {
        *self == ItemKind::Study
    }
}

/// A study day the plan passed over.
#[derive(Debug, Clone, Serialize)]
pub struct BlockedDay {
    /// The day.
    pub date: NaiveDate,
    /// `skip` (a `--skip` date) or `busy` (busy all day, or too little free time left).
    pub by: Blocked,
    /// Why: `skip`, `all_day` (an all-day event) or `too_short` (timed events leave less than
    /// 15 minutes of the study window).
    pub reason: BlockReason,
    /// With `too_short`: the free minutes left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_minutes: Option<u32>,
    /// The calendars busy that day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Why a study day was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockReason {
    /// A `--skip` date.
    Skip,
    /// An all-day event in a busy calendar.
    AllDay,
    /// Timed busy events leave too little of the study window.
    TooShort,
}

/// A study day before the finish with time the availability left, and no sitting.
#[derive(Debug, Clone, Serialize)]
pub struct IdleDay {
    /// The day.
    pub date: NaiveDate,
    /// The minutes it offered (within what its week had left).
    pub minutes: u32,
    /// `week_full` (the week's time was used on earlier days) or `nothing_fits` (no ready
    /// work fits: a whole document, or a part of at least 15 minutes that leaves at least 15;
    /// with `--whole`, the next document).
    pub reason: IdleReason,
}

/// Why a study day had no sitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdleReason {
    /// The week's time was used up.
    WeekFull,
    /// No ready work fits in the day's minutes.
    NothingFits,
}

fn is_zero(minutes: &u32) -> bool {
    *minutes == 0
}

fn is_false(flag: &bool) -> bool {
    !*flag
}

/// Totals, dates and milestones of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Documents to study.
    pub documents: usize,
    /// Minutes of all sittings.
    pub total_minutes: u32,
    /// The same in hours, to two decimals.
    pub total_hours: f64,
    /// Number of sittings.
    pub sessions: usize,
    /// Calendar weeks from the first session's to the last session's, inclusive.
    pub weeks: usize,
    /// The first sitting's date.
    pub first_date: Option<NaiveDate>,
    /// The last sitting's date.
    pub finish_date: Option<NaiveDate>,
    /// Minutes of each chosen specialization's own documents.
    pub specializations: Vec<SpecializationMinutes>,
    /// Minutes of everything else: prerequisites and the role's other sections (reviews not
    /// counted).
    pub prerequisite_minutes: u32,
    /// The milestones: sections' prerequisite labels and when the plan reaches them.
    pub labels: Vec<LabelMet>,
    /// Reviews in the sittings (left out when none).
    #[serde(skip_serializing_if = "is_zero_count")]
    pub reviews: usize,
    /// Minutes of those reviews, part of `total_minutes` (left out when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub review_minutes: u32,
}

fn is_zero_count(count: &usize) -> bool {
    *count == 0
}

/// Minutes of one chosen specialization's own documents.
#[derive(Debug, Clone, Serialize)]
pub struct SpecializationMinutes {
    /// The section id, e.g. "3.1".
    pub id: String,
    /// The section title.
    pub title: String,
    /// Minutes of its documents in the plan.
    pub minutes: u32,
}

/// A section's prerequisite label (such as "RDMA complete") and when the plan reaches it.
#[derive(Debug, Clone, Serialize)]
pub struct LabelMet {
    /// The label.
    pub label: String,
    /// The section it belongs to, "3.1 Storage & RDMA Applications" style.
    pub section: String,
    /// False when something it stands for is neither done nor in the plan.
    pub reached: bool,
    /// The session that completes it; `None` when it is met before the plan starts (or is
    /// not reached).
    pub session: Option<usize>,
    /// That session's date.
    pub date: Option<NaiveDate>,
}
