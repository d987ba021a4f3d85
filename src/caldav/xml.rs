//! WebDAV multistatus replies (RFC 4918 §13, RFC 4791 §9.6), read with a real XML parser:
//! elements are matched by namespace and local name, whatever prefixes the server chose.

use crate::error::XmlProblem;
use roxmltree::{Document, Node};

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// One `response` of a multistatus: a resource and the properties found for it (those of
/// `propstat`s with a 2xx status; properties the server lacks are left out).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// The `href` as sent: a path (or a URL), percent-encoded.
    pub href: String,
    /// The status of the whole response (`404` for a resource asked for that is gone), if
    /// given.
    pub status: Option<u16>,
    pub etag: Option<String>,
    /// Whether `resourcetype` says collection.
    pub collection: bool,
    /// Whether `resourcetype` says calendar (CalDAV).
    pub calendar: bool,
    /// `calendar-data`: the iCalendar text.
    pub data: Option<String>,
}

/// The responses of a multistatus body; why it is not one otherwise.
pub fn multistatus(body: &str) -> Result<Vec<Response>, XmlProblem> {
    let document = Document::parse(body).map_err(XmlProblem::Invalid)?;
    let root = document.root_element();
    if !is(root, DAV, "multistatus") {
        return Err(XmlProblem::NotMultistatus {
            root: root.tag_name().name().to_string(),
        });
    }
    children(root, DAV, "response").map(response).collect()
}

fn response(node: Node) -> Result<Response, XmlProblem> {
    let href = children(node, DAV, "href")
        .next()
        .map(|href| text(href).trim().to_string())
        .filter(|href| !href.is_empty())
        .ok_or(XmlProblem::NoHref)?;
    let mut found = Response {
        href,
        status: children(node, DAV, "status").next().and_then(status),
        ..Response::default()
    };
    for propstat in children(node, DAV, "propstat") {
        let ok = children(propstat, DAV, "status")
            .next()
            .and_then(status)
            .is_some_and(|code| (200..300).contains(&code));
        if !ok {
            continue;
        }
        for prop in children(propstat, DAV, "prop").flat_map(|prop| prop.children()) {
            if is(prop, DAV, "getetag") {
                found.etag = Some(text(prop).trim().to_string()).filter(|etag| !etag.is_empty());
            } else if is(prop, DAV, "resourcetype") {
                found.collection = children(prop, DAV, "collection").next().is_some();
                found.calendar = children(prop, CALDAV, "calendar").next().is_some();
            } else if is(prop, CALDAV, "calendar-data") {
                found.data = Some(text(prop));
            }
        }
    }
    Ok(found)
}

/// The code of a status line, `HTTP/1.1 404 Not Found`.
fn status(node: Node) -> Option<u16> {
    text(node).split_whitespace().nth(1)?.parse().ok()
}

fn is(node: Node, namespace: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().namespace() == Some(namespace)
        && node.tag_name().name() == name
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    namespace: &'static str,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |child| is(*child, namespace, name))
}

/// The text of an element, CDATA included.
fn text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|text| text.text())
        .collect()
}

/// `text` escaped for an XML element's content.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_with_several_responses_and_prefixes() {
        let body = r#"<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:x="http://example.org/">
  <D:response>
    <D:href>/me/cal/</D:href>
    <D:propstat>
      <D:prop>
        <D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
        <D:getetag>"coll"</D:getetag>
      </D:prop>
      <D:status>HTTP/1.1 200 OK</D:status>
    </D:propstat>
  </D:response>
  <response xmlns="DAV:">
    <href>/me/cal/learnpath.x.2027-01-04.1.ics</href>
    <propstat>
      <prop><getetag>"e1"</getetag><resourcetype/></prop>
      <status>HTTP/1.1 200 OK</status>
    </propstat>
    <propstat>
      <prop><x:getetag>"not DAV's"</x:getetag><C:calendar-data/></prop>
      <status>HTTP/1.1 404 Not Found</status>
    </propstat>
  </response>
  <D:response>
    <D:href>/me/cal/gone.ics</D:href>
    <D:status>HTTP/1.1 404 Not Found</D:status>
  </D:response>
</D:multistatus>"#;
        let responses = multistatus(body).unwrap();
        assert_eq!(responses.len(), 3);
        assert_eq!(responses[0].href, "/me/cal/");
        assert!(responses[0].collection && responses[0].calendar);
        let event = &responses[1];
        assert_eq!(event.href, "/me/cal/learnpath.x.2027-01-04.1.ics");
        assert_eq!(event.etag.as_deref(), Some("\"e1\""));
        assert!(!event.collection && !event.calendar);
        assert_eq!(event.data, None, "the 404 propstat gives nothing");
        assert_eq!(responses[2].status, Some(404));
        assert_eq!(responses[2].etag, None);
    }

    #[test]
    fn calendar_data_as_text_or_cdata() {
        let body = r#"<multistatus xmlns="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
  <response><href>/c/a.ics</href><propstat><prop>
    <getetag>"1"</getetag>
    <cal:calendar-data>BEGIN:VCALENDAR&#13;
SUMMARY:a &amp; b&#13;
END:VCALENDAR&#13;
</cal:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>
  <response><href>/c/b.ics</href><propstat><prop>
    <cal:calendar-data><![CDATA[BEGIN:VCALENDAR
END:VCALENDAR
]]></cal:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>
</multistatus>"#;
        let responses = multistatus(body).unwrap();
        assert_eq!(
            responses[0].data.as_deref(),
            Some("BEGIN:VCALENDAR\r\nSUMMARY:a & b\r\nEND:VCALENDAR\r\n")
        );
        assert_eq!(
            responses[1].data.as_deref(),
            Some("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
        );
    }

    #[test]
    fn what_is_not_a_multistatus_is_refused() {
        assert!(multistatus("<html><body>login</body></html>").is_err());
        let not_xml = multistatus("not xml").unwrap_err().to_string();
        assert!(not_xml.contains("invalid XML"), "{not_xml}");
        assert!(
            multistatus(r#"<multistatus xmlns="DAV:"><response/></multistatus>"#)
                .unwrap_err()
                .to_string()
                .contains("href")
        );
        assert_eq!(
            multistatus(r#"<multistatus xmlns="DAV:"/>"#).unwrap(),
            Vec::new()
        );
    }
}
