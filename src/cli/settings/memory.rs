//! Which memory model a command uses: the learner's own parameters when `review --fit` saved
//! them beside the progress file, else FSRS's defaults. Every command that works out recall or
//! due reviews takes its model from here.

use super::*;
use learnpath::memory::{Memory, MemoryStore};

impl Context {
    /// The learner's memory file: `memory.yaml` beside the progress file.
    pub fn memory_store(&self, curriculum: &Curriculum) -> Result<MemoryStore, Error> {
        Ok(MemoryStore::beside(self.store(curriculum)?.path()))
    }

    /// The memory model: with the parameters saved by `review --fit` when there are some, else
    /// with the defaults (always with --no-progress, which reads nothing kept). A memory file
    /// that cannot be read is an error, never passed over in silence.
    pub fn memory(&self, curriculum: &Curriculum) -> Result<Memory, Error> {
        if !self.use_progress {
            return Ok(Memory::default());
        }
        let store = self.memory_store(curriculum)?;
        let Some(saved) = store.load()? else {
            return Ok(Memory::default());
        };
        saved.memory().map_err(|problem| Error::Kept {
            path: store.path().to_path_buf(),
            line: None,
            file: KeptFile::Memory,
            problem: Problem::Invalid(Invalid::Parameters(problem)),
        })
    }
}
