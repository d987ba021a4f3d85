//! `profile set`, `show`, `unset` and `reset`: the choices saved for a curriculum, which the
//! commands that plan use for what their flags do not say.

use super::super::Failure;
use super::super::args::{Format, ProfileAction, ProfileSet};
use super::super::settings::Context;
use super::super::values;
use learnpath::caldav::CollectionUrl;
use learnpath::error::exit;
use learnpath::profile::{Key, Profile, ProfileStore};
use learnpath::render::json;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Runs one `profile` command.
pub(super) fn execute(
    action: ProfileAction,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    match action {
        ProfileAction::Set(set) => self::set(&set, context, out),
        ProfileAction::Show(format) => show(format.format, context, out),
        ProfileAction::Unset { key, value } => unset(key.into(), value.as_deref(), context, out),
        ProfileAction::Reset => reset(context, out),
    }
}

/// What `profile set` was asked to save: a key's new values, or values to add to a list.
enum Change {
    Replace(Key, Vec<String>),
    Add(Key, String),
}

/// The changes `profile set` asks for, in the order the file lists the keys.
fn changes(set: &ProfileSet) -> Result<Vec<Change>, Failure> {
    let mut changes = Vec::new();
    if let Some(role) = &set.choice.role {
        changes.push(Change::Replace(Key::Role, vec![role.trim().to_string()]));
    }
    if !set.choice.spec.is_empty() {
        let specs = set.choice.spec.iter().map(|s| s.trim().to_string());
        changes.push(Change::Replace(Key::Spec, specs.collect()));
    }
    for (key, value) in [
        (Key::Hours, &set.hours),
        (Key::Days, &set.days),
        (Key::Session, &set.session),
        (Key::At, &set.at),
        (Key::Tz, &set.tz),
        (Key::Start, &set.start),
        (Key::Whole, &set.whole),
        (Key::Review, &set.review),
        (Key::Retention, &set.retention),
        (Key::ReviewMinutes, &set.review_minutes),
    ] {
        if let Some(value) = value {
            changes.push(Change::Replace(key, vec![value.clone()]));
        }
    }
    if !set.remind.is_empty() {
        changes.push(Change::Replace(Key::Remind, set.remind.clone()));
    }
    if let Some(url) = &set.caldav {
        // The URL as the flag gives it, once checked (its text, without a final `/` added).
        CollectionUrl::parse(url)?;
        changes.push(Change::Replace(Key::Caldav, vec![url.trim().to_string()]));
    }
    if let Some(user) = &set.user {
        changes.push(Change::Replace(Key::User, vec![user.clone()]));
    }
    for &range in &set.skip {
        changes.push(Change::Add(Key::Skip, values::skip_text(range)));
    }
    for path in &set.busy {
        // Read now, so that a file that is no calendar is refused before it is saved.
        learnpath::availability::busy::BusyCalendar::read(std::slice::from_ref(path))?;
        let text = path.to_str().ok_or_else(|| {
            Failure::Usage(format!(
                "'{}' is not valid UTF-8; the profile keeps UTF-8 paths only",
                path.display()
            ))
        })?;
        changes.push(Change::Add(Key::Busy, text.to_string()));
    }
    Ok(changes)
}

/// Applies the changes; what to say about each.
fn apply(profile: &mut Profile, changes: Vec<Change>) -> Vec<String> {
    let mut said = Vec::new();
    for change in changes {
        match change {
            Change::Replace(key, values) => {
                let now = values.join(", ");
                let was = profile.replace(key, values).join(", ");
                said.push(match was.as_str() {
                    "" => format!("{key}: {now}"),
                    _ if was == now => format!("{key}: {now} (unchanged)"),
                    _ => format!("{key}: {now} (was {was})"),
                });
                // A role and specializations exclude each other.
                let other = match key {
                    Key::Role => Some((Key::Spec, "a role replaces the specializations")),
                    Key::Spec => Some((Key::Role, "specializations replace the role")),
                    _ => None,
                };
                if let Some((other, why)) = other {
                    let dropped = profile.unset(other);
                    if !dropped.is_empty() {
                        said.push(format!(
                            "{other}: unset (was {}; {why})",
                            dropped.join(", ")
                        ));
                    }
                }
            }
            Change::Add(key, value) => {
                let known = |saved: &str| match key {
                    Key::Skip => values::skip(saved).ok() == values::skip(&value).ok(),
                    _ => saved == value,
                };
                if profile.values(key).into_iter().any(known) {
                    said.push(format!("{key}: already has {value}"));
                } else {
                    profile.add(key, value.clone());
                    said.push(format!("{key}: added {value}"));
                }
            }
        }
    }
    said
}

/// `profile set`: saves values, checked as the flags check them (a role or specializations
/// against the curriculum too).
fn set(set: &ProfileSet, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    context.require_profile("profile set")?;
    let changes = changes(set)?;
    if changes.is_empty() {
        return Err(Failure::Usage(
            "nothing to save; give values, e.g. `learnpath profile set --role \"storage engineer\" --hours 5` (see `learnpath profile set --help`)".to_string(),
        ));
    }
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    if set.choice.given() {
        set.choice.resolve(curriculum)?;
    }
    let store = context.profile_store(curriculum)?;
    let updated = store.update(|profile| Ok(apply(profile, changes)))?;
    note_kept_copy(updated.kept_copy, context);
    for line in &updated.result {
        writeln!(out, "{line}")?;
    }
    footer(out, updated.written, &store)?;
    Ok(exit::OK)
}

/// `profile unset`: removes a key's values, or one value of a list.
fn unset(
    key: Key,
    value: Option<&str>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_profile("profile unset")?;
    let matches = matcher(key, value)?;
    let opened = context.open()?;
    let store = context.profile_store(&opened.curriculum)?;
    let updated = store.update(|profile| Ok(profile.remove(key, matches)))?;
    note_kept_copy(updated.kept_copy, context);
    let removed = updated.result.join(", ");
    match (value, removed.as_str()) {
        (None, "") => writeln!(out, "{key}: not set")?,
        (None, _) => writeln!(out, "{key}: unset (was {removed})")?,
        (Some(value), "") => writeln!(out, "{key}: does not have {value}")?,
        (Some(_), _) => writeln!(out, "{key}: removed {removed}")?,
    }
    footer(out, updated.written, &store)?;
    Ok(exit::OK)
}

/// Whether a saved value is one to remove.
type Matcher = Box<dyn Fn(&str) -> bool>;

/// Which saved values `profile unset KEY [VALUE]` removes: all of them, or those that are the
/// value given (the same days, the same file, the same text).
fn matcher(key: Key, value: Option<&str>) -> Result<Matcher, Failure> {
    let Some(value) = value else {
        return Ok(Box::new(|_| true));
    };
    if !key.is_list() {
        return Err(Failure::Usage(format!(
            "{key} holds one value; `learnpath profile unset {key}` removes it"
        )));
    }
    Ok(match key {
        Key::Skip => {
            // The same days, however written; a value that is not days (a hand edit) as written.
            let value = value.trim().to_string();
            let range = values::skip(&value).ok();
            Box::new(move |saved| {
                saved.trim() == value || range.is_some() && values::skip(saved).ok() == range
            })
        }
        Key::Busy => {
            let given = PathBuf::from(value);
            let absolute = values::absolute(&given)
                .or_else(|_| std::path::absolute(&given))
                .unwrap_or_else(|_| given.clone());
            Box::new(move |saved| Path::new(saved) == given || Path::new(saved) == absolute)
        }
        _ => {
            let value = value.trim().to_string();
            Box::new(move |saved| saved == value)
        }
    })
}

/// `profile reset`: removes the file, whatever it holds.
fn reset(context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    context.require_profile("profile reset")?;
    let opened = context.open()?;
    let store = context.profile_store(&opened.curriculum)?;
    if store.reset()? {
        writeln!(out, "removed the profile {}", store.path().display())?;
    } else {
        writeln!(
            out,
            "no profile to remove: {} does not exist",
            store.path().display()
        )?;
    }
    Ok(exit::OK)
}

/// What `profile show --format json` prints (`schema_version` 1).
#[derive(Serialize)]
struct Shown<'a> {
    schema_version: u32,
    /// The id of the curriculum the profile is for.
    curriculum: &'a str,
    profile_file: String,
    /// Whether the file exists; without it, every value is unset.
    exists: bool,
    profile: &'a Profile,
}

/// `profile show`: the saved values and where they are kept.
fn show(format: Format, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    let opened = context.open()?;
    let store = context.profile_store(&opened.curriculum)?;
    let saved = store.load()?;
    let exists = saved.is_some();
    let profile = saved.map(|saved| saved.profile).unwrap_or_default();
    match format {
        Format::Json => json::write(
            &Shown {
                schema_version: 1,
                curriculum: store.curriculum(),
                profile_file: store.path().display().to_string(),
                exists,
                profile: &profile,
            },
            out,
        )?,
        Format::Table => table(&profile, exists, &store, out)?,
    }
    Ok(exit::OK)
}

/// The profile as a list of keys and values, then the file.
fn table(
    profile: &Profile,
    exists: bool,
    store: &ProfileStore,
    out: &mut dyn Write,
) -> io::Result<()> {
    let curriculum = store.curriculum();
    if !exists {
        writeln!(
            out,
            "No profile for {curriculum}; `learnpath profile set` saves one."
        )?;
    } else if profile.is_empty() {
        writeln!(out, "The profile for {curriculum} holds no values.")?;
    } else {
        writeln!(out, "Profile for {curriculum}")?;
        // As wide as the longest key of a plan's time ("session"), or a longer one that has a
        // value ("review-minutes").
        let width = Key::ALL
            .iter()
            .filter(|&&key| !profile.values(key).is_empty())
            .map(|key| key.name().len())
            .fold(Key::Session.name().len(), usize::max);
        for key in Key::ALL {
            for (index, value) in profile.values(key).into_iter().enumerate() {
                let name = if index == 0 { key.name() } else { "" };
                writeln!(out, "  {name:width$}  {value}")?;
            }
        }
    }
    let missing = if exists { "" } else { " (does not exist)" };
    writeln!(out, "profile file: {}{missing}", store.path().display())
}

/// Says where the hand-edited profile was copied before learnpath rewrote it.
fn note_kept_copy(kept_copy: Option<PathBuf>, context: &Context) {
    if let Some(copy) = kept_copy {
        context.report.note(format!(
            "kept your hand-edited copy as {} (the profile is rewritten in learnpath's own form)",
            copy.display()
        ));
    }
}

/// The last line of `set` and `unset`: whether the profile was written, and where it is.
fn footer(out: &mut dyn Write, written: bool, store: &ProfileStore) -> io::Result<()> {
    let path = store.path().display();
    if written {
        writeln!(out, "profile saved in {path}")
    } else {
        writeln!(out, "profile unchanged: {path}")
    }
}
