//! Which kept files a command reads and writes: the progress file, the profile, the followed
//! plan (baseline) and the calendar record, each from its flag or variable, else its default.

use super::*;
use learnpath::error::HomeFor;

impl Context {
    /// The progress file: the one given (--progress, LEARNPATH_PROGRESS), used as is; else the
    /// curriculum's own, started from the file all curricula shared before, the first time.
    pub fn store(&self, curriculum: &Curriculum) -> Result<ProgressStore, Error> {
        if let Some(path) = &self.progress_path {
            return Ok(ProgressStore::new(path));
        }
        let store = ProgressStore::for_curriculum(&data_dir()?, curriculum, &self.source);
        if let Some(migrated) = store.migrate(curriculum)? {
            self.report.note(format!(
                "progress is now kept per curriculum: copied {} of this curriculum from {} to {} (that file is left as it was)",
                count_with(migrated.entries, "entry", "entries"),
                migrated.from.display(),
                store.path().display()
            ));
        }
        Ok(store)
    }

    /// The record of the last calendar export, beside the progress file; none without one.
    /// The flag: whether it may be written, which it may not when the progress file was named
    /// in a folder that does not exist (no folder is made for a path the user gave).
    pub fn ledger_store(
        &self,
        curriculum: &Curriculum,
    ) -> Result<Option<(LedgerStore, bool)>, Error> {
        if !self.use_progress {
            return Ok(None);
        }
        let progress = self.store(curriculum)?;
        let folder = progress
            .path()
            .parent()
            .filter(|p| !p.as_os_str().is_empty());
        let writable = self.progress_path.is_none() || folder.is_none_or(|folder| folder.is_dir());
        let store = LedgerStore::beside(progress.path(), curriculum_id(curriculum, &self.source));
        Ok(Some((store, writable)))
    }

    /// The files learnpath keeps for this curriculum, each with how messages name it: the
    /// progress file (and the one all curricula shared before), the baseline, calendar record
    /// and memory file beside it, and the profile. Worked out
    /// without reading or moving any (a home folder that cannot be found leaves its files out).
    pub fn kept_files(&self, curriculum: &Curriculum) -> Vec<(PathBuf, &'static str)> {
        let id = curriculum_id(curriculum, &self.source);
        let mut kept = Vec::new();
        let progress = match &self.progress_path {
            Some(path) => Some(path.clone()),
            None => match data_dir() {
                Ok(data) => {
                    let store = ProgressStore::for_curriculum(&data, curriculum, &self.source);
                    let shared = store.legacy().map(Path::to_path_buf);
                    kept.extend(shared.map(|path| (path, "the shared progress file")));
                    Some(store.path().to_path_buf())
                }
                Err(_) => None,
            },
        };
        if let Some(progress) = progress {
            let baseline = BaselineStore::beside(&progress, id.clone());
            let ledger = LedgerStore::beside(&progress, id);
            kept.push((baseline.path().to_path_buf(), "the baseline"));
            kept.push((ledger.path().to_path_buf(), "the calendar record"));
            let memory = learnpath::memory::MemoryStore::beside(&progress);
            kept.push((memory.path().to_path_buf(), "the memory file"));
            kept.push((progress, "the progress file"));
        }
        if let Ok(profile) = self.profile_store(curriculum) {
            kept.push((profile.path().to_path_buf(), "the profile"));
        }
        kept
    }

    /// The followed plan's store: beside the progress file.
    pub fn baseline_store(&self, curriculum: &Curriculum) -> Result<BaselineStore, Error> {
        let progress = self.store(curriculum)?;
        Ok(BaselineStore::beside(
            progress.path(),
            curriculum_id(curriculum, &self.source),
        ))
    }

    /// `done` and `undo` exist to change the progress file: with --no-progress they would
    /// either write it against the flag or do nothing while saying they did.
    pub fn require_progress(&self, command: &'static str) -> Result<(), Error> {
        if self.use_progress {
            return Ok(());
        }
        Err(Error::NoProgressForRecording { command })
    }

    /// The progress file's marks and where they were read, unless --no-progress. Recorded
    /// documents the curriculum does not have are kept in the file and reported here.
    pub fn progress(&self, curriculum: &Curriculum) -> Result<(Progress, Option<PathBuf>), Error> {
        if !self.use_progress {
            return Ok((Progress::default(), None));
        }
        let store = self.store(curriculum)?;
        let progress = self.records(&store, curriculum)?;
        let unknown = progress.unknown(curriculum);
        if !unknown.is_empty() {
            // The first few name the problem; a file of thousands would bury the terminal.
            const SHOWN: usize = 10;
            let more = match unknown.len().saturating_sub(SHOWN) {
                0 => String::new(),
                more => format!(" and {more} more"),
            };
            self.report.warning(format!(
                "{} lists {} this curriculum does not have (kept in the file): {}{more}",
                store.path().display(),
                count(unknown.len(), "document"),
                unknown[..unknown.len().min(SHOWN)].join(", ")
            ));
        }
        Ok((progress, Some(store.path().to_path_buf())))
    }

    /// The progress file's records without a word about them, for a command that has already
    /// read them once (through [`Context::progress`], when its plan was made).
    pub fn progress_again(&self, curriculum: &Curriculum) -> Result<Progress, Error> {
        if !self.use_progress {
            return Ok(Progress::default());
        }
        self.records(&self.store(curriculum)?, curriculum)
    }

    fn records(&self, store: &ProgressStore, curriculum: &Curriculum) -> Result<Progress, Error> {
        let mut progress = store.load()?;
        progress.canonicalize(curriculum);
        Ok(progress)
    }

    /// The followed plan, when one is and it is for `selection` (a plan of another choice is no
    /// baseline for this one).
    pub fn followed(
        &self,
        curriculum: &Curriculum,
        selection: &learnpath::plan::Selection,
    ) -> Result<Option<learnpath::follow::Baseline>, Error> {
        if !self.use_progress {
            return Ok(None);
        }
        let Some(baseline) = self.baseline_store(curriculum)?.load()? else {
            return Ok(None);
        };
        let same = baseline.selection(curriculum).ok().as_ref() == Some(selection);
        Ok(same.then_some(baseline))
    }

    /// The done documents: the progress file's and those of --done.
    pub fn done(&self, curriculum: &Curriculum, extra: &Done) -> Result<DoneSet, Error> {
        let (progress, _) = self.progress(curriculum)?;
        with_extra(curriculum, &progress, extra)
    }

    /// The profile's store: the file given (--profile, LEARNPATH_PROFILE), used as is; else the
    /// curriculum's own. Either is for this curriculum: another's is refused.
    pub fn profile_store(&self, curriculum: &Curriculum) -> Result<ProfileStore, Error> {
        match &self.profile_path {
            Some(path) => Ok(ProfileStore::new(
                path,
                curriculum_id(curriculum, &self.source),
            )),
            None => Ok(ProfileStore::for_curriculum(
                &config_dir()?,
                curriculum,
                &self.source,
            )),
        }
    }

    /// `profile set`, `unset` and `reset` exist to change the profile: with --no-profile they
    /// would do it against the flag.
    pub fn require_profile(&self, command: &'static str) -> Result<(), Error> {
        if self.use_profile {
            return Ok(());
        }
        Err(Error::NoProfileForChanging { command })
    }

    /// The saved profile for this run: none with --no-profile, when there is no file, or when
    /// there is no home folder to look in.
    pub fn saved_profile(&self, curriculum: &Curriculum) -> Result<FromProfile, Error> {
        if !self.use_profile {
            return Ok(FromProfile::default());
        }
        let store = match self.profile_store(curriculum) {
            Err(Error::NoHome { .. }) => return Ok(FromProfile::default()),
            store => store?,
        };
        Ok(FromProfile(store.load()?))
    }

    /// The longest sitting of the plans the profile makes, as `plan` works it out from its
    /// hours (or minutes per day), days and session; without weekly hours, its session, else
    /// the default longest sitting of 2 h.
    pub fn profile_session(&self, curriculum: &Curriculum) -> Result<u32, Error> {
        let saved = self.saved_profile(curriculum)?;
        let days = saved.value(Key::Days, values::days)?;
        let session = saved.value(Key::Session, values::session)?;
        let choices = TimeChoices {
            week: days,
            session,
            whole: false,
        };
        Ok(match saved.weekly(days)? {
            Some(weekly) => choices
                .settings(self.today, weekly, Studied::default())
                .effective_session(),
            None => session.map_or(DEFAULT_MAX_SESSION_MINUTES, SessionMinutes::get),
        })
    }
}

/// `$XDG_DATA_HOME/learnpath` (XDG on every platform, macOS included): where progress is kept
/// when no file is named.
fn data_dir() -> Result<PathBuf, Error> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::base_strategy::Xdg::new().map_err(|_| Error::NoHome {
        what: HomeFor::Progress,
    })?;
    Ok(strategy.data_dir().join("learnpath"))
}

/// `$XDG_CONFIG_HOME/learnpath`: where the profile is kept when none is named.
fn config_dir() -> Result<PathBuf, Error> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::base_strategy::Xdg::new().map_err(|_| Error::NoHome {
        what: HomeFor::Profile,
    })?;
    Ok(strategy.config_dir().join("learnpath"))
}

/// `~/.netrc`, where the home folder is known: where `sync` looks for a password.
pub(in crate::cli) fn netrc_path() -> Option<PathBuf> {
    etcetera::home_dir().ok().map(|home| home.join(".netrc"))
}
