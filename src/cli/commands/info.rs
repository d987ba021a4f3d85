//! `list`, `show`, `validate`, `graph`, `completions` and `man`: what the curriculum holds and
//! how to use the tool.

use super::super::args::{Choice, Cli, Done, Format, GraphFormat, ListArgs, ListWhat};
use super::super::settings::Context;
use super::super::{Failure, man as man_pages};
use super::output::{emit, write_output};
use learnpath::diagram::{self, Subject};
use learnpath::error::exit;
use learnpath::render::{dot, json, mermaid, svg, table};
use learnpath::words::count;
use learnpath::{listing, validate as check};
use std::io::Write;
use std::path::PathBuf;

/// `init`: a starter manifest, written beside the pages (never over one, unless --force).
pub(super) fn init(dir: Option<PathBuf>, force: bool, context: &Context) -> Result<i32, Failure> {
    let folder = match (dir, &context.source) {
        (Some(dir), _) => dir,
        (None, learnpath::Source::Dir(dir)) => dir.clone(),
        (None, _) => PathBuf::from("."),
    };
    let path = folder.join(learnpath::curriculum::MANIFEST_FILE);
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink());
    let refusal = match (is_link, path.exists() && !force) {
        (true, _) => Some(learnpath::error::Refusal::SymbolicLink),
        (false, true) => Some(learnpath::error::Refusal::Exists),
        (false, false) => None,
    };
    if let Some(reason) = refusal {
        return Err(learnpath::Error::Refused { path, reason }.into());
    }
    // Read as a folder of its own: without the manifest that --force replaces.
    let loaded = learnpath::curriculum::load_detected(&learnpath::Source::Dir(folder.clone()))?;
    let text = learnpath::curriculum::starter::starter_manifest(&loaded);
    learnpath::atomic_file::write(&path, text.as_bytes())?;
    let curriculum = &loaded.curriculum;
    context.report.note(format!(
        "wrote {}: {} in {}, {}; edit it, then `learnpath --curriculum {} list`",
        path.display(),
        count(curriculum.docs.len(), "study document"),
        count(curriculum.sections.len(), "section"),
        count_estimated(&loaded),
        folder.display()
    ));
    Ok(exit::OK)
}

fn count_estimated(loaded: &learnpath::curriculum::Loaded) -> String {
    format!(
        "{} estimated from their words",
        learnpath::words::count_with(loaded.used.estimated, "time", "times")
    )
}

/// `validate`: every error and warning, with counts (exit 65 when there are errors).
pub(super) fn validate(
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let report = check::validate(&context.source)?;
    match format {
        Format::Table => table::validation(&report, context.style, out)?,
        Format::Json => json::write(&report, out)?,
    }
    Ok(if report.ok { exit::OK } else { exit::DATA })
}

/// `list`: specializations (the default), documents or roles.
pub(super) fn list(list: ListArgs, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let format = list.format;
    match list.what.unwrap_or(ListWhat::Specializations) {
        ListWhat::Specializations if curriculum.specializations.is_empty() => {
            let rows = listing::sections(curriculum);
            emit(format, &rows[..], table::sections, context, out)?
        }
        ListWhat::Specializations => {
            let rows = listing::specializations(curriculum);
            emit(format, &rows[..], table::specializations, context, out)?
        }
        ListWhat::Sections => {
            let rows = listing::sections(curriculum);
            emit(format, &rows[..], table::sections, context, out)?
        }
        ListWhat::Docs { spec } => {
            let spec = spec
                .map(|name| curriculum.find_specialization(&name))
                .transpose()?;
            let rows = listing::docs(curriculum, spec);
            emit(format, &rows[..], table::docs, context, out)?
        }
        ListWhat::Roles => {
            let rows = listing::roles(curriculum);
            emit(format, &rows[..], table::roles, context, out)?
        }
    }
    Ok(exit::OK)
}

/// `show`: one document, what it requires and what needs it.
pub(super) fn show(
    name: &str,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let id = opened.curriculum.find_doc(name)?;
    let detail = listing::doc_detail(&opened.curriculum, &opened.graph, id);
    emit(format, &detail, table::doc_detail, context, out)?;
    Ok(exit::OK)
}

/// `graph`: the prerequisite graph of documents, a choice, or the whole curriculum.
pub(super) fn graph(
    names: &[String],
    choice: &Choice,
    done: &Done,
    format: GraphFormat,
    output: Option<PathBuf>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let done = context.done(curriculum, done)?;
    let ids = curriculum.find_docs(names)?;
    // Documents named are the subject; the choice (given, else saved) only without them.
    let selection = if names.is_empty() {
        context.selection(choice, curriculum)?
    } else {
        None
    };
    let named = names.join(", ");
    let subject = match &selection {
        _ if !names.is_empty() => Subject::Docs {
            ids: &ids,
            named: &named,
        },
        Some(selection) => Subject::Selection(selection),
        None => Subject::Curriculum,
    };
    let picture = diagram::of_subject(curriculum, &opened.graph, subject, &done);
    let mut bytes = Vec::new();
    match format {
        GraphFormat::Svg => svg::render(&picture, &mut bytes)?,
        GraphFormat::Dot => dot::render(&picture, &mut bytes)?,
        GraphFormat::Mermaid => mermaid::render(&picture, &mut bytes)?,
    }
    let what = count(picture.nodes.len(), "document");
    write_output(output, &bytes, context, curriculum, out, &what)?;
    Ok(exit::OK)
}

/// `completions`: a shell's completion script.
pub(super) fn completions(
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let mut command = <Cli as clap::CommandFactory>::command();
    // clap_complete panics when its writer fails: give it memory, write it ourselves.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "learnpath", &mut script);
    out.write_all(&script)?;
    Ok(exit::OK)
}

/// `man`: the main page on standard output, or every page into a folder.
pub(super) fn man(
    folder: Option<PathBuf>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let pages = man_pages::pages()?;
    match folder {
        None => out.write_all(&pages[0].1)?,
        Some(folder) => man_pages::write(&folder, &pages, context)?,
    }
    Ok(exit::OK)
}
