//! The foreign shape (`--shape foreign`): a curriculum written for some other site, as real
//! course repositories are. No `learnpath.yaml`; a deterministic mix, for a seed, of
//!
//! - lessons `learn/<topic>/NN-slug.md` with `estimatedMinutes: <int>` (one in ten has
//!   `duration: "1h30"` instead, one in ten `hours: 1.5`) and `difficulty: beginner|intermediate|
//!   advanced`, every other one with a frontmatter `id`;
//! - every fourth topic a Hugo tree of `<topic>/<sub>/_index.md` pages with `prerequisites:
//!   {hard: [...], soft: [...]}` of folder paths, no time and no level (the loader estimates from
//!   the body: a few hundred words and a code block);
//!
//! and prerequisites written as site URLs (`/learn/<topic>/NN-slug`, some without the leading
//! slash, some with a trailing one), as paths relative to the citing page (`../other/03-x.md`),
//! as bare slugs without the number prefix, as frontmatter ids, and as folders (`topic/sub/`).
//! Every name is unique and every prerequisite, hard or soft, is an earlier page: the curriculum
//! is acyclic and every link resolves. Bodies are the classic shape's size (1-3 KB).

use crate::generate::{File, WORDS, capitalized, words};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Topic names, a vocabulary apart from `WORDS` (the slugs), so no slug names a topic.
const TOPICS: &[&str] = &[
    "css", "html", "shell", "git", "sql", "http", "dns", "tls", "docker", "linux", "python",
    "regex",
];
const DIFFICULTIES: [&str; 3] = ["beginner", "intermediate", "advanced"];

/// Pages per topic, on average.
const TOPIC_SIZE: usize = 20;
/// Every `HUGO_EVERY`th topic is a Hugo tree; the first topic never is, so that every Hugo page
/// has an earlier page to need.
const HUGO_EVERY: usize = 4;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `learn/<topic>/NN-slug.md`
    Lesson,
    /// `<topic>/<slug>/_index.md`
    Hugo,
}

struct Topic {
    kind: Kind,
    name: String,
    difficulty: &'static str,
    docs: std::ops::Range<usize>,
}

struct Page {
    kind: Kind,
    topic: usize,
    /// Its number in the topic, from 1.
    number: usize,
    path: String,
    /// The file stem without `NN-` (lessons) or the folder name (Hugo pages).
    slug: String,
    id: Option<String>,
}

/// Lays out `docs` pages in topics of about `TOPIC_SIZE`, in difficulty order.
fn topics(docs: usize) -> Vec<Topic> {
    let count = docs.div_ceil(TOPIC_SIZE).max(1);
    (0..count)
        .map(|index| Topic {
            kind: if index % HUGO_EVERY == HUGO_EVERY - 1 {
                Kind::Hugo
            } else {
                Kind::Lesson
            },
            name: match index / TOPICS.len() {
                0 => TOPICS[index].to_string(),
                round => format!("{}-{}", TOPICS[index % TOPICS.len()], round + 1),
            },
            difficulty: DIFFICULTIES[index * DIFFICULTIES.len() / count],
            docs: index * docs / count..(index + 1) * docs / count,
        })
        .collect()
}

/// A unique slug of at least two words for each number: `packet-packet`, `packet-queue`, ...
fn slug(doc: usize) -> String {
    let mut n = doc + WORDS.len();
    let mut parts = vec![WORDS[n % WORDS.len()]];
    while n >= WORDS.len() {
        n = n / WORDS.len() - 1;
        parts.push(WORDS[n % WORDS.len()]);
    }
    parts.reverse();
    parts.join("-")
}

/// Every page, by document number.
fn pages(topics: &[Topic]) -> Vec<Page> {
    let mut pages = Vec::new();
    for (index, topic) in topics.iter().enumerate() {
        for (k, doc) in topic.docs.clone().enumerate() {
            let slug = slug(doc);
            let path = match topic.kind {
                Kind::Lesson => format!("learn/{}/{:02}-{slug}.md", topic.name, k + 1),
                Kind::Hugo => format!("{}/{slug}/_index.md", topic.name),
            };
            let id = (topic.kind == Kind::Lesson && doc % 2 == 0)
                .then(|| format!("{}-{:02}", topic.name, k + 1));
            pages.push(Page {
                kind: topic.kind,
                topic: index,
                number: k + 1,
                path,
                slug,
                id,
            });
        }
    }
    pages
}

/// The whole curriculum, in path order; no manifest.
pub fn generate(docs: usize, seed: u64) -> Vec<File> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let topics = topics(docs);
    let pages = pages(&topics);
    let mut files: Vec<File> = (0..docs)
        .map(|doc| File {
            path: pages[doc].path.clone(),
            text: match pages[doc].kind {
                Kind::Lesson => lesson(&mut rng, &topics, &pages, doc),
                Kind::Hugo => hugo(&mut rng, &pages, doc),
            },
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// 0-4 earlier documents (at least `least`), mostly nearby, as in the classic shape.
fn prerequisites(rng: &mut ChaCha8Rng, doc: usize, least: usize) -> Vec<usize> {
    let wanted = match rng.random_range(0..10) {
        0 | 1 => 0,
        2..=5 => 1,
        6 | 7 => 2,
        8 => 3,
        _ => 4,
    };
    let mut prerequisites: Vec<usize> = (0..wanted.max(least).min(doc))
        .map(|_| {
            if rng.random_range(0..5) == 0 {
                rng.random_range(0..doc)
            } else {
                doc - rng.random_range(1..=doc.min(20))
            }
        })
        .collect();
    prerequisites.sort_unstable();
    prerequisites.dedup();
    prerequisites
}

fn title(page: &Page) -> String {
    capitalized(&page.slug.replace('-', " "))
}

fn lesson(rng: &mut ChaCha8Rng, topics: &[Topic], pages: &[Page], doc: usize) -> String {
    let page = &pages[doc];
    let mut text = String::with_capacity(3000);
    text.push_str("---\n");
    text.push_str(&format!("title: \"{}\"\n", title(page)));
    if let Some(id) = &page.id {
        text.push_str(&format!("id: {id}\n"));
    }
    text.push_str(&time(rng));
    let difficulty = topics[page.topic].difficulty;
    match page.topic % 2 {
        0 => text.push_str(&format!("difficulty: '{difficulty}'\n")),
        _ => text.push_str(&format!("difficulty: {difficulty}\n")),
    }
    let links: Vec<String> = prerequisites(rng, doc, 0)
        .into_iter()
        .map(|p| link(rng, pages, doc, p))
        .collect();
    text.push_str(&format!("prerequisites: [{}]\n", links.join(", ")));
    let tags = rng.random_range(1..=4);
    text.push_str(&format!(
        "tags: [{}]\n",
        words(rng, tags).replace(' ', ", ")
    ));
    text.push_str("---\n\n");
    text.push_str(&format!("# {}\n\n", title(page)));
    let body_bytes = rng.random_range(1000..3000);
    sentences(rng, &mut text, body_bytes);
    text
}

/// A time field: integer minutes mostly, sometimes a text duration or decimal hours.
fn time(rng: &mut ChaCha8Rng) -> String {
    let minutes = rng.random_range(15..=120u32);
    match rng.random_range(0..10) {
        0 => format!("duration: \"{}\"\n", duration(minutes)),
        1 => {
            let quarters = (minutes + 7) / 15;
            format!("hours: {}\n", f64::from(quarters) / 4.0)
        }
        _ => format!("estimatedMinutes: {minutes}\n"),
    }
}

/// "45 minutes", "1 hour", "2 hours", "1h30".
fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 hour".to_string(),
        (h, 0) => format!("{h} hours"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

/// A Hugo section page: hard and soft prerequisites (at least one hard), no time, a body of a
/// few hundred words with a code block in the middle.
fn hugo(rng: &mut ChaCha8Rng, pages: &[Page], doc: usize) -> String {
    let page = &pages[doc];
    let (mut hard, mut soft) = (Vec::new(), Vec::new());
    for p in prerequisites(rng, doc, 1) {
        let link = link(rng, pages, doc, p);
        match rng.random_range(0..3) {
            0 => soft.push(link),
            _ => hard.push(link),
        }
    }
    if hard.is_empty() {
        hard.push(soft.remove(0));
    }
    let mut text = String::with_capacity(3000);
    text.push_str("---\n");
    text.push_str(&format!("title: \"{}\"\n", title(page)));
    text.push_str(&format!("weight: {}\n", page.number));
    text.push_str("prerequisites:\n");
    text.push_str(&block_list("  hard", &hard));
    text.push_str(&block_list("  soft", &soft));
    text.push_str("---\n\n");
    let body_bytes = rng.random_range(1500..3000);
    sentences(rng, &mut text, body_bytes / 2);
    text.push_str(&code_block(rng));
    sentences(rng, &mut text, body_bytes);
    text
}

fn block_list(key: &str, items: &[String]) -> String {
    if items.is_empty() {
        return format!("{key}: []\n");
    }
    let indent = " ".repeat(key.len() - key.trim_start().len() + 2);
    let mut text = format!("{key}:\n");
    for item in items {
        text.push_str(&format!("{indent}- {item}\n"));
    }
    text
}

fn code_block(rng: &mut ChaCha8Rng) -> String {
    let mut text = String::from("\n```sh\n");
    for _ in 0..rng.random_range(3..=6) {
        text.push_str(&format!("{} --{}\n", words(rng, 2), words(rng, 1)));
    }
    text.push_str("```\n\n");
    text
}

/// Sentences of twelve words, one a line, until the text is `bytes` long.
fn sentences(rng: &mut ChaCha8Rng, text: &mut String, bytes: usize) {
    while text.len() < bytes {
        text.push_str(&capitalized(&words(rng, 12)));
        text.push_str(".\n");
    }
}

/// How the page `from` names its prerequisite `to`, in one of the styles real courses use.
fn link(rng: &mut ChaCha8Rng, pages: &[Page], from: usize, to: usize) -> String {
    let (source, target) = (&pages[from], &pages[to]);
    match (source.kind, target.kind) {
        (Kind::Hugo, Kind::Hugo) => folder(rng, target),
        (Kind::Hugo, Kind::Lesson) => url(rng, target),
        (Kind::Lesson, Kind::Hugo) => match rng.random_range(0..4) {
            0 => relative(&source.path, &target.path),
            _ => folder(rng, target),
        },
        (Kind::Lesson, Kind::Lesson) => match rng.random_range(0..20) {
            0..=9 => url(rng, target),
            10..=12 => relative(&source.path, &target.path),
            13..=15 => target.slug.clone(),
            _ => match &target.id {
                Some(id) => id.clone(),
                None => url(rng, target),
            },
        },
    }
}

/// `/learn/css/03-x`, sometimes `learn/css/03-x` or `/learn/css/03-x/`.
fn url(rng: &mut ChaCha8Rng, target: &Page) -> String {
    let url = target.path.trim_end_matches(".md");
    match rng.random_range(0..10) {
        0 => url.to_string(),
        1 => format!("/{url}/"),
        _ => format!("/{url}"),
    }
}

/// `dns/packet-queue`, `dns/packet-queue/` or `/dns/packet-queue/`.
fn folder(rng: &mut ChaCha8Rng, target: &Page) -> String {
    let folder = target.path.trim_end_matches("/_index.md");
    match rng.random_range(0..3) {
        0 => folder.to_string(),
        1 => format!("{folder}/"),
        _ => format!("/{folder}/"),
    }
}

/// The path of `to` relative to the folder of `from`: `./03-x.md`, `../html/03-x.md`.
fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').collect();
    let from = &from[..from.len() - 1];
    let to: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to[..to.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let up = match from.len() - common {
        0 => "./".to_string(),
        ups => "../".repeat(ups),
    };
    up + &to[common..].join("/")
}
