//! `learnpath` turns a curriculum (folders of Markdown documents with YAML frontmatter) into an
//! ordered, dated study plan.
//!
//! ```
//! let opened = learnpath::open(&learnpath::Source::Embedded).unwrap();
//! assert_eq!(opened.curriculum.docs.len(), 65);
//! ```

pub mod atomic_file;
pub mod availability;
pub mod curriculum;
pub mod diagnostic;
pub mod diagram;
pub mod error;
pub mod follow;
pub mod graph;
pub mod listing;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod render;
pub mod validate;
pub mod words;
mod yaml;

pub use curriculum::{Curriculum, Doc, DocId, Source};
pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, Result};
pub use graph::PrereqGraph;

/// A curriculum that loaded without errors, with its graph.
#[derive(Debug)]
pub struct Opened {
    pub curriculum: Curriculum,
    pub graph: PrereqGraph,
    /// Warnings of the loader (see `validate` for the full report).
    pub warnings: Vec<Diagnostic>,
}

/// Loads a curriculum and builds its graph; any error in the curriculum fails, with every
/// error that `validate` reports (cycles included), so that both count the same.
pub fn open(source: &Source) -> Result<Opened> {
    let loaded = curriculum::load(source)?;
    let (curriculum, mut diagnostics) = (loaded.curriculum, loaded.diagnostics);
    let graph = PrereqGraph::build(&curriculum).map_err(|cycles| diagnostics.extend(cycles));
    match graph {
        Ok(graph) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Opened {
            curriculum,
            graph,
            warnings: diagnostics,
        }),
        _ => Err(Error::InvalidCurriculum { diagnostics }),
    }
}
