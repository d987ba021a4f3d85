//! What went wrong talking to a CalDAV server, as data: each says the fact; the command line
//! adds what to do about it (which flag, which variable).

use std::fmt;

/// A CalDAV setting learnpath will not use. Nothing was sent. URLs are quoted masked (see
/// `caldav::address::masked`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// Text that does not parse as a URL.
    NotAUrl { text: String },
    /// A URL without a scheme or a host.
    NotAbsolute { text: String },
    /// A user or a password in the URL (not echoed: it may be a password).
    LoginInUrl,
    /// A port that is not a number.
    BadPort { text: String },
    /// A query (`?...`).
    Query { text: String },
    /// Plain http to a host that is not this machine.
    PlainHttp { host: String },
    /// Another scheme than http(s).
    Scheme { text: String, scheme: String },
    /// A password to send, but no user to send it for.
    NoUser { host: String },
}

const COLLECTION_EXAMPLE: &str = "https://HOST/remote.php/dav/calendars/USER/CALENDAR/";

impl fmt::Display for UsageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageProblem::NotAUrl { text } => write!(
                f,
                "'{text}' is not a URL; give the calendar collection's URL, e.g. {COLLECTION_EXAMPLE}"
            ),
            UsageProblem::NotAbsolute { text } => write!(
                f,
                "'{text}' is not an absolute URL; give it with https:// and the host"
            ),
            UsageProblem::LoginInUrl => f.write_str("the CalDAV URL holds a user or password"),
            UsageProblem::BadPort { text } => write!(
                f,
                "'{text}' has a port that is not a number; give the calendar collection's URL, e.g. {COLLECTION_EXAMPLE}"
            ),
            UsageProblem::Query { text } => write!(
                f,
                "'{text}' has a query (?...); a calendar collection's URL has none"
            ),
            UsageProblem::PlainHttp { host } => write!(
                f,
                "refusing plain http to {host}: the password would cross the network unencrypted; use https:// (http is allowed for this machine only: localhost, 127.0.0.1, ::1)"
            ),
            UsageProblem::Scheme { text, scheme } => write!(
                f,
                "'{text}' is a {scheme} URL; CalDAV needs https:// (or http:// to this machine)"
            ),
            UsageProblem::NoUser { host } => {
                write!(f, "a password is given but no user for {host}")
            }
        }
    }
}

/// Why a request got no answer, or the answer broke off, or the server failed.
#[derive(Debug)]
pub enum NetworkProblem {
    /// The request could not be made (the `http` crate's reason).
    Request(ureq::http::Error),
    /// The request was not answered (the `ureq` crate's reason).
    Transport(ureq::Error),
    /// The reply broke off or was too large (the `ureq` crate's reason).
    Reading(ureq::Error),
    /// A server error (HTTP 5xx).
    ServerFailed { status: u16 },
}

impl fmt::Display for NetworkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetworkProblem::Request(error) => write!(f, "{error}"),
            NetworkProblem::Transport(error) => write!(f, "{error}"),
            NetworkProblem::Reading(error) => write!(f, "reading the reply: {error}"),
            NetworkProblem::ServerFailed { status } => {
                write!(f, "the server failed (HTTP {status})")
            }
        }
    }
}

/// Why a URL is not a calendar collection learnpath can write to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionProblem {
    /// HTTP 404.
    Missing,
    /// HTTP 405 or 501 to a WebDAV request.
    NoWebDav { status: u16 },
    /// A collection, but not a calendar.
    NotACalendar,
    /// The listing does not name the collection itself.
    NotListed,
    /// A redirect (HTTP 3xx), to `location` when the server says.
    Redirect {
        status: u16,
        location: Option<String>,
    },
}

impl fmt::Display for CollectionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CollectionProblem::Missing => f.write_str("does not exist (HTTP 404)"),
            CollectionProblem::NoWebDav { status } => write!(
                f,
                "does not answer WebDAV requests (HTTP {status}); it is no CalDAV collection"
            ),
            CollectionProblem::NotACalendar => {
                f.write_str("is a folder but not a calendar; give the URL of a calendar in it")
            }
            CollectionProblem::NotListed => {
                f.write_str("is not listed by the server as a collection")
            }
            CollectionProblem::Redirect { status, location } => write!(
                f,
                "redirects (HTTP {status}) to {}; give that URL instead",
                location.as_deref().unwrap_or("another address")
            ),
        }
    }
}

/// An answer CalDAV does not allow.
#[derive(Debug)]
pub enum ProtocolProblem {
    /// An event without an ETag.
    NoEtag,
    /// A status the request does not expect.
    Unexpected { status: u16 },
    /// A multistatus reply that cannot be read.
    Xml(XmlProblem),
}

impl fmt::Display for ProtocolProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolProblem::NoEtag => f.write_str(
                "the server gives no ETag for the event; learnpath needs ETags to change events safely",
            ),
            ProtocolProblem::Unexpected { status } => write!(f, "unexpected reply HTTP {status}"),
            ProtocolProblem::Xml(problem) => write!(f, "{problem}"),
        }
    }
}

/// Why a body is not a WebDAV multistatus.
#[derive(Debug)]
pub enum XmlProblem {
    /// Not XML (the `roxmltree` crate's reason).
    Invalid(roxmltree::Error),
    /// Another root element than `multistatus`.
    NotMultistatus { root: String },
    /// A `response` without an `href`.
    NoHref,
}

impl fmt::Display for XmlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XmlProblem::Invalid(error) => write!(f, "invalid XML: {error}"),
            XmlProblem::NotMultistatus { root } => {
                write!(f, "expected a DAV multistatus, got <{root}>")
            }
            XmlProblem::NoHref => f.write_str("a response without an href"),
        }
    }
}

impl std::error::Error for XmlProblem {}

/// A PUT refused with HTTP 409: most likely another event of the calendar has the UID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UidProblem {
    /// The server says so, and names that event.
    TakenBy { holder: String },
    /// The server says so, without naming the event.
    Taken,
    /// The server says only that the event conflicts.
    Conflicting,
}

impl fmt::Display for UidProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const REFUSED: &str = "the server refused the event";
        match self {
            UidProblem::TakenBy { holder } => write!(
                f,
                "{REFUSED} because another event in the calendar, {holder}, already has its UID (HTTP 409)"
            ),
            UidProblem::Taken => write!(
                f,
                "{REFUSED} because another event in the calendar already has its UID (HTTP 409)"
            ),
            UidProblem::Conflicting => write!(
                f,
                "{REFUSED} as conflicting with what the calendar holds (HTTP 409), most likely another event with its UID"
            ),
        }
    }
}
