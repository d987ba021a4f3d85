//! The book shape (`--shape book`): an mdBook as real books are, with no frontmatter at all.
//! `book.toml`, then `src/SUMMARY.md` listing an introduction, parts of chapters of sections
//! (ten sections a chapter, five chapters a part) and a draft in each part; every page is a
//! heading and a few hundred words with a code block, so its time comes from its words. The
//! same pages without SUMMARY.md and book.toml are the loading floor a table is measured against
//! (bench/run.sh).

use crate::generate::{File, capitalized, words};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const SECTIONS_PER_CHAPTER: usize = 10;
const CHAPTERS_PER_PART: usize = 5;

/// `docs` pages (the introduction among them), deterministic for a seed.
pub fn generate(docs: usize, seed: u64) -> Vec<File> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut files = vec![File {
        path: "book.toml".to_string(),
        text: "[book]\ntitle = \"A synthetic book\"\n".to_string(),
    }];
    let mut summary = String::from("# Summary\n\n[Introduction](README.md)\n");
    files.push(page(&mut rng, "README.md", "Introduction"));
    for index in 1..docs {
        let chapter = (index - 1) / SECTIONS_PER_CHAPTER;
        let first = (index - 1) % SECTIONS_PER_CHAPTER == 0;
        if first && chapter.is_multiple_of(CHAPTERS_PER_PART) {
            let part = chapter / CHAPTERS_PER_PART + 1;
            summary.push_str(&format!("\n# Part {part}\n\n"));
            if part > 1 {
                summary.push_str(&format!("- [Notes on part {}]()\n", part - 1));
            }
        }
        let title = capitalized(&words(&mut rng, 3));
        let path = format!("ch{chapter:04}/s{index:06}.md");
        let indent = if first { "" } else { "    " };
        summary.push_str(&format!("{indent}- [{title}]({path})\n"));
        files.push(page(&mut rng, &path, &title));
    }
    files.push(File {
        path: "src/SUMMARY.md".to_string(),
        text: summary,
    });
    files
}

fn page(rng: &mut ChaCha8Rng, path: &str, title: &str) -> File {
    let count = rng.random_range(150..600);
    let prose = words(rng, count);
    File {
        path: format!("src/{path}"),
        text: format!(
            "# {title}\n\n{prose}\n\n```sh\necho {}\n```\n",
            words(rng, 3)
        ),
    }
}
