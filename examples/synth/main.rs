//! Writes a synthetic curriculum for benchmarks and experiments:
//!
//! cargo run --release --example synth -- --docs 10000 --seed 1 --out /tmp/synth-10k

mod generate;

use clap::Parser;
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
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let files = generate::generate(args.docs, args.seed);
    for file in &files {
        let path = args.out.join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, &file.text)?;
    }
    eprintln!(
        "wrote {} documents to {}",
        files.len() - 1,
        args.out.display()
    );
    Ok(())
}
