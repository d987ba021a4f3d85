//! The baseline's file: YAML with a comment header, `schema_version`, the curriculum it is for,
//! then the plan.

use super::SCHEMA_VERSION;
use super::baseline::{Baseline, Chosen, FollowedSettings, Sitting};
use crate::error::{BaselineProblem, Error, Result};
use crate::yaml;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

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

/// Only the version and the curriculum, read first so that another schema or another
/// curriculum's file is named as such.
#[derive(Debug, Deserialize)]
struct Probe {
    schema_version: Option<u32>,
    curriculum: Option<String>,
}

/// Reads a baseline of the curriculum `expected`.
pub(super) fn parse(text: &str, path: &Path, expected: &str) -> Result<Baseline> {
    let fail = |line: Option<usize>, problem: BaselineProblem| Error::Baseline {
        path: path.to_path_buf(),
        line,
        problem,
    };
    if text.trim().is_empty() {
        return Err(fail(None, BaselineProblem::Empty));
    }
    let probe: Probe = yaml::decode(text)
        .map_err(|error| fail(error.line, BaselineProblem::Yaml(error.message)))?;
    match probe.schema_version {
        Some(SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(fail(
                yaml::key_line(text, "schema_version"),
                BaselineProblem::OtherVersion(other),
            ));
        }
        None => return Err(fail(None, BaselineProblem::NoVersion)),
    }
    if let Some(found) = probe.curriculum.filter(|found| found != expected) {
        return Err(fail(
            yaml::key_line(text, "curriculum"),
            BaselineProblem::Foreign {
                found,
                expected: expected.to_string(),
            },
        ));
    }
    let file: BaselineFile = yaml::decode(text)
        .map_err(|error| fail(error.line, BaselineProblem::Invalid(error.message)))?;
    let baseline = Baseline {
        made: file.made,
        selection: file.selection,
        settings: file.settings,
        sessions: file.sessions,
    };
    check(&baseline, text)
        .map_err(|(line, message)| fail(line, BaselineProblem::Invalid(message)))?;
    Ok(baseline)
}

/// What serde cannot check: a role or specializations, sittings in date order, settings a plan
/// can use.
fn check(baseline: &Baseline, text: &str) -> std::result::Result<(), (Option<usize>, String)> {
    let chosen = &baseline.selection;
    if chosen.role.is_some() != chosen.spec.is_empty() {
        return Err((
            yaml::key_line(text, "selection"),
            "selection: give a role or specializations".to_string(),
        ));
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
        return Err((
            line,
            format!(
                "sessions: {date} comes after {}; sittings are in date order",
                pair[0].date
            ),
        ));
    }
    baseline
        .settings
        .settings(baseline.made, Default::default())
        .map(|_| ())
        .map_err(|message| {
            (
                yaml::key_line(text, "settings"),
                format!("settings: {message}"),
            )
        })
}

/// The file's text for a baseline of the curriculum `curriculum`.
pub(super) fn render(baseline: &Baseline, curriculum: &str) -> String {
    let file = BaselineFile {
        schema_version: SCHEMA_VERSION,
        curriculum: curriculum.to_string(),
        made: baseline.made,
        selection: baseline.selection.clone(),
        settings: baseline.settings.clone(),
        sessions: baseline.sessions.clone(),
    };
    let body = yaml::encode(&file).unwrap_or_else(|error| {
        // Strings, numbers and dates always encode; this keeps the function total.
        format!(
            "# learnpath could not encode the baseline: {}\n",
            error.message
        )
    });
    format!("{HEADER}{body}")
}
