//! Sharding: a corpus split in two, extracted separately and loaded together, gives the same
//! store as one ingest of the whole, because entity IRIs are a pure function of type and
//! canonical label. What differs is provenance that names the file and the time.

use oxigraph::model::Quad;
use std::collections::BTreeSet;
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
