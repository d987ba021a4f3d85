//! What each command does: library calls and a renderer.

use super::args::*;
use super::{Context, Failure, man, say, tell};
use learnpath::curriculum::duration::format_minutes;
use learnpath::diagram;
use learnpath::error::exit;
use learnpath::plan::ready::{self, Target};
use learnpath::plan::status;
use learnpath::plan::{ByDate, Plan, Planner, Selection, Settings, Studied};
use learnpath::progress::{Marked, Progress, ProgressStore, Updated};
use learnpath::render::clock::Clock;
use learnpath::render::zone::{self, Zone};
use learnpath::render::{
    csv, dot, ics, json, markdown, mermaid, plan as plan_render, ready as ready_render, svg, table,
    wrap,
};
use learnpath::words::count;
use learnpath::{Curriculum, DocId, Error, Opened, PrereqGraph, atomic_file, listing, validate};
use std::io::{self, Write};
use std::path::PathBuf;

impl Command {
    pub(super) fn execute(self, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
        match self {
            Command::Plan { options, format } => {
                let Some(plan) = build_plan(&options, context, format == PlanFormat::Table, out)?
                else {
                    return Ok(exit::NO);
                };
                match format {
                    PlanFormat::Table => plan_render::render(&plan, context.style, out)?,
                    PlanFormat::Json => json::write(&plan, out)?,
                    PlanFormat::Markdown => markdown::render(&plan, out)?,
                }
                Ok(exit::OK)
            }
            Command::Export {
                options,
                format,
                output,
                at,
                tz,
            } => {
                let Some(plan) = build_plan(&options, context, false, out)? else {
                    return Ok(exit::NO);
                };
                let zone = match tz {
                    Some(tz) => Zone::Iana(tz),
                    None => {
                        let (zone, warning) = zone::system_zone();
                        if let Some(warning) = warning {
                            say(format!("warning: {warning}"));
                        }
                        zone
                    }
                };
                let clock = Clock { at, zone };
                let utc = match format {
                    ExportFormat::Ics => Some(true),
                    ExportFormat::Csv => Some(false),
                    ExportFormat::Json | ExportFormat::Markdown => None,
                };
                if let Some(utc) = utc
                    && let Some(date) = clock.past_year_9999(&plan, utc)
                {
                    return Err(Error::SessionPastYear9999 { date, utc }.into());
                }
                let mut bytes = Vec::new();
                match format {
                    ExportFormat::Ics => ics::render(&plan, &clock, context.today, &mut bytes)?,
                    ExportFormat::Csv => csv::render(&plan, &clock, &mut bytes)?,
                    ExportFormat::Json => json::write(&plan, &mut bytes)?,
                    ExportFormat::Markdown => markdown::render(&plan, &mut bytes)?,
                }
                write_output(output, &bytes, out, &count(plan.sessions.len(), "session"))?;
                Ok(exit::OK)
            }
            Command::Done { docs, on } => {
                context.require_progress("done")?;
                let Opened {
                    curriculum, graph, ..
                } = learnpath::open(&context.source)?;
                let ids = curriculum.find_docs(&docs)?;
                let date = on.unwrap_or(context.today);
                if date > context.today {
                    say(format!(
                        "warning: --on {date} is in the future (today is {})",
                        context.today
                    ));
                }
                let store = context.store(&curriculum)?;
                let Updated {
                    progress,
                    result: outcomes,
                    kept_copy,
                } = store.update(|progress| {
                    progress.canonicalize(&curriculum);
                    Ok(ids
                        .iter()
                        .map(|&id| progress.mark_on(&curriculum.doc(id).path, date, on.is_some()))
                        .collect::<Vec<_>>())
                })?;
                note_kept_copy(kept_copy);
                warn_unmet_prerequisites(&curriculum, &graph, &progress, &ids);
                for (&id, outcome) in ids.iter().zip(outcomes) {
                    let path = &curriculum.doc(id).path;
                    match outcome {
                        Marked::Done => writeln!(out, "done: {path} ({date})")?,
                        Marked::AlreadyDone { since } => {
                            writeln!(out, "already done: {path} (since {since})")?
                        }
                        Marked::DateChanged { was } => {
                            writeln!(out, "date changed: {path} (was {was}, now {date})")?
                        }
                    }
                }
                progress_footer(out, &progress, &store)?;
                Ok(exit::OK)
            }
            Command::Undo { docs } => {
                context.require_progress("undo")?;
                let Opened { curriculum, .. } = learnpath::open(&context.source)?;
                let store = context.store(&curriculum)?;
                // A recorded path the curriculum no longer has can still be taken back.
                let mut recorded = store.load()?;
                recorded.canonicalize(&curriculum);
                let paths = docs
                    .iter()
                    .map(|name| match curriculum.find_doc(name) {
                        Ok(id) => Ok(curriculum.doc(id).path.clone()),
                        Err(_) if recorded.is_done(name) => Ok(name.clone()),
                        Err(error) => Err(error),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let Updated {
                    progress,
                    result: unmarked,
                    kept_copy,
                } = store.update(|progress| {
                    progress.canonicalize(&curriculum);
                    Ok(paths
                        .iter()
                        .map(|path| progress.unmark(path))
                        .collect::<Vec<_>>())
                })?;
                note_kept_copy(kept_copy);
                for (path, was_done) in paths.iter().zip(unmarked) {
                    if was_done {
                        writeln!(out, "undone: {path}")?;
                    } else {
                        writeln!(out, "not marked done: {path}")?;
                    }
                }
                progress_footer(out, &progress, &store)?;
                Ok(exit::OK)
            }
            Command::Status { choice, format } => {
                let Opened {
                    curriculum, graph, ..
                } = learnpath::open(&context.source)?;
                let selection = choice.resolve_optional(&curriculum)?;
                let (progress, file) = context.progress(&curriculum)?;
                let done = progress.done_flags(&curriculum);
                let mut report = status::status(&curriculum, &graph, selection.as_ref(), &done);
                report.progress_file = file.map(|path| path.display().to_string());
                emit(
                    format.format,
                    &report,
                    ready_render::status,
                    context.style,
                    out,
                )?;
                Ok(exit::OK)
            }
            Command::Check {
                targets,
                done,
                format,
            } => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                let targets = targets
                    .iter()
                    .map(|name| Target::find(curriculum, name))
                    .collect::<Result<Vec<_>, _>>()?;
                let done = context.done(curriculum, &done)?;
                let report = ready::check(curriculum, &opened.graph, &targets, &done);
                emit(
                    format.format,
                    &report,
                    ready_render::check,
                    context.style,
                    out,
                )?;
                Ok(if report.ready { exit::OK } else { exit::NO })
            }
            Command::Next {
                choice,
                done,
                format,
            } => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                let selection = choice.resolve_optional(curriculum)?;
                let done = context.done(curriculum, &done)?;
                let ids = ready::next(curriculum, &opened.graph, selection.as_ref(), &done);
                emit(
                    format.format,
                    &listing::doc_rows(curriculum, &ids)[..],
                    ready_render::next,
                    context.style,
                    out,
                )?;
                Ok(exit::OK)
            }
            Command::Why {
                doc,
                choice,
                done,
                format,
            } => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                let selection = choice.resolve(curriculum)?;
                let doc = curriculum.find_doc(&doc)?;
                let done = context.done(curriculum, &done)?;
                let answer = ready::why(curriculum, &opened.graph, &selection, doc, &done);
                emit(
                    format.format,
                    &answer,
                    ready_render::why,
                    context.style,
                    out,
                )?;
                Ok(if answer.reason.is_some() {
                    exit::OK
                } else {
                    exit::NO
                })
            }
            Command::Graph {
                docs,
                choice,
                done,
                format,
                output,
            } => {
                let Opened {
                    curriculum, graph, ..
                } = learnpath::open(&context.source)?;
                let done = context.done(&curriculum, &done)?;
                let (roots, targets, title) = if docs.is_empty() {
                    match choice.resolve_optional(&curriculum)? {
                        Some(selection) => (
                            selection.targets(&curriculum),
                            selection.specialization_docs(&curriculum),
                            selection.describe(&curriculum),
                        ),
                        None => (Vec::new(), Vec::new(), curriculum.name.clone()),
                    }
                } else {
                    let ids = curriculum.find_docs(&docs)?;
                    (ids.clone(), ids, docs.join(", "))
                };
                let scope = diagram::Scope {
                    roots: &roots,
                    targets: &targets,
                };
                let picture = diagram::diagram(&curriculum, &graph, scope, &done, title);
                let mut bytes = Vec::new();
                match format {
                    GraphFormat::Svg => svg::render(&picture, &mut bytes)?,
                    GraphFormat::Dot => dot::render(&picture, &mut bytes)?,
                    GraphFormat::Mermaid => mermaid::render(&picture, &mut bytes)?,
                }
                write_output(output, &bytes, out, &count(picture.nodes.len(), "document"))?;
                Ok(exit::OK)
            }
            Command::Completions { shell } => {
                let mut command = <Cli as clap::CommandFactory>::command();
                // clap_complete panics when its writer fails: give it memory, write it ourselves.
                let mut script = Vec::new();
                clap_complete::generate(shell, &mut command, "learnpath", &mut script);
                out.write_all(&script)?;
                Ok(exit::OK)
            }
            Command::Man { out: folder } => {
                let pages = man::pages()?;
                match folder {
                    None => out.write_all(&pages[0].1)?,
                    Some(folder) => man::write(&folder, &pages)?,
                }
                Ok(exit::OK)
            }
            Command::Validate(FormatArg { format }) => {
                let report = validate::validate(&context.source)?;
                match format {
                    Format::Table => table::validation(&report, context.style, out)?,
                    Format::Json => json::write(&report, out)?,
                }
                Ok(if report.ok { exit::OK } else { exit::DATA })
            }
            Command::List(ListArgs { what, format }) => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                match what.unwrap_or(ListWhat::Specializations) {
                    ListWhat::Specializations => emit(
                        format,
                        &listing::specializations(curriculum)[..],
                        table::specializations,
                        context.style,
                        out,
                    )?,
                    ListWhat::Docs { spec } => {
                        let spec = spec
                            .map(|name| curriculum.find_specialization(&name))
                            .transpose()?;
                        emit(
                            format,
                            &listing::docs(curriculum, spec)[..],
                            table::docs,
                            context.style,
                            out,
                        )?
                    }
                    ListWhat::Roles => emit(
                        format,
                        &listing::roles(curriculum)[..],
                        table::roles,
                        context.style,
                        out,
                    )?,
                }
                Ok(exit::OK)
            }
            Command::Show { doc, format } => {
                let opened = learnpath::open(&context.source)?;
                let id = opened.curriculum.find_doc(&doc)?;
                let detail = listing::doc_detail(&opened.curriculum, &opened.graph, id);
                emit(
                    format.format,
                    &detail,
                    table::doc_detail,
                    context.style,
                    out,
                )?;
                Ok(exit::OK)
            }
        }
    }
}

impl Choice {
    /// The selection; a role or 1-2 specializations are required.
    fn resolve(&self, curriculum: &Curriculum) -> Result<Selection, Error> {
        match &self.role {
            Some(role) => Selection::role(curriculum, curriculum.find_role(role)?),
            None => {
                let specs = self
                    .spec
                    .iter()
                    .map(|name| curriculum.find_specialization(name))
                    .collect::<Result<Vec<_>, _>>()?;
                Selection::specializations(curriculum, specs)
            }
        }
    }

    /// The selection, or none when neither --role nor --spec is given.
    fn resolve_optional(&self, curriculum: &Curriculum) -> Result<Option<Selection>, Error> {
        if self.role.is_none() && self.spec.is_empty() {
            return Ok(None);
        }
        self.resolve(curriculum).map(Some)
    }
}

/// The plan the options ask for. `None` when `--by` cannot be met (the answer is printed).
/// `prose` says whether the `--by` answer may go to standard output (tables only).
fn build_plan(
    options: &PlanOptions,
    context: &Context,
    prose: bool,
    out: &mut dyn Write,
) -> Result<Option<Plan>, Failure> {
    let Opened {
        curriculum, graph, ..
    } = learnpath::open(&context.source)?;
    let selection = options.choice.resolve(&curriculum)?;
    let (progress, _) = context.progress(&curriculum)?;
    let done = context.done_with(&curriculum, &progress, &options.done)?;
    let start = options.start.unwrap_or(context.today);
    if start < context.today {
        say(format!(
            "warning: --start {start} is before today ({}); the plan's first sessions are in the past",
            context.today
        ));
    }
    let studied = Studied::before(
        start,
        curriculum
            .docs
            .iter()
            .filter_map(|doc| progress.date(&doc.path).map(|date| (doc.minutes, date))),
    );
    let planner = Planner::new(&curriculum, &graph, selection, &done);
    let settings_for =
        |weekly| Settings::new(start, weekly, options.days, options.session).with_studied(studied);
    let plan = match (options.hours, options.by) {
        (Some(weekly), _) => planner.plan(&settings_for(weekly))?,
        (None, Some(by)) => match planner.plan_by(by, settings_for)? {
            ByDate::Met(plan) => {
                // Half-hour steps: one decimal is exact.
                let answer = format!(
                    "To finish by {by}, study {:.1} h a week.",
                    plan.settings.weekly_minutes.hours()
                );
                // Only the table has room for prose; JSON, Markdown and files stay clean.
                if prose {
                    wrap::wrapped(out, context.style.width, |w| writeln!(w, "{answer}\n"))?;
                } else {
                    say(&answer);
                }
                plan
            }
            ByDate::Missed { fastest } => {
                let answer = format!(
                    "No weekly hours are enough to finish by {by}: even the most this schedule can use ({} a week on {}, sessions up to {}) finishes on {}.\nAdd study days (--days) or allow longer sessions (--session).",
                    format_minutes(fastest.settings.usable_weekly_minutes()),
                    fastest.settings.days,
                    format_minutes(fastest.settings.effective_session()),
                    fastest
                        .summary
                        .finish_date
                        .map_or_else(|| "-".to_string(), |date| date.to_string()),
                );
                // The reason for exit 1: printed even with -q.
                if prose {
                    wrap::wrapped(out, context.style.width, |w| writeln!(w, "{answer}"))?;
                } else {
                    tell(&answer);
                }
                return Ok(None);
            }
        },
        (None, None) => {
            return Err(Failure::Usage(
                "give --hours (weekly study hours) or --by DATE".to_string(),
            ));
        }
    };
    for note in &plan.notes {
        say(format!("note: {note}"));
    }
    Ok(Some(plan))
}

/// Says where the hand-edited progress file was copied before learnpath rewrote it.
fn note_kept_copy(kept_copy: Option<PathBuf>) {
    if let Some(copy) = kept_copy {
        say(format!(
            "note: kept your hand-edited copy as {} (the progress file is rewritten in learnpath's own form)",
            copy.display()
        ));
    }
}

/// Marking a document before its prerequisites is allowed, with a warning naming them.
fn warn_unmet_prerequisites(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    progress: &Progress,
    ids: &[DocId],
) {
    let done = progress.done_flags(curriculum);
    for &id in ids {
        let missing = ready::unmet(graph, id, &done);
        if !missing.is_empty() {
            let paths: Vec<&str> = missing
                .iter()
                .map(|&p| curriculum.doc(p).path.as_str())
                .collect();
            let verb = if missing.len() == 1 { "is" } else { "are" };
            say(format!(
                "warning: {} is marked done, but {} of its prerequisites {verb} not: {}",
                curriculum.doc(id).path,
                missing.len(),
                paths.join(", ")
            ));
        }
    }
}

/// The last line of `done` and `undo`: how many documents are done, and where that is kept.
fn progress_footer(
    out: &mut dyn Write,
    progress: &Progress,
    store: &ProgressStore,
) -> io::Result<()> {
    writeln!(
        out,
        "{} done in {}",
        count(progress.len(), "document"),
        store.path().display()
    )
}

/// Writes `bytes` to the file (atomically) or, for none or `-`, to standard output.
fn write_output(
    output: Option<PathBuf>,
    bytes: &[u8],
    out: &mut dyn Write,
    what: &str,
) -> Result<(), Failure> {
    match output.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            atomic_file::write(&path, bytes)?;
            say(format!("note: wrote {what} to {}", path.display()));
        }
        None => out.write_all(bytes)?,
    }
    Ok(())
}

/// Writes `value` as a table or as JSON.
fn emit<T: serde::Serialize + ?Sized>(
    format: Format,
    value: &T,
    as_table: fn(&T, table::Style, &mut dyn Write) -> io::Result<()>,
    style: table::Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => as_table(value, style, out),
        Format::Json => json::write(value, out),
    }
}
