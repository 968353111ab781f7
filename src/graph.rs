//! A petgraph projection of the store for traversal: entities as nodes, the seven relations
//! (and `skos:broader` between industries) as typed edges.
//!
//! Input: SPARQL results from the [`Store`]. Output: a [`Projection`] that answers
//! neighbours, shortest paths, all paths up to a length, subgraphs, connected components and
//! a ranking by degree. Edges keep their direction and one evidence sentence.

use crate::error::Result;
use crate::model::EntityType;
use crate::store::Store;
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::{EdgeFiltered, EdgeRef};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::hash::BuildHasherDefault;

/// A node: one entity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GNode {
    /// The entity IRI.
    pub iri: String,
    /// The Chinese label.
    pub label: String,
    /// The English label (known or rule-made).
    pub label_en: Option<String>,
    /// The type.
    pub etype: EntityType,
}

/// An edge: one relation, kept with its direction and an evidence sentence.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GEdge {
    /// The predicate's short name (`settledIn`, …, `broader`).
    pub predicate: String,
    /// The subject end.
    #[serde(skip)]
    pub subject: NodeIndex,
    /// One sentence that states it, when the store has one.
    pub evidence: Option<String>,
    /// The title of that sentence's article.
    pub source: Option<String>,
}

/// One step of a path: `from —predicate→ to` (or `←` when `forward` is false).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hop {
    /// The label of the node the step leaves.
    pub from: String,
    /// The predicate.
    pub predicate: String,
    /// Whether the relation runs from `from` to `to`.
    pub forward: bool,
    /// The label of the node the step reaches.
    pub to: String,
    /// The evidence sentence, if any.
    pub evidence: Option<String>,
    /// The article title of the evidence.
    pub source: Option<String>,
    /// The IRI of the relation's subject.
    #[serde(skip)]
    pub subject_iri: String,
    /// The IRI of the relation's object.
    #[serde(skip)]
    pub object_iri: String,
}

/// Which nodes and edges a traversal may use.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these predicates (empty: all).
    pub predicates: Vec<String>,
    /// Only nodes of these types (empty: all); the start and end are always allowed.
    pub types: Vec<EntityType>,
    /// Never through nodes of these types (paths through a province are rarely interesting).
    pub avoid_types: Vec<EntityType>,
    /// Never along these predicates.
    pub avoid_predicates: Vec<String>,
}

impl Filter {
    fn edge_ok(&self, e: &GEdge) -> bool {
        (self.predicates.is_empty()
            || self
                .predicates
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&e.predicate)))
            && !self
                .avoid_predicates
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&e.predicate))
    }

    fn node_ok(&self, n: &GNode) -> bool {
        (self.types.is_empty() || self.types.contains(&n.etype))
            && !self.avoid_types.contains(&n.etype)
    }
}

/// The projection.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    /// The graph (undirected for traversal; each edge remembers its subject).
    pub graph: UnGraph<GNode, GEdge>,
    index: HashMap<String, NodeIndex>,
}

/// Fills each hop's evidence sentence and article title from the store (the first by
/// article title and sentence, so the choice is deterministic).
pub fn with_evidence(store: &Store, hops: &mut [Hop]) -> Result<()> {
    for h in hops.iter_mut() {
        let Some(p) = crate::model::Predicate::parse(&h.predicate) else {
            continue;
        };
        let p = crate::vocab::property(p);
        let mut best: Option<(String, String)> = None;
        for st in store.stated_relations(&h.subject_iri)? {
            if st.predicate != p || st.object != h.object_iri || st.subject != h.subject_iri {
                continue;
            }
            let title = store.title(&st.doc)?.unwrap_or_default();
            let cand = (title, st.sentence);
            if best.as_ref().is_none_or(|b| cand < *b) {
                best = Some(cand);
            }
        }
        if let Some((title, sentence)) = best {
            h.evidence = Some(sentence);
            h.source = Some(title);
        }
    }
    Ok(())
}

impl Projection {
    /// Builds the projection from the store's knowledge graph (the default graph), with one
    /// index range scan per property: types, labels, English labels, then each relation.
    pub fn build(store: &Store) -> Result<Self> {
        use crate::vocab::{RDF, RDFS, SKOS, ZKG};
        let mut p = Projection::default();
        let mut types: HashMap<String, EntityType> = HashMap::new();
        for (e, t) in store.facts(&format!("{RDF}type"))? {
            let Some(local) = t.strip_prefix(ZKG) else {
                continue;
            };
            if let Some(et) = EntityType::parse(local).filter(|t| *t != EntityType::Person) {
                types.insert(e, et);
            }
        }
        let mut labels: HashMap<String, String> = HashMap::new();
        for (e, l, _) in store.literals(&format!("{RDFS}label"))? {
            if types.contains_key(&e) {
                let slot = labels.entry(e).or_insert_with(|| l.clone());
                if l < *slot {
                    *slot = l;
                }
            }
        }
        let mut english: HashMap<String, String> = HashMap::new();
        for pred in [format!("{SKOS}prefLabel"), format!("{ZKG}ruleMadeLabel")] {
            for (e, l, lang) in store.literals(&pred)? {
                if lang == "en" && types.contains_key(&e) {
                    english.entry(e).or_insert(l);
                }
            }
        }
        let mut sorted: Vec<GNode> = types
            .into_iter()
            .filter_map(|(iri, etype)| {
                let label = labels.get(&iri)?.clone();
                let label_en = english.get(&iri).cloned();
                Some(GNode {
                    iri,
                    etype,
                    label,
                    label_en,
                })
            })
            .collect();
        // Node order is a function of the data, so traversals and exports are deterministic.
        sorted.sort_by(|a, b| a.iri.cmp(&b.iri));
        for n in sorted {
            let iri = n.iri.clone();
            let i = p.graph.add_node(n);
            p.index.insert(iri, i);
        }
        // Evidence sentences are fetched later, only for the hops a path returns
        // ([`with_evidence`]).
        let mut list: Vec<(String, String, String)> = Vec::new();
        for prop in crate::vocab::RELATION_PROPERTIES
            .iter()
            .map(|s| s.to_string())
            .chain(std::iter::once(format!("{SKOS}broader")))
        {
            let short = prop
                .rsplit(['#', '/'])
                .next()
                .unwrap_or_default()
                .to_string();
            for (s, o) in store.facts(&prop)? {
                list.push((s, short.clone(), o));
            }
        }
        list.sort();
        list.dedup();
        for (s, predicate, o) in list {
            let (Some(&a), Some(&b)) = (p.index.get(&s), p.index.get(&o)) else {
                continue;
            };
            p.graph.add_edge(
                a,
                b,
                GEdge {
                    predicate,
                    subject: a,
                    evidence: None,
                    source: None,
                },
            );
        }
        Ok(p)
    }

    /// Adds a node (for synthetic graphs and tests).
    pub fn add_node(&mut self, n: GNode) -> NodeIndex {
        let iri = n.iri.clone();
        let i = self.graph.add_node(n);
        self.index.insert(iri, i);
        i
    }

    /// Adds an edge from `s` to `o` (for synthetic graphs and tests).
    pub fn add_edge(&mut self, s: NodeIndex, predicate: &str, o: NodeIndex) -> EdgeIndex {
        self.graph.add_edge(
            s,
            o,
            GEdge {
                predicate: predicate.to_string(),
                subject: s,
                evidence: None,
                source: None,
            },
        )
    }

    /// The node of an IRI.
    pub fn node(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// Number of nodes and edges.
    pub fn size(&self) -> (usize, usize) {
        (self.graph.node_count(), self.graph.edge_count())
    }

    fn hop(&self, from: NodeIndex, e: EdgeIndex) -> Hop {
        let (a, b) = self.graph.edge_endpoints(e).expect("edge of this graph");
        let to = if a == from { b } else { a };
        let w = &self.graph[e];
        let (s, o) = if w.subject == from {
            (from, to)
        } else {
            (to, from)
        };
        Hop {
            from: self.graph[from].label.clone(),
            predicate: w.predicate.clone(),
            forward: w.subject == from,
            to: self.graph[to].label.clone(),
            evidence: w.evidence.clone(),
            source: w.source.clone(),
            subject_iri: self.graph[s].iri.clone(),
            object_iri: self.graph[o].iri.clone(),
        }
    }

    /// Nodes within `depth` steps of `start`, with the step that first reached each, in
    /// breadth-first order.
    pub fn neighbors(
        &self,
        start: NodeIndex,
        depth: usize,
        f: &Filter,
    ) -> Vec<(usize, NodeIndex, Hop)> {
        let mut seen = HashSet::from([start]);
        let mut queue = VecDeque::from([(start, 0usize)]);
        let mut out = Vec::new();
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            let mut edges: Vec<_> = self.graph.edges(n).collect();
            edges.sort_by_key(|e| {
                (
                    e.weight().predicate.clone(),
                    self.graph[if e.source() == n {
                        e.target()
                    } else {
                        e.source()
                    }]
                    .label
                    .clone(),
                )
            });
            for e in edges {
                let m = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                if seen.contains(&m) || !f.edge_ok(e.weight()) || !f.node_ok(&self.graph[m]) {
                    continue;
                }
                seen.insert(m);
                out.push((d + 1, m, self.hop(n, e.id())));
                queue.push_back((m, d + 1));
            }
        }
        out
    }

    fn allowed<'a>(
        &'a self,
        a: NodeIndex,
        b: NodeIndex,
        f: &'a Filter,
    ) -> impl Fn(petgraph::graph::EdgeReference<'a, GEdge>) -> bool + 'a {
        move |e| {
            let node_ok = |n: NodeIndex| n == a || n == b || f.node_ok(&self.graph[n]);
            f.edge_ok(e.weight()) && node_ok(e.source()) && node_ok(e.target())
        }
    }

    fn hops_of(&self, nodes: &[NodeIndex], f: &Filter) -> Vec<Hop> {
        nodes
            .windows(2)
            .map(|w| {
                // The first allowed edge between the two, in a fixed order.
                let mut es: Vec<EdgeIndex> = self
                    .graph
                    .edges_connecting(w[0], w[1])
                    .filter(|e| f.edge_ok(e.weight()))
                    .map(|e| e.id())
                    .collect();
                es.sort();
                self.hop(w[0], es[0])
            })
            .collect()
    }

    /// A shortest path from `a` to `b` (edges in either direction).
    ///
    /// Bidirectional breadth-first search, expanding the smaller frontier: in a graph whose
    /// zones have thousands of companies a one-sided search would visit most of it.
    pub fn shortest_path(&self, a: NodeIndex, b: NodeIndex, f: &Filter) -> Option<Vec<Hop>> {
        if a == b {
            return Some(Vec::new());
        }
        let ok = self.allowed(a, b, f);
        // parent[side]: node → (previous node, edge) towards that side's start.
        let mut parent: [HashMap<NodeIndex, Option<(NodeIndex, EdgeIndex)>>; 2] =
            [HashMap::from([(a, None)]), HashMap::from([(b, None)])];
        let mut frontier: [Vec<NodeIndex>; 2] = [vec![a], vec![b]];
        let meet = 'search: loop {
            if frontier[0].is_empty() || frontier[1].is_empty() {
                return None;
            }
            let side = usize::from(frontier[1].len() < frontier[0].len());
            let mut next = Vec::new();
            for &n in &frontier[side] {
                for e in self.graph.edges(n) {
                    if !ok(e) {
                        continue;
                    }
                    let m = if e.source() == n {
                        e.target()
                    } else {
                        e.source()
                    };
                    if parent[side].contains_key(&m) {
                        continue;
                    }
                    parent[side].insert(m, Some((n, e.id())));
                    if parent[1 - side].contains_key(&m) {
                        break 'search m;
                    }
                    next.push(m);
                }
            }
            frontier[side] = next;
        };
        // Walk back to a, then forward to b.
        let mut left = vec![meet];
        let mut cur = meet;
        while let Some(Some((prev, _))) = parent[0].get(&cur) {
            left.push(*prev);
            cur = *prev;
        }
        left.reverse();
        let mut cur = meet;
        while let Some(Some((next, _))) = parent[1].get(&cur) {
            left.push(*next);
            cur = *next;
        }
        Some(self.hops_of(&left, f))
    }

    /// All simple paths from `a` to `b` of at most `max_len` steps, shortest first.
    pub fn paths(&self, a: NodeIndex, b: NodeIndex, max_len: usize, f: &Filter) -> Vec<Vec<Hop>> {
        if max_len == 0 || a == b {
            return Vec::new();
        }
        let g = EdgeFiltered::from_fn(&self.graph, self.allowed(a, b, f));
        let mut found: Vec<Vec<NodeIndex>> = petgraph::algo::all_simple_paths::<
            Vec<NodeIndex>,
            _,
            BuildHasherDefault<std::collections::hash_map::DefaultHasher>,
        >(&g, a, b, 0, Some(max_len - 1))
        .take(10_000)
        .collect();
        found.sort_by(|x, y| x.len().cmp(&y.len()).then_with(|| x.cmp(y)));
        found.iter().map(|p| self.hops_of(p, f)).collect()
    }

    /// The subgraph induced by the nodes within `depth` of `around`.
    pub fn subgraph(&self, around: NodeIndex, depth: usize, f: &Filter) -> Projection {
        let mut keep: Vec<NodeIndex> = vec![around];
        keep.extend(
            self.neighbors(around, depth, f)
                .into_iter()
                .map(|(_, n, _)| n),
        );
        self.induced(&keep, f)
    }

    /// The subgraph of the given nodes and the allowed edges between them.
    pub fn induced(&self, keep: &[NodeIndex], f: &Filter) -> Projection {
        let mut p = Projection::default();
        let mut map = BTreeMap::new();
        let mut keep = keep.to_vec();
        keep.sort();
        keep.dedup();
        for &n in &keep {
            map.insert(n, p.add_node(self.graph[n].clone()));
        }
        for e in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(e).expect("edge");
            if let (Some(&x), Some(&y)) = (map.get(&a), map.get(&b)) {
                let w = &self.graph[e];
                if f.edge_ok(w) {
                    let s = if w.subject == a { x } else { y };
                    let o = if s == x { y } else { x };
                    p.graph.add_edge(
                        s,
                        o,
                        GEdge {
                            subject: s,
                            ..w.clone()
                        },
                    );
                }
            }
        }
        p
    }

    /// The whole graph restricted to a filter, without entities that have no relation left.
    pub fn filtered(&self, f: &Filter) -> Projection {
        let keep: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| f.node_ok(&self.graph[n]))
            .collect();
        let sub = self.induced(&keep, f);
        let connected: Vec<NodeIndex> = sub
            .graph
            .node_indices()
            .filter(|&n| sub.graph.edges(n).next().is_some())
            .collect();
        sub.induced(&connected, f)
    }

    /// Connected components, largest first, each as its node labels.
    pub fn components(&self) -> Vec<Vec<String>> {
        let mut uf = petgraph::unionfind::UnionFind::<usize>::new(self.graph.node_count());
        for e in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(e).expect("edge");
            uf.union(a.index(), b.index());
        }
        let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for n in self.graph.node_indices() {
            groups
                .entry(uf.find(n.index()))
                .or_default()
                .push(self.graph[n].label.clone());
        }
        let mut out: Vec<Vec<String>> = groups
            .into_values()
            .map(|mut v| {
                v.sort();
                v
            })
            .collect();
        out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        out
    }

    /// The most connected entities (by number of relations), optionally of one type.
    pub fn rank(&self, etype: Option<EntityType>, limit: usize) -> Vec<(GNode, usize)> {
        let mut v: Vec<(GNode, usize)> = self
            .graph
            .node_indices()
            .filter(|&n| etype.is_none_or(|t| self.graph[n].etype == t))
            .filter(|&n| {
                !matches!(
                    self.graph[n].etype,
                    EntityType::Place | EntityType::Industry
                ) || etype.is_some()
            })
            .map(|n| (self.graph[n].clone(), self.graph.edges(n).count()))
            .filter(|(_, d)| *d > 0)
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.label.cmp(&b.0.label)));
        v.truncate(limit);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(p: &mut Projection, name: &str, t: EntityType) -> NodeIndex {
        p.add_node(GNode {
            iri: format!("x:{name}"),
            label: name.into(),
            label_en: None,
            etype: t,
        })
    }

    #[test]
    fn paths_neighbors_and_filters() {
        let mut p = Projection::default();
        let c = node(&mut p, "青鸟科技", EntityType::Company);
        let z = node(&mut p, "甲高新区", EntityType::Zone);
        let prov = node(&mut p, "甲省", EntityType::Place);
        let u = node(&mut p, "乙大学", EntityType::Institution);
        let i = node(&mut p, "丙研究所", EntityType::Institution);
        p.add_edge(c, "settledIn", z);
        p.add_edge(z, "locatedIn", prov);
        p.add_edge(u, "locatedIn", prov);
        p.add_edge(u, "cooperatesWith", z);
        p.add_edge(i, "subOrganizationOf", u);
        let f = Filter::default();
        let path = p.shortest_path(c, i, &f).unwrap();
        let names: Vec<_> = path.iter().map(|h| h.to.as_str()).collect();
        assert_eq!(names, ["甲高新区", "乙大学", "丙研究所"]);
        assert!(path[0].forward && !path[2].forward);
        let all = p.paths(c, u, 3, &f);
        assert_eq!(
            all.len(),
            2,
            "direct through the zone, and through the province"
        );
        let no_place = Filter {
            avoid_types: vec![EntityType::Place],
            ..Default::default()
        };
        assert_eq!(p.paths(c, u, 3, &no_place).len(), 1);
        let n1: Vec<_> = p
            .neighbors(z, 1, &f)
            .into_iter()
            .map(|(_, _, h)| h.to)
            .collect();
        assert_eq!(n1.len(), 3);
        let only = Filter {
            predicates: vec!["settledIn".into()],
            ..Default::default()
        };
        assert_eq!(p.neighbors(z, 2, &only).len(), 1);
        assert_eq!(p.components().len(), 1);
        assert_eq!(p.rank(Some(EntityType::Zone), 5)[0].1, 3);
        let sub = p.subgraph(c, 1, &f);
        assert_eq!(sub.size(), (2, 1));
    }
}
