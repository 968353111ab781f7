//! Throughput of each pipeline stage on 1 MB of generated news, and of a peer measured in the
//! same run: jieba-rs part-of-speech tagging (`tag` with HMM) on the same text, so the ratio is
//! read from one run. `cargo bench --bench pipeline`.

mod generator;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use zonekg::normalize::split_articles;
use zonekg::recognize::RECOGNIZER;
use zonekg::{Input, KnowledgeGraph};

/// The allocator of the `zonekg` binary, so that the figures are the product's; the peer
/// runs in the same process with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn stages(c: &mut Criterion) {
    // As the binary runs: without transparent huge pages (see the function).
    zonekg::no_transparent_huge_pages();
    let text = generator::one_megabyte();
    let bytes = text.len() as u64;
    // Warm the embedded data before timing.
    let _ = &*RECOGNIZER;
    let arts = split_articles(&text, "bench.txt");
    let inputs = vec![Input {
        source: "bench.txt".into(),
        text: text.clone(),
    }];
    let x = zonekg::extract(&inputs);

    let mut g = c.benchmark_group("stages_1MB");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| black_box(split_articles(&text, "bench.txt").len()))
    });
    g.bench_function("recognize", |b| {
        b.iter(|| {
            black_box(
                arts.iter()
                    .map(|a| RECOGNIZER.recognize(&a.norm).len())
                    .sum::<usize>(),
            )
        })
    });
    g.bench_function("extract_end_to_end", |b| {
        b.iter(|| black_box(zonekg::extract(&inputs).relations.len()))
    });
    g.bench_function("rdf", |b| {
        b.iter(|| black_box(zonekg::rdf::all_quads(&x, "2026-01-01T00:00:00Z").len()))
    });
    g.bench_function("ingest_in_memory", |b| {
        b.iter(|| {
            let kg = KnowledgeGraph::in_memory().unwrap();
            black_box(kg.ingest(&inputs).unwrap().1.quads_after)
        })
    });
    g.finish();

    // The peer: segmentation with part-of-speech tags, the floor of any NLP toolkit.
    let jieba = jieba_rs::Jieba::new();
    let mut p = c.benchmark_group("peer_1MB");
    p.throughput(Throughput::Bytes(bytes));
    p.sample_size(10);
    p.bench_function("jieba_rs_tag_hmm", |b| {
        b.iter(|| black_box(jieba.tag(&text, true).len()))
    });
    p.bench_function("zonekg_extract", |b| {
        b.iter(|| black_box(zonekg::extract(&inputs).relations.len()))
    });
    p.finish();

    // The two groups above run a minute apart, and on a shared host either may be slowed
    // alone (jieba-rs moved between 48 and 91 ms from run to run): the ratio is also read
    // from rounds that run both back to back, where a slow minute slows both.
    // Only when the peer group is asked for (no filter, or one it matches; option values are
    // numbers).
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-') && a.parse::<f64>().is_err())
        .collect();
    if filters.is_empty() || filters.iter().any(|f| "peer_1MB".contains(f.as_str())) {
        let rounds = 15;
        let mut ratios: Vec<f64> = (0..rounds)
            .map(|_| {
                // Each timed run follows an untimed one of its own, so that neither is timed
                // in the caches the other left.
                let timed = |f: &dyn Fn() -> usize| {
                    black_box(f());
                    let t = std::time::Instant::now();
                    black_box(f());
                    t.elapsed().as_secs_f64()
                };
                let peer = timed(&|| jieba.tag(&text, true).len());
                peer / timed(&|| zonekg::extract(&inputs).relations.len())
            })
            .collect();
        ratios.sort_by(f64::total_cmp);
        println!(
            "peer_1MB/interleaved: zonekg extract / jieba-rs tag throughput, {rounds} rounds \
             back to back: median {:.3} (min {:.3}, max {:.3})",
            ratios[rounds / 2],
            ratios[0],
            ratios[rounds - 1]
        );
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
