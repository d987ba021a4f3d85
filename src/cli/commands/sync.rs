//! `sync`: the plan's sittings into a CalDAV calendar collection, with the login from the
//! environment or ~/.netrc.

use super::super::Failure;
use super::super::args::{Format, PlanOptions};
use super::super::settings::{CaldavRequest, Context};
use super::plan::planned;
use learnpath::Error;
use learnpath::caldav::{self, Client, Report, credentials};
use learnpath::calendar::{self, Reminder};
use learnpath::error::exit;
use learnpath::progress::curriculum_id;
use learnpath::render::json;
use serde::Serialize;
use std::io::Write;

/// Where and how `sync` writes, as the flags say; the profile fills in the rest.
pub(in super::super) struct Sync {
    pub caldav: Option<String>,
    pub user: Option<String>,
    pub remind: Vec<Reminder>,
}

/// What `sync --format json` prints (`schema_version` 1).
#[derive(Serialize)]
struct Synced<'a> {
    schema_version: u32,
    calendar: &'a str,
    #[serde(flatten)]
    report: Report,
}

/// `sync`: the plan the options ask for, put into the calendar collection.
pub(super) fn sync(
    options: &PlanOptions,
    sync: Sync,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let caldav = CaldavRequest::resolve(
        sync.caldav.as_deref(),
        sync.user,
        context,
        &opened.curriculum,
    )?;
    let Some((plan, request)) = planned(options, context, &opened)? else {
        return Ok(exit::NO);
    };
    let clock = request.clock(context);
    if let Some(date) = plan.past_year_9999(clock, true) {
        return Err(Error::SessionPastYear9999 { date, utc: true }.into());
    }
    let key = curriculum_id(&opened.curriculum, &context.source);
    let events = calendar::events(&plan, clock, &key, &request.reminders(&sync.remind));
    let CaldavRequest {
        url,
        user,
        password,
    } = caldav;
    let netrc = match super::super::settings::netrc_path() {
        Some(path) if password.is_none() => credentials::read_netrc(&path)?,
        _ => None,
    };
    let login = credentials::choose(url.host(), user.as_deref(), password, netrc.as_deref())?;
    let client = Client::new(url, login.as_ref());
    let report = caldav::sync(&client, &events, &key, context.now)?;
    match format {
        Format::Table => writeln!(out, "{}", summary(&report))?,
        Format::Json => json::write(
            &Synced {
                schema_version: 1,
                calendar: client.collection().as_str(),
                report,
            },
            out,
        )?,
    }
    Ok(exit::OK)
}

/// "3 created, 2 updated, 1 deleted, 10 unchanged", and the past kept when there is some.
fn summary(report: &Report) -> String {
    let mut line = format!(
        "{} created, {} updated, {} deleted, {} unchanged",
        report.created, report.updated, report.deleted, report.unchanged
    );
    if report.kept_past > 0 {
        line.push_str(&format!(
            " ({} past no longer planned, kept)",
            report.kept_past
        ));
    }
    line
}
