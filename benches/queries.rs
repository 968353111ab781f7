//! Latency of every named query and of `lookup` on a large store, warm (the store stays open
//! across iterations; criterion reports the median).
//!
//! `ZONEKG_BENCH_STORE=/path/to/store cargo bench --bench queries` measures an existing store
//! (for example one ingested from `cargo run --release --example gen_corpus -- 100000 DIR`);
//! without it a store of 1,000 generated articles is built in a temporary directory.
//!
//! Parameters are chosen from the data, not written in: a *typical* entity is the one of
//! median degree for its relation (a zone by the organizations settled in it, an industry by
//! the zones leading in it, a company by its relations), a *hub* the one of highest degree.

mod generator;

use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::HashMap;
use std::hint::black_box;
use zonekg::query::NAMED;
use zonekg::vocab::{RDFS, ZKG};
use zonekg::KnowledgeGraph;

/// The allocator of the `zonekg` binary, so that the figures are those its commands see.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            text: (0..100)
                .map(|i| g.article(f * 100 + i + 1, 6).text)
                .collect::<String>(),
        })
        .collect();
    kg.ingest(&inputs).unwrap();
    (kg, Some(dir))
}

/// The labels of the median-degree and the highest-degree entity among `iris`.
fn typical_and_hub(kg: &KnowledgeGraph, iris: impl Iterator<Item = String>) -> (String, String) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for i in iris {
        *count.entry(i).or_default() += 1;
    }
    let mut v: Vec<(usize, String)> = count.into_iter().map(|(k, n)| (n, k)).collect();
    v.sort();
    let label = |iri: &str| {
        kg.store()
            .values_of(iri, &format!("{RDFS}label"))
            .unwrap()
            .into_iter()
            .next()
            .map(|x| x.0)
            .unwrap_or_default()
    };
    (label(&v[v.len() / 2].1), label(&v[v.len() - 1].1))
}

fn queries(c: &mut Criterion) {
    zonekg::no_transparent_huge_pages();
    let (kg, _dir) = open();
    let st = kg.store();
    let settled = st.facts(&format!("{ZKG}settledIn")).unwrap();
    let (zone, hub_zone) = typical_and_hub(&kg, settled.iter().map(|(_, z)| z.clone()));
    let (industry, hub_industry) = typical_and_hub(
        &kg,
        st.facts(&format!("{ZKG}hasIndustry"))
            .unwrap()
            .into_iter()
            .map(|(_, i)| i),
    );
    let companies = settled
        .iter()
        .map(|(c, _)| c.clone())
        .filter(|c| c.contains("/company/"));
    let (company, _) = typical_and_hub(&kg, companies);
    // Organizations by their branches and parents; institutions by their partners.
    let sub = st
        .facts(&format!("{}subOrganizationOf", zonekg::vocab::ORG))
        .unwrap();
    let (org, hub_org) = typical_and_hub(&kg, sub.iter().flat_map(|(a, b)| [a.clone(), b.clone()]));
    let coop = st.facts(&format!("{ZKG}cooperatesWith")).unwrap();
    let (inst, hub_inst) = typical_and_hub(
        &kg,
        coop.iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .filter(|i| i.contains("/institution/")),
    );
    // The province of the typical zone: climb locatedIn to the top.
    let located: HashMap<String, String> = st
        .facts(&format!("{ZKG}locatedIn"))
        .unwrap()
        .into_iter()
        .collect();
    let zone_iri = kg.resolve(&zone).unwrap();
    let mut top = zone_iri.clone();
    let mut steps = 0;
    while let Some(up) = located.get(&top) {
        top = up.clone();
        steps += 1;
        if steps > 5 {
            break;
        }
    }
    let province = st
        .values_of(&top, &format!("{RDFS}label"))
        .unwrap()
        .into_iter()
        .next()
        .map(|x| x.0)
        .unwrap_or_default();
    eprintln!("typical: zone {zone}, industry {industry}, company {company}, organization {org}, institution {inst}, province {province}; hubs: zone {hub_zone}, industry {hub_industry}, organization {hub_org}, institution {hub_inst}");
    for (group, zone, industry, name, org, inst) in [
        ("typical", &zone, &industry, &company, &org, &inst),
        (
            "hub",
            &hub_zone,
            &hub_industry,
            &hub_zone,
            &hub_org,
            &hub_inst,
        ),
    ] {
        let mut g = c.benchmark_group(format!("named_queries/{group}"));
        g.sample_size(10);
        for q in NAMED {
            let mut p: Vec<(String, String)> = Vec::new();
            for (k, _) in q.params() {
                let v = match k {
                    "zone" => zone,
                    "industry" => industry,
                    "province" => &province,
                    "name" => name,
                    "org" => org,
                    "institution" => inst,
                    _ => continue,
                };
                p.push((k.to_string(), v.to_string()));
            }
            if group == "hub" && q.params().is_empty() {
                continue;
            }
            let text = q.render(&p).unwrap();
            g.bench_function(q.name, |b| b.iter(|| black_box(kg.query(&text).unwrap())));
        }
        g.finish();
    }
    let mut l = c.benchmark_group("lookup");
    l.sample_size(20);
    l.bench_function("lookup_typical_company", |b| {
        b.iter(|| black_box(kg.lookup(&company).unwrap().relations.len()))
    });
    l.bench_function("lookup_typical_zone", |b| {
        b.iter(|| black_box(kg.lookup(&zone).unwrap().relations.len()))
    });
    l.bench_function("lookup_hub_zone", |b| {
        b.iter(|| black_box(kg.lookup(&hub_zone).unwrap().relations.len()))
    });
    l.bench_function("resolve_name", |b| {
        b.iter(|| black_box(kg.resolve(&company).unwrap()))
    });
    l.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
