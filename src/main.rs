mod cli;

fn main() {
    std::process::exit(cli::run());
}

// Loading a big curriculum makes many small allocations across threads; mimalloc serves them
// markedly faster than the system allocator (see the README's Performance section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
