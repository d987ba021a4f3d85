//! Who logs in to the CalDAV server: the user (`--user`, else the login ~/.netrc gives for the
//! host) and the password (`LEARNPATH_CALDAV_PASSWORD`, else ~/.netrc). The password stays in
//! memory: it is in no message, no `Debug` output and no file learnpath writes.

use crate::error::{Error, Result, UsageProblem};
use std::fmt;
use std::path::Path;

/// A user and a password for HTTP Basic authentication.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    user: String,
    password: String,
}

impl Credentials {
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Self {
        Credentials {
            user: user.into(),
            password: password.into(),
        }
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    /// The value of the `Authorization` header (RFC 7617).
    pub(crate) fn basic_authorization(&self) -> String {
        let pair = format!("{}:{}", self.user, self.password);
        format!("Basic {}", base64(pair.as_bytes()))
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// The credentials for `host`: `user` (else the login of the host's ~/.netrc entry) with
/// `password` (LEARNPATH_CALDAV_PASSWORD's value; else the entry's password). `netrc` is the
/// text of ~/.netrc, if there is one. None when nothing names a user: the server is asked
/// without a login then.
pub fn choose(
    host: &str,
    user: Option<&str>,
    password: Option<String>,
    netrc: Option<&str>,
) -> Result<Option<Credentials>> {
    let entry = netrc.and_then(|text| netrc_entry(text, host, user));
    let login = user
        .map(str::to_string)
        .or_else(|| entry.as_ref().and_then(|entry| entry.login.clone()));
    let password = password
        .filter(|password| !password.is_empty())
        .or_else(|| entry.and_then(|entry| entry.password));
    match (login, password) {
        (Some(user), Some(password)) => Ok(Some(Credentials::new(user, password))),
        (Some(user), None) => Err(Error::NoPassword {
            user,
            host: host.to_string(),
        }),
        (None, Some(_)) => Err(Error::CaldavUsage {
            problem: UsageProblem::NoUser {
                host: host.to_string(),
            },
        }),
        (None, None) => Ok(None),
    }
}

/// The text of a netrc file; none when there is no such file.
pub fn read_netrc(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(Error::io(path, error)),
    }
}

/// What a netrc file says for one machine.
#[derive(Default, PartialEq, Eq)]
struct Entry {
    login: Option<String>,
    password: Option<String>,
}

/// The entry for `host` (and `user`, when given and the entry names a login): the first
/// `machine` entry that fits, else the `default` entry.
///
/// The format (ftp(1), as curl and Python read it) is small, and the netrc crates on
/// crates.io are unmaintained, so it is read here: tokens separated by blanks, a token in
/// double quotes may hold blanks (with `\` escapes), a line whose first token starts with `#`
/// is a comment, and a `macdef` runs to the next empty line.
fn netrc_entry(text: &str, host: &str, user: Option<&str>) -> Option<Entry> {
    let mut tokens = tokens(text).into_iter();
    let mut current: Option<(Option<String>, Entry)> = None;
    let mut found = None;
    let mut default = None;
    let mut close = |entry: Option<(Option<String>, Entry)>| {
        let Some((machine, entry)) = entry else {
            return;
        };
        let user_fits = match (user, &entry.login) {
            (Some(user), Some(login)) => user == login,
            _ => true,
        };
        if !user_fits {
            return;
        }
        match machine {
            Some(machine) if machine.eq_ignore_ascii_case(host) => {
                found.get_or_insert(entry);
            }
            Some(_) => {}
            None => {
                default.get_or_insert(entry);
            }
        }
    };
    while let Some(token) = tokens.next() {
        match token.as_str() {
            "machine" => {
                close(current.take());
                current = tokens.next().map(|name| (Some(name), Entry::default()));
            }
            "default" => {
                close(current.take());
                current = Some((None, Entry::default()));
            }
            "login" | "password" | "account" => {
                let value = tokens.next();
                if let Some((_, entry)) = current.as_mut() {
                    match token.as_str() {
                        "login" => entry.login = value,
                        "password" => entry.password = value,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    close(current.take());
    found.or(default)
}

/// The tokens of a netrc file, without comments and macro definitions.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut in_macro = false;
    for line in text.lines() {
        if in_macro {
            in_macro = !line.trim().is_empty();
            continue;
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut chars = line.chars().peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            let Some(&first) = chars.peek() else { break };
            let mut token = String::new();
            if first == '"' {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => token.extend(chars.next()),
                        _ => token.push(c),
                    }
                }
            } else {
                while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                    token.push(c);
                }
            }
            tokens.push(token);
        }
        if tokens.len() >= 2 && tokens[tokens.len() - 2] == "macdef" {
            in_macro = true;
        }
    }
    tokens
}

/// Standard base64 with padding (RFC 4648 §4), for the Basic authorization header.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NETRC: &str = "\
# my machines
machine other.example login x password y
machine dav.example.org
  login alice
  password \"pass word\"
macdef init
machine dav.example.org login mallory password wrong

machine dav.example.org login bob password bobs
default login anon password anons
";

    #[test]
    fn base64_as_rfc_4648_gives_it() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(
            Credentials::new("Aladdin", "open sesame").basic_authorization(),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn netrc_entries_by_host_then_login() {
        let entry =
            |host, user| netrc_entry(NETRC, host, user).map(|entry| (entry.login, entry.password));
        let some = |login: &str, password: &str| {
            Some((Some(login.to_string()), Some(password.to_string())))
        };
        assert_eq!(entry("DAV.example.org", None), some("alice", "pass word"));
        assert_eq!(entry("dav.example.org", Some("bob")), some("bob", "bobs"));
        assert_eq!(entry("dav.example.org", Some("carol")), None);
        assert_eq!(entry("elsewhere", None), some("anon", "anons"));
        // The macro's body is not read as entries.
        assert_eq!(entry("dav.example.org", Some("mallory")), None);
    }

    #[test]
    fn the_password_comes_from_the_environment_then_netrc() {
        let chosen = |user, password: Option<&str>, netrc| {
            choose("dav.example.org", user, password.map(str::to_string), netrc)
        };
        let from_env = chosen(Some("bob"), Some("env"), Some(NETRC)).unwrap();
        assert_eq!(from_env, Some(Credentials::new("bob", "env")));
        let from_netrc = chosen(None, None, Some(NETRC)).unwrap();
        assert_eq!(from_netrc, Some(Credentials::new("alice", "pass word")));
        assert_eq!(chosen(None, None, None).unwrap(), None);
        assert!(matches!(
            chosen(Some("bob"), None, None),
            Err(Error::NoPassword { .. })
        ));
        assert!(matches!(
            chosen(None, Some("secret"), None),
            Err(Error::CaldavUsage { .. })
        ));
    }

    #[test]
    fn debug_output_hides_the_password() {
        let shown = format!("{:?}", Credentials::new("bob", "hunter2"));
        assert!(
            shown.contains("bob") && !shown.contains("hunter2"),
            "{shown}"
        );
    }
}
