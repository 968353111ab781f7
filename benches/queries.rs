//! Latency of every named query and of `lookup` on a large store.
//!
//! `ZONEKG_BENCH_STORE=/path/to/store cargo bench --bench queries` measures an existing store
//! (for example one ingested from `cargo run --release --example gen_corpus -- 100000 DIR`);
//! without it a store of 1,000 generated articles is built in a temporary directory.

mod generator;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use zonekg::query::NAMED;
use zonekg::KnowledgeGraph;

fn open() -> (KnowledgeGraph, Option<tempfile::TempDir>) {
    if let Ok(p) = std::env::var("ZONEKG_BENCH_STORE") {
        return (KnowledgeGraph::open_read_only(p).expect("store"), None);
    }
    let dir = tempfile::tempdir().unwrap();
    let kg = KnowledgeGraph::open(dir.path().join("kg.db")).unwrap();
    let mut g = generator::Generator::new(42);
    let inputs: Vec<zonekg::Input> = (0..10)
        .map(|f| zonekg::Input {
            source: format!("f{f}.txt"),
            text: (0..100).map(|i| g.article(f * 100 + i + 1, 6).text).collect::<String>(),
        })
        .collect();
    kg.ingest(&inputs).unwrap();
    (kg, Some(dir))
}

fn queries(c: &mut Criterion) {
    let (kg, _dir) = open();
    // Parameters that exist in generated corpora.
    let params: Vec<(String, String)> = vec![];
    let mut g = c.benchmark_group("named_queries");
    g.sample_size(10);
    for q in NAMED {
        let mut p = params.clone();
        for (k, _) in q.params() {
            let v = match k {
                "zone" => "成都高新区",
                "industry" => "集成电路",
                "province" => "四川",
                "name" => "成都高新区",
                _ => continue,
            };
            p.push((k.to_string(), v.to_string()));
        }
        let text = q.render(&p).unwrap();
        g.bench_function(q.name, |b| b.iter(|| black_box(kg.query(&text).unwrap())));
    }
    g.finish();
    let mut l = c.benchmark_group("lookup");
    l.sample_size(20);
    l.bench_function("lookup_zone", |b| b.iter(|| black_box(kg.lookup("成都高新区").unwrap().relations.len())));
    l.bench_function("resolve_alias", |b| b.iter(|| black_box(kg.resolve("清华大学").unwrap())));
    l.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
