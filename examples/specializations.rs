//! Using the library on its own: load the embedded curriculum (or a folder given as the first
//! argument) and print each specialization with everything it requires.
//!
//! cargo run --example specializations [-- DIR]

use learnpath::curriculum::duration::format_minutes;
use learnpath::{Source, open};

fn main() -> Result<(), learnpath::Error> {
    let source = std::env::args_os()
        .nth(1)
        .map_or(Source::Embedded, |dir| Source::Dir(dir.into()));
    let opened = open(&source)?;
    let curriculum = &opened.curriculum;
    for spec in curriculum.spec_ids() {
        let section = curriculum.specialization_section(spec);
        let mut needed = opened.graph.ancestors(section.docs.iter().copied());
        needed.extend(&section.docs);
        needed.sort();
        needed.dedup();
        let minutes: u32 = needed.iter().map(|&id| curriculum.doc(id).minutes).sum();
        println!(
            "{} {}: {} documents of its own; {} documents, {} with prerequisites",
            section.id,
            section.title,
            section.docs.len(),
            needed.len(),
            format_minutes(minutes)
        );
    }
    Ok(())
}
