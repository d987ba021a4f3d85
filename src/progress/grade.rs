//! How well a document was remembered at a review: the four grades of spaced repetition.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The grade of a review, as the learner gives it. A document marked done without one was
/// read well: [`Grade::Good`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Forgotten: the document is to come back soon.
    Again,
    /// Remembered, with effort.
    Hard,
    #[default]
    Good,
    /// Remembered without effort.
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The grade as FSRS numbers it: 1 (again) to 4 (easy).
    pub fn rating(self) -> u32 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Grade {
    type Err = ();

    fn from_str(text: &str) -> Result<Grade, ()> {
        Grade::ALL
            .into_iter()
            .find(|grade| grade.name() == text)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_others_do_not() {
        for grade in Grade::ALL {
            assert_eq!(grade.name().parse::<Grade>(), Ok(grade));
        }
        assert_eq!("Good".parse::<Grade>(), Err(()));
        assert_eq!("ok".parse::<Grade>(), Err(()));
        assert_eq!(Grade::default(), Grade::Good);
    }
}
