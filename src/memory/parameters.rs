//! The FSRS parameters the memory model runs with: the crate's defaults, or the learner's own
//! (fitted to their reviews), checked before the model takes them.

use crate::error::ParametersProblem;
use fsrs::DEFAULT_PARAMETERS;

/// How many parameters FSRS 6 has; the last is the forgetting curve's decay.
pub const COUNT: usize = DEFAULT_PARAMETERS.len();

/// The decays the crate accepts: it clips any other into this range (its `clip_parameters`),
/// so one outside would make the model's curve and ours disagree.
const DECAY_RANGE: std::ops::RangeInclusive<f32> = 0.1..=0.8;

/// The parameters, when the model can use them: [`COUNT`] finite numbers whose last, the
/// decay, is within the range the crate accepts.
pub fn check(parameters: &[f32]) -> Result<[f32; COUNT], ParametersProblem> {
    let checked: [f32; COUNT] = parameters
        .try_into()
        .map_err(|_| ParametersProblem::Count {
            found: parameters.len(),
            expected: COUNT,
        })?;
    if let Some(index) = checked.iter().position(|value| !value.is_finite()) {
        return Err(ParametersProblem::NotFinite { index });
    }
    let decay = checked[COUNT - 1];
    if !DECAY_RANGE.contains(&decay) {
        return Err(ParametersProblem::Decay {
            value: decay,
            least: *DECAY_RANGE.start(),
            most: *DECAY_RANGE.end(),
        });
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_defaults_and_refuses_what_the_model_cannot_use() {
        assert_eq!(check(&DEFAULT_PARAMETERS), Ok(DEFAULT_PARAMETERS));
        assert_eq!(
            check(&DEFAULT_PARAMETERS[..20]),
            Err(ParametersProblem::Count {
                found: 20,
                expected: 21
            })
        );
        let mut broken = DEFAULT_PARAMETERS;
        broken[3] = f32::NAN;
        assert_eq!(
            check(&broken),
            Err(ParametersProblem::NotFinite { index: 3 })
        );
        let mut steep = DEFAULT_PARAMETERS;
        steep[20] = 2.0;
        assert!(matches!(
            check(&steep),
            Err(ParametersProblem::Decay { value: 2.0, .. })
        ));
    }
}
