//! The HTTP side of CalDAV (RFC 4791, on WebDAV, RFC 4918): list the collection, read events,
//! and put and delete them on conditions (`If-Match`, `If-None-Match`), with `ureq`.

use super::address::CollectionUrl;
use super::credentials::Credentials;
use super::xml::{self, Response};
use crate::error::{CollectionProblem, Error, NetworkProblem, ProtocolProblem, Result, UidProblem};
use std::fmt;
use std::time::Duration;
use ureq::http::{self, HeaderValue, Method};

/// How long one request may take, connection included.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The most a reply may hold: a listing or the events of years of plans.
const MAX_REPLY_BYTES: u64 = 64 * 1024 * 1024;

const LISTING: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>
"#;

/// A calendar collection on a server, and how to log in to it.
pub struct Client {
    agent: ureq::Agent,
    collection: CollectionUrl,
    user: Option<String>,
    authorization: Option<HeaderValue>,
}

/// An event resource as the server has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub href: String,
    pub etag: String,
    pub data: String,
}

/// What a conditional change came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The condition failed (HTTP 412): the resource changed, appeared or went meanwhile.
    Changed,
    /// There is no such resource (a DELETE of what is gone).
    Gone,
}

/// What a PUT sends as its condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition<'a> {
    /// Only if no resource has the name (`If-None-Match: *`).
    New,
    /// Only if the resource still has this ETag (`If-Match`).
    Unchanged(&'a str),
}

/// A reply: its status, ETag and body.
struct Reply {
    status: u16,
    etag: Option<String>,
    location: Option<String>,
    body: String,
}

/// A failure to reach `url`, or to read its reply.
fn network(url: &str, problem: NetworkProblem) -> Error {
    Error::Network {
        url: url.to_string(),
        problem,
    }
}

/// Resolves names as usual, but refuses plain http to any address that is not this machine's:
/// the check is on the addresses the connection is made to, so a name that resolves elsewhere
/// (`*.localhost` sent to a DNS server, a rebinding) never gets the password over the network.
#[derive(Debug, Default)]
struct ThisMachineForPlainHttp(ureq::unversioned::resolver::DefaultResolver);

impl ureq::unversioned::resolver::Resolver for ThisMachineForPlainHttp {
    fn resolve(
        &self,
        uri: &http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> std::result::Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let addresses = self.0.resolve(uri, config, timeout)?;
        plain_http_to_this_machine(uri.scheme_str(), uri.host().unwrap_or(""), &addresses)
            .map_err(|message| {
                ureq::Error::Io(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    message,
                ))
            })?;
        Ok(addresses)
    }
}

/// A host named for plain http that resolves to an address elsewhere than this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ResolvesElsewhere {
    host: String,
    address: std::net::IpAddr,
}

impl fmt::Display for ResolvesElsewhere {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refusing plain http to {}: it resolves to {}, not this machine; use https://",
            self.host, self.address
        )
    }
}

impl std::error::Error for ResolvesElsewhere {}

/// Plain http goes only to loopback addresses, every one of them.
fn plain_http_to_this_machine(
    scheme: Option<&str>,
    host: &str,
    addresses: &[std::net::SocketAddr],
) -> std::result::Result<(), ResolvesElsewhere> {
    if scheme != Some("http") {
        return Ok(());
    }
    match addresses.iter().find(|address| !address.ip().is_loopback()) {
        None => Ok(()),
        Some(other) => Err(ResolvesElsewhere {
            host: host.to_string(),
            address: other.ip(),
        }),
    }
}

impl Client {
    pub fn new(collection: CollectionUrl, credentials: Option<&Credentials>) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .max_redirects(0)
            .timeout_global(Some(TIMEOUT))
            .user_agent(concat!("learnpath/", env!("CARGO_PKG_VERSION")))
            .build();
        let authorization = credentials.and_then(|credentials| {
            let mut value = HeaderValue::from_str(&credentials.basic_authorization()).ok()?;
            value.set_sensitive(true);
            Some(value)
        });
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::new(),
            ThisMachineForPlainHttp::default(),
        );
        Client {
            agent,
            collection,
            user: credentials.map(|credentials| credentials.user().to_string()),
            authorization,
        }
    }

    pub fn collection(&self) -> &CollectionUrl {
        &self.collection
    }

    /// The members of the collection (PROPFIND, Depth 1), after checking that the collection
    /// is a calendar.
    pub fn list(&self) -> Result<Vec<Response>> {
        let url = self.collection.as_str();
        let reply = self.send("PROPFIND", url, &[("Depth", "1")], Some(LISTING.into()))?;
        match reply.status {
            207 => {}
            404 => return Err(self.not_a_calendar(CollectionProblem::Missing)),
            405 | 501 => {
                return Err(self.not_a_calendar(CollectionProblem::NoWebDav {
                    status: reply.status,
                }));
            }
            _ => return Err(self.unexpected(url, &reply)),
        }
        let responses = self.parse(url, &reply.body)?;
        let path = self.collection.path();
        let own = responses
            .iter()
            .find(|response| same_path(&response.href, path));
        match own {
            Some(own) if own.calendar => Ok(responses
                .into_iter()
                .filter(|response| !same_path(&response.href, path))
                .collect()),
            Some(_) => Err(self.not_a_calendar(CollectionProblem::NotACalendar)),
            None => Err(self.not_a_calendar(CollectionProblem::NotListed)),
        }
    }

    /// The data and ETags of these members (REPORT calendar-multiget); those that are gone
    /// are left out.
    pub fn fetch(&self, hrefs: &[&str]) -> Result<Vec<Fetched>> {
        if hrefs.is_empty() {
            return Ok(Vec::new());
        }
        let mut body = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/><c:calendar-data/></d:prop>",
        );
        for href in hrefs {
            body.push_str(&format!("<d:href>{}</d:href>", xml::escape(href)));
        }
        body.push_str("</c:calendar-multiget>\n");
        let url = self.collection.as_str();
        let reply = self.send("REPORT", url, &[("Depth", "1")], Some(body))?;
        if reply.status != 207 {
            return Err(self.unexpected(url, &reply));
        }
        let responses = self.parse(url, &reply.body)?;
        Ok(responses
            .into_iter()
            .filter_map(|response| {
                Some(Fetched {
                    etag: response.etag?,
                    data: response.data?,
                    href: response.href,
                })
            })
            .collect())
    }

    /// One member (GET); none when it is gone.
    pub fn get(&self, file: &str) -> Result<Option<Fetched>> {
        let url = self.collection.resource(file);
        let reply = self.send("GET", &url, &[], None)?;
        match (reply.status, reply.etag) {
            (404 | 410, _) => Ok(None),
            (200, Some(etag)) => Ok(Some(Fetched {
                href: format!("{}{file}", self.collection.path()),
                etag,
                data: reply.body,
            })),
            (200, None) => Err(Error::CaldavProtocol {
                url,
                problem: ProtocolProblem::NoEtag,
            }),
            (status, etag) => Err(self.unexpected(
                &url,
                &Reply {
                    status,
                    etag,
                    ..reply
                },
            )),
        }
    }

    /// Writes a member, on a condition.
    pub fn put(&self, file: &str, body: String, condition: Condition) -> Result<Outcome> {
        let url = self.collection.resource(file);
        let condition = match condition {
            Condition::New => ("If-None-Match", "*"),
            Condition::Unchanged(etag) => ("If-Match", etag),
        };
        let headers = [("Content-Type", "text/calendar; charset=utf-8"), condition];
        let reply = self.send("PUT", &url, &headers, Some(body))?;
        match reply.status {
            200 | 201 | 204 => Ok(Outcome::Done),
            412 => Ok(Outcome::Changed),
            409 => Err(uid_taken(&url, &reply.body)),
            _ => Err(self.unexpected(&url, &reply)),
        }
    }

    /// Deletes a member if it still has this ETag.
    pub fn delete(&self, file: &str, etag: &str) -> Result<Outcome> {
        let url = self.collection.resource(file);
        let reply = self.send("DELETE", &url, &[("If-Match", etag)], None)?;
        match reply.status {
            200 | 202 | 204 => Ok(Outcome::Done),
            404 | 410 => Ok(Outcome::Gone),
            412 => Ok(Outcome::Changed),
            _ => Err(self.unexpected(&url, &reply)),
        }
    }

    /// Sends one request; a reply whatever its status, except that a refused login is an
    /// error here.
    fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<String>,
    ) -> Result<Reply> {
        let request_error = |error: http::Error| network(url, NetworkProblem::Request(error));
        let transport = |error: ureq::Error| network(url, NetworkProblem::Transport(error));
        let request = self.request(method, url, headers, body.is_some())?;
        let sent = match body {
            Some(body) => request
                .body(body)
                .map_err(request_error)
                .and_then(|request| self.agent.run(request).map_err(transport)),
            None => request
                .body(())
                .map_err(request_error)
                .and_then(|request| self.agent.run(request).map_err(transport)),
        };
        self.reply(url, sent?)
    }

    /// A request's method, URL and headers: the login, the Content-Type of an XML body unless
    /// `headers` name one, then `headers`.
    fn request(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        with_body: bool,
    ) -> Result<http::request::Builder> {
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|e| network(url, NetworkProblem::Request(e.into())))?;
        let mut request = http::Request::builder().method(method).uri(url);
        if let Some(authorization) = &self.authorization {
            request = request.header("Authorization", authorization.clone());
        }
        if with_body && !headers.iter().any(|(name, _)| *name == "Content-Type") {
            request = request.header("Content-Type", "application/xml; charset=utf-8");
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Ok(request)
    }

    /// The reply to a request to `url`: its status, ETag, Location and body (up to
    /// `MAX_REPLY_BYTES`); a refused login is an error.
    fn reply(&self, url: &str, mut response: http::Response<ureq::Body>) -> Result<Reply> {
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_string)
        };
        let (etag, location) = (header("ETag"), header("Location"));
        if matches!(status, 401 | 403) {
            return Err(Error::PermissionDenied {
                url: url.to_string(),
                status,
                user: self.user.clone(),
            });
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_REPLY_BYTES)
            .read_to_string()
            .map_err(|error| network(url, NetworkProblem::Reading(error)))?;
        Ok(Reply {
            status,
            etag,
            location,
            body,
        })
    }

    fn parse(&self, url: &str, body: &str) -> Result<Vec<Response>> {
        xml::multistatus(body).map_err(|problem| Error::CaldavProtocol {
            url: url.to_string(),
            problem: ProtocolProblem::Xml(problem),
        })
    }

    fn not_a_calendar(&self, problem: CollectionProblem) -> Error {
        Error::NotACalendar {
            url: self.collection.to_string(),
            problem,
        }
    }

    /// A status the request does not expect: a server error is the network's kind of failure
    /// (try again); a redirect names where to; anything else is the server's answer.
    fn unexpected(&self, url: &str, reply: &Reply) -> Error {
        let status = reply.status;
        match status {
            500..=599 => Error::Network {
                url: url.to_string(),
                problem: NetworkProblem::ServerFailed { status },
            },
            300..=399 => Error::NotACalendar {
                url: url.to_string(),
                problem: CollectionProblem::Redirect {
                    status,
                    location: reply.location.clone(),
                },
            },
            _ => Error::CaldavProtocol {
                url: url.to_string(),
                problem: ProtocolProblem::Unexpected { status },
            },
        }
    }
}

/// A PUT refused with HTTP 409 (Conflict): CalDAV's answer when another event of the calendar
/// has the UID (RFC 4791 §5.3.2.1, the `no-uid-conflict` precondition, whose `href` names that
/// event); said as such, with that event when the server names it.
fn uid_taken(url: &str, body: &str) -> Error {
    let problem = match no_uid_conflict(body) {
        Some(Some(holder)) => UidProblem::TakenBy { holder },
        Some(None) => UidProblem::Taken,
        None => UidProblem::Conflicting,
    };
    Error::UidTaken {
        url: url.to_string(),
        problem,
    }
}

/// Whether a reply's body names the `no-uid-conflict` precondition, and the path of the event
/// it names (when it is one line of printable text, at most 300 characters).
fn no_uid_conflict(body: &str) -> Option<Option<String>> {
    let at = body.find("no-uid-conflict")?;
    let inside = &body[at..];
    let href = inside
        .find("href")
        .and_then(|start| inside[start..].find('>').map(|end| start + end + 1))
        .and_then(|start| {
            let text = &inside[start..];
            text.find('<').map(|end| text[..end].trim())
        })
        .filter(|href| !href.is_empty())
        .map(|href| href_path(xml_unescaped(href).as_str()))
        .filter(|path| path.chars().count() <= 300 && !path.chars().any(char::is_control));
    Some(href)
}

/// The five predefined XML entities decoded.
fn xml_unescaped(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Whether an `href` (a path, or a URL) names the collection at `path`.
fn same_path(href: &str, path: &str) -> bool {
    let (href, path) = (href_path(href), percent_decode(path));
    href.trim_end_matches('/') == path.trim_end_matches('/')
}

/// The path of an `href`, percent-decoded: a URL's without its scheme and host.
pub fn href_path(href: &str) -> String {
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |slash| &rest[slash..]),
        None => href,
    };
    percent_decode(path)
}

/// `%XX` escapes decoded (invalid ones kept as written).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok();
        match (bytes[i], hex().and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_as_paths_or_urls_encoded_or_not() {
        assert_eq!(href_path("/u/my%20cal/"), "/u/my cal/");
        assert_eq!(href_path("https://h:8443/u/c/a.ics"), "/u/c/a.ics");
        assert_eq!(href_path("https://h"), "/");
        assert_eq!(href_path("/bad%zzescape%4"), "/bad%zzescape%4");
        assert!(same_path("/u/c", "/u/c/"));
        assert!(same_path("http://127.0.0.1:5232/u/c/", "/u/c/"));
        assert!(!same_path("/u/c/a.ics", "/u/c/"));
    }

    #[test]
    fn a_duplicate_uid_is_said_as_such_not_as_a_server_without_caldav() {
        let url = "https://h/cal/learnpath.c.2027-01-04.1.ics";
        let said = |body: &str| {
            let error = uid_taken(url, body);
            assert!(matches!(error, Error::UidTaken { .. }), "{error:?}");
            assert_eq!(error.code(), crate::error::exit::IO);
            let text = error.to_string();
            assert!(!text.contains("may not speak CalDAV"), "{text}");
            assert!(text.contains(url), "{text}");
            assert!(text.contains("HTTP 409"), "{text}");
            text
        };
        // As Radicale, Nextcloud (SabreDAV) and others answer, with the event holding the UID.
        let named = said(
            r#"<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><C:no-uid-conflict><D:href>/cal/imported%20copy.ics</D:href></C:no-uid-conflict></D:error>"#,
        );
        assert!(
            named.contains(
                "another event in the calendar, /cal/imported copy.ics, already has its UID"
            ),
            "{named}"
        );
        // What to do about it is the command line's to say (see `cli::messages`).
        assert!(!named.contains("learnpath sync"), "{named}");
        let unnamed =
            said(r#"<error xmlns="urn:ietf:params:xml:ns:caldav"><no-uid-conflict/></error>"#);
        assert!(
            unnamed.contains("another event in the calendar already has its UID"),
            "{unnamed}"
        );
        let bare = said("");
        assert!(
            bare.contains("most likely another event with its UID"),
            "{bare}"
        );
        // What the server names is shown only as plain printable text.
        let sneaky = said(
            "<C:no-uid-conflict><D:href>/cal/x&#27;\u{1b}[2J.ics</D:href></C:no-uid-conflict>",
        );
        assert!(!sneaky.contains('\u{1b}'), "{sneaky:?}");
    }

    #[test]
    fn plain_http_goes_only_to_loopback_addresses() {
        let at = |text: &str| -> std::net::SocketAddr { text.parse().unwrap() };
        let this = [at("127.0.0.1:5232"), at("[::1]:5232")];
        assert_eq!(
            plain_http_to_this_machine(Some("http"), "localhost", &this),
            Ok(())
        );
        let elsewhere = [at("127.0.0.1:80"), at("203.0.113.9:80")];
        let refused = plain_http_to_this_machine(Some("http"), "cal.localhost", &elsewhere)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("203.0.113.9"), "{refused}");
        assert!(refused.contains("cal.localhost"), "{refused}");
        assert_eq!(
            plain_http_to_this_machine(Some("https"), "dav.example.org", &elsewhere),
            Ok(())
        );
    }
}
