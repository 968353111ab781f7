//! zonekg builds knowledge graphs of China's innovation geography from Chinese news.
//!
//! Text goes through [`normalize`] → [`recognize`] → [`resolve`] → [`relations`] (the
//! extraction stages, which know nothing of RDF), then [`rdf`] maps the result to quads and
//! [`store`] writes them into Oxigraph. [`KnowledgeGraph`] wires it all together:
//!
//! ```
//! use zonekg::KnowledgeGraph;
//! let kg = KnowledgeGraph::in_memory()?;
//! kg.ingest_text("a.txt", "## 甲乙高新区\n\n甲乙高新区围绕集成电路、生物医药等主导产业,引进青木科技、云顶电子等企业。")?;
//! let rels = kg.relations_of("甲乙高新区")?;
//! assert!(rels.iter().any(|r| r.predicate == "hasIndustry" && r.other == "集成电路"));
//! # Ok::<(), zonekg::Error>(())
//! ```
#![warn(missing_docs)]

pub mod english;
pub mod error;
pub mod eval;
pub mod export;
pub mod gazetteer;
pub mod graph;
pub mod input;
pub mod json;
pub mod kg;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod query;
pub mod rdf;
pub mod recognize;
pub mod relations;
pub mod resolve;
pub mod statistics;
pub mod store;
pub mod vocab;

pub use error::{Error, Result};

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing).
///
/// The allocator asks the kernel for huge pages, and the kernel zeroes all 2 MiB of one the
/// first time any byte of it is touched. Extraction touches its memory sparsely, so the zeroing
/// was up to a third of a one-core run's time, and varied from run to run with the kernel's
/// supply of huge pages. With 4 KiB pages only what is touched is zeroed. The `zonekg` binary
/// and the benchmarks call this first; a library user chooses for their own process.
pub fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) only sets a flag of the calling process; the result
    // is ignored because a kernel without it runs as before.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
pub use kg::{Card, CardLimits, IngestProgress, KnowledgeGraph, RelationKind, RelationRow, Stats};
pub use model::*;
pub use pipeline::{extract, Input};
pub use store::{Answer, IngestReport, Store};

/// Whether `ZONEKG_DEBUG_TIMING` is set: extraction, ingest batches and the statistics then
/// print their stages' times on stderr. Read once per process.
pub(crate) fn debug_timing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ZONEKG_DEBUG_TIMING").is_some())
}

/// The README's Rust example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
