//! The statistics graph's inputs and the parts of it computed in memory.
//!
//! [`crate::store::Store::refresh_statistics`] reads what the statistics are made of from the
//! store: counts on the SPARQL engine, the place profiles from six index scans joined here.
//! An ingest into a store that held no article knows all of it already, since it wrote every
//! quad of the knowledge graph: a [`Tally`] is kept of the few predicates the statistics are
//! made of as the quads go to the loader, and the statistics come from it without reading the
//! store back. At the end of a 100k-article ingest the store path took 20–48 s, most of it
//! scans of a store that RocksDB was still compacting.

use crate::vocab;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Terms interned as `u32`: the statistics join hundreds of thousands of rows at 100k
/// articles. An IRI is kept as itself, any other term as its N-Triples form, which never
/// begins with a letter as an absolute IRI does.
#[derive(Debug, Default)]
pub(crate) struct Names {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

impl Names {
    /// The id of `s`, given one if new.
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        let s: Arc<str> = Arc::from(s);
        self.ids.insert(s.clone(), i);
        self.names.push(s);
        i
    }

    /// The id of a subject.
    fn subject(&mut self, s: &NamedOrBlankNode) -> u32 {
        match s {
            NamedOrBlankNode::NamedNode(n) => self.id(n.as_str()),
            other => self.id(&other.to_string()),
        }
    }

    /// The id of a term (see [`Names`] for how non-IRIs are kept).
    fn term(&mut self, t: &Term) -> u32 {
        match t {
            Term::NamedNode(n) => self.id(n.as_str()),
            other => self.id(&other.to_string()),
        }
    }

    /// The term named `i`.
    pub(crate) fn get(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    /// Whether `i` names an IRI.
    fn is_iri(&self, i: u32) -> bool {
        self.get(i).starts_with(|c: char| c.is_ascii_alphabetic())
    }
}

/// What the place profiles and industry sets are computed from: pairs of interned IRIs, as
/// the six scans of the store give them (see `Store::place_profiles`).
#[derive(Debug, Default)]
pub(crate) struct ProfileInputs {
    /// `?a a zkg:Zone ; zkg:locatedIn ?b`.
    pub zone_in: Vec<(u32, u32)>,
    /// `?a a zkg:Place ; zkg:locatedIn ?b`.
    pub place_in: Vec<(u32, u32)>,
    /// `?a a zkg:Place`.
    pub places: HashSet<u32>,
    /// `?a zkg:partOf ?b`.
    pub part_of: Vec<(u32, u32)>,
    /// `?a zkg:hasIndustry ?b`.
    pub industries: Vec<(u32, u32)>,
    /// `?b skos:topConceptOf ?s . ?a skos:broader* ?b`: an industry and its category.
    pub broader: Vec<(u32, u32)>,
}

/// The place profiles and industry sets (see `Store::place_profiles` for what they are) of
/// the knowledge graph described by `inp`, as quads of graph `g`.
pub(crate) fn profile_quads(names: &Names, inp: &ProfileInputs, g: &GraphName) -> Vec<Quad> {
    let stats = crate::store::STATS;
    let mut category: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in &inp.broader {
        category.entry(a).or_default().push(b);
    }
    let mut up: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in inp.zone_in.iter().chain(&inp.place_in) {
        up.entry(a).or_default().push(b);
    }
    let mut parts: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in &inp.part_of {
        parts.entry(b).or_default().push(a);
    }
    let mut leads: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in &inp.industries {
        leads.entry(a).or_default().push(b);
    }
    // (place, category) → (zones, industries); u32::MAX stands for "uncategorized".
    type Profile = (HashSet<u32>, HashSet<u32>);
    let mut profile: HashMap<(u32, u32), Profile> = HashMap::new();
    let zones: HashSet<u32> = inp.zone_in.iter().map(|&(a, _)| a).collect();
    for &x in &zones {
        // The places x is in, one to three hops up, as the query's `locatedIn` hops.
        let mut within: Vec<u32> = Vec::new();
        let mut frontier = vec![x];
        for _ in 0..3 {
            let mut next = Vec::new();
            for n in frontier {
                for &u in up.get(&n).into_iter().flatten() {
                    if inp.places.contains(&u) && !within.contains(&u) {
                        within.push(u);
                    }
                    next.push(u);
                }
            }
            frontier = next;
        }
        if within.is_empty() {
            continue;
        }
        // x and its parks, parks of parks … (`partOf*`).
        let mut members = vec![x];
        let mut seen: HashSet<u32> = HashSet::from([x]);
        let mut k = 0;
        while k < members.len() {
            for &p in parts.get(&members[k]).into_iter().flatten() {
                if seen.insert(p) {
                    members.push(p);
                }
            }
            k += 1;
        }
        for &m in &members {
            for &i in leads.get(&m).into_iter().flatten() {
                let cs = category.get(&i).map_or(&[u32::MAX][..], |v| &v[..]);
                for &c in cs {
                    for &p in &within {
                        let e = profile.entry((p, c)).or_default();
                        e.0.insert(m);
                        e.1.insert(i);
                    }
                }
            }
        }
    }
    let node = |s: &str| Term::NamedNode(NamedNode::new_unchecked(s));
    let count = |n: usize| Term::Literal(Literal::from(n as i64));
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| {
        quads.push(Quad::new(
            s.clone(),
            NamedNode::new_unchecked(format!("{stats}{p}")),
            o,
            g.clone(),
        ))
    };
    let mut keys: Vec<_> = profile.keys().copied().collect();
    keys.sort_unstable();
    // A profile is named by its place and category, so that stores of the same content
    // (one ingest, or shards loaded together) hold the same quads.
    let tail = |iri: &str| iri.strip_prefix(vocab::ID).unwrap_or(iri).to_string();
    let graph = crate::store::STATISTICS_GRAPH;
    for key in &keys {
        let (members, inds) = &profile[key];
        let category = match key.1 {
            u32::MAX => "uncategorized".to_string(),
            c => tail(names.get(c)),
        };
        let row = NamedNode::new_unchecked(format!(
            "{graph}#profile/{}/{category}",
            tail(names.get(key.0))
        ));
        add(&row, "place", node(names.get(key.0)));
        if key.1 != u32::MAX {
            add(&row, "category", node(names.get(key.1)));
        }
        add(&row, "zones", count(members.len()));
        for &i in inds {
            add(&row, "industry", node(names.get(i)));
        }
    }
    // Industry sets: the subjects of `hasIndustry` grouped by the set of industries they
    // lead in (a few hundred sets for 89,000 zones at 100k articles). Zones sharing
    // industries with a zone are counted per set, then only the best sets are opened:
    // grouping the 112,000 (zone, industry) rows per zone took 0.2 s for a zone leading in
    // 88 of the 92 industries. Named by a hash of the industries, for the same reason as
    // the profiles.
    let mut sets: HashMap<Vec<&str>, Vec<u32>> = HashMap::new();
    for (&z, inds) in &leads {
        let mut key: Vec<&str> = inds.iter().map(|&i| names.get(i)).collect();
        key.sort_unstable();
        key.dedup();
        sets.entry(key).or_default().push(z);
    }
    for (inds, members) in sets {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(inds.join("\n").as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        let set = NamedNode::new_unchecked(format!("{graph}#industry-set/{hex}"));
        for i in inds {
            add(&set, "setIndustry", node(i));
        }
        add(&set, "size", count(members.len()));
        for z in members {
            add(&set, "member", node(names.get(z)));
        }
    }
    quads
}

/// The knowledge graph (default graph) as far as the statistics need it: entities per class,
/// the distinct pairs of every relation property, and the industry taxonomy. Kept exactly
/// (sets of interned terms, not estimates), so the statistics made from it equal those read
/// from the store: a test compares the two.
#[derive(Debug)]
pub struct Tally {
    names: Names,
    /// Per [`vocab::CLASSES`] entry, its entities.
    classes: Vec<HashSet<u32>>,
    /// Per [`vocab::RELATION_PROPERTIES`] entry, its (subject, object) pairs.
    relations: Vec<HashSet<(u32, u32)>>,
    /// `skos:broader` pairs.
    broader: HashSet<(u32, u32)>,
    /// Subjects of `skos:topConceptOf`.
    top: HashSet<u32>,
}

impl Default for Tally {
    fn default() -> Self {
        Tally::new()
    }
}

fn position(list: &[&str], iri: &str) -> Option<usize> {
    list.iter().position(|c| *c == iri)
}

impl Tally {
    /// An empty tally (of a knowledge graph with nothing in it).
    pub fn new() -> Self {
        // One set per class and per property, always: the counts index them by position.
        Tally {
            names: Names::default(),
            classes: vec![HashSet::new(); vocab::CLASSES.len()],
            relations: vec![HashSet::new(); vocab::RELATION_PROPERTIES.len()],
            broader: HashSet::new(),
            top: HashSet::new(),
        }
    }

    /// The predicates a tally keeps; quads of any other are passed over.
    pub(crate) fn predicates() -> Vec<String> {
        let mut p: Vec<String> = vec![
            format!("{}type", vocab::RDF),
            format!("{}broader", vocab::SKOS),
            format!("{}topConceptOf", vocab::SKOS),
        ];
        p.extend(vocab::RELATION_PROPERTIES.iter().map(|s| s.to_string()));
        p
    }

    /// Takes in one quad; only quads of the default graph (the knowledge graph) count.
    pub fn observe(&mut self, q: &Quad) {
        if !q.graph_name.is_default_graph() {
            return;
        }
        let p = q.predicate.as_str();
        if let Some(local) = p.strip_prefix(vocab::RDF) {
            if local != "type" {
                return;
            }
            let Term::NamedNode(c) = &q.object else {
                return;
            };
            if let Some(k) = position(vocab::CLASSES, c.as_str()) {
                let s = self.names.subject(&q.subject);
                self.classes[k].insert(s);
            }
        } else if let Some(k) = position(vocab::RELATION_PROPERTIES, p) {
            let s = self.names.subject(&q.subject);
            let o = self.names.term(&q.object);
            self.relations[k].insert((s, o));
        } else if let Some(local) = p.strip_prefix(vocab::SKOS) {
            match local {
                "broader" => {
                    let s = self.names.subject(&q.subject);
                    let o = self.names.term(&q.object);
                    self.broader.insert((s, o));
                }
                "topConceptOf" => {
                    let s = self.names.subject(&q.subject);
                    self.top.insert(s);
                }
                _ => {}
            }
        }
    }

    /// Entities of `class` (an entry of [`vocab::CLASSES`]).
    pub fn entities(&self, class: &str) -> usize {
        position(vocab::CLASSES, class).map_or(0, |k| self.classes[k].len())
    }

    /// Distinct triples of `property` (an entry of [`vocab::RELATION_PROPERTIES`]).
    pub fn triples(&self, property: &str) -> usize {
        position(vocab::RELATION_PROPERTIES, property).map_or(0, |k| self.relations[k].len())
    }

    /// Every IRI with more than `threshold` relations of `property` as subject (`out`) or
    /// object, with its count.
    pub(crate) fn hubs(&self, property: &str, out: bool, threshold: usize) -> Vec<(&str, usize)> {
        let Some(k) = position(vocab::RELATION_PROPERTIES, property) else {
            return Vec::new();
        };
        let mut degree: HashMap<u32, usize> = HashMap::new();
        for &(s, o) in &self.relations[k] {
            *degree.entry(if out { s } else { o }).or_default() += 1;
        }
        degree
            .into_iter()
            .filter(|&(x, n)| n > threshold && self.names.is_iri(x))
            .map(|(x, n)| (self.names.get(x), n))
            .collect()
    }

    /// The place profiles' inputs, as the store's scans would give them, and the names.
    pub(crate) fn profile_inputs(&self) -> (&Names, ProfileInputs) {
        let class = |c: &str| &self.classes[position(vocab::CLASSES, c).unwrap_or(0)];
        let relation =
            |p: &str| &self.relations[position(vocab::RELATION_PROPERTIES, p).unwrap_or(0)];
        let zkg = |l: &str| format!("{}{l}", vocab::ZKG);
        let iri = |x: u32| self.names.is_iri(x);
        let pairs =
            |set: &HashSet<(u32, u32)>, subjects: Option<&HashSet<u32>>| -> Vec<(u32, u32)> {
                set.iter()
                    .copied()
                    .filter(|&(a, b)| iri(a) && iri(b) && subjects.is_none_or(|s| s.contains(&a)))
                    .collect()
            };
        let (zones, places) = (class(&zkg("Zone")), class(&zkg("Place")));
        let located = relation(&zkg("locatedIn"));
        // `?a skos:broader* ?b` for a top concept ?b: ?b itself and everything below it.
        let mut below: HashMap<u32, Vec<u32>> = HashMap::new();
        for &(a, b) in &self.broader {
            below.entry(b).or_default().push(a);
        }
        let mut broader = Vec::new();
        for &b in self.top.iter().filter(|&&b| iri(b)) {
            let mut seen: HashSet<u32> = HashSet::from([b]);
            let mut stack = vec![b];
            while let Some(n) = stack.pop() {
                if iri(n) {
                    broader.push((n, b));
                }
                for &a in below.get(&n).into_iter().flatten() {
                    if seen.insert(a) {
                        stack.push(a);
                    }
                }
            }
        }
        let inputs = ProfileInputs {
            zone_in: pairs(located, Some(zones)),
            place_in: pairs(located, Some(places)),
            places: places.iter().copied().filter(|&a| iri(a)).collect(),
            part_of: pairs(relation(&zkg("partOf")), None),
            industries: pairs(relation(&zkg("hasIndustry")), None),
            broader,
        };
        (&self.names, inputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quad(s: &str, p: &str, o: &str, g: GraphName) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            NamedNode::new_unchecked(p),
            NamedNode::new_unchecked(o),
            g,
        )
    }

    #[test]
    fn a_tally_counts_the_default_graph_as_a_set() {
        let zone = format!("{}Zone", vocab::ZKG);
        let located = format!("{}locatedIn", vocab::ZKG);
        let rdf_type = format!("{}type", vocab::RDF);
        let mut t = Tally::default();
        assert_eq!((t.entities(&zone), t.triples(&located)), (0, 0));
        let doc = GraphName::NamedNode(NamedNode::new_unchecked("https://example.org/doc/1"));
        for g in [GraphName::DefaultGraph, GraphName::DefaultGraph, doc] {
            t.observe(&quad("https://example.org/z", &rdf_type, &zone, g.clone()));
            t.observe(&quad(
                "https://example.org/z",
                &located,
                "https://example.org/p",
                g,
            ));
        }
        // Twice in the default graph and once in an article graph: one entity, one triple.
        assert_eq!((t.entities(&zone), t.triples(&located)), (1, 1));
        assert_eq!(
            t.hubs(&located, true, 0),
            vec![("https://example.org/z", 1)]
        );
        assert!(t.hubs(&located, true, 1).is_empty());
    }
}
