//! The library's modules form layers (see the doc comment of `src/lib.rs`): a module uses only
//! modules below it, never one above, and never the command line. Read from the `crate::`
//! paths in the source, outside comments and `#[cfg(test)]` modules.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The library's top-level modules, bottom first. Each may use only those before it.
const LAYERS: &[&str] = &[
    // The foundation: no knowledge of curricula or plans.
    "words",
    "diagnostic",
    "error",
    "weblink",
    "time",
    "yaml",
    "atomic_file",
    "store",
    // The course.
    "curriculum",
    "graph",
    "listing",
    "validate",
    // The learner's time, then the plan made of it.
    "availability",
    "plan",
    // What the learner keeps: progress, the profile, the plan followed.
    "progress",
    "memory",
    "profile",
    "follow",
    // Output: pictures and formats, then calendars and their sync.
    "diagram",
    "render",
    "calendar",
    "caldav",
];

/// Uses of a layer above that are known and being removed. Empty when the layers hold.
const STILL_ABOVE: &[(&str, &str)] = &[];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file under `src/` belongs to (`plan` for `src/plan/fill.rs`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix(src()).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The code of a file without comments and without its `#[cfg(test)] mod tests` block (tests
/// may reach anywhere).
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names through `crate::`: `crate::plan::X` and each
/// name in `crate::{plan, render::X}`.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let word = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for name in group.split(',') {
                used.insert(word(name.trim()));
            }
        } else {
            used.insert(word(rest));
        }
    }
    used
}

/// Every use of a module at or above the user's own layer, as "user -> used (file)".
fn upward_uses() -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let rank = |name: &str| LAYERS.iter().position(|layer| *layer == name);
    let mut found = Vec::new();
    for file in files {
        let module = module_of(&file);
        if matches!(module.as_str(), "lib" | "main" | "cli") {
            continue;
        }
        let own = rank(&module).unwrap_or_else(|| {
            panic!("src/{module} is not in LAYERS: place it in its layer in tests/layers.rs")
        });
        let text = std::fs::read_to_string(&file).unwrap();
        for used in crate_modules(&code(&text)) {
            if used == module {
                continue;
            }
            if let Some(other) = rank(&used)
                && other > own
                && !STILL_ABOVE.contains(&(module.as_str(), used.as_str()))
            {
                found.push(format!("{module} -> {used} ({})", file.display()));
            }
        }
    }
    found
}

#[test]
fn every_library_module_uses_only_the_layers_below_it() {
    let upward = upward_uses();
    assert!(
        upward.is_empty(),
        "uses of a layer above:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_library_module_uses_the_command_line() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in files {
        if module_of(&file) == "cli" || file.ends_with("main.rs") {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).unwrap());
        for marker in [
            "crate::cli",
            "clap::",
            "std::env::var",
            "env::var_os",
            // Crates that read HOME, XDG_* or TZ themselves.
            "etcetera::",
            "iana_time_zone::",
            "eprintln!",
        ] {
            assert!(
                !text.contains(marker),
                "{} uses `{marker}`: the library neither parses arguments, reads the environment nor prints",
                file.display()
            );
        }
    }
}

#[test]
fn the_scan_sees_the_paths_it_checks() {
    let used = crate_modules(
        "use crate::plan::Plan;\nuse crate::{render::x, follow};\nx(crate::time::Clock)",
    );
    let expected: BTreeSet<String> = ["plan", "render", "follow", "time"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(used, expected);
    assert_eq!(
        code("a\n// crate::cli\nb\n#[cfg(test)]\nmod tests {\n crate::cli\n}"),
        "a\nb"
    );
}

#[test]
fn the_course_layers_know_nothing_of_what_is_above_them() {
    // The issue's own check, spelled out: plan, curriculum and graph use none of these.
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in files {
        let module = module_of(&file);
        if !matches!(module.as_str(), "plan" | "curriculum" | "graph") {
            continue;
        }
        let used = crate_modules(&code(&std::fs::read_to_string(&file).unwrap()));
        for above in ["render", "follow", "profile", "progress", "cli"] {
            assert!(!used.contains(above), "{} uses {above}", file.display());
        }
    }
}
