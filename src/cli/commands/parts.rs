//! Which part of a document `done --part N` records: the split of the plan the learner follows,
//! else the split the learner's plans make of a document longer than a sitting.

use super::super::Failure;
use super::super::settings::Context;
use learnpath::Curriculum;
use learnpath::curriculum::DocId;
use learnpath::curriculum::duration::format_minutes;
use learnpath::plan::schedule;

/// The minutes of part `n` (from 1) of a document, and how many parts it has: its parts in the
/// followed plan when it splits the document (filled sittings split documents where the days
/// make room), else its split in the plans the profile makes (sittings as `plan` works them out
/// from the profile's hours, days and session; without hours in the profile, sittings of 2 h).
/// A document that is not split, or that has no part `n`, is a usage error that says so.
pub(super) fn part_minutes(
    context: &Context,
    curriculum: &Curriculum,
    id: DocId,
    n: u32,
) -> Result<(u32, u32), Failure> {
    if let Some(parts) = followed_parts(context, curriculum, id)? {
        if context
            .progress(curriculum)?
            .0
            .partly_done(curriculum)
            .iter()
            .any(|(doc, _)| *doc == id)
        {
            return Err(Failure::Usage(format!(
                "the plan you follow splits what is left of {} into parts; record what you studied with --minutes, or mark it done without --part",
                curriculum.doc(id).path
            )));
        }
        let count = parts.len() as u32;
        let index = usize::try_from(n).unwrap_or(usize::MAX).saturating_sub(1);
        return parts.get(index).map(|&minutes| (minutes, count)).ok_or_else(|| {
            Failure::Usage(format!(
                "{} has {count} parts in the plan you follow, so there is no part {n}; give --part 1 to {count}",
                curriculum.doc(id).path
            ))
        });
    }
    let session = context.profile_session(curriculum)?;
    let pieces = schedule::pieces(curriculum, &[id], session);
    let doc = curriculum.doc(id);
    let count = pieces.len() as u32;
    let sittings = format!("sittings of up to {}", format_minutes(session));
    if count < 2 {
        return Err(Failure::Usage(format!(
            "{} ({}) is not split into parts in your plans ({sittings}); record part of it with --minutes, or mark it done without --part",
            doc.path,
            format_minutes(doc.minutes)
        )));
    }
    let index = usize::try_from(n).unwrap_or(usize::MAX).saturating_sub(1);
    match pieces.get(index) {
        Some(piece) => Ok((piece.minutes, count)),
        None => Err(Failure::Usage(format!(
            "{} has {count} parts in your plans ({sittings}), so there is no part {n}; give --part 1 to {count}",
            doc.path
        ))),
    }
}

/// The minutes of each part of the document in the followed plan, by its "i/n" labels, when
/// the plan still has every part of a split in two or more (none studied yet).
fn followed_parts(
    context: &Context,
    curriculum: &Curriculum,
    id: DocId,
) -> Result<Option<Vec<u32>>, Failure> {
    if !context.use_progress {
        return Ok(None);
    }
    let Some(baseline) = context.baseline_store(curriculum)?.load()? else {
        return Ok(None);
    };
    let path = &curriculum.doc(id).path;
    let mut parts: Vec<(u32, u32, u32)> = baseline
        .sessions
        .iter()
        .filter(|sitting| !sitting.past)
        .flat_map(|sitting| &sitting.items)
        .filter(|piece| &piece.path == path)
        .filter_map(|piece| {
            let (index, count) = piece.part.as_deref()?.split_once('/')?;
            Some((index.parse().ok()?, count.parse().ok()?, piece.minutes))
        })
        .collect();
    parts.sort_unstable();
    let count = parts.len() as u32;
    let whole_split = count >= 2
        && parts
            .iter()
            .zip(1..)
            .all(|(&(index, of, _), at)| index == at && of == count);
    Ok(whole_split.then(|| parts.iter().map(|&(_, _, minutes)| minutes).collect()))
}
