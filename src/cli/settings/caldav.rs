//! Where `sync` writes and as whom: the one place the CalDAV password's variable is read.

use super::*;

/// The variable that holds the CalDAV password.
pub(super) const PASSWORD_VARIABLE: &str = "LEARNPATH_CALDAV_PASSWORD";

/// Where `sync` writes and as whom: --caldav and --user, else the profile's; the password from
/// `LEARNPATH_CALDAV_PASSWORD` (else `sync` reads ~/.netrc).
pub(in crate::cli) struct CaldavRequest {
    pub url: CollectionUrl,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl CaldavRequest {
    pub fn resolve(
        caldav: Option<&str>,
        user: Option<String>,
        context: &Context,
        curriculum: &Curriculum,
    ) -> Result<CaldavRequest, Failure> {
        let saved = context.saved_profile(curriculum)?;
        let url = match caldav {
            Some(url) => CollectionUrl::parse(url)?,
            None => saved.value(Key::Caldav, values::caldav)?.ok_or_else(|| {
                Failure::Usage(
                    "give the calendar with --caldav URL, or save it with `learnpath profile set --caldav URL --user NAME`"
                        .to_string(),
                )
            })?,
        };
        Ok(CaldavRequest {
            url,
            user: saved.or(user, Key::User, values::user)?,
            password: std::env::var(PASSWORD_VARIABLE).ok(),
        })
    }
}
