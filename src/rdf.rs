//! Stage 5 — an [`Extraction`] → RDF quads in the zonekg vocabulary.
//!
//! The default graph is the knowledge graph itself: entity descriptions and each relation
//! once (the union of what all articles state, plus the gazetteers' administrative facts), so
//! that queries over it join deduplicated triples. Each article's named graph holds what that
//! article states: its PROV description, mentions, relations and their evidence. Opens no store.

use crate::gazetteer::GAZETTEER;
use crate::model::{EntityType, Extraction};
use crate::vocab::{self, entity_iri, DCT, PROV, RDF, RDFS, SKOS, ZKG};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

fn nn(iri: &str) -> NamedNode {
    NamedNode::new(iri).unwrap_or_else(|_| NamedNode::new_unchecked(vocab::escape_segment(iri)))
}

fn quad(s: &NamedNode, p: &str, o: impl Into<Term>, g: &GraphName) -> Quad {
    Quad::new(
        NamedOrBlankNode::NamedNode(s.clone()),
        nn(p),
        o.into(),
        g.clone(),
    )
}

/// The strategic emerging industry categories an industry falls under: its own, from the
/// lexicon, or those of the known industries its name contains (新能源新材料 → 新能源产业,
/// 新材料产业). Categories themselves have none.
pub fn industry_categories(label: &str) -> Vec<String> {
    let gaz = &*GAZETTEER;
    if gaz
        .categories
        .iter()
        .any(|&i| gaz.entries[i].label == label)
    {
        return Vec::new();
    }
    if let Some(c) = gaz
        .lookup(label, Some(EntityType::Industry))
        .and_then(|i| i.category.clone())
    {
        return vec![c];
    }
    let mut out: Vec<String> = Vec::new();
    for e in gaz
        .entries
        .iter()
        .filter(|e| e.etype == EntityType::Industry)
    {
        let cat = if gaz
            .categories
            .iter()
            .any(|&i| gaz.entries[i].label == e.label)
        {
            Some(e.label.clone())
        } else {
            e.category.clone()
        };
        let Some(cat) = cat else { continue };
        let names = std::iter::once(&e.label).chain(e.aliases.iter());
        if names
            .into_iter()
            .any(|n| n.chars().count() >= 2 && label.contains(n.as_str()))
            && !out.contains(&cat)
        {
            out.push(cat);
        }
    }
    out.sort();
    out
}

/// The quads of an extraction's entity descriptions (default graph).
pub fn entity_quads(x: &Extraction, generated_at: &str) -> Vec<Quad> {
    let _ = generated_at;
    let g = GraphName::DefaultGraph;
    let mut out = Vec::new();
    let scheme = nn(vocab::INDUSTRY_SCHEME);
    for e in &x.entities {
        let s = nn(&entity_iri(e.etype, &e.label));
        out.push(quad(
            &s,
            &format!("{RDF}type"),
            nn(&vocab::class(e.etype)),
            &g,
        ));
        out.push(quad(
            &s,
            &format!("{SKOS}prefLabel"),
            Literal::new_language_tagged_literal_unchecked(&e.label, "zh"),
            &g,
        ));
        out.push(quad(
            &s,
            &format!("{RDFS}label"),
            Literal::new_language_tagged_literal_unchecked(&e.label, "zh"),
            &g,
        ));
        if let Some(en) = &e.label_en {
            // Known English names are preferred labels; rule-made ones are marked as such.
            let p = if e.label_en_by_rule {
                format!("{ZKG}ruleMadeLabel")
            } else {
                format!("{SKOS}prefLabel")
            };
            out.push(quad(
                &s,
                &p,
                Literal::new_language_tagged_literal_unchecked(en, "en"),
                &g,
            ));
        }
        for a in &e.aliases {
            let lang = if a.is_ascii() { "en" } else { "zh" };
            out.push(quad(
                &s,
                &format!("{SKOS}altLabel"),
                Literal::new_language_tagged_literal_unchecked(a, lang),
                &g,
            ));
        }
        if e.etype == EntityType::Industry {
            out.push(quad(&s, &format!("{SKOS}inScheme"), scheme.clone(), &g));
            for cat in industry_categories(&e.label) {
                let c = nn(&entity_iri(EntityType::Industry, &cat));
                out.push(quad(&s, &format!("{SKOS}broader"), c.clone(), &g));
                out.push(quad(&s, &format!("{ZKG}category"), c, &g));
            }
        }
    }
    out
}

/// Every relation of an extraction once, in the default graph (the "fact" layer that queries
/// and traversals read; its evidence lives in the article graphs).
pub fn fact_quads(x: &Extraction) -> Vec<Quad> {
    let g = GraphName::DefaultGraph;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for r in &x.relations {
        if !seen.insert((r.subject, r.predicate, r.object)) {
            continue;
        }
        let (se, oe) = (&x.entities[r.subject], &x.entities[r.object]);
        let s = nn(&entity_iri(se.etype, &se.label));
        out.push(quad(
            &s,
            &vocab::property(r.predicate),
            nn(&entity_iri(oe.etype, &oe.label)),
            &g,
        ));
    }
    out
}

/// The quads of one document's named graph: PROV description, mentions, relations, evidence.
pub fn document_quads(x: &Extraction, doc_index: usize, generated_at: &str) -> Vec<Quad> {
    let index = DocIndex::new(x);
    document_quads_indexed(x, doc_index, generated_at, &index)
}

/// Which entities and relations each document holds, computed once for all documents (a
/// scan per document would make the RDF stage quadratic in the corpus).
pub struct DocIndex {
    entities: std::collections::HashMap<String, Vec<usize>>,
    relations: std::collections::HashMap<String, Vec<usize>>,
}

impl DocIndex {
    /// Indexes an extraction.
    pub fn new(x: &Extraction) -> Self {
        DocIndex {
            entities: by_doc(
                x.entities
                    .iter()
                    .map(|e| e.mentions.iter().map(|m| m.doc.as_str())),
            ),
            relations: by_doc(
                x.relations
                    .iter()
                    .map(|r| r.evidence.iter().map(|e| e.doc.as_str())),
            ),
        }
    }
}

/// Document id → positions of the items that name it (each position once per document).
fn by_doc<'a, I: Iterator<Item = &'a str>>(
    items: impl Iterator<Item = I>,
) -> std::collections::HashMap<String, Vec<usize>> {
    let mut out: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, docs) in items.enumerate() {
        let mut docs: Vec<&str> = docs.collect();
        docs.sort_unstable();
        docs.dedup();
        for d in docs {
            out.entry(d.to_string()).or_default().push(i);
        }
    }
    out
}

/// Quads per evidence node: subject, predicate, object, sentence and its two offsets.
pub const EVIDENCE_QUADS: usize = 6;

/// The quads of one document's named graph, with a [`DocIndex`] of the extraction.
pub fn document_quads_indexed(
    x: &Extraction,
    doc_index: usize,
    generated_at: &str,
    index: &DocIndex,
) -> Vec<Quad> {
    let d = &x.documents[doc_index];
    let doc = nn(&vocab::doc_iri(&d.id));
    let g = GraphName::NamedNode(doc.clone());
    let mut out = vec![
        quad(
            &doc,
            &format!("{RDF}type"),
            nn(&format!("{ZKG}Document")),
            &g,
        ),
        quad(
            &doc,
            &format!("{RDF}type"),
            nn(&format!("{PROV}Entity")),
            &g,
        ),
        quad(
            &doc,
            &format!("{DCT}title"),
            Literal::new_simple_literal(&d.title),
            &g,
        ),
        quad(
            &doc,
            &format!("{ZKG}source"),
            Literal::new_simple_literal(&d.source),
            &g,
        ),
        quad(
            &doc,
            &format!("{PROV}wasDerivedFrom"),
            Literal::new_simple_literal(&d.source),
            &g,
        ),
        quad(
            &doc,
            &format!("{PROV}generatedAtTime"),
            Literal::new_typed_literal(generated_at, nn(&format!("{}dateTime", vocab::XSD))),
            &g,
        ),
    ];
    let none = Vec::new();
    for &i in index.entities.get(&d.id).unwrap_or(&none) {
        let e = &x.entities[i];
        let s = nn(&entity_iri(e.etype, &e.label));
        out.push(quad(&s, &format!("{ZKG}mentionedIn"), doc.clone(), &g));
    }
    for &i in index.relations.get(&d.id).unwrap_or(&none) {
        let r = &x.relations[i];
        let evs: Vec<_> = r.evidence.iter().filter(|e| e.doc == d.id).collect();
        if evs.is_empty() {
            continue;
        }
        let (se, oe) = (&x.entities[r.subject], &x.entities[r.object]);
        let s = nn(&entity_iri(se.etype, &se.label));
        let o = nn(&entity_iri(oe.etype, &oe.label));
        let p = vocab::property(r.predicate);
        out.push(quad(&s, &p, o.clone(), &g));
        for ev in evs {
            let mut h = Sha256::new();
            h.update(format!(
                "{}|{}|{}|{}|{}|{}",
                d.id,
                s.as_str(),
                p,
                o.as_str(),
                ev.span.start,
                ev.span.end
            ));
            let hex: String = h
                .finalize()
                .iter()
                .take(8)
                .map(|b| format!("{b:02x}"))
                .collect();
            // EVIDENCE_QUADS, each in the six indexes of a named graph: evidence is most of what an
            // article writes. The node's type (zkg:Evidence, the domain of zkg:sentence) and
            // its article (the graph it is in) are not stated again: the two quads cost a 100k-
            // article ingest 9–17% of its time and the store 14% of its size (builds
            // alternated: median 173 → 152 s, 6.0 → 5.1 GB), as each RocksDB compaction
            // rewrites every index entry.
            let node = nn(&format!("https://w3id.org/zonekg/evidence/{hex}"));
            out.push(quad(&node, &format!("{RDF}subject"), s.clone(), &g));
            out.push(quad(&node, &format!("{RDF}predicate"), nn(&p), &g));
            out.push(quad(&node, &format!("{RDF}object"), o.clone(), &g));
            out.push(quad(
                &node,
                &format!("{ZKG}sentence"),
                Literal::new_simple_literal(&ev.sentence),
                &g,
            ));
            out.push(quad(
                &node,
                &format!("{ZKG}charStart"),
                Literal::from(ev.span.start as i64),
                &g,
            ));
            out.push(quad(
                &node,
                &format!("{ZKG}charEnd"),
                Literal::from(ev.span.end as i64),
                &g,
            ));
        }
    }
    out
}

/// The industry scheme: the nine categories as top concepts (default graph).
pub fn scheme_quads() -> Vec<Quad> {
    let g = GraphName::DefaultGraph;
    let scheme = nn(vocab::INDUSTRY_SCHEME);
    let mut out = vec![quad(
        &scheme,
        &format!("{RDF}type"),
        nn(&format!("{SKOS}ConceptScheme")),
        &g,
    )];
    for e in GAZETTEER.categories.iter().map(|&i| &GAZETTEER.entries[i]) {
        let c = nn(&entity_iri(EntityType::Industry, &e.label));
        out.push(quad(
            &c,
            &format!("{RDF}type"),
            nn(&vocab::class(EntityType::Industry)),
            &g,
        ));
        out.push(quad(&c, &format!("{SKOS}topConceptOf"), scheme.clone(), &g));
        out.push(quad(
            &scheme,
            &format!("{SKOS}hasTopConcept"),
            c.clone(),
            &g,
        ));
        out.push(quad(
            &c,
            &format!("{SKOS}prefLabel"),
            Literal::new_language_tagged_literal_unchecked(&e.label, "zh"),
            &g,
        ));
        out.push(quad(
            &c,
            &format!("{RDFS}label"),
            Literal::new_language_tagged_literal_unchecked(&e.label, "zh"),
            &g,
        ));
        if let Some(en) = &e.en {
            out.push(quad(
                &c,
                &format!("{SKOS}prefLabel"),
                Literal::new_language_tagged_literal_unchecked(en, "en"),
                &g,
            ));
        }
    }
    out
}

/// The quad that says an article graph was written completely (see `zkg:ingestComplete`).
pub fn completion_marker(doc_id: &str) -> Quad {
    let doc = nn(&vocab::doc_iri(doc_id));
    Quad::new(
        doc.clone(),
        nn(&format!("{ZKG}ingestComplete")),
        Literal::from(true),
        GraphName::NamedNode(doc),
    )
}

/// The graph of background facts from the gazetteers.
pub const GAZETTEER_GRAPH: &str = "https://w3id.org/zonekg/graph/gazetteer";

/// Background facts from the gazetteers for the extracted entities: the administrative
/// hierarchy of places (district → city → province) and the city of each national zone,
/// in their own graph whose PROV names the gazetteer files.
pub fn gazetteer_quads(x: &Extraction) -> Vec<Quad> {
    let gaz = &*GAZETTEER;
    let gname = nn(GAZETTEER_GRAPH);
    let g = GraphName::NamedNode(gname.clone());
    let mut out = vec![
        quad(
            &gname,
            &format!("{RDF}type"),
            nn(&format!("{PROV}Entity")),
            &g,
        ),
        quad(
            &gname,
            &format!("{PROV}wasDerivedFrom"),
            Literal::new_simple_literal(
                "data/gazetteer (NBS administrative divisions; national high-tech zones)",
            ),
            &g,
        ),
    ];
    let mut described = std::collections::BTreeSet::new();
    let mut stack: Vec<(EntityType, String)> = x
        .entities
        .iter()
        .filter(|e| matches!(e.etype, EntityType::Place | EntityType::Zone))
        .map(|e| (e.etype, e.label.clone()))
        .collect();
    let dg = GraphName::DefaultGraph;
    while let Some((t, label)) = stack.pop() {
        if !described.insert((t, label.clone())) {
            continue;
        }
        let Some(entry) = gaz.lookup(&label, Some(t)) else {
            continue;
        };
        let Some(parent) = entry.place.clone() else {
            continue;
        };
        let Some(pe) = gaz.place(&parent) else {
            continue;
        };
        let s = nn(&entity_iri(t, &label));
        let p = nn(&entity_iri(EntityType::Place, &pe.label));
        out.push(quad(&s, &format!("{ZKG}locatedIn"), p.clone(), &g));
        // The same fact in the knowledge graph itself; the gazetteer graph keeps its source.
        out.push(quad(&s, &format!("{ZKG}locatedIn"), p.clone(), &dg));
        out.push(quad(
            &p,
            &format!("{RDF}type"),
            nn(&vocab::class(EntityType::Place)),
            &dg,
        ));
        out.push(quad(
            &p,
            &format!("{SKOS}prefLabel"),
            Literal::new_language_tagged_literal_unchecked(&pe.label, "zh"),
            &dg,
        ));
        out.push(quad(
            &p,
            &format!("{RDFS}label"),
            Literal::new_language_tagged_literal_unchecked(&pe.label, "zh"),
            &dg,
        ));
        for a in &pe.aliases {
            out.push(quad(
                &p,
                &format!("{SKOS}altLabel"),
                Literal::new_language_tagged_literal_unchecked(a, "zh"),
                &dg,
            ));
        }
        stack.push((EntityType::Place, pe.label.clone()));
    }
    out
}

/// All quads of an extraction.
pub fn all_quads(x: &Extraction, generated_at: &str) -> Vec<Quad> {
    let mut q = scheme_quads();
    q.extend(entity_quads(x, generated_at));
    q.extend(fact_quads(x));
    q.extend(gazetteer_quads(x));
    let index = DocIndex::new(x);
    for i in 0..x.documents.len() {
        q.extend(document_quads_indexed(x, i, generated_at, &index));
    }
    // An exported extraction is complete: each article carries its completion marker, so a
    // `load` of it gives whole articles.
    for d in &x.documents {
        q.push(completion_marker(&d.id));
    }
    q
}

#[cfg(test)]
mod tests {
    use super::industry_categories;

    #[test]
    fn industries_fall_under_the_nine_categories() {
        assert_eq!(industry_categories("集成电路"), ["新一代信息技术产业"]);
        assert_eq!(industry_categories("航空"), ["高端装备制造产业"]);
        assert_eq!(
            industry_categories("新能源新材料"),
            ["新材料产业", "新能源产业"]
        );
        assert_eq!(
            industry_categories("智能装备产业集群"),
            ["高端装备制造产业"]
        );
        assert!(industry_categories("新一代信息技术产业").is_empty());
        assert!(industry_categories("会展服务").is_empty());
    }

    #[test]
    fn an_evidence_node_is_its_quads_in_the_article_graph() {
        use super::{document_quads, EVIDENCE_QUADS};
        use std::collections::BTreeMap;
        let x = crate::pipeline::extract(&[crate::pipeline::Input {
            source: "t.txt".into(),
            text: "## 青禾高新区新闻\n\n青禾高新区围绕集成电路产业,引进松岭电子等企业。\n".into(),
        }]);
        assert!(!x.relations.is_empty());
        let mut nodes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for q in document_quads(&x, 0, "2026-01-01T00:00:00Z") {
            let s = q.subject.to_string();
            if s.contains("/evidence/") {
                assert_eq!(
                    q.graph_name.to_string(),
                    format!("<{}>", crate::vocab::doc_iri(&x.documents[0].id))
                );
                nodes.entry(s).or_default().push(
                    q.predicate
                        .as_str()
                        .rsplit(['#', '/'])
                        .next()
                        .unwrap()
                        .to_string(),
                );
            }
        }
        assert!(!nodes.is_empty());
        for fields in nodes.values_mut() {
            fields.sort();
            assert_eq!(fields.len(), EVIDENCE_QUADS);
            assert_eq!(
                fields,
                &[
                    "charEnd",
                    "charStart",
                    "object",
                    "predicate",
                    "sentence",
                    "subject"
                ]
            );
        }
    }
}
