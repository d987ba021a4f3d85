//! The collection's URL: checked before anything is sent (https, or plain http to this machine
//! only; no password in it), and the URLs of its resources.

use crate::error::{Error, Result, UsageProblem};
use std::net::IpAddr;
use ureq::http::Uri;

/// A calendar collection's URL, ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionUrl {
    url: String,
    host: String,
    path: String,
}

impl CollectionUrl {
    /// Reads and checks `text`: an `https` URL, or an `http` one whose host is a loopback
    /// address (127.0.0.0/8, ::1, localhost), without a user or password in it and without a
    /// query. A missing final `/` is added.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        let refuse = |problem: UsageProblem| Err(Error::CaldavUsage { problem });
        let Ok(uri) = text.parse::<Uri>() else {
            return refuse(UsageProblem::NotAUrl { text: masked(text) });
        };
        let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
            return refuse(UsageProblem::NotAbsolute { text: masked(text) });
        };
        if authority.as_str().contains('@') {
            // Not echoed: the part before the @ may be a password.
            return refuse(UsageProblem::LoginInUrl);
        }
        // `https://alice:hun/ter2@host/`: the authority is `alice:hun`, whose port is no number,
        // and what follows may be the rest of a password.
        let after_host = authority
            .as_str()
            .rsplit_once(']')
            .map_or(authority.as_str(), |(_, rest)| rest);
        if let Some((_, port)) = after_host.rsplit_once(':')
            && !port.is_empty()
            && port.parse::<u16>().is_err()
        {
            return refuse(UsageProblem::BadPort { text: masked(text) });
        }
        if uri.query().is_some() {
            return refuse(UsageProblem::Query { text: masked(text) });
        }
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase();
        match scheme.to_ascii_lowercase().as_str() {
            "https" => {}
            "http" if is_loopback(&host) => {}
            "http" => {
                return refuse(UsageProblem::PlainHttp { host });
            }
            other => {
                return refuse(UsageProblem::Scheme {
                    text: masked(text),
                    scheme: other.to_string(),
                });
            }
        }
        let mut path = uri.path().to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        let url = format!("{}://{authority}{path}", scheme.to_ascii_lowercase());
        Ok(CollectionUrl { url, host, path })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The host, lowercase, without the brackets of an IPv6 address (as ~/.netrc names it).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The collection's path, ending in `/`, as the server's `href`s give it.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The URL of the resource `file` (a file name, e.g. `learnpath.x.2027-01-04.1.ics`) in
    /// the collection.
    pub fn resource(&self, file: &str) -> String {
        format!("{}{}", self.url, file)
    }
}

impl std::fmt::Display for CollectionUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

/// `text` as a message may quote it: whatever could be a user or password (everything between
/// `scheme://`, or the start, and the last `@`) as `***`. Used for text that did not parse, or
/// whose user part was not yet ruled out: an `@` in the path of a malformed URL hides more than
/// it must, never less.
pub fn masked(text: &str) -> String {
    let (scheme, rest) = match text.find("://") {
        Some(at) => text.split_at(at + 3),
        None => ("", text),
    };
    match rest.rfind('@') {
        Some(at) => format!("{scheme}***{}", &rest[at..]),
        None => text.to_string(),
    }
}

/// Whether `host` is this machine: `localhost` or a loopback address.
fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        match CollectionUrl::parse(text) {
            Err(error) => error.to_string(),
            Ok(url) => panic!("{text} was taken as {url}"),
        }
    }

    #[test]
    fn https_anywhere_http_only_to_this_machine() {
        let url = CollectionUrl::parse("https://dav.example.org/cal/me/work").unwrap();
        assert_eq!(url.as_str(), "https://dav.example.org/cal/me/work/");
        assert_eq!(url.path(), "/cal/me/work/");
        assert_eq!(url.host(), "dav.example.org");
        assert_eq!(
            url.resource("a.ics"),
            "https://dav.example.org/cal/me/work/a.ics"
        );
        for local in [
            "http://127.0.0.1:5232/u/c/",
            "http://127.8.0.1/c/",
            "http://localhost:8080/c/",
            "http://[::1]:5232/c/",
        ] {
            assert!(CollectionUrl::parse(local).is_ok(), "{local}");
        }
        assert_eq!(
            CollectionUrl::parse("http://[::1]:5232/c/").unwrap().host(),
            "::1"
        );
        for remote in [
            "http://dav.example.org/c/",
            "http://192.168.1.2/c/",
            "http://10.0.0.1/c/",
            "http://[2001:db8::1]/c/",
        ] {
            assert!(refused(remote).contains("refusing plain http"), "{remote}");
        }
        assert!(refused("ftp://h/c/").contains("ftp"));
        assert!(refused("not a url").contains("not a URL"));
        assert!(refused("/just/a/path").contains("absolute"));
    }

    #[test]
    fn a_password_in_a_url_that_does_not_parse_is_not_repeated() {
        for text in [
            "https://alice:hunter2@dav example.org/c/",
            "https://alice:hunter2@dav.example.org/c/?x=1 y",
            "ftp://alice:hunter2@dav.example.org/c/",
            "alice:hunter2@dav.example.org/c/",
            "https://alice:hun@ter2@dav.example.org/c/%zz",
            "https://alice:hun/ter2@dav.example.org/c/",
            "https://alice:hunter2@[::1/c/",
        ] {
            let message = refused(text);
            assert!(!message.contains("hunter2"), "{message}");
            assert!(!message.contains("hun/ter2"), "{message}");
        }
        assert_eq!(
            masked("https://alice:hunter2@dav.example.org/c/"),
            "https://***@dav.example.org/c/"
        );
        assert_eq!(
            masked("https://dav.example.org/c/"),
            "https://dav.example.org/c/"
        );
        assert!(refused("https://dav.example.org/c/?x").contains("https://dav.example.org/c/?x"));
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_not_repeated() {
        let text = "https://me:hunter2@dav.example.org/c/";
        assert!(matches!(
            CollectionUrl::parse(text),
            Err(Error::CaldavUsage {
                problem: UsageProblem::LoginInUrl
            })
        ));
        let message = refused(text);
        assert!(!message.contains("hunter2"), "{message}");
    }
}
