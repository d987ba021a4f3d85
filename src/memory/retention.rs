//! The recall the learner aims for when a review falls due.

use std::fmt;

/// The target retention: the estimated recall at which a review falls due, from
/// [`Retention::LEAST`] to [`Retention::MOST`]. Higher means more reviews, sooner.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Retention(f32);

impl Retention {
    /// Below this, a learner forgets about a third of what they read before it comes back.
    pub const LEAST: f32 = 0.70;
    /// Above this, reviews come back so often that they crowd out new material.
    pub const MOST: f32 = 0.97;
    /// The crate's and Anki's usual target.
    pub const DEFAULT: Retention = Retention(0.9);

    /// The retention `value`, when it is within [`Retention::LEAST`] to [`Retention::MOST`].
    pub fn new(value: f64) -> Option<Retention> {
        let value = value as f32;
        (Retention::LEAST..=Retention::MOST)
            .contains(&value)
            .then_some(Retention(value))
    }

    pub fn value(self) -> f32 {
        self.0
    }
}

impl Default for Retention {
    fn default() -> Self {
        Retention::DEFAULT
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_range_and_nothing_outside_it() {
        assert_eq!(Retention::new(0.70).map(Retention::value), Some(0.70));
        assert_eq!(Retention::new(0.97).map(Retention::value), Some(0.97));
        assert_eq!(Retention::new(0.69), None);
        assert_eq!(Retention::new(0.98), None);
        assert_eq!(Retention::new(f64::NAN), None);
        assert_eq!(Retention::default().to_string(), "0.90");
    }
}
