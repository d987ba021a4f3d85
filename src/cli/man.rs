//! The man pages: one per command, generated from the argument definitions by clap_mangen.

use super::Failure;
use super::args::Cli;
use super::settings::Context;
use learnpath::{Error, atomic_file};
use std::io;
use std::path::Path;

/// The command tree the man pages describe: built (so global options reach every subcommand),
/// and without clap's `help` subcommands, which have no page of their own (as in
/// `clap_mangen::generate_to`), so that no page names a page that is not written.
pub(super) fn command() -> clap::Command {
    fn without_help(command: clap::Command) -> clap::Command {
        command
            .disable_help_subcommand(true)
            .mut_subcommands(without_help)
    }
    let mut command = without_help(<Cli as clap::CommandFactory>::command());
    command.build();
    command
}

/// Every man page as (file name, roff): `learnpath.1` first, then one per subcommand, nested
/// ones included (`learnpath-list-docs.1`): the names the SUBCOMMANDS sections refer to.
pub(super) fn pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    fn add(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> io::Result<()> {
        let man = clap_mangen::Man::new(command.clone());
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        pages.push((man.get_filename(), roff));
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            add(sub, pages)?;
        }
        Ok(())
    }
    let mut pages = Vec::new();
    add(&command(), &mut pages)?;
    Ok(pages)
}

/// Writes the pages into `folder` (made if missing), each atomically, and says which: a page
/// is never half-written, whatever happens to the others.
pub(super) fn write(
    folder: &Path,
    pages: &[(String, Vec<u8>)],
    context: &Context,
) -> Result<(), Failure> {
    std::fs::create_dir_all(folder).map_err(|source| Error::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    for (name, roff) in pages {
        atomic_file::write(&folder.join(name), roff)?;
    }
    let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    context.report.note(format!(
        "wrote {} man pages to {}: {}",
        pages.len(),
        folder.display(),
        names.join(", ")
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What clap_mangen prints under an option: its long help, else its help, each unless
    /// hidden from `--help` or `-h` respectively.
    fn man_help(arg: &clap::Arg) -> Option<String> {
        let long = (!arg.is_hide_long_help_set())
            .then(|| arg.get_long_help())
            .flatten();
        let short = (!arg.is_hide_short_help_set())
            .then(|| arg.get_help())
            .flatten();
        long.or(short)
            .map(|help| help.to_string().trim().to_string())
            .filter(|help| !help.is_empty())
    }

    /// Every option and argument of every command, global ones included (the tree is built,
    /// so they are on every subcommand), has a description in its man page.
    #[test]
    fn every_argument_has_help_text() {
        fn check(command: &clap::Command, missing: &mut Vec<String>, count: &mut usize) {
            for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
                *count += 1;
                if man_help(arg).is_none() {
                    missing.push(format!("{} {}", command.get_name(), arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                check(sub, missing, count);
            }
        }
        let (mut missing, mut count) = (Vec::new(), 0);
        let command = command();
        check(&command, &mut missing, &mut count);
        assert!(missing.is_empty(), "no help text: {missing:?}");
        // The walk saw the globals on subcommands too: --today on `plan`, say.
        let plan = command.find_subcommand("plan").unwrap();
        assert!(plan.get_arguments().any(|arg| arg.get_id() == "today"));
        assert!(count > 100, "{count} arguments");
    }

    #[test]
    fn the_argument_definitions_are_consistent() {
        command().debug_assert();
    }
}
