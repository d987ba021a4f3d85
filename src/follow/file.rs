//! The baseline's file: YAML with a comment header, `schema_version`, the curriculum it is for,
//! then the plan.

use super::SCHEMA_VERSION;
use super::baseline::{Baseline, Chosen, FollowedSettings, Sitting};
use super::store::BaselineKind;
use crate::error::Invalid;
use crate::store::{self, Broken, Problem};
use crate::yaml;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The first lines of every baseline learnpath writes.
pub(super) const HEADER: &str = "\
# learnpath baseline: the plan you follow, kept to tell you whether you are ahead or behind.
# Made by `learnpath follow`, re-made by `learnpath replan`; see it with `learnpath follow --show`.
";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    schema_version: u32,
    curriculum: String,
    made: NaiveDate,
    selection: Chosen,
    settings: FollowedSettings,
    #[serde(default)]
    sessions: Vec<Sitting>,
}

/// Reads a baseline of the curriculum `expected` (not empty, without BOM and CRLF line ends:
/// see the store).
pub(super) fn parse(text: &str, expected: &str) -> Result<Baseline, Broken> {
    store::probe::<BaselineKind>(text, expected)?;
    let file: BaselineFile = yaml::decode(text)
        .map_err(|error| (error.line, Problem::Invalid(Invalid::Parser(error.message))))?;
    let baseline = Baseline {
        made: file.made,
        selection: file.selection,
        settings: file.settings,
        sessions: file.sessions,
    };
    check(&baseline, text).map_err(|(line, invalid)| (line, Problem::Invalid(invalid)))?;
    Ok(baseline)
}

/// What serde cannot check: a role or specializations, sittings in date order, settings a plan
/// can use.
fn check(baseline: &Baseline, text: &str) -> std::result::Result<(), (Option<usize>, Invalid)> {
    let chosen = &baseline.selection;
    if chosen.role.is_some() != chosen.spec.is_empty() {
        return Err((yaml::key_line(text, "selection"), Invalid::Selection));
    }
    if let Some(pair) = baseline
        .sessions
        .windows(2)
        .find(|pair| pair[1].date < pair[0].date)
    {
        let date = pair[1].date.to_string();
        let line = text
            .lines()
            .position(|line| line.contains(&date))
            .map(|index| index + 1);
        let invalid = Invalid::OutOfOrder {
            date: pair[1].date,
            before: pair[0].date,
        };
        return Err((line, invalid));
    }
    baseline
        .settings
        .settings(baseline.made, Default::default())
        .map(|_| ())
        .map_err(|error| (yaml::key_line(text, "settings"), Invalid::Settings(error)))
}

/// The file's text for a baseline of the curriculum `curriculum`; an error, and nothing to
/// write, when a value cannot be written as YAML (a busy calendar's path that is not UTF-8).
pub(super) fn render(baseline: &Baseline, curriculum: &str) -> Result<String, Broken> {
    let file = BaselineFile {
        schema_version: SCHEMA_VERSION,
        curriculum: curriculum.to_string(),
        made: baseline.made,
        selection: baseline.selection.clone(),
        settings: baseline.settings.clone(),
        sessions: baseline.sessions.clone(),
    };
    let body = yaml::encode(&file)
        .map_err(|error| (None, Problem::Invalid(Invalid::Parser(error.message))))?;
    Ok(format!("{HEADER}{body}"))
}
