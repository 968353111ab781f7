//! Traversal and projection benchmarks on synthetic graphs.
//!
//! `cargo bench --bench graph`. The generator below (seeded, deterministic) makes a graph of
//! zones, parks, companies, institutions, industries and places with the seven relations in
//! realistic proportions: most edges are companies settling in zones and parks.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use petgraph::graph::NodeIndex;
use std::hint::black_box;
use zonekg::graph::{Filter, GNode, Projection};
use zonekg::EntityType;

/// A synthetic projection with about `edges` relations; returns it and some node ids to query.
fn synthetic(edges: usize, seed: u64) -> (Projection, Vec<NodeIndex>) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut p = Projection::default();
    let n_nodes = edges / 3;
    let mut by_type: Vec<Vec<NodeIndex>> = vec![Vec::new(); 5];
    let types = [
        EntityType::Zone,
        EntityType::Company,
        EntityType::Institution,
        EntityType::Industry,
        EntityType::Place,
    ];
    for i in 0..n_nodes {
        let t = match i % 100 {
            0..=1 => 0,
            2..=84 => 1,
            85..=94 => 2,
            95..=97 => 3,
            _ => 4,
        };
        let n = p.add_node(GNode {
            iri: format!("x:{i}"),
            label: format!("n{i}"),
            label_en: None,
            etype: types[t],
        });
        by_type[t].push(n);
    }
    let pick = |rng: &mut fastrand::Rng, v: &Vec<NodeIndex>| v[rng.usize(..v.len())];
    for _ in 0..edges {
        let (s, pr, o) = match rng.u32(..100) {
            0..=59 => (
                pick(&mut rng, &by_type[1]),
                "settledIn",
                pick(&mut rng, &by_type[0]),
            ),
            60..=69 => (
                pick(&mut rng, &by_type[1]),
                "inIndustry",
                pick(&mut rng, &by_type[3]),
            ),
            70..=76 => (
                pick(&mut rng, &by_type[0]),
                "hasIndustry",
                pick(&mut rng, &by_type[3]),
            ),
            77..=84 => (
                pick(&mut rng, &by_type[2]),
                "cooperatesWith",
                pick(&mut rng, &by_type[0]),
            ),
            85..=89 => (
                pick(&mut rng, &by_type[1]),
                "subOrganizationOf",
                pick(&mut rng, &by_type[1]),
            ),
            90..=94 => (
                pick(&mut rng, &by_type[0]),
                "partOf",
                pick(&mut rng, &by_type[0]),
            ),
            _ => (
                pick(&mut rng, &by_type[0]),
                "locatedIn",
                pick(&mut rng, &by_type[4]),
            ),
        };
        p.add_edge(s, pr, o);
    }
    let probes = (0..64).map(|_| pick(&mut rng, &by_type[1])).collect();
    (p, probes)
}

fn traversal(c: &mut Criterion) {
    let (p, probes) = synthetic(1_000_000, 7);
    let f = Filter::default();
    let avoid = Filter {
        avoid_types: vec![EntityType::Place, EntityType::Industry],
        ..Default::default()
    };
    let mut g = c.benchmark_group("graph_1M_edges");
    g.sample_size(20);
    let mut i = 0;
    g.bench_function("neighbors_depth1", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            black_box(p.neighbors(probes[i], 1, &f).len())
        })
    });
    g.bench_function("shortest_path", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            black_box(
                p.shortest_path(probes[i], probes[(i + 7) % probes.len()], &f)
                    .map(|h| h.len()),
            )
        })
    });
    g.bench_function("shortest_path_avoiding_places_industries", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            black_box(
                p.shortest_path(probes[i], probes[(i + 7) % probes.len()], &avoid)
                    .map(|h| h.len()),
            )
        })
    });
    g.finish();
}

/// A store holding a synthetic graph: entity descriptions and relations in article graphs.
fn synthetic_store(relations: usize) -> (zonekg::Store, u64) {
    let (p, _) = synthetic(relations, 11);
    let store = zonekg::Store::in_memory().unwrap();
    let zkg = "https://w3id.org/zonekg/ontology#";
    let mut quads = Vec::new();
    for n in p.graph.node_indices() {
        let g = &p.graph[n];
        let s = NamedNode::new_unchecked(format!(
            "https://w3id.org/zonekg/id/{}/{}",
            g.etype.iri_segment(),
            g.label
        ));
        quads.push(Quad::new(
            s.clone(),
            NamedNode::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            NamedNode::new_unchecked(format!("{zkg}{}", g.etype)),
            GraphName::DefaultGraph,
        ));
        quads.push(Quad::new(
            s,
            NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal::new_simple_literal(&g.label),
            GraphName::DefaultGraph,
        ));
    }
    for (k, e) in p.graph.edge_indices().enumerate() {
        let (a, b) = p.graph.edge_endpoints(e).unwrap();
        let w = &p.graph[e];
        let (s, o) = if w.subject == a { (a, b) } else { (b, a) };
        let iri = |n: NodeIndex| {
            NamedNode::new_unchecked(format!(
                "https://w3id.org/zonekg/id/{}/{}",
                p.graph[n].etype.iri_segment(),
                p.graph[n].label
            ))
        };
        let pred = if w.predicate == "subOrganizationOf" {
            "http://www.w3.org/ns/org#subOrganizationOf".to_string()
        } else {
            format!("{zkg}{}", w.predicate)
        };
        let doc = NamedNode::new_unchecked(format!("https://w3id.org/zonekg/doc/{:016x}", k / 20));
        quads.push(Quad::new(
            iri(s),
            NamedNode::new_unchecked(pred),
            iri(o),
            GraphName::NamedNode(doc),
        ));
    }
    let n = quads.len() as u64;
    store.oxigraph().extend(quads).unwrap();
    (store, n)
}

fn projection(c: &mut Criterion) {
    let (store, triples) = synthetic_store(100_000);
    let mut g = c.benchmark_group("projection_build");
    g.sample_size(10);
    g.throughput(Throughput::Elements(triples));
    g.bench_function("from_store_100k_relations", |b| {
        b.iter(|| black_box(Projection::build(&store).unwrap().size()))
    });
    g.finish();
}

criterion_group!(benches, traversal, projection);
criterion_main!(benches);
