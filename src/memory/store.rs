//! Where the learner's fitted parameters are kept (`memory.yaml` beside the progress file) and
//! reading and replacing them safely, through the store: an atomic write under a lock, and a
//! file that cannot be read is never overwritten.

use super::{Memory, parameters};
use crate::error::{Invalid, Result};
use crate::store::{self, Broken, KeptFile, Kind, Problem, Store};
use crate::yaml;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The version of the memory file's format.
pub const SCHEMA_VERSION: u32 = 1;

/// The memory file's name beside a progress file named `progress.yaml`.
pub const FILE_NAME: &str = "memory.yaml";

/// The largest memory file learnpath reads (one is well under a kilobyte).
const MAX_FILE_BYTES: usize = 64 * 1024;

const HEADER: &str = "\
# learnpath memory: the FSRS parameters fitted to your reviews, which reviews use instead of the
# defaults. Move this file away to go back to the defaults.
";

/// The learner's own parameters, with what they were fitted on.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// FSRS 6's parameters (checked when read from a file).
    pub parameters: Vec<f32>,
    pub fitted_on: NaiveDate,
    /// The reviews and documents they were fitted on.
    pub reviews: usize,
    pub documents: usize,
    /// The log loss of the defaults' and of these parameters' predictions of those reviews.
    pub log_loss_default: f32,
    pub log_loss_fitted: f32,
}

impl Saved {
    /// The memory model with these parameters.
    pub fn memory(&self) -> Result<Memory, crate::error::ParametersProblem> {
        Memory::with_parameters(&self.parameters)
    }
}

/// The file as written: every field required, no other allowed.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MemoryFile {
    schema_version: u32,
    fitted_on: NaiveDate,
    reviews: usize,
    documents: usize,
    log_loss: LogLoss,
    parameters: Vec<f32>,
}

/// The file's `log_loss:` of the defaults and of the fitted parameters.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogLoss {
    default: f32,
    fitted: f32,
}

/// The memory file, as the store keeps it: the learner's, not a curriculum's (one progress file
/// shared by curricula shares it), and replaced whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MemoryKind;

impl Kind for MemoryKind {
    const FILE: KeptFile = KeptFile::Memory;
    const VERSIONS: &'static [u32] = &[SCHEMA_VERSION];
    const MAX_BYTES: usize = MAX_FILE_BYTES;
    const TIED: bool = false;
    const KEEP_EDITED: bool = false;
    type Value = Saved;

    fn parse(text: &str, curriculum: &str) -> Result<Saved, Broken> {
        store::probe::<MemoryKind>(text, curriculum)?;
        let file: MemoryFile = yaml::decode(text)
            .map_err(|error| (error.line, Problem::Invalid(Invalid::Parser(error.message))))?;
        parameters::check(&file.parameters).map_err(|problem| {
            let line = yaml::key_line(text, "parameters");
            (line, Problem::Invalid(Invalid::Parameters(problem)))
        })?;
        Ok(Saved {
            parameters: file.parameters,
            fitted_on: file.fitted_on,
            reviews: file.reviews,
            documents: file.documents,
            log_loss_default: file.log_loss.default,
            log_loss_fitted: file.log_loss.fitted,
        })
    }

    fn render(saved: &Saved, _: &str) -> Result<String, Broken> {
        let file = MemoryFile {
            schema_version: SCHEMA_VERSION,
            fitted_on: saved.fitted_on,
            reviews: saved.reviews,
            documents: saved.documents,
            log_loss: LogLoss {
                default: saved.log_loss_default,
                fitted: saved.log_loss_fitted,
            },
            parameters: saved.parameters.clone(),
        };
        let body = yaml::encode(&file)
            .map_err(|error| (None, Problem::Invalid(Invalid::Parser(error.message))))?;
        Ok(format!("{HEADER}{body}"))
    }
}

/// Where the learner's parameters live and how they are read and replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryStore {
    store: Store<MemoryKind>,
}

impl MemoryStore {
    /// The file at `path`, used as given.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        MemoryStore {
            store: Store::new(path, ""),
        }
    }

    /// `memory.yaml` beside `progress.yaml`, else `<name>.memory.yaml` beside `<name>.yaml`.
    pub fn beside(progress: &Path) -> Self {
        MemoryStore::new(crate::progress::beside(progress, FILE_NAME))
    }

    /// Where the file is (or would be).
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The saved parameters; `None` when none were fitted yet.
    pub fn load(&self) -> Result<Option<Saved>> {
        Ok(self.store.load()?.map(|loaded| loaded.value))
    }

    /// Replaces the saved parameters. A file that cannot be read as a memory file is left as
    /// it is, and the error says so.
    pub fn save(&self, saved: &Saved) -> Result<()> {
        self.store.save(saved).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fsrs::DEFAULT_PARAMETERS;

    fn saved() -> Saved {
        Saved {
            parameters: DEFAULT_PARAMETERS.to_vec(),
            fitted_on: "2027-05-01".parse().unwrap(),
            reviews: 812,
            documents: 64,
            log_loss_default: 0.412,
            log_loss_fitted: 0.371,
        }
    }

    #[test]
    fn reads_what_it_writes() {
        let text = MemoryKind::render(&saved(), "").unwrap();
        assert_eq!(MemoryKind::parse(&text, "").unwrap(), saved());
        assert!(text.contains("fitted_on: 2027-05-01\n"), "{text}");
        assert!(text.contains("- 0.212\n"), "{text}");
    }

    #[test]
    fn parameters_the_model_cannot_use_are_named_with_their_line() {
        let text = MemoryKind::render(&saved(), "").unwrap();
        let short = text.replace("- 0.212\n", "");
        let line = short.lines().position(|l| l == "parameters:").unwrap() + 1;
        let (at, problem) = MemoryKind::parse(&short, "").unwrap_err();
        assert_eq!(at, Some(line));
        assert_eq!(
            problem.in_file(KeptFile::Memory).to_string(),
            "invalid memory file: parameters: 20 numbers, expected 21 (the parameters of FSRS 6)"
        );
    }
}
