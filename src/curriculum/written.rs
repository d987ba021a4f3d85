//! The links of every study page as written, kept together until they are resolved: the
//! targets end to end in one text and, per link, where it is and its line. A `String` per link
//! and a `Vec` per field and page took about twice the memory at 100,000 pages, all of it alive
//! until the last link was resolved.

use super::page::Link;
use std::num::NonZeroU32;

/// A link as written, borrowed from [`Written`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkAt<'a> {
    pub target: &'a str,
    pub line: Option<usize>,
}

/// Where a link's target is in the text, and its line. A page is read up to 128 KiB, so
/// neither a target's length nor a line needs more than 32 bits.
#[derive(Debug, Clone, Copy)]
struct Packed {
    start: usize,
    len: u32,
    line: Option<NonZeroU32>,
}

/// Where a document's links are: its first in [`Written`]'s list, and how many it has in each
/// field (hard prerequisites, soft ones, next_recommended), in that order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocLinks {
    first: usize,
    counts: [u32; 3],
}

/// Every study page's links as written.
#[derive(Debug, Default)]
pub(crate) struct Written {
    text: String,
    links: Vec<Packed>,
    /// Per document, in the documents' order: the loader reorders and filters it with them.
    pub docs: Vec<DocLinks>,
}

impl Written {
    /// Room for the links of `docs` documents.
    pub fn with_capacity(docs: usize) -> Written {
        Written {
            docs: Vec::with_capacity(docs),
            ..Written::default()
        }
    }

    /// Adds a document's links: its hard prerequisites, soft ones and next_recommended.
    pub fn push(&mut self, fields: [&[Link]; 3]) {
        let first = self.links.len();
        for link in fields.iter().flat_map(|links| links.iter()) {
            let start = self.text.len();
            self.text.push_str(&link.target);
            self.links.push(Packed {
                start,
                len: u32::try_from(link.target.len()).expect("a target within a page"),
                line: link
                    .line
                    .and_then(|line| u32::try_from(line).ok())
                    .and_then(NonZeroU32::new),
            });
        }
        let count = |links: &[Link]| u32::try_from(links.len()).expect("links within a page");
        self.docs.push(DocLinks {
            first,
            counts: fields.map(count),
        });
    }

    /// Gives back the room no link took.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.links.shrink_to_fit();
        self.docs.shrink_to_fit();
    }

    /// A document's links in one field (0: hard prerequisites, 1: soft ones, 2:
    /// next_recommended).
    pub fn of(&self, doc: DocLinks, field: usize) -> Links<'_> {
        let before: u32 = doc.counts[..field].iter().sum();
        let first = doc.first + before as usize;
        Links {
            text: &self.text,
            links: &self.links[first..first + doc.counts[field] as usize],
        }
    }
}

/// One field's links of one document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Links<'a> {
    text: &'a str,
    links: &'a [Packed],
}

impl<'a> Links<'a> {
    pub fn len(&self) -> usize {
        self.links.len()
    }

    /// The links in the order they were written.
    pub fn iter(&self) -> impl Iterator<Item = LinkAt<'a>> + 'a {
        let text = self.text;
        self.links.iter().map(move |packed| LinkAt {
            target: &text[packed.start..packed.start + packed.len as usize],
            line: packed.line.map(|line| line.get() as usize),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(target: &str, line: Option<usize>) -> Link {
        Link {
            target: target.to_string(),
            line,
        }
    }

    #[test]
    fn each_field_gives_back_its_links_as_written() {
        let mut written = Written::with_capacity(2);
        written.push([
            &[link("a.md", Some(3)), link("b", None)],
            &[],
            &[link("c", Some(9))],
        ]);
        written.push([&[], &[link("x/y.md", Some(2))], &[]]);
        let fields = |doc: usize| -> Vec<Vec<LinkAt<'_>>> {
            (0..3)
                .map(|field| written.of(written.docs[doc], field).iter().collect())
                .collect()
        };
        let at = |target, line| LinkAt { target, line };
        assert_eq!(
            fields(0),
            [
                vec![at("a.md", Some(3)), at("b", None)],
                vec![],
                vec![at("c", Some(9))]
            ]
        );
        assert_eq!(fields(1), [vec![], vec![at("x/y.md", Some(2))], vec![]]);
    }
}
