//! Extracts the pipeline benchmark's 1 MB of generated news `N` times in one process, for
//! profilers: instructions per extraction are the difference between two counts (N = 3 and
//! N = 1) halved, without start-up (see docs/PERFORMANCE.md, session 22).
//!
//! `cargo build --release --example extract_1mb`, then
//! `RAYON_NUM_THREADS=1 valgrind --tool=callgrind target/release/examples/extract_1mb 3`.

#[path = "../benches/generator.rs"]
mod generator;

/// The allocator of the `zonekg` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    zonekg::no_transparent_huge_pages();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    // The same text as `benches/pipeline.rs`.
    let text = generator::one_megabyte();
    let inputs = vec![zonekg::Input {
        source: "bench.txt".into(),
        text,
    }];
    let _ = &*zonekg::recognize::RECOGNIZER;
    let relations: usize = (0..n)
        .map(|_| zonekg::extract(&inputs).relations.len())
        .sum();
    println!("{relations} relations in {n} extractions");
}
