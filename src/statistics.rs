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
    let mut quads = place_rows(names, inp, g, None);
    quads.extend(industry_set_quads(names, inp, g));
    quads
}

/// The statistics-graph quad `s stats:p o`.
fn stat(s: &NamedNode, p: &str, o: Term, g: &GraphName) -> Quad {
    Quad::new(
        s.clone(),
        NamedNode::new_unchecked(format!("{}{p}", crate::store::STATS)),
        o,
        g.clone(),
    )
}

/// The place profiles of `inp`, only those of the places in `only` when given (`inp` then
/// needs to hold no more than what lies below them: see [`Changes`]).
fn place_rows(
    names: &Names,
    inp: &ProfileInputs,
    g: &GraphName,
    only: Option<&HashSet<u32>>,
) -> Vec<Quad> {
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
                    for &p in within.iter().filter(|p| only.is_none_or(|o| o.contains(p))) {
                        let e = profile.entry((p, c)).or_default();
                        e.0.insert(m);
                        e.1.insert(i);
                    }
                }
            }
        }
    }
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| quads.push(stat(s, p, o, g));
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
        debug_assert_eq!(
            row,
            profile_row(
                names.get(key.0),
                (key.1 != u32::MAX).then(|| names.get(key.1))
            )
        );
        add(&row, "place", node(names.get(key.0)));
        if key.1 != u32::MAX {
            add(&row, "category", node(names.get(key.1)));
        }
        add(&row, "zones", count(members.len()));
        for &i in inds {
            add(&row, "industry", node(names.get(i)));
        }
    }
    quads
}

/// The node of the profile of `place` and `category` (`None`: uncategorized).
fn profile_row(place: &str, category: Option<&str>) -> NamedNode {
    let tail = |iri: &str| iri.strip_prefix(vocab::ID).unwrap_or(iri).to_string();
    NamedNode::new_unchecked(format!(
        "{}#profile/{}/{}",
        crate::store::STATISTICS_GRAPH,
        tail(place),
        category.map_or_else(|| "uncategorized".to_string(), tail)
    ))
}

fn node(s: &str) -> Term {
    Term::NamedNode(NamedNode::new_unchecked(s))
}

fn count(n: usize) -> Term {
    Term::Literal(Literal::from(n as i64))
}

/// The node of the industry set of the (sorted, distinct) industries `inds`: named by a hash
/// of them, so that stores of the same content hold the same quads.
pub(crate) fn industry_set_node(inds: &[&str]) -> NamedNode {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(inds.join("\n").as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    NamedNode::new_unchecked(format!(
        "{}#industry-set/{hex}",
        crate::store::STATISTICS_GRAPH
    ))
}

/// The industry sets of `inp`.
fn industry_set_quads(names: &Names, inp: &ProfileInputs, g: &GraphName) -> Vec<Quad> {
    let mut leads: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in &inp.industries {
        leads.entry(a).or_default().push(b);
    }
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| quads.push(stat(s, p, o, g));
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
        let set = industry_set_node(&inds);
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

    /// `?a skos:broader* ?b` for a top concept ?b: each industry and its categories (a top
    /// concept is its own).
    fn categories(&self) -> Vec<(u32, u32)> {
        let iri = |x: u32| self.names.is_iri(x);
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
        broader
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
        let broader = self.categories();
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

/// The statistics graph's node for the number of entities of `class` (`void:classPartition`).
pub(crate) fn class_partition(class: &str) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "{}#class-{}",
        crate::store::STATISTICS_GRAPH,
        class.rsplit('#').next().unwrap_or_default()
    ))
}

/// The statistics graph's node for the number of triples of `property`
/// (`void:propertyPartition`).
pub(crate) fn property_partition(property: &str) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "{}#property-{}",
        crate::store::STATISTICS_GRAPH,
        property.rsplit(['#', '/']).next().unwrap_or_default()
    ))
}

/// The statistics graph's node for the whole store (`void:Dataset`).
pub(crate) fn dataset_node() -> NamedNode {
    NamedNode::new_unchecked(format!("{}#dataset", crate::store::STATISTICS_GRAPH))
}

/// What an ingest into a store that already held articles changed in the knowledge graph:
/// the default graph's quads of the predicates the statistics are made of (those of
/// [`Tally`]) that it added (the store did not hold them) or removed (with replaced articles
/// that alone stated them), net of each other, and the change in the number of articles. The
/// statistics are then updated from them ([`crate::store::Store::finish_changes`]) instead of
/// recomputed from the whole store: adding one article to a 100k-article store took 9.7 s,
/// 9.1 of them recomputing the statistics.
#[derive(Debug, Default)]
pub struct Changes {
    added: HashSet<Quad>,
    removed: HashSet<Quad>,
    documents: i64,
    /// More than [`Changes::LIMIT`] quads changed: the statistics are recomputed.
    overflow: bool,
    /// The ends of every relation the ingest wrote or removed, in any graph (an article that
    /// states a relation the store held changes its evidence, not the knowledge graph): the
    /// entities whose cards may have changed (see [`Changes::touched`]).
    touched: HashSet<NamedNode>,
    /// More than [`Changes::LIMIT`] entities touched: every card is made again.
    touched_overflow: bool,
}

impl Changes {
    /// Beyond this many changed quads the statistics are recomputed from the store instead:
    /// each change costs index reads (a degree count, the profiles of the places above it),
    /// which past some thousands of changes cost more than reading the whole store.
    pub const LIMIT: usize = 20_000;

    /// No change yet.
    pub fn new() -> Self {
        Changes::default()
    }

    /// Whether the statistics depend on `q` (a quad of the default graph with one of the
    /// [`Tally`]'s predicates).
    pub(crate) fn concerns(q: &Quad) -> bool {
        if !q.graph_name.is_default_graph() {
            return false;
        }
        let p = q.predicate.as_str();
        match p.strip_prefix(vocab::RDF) {
            Some(local) => local == "type",
            None => {
                vocab::RELATION_PROPERTIES.contains(&p)
                    || p.strip_prefix(vocab::SKOS)
                        .is_some_and(|l| l == "broader" || l == "topConceptOf")
            }
        }
    }

    /// Whether the statistics will be recomputed instead of updated: more changed than is
    /// worth following (see [`Changes::LIMIT`]; then nothing more is kept), or the statistics
    /// were stale when the ingest began (an earlier write was cut off before them).
    pub fn recompute(&self) -> bool {
        self.overflow
    }

    /// Changed quads kept (added and removed).
    pub fn len(&self) -> usize {
        self.added.len() + self.removed.len()
    }

    /// Whether no quad changed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check_size(&mut self) {
        if self.len() > Self::LIMIT {
            self.overflow = true;
            self.added = HashSet::new();
            self.removed = HashSet::new();
        }
    }

    /// `q`, which the store did not hold, was written.
    pub(crate) fn add(&mut self, q: Quad) {
        if self.overflow {
            return;
        }
        if !self.removed.remove(&q) {
            self.added.insert(q);
        }
        self.check_size();
    }

    /// `q`, which the store held, was removed.
    pub(crate) fn remove(&mut self, q: Quad) {
        if self.overflow {
            return;
        }
        if !self.added.remove(&q) {
            self.removed.insert(q);
        }
        self.check_size();
    }

    /// The statistics are to be recomputed (a quad could not be checked against the store, or
    /// they were stale).
    pub(crate) fn give_up(&mut self) {
        self.overflow = true;
        self.added = HashSet::new();
        self.removed = HashSet::new();
    }

    /// Keeps the ends of `q` if it states a relation, whatever its graph.
    pub(crate) fn touch(&mut self, q: &Quad) {
        if self.touched_overflow || !vocab::RELATION_PROPERTIES.contains(&q.predicate.as_str()) {
            return;
        }
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            self.touched.insert(s.clone());
        }
        if let Term::NamedNode(o) = &q.object {
            self.touched.insert(o.clone());
        }
        if self.touched.len() > Self::LIMIT {
            self.touched_overflow = true;
            self.touched = HashSet::new();
        }
    }

    /// The entities at an end of a relation the ingest wrote or removed (their relations or
    /// evidence may have changed; no other entity's did), or `None` when every entity is to
    /// be taken as changed (too many, or the statistics are recomputed).
    pub(crate) fn touched(&self) -> Option<&HashSet<NamedNode>> {
        (!self.overflow && !self.touched_overflow).then_some(&self.touched)
    }

    /// An article graph was added (`+1`) or removed (`-1`).
    pub(crate) fn articles(&mut self, n: i64) {
        self.documents += n;
    }

    /// Each changed quad with `+1` if added, `-1` if removed.
    fn each(&self) -> impl Iterator<Item = (&Quad, i64)> {
        self.added
            .iter()
            .map(|q| (q, 1))
            .chain(self.removed.iter().map(|q| (q, -1)))
    }
}

/// The quads to remove from the statistics graph and those to insert in it after `ch`
/// changed the knowledge graph of `store`, whose statistics graph was up to date before
/// (entities with more than `hub_degree` relations of a kind have their count kept). `None`
/// when they are better recomputed: too many changes, or no statistics to update.
///
/// Counts are the old ones plus the changes. A hub degree is the old one plus the changes
/// when it was kept, else counted. An industry set loses or gains the entities whose
/// industries changed. The profiles of the places above any changed zone, park, industry,
/// `locatedIn` or industry category are made again from what lies below those places, read
/// by index.
pub(crate) fn statistics_update(
    store: &crate::store::Store,
    ch: &Changes,
    hub_degree: usize,
) -> crate::error::Result<Option<(HashSet<Quad>, HashSet<Quad>)>> {
    if ch.overflow {
        return Ok(None);
    }
    let mut u = Update::new(store, ch);
    if !u.counts()? {
        return Ok(None);
    }
    u.hub_degrees(hub_degree)?;
    u.industry_sets()?;
    u.profiles()?;
    Ok(Some(u.finish()))
}

/// The terms of the knowledge graph that the statistics are made of.
struct Terms {
    rdf_type: NamedNode,
    zone: NamedNode,
    place: NamedNode,
    located: NamedNode,
    part_of: NamedNode,
    has_industry: NamedNode,
    broader: NamedNode,
    top: NamedNode,
}

impl Terms {
    fn new() -> Self {
        let zkg = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::ZKG));
        let skos = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::SKOS));
        Self {
            rdf_type: NamedNode::new_unchecked(format!("{}type", vocab::RDF)),
            zone: zkg("Zone"),
            place: zkg("Place"),
            located: zkg("locatedIn"),
            part_of: zkg("partOf"),
            has_industry: zkg("hasIndustry"),
            broader: skos("broader"),
            top: skos("topConceptOf"),
        }
    }
}

/// One update of the statistics graph from an ingest's [`Changes`] (see
/// [`statistics_update`]): each part adds the quads it replaces to `remove` and its new ones
/// to `insert`.
struct Update<'a> {
    store: &'a crate::store::Store,
    ch: &'a Changes,
    /// The knowledge graph as it is now (see [`Before`]).
    now: Before<'a>,
    t: Terms,
    sg: GraphName,
    remove: HashSet<Quad>,
    insert: HashSet<Quad>,
}

impl<'a> Update<'a> {
    fn new(store: &'a crate::store::Store, ch: &'a Changes) -> Self {
        let t = Terms::new();
        Self {
            store,
            ch,
            now: Before {
                ox: store.oxigraph(),
                added: &ch.added,
                rdf_type: t.rdf_type.clone(),
            },
            t,
            sg: GraphName::NamedNode(NamedNode::new_unchecked(crate::store::STATISTICS_GRAPH)),
            remove: HashSet::new(),
            insert: HashSet::new(),
        }
    }

    fn sgr(&self) -> oxigraph::model::GraphNameRef<'_> {
        self.sg.as_ref()
    }

    /// The statistics graph's quads `s p ?o`.
    fn stored(&self, s: &NamedNode, p: &NamedNode) -> crate::error::Result<Vec<Quad>> {
        Ok(self
            .now
            .ox
            .quads_for_pattern(
                Some(s.as_ref().into()),
                Some(p.as_ref()),
                None,
                Some(self.sgr()),
            )
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// A count `s p n` moved by `delta`; `false` if the statistics lack it.
    fn recount(&mut self, s: &NamedNode, p: &NamedNode, delta: i64) -> crate::error::Result<bool> {
        let old = self.stored(s, p)?;
        let Some(n) = number(&old) else {
            return Ok(false);
        };
        if delta != 0 {
            self.remove.extend(old);
            self.insert.insert(Quad::new(
                s.clone(),
                p.clone(),
                Literal::from(n + delta),
                self.sg.clone(),
            ));
        }
        Ok(true)
    }

    /// The counts: articles, entities per class, triples per relation property. `false` when
    /// the statistics lack one (there are none to update).
    fn counts(&mut self) -> crate::error::Result<bool> {
        let void = |l: &str| NamedNode::new_unchecked(format!("{}{l}", crate::store::VOID));
        if !self.recount(&dataset_node(), &void("documents"), self.ch.documents)? {
            return Ok(false);
        }
        // One pass over the changes: the net change of each class's entities and each
        // property's triples.
        let mut by_term: HashMap<String, i64> = HashMap::new();
        for (q, d) in self.ch.each() {
            let term = if q.predicate == self.t.rdf_type {
                match &q.object {
                    Term::NamedNode(c) => c.as_str(),
                    _ => continue,
                }
            } else {
                q.predicate.as_str()
            };
            *by_term.entry(term.to_string()).or_default() += d;
        }
        let delta = |t: &str| by_term.get(t).copied().unwrap_or(0);
        for class in vocab::CLASSES {
            if !self.recount(&class_partition(class), &void("entities"), delta(class))? {
                return Ok(false);
            }
        }
        for p in vocab::RELATION_PROPERTIES {
            if !self.recount(&property_partition(p), &void("triples"), delta(p))? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Hub degrees of the entities at either end of a changed relation: the old one plus the
    /// changes when it was kept, else counted.
    fn hub_degrees(&mut self, hub_degree: usize) -> crate::error::Result<()> {
        let mut degrees: HashMap<(NamedNode, &str, bool), i64> = HashMap::new();
        for (q, d) in self.ch.each() {
            let Some(p) = vocab::RELATION_PROPERTIES
                .iter()
                .find(|p| **p == q.predicate.as_str())
            else {
                continue;
            };
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                *degrees.entry((s.clone(), *p, true)).or_default() += d;
            }
            if let Term::NamedNode(o) = &q.object {
                *degrees.entry((o.clone(), *p, false)).or_default() += d;
            }
        }
        for ((x, p, out), d) in degrees {
            let prop = NamedNode::new_unchecked(crate::store::degree_property(p, out));
            let old = self.stored(&x, &prop)?;
            let n = match number(&old) {
                Some(n) => n + d,
                // Not a hub before: counted, which reads at most the threshold and the changes.
                None => self.store.count_relations(x.as_str(), p, out)? as i64,
            };
            self.remove.extend(old);
            if n > hub_degree as i64 {
                self.insert
                    .insert(hub_degree_quad(x, p, out, n as usize, &self.sg));
            }
        }
        Ok(())
    }

    /// Industry sets: each entity whose industries changed leaves the set of its old ones and
    /// joins that of its new ones.
    fn industry_sets(&mut self) -> crate::error::Result<()> {
        // Entities whose industries changed, with the industries added (+1) and removed (-1).
        let mut industry_changes: HashMap<NamedNode, Vec<(String, i64)>> = HashMap::new();
        for (q, d) in self.ch.each() {
            if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) {
                if q.predicate == self.t.has_industry {
                    industry_changes
                        .entry(s.clone())
                        .or_default()
                        .push((o.as_str().to_string(), d));
                }
            }
        }
        // Per set (its industries): the change in its size, and who leaves (-1) or joins (+1).
        type Moves = (i64, Vec<(NamedNode, i64)>);
        let mut set_moves: HashMap<Vec<String>, Moves> = HashMap::new();
        for (x, changes) in &industry_changes {
            let mut now: Vec<String> = self
                .now
                .objects(x, &self.t.has_industry, false)?
                .into_iter()
                .map(|o| o.as_str().to_string())
                .collect();
            now.sort_unstable();
            now.dedup();
            let mut before: HashSet<String> = now.iter().cloned().collect();
            for (i, d) in changes {
                if *d > 0 {
                    before.remove(i);
                } else {
                    before.insert(i.clone());
                }
            }
            let mut before: Vec<String> = before.into_iter().collect();
            before.sort_unstable();
            if before == now {
                continue;
            }
            for (key, d) in [(before, -1), (now, 1)] {
                if !key.is_empty() {
                    let e = set_moves.entry(key).or_default();
                    e.0 += d;
                    e.1.push((x.clone(), d));
                }
            }
        }
        let stats = |l: &str| NamedNode::new_unchecked(format!("{}{l}", crate::store::STATS));
        let (set_industry, size, member) = (stats("setIndustry"), stats("size"), stats("member"));
        let sg = self.sg.clone();
        for (key, (d, members)) in set_moves {
            let refs: Vec<&str> = key.iter().map(String::as_str).collect();
            let set = industry_set_node(&refs);
            let old = self.stored(&set, &size)?;
            let known = number(&old);
            let n = known.unwrap_or(0) + d;
            self.remove.extend(old);
            for (x, d) in members {
                let q = Quad::new(set.clone(), member.clone(), x, sg.clone());
                if d > 0 {
                    self.insert.insert(q);
                } else {
                    self.remove.insert(q);
                }
            }
            let inds = key
                .iter()
                .map(|i| Quad::new(set.clone(), set_industry.clone(), node(i), sg.clone()));
            if n > 0 {
                self.insert.insert(Quad::new(
                    set.clone(),
                    size.clone(),
                    Literal::from(n),
                    sg.clone(),
                ));
                // A set already there keeps its industries.
                if known.is_none() {
                    self.insert.extend(inds);
                }
            } else {
                self.remove.extend(inds);
            }
        }
        Ok(())
    }

    /// Place profiles. Changes that only add grow them, from the entities they touch
    /// ([`grow_profiles`]); else (or when they touch too many) those of the places above the
    /// changes are made again from what lies below them ([`Update::remake_profiles`]).
    fn profiles(&mut self) -> crate::error::Result<()> {
        let t = &self.t;
        let only_added = !self.ch.removed.iter().any(|q| {
            [&t.located, &t.part_of, &t.has_industry, &t.broader, &t.top].contains(&&q.predicate)
                || (q.predicate == t.rdf_type
                    && matches!(&q.object, Term::NamedNode(c) if *c == t.zone || *c == t.place))
        });
        if only_added
            && grow_profiles(
                self.now.ox,
                self.ch,
                &self.sg,
                &mut self.remove,
                &mut self.insert,
            )?
        {
            return Ok(());
        }
        let affected = self.affected_places()?;
        if !affected.is_empty() {
            self.remake_profiles(&affected)?;
        }
        Ok(())
    }

    /// A `locatedIn` counts in the profiles when its subject is a zone or a place.
    fn counts_up(&self, x: &NamedNode) -> crate::error::Result<bool> {
        Ok(self.now.is_a(x, &self.t.zone, false)? || self.now.is_a(x, &self.t.place, false)?)
    }

    /// The places `hops` `locatedIn` hops above each of `start` (with `start` itself when
    /// `with_start`), as the profiles climb them.
    fn places_above(
        &self,
        start: Vec<NamedNode>,
        hops: usize,
        with_start: bool,
    ) -> crate::error::Result<HashSet<NamedNode>> {
        let mut found = HashSet::new();
        if with_start {
            for x in &start {
                if self.now.is_a(x, &self.t.place, false)? {
                    found.insert(x.clone());
                }
            }
        }
        let mut frontier = start;
        for _ in 0..hops {
            let mut next = Vec::new();
            for n in frontier {
                if !self.counts_up(&n)? {
                    continue;
                }
                for u in self.now.objects(&n, &self.t.located, false)? {
                    if self.now.is_a(&u, &self.t.place, false)? {
                        found.insert(u.clone());
                    }
                    next.push(u);
                }
            }
            frontier = next;
        }
        Ok(found)
    }

    /// The places above the zones whose members (`partOf*`) include `from`.
    fn places_of_zones_over(&self, from: NamedNode) -> crate::error::Result<HashSet<NamedNode>> {
        let mut found = HashSet::new();
        // from and what it is part of, parts of parts … (`partOf*` upwards).
        let mut wholes = vec![from.clone()];
        let mut seen = HashSet::from([from]);
        let mut k = 0;
        while k < wholes.len() {
            for w in self.now.objects(&wholes[k], &self.t.part_of, false)? {
                if seen.insert(w.clone()) {
                    wholes.push(w);
                }
            }
            k += 1;
        }
        for w in wholes {
            if self.now.is_a(&w, &self.t.zone, false)? {
                found.extend(self.places_above(vec![w], 3, false)?);
            }
        }
        Ok(found)
    }

    /// The places whose profiles the changes touch.
    fn affected_places(&self) -> crate::error::Result<HashSet<NamedNode>> {
        let t = &self.t;
        let mut affected: HashSet<NamedNode> = HashSet::new();
        for (q, _) in self.ch.each() {
            let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object)
            else {
                continue;
            };
            let p = &q.predicate;
            if *p == t.has_industry {
                affected.extend(self.places_of_zones_over(s.clone())?);
            } else if *p == t.part_of {
                affected.extend(self.places_of_zones_over(o.clone())?);
            } else if *p == t.located {
                if self.counts_up(s)? {
                    affected.extend(self.places_above(vec![o.clone()], 2, true)?);
                }
            } else if *p == t.rdf_type && (*o == t.zone || *o == t.place) {
                affected.extend(self.places_above(vec![s.clone()], 3, true)?);
            } else if *p == t.broader || *p == t.top {
                // The categories of s and of every industry below it changed: so did the
                // profiles of the places of the zones leading in them. An industry first seen
                // gets its place in the taxonomy this way, and its zones are new as well.
                let mut below = vec![s.clone()];
                let mut seen = HashSet::from([s.clone()]);
                let mut k = 0;
                while k < below.len() {
                    for i in self.now.subjects(&t.broader, &below[k], false)? {
                        if seen.insert(i.clone()) {
                            below.push(i);
                        }
                    }
                    k += 1;
                }
                for i in below {
                    for m in self.now.subjects(&t.has_industry, &i, false)? {
                        affected.extend(self.places_of_zones_over(m)?);
                    }
                }
            }
        }
        Ok(affected)
    }

    /// The profiles of the `affected` places made again from what lies below them (zones up
    /// to three `locatedIn` hops down, their parks, their industries), which for a province
    /// reads most of its zones and companies (9 s for ten articles into a 100k-article store).
    fn remake_profiles(&mut self, affected: &HashSet<NamedNode>) -> crate::error::Result<()> {
        let (t, now) = (&self.t, &self.now);
        let mut names = Names::default();
        let mut inp = ProfileInputs::default();
        let mut only: HashSet<u32> = HashSet::new();
        for p in affected {
            let id = names.id(p.as_str());
            only.insert(id);
            inp.places.insert(id);
        }
        let mut seen: HashSet<NamedNode> = affected.iter().cloned().collect();
        let mut frontier: Vec<NamedNode> = affected.iter().cloned().collect();
        let mut zones: Vec<NamedNode> = Vec::new();
        for _ in 0..3 {
            let mut next = Vec::new();
            for b in &frontier {
                let bi = names.id(b.as_str());
                for a in now.subjects(&t.located, b, false)? {
                    let ai = names.id(a.as_str());
                    let (is_zone, is_place) = (
                        now.is_a(&a, &t.zone, false)?,
                        now.is_a(&a, &t.place, false)?,
                    );
                    if is_zone {
                        inp.zone_in.push((ai, bi));
                        zones.push(a.clone());
                    }
                    if is_place {
                        inp.place_in.push((ai, bi));
                    }
                    if (is_zone || is_place) && seen.insert(a.clone()) {
                        next.push(a);
                    }
                }
            }
            frontier = next;
        }
        // The zones' parks, parks of parks … and the industries of all of them.
        let mut members: Vec<NamedNode> = Vec::new();
        let mut seen: HashSet<NamedNode> = HashSet::new();
        for z in zones {
            if seen.insert(z.clone()) {
                members.push(z);
            }
        }
        let mut k = 0;
        while k < members.len() {
            let m = members[k].clone();
            let mi = names.id(m.as_str());
            for part in now.subjects(&t.part_of, &m, false)? {
                inp.part_of.push((names.id(part.as_str()), mi));
                if seen.insert(part.clone()) {
                    members.push(part);
                }
            }
            for i in now.objects(&m, &t.has_industry, false)? {
                inp.industries.push((mi, names.id(i.as_str())));
            }
            k += 1;
        }
        // The industry taxonomy, small: read whole.
        let ox = now.ox;
        let mut taxonomy = Tally::new();
        for p in [&t.broader, &t.top] {
            for q in ox.quads_for_pattern(
                None,
                Some(p.as_ref()),
                None,
                Some(oxigraph::model::GraphNameRef::DefaultGraph),
            ) {
                taxonomy.observe(&q?);
            }
        }
        for (a, b) in taxonomy.categories() {
            let (a, b) = (taxonomy.names.get(a), taxonomy.names.get(b));
            inp.broader.push((names.id(a), names.id(b)));
        }
        let place_node = NamedNode::new_unchecked(format!("{}place", crate::store::STATS));
        let sgr = self.sg.as_ref();
        for p in affected {
            for q in ox.quads_for_pattern(
                None,
                Some(place_node.as_ref()),
                Some(p.as_ref().into()),
                Some(sgr),
            ) {
                let row = q?.subject;
                for old in ox.quads_for_pattern(Some(row.as_ref()), None, None, Some(sgr)) {
                    self.remove.insert(old?);
                }
            }
        }
        self.insert
            .extend(place_rows(&names, &inp, &self.sg, Some(&only)));
        Ok(())
    }

    /// The quads to remove and to insert; what would be removed and inserted again stays.
    fn finish(mut self) -> (HashSet<Quad>, HashSet<Quad>) {
        let same: Vec<Quad> = self.remove.intersection(&self.insert).cloned().collect();
        for q in same {
            self.remove.remove(&q);
            self.insert.remove(&q);
        }
        (self.remove, self.insert)
    }
}

/// The number a statistics quad among `qs` holds.
fn number(qs: &[Quad]) -> Option<i64> {
    qs.iter().find_map(|q| match &q.object {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    })
}

/// `x stats:out-P n` (`out`) or `x stats:in-P n`: the kept count of a hub's `P` relations.
pub(crate) fn hub_degree_quad(
    x: NamedNode,
    property: &str,
    out: bool,
    n: usize,
    g: &GraphName,
) -> Quad {
    Quad::new(
        x,
        NamedNode::new_unchecked(crate::store::degree_property(property, out)),
        Literal::from(n as i64),
        g.clone(),
    )
}

/// Reads of the knowledge graph as it is now, or as it was before the quads `added` were
/// (`old`).
struct Before<'a> {
    ox: &'a oxigraph::store::Store,
    added: &'a HashSet<Quad>,
    rdf_type: NamedNode,
}

impl Before<'_> {
    fn was_added(&self, s: &NamedNode, p: &NamedNode, o: &NamedNode) -> bool {
        self.added.contains(&Quad::new(
            s.clone(),
            p.clone(),
            o.clone(),
            GraphName::DefaultGraph,
        ))
    }

    /// The IRIs `o` of `x p o`.
    fn objects(
        &self,
        x: &NamedNode,
        p: &NamedNode,
        old: bool,
    ) -> crate::error::Result<Vec<NamedNode>> {
        let mut out = Vec::new();
        for q in self.ox.quads_for_pattern(
            Some(x.as_ref().into()),
            Some(p.as_ref()),
            None,
            Some(oxigraph::model::GraphNameRef::DefaultGraph),
        ) {
            if let Term::NamedNode(o) = q?.object {
                if !(old && self.was_added(x, p, &o)) {
                    out.push(o);
                }
            }
        }
        Ok(out)
    }

    /// The IRIs `s` of `s p x`.
    fn subjects(
        &self,
        p: &NamedNode,
        x: &NamedNode,
        old: bool,
    ) -> crate::error::Result<Vec<NamedNode>> {
        let mut out = Vec::new();
        for q in self.ox.quads_for_pattern(
            None,
            Some(p.as_ref()),
            Some(x.as_ref().into()),
            Some(oxigraph::model::GraphNameRef::DefaultGraph),
        ) {
            if let NamedOrBlankNode::NamedNode(s) = q?.subject {
                if !(old && self.was_added(&s, p, x)) {
                    out.push(s);
                }
            }
        }
        Ok(out)
    }

    fn is_a(&self, x: &NamedNode, class: &NamedNode, old: bool) -> crate::error::Result<bool> {
        let q = Quad::new(
            x.clone(),
            self.rdf_type.clone(),
            class.clone(),
            GraphName::DefaultGraph,
        );
        Ok(self.ox.contains(&q)? && !(old && self.added.contains(&q)))
    }
}

/// The place profiles grown by changes that only added quads: `Ok(false)` when they touch
/// too many entities, and the profiles are better made again.
///
/// An entity m counts in the profile of place p and category c when m leads in an industry
/// of c and is a zone located in p (one to three `locatedIn` hops up), or a park (`partOf*`)
/// of one. Quads that are only added can only add such pairs, so each profile's count moves
/// by the entities that gain it, and its industries by those they bring. The entities
/// touched (the subjects of new industries; the parks below a new `partOf`; the zones below
/// a new `locatedIn`, zone or place, with their parks) are looked at as the store was before
/// the changes and as it is, each by a few index reads around it.
fn grow_profiles(
    ox: &oxigraph::store::Store,
    ch: &Changes,
    sg: &GraphName,
    remove: &mut HashSet<Quad>,
    insert: &mut HashSet<Quad>,
) -> crate::error::Result<bool> {
    /// Entities to look at, and nodes to visit finding them, beyond which the profiles are
    /// made again instead.
    const BUDGET: usize = 20_000;
    let zkg = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::ZKG));
    let (zone, place) = (zkg("Zone"), zkg("Place"));
    let (located, part_of, has_industry) = (zkg("locatedIn"), zkg("partOf"), zkg("hasIndustry"));
    let skos = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::SKOS));
    let (broader, top) = (skos("broader"), skos("topConceptOf"));
    let v = Before {
        ox,
        added: &ch.added,
        rdf_type: NamedNode::new_unchecked(format!("{}type", vocab::RDF)),
    };
    let mut visited = 0usize;
    // x and its parks, parks of parks … (now).
    let members_of = |x: &NamedNode, visited: &mut usize| -> crate::error::Result<Vec<NamedNode>> {
        let mut all = vec![x.clone()];
        let mut seen = HashSet::from([x.clone()]);
        let mut k = 0;
        while k < all.len() && *visited <= BUDGET {
            for part in v.subjects(&part_of, &all[k], false)? {
                if seen.insert(part.clone()) {
                    all.push(part);
                }
            }
            *visited += 1;
            k += 1;
        }
        Ok(all)
    };
    let counts_up = |x: &NamedNode, old: bool| -> crate::error::Result<bool> {
        Ok(v.is_a(x, &zone, old)? || v.is_a(x, &place, old)?)
    };
    // The zones up to `hops` `locatedIn` hops below x, through zones and places (now).
    let zones_below =
        |x: &NamedNode, hops: usize, visited: &mut usize| -> crate::error::Result<Vec<NamedNode>> {
            let mut found = Vec::new();
            let mut seen = HashSet::from([x.clone()]);
            let mut frontier = vec![x.clone()];
            for _ in 0..hops {
                let mut next = Vec::new();
                for b in &frontier {
                    for a in v.subjects(&located, b, false)? {
                        *visited += 1;
                        if *visited > BUDGET {
                            return Ok(found);
                        }
                        if seen.insert(a.clone()) && counts_up(&a, false)? {
                            if v.is_a(&a, &zone, false)? {
                                found.push(a.clone());
                            }
                            next.push(a);
                        }
                    }
                }
                frontier = next;
            }
            Ok(found)
        };
    // The entities whose profiles may have changed.
    let mut touched: HashSet<NamedNode> = HashSet::new();
    let mut taxonomy_changed = false;
    for q in &ch.added {
        let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) else {
            continue;
        };
        let p = &q.predicate;
        let mut zones: Vec<NamedNode> = Vec::new();
        if *p == has_industry {
            touched.insert(s.clone());
        } else if *p == part_of {
            zones.push(s.clone());
        } else if *p == located {
            if counts_up(s, false)? {
                zones.push(s.clone());
                zones.extend(zones_below(s, 2, &mut visited)?);
            }
        } else if *p == v.rdf_type && (*o == zone || *o == place) {
            zones.push(s.clone());
            zones.extend(zones_below(s, 3, &mut visited)?);
        } else if *p == broader || *p == top {
            taxonomy_changed = true;
            // The industries below s, and who leads in them.
            let mut below = vec![s.clone()];
            let mut seen = HashSet::from([s.clone()]);
            let mut k = 0;
            while k < below.len() {
                for i in v.subjects(&broader, &below[k], false)? {
                    if seen.insert(i.clone()) {
                        below.push(i);
                    }
                }
                k += 1;
            }
            for i in below {
                touched.extend(v.subjects(&has_industry, &i, false)?);
            }
        }
        for z in zones {
            touched.extend(members_of(&z, &mut visited)?);
        }
        if touched.len() > BUDGET || visited > BUDGET {
            return Ok(false);
        }
    }
    // Each industry's categories (its top concepts, `skos:broader*`), before and now.
    let mut taxonomy = Tally::new();
    let mut before = Tally::new();
    for p in [&broader, &top] {
        for q in ox.quads_for_pattern(
            None,
            Some(p.as_ref()),
            None,
            Some(oxigraph::model::GraphNameRef::DefaultGraph),
        ) {
            let q = q?;
            if taxonomy_changed && !ch.added.contains(&q) {
                before.observe(&q);
            }
            taxonomy.observe(&q);
        }
    }
    let categories = |t: &Tally| -> HashMap<String, Vec<String>> {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for (a, b) in t.categories() {
            m.entry(t.names.get(a).to_string())
                .or_default()
                .push(t.names.get(b).to_string());
        }
        m
    };
    let now_categories = categories(&taxonomy);
    let old_categories = if taxonomy_changed {
        categories(&before)
    } else {
        now_categories.clone()
    };
    type Key = (String, Option<String>);
    // The profiles m counts in, with the industries it brings to each.
    let profiles_of =
        |m: &NamedNode, old: bool| -> crate::error::Result<HashMap<Key, Vec<String>>> {
            let mut out: HashMap<Key, Vec<String>> = HashMap::new();
            let industries = v.objects(m, &has_industry, old)?;
            if industries.is_empty() {
                return Ok(out);
            }
            // The zones m is, or is a park of, and the places they are in.
            let mut wholes = vec![m.clone()];
            let mut seen = HashSet::from([m.clone()]);
            let mut k = 0;
            while k < wholes.len() {
                for w in v.objects(&wholes[k], &part_of, old)? {
                    if seen.insert(w.clone()) {
                        wholes.push(w);
                    }
                }
                k += 1;
            }
            let mut places: HashSet<NamedNode> = HashSet::new();
            for x in wholes {
                if !v.is_a(&x, &zone, old)? {
                    continue;
                }
                let mut frontier = vec![x];
                for _ in 0..3 {
                    let mut next = Vec::new();
                    for n in frontier {
                        if !counts_up(&n, old)? {
                            continue;
                        }
                        for u in v.objects(&n, &located, old)? {
                            if v.is_a(&u, &place, old)? {
                                places.insert(u.clone());
                            }
                            next.push(u);
                        }
                    }
                    frontier = next;
                }
            }
            let categories = if old {
                &old_categories
            } else {
                &now_categories
            };
            for i in industries {
                let cs: Vec<Option<String>> = match categories.get(i.as_str()) {
                    Some(cs) => cs.iter().cloned().map(Some).collect(),
                    None => vec![None],
                };
                for c in cs {
                    for p in &places {
                        out.entry((p.as_str().to_string(), c.clone()))
                            .or_default()
                            .push(i.as_str().to_string());
                    }
                }
            }
            Ok(out)
        };
    let mut delta: HashMap<Key, i64> = HashMap::new();
    let mut brought: HashMap<Key, HashSet<String>> = HashMap::new();
    for m in &touched {
        let before = profiles_of(m, true)?;
        let now = profiles_of(m, false)?;
        for k in now.keys().filter(|k| !before.contains_key(*k)) {
            *delta.entry(k.clone()).or_default() += 1;
        }
        for k in before.keys().filter(|k| !now.contains_key(*k)) {
            *delta.entry(k.clone()).or_default() -= 1;
        }
        for (k, inds) in now {
            brought.entry(k).or_default().extend(inds);
        }
    }
    let zones_p = NamedNode::new_unchecked(format!("{}zones", crate::store::STATS));
    let sgr = match sg {
        GraphName::NamedNode(n) => oxigraph::model::GraphNameRef::NamedNode(n.as_ref()),
        _ => oxigraph::model::GraphNameRef::DefaultGraph,
    };
    let keys: HashSet<&Key> = delta.keys().chain(brought.keys()).collect();
    for key in keys {
        let row = profile_row(&key.0, key.1.as_deref());
        let old: Vec<Quad> = ox
            .quads_for_pattern(
                Some(row.as_ref().into()),
                Some(zones_p.as_ref()),
                None,
                Some(sgr),
            )
            .collect::<Result<_, _>>()?;
        let known = old.iter().find_map(|q| match &q.object {
            Term::Literal(l) => l.value().parse::<i64>().ok(),
            _ => None,
        });
        let n = known.unwrap_or(0) + delta.get(key).copied().unwrap_or(0);
        if n <= 0 {
            // No entity counts in it any more: the profile goes.
            for q in ox.quads_for_pattern(Some(row.as_ref().into()), None, None, Some(sgr)) {
                remove.insert(q?);
            }
            continue;
        }
        if known.is_none() {
            insert.insert(stat(&row, "place", node(&key.0), sg));
            if let Some(c) = &key.1 {
                insert.insert(stat(&row, "category", node(c), sg));
            }
        }
        if Some(n) != known {
            remove.extend(old);
            insert.insert(stat(&row, "zones", count(n as usize), sg));
        }
        for i in brought.get(key).into_iter().flatten() {
            let q = stat(&row, "industry", node(i), sg);
            if !ox.contains(&q)? {
                insert.insert(q);
            }
        }
    }
    Ok(true)
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
