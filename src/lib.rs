//! `learnpath` turns a curriculum (folders of Markdown documents with YAML frontmatter) into an
//! ordered, dated study plan.
//!
//! ```
//! let opened = learnpath::open(&learnpath::Source::Embedded).unwrap();
//! assert_eq!(opened.curriculum.docs.len(), 65);
//! ```
//!
//! # Layers
//!
//! The modules form layers; each uses only the layers below it (`tests/layers.rs` checks it),
//! and none parses arguments, reads the environment or prints: that is the command line's job.
//!
//! 1. **Foundation**: [`words`] (counted nouns, minutes), [`diagnostic`] and [`error`] (data,
//!    and the fact each states; the command line adds what to do), [`weblink`] (which links
//!    may be shown), [`time`] (zones and the clock), `yaml` (positions and safe parsing),
//!    [`atomic_file`] (whole files or none) and [`store`] (the versioned YAML files kept beside
//!    the progress).
//! 2. **The course**: [`curriculum`] (loading, frontmatter, manifest), [`graph`] (prerequisites),
//!    [`listing`] and [`validate`].
//! 3. **The learner's time**: [`availability`] (the week, skipped dates, busy calendars and
//!    their iCalendar reader).
//! 4. **The plan**: [`plan`] (selection, packing sittings, the forecast).
//! 5. **What the learner keeps**: [`progress`], [`memory`] (what is remembered of what was
//!    studied, and when it is due for review), [`profile`], then [`follow`] (the plan followed,
//!    the standing against it, status and re-planning).
//! 6. **Output**: [`diagram`] and [`render`] (every format; renderers only render), then
//!    [`calendar`] (calendar files and their record) and [`caldav`] (sync).

pub mod atomic_file;
pub mod availability;
pub mod caldav;
pub mod calendar;
pub mod curriculum;
pub mod diagnostic;
pub mod diagram;
pub mod error;
pub mod follow;
pub mod graph;
pub mod listing;
pub mod memory;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod render;
pub mod store;
pub mod time;
pub mod validate;
pub mod weblink;
pub mod words;
mod yaml;

pub use curriculum::{Curriculum, Doc, DocId, Source};
pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, Result};
pub use graph::PrereqGraph;

/// A curriculum that loaded, with its graph: every document a plan can use.
#[derive(Debug)]
pub struct Opened {
    pub curriculum: Curriculum,
    pub graph: PrereqGraph,
    /// What the loader found (see `validate` for the full report). Errors here concern single
    /// pages: those pages, and what needs them, are left out of `curriculum`.
    pub warnings: Vec<Diagnostic>,
}

impl Opened {
    /// How many of the diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.warnings.iter().filter(|d| d.is_error()).count()
    }
}

/// Loads a curriculum and builds its graph. A page with errors is left out, with every
/// document that requires it, and so is every document on or behind a prerequisite cycle:
/// the rest can still be planned. An error in the curriculum's listing or manifest fails,
/// with every error that `validate` reports, so that both count the same.
pub fn open(source: &Source) -> Result<Opened> {
    let loaded = curriculum::load(source)?;
    let (curriculum, mut diagnostics) = (loaded.curriculum, loaded.diagnostics);
    let graph = PrereqGraph::unchecked(&curriculum);
    let (on_cycles, cycles) = graph.on_cycles(&curriculum);
    diagnostics.extend(cycles);
    if loaded.fatal {
        return Err(Error::InvalidCurriculum { diagnostics });
    }
    let mut stuck: Vec<curriculum::DocId> = loaded.blocked;
    stuck.extend(on_cycles);
    if stuck.is_empty() {
        return Ok(Opened {
            curriculum,
            graph,
            warnings: diagnostics,
        });
    }
    let mut left_out = graph.descendants(stuck.iter().copied());
    left_out.extend(stuck);
    left_out.sort();
    left_out.dedup();
    let curriculum = curriculum.without(&left_out);
    let graph = PrereqGraph::unchecked(&curriculum);
    Ok(Opened {
        curriculum,
        graph,
        warnings: diagnostics,
    })
}
