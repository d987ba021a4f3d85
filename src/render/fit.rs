//! `review --fit`: what the fit of the learner's own memory parameters found, and whether they
//! were saved.

use crate::memory::{Fit, Fitted};
use crate::words::count;
use std::io::{self, Write};
use std::path::Path;

/// What `review --fit` reports.
#[derive(Clone, Copy)]
pub struct Outcome<'a> {
    pub fit: &'a Fit,
    /// Where the fitted parameters were saved; `None` when they were not.
    pub saved: Option<&'a Path>,
    /// The file of parameters saved before, which reviews keep using when none were saved now.
    pub kept: Option<&'a Path>,
}

/// The outcome in a sentence.
pub fn text(outcome: &Outcome<'_>, out: &mut dyn Write) -> io::Result<()> {
    let keep = match outcome.kept {
        Some(path) => format!("the parameters saved in {}", path.display()),
        None => "the default parameters".to_string(),
    };
    match outcome.fit {
        Fit::TooFew {
            reviews, needed, ..
        } => writeln!(
            out,
            "not enough reviews to fit your memory parameters yet: {reviews} of the {needed} needed (a review counts when it comes a day or more after the one before); reviews keep {keep}"
        ),
        Fit::Failed {
            reviews,
            documents,
            reason,
        } => writeln!(
            out,
            "could not fit your memory parameters to {} of {}: {reason}; reviews keep {keep}",
            count(*reviews, "review"),
            count(*documents, "document")
        ),
        Fit::Fitted(fitted) => {
            let losses = format!(
                "fitted your memory parameters on {} of {}: log loss {:.3} with the default parameters, {:.3} with yours",
                count(fitted.reviews, "review"),
                count(fitted.documents, "document"),
                fitted.log_loss_default,
                fitted.log_loss_fitted
            );
            match outcome.saved {
                Some(path) => writeln!(
                    out,
                    "{losses} ({} better); saved to {}",
                    percent(fitted),
                    path.display()
                ),
                None => writeln!(
                    out,
                    "{losses}, no better than the defaults; nothing saved, reviews keep {keep}"
                ),
            }
        }
    }
}

/// How much lower the fitted log loss is, in percent: one decimal below 10%.
fn percent(fitted: &Fitted) -> String {
    let percent = fitted.improvement() * 100.0;
    // 9.95 and above would show as "10.0" with one decimal.
    if percent < 9.95 {
        format!("{percent:.1}%")
    } else {
        format!("{percent:.0}%")
    }
}

/// The outcome as JSON (schema 1).
pub fn json(outcome: &Outcome<'_>, out: &mut dyn Write) -> io::Result<()> {
    let round = |loss: f32| (f64::from(loss) * 10_000.0).round() / 10_000.0;
    let (reviews, documents, fitted, reason) = match outcome.fit {
        Fit::TooFew {
            reviews, documents, ..
        } => (*reviews, *documents, None, None),
        Fit::Failed {
            reviews,
            documents,
            reason,
        } => (*reviews, *documents, None, Some(reason.to_string())),
        Fit::Fitted(fitted) => (fitted.reviews, fitted.documents, Some(fitted), None),
    };
    let value = serde_json::json!({
        "schema_version": 1,
        "fitted": fitted.is_some(),
        "saved": outcome.saved.is_some(),
        "reviews": reviews,
        "documents": documents,
        "needed": crate::memory::FIT_LEAST_REVIEWS,
        "log_loss_default": fitted.map(|fitted| round(fitted.log_loss_default)),
        "log_loss_fitted": fitted.map(|fitted| round(fitted.log_loss_fitted)),
        "reason": reason,
        "path": outcome.saved.map(|path| path.display().to_string()),
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::Fitted;

    fn fitted(default: f32, fitted: f32) -> Fit {
        Fit::Fitted(Fitted {
            parameters: Vec::new(),
            reviews: 812,
            documents: 64,
            log_loss_default: default,
            log_loss_fitted: fitted,
        })
    }

    fn said(fit: &Fit, saved: Option<&Path>, kept: Option<&Path>) -> String {
        let mut out = Vec::new();
        text(&Outcome { fit, saved, kept }, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn says_what_was_fitted_and_whether_it_was_saved() {
        let path = Path::new("/m/memory.yaml");
        assert_eq!(
            said(&fitted(0.412, 0.371), Some(path), None),
            "fitted your memory parameters on 812 reviews of 64 documents: log loss 0.412 with the default parameters, 0.371 with yours (10% better); saved to /m/memory.yaml\n"
        );
        assert_eq!(
            said(&fitted(0.412, 0.415), None, Some(path)),
            "fitted your memory parameters on 812 reviews of 64 documents: log loss 0.412 with the default parameters, 0.415 with yours, no better than the defaults; nothing saved, reviews keep the parameters saved in /m/memory.yaml\n"
        );
        let failed = Fit::Failed {
            reviews: 450,
            documents: 1,
            reason: crate::memory::fit::Unfit::NotEnoughData,
        };
        assert_eq!(
            said(&failed, None, None),
            "could not fit your memory parameters to 450 reviews of 1 document: too few of the reviews are at intervals the optimizer can learn from; reviews keep the default parameters\n"
        );
    }
}
