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
