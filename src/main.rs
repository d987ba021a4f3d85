mod cli;

fn main() {
    // An empty LEARNPATH_* variable means "not set" (clap would call it a missing value).
    for name in [
        "LEARNPATH_CURRICULUM",
        "LEARNPATH_PROGRESS",
        "LEARNPATH_TODAY",
    ] {
        if std::env::var_os(name).is_some_and(|value| value.is_empty()) {
            // SAFETY: nothing else runs yet; no other thread can be reading the environment.
            unsafe { std::env::remove_var(name) };
        }
    }
    std::process::exit(cli::run());
}

// Loading a big curriculum makes many small allocations across threads; mimalloc serves them
// markedly faster than the system allocator (see docs/development.md, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (its number in mimalloc 3's `mi_option_t`, which the Rust
/// bindings do not name).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Has mimalloc give memory back to the system as soon as it is freed rather than a second
/// later. Loading 100,000 pages frees much on the way (each batch of parsed pages, the
/// growing lists), and that memory counted in the peak: with transparent huge pages off as
/// well (the `no_thp` feature, Cargo.toml), the 100k plan's peak RSS went from 140 MB to 91
/// MB. It costs some 2,000 `madvise` calls at that size, a few milliseconds; for a small
/// curriculum it would only cost (some 40 calls and their page faults, 5% of the embedded
/// plan), so the command line asks for it when it reads a folder (see `cli::run`).
fn give_back_freed_memory() {
    // SAFETY: setting an option is sound at any time; this one is read at each purge.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}
