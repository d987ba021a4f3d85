//! A synthetic curriculum of any size, deterministic for a seed: parts and section folders,
//! a manifest with five specializations and a few roles, 0-4 prerequisites per document on
//! earlier documents (mostly nearby), times from 15 to 120 minutes, bodies of 1-3 KB.
//!
//! Shared by `examples/synth` (writes it to disk), the benchmarks and the tests. The foreign
//! shape (`--shape foreign`) is in `foreign.rs` and borrows the word list and the sentences.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub const WORDS: &[&str] = &[
    "packet",
    "queue",
    "kernel",
    "vector",
    "switch",
    "fabric",
    "memory",
    "page",
    "cache",
    "scheduler",
    "runtime",
    "driver",
    "buffer",
    "latency",
    "throughput",
    "overlay",
    "tunnel",
    "namespace",
    "cgroup",
    "hypervisor",
    "interrupt",
    "ring",
    "descriptor",
    "table",
    "route",
];
const LEVELS: [&str; 5] = [
    "foundational",
    "intermediate",
    "intermediate",
    "advanced",
    "specialized",
];
const PART_NAMES: [&str; 5] = ["basics", "systems", "networks", "operations", "specialized"];

/// Documents per section, on average.
const SECTION_SIZE: usize = 40;
/// The last part's sections are the specializations.
pub const SPECIALIZATIONS: usize = 5;

/// A generated file: its path relative to the root, and its text.
pub struct File {
    pub path: String,
    pub text: String,
}

struct Section {
    part: usize,
    id: String,
    folder: String,
    docs: std::ops::Range<usize>,
}

/// Lays out `docs` documents in sections: the last `SPECIALIZATIONS` sections form part 5,
/// the others are spread over parts 1-4.
fn sections(docs: usize) -> Vec<Section> {
    let count = docs.div_ceil(SECTION_SIZE).max(SPECIALIZATIONS + 1);
    let general = count - SPECIALIZATIONS;
    let mut sections = Vec::with_capacity(count);
    for index in 0..count {
        let part = if index < general {
            index * 4 / general
        } else {
            4
        };
        let number = if index < general {
            index - (0..index).filter(|&i| i * 4 / general < part).count() + 1
        } else {
            index - general + 1
        };
        let (start, end) = (index * docs / count, (index + 1) * docs / count);
        sections.push(Section {
            part,
            id: format!("{}.{}", part + 1, number),
            folder: format!("p{}_{}/s{number:03}_topic", part + 1, PART_NAMES[part]),
            docs: start..end,
        });
    }
    sections
}

pub fn words(rng: &mut ChaCha8Rng, count: usize) -> String {
    (0..count)
        .map(|_| WORDS[rng.random_range(0..WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole curriculum: documents first (in path order), then `learnpath.yaml`.
pub fn generate(docs: usize, seed: u64) -> Vec<File> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let sections = sections(docs);
    let mut paths = vec![String::new(); docs];
    for section in &sections {
        for (k, doc) in section.docs.clone().enumerate() {
            paths[doc] = format!(
                "{}/{:04}_{}.md",
                section.folder,
                k + 1,
                WORDS[doc % WORDS.len()]
            );
        }
    }
    let mut files = Vec::with_capacity(docs + 1);
    let mut section_minutes = vec![0u32; sections.len()];
    for (index, section) in sections.iter().enumerate() {
        for doc in section.docs.clone() {
            let minutes = rng.random_range(15..=120u32);
            section_minutes[index] += minutes;
            let time = if minutes % 60 == 0 {
                format!("{}h", minutes / 60)
            } else {
                format!("{minutes} min")
            };
            let wanted = match rng.random_range(0..10) {
                0 | 1 => 0,
                2..=5 => 1,
                6 | 7 => 2,
                8 => 3,
                _ => 4,
            };
            let mut prerequisites: Vec<usize> = (0..wanted.min(doc))
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
            let mut text = String::with_capacity(3000);
            text.push_str("---\n");
            text.push_str(&format!("level: {}\n", LEVELS[section.part]));
            text.push_str(&format!("estimated_time: \"{time}\"\n"));
            if prerequisites.is_empty() {
                text.push_str("prerequisites: []\n");
            } else {
                text.push_str("prerequisites:\n");
                for &p in &prerequisites {
                    text.push_str(&format!("  - {}\n", paths[p]));
                }
            }
            match paths.get(doc + 1) {
                Some(next) => text.push_str(&format!("next_recommended:\n  - {next}\n")),
                None => text.push_str("next_recommended: []\n"),
            }
            let tags = rng.random_range(1..=4);
            text.push_str(&format!(
                "tags: [{}]\n",
                words(&mut rng, tags).replace(' ', ", ")
            ));
            text.push_str("---\n\n");
            text.push_str(&format!("# {} {doc}\n\n", capitalized(&words(&mut rng, 4))));
            let body_bytes = rng.random_range(1000..3000);
            while text.len() < body_bytes {
                text.push_str(&capitalized(&words(&mut rng, 12)));
                text.push_str(".\n");
            }
            files.push(File {
                path: paths[doc].clone(),
                text,
            });
        }
    }
    files.push(File {
        path: "learnpath.yaml".to_string(),
        text: manifest(&sections, &section_minutes),
    });
    files
}

pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn manifest(sections: &[Section], minutes: &[u32]) -> String {
    let mut text = String::from(
        "name: Synthetic curriculum\nsource: https://example.org/synthetic/\nparts:\n",
    );
    for (part, part_name) in PART_NAMES.iter().enumerate() {
        text.push_str(&format!(
            "  - id: \"{}\"\n    title: Part {} {part_name}\n    sections:\n",
            part + 1,
            part + 1,
        ));
        for (section, minutes) in sections.iter().zip(minutes).filter(|(s, _)| s.part == part) {
            text.push_str(&format!(
                "      - id: \"{}\"\n        title: Topic {}\n        folders: [{}]\n        claimed_time: \"{minutes} min\"\n",
                section.id, section.id, section.folder
            ));
            if part == 4 {
                text.push_str(&format!(
                    "        prerequisite_label: Ready for {}\n",
                    section.id
                ));
            }
        }
    }
    text.push_str("specializations:\n");
    for number in 1..=SPECIALIZATIONS {
        text.push_str(&format!(
            "  - section: \"5.{number}\"\n    when: [audience {number}]\n"
        ));
    }
    text.push_str("roles:\n");
    for number in 1..SPECIALIZATIONS {
        text.push_str(&format!(
            "  - name: role {number}\n    aliases: [r{number}]\n    specializations: [\"5.{number}\", \"5.{}\"]\n",
            number + 1
        ));
    }
    text
}
