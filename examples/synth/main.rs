//! Writes a synthetic curriculum for benchmarks and experiments:
//!
//! cargo run --release --example synth -- --docs 10000 --seed 1 --out /tmp/synth-10k
//! cargo run --release --example synth -- --docs 1000 --shape foreign --out /tmp/foreign-1k
//! cargo run --release --example synth -- --docs 1000 --shape book --out /tmp/book-1k

mod book;
mod foreign;
mod generate;

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Number of study documents.
    #[arg(long)]
    docs: usize,
    /// Seed: the same seed gives the same curriculum, byte for byte.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder to write (created; files in it are replaced).
    #[arg(long)]
    out: PathBuf,
    /// What the curriculum looks like.
    #[arg(long, value_enum, default_value_t = Shape::Classic)]
    shape: Shape,
}

#[derive(Clone, Copy, ValueEnum)]
enum Shape {
    /// learnpath's own: a manifest, `estimated_time`, `level`, root-relative paths.
    Classic,
    /// A course written for another site: no manifest, other field names and link styles,
    /// Hugo `_index.md` pages without times.
    Foreign,
    /// An mdBook: SUMMARY.md gives the order, pages have no frontmatter.
    Book,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let files = match args.shape {
        Shape::Classic => generate::generate(args.docs, args.seed),
        Shape::Foreign => foreign::generate(args.docs, args.seed),
        Shape::Book => book::generate(args.docs, args.seed),
    };
    for file in &files {
        let path = args.out.join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, &file.text)?;
    }
    eprintln!(
        "wrote {} documents to {}",
        files
            .iter()
            .filter(|file| file.path.ends_with(".md"))
            .count(),
        args.out.display()
    );
    Ok(())
}
