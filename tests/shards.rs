//! Sharding: a corpus split in two, extracted separately and loaded together, gives the same
//! store as one ingest of the whole, because entity IRIs are a pure function of type and
//! canonical label. What differs is provenance that names the file and the time.
//!
//! Also here, as another pair of write paths that must agree (one test binary fewer to link
//! in CI): an ingest into a store without articles makes the statistics graph from what it
//! tallied as it wrote, not from the store, and both ways must give the same quads.

#[path = "../benches/generator.rs"]
mod generator;

use oxigraph::model::Quad;
use std::collections::BTreeSet;
use zonekg::store::{HUB_DEGREE, STATISTICS_GRAPH, STATS};
use zonekg::{Input, KnowledgeGraph};

const PROVENANCE: [&str; 3] = [
    "https://w3id.org/zonekg/ontology#source",
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "http://www.w3.org/ns/prov#generatedAtTime",
];

fn comparable(quads: Vec<Quad>) -> BTreeSet<String> {
    quads
        .into_iter()
        .filter(|q| !PROVENANCE.contains(&q.predicate.as_str()))
        .map(|q| q.to_string())
        .collect()
}

#[test]
fn two_shards_loaded_together_equal_one_ingest() {
    let text = std::fs::read_to_string("data/corpus/000_7926917dce1550ec.txt").unwrap();
    // Split the file before its fourth article heading.
    let cut = text.match_indices("\n## ").nth(3).unwrap().0;
    let (a, b) = text.split_at(cut);

    let whole = KnowledgeGraph::in_memory().unwrap();
    whole
        .ingest(&[Input {
            source: "whole.txt".into(),
            text: text.clone(),
        }])
        .unwrap();

    let sharded = KnowledgeGraph::in_memory().unwrap();
    for (name, part) in [("shard1.txt", a), ("shard2.txt", b)] {
        let x = zonekg::extract(&[Input {
            source: name.into(),
            text: part.to_string(),
        }]);
        assert!(!x.documents.is_empty());
        // As `zonekg extract --format nquads` writes them and `zonekg load` reads them.
        let mut nq = Vec::new();
        {
            let mut ser = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::NQuads)
                .for_writer(&mut nq);
            for q in zonekg::rdf::all_quads(&x, "2026-01-01T00:00:00Z") {
                ser.serialize_quad(&q).unwrap();
            }
            ser.finish().unwrap();
        }
        sharded
            .store()
            .load(oxigraph::io::RdfFormat::NQuads, nq.as_slice())
            .unwrap();
    }
    let w = comparable(whole.store().quads().unwrap());
    let s = comparable(sharded.store().quads().unwrap());
    let only_whole: Vec<_> = w.difference(&s).collect();
    let only_shards: Vec<_> = s.difference(&w).collect();
    assert!(
        only_whole.is_empty() && only_shards.is_empty(),
        "only in the whole ingest: {only_whole:#?}\nonly in the shards: {only_shards:#?}"
    );
}

/// 200 generated articles in two files, and the sample.
fn inputs() -> Vec<Input> {
    let mut g = generator::Generator::new(11);
    let mut inputs: Vec<Input> = (0..2)
        .map(|f| Input {
            source: format!("gen{f}.txt"),
            text: (0..100)
                .map(|i| g.article(f * 100 + i + 1, 1).text)
                .collect(),
        })
        .collect();
    inputs.push(Input {
        source: "sample.txt".into(),
        text: std::fs::read_to_string("data/corpus/000_7926917dce1550ec.txt").unwrap(),
    });
    inputs
}

fn set(quads: Vec<Quad>) -> BTreeSet<String> {
    quads.into_iter().map(|q| q.to_string()).collect()
}

fn kinds(quads: &BTreeSet<String>, term: &str) -> usize {
    quads.iter().filter(|q| q.contains(term)).count()
}

#[test]
fn statistics_tallied_by_a_fresh_ingest_equal_those_read_from_the_store() {
    let kg = KnowledgeGraph::in_memory().unwrap();
    let store = kg.store();
    let mut fresh = store.fresh_ingest().unwrap().expect("an empty store");
    // Two batches, the second repeating an article of the first: a set, not a sum.
    let all = inputs();
    let x1 = zonekg::extract(&all[..2]);
    let x2 = zonekg::extract(&all[1..]);
    store
        .ingest_batch_with(&x1, "2026-01-01T00:00:00Z", Some(&mut fresh))
        .unwrap();
    let r = store
        .ingest_batch_with(&x2, "2026-01-01T00:00:00Z", Some(&mut fresh))
        .unwrap();
    assert!(r.unchanged > 0, "{r:?}");
    // A low hub threshold, so that hubs are tallied too.
    for hub_degree in [HUB_DEGREE, 3] {
        let tallied = set(store.statistics_quads(Some(&fresh), hub_degree).unwrap());
        let read = set(store.statistics_quads(None, hub_degree).unwrap());
        let only_tallied: Vec<_> = tallied.difference(&read).collect();
        let only_read: Vec<_> = read.difference(&tallied).collect();
        assert!(
            only_tallied.is_empty() && only_read.is_empty(),
            "hub degree {hub_degree}: only tallied {only_tallied:#?}\nonly read {only_read:#?}"
        );
        // Every part is there to compare.
        for term in [
            "#profile/",
            "#industry-set/",
            "void#entities",
            "void#triples",
        ] {
            assert!(kinds(&tallied, term) > 0, "no {term} in {tallied:#?}");
        }
        if hub_degree == 3 {
            assert!(kinds(&tallied, &format!("{STATS}in-")) > 0);
        }
    }
    // And what `ingest_files` writes at its end is the same as a refresh from the store.
    let dir = std::env::temp_dir().join(format!("zonekg-stats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in &all {
        std::fs::write(dir.join(&i.source), &i.text).unwrap();
    }
    let kg = KnowledgeGraph::in_memory().unwrap();
    kg.ingest_files(
        std::slice::from_ref(&dir),
        1 << 16,
        Default::default(),
        |_| {},
    )
    .unwrap();
    let written = statistics_graph(&kg);
    kg.store().refresh_statistics().unwrap();
    assert_eq!(written, statistics_graph(&kg));
    assert!(kinds(&written, "#profile/") > 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The statistics graph of `kg`'s store.
fn statistics_graph(kg: &KnowledgeGraph) -> BTreeSet<String> {
    set(kg
        .store()
        .quads()
        .unwrap()
        .into_iter()
        .filter(|q| q.graph_name.to_string() == format!("<{STATISTICS_GRAPH}>"))
        .collect())
}

#[test]
fn statistics_updated_from_an_ingest_s_changes_equal_those_recomputed() {
    const T: &str = "2026-01-01T00:00:00Z";
    // A low hub threshold, so that degrees cross it both ways.
    const HUB: usize = 3;
    let mut g = generator::Generator::new(11);
    let arts: Vec<String> = (0..241).map(|i| g.article(i + 1, 1).text).collect();
    let sample = std::fs::read_to_string("data/corpus/000_7926917dce1550ec.txt").unwrap();
    let input = |source: &str, text: String| Input {
        source: source.into(),
        text,
    };
    let kg = KnowledgeGraph::in_memory().unwrap();
    let store = kg.store();
    store
        .ingest_batch(
            &zonekg::extract(&[
                input("gen0.txt", arts[..100].concat()),
                input("sample.txt", sample.clone()),
            ]),
            T,
        )
        .unwrap();
    store.refresh_statistics_at(HUB).unwrap();
    let first = statistics_graph(&kg);
    // gen0.txt shortened and extended (the graphs of its dropped articles go, with the facts
    // only they stated), a new file, the sample again (unchanged); then one more article,
    // then twenty (changes that only add, which grow the profiles instead of making them
    // again).
    let batches = [
        vec![
            input("gen0.txt", [&arts[..60], &arts[200..220]].concat().concat()),
            input("gen1.txt", arts[100..200].concat()),
            input("sample.txt", sample),
        ],
        vec![input("gen2.txt", arts[220].clone())],
        vec![input("gen3.txt", arts[221..].concat())],
    ];
    let mut before = first;
    for (k, batch) in batches.iter().enumerate() {
        let mut ingest = store.begin_ingest().unwrap();
        let r = store
            .ingest_batch_into(&zonekg::extract(batch), T, &mut ingest)
            .unwrap();
        let zonekg::store::Ingest::Changes(changes) = &ingest else {
            panic!("a store with articles is not a fresh ingest");
        };
        assert!(!changes.is_empty() && !changes.recompute(), "{changes:?}");
        if k == 0 {
            assert!(r.replaced > 0 && r.unchanged > 0 && r.added > 0, "{r:?}");
        }
        assert!(
            store.finish_changes_at(changes, HUB).unwrap(),
            "batch {k}: the statistics were recomputed, not updated"
        );
        let updated = statistics_graph(&kg);
        store.refresh_statistics_at(HUB).unwrap();
        let recomputed = statistics_graph(&kg);
        let only_updated: Vec<_> = updated.difference(&recomputed).collect();
        let only_recomputed: Vec<_> = recomputed.difference(&updated).collect();
        assert!(
            only_updated.is_empty() && only_recomputed.is_empty(),
            "batch {k}: only updated {only_updated:#?}\nonly recomputed {only_recomputed:#?}"
        );
        // Every part changed, so that every part was compared.
        let changed: BTreeSet<&String> = updated.symmetric_difference(&before).collect();
        let (hub_in, hub_out) = (format!("{STATS}in-"), format!("{STATS}out-"));
        let mut terms = vec!["void#documents", "void#triples", "#profile/"];
        if k != 1 {
            terms.extend(["void#entities", "#industry-set/", &hub_in, &hub_out]);
        }
        for term in terms {
            assert!(
                changed.iter().any(|q| q.contains(term)),
                "batch {k}: no {term} changed"
            );
        }
        before = updated;
    }
}

#[test]
fn an_ingest_cut_off_before_its_statistics_has_the_next_one_recompute_them() {
    const T: &str = "2026-01-01T00:00:00Z";
    let all = inputs();
    let kg = KnowledgeGraph::in_memory().unwrap();
    let store = kg.store();
    let mut ingest = store.begin_ingest().unwrap();
    store
        .ingest_batch_into(&zonekg::extract(&all[..1]), T, &mut ingest)
        .unwrap();
    store.end_ingest(&ingest).unwrap();
    // Cut off: the articles written, not the statistics.
    let mut ingest = store.begin_ingest().unwrap();
    store
        .ingest_batch_into(&zonekg::extract(&all[1..2]), T, &mut ingest)
        .unwrap();
    drop(ingest);
    let mut ingest = store.begin_ingest().unwrap();
    match &ingest {
        zonekg::store::Ingest::Changes(c) => assert!(c.recompute(), "{c:?}"),
        _ => panic!("a store with articles is not a fresh ingest"),
    }
    store
        .ingest_batch_into(&zonekg::extract(&all[2..]), T, &mut ingest)
        .unwrap();
    store.end_ingest(&ingest).unwrap();
    let ended = statistics_graph(&kg);
    store.refresh_statistics().unwrap();
    assert_eq!(ended, statistics_graph(&kg));
    assert!(!ended.iter().any(|q| q.contains("statistics#stale")));
}
