//! The facade: [`KnowledgeGraph`] wires extraction, RDF mapping and the store together.

use crate::error::{Error, Result};
use crate::export::DotOptions;
use crate::graph::{Filter, GNode, Hop, Projection};
use crate::input;
use crate::model::EntityType;
use crate::model::Extraction;
use crate::pipeline::{self, Input};
use crate::query::display_term;
use crate::store::{Answer, IngestReport, Store};
use oxigraph::model::{Literal, Term};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A knowledge graph of zones, companies, institutions, industries and places.
///
/// ```
/// use zonekg::KnowledgeGraph;
/// let kg = KnowledgeGraph::in_memory()?;
/// kg.ingest_text("news.txt", "## 甲乙高新区引进新企业\n\n近日,青木科技集团正式签约入驻甲乙高新区。")?;
/// let card = kg.lookup("青木科技")?;
/// assert_eq!(card.label, "青木科技集团");
/// assert!(card.relations.iter().any(|r| r.predicate == "settledIn" && r.other == "甲乙高新区"));
/// # Ok::<(), zonekg::Error>(())
/// ```
pub struct KnowledgeGraph {
    store: Store,
    /// Bumped by every write through this value; the projection is rebuilt when it moved.
    generation: AtomicU64,
    projection: Mutex<Option<(u64, Arc<Projection>)>>,
}

/// One relation of an entity, seen from it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RelationRow {
    /// `out` when the entity is the subject, `in` when it is the object.
    pub direction: &'static str,
    /// The predicate's short name.
    pub predicate: String,
    /// The label of the entity at the other end.
    pub other: String,
    /// Its IRI.
    pub other_iri: String,
    /// The evidence: article title, sentence and character offsets.
    pub evidence: Vec<EvidenceRow>,
    /// Whether more articles state it than `evidence` shows (a capped card).
    pub more_evidence: bool,
}

/// How many relations of one property an entity has, and how many a card shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RelationKind {
    /// `out` or `in`, as in [`RelationRow`].
    pub direction: &'static str,
    /// The predicate's short name.
    pub predicate: String,
    /// Relations of this kind in the graph.
    pub total: usize,
    /// How many of them the card shows.
    pub shown: usize,
}

/// How much an entity card shows. A hub (a zone ten thousand companies settled in) has more
/// relations than anyone reads on a card, and gathering them all took seconds; the card shows
/// the first of each kind with their counts, and [`CardLimits::ALL`] shows everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardLimits {
    /// Relations shown per property and direction.
    pub relations: usize,
    /// Sentences shown per relation.
    pub evidence: usize,
}

impl Default for CardLimits {
    fn default() -> Self {
        CardLimits {
            relations: 10,
            evidence: 2,
        }
    }
}

impl CardLimits {
    /// Every relation with every sentence.
    pub const ALL: CardLimits = CardLimits {
        relations: usize::MAX,
        evidence: usize::MAX,
    };
}

/// A direction read back from a kept card (`out` or `in`).
fn direction(s: &str) -> Option<&'static str> {
    match s {
        "out" => Some("out"),
        "in" => Some("in"),
        _ => None,
    }
}

/// The relations part of a default card as a hub's is written to the statistics graph.
#[derive(serde::Serialize)]
struct CardToKeep<'a> {
    relations: &'a [RelationRow],
    kinds: &'a [RelationKind],
}

/// [`CardToKeep`] read back: the same fields, the directions as written.
#[derive(serde::Deserialize)]
struct KeptCard {
    relations: Vec<KeptRow>,
    kinds: Vec<KeptKind>,
}

#[derive(serde::Deserialize)]
struct KeptRow {
    direction: String,
    predicate: String,
    other: String,
    other_iri: String,
    evidence: Vec<EvidenceRow>,
    more_evidence: bool,
}

#[derive(serde::Deserialize)]
struct KeptKind {
    direction: String,
    predicate: String,
    total: usize,
    shown: usize,
}

impl KeptCard {
    /// The card's relations and kinds; `None` if a direction is not one.
    fn into_parts(self) -> Option<(Vec<RelationRow>, Vec<RelationKind>)> {
        let relations = self
            .relations
            .into_iter()
            .map(|r| {
                Some(RelationRow {
                    direction: direction(&r.direction)?,
                    predicate: r.predicate,
                    other: r.other,
                    other_iri: r.other_iri,
                    evidence: r.evidence,
                    more_evidence: r.more_evidence,
                })
            })
            .collect::<Option<_>>()?;
        let kinds = self
            .kinds
            .into_iter()
            .map(|k| {
                Some(RelationKind {
                    direction: direction(&k.direction)?,
                    predicate: k.predicate,
                    total: k.total,
                    shown: k.shown,
                })
            })
            .collect::<Option<_>>()?;
        Some((relations, kinds))
    }
}

/// The default card's relations and kinds of the entity `iri`, as JSON: what
/// [`Store`]'s statistics keep for a hub, so that its card is one read instead of hundreds.
pub(crate) fn default_card_json(store: &Store, iri: &str) -> Result<String> {
    let (relations, kinds) = capped_relations(store, iri, CardLimits::default())?;
    serde_json::to_string(&CardToKeep {
        relations: &relations,
        kinds: &kinds,
    })
    .map_err(|e| Error::Invalid(format!("the card of {iri}: {e}")))
}

/// One sentence supporting a relation.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct EvidenceRow {
    /// The document IRI.
    pub doc: String,
    /// The article title.
    pub title: String,
    /// The sentence.
    pub sentence: String,
    /// First character in the article.
    pub start: i64,
    /// Character after the sentence.
    pub end: i64,
}

impl EvidenceRow {
    /// A stated relation's evidence as a card shows it, under its article's title.
    fn new(st: crate::store::Stated, title: String) -> Self {
        EvidenceRow {
            title,
            doc: st.doc,
            sentence: st.sentence,
            start: st.start,
            end: st.end,
        }
    }
}

/// An entity card: what `lookup` shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Card {
    /// The IRI.
    pub iri: String,
    /// Its type (Zone, Company, …).
    pub etype: String,
    /// The Chinese label.
    pub label: String,
    /// The English label, if known or made by rule.
    pub label_en: Option<String>,
    /// Whether the English label was made by rule.
    pub label_en_by_rule: bool,
    /// Other names.
    pub aliases: Vec<String>,
    /// Relations in and out, each with evidence (the first of each kind; see `kinds`).
    pub relations: Vec<RelationRow>,
    /// Every kind of relation the entity has, with its count and how many are shown.
    pub kinds: Vec<RelationKind>,
}

/// Running totals of a batched ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestProgress {
    /// Files found.
    pub files_total: usize,
    /// Files read so far.
    pub files_done: usize,
    /// Bytes of all files.
    pub bytes_total: u64,
    /// Bytes read so far.
    pub bytes_done: u64,
    /// Articles seen.
    pub documents: usize,
    /// Articles written.
    pub added: usize,
    /// Articles already in the store.
    pub unchanged: usize,
    /// Article graphs of changed files removed.
    pub replaced: usize,
    /// Quads sent to the store so far (see [`IngestReport::quads_written`]).
    pub quads_written: usize,
    /// Files that could not be read, with the reason.
    pub failed: Vec<(PathBuf, String)>,
    /// Notes on files that were read: their encoding when not UTF-8, no Chinese text.
    pub warnings: Vec<String>,
}

/// Counts for `stats`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// Articles in the store.
    pub documents: usize,
    /// Entities per type.
    pub entities: Vec<(String, usize)>,
    /// Relations per predicate.
    pub relations: Vec<(String, usize)>,
    /// Quads in the store (counted by [`KnowledgeGraph::stats`] only).
    pub quads: Option<usize>,
}

use crate::vocab::SPARQL_PREFIXES as PREFIXES;

/// The first relations of each kind with their first sentences, and every kind's count.
/// Reads the knowledge graph's facts for the entity (counted on term ids), then the
/// evidence of the relations shown only: the cost follows the limits, not the hub's size.
fn capped_relations(
    store: &Store,
    iri: &str,
    limits: CardLimits,
) -> Result<(Vec<RelationRow>, Vec<RelationKind>)> {
    use rayon::prelude::*;
    // Out before in, then by predicate, as the full card.
    let mut kinds_of: Vec<(&'static str, &str)> = ["out", "in"]
        .into_iter()
        .flat_map(|d| {
            crate::vocab::RELATION_PROPERTIES
                .iter()
                .map(move |p| (d, *p))
        })
        .collect();
    kinds_of.sort_by(|a, b| b.0.cmp(a.0).then_with(|| short(a.1).cmp(short(b.1))));
    // Every step below is a handful of index probes per relation, independent of the
    // others, so the kinds, and the relations of each kind, are read on all cores: a hub's
    // card reads about 800 index entries (100k articles: one thread 8 ms, two 3.5 ms on a
    // compacted store, 8 ms fresh from a bulk ingest).
    let found: Vec<(RelationKind, Vec<RelationRow>)> = kinds_of
        .par_iter()
        .map(|&(direction, property)| -> Result<_> {
            let out = direction == "out";
            // One index range each; counted only when there are more than are shown.
            let mut others =
                store.related(iri, property, out, limits.relations.saturating_add(1))?;
            let total = if others.len() > limits.relations {
                others.truncate(limits.relations);
                store.count_relations(iri, property, out)?
            } else {
                others.len()
            };
            let mut rows: Vec<RelationRow> = others
                .into_par_iter()
                .map(|other_iri| -> Result<_> {
                    let other = label_of(store, &other_iri)?;
                    let (s, o) = if out {
                        (iri, other_iri.as_str())
                    } else {
                        (other_iri.as_str(), iri)
                    };
                    // Evidence is looked up from the other end: the entity may be a hub.
                    let (stated, more_evidence) =
                        store.evidence_for(s, property, o, limits.evidence, out)?;
                    let mut evidence = Vec::new();
                    for st in stated {
                        // No title cache here: the relations are read in parallel and
                        // their sentences rarely share an article.
                        let title = store.title(&st.doc)?.unwrap_or_default();
                        evidence.push(EvidenceRow::new(st, title));
                    }
                    evidence.sort_by(|a, b| a.title.cmp(&b.title).then(a.start.cmp(&b.start)));
                    Ok(RelationRow {
                        direction,
                        predicate: short(property).to_string(),
                        other,
                        other_iri,
                        evidence,
                        more_evidence,
                    })
                })
                .collect::<Result<_>>()?;
            rows.sort_by(|a, b| a.other.cmp(&b.other));
            let kind = RelationKind {
                direction,
                predicate: short(property).to_string(),
                total,
                shown: rows.len(),
            };
            Ok((kind, rows))
        })
        .collect::<Result<_>>()?;
    let mut kinds = Vec::new();
    let mut relations = Vec::new();
    for (kind, rows) in found {
        if kind.shown > 0 {
            kinds.push(kind);
            relations.extend(rows);
        }
    }
    Ok((relations, kinds))
}

/// The label of an entity IRI (or the IRI shortened when it has none).
fn label_of(store: &Store, iri: &str) -> Result<String> {
    let l = store.values_of(iri, &format!("{}label", crate::vocab::RDFS))?;
    Ok(l.into_iter().next().map(|(v, _)| v).unwrap_or_else(|| {
        display_term(&Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(
            iri,
        )))
    }))
}

/// A property IRI's short name (`settledIn`).
fn short(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or_default()
}

fn lit(s: &str) -> String {
    Literal::new_simple_literal(s).to_string()
}

fn text(t: &Option<Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

impl KnowledgeGraph {
    /// Opens or creates a persistent graph in `dir`.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        Ok(Self::wrap(Store::open(dir)?))
    }

    /// Opens a persistent graph read-only.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self> {
        Ok(Self::wrap(Store::open_read_only(dir)?))
    }

    /// An empty graph in memory.
    pub fn in_memory() -> Result<Self> {
        Ok(Self::wrap(Store::in_memory()?))
    }

    fn wrap(store: Store) -> Self {
        KnowledgeGraph {
            store,
            generation: AtomicU64::new(0),
            projection: Mutex::new(None),
        }
    }

    /// Records that the store changed (after writes made through [`Self::store`]).
    pub fn touch(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The store underneath.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Extracts from texts and writes the result.
    pub fn ingest(&self, inputs: &[Input]) -> Result<(Extraction, IngestReport)> {
        let x = pipeline::extract(inputs);
        let report = self.store.ingest(&x, &input::now_utc())?;
        self.touch();
        Ok((x, report))
    }

    /// Extracts from one text and writes the result.
    pub fn ingest_text(&self, source: &str, text: &str) -> Result<IngestReport> {
        Ok(self
            .ingest(&[Input {
                source: source.to_string(),
                text: text.to_string(),
            }])?
            .1)
    }

    /// Reads files and folders and ingests them; files that cannot be read are returned.
    pub fn ingest_paths(
        &self,
        paths: &[PathBuf],
    ) -> Result<(Extraction, IngestReport, input::Failed)> {
        let (inputs, failed) = input::read_inputs(paths)?;
        let (x, r) = self.ingest(&inputs)?;
        Ok((x, r, failed))
    }

    /// Ingests files and folders in batches of about `batch_bytes` of text, so that memory
    /// stays bounded whatever the corpus size. Names are resolved within a batch; across
    /// batches entities meet by their IRI (type and canonical label). `on_batch` is called
    /// after each batch with the running totals.
    pub fn ingest_files(
        &self,
        paths: &[PathBuf],
        batch_bytes: usize,
        read: input::ReadOptions,
        mut on_batch: impl FnMut(&IngestProgress),
    ) -> Result<IngestProgress> {
        let files = input::collect_files(paths)?;
        let mut prog = IngestProgress {
            files_total: files.len(),
            bytes_total: files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum(),
            ..Default::default()
        };
        // Two stages: a reader thread reads and extracts files while this thread writes the
        // batch before into the store. The channel is bounded, so the reader runs at most 64
        // file reports ahead: with files smaller than a 64th of a batch it stops before
        // extracting the next batch until the current one is written. Letting it extract the
        // next batch meanwhile was measured slower (100k articles: 216 s instead of 194 s) and
        // heavier (1.20 GiB instead of 0.97): the bulk loader's threads already use both
        // cores, and a second extracted batch lives in memory.
        enum Msg {
            /// A file done (read or failed), with its size.
            File {
                size: u64,
                failed: Option<(PathBuf, String)>,
                warnings: Vec<String>,
            },
            /// An extracted batch.
            Batch(Extraction),
        }
        let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(64);
        // Into a store without articles (this process holds its lock), which articles are there
        // is what this ingest wrote, and the statistics are made from what it wrote: both kept
        // here instead of asked of the store (see `FreshIngest`). Into a store with articles,
        // the changes it makes are kept, and the statistics updated from them (see `Changes`).
        let mut tracked = self.store.begin_ingest()?;
        std::thread::scope(|scope| -> Result<()> {
            let reader = scope.spawn(move || {
                let mut batch: Vec<Input> = Vec::new();
                let mut batch_len = 0usize;
                for f in files {
                    let size = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
                    let mut warnings = Vec::new();
                    let mut failed = None;
                    match input::read_with(&f, read) {
                        Ok(d) if d.text.trim().is_empty() => {
                            failed =
                                Some((f.clone(), format!("{}: empty file, skipped", f.display())));
                        }
                        Ok(d) => {
                            if !d.text.chars().any(crate::normalize::is_cjk) {
                                warnings.push(format!("{}: no Chinese text", f.display()));
                            }
                            if d.encoding != "UTF-8" {
                                warnings.push(format!("{}: read as {}", f.display(), d.encoding));
                            }
                            batch_len += d.text.len();
                            batch.push(Input {
                                source: f.display().to_string(),
                                text: d.text,
                            });
                        }
                        Err(e) => failed = Some((f.clone(), e.to_string())),
                    }
                    if batch_len >= batch_bytes {
                        let x = pipeline::extract(&std::mem::take(&mut batch));
                        batch_len = 0;
                        if tx.send(Msg::Batch(x)).is_err() {
                            return;
                        }
                    }
                    if tx
                        .send(Msg::File {
                            size,
                            failed,
                            warnings,
                        })
                        .is_err()
                    {
                        return;
                    }
                }
                if !batch.is_empty() {
                    let _ = tx.send(Msg::Batch(pipeline::extract(&batch)));
                }
            });
            let timing = crate::debug_timing();
            let mut waited = std::time::Instant::now();
            for msg in rx {
                match msg {
                    Msg::File {
                        size,
                        failed,
                        warnings,
                    } => {
                        prog.files_done += 1;
                        prog.bytes_done += size;
                        prog.failed.extend(failed);
                        prog.warnings.extend(warnings);
                    }
                    Msg::Batch(x) => {
                        if timing {
                            eprintln!("batch received after {:?}", waited.elapsed());
                        }
                        let r =
                            self.store
                                .ingest_batch_into(&x, &input::now_utc(), &mut tracked)?;
                        self.touch();
                        prog.quads_written += r.quads_written;
                        prog.documents += x.documents.len();
                        prog.added += r.added;
                        prog.unchanged += r.unchanged;
                        prog.replaced += r.replaced;
                        on_batch(&prog);
                        waited = std::time::Instant::now();
                    }
                }
            }
            reader
                .join()
                .map_err(|_| Error::Invalid("the reader thread of the ingest panicked".into()))?;
            Ok(())
        })?;
        // No count of the store's quads here: that is a full scan (10 s at 20 million quads);
        // `stats` gives it when asked.
        let t_stats = std::time::Instant::now();
        self.store.end_ingest(&tracked)?;
        if crate::debug_timing() {
            eprintln!("statistics refreshed: {:?}", t_stats.elapsed());
        }
        on_batch(&prog);
        Ok(prog)
    }

    /// Runs a read-only SPARQL query (the default graph is the knowledge graph; articles are
    /// named graphs).
    pub fn query(&self, sparql: &str) -> Result<Answer> {
        self.store.query(sparql)
    }

    fn rows(&self, sparql: &str) -> Result<Vec<Vec<Option<Term>>>> {
        match self.store.query(&format!("{PREFIXES}{sparql}"))? {
            Answer::Solutions { rows, .. } => Ok(rows),
            _ => Ok(Vec::new()),
        }
    }

    /// The IRI of the entity called `name` (any label, alias or English name, or an IRI).
    pub fn resolve(&self, name: &str) -> Result<String> {
        let name = name.trim();
        if name.starts_with("http://") || name.starts_with("https://") {
            return Ok(name.to_string());
        }
        let key = crate::normalize::name_key(name);
        // First the exact name as a label literal: index lookups, fast on any store size.
        let exact = self.exact_candidates(name)?;
        // Else any label equal up to case and spaces: a scan.
        let rows = if !exact.is_empty() {
            exact
        } else {
            self.rows(&format!(
                "SELECT DISTINCT ?e (COUNT(?m) AS ?n) WHERE {{
               ?e skos:prefLabel|skos:altLabel|rdfs:label|zkg:ruleMadeLabel ?l ; a ?t .
               FILTER(STRSTARTS(STR(?t), STR(zkg:)) && ?t != zkg:Document && ?t != zkg:Evidence)
               FILTER(LCASE(STR(?l)) = {} || LCASE(REPLACE(STR(?l), \" \", \"\")) = {})
               OPTIONAL {{ GRAPH ?m {{ ?e zkg:mentionedIn ?m }} }}
             }} GROUP BY ?e ORDER BY DESC(?n) ?e",
                lit(&name.to_lowercase()),
                lit(&key)
            ))?
        };
        if let Some(r) = rows.first() {
            // Two entities of the same name and weight: say which, rather than guess.
            if rows.len() > 1 && rows[1][1] == r[1] {
                let names: Vec<String> = rows
                    .iter()
                    .filter(|x| x[1] == r[1])
                    .map(|x| {
                        let iri = text(&x[0]);
                        let t = iri
                            .trim_start_matches(crate::vocab::ID)
                            .split('/')
                            .next()
                            .unwrap_or("")
                            .to_string();
                        format!("{name} ({t}: {iri})")
                    })
                    .collect();
                return Err(Error::Invalid(format!(
                    "{name:?} is ambiguous: {}; give the IRI",
                    names.join(", ")
                )));
            }
            return Ok(text(&r[0]));
        }
        let sugg = self.rows(&format!(
            "SELECT DISTINCT ?l WHERE {{
               ?e rdfs:label ?l . FILTER EXISTS {{ GRAPH ?d {{ ?e zkg:mentionedIn ?d }} }}
               FILTER(CONTAINS(STR(?l), {0}) || CONTAINS({0}, STR(?l)))
             }} ORDER BY STRLEN(STR(?l)) LIMIT 5",
            lit(name)
        ))?;
        Err(Error::UnknownName {
            name: name.to_string(),
            suggestions: sugg.iter().map(|r| text(&r[0])).collect(),
        })
    }

    /// Entities with `name` as a label (any language, any label property), heaviest first
    /// (most articles), each with its weight, in the shape of the scan query's rows.
    fn exact_candidates(&self, name: &str) -> Result<Vec<Vec<Option<Term>>>> {
        use crate::vocab::{RDF, RDFS, SKOS, ZKG};
        let forms = [
            Literal::new_language_tagged_literal_unchecked(name, "zh"),
            Literal::new_language_tagged_literal_unchecked(name, "en"),
            Literal::new_simple_literal(name),
        ];
        let mut found: Vec<String> = Vec::new();
        for p in [
            format!("{SKOS}prefLabel"),
            format!("{SKOS}altLabel"),
            format!("{RDFS}label"),
            format!("{ZKG}ruleMadeLabel"),
        ] {
            for l in &forms {
                found.extend(self.store.subjects(&p, &Term::Literal(l.clone()))?);
            }
        }
        found.sort();
        found.dedup();
        // Entities only: a class of the ontology other than documents and evidence.
        let mut out: Vec<(usize, String)> = Vec::new();
        for e in found {
            let typed = self
                .store
                .objects(&e, &format!("{RDF}type"))?
                .iter()
                .any(|t| {
                    t.strip_prefix(ZKG)
                        .is_some_and(|l| EntityType::parse(l).is_some())
                });
            if typed {
                out.push((0, e));
            }
        }
        // Weights only matter when several entities share the name.
        if out.len() > 1 {
            for (w, e) in out.iter_mut() {
                *w = self.store.mention_count(e)?;
            }
        }
        out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(out
            .into_iter()
            .map(|(w, e)| {
                vec![
                    Some(Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(
                        e,
                    ))),
                    Some(Term::Literal(Literal::from(w as i64))),
                ]
            })
            .collect())
    }

    /// The entity card for `name`: type, labels, aliases, relations in and out with evidence,
    /// within the default [`CardLimits`].
    pub fn lookup(&self, name: &str) -> Result<Card> {
        self.lookup_with(name, CardLimits::default())
    }

    /// The entity card for `name`, showing as much as `limits` says.
    pub fn lookup_with(&self, name: &str, limits: CardLimits) -> Result<Card> {
        let iri = self.resolve(name)?;
        let e = format!("<{iri}>");
        let head = self.rows(&format!(
            "SELECT ?t ?zh ?en ?rule WHERE {{
               {e} a ?t . FILTER(STRSTARTS(STR(?t), STR(zkg:)))
               OPTIONAL {{ {e} skos:prefLabel ?zh FILTER(LANG(?zh) = \"zh\") }}
               OPTIONAL {{ {e} skos:prefLabel ?en FILTER(LANG(?en) = \"en\") }}
               OPTIONAL {{ {e} zkg:ruleMadeLabel ?rule }}
             }} LIMIT 1"
        ))?;
        let (etype, label, label_en, label_en_by_rule) = match head.first() {
            Some(r) => (
                text(&r[0])
                    .rsplit('#')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                text(&r[1]),
                r[2].as_ref()
                    .or(r[3].as_ref())
                    .map(|t| text(&Some(t.clone()))),
                r[2].is_none() && r[3].is_some(),
            ),
            None => {
                return Err(Error::UnknownName {
                    name: name.to_string(),
                    suggestions: Vec::new(),
                })
            }
        };
        let aliases: Vec<String> = self
            .rows(&format!(
                "SELECT DISTINCT ?a WHERE {{ {e} skos:altLabel ?a }} ORDER BY ?a"
            ))?
            .iter()
            .map(|r| text(&r[0]))
            .collect();
        let (relations, kinds) = if limits == CardLimits::ALL {
            let relations = self.relations_of_iri(&iri)?;
            let mut kinds: Vec<RelationKind> = Vec::new();
            for r in &relations {
                match kinds.last_mut() {
                    Some(k) if k.direction == r.direction && k.predicate == r.predicate => {
                        k.total += 1;
                        k.shown += 1;
                    }
                    _ => kinds.push(RelationKind {
                        direction: r.direction,
                        predicate: r.predicate.clone(),
                        total: 1,
                        shown: 1,
                    }),
                }
            }
            (relations, kinds)
        } else if let Some(kept) = self.kept_card(&iri, limits)? {
            kept
        } else {
            capped_relations(&self.store, &iri, limits)?
        };
        Ok(Card {
            iri,
            etype,
            label,
            label_en,
            label_en_by_rule,
            aliases,
            relations,
            kinds,
        })
    }

    /// A hub's default card as the statistics keep it (see [`default_card_json`]); `None` for
    /// other limits, other entities, or a kept card that does not read back.
    #[allow(clippy::type_complexity)]
    fn kept_card(
        &self,
        iri: &str,
        limits: CardLimits,
    ) -> Result<Option<(Vec<RelationRow>, Vec<RelationKind>)>> {
        if limits != CardLimits::default() {
            return Ok(None);
        }
        Ok(self
            .store
            .hub_card(iri)?
            .and_then(|json| serde_json::from_str::<KeptCard>(&json).ok())
            .and_then(KeptCard::into_parts))
    }

    /// A stated relation's evidence as the card shows it, with its article's title (looked up
    /// once per article through `titles`).
    fn evidence_row(
        &self,
        titles: &mut HashMap<String, String>,
        st: crate::store::Stated,
    ) -> Result<EvidenceRow> {
        if !titles.contains_key(&st.doc) {
            let t = self.store.title(&st.doc)?.unwrap_or_default();
            titles.insert(st.doc.clone(), t);
        }
        let title = titles[&st.doc].clone();
        Ok(EvidenceRow::new(st, title))
    }

    /// The relations of the entity called `name`, each with its evidence.
    pub fn relations_of(&self, name: &str) -> Result<Vec<RelationRow>> {
        let iri = self.resolve(name)?;
        self.relations_of_iri(&iri)
    }

    fn relations_of_iri(&self, iri: &str) -> Result<Vec<RelationRow>> {
        // Straight from the evidence nodes' index entries: the cost follows the entity's own
        // evidence, not the store's size.
        let store = &self.store;
        let mut titles: HashMap<String, String> = HashMap::new();
        let mut labels: HashMap<String, String> = HashMap::new();
        let mut rows: Vec<(&'static str, String, String, String, EvidenceRow)> = Vec::new();
        for mut st in store.stated_relations(iri)? {
            let (direction, other_iri) = if st.subject == iri {
                ("out", std::mem::take(&mut st.object))
            } else {
                ("in", std::mem::take(&mut st.subject))
            };
            if !labels.contains_key(&other_iri) {
                labels.insert(other_iri.clone(), label_of(&self.store, &other_iri)?);
            }
            let predicate = std::mem::take(&mut st.predicate);
            let ev = self.evidence_row(&mut titles, st)?;
            rows.push((
                direction,
                predicate,
                labels[&other_iri].clone(),
                other_iri,
                ev,
            ));
        }
        // Out before in, then by predicate, the other end's label, the article and position.
        rows.sort_by(|a, b| {
            b.0.cmp(a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
                .then_with(|| a.4.title.cmp(&b.4.title))
                .then_with(|| a.4.start.cmp(&b.4.start))
        });
        let mut out: Vec<RelationRow> = Vec::new();
        for (direction, p, other, other_iri, ev) in rows {
            let predicate = short(&p).to_string();
            match out.last_mut() {
                Some(last)
                    if last.direction == direction
                        && last.predicate == predicate
                        && last.other_iri == other_iri =>
                {
                    last.evidence.push(ev)
                }
                _ => out.push(RelationRow {
                    direction,
                    predicate,
                    other,
                    other_iri,
                    evidence: vec![ev],
                    more_evidence: false,
                }),
            }
        }
        Ok(out)
    }

    /// The graph projection, rebuilt only when the store changed through this value.
    pub fn projection(&self) -> Result<Arc<Projection>> {
        let g = self.generation.load(Ordering::SeqCst);
        let mut cache = self.projection.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((gen, p)) = cache.as_ref() {
            if *gen == g {
                return Ok(p.clone());
            }
        }
        let p = Arc::new(Projection::build(&self.store)?);
        *cache = Some((g, p.clone()));
        Ok(p)
    }

    fn node_of(&self, p: &Projection, name: &str) -> Result<petgraph::graph::NodeIndex> {
        let iri = self.resolve(name)?;
        p.node(&iri).ok_or_else(|| Error::UnknownName {
            name: name.to_string(),
            suggestions: Vec::new(),
        })
    }

    /// Entities within `depth` relations of `name`: (depth, entity, the step that reached it).
    ///
    /// ```
    /// # use zonekg::{KnowledgeGraph, graph::Filter};
    /// let kg = KnowledgeGraph::in_memory()?;
    /// kg.ingest_text("a.txt", "## 甲乙高新区\n\n青木科技集团正式入驻甲乙高新区。")?;
    /// let n = kg.neighbors("青木科技集团", 1, &Filter::default())?;
    /// assert!(n.iter().any(|(_, node, hop)| node.label == "甲乙高新区" && hop.predicate == "settledIn"));
    /// # Ok::<(), zonekg::Error>(())
    /// ```
    pub fn neighbors(
        &self,
        name: &str,
        depth: usize,
        f: &Filter,
    ) -> Result<Vec<(usize, GNode, Hop)>> {
        let p = self.projection()?;
        let start = self.node_of(&p, name)?;
        Ok(p.neighbors(start, depth, f)
            .into_iter()
            .map(|(d, n, h)| (d, p.graph[n].clone(), h))
            .collect())
    }

    /// A shortest chain of relations from `a` to `b`, in either direction.
    ///
    /// ```
    /// # use zonekg::{KnowledgeGraph, graph::Filter};
    /// let kg = KnowledgeGraph::in_memory()?;
    /// kg.ingest_text("a.txt", "## 甲乙高新区\n\n甲乙高新区与北京大学合作,青木科技集团正式入驻甲乙高新区。")?;
    /// let path = kg.shortest_path("青木科技集团", "北大", &Filter::default())?.unwrap();
    /// assert_eq!(path.len(), 2);
    /// assert_eq!(path[1].to, "北京大学");
    /// # Ok::<(), zonekg::Error>(())
    /// ```
    pub fn shortest_path(&self, a: &str, b: &str, f: &Filter) -> Result<Option<Vec<Hop>>> {
        let p = self.projection()?;
        let (x, y) = (self.node_of(&p, a)?, self.node_of(&p, b)?);
        let mut path = p.shortest_path(x, y, f);
        if let Some(hops) = path.as_mut() {
            crate::graph::with_evidence(&self.store, hops)?;
        }
        Ok(path)
    }

    /// All simple chains of at most `max_len` relations from `a` to `b`, shortest first.
    pub fn paths(&self, a: &str, b: &str, max_len: usize, f: &Filter) -> Result<Vec<Vec<Hop>>> {
        let p = self.projection()?;
        let (x, y) = (self.node_of(&p, a)?, self.node_of(&p, b)?);
        let mut all = p.paths(x, y, max_len, f);
        for hops in all.iter_mut().take(50) {
            crate::graph::with_evidence(&self.store, hops)?;
        }
        Ok(all)
    }

    /// The part of the graph within `depth` relations of `around`.
    pub fn subgraph(&self, around: &str, depth: usize, f: &Filter) -> Result<Projection> {
        let p = self.projection()?;
        let n = self.node_of(&p, around)?;
        Ok(p.subgraph(n, depth, f))
    }

    /// Graphviz DOT of the whole graph, or of the part around a name.
    ///
    /// ```
    /// # use zonekg::{KnowledgeGraph, graph::Filter, export::DotOptions};
    /// let kg = KnowledgeGraph::in_memory()?;
    /// kg.ingest_text("a.txt", "## 甲乙高新区\n\n青木科技集团正式入驻甲乙高新区。")?;
    /// let dot = kg.to_dot(Some(("甲乙高新区", 1)), &Filter::default(), &DotOptions::default())?;
    /// assert!(dot.starts_with("digraph") && dot.contains("settledIn") && dot.contains("青木科技集团"));
    /// # Ok::<(), zonekg::Error>(())
    /// ```
    pub fn to_dot(
        &self,
        around: Option<(&str, usize)>,
        f: &Filter,
        opts: &DotOptions,
    ) -> Result<String> {
        let p = self.projection()?;
        let sub = match around {
            Some((name, depth)) => p.subgraph(self.node_of(&p, name)?, depth, f),
            None => p.filtered(f),
        };
        Ok(crate::export::to_dot(&sub, opts))
    }

    /// The most connected entities, optionally of one type.
    pub fn rank(&self, etype: Option<EntityType>, limit: usize) -> Result<Vec<(GNode, usize)>> {
        Ok(self.projection()?.rank(etype, limit))
    }

    /// Connected components, largest first.
    pub fn components(&self) -> Result<Vec<Vec<String>>> {
        Ok(self.projection()?.components())
    }

    /// Documents, entities by type, relations by predicate, quads.
    pub fn stats(&self) -> Result<Stats> {
        let mut s = self.summary()?;
        s.quads = Some(self.store.len()?);
        Ok(s)
    }

    /// [`KnowledgeGraph::stats`] without the count of quads: documents, entities and relations
    /// are read from the statistics graph, while counting the quads scans the whole store (6 s
    /// at 100k articles), which an ingest of a few files into a large store should not pay.
    pub fn summary(&self) -> Result<Stats> {
        let mut s = Stats {
            documents: self.store.documents()?,
            ..Default::default()
        };
        let q = crate::query::NamedQuery::get("entities_by_type")?.render(&[])?;
        if let Answer::Solutions { rows, .. } = self.store.query(&q)? {
            for r in rows {
                let n: usize = text(&r[2]).parse().unwrap_or(0);
                if text(&r[0]) == "entity" {
                    s.entities.push((text(&r[1]), n));
                } else {
                    s.relations.push((text(&r[1]), n));
                }
            }
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    /// Invented companies, and an article saying one settled in an invented zone.
    const COMPANIES: [&str; 5] = [
        "青木科技集团",
        "蓝湾电子有限公司",
        "石川智能集团",
        "远帆医药有限公司",
        "北辰光电集团",
    ];
    fn settling(i: usize, company: &str) -> String {
        format!("## 甲乙高新区引进新企业{i}\n\n近日,{company}正式签约入驻甲乙高新区。")
    }

    /// A zone five invented companies settled in, two of them in two articles.
    fn hub() -> KnowledgeGraph {
        let kg = KnowledgeGraph::in_memory().unwrap();
        let names = COMPANIES;
        for (i, n) in names.iter().enumerate() {
            kg.ingest_text(&format!("a{i}.txt"), &settling(i, n))
                .unwrap();
        }
        for (i, n) in names[..2].iter().enumerate() {
            kg.ingest_text(
                &format!("b{i}.txt"),
                &format!("## 甲乙高新区项目{i}\n\n今年以来,{n}入驻甲乙高新区后扩大生产。"),
            )
            .unwrap();
        }
        kg
    }

    #[test]
    fn batch_by_batch_ingest_writes_every_article_once() {
        // One batch per file: each goes through the channel to the writer.
        let dir = tempfile::tempdir().unwrap();
        for (i, n) in COMPANIES[..4].iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i}.txt")), settling(i, n)).unwrap();
        }
        let kg = KnowledgeGraph::in_memory().unwrap();
        let mut batches = 0;
        let p = kg
            .ingest_files(
                &[dir.path().to_path_buf()],
                1,
                input::ReadOptions::default(),
                |_| batches += 1,
            )
            .unwrap();
        assert_eq!((p.documents, p.added), (4, 4));
        assert!(batches >= 4, "{batches} batches");
        let card = kg.lookup_with("甲乙高新区", CardLimits::ALL).unwrap();
        assert_eq!(
            card.relations
                .iter()
                .filter(|r| r.predicate == "settledIn")
                .count(),
            4
        );
    }

    #[test]
    fn an_ingest_into_an_empty_store_knows_its_articles_as_one_into_a_full_store() {
        // Into an empty store the ingest keeps which articles it wrote; into a store that
        // already holds one it asks the store. Both see the copy of a file as one article.
        let dir = tempfile::tempdir().unwrap();
        for (i, n) in COMPANIES[..3].iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i}.txt")), settling(i, n)).unwrap();
        }
        std::fs::write(dir.path().join("3.txt"), settling(0, COMPANIES[0])).unwrap();
        let ingest = |kg: &KnowledgeGraph| {
            kg.ingest_files(
                &[dir.path().to_path_buf()],
                1,
                input::ReadOptions::default(),
                |_| {},
            )
            .unwrap()
        };
        let empty = KnowledgeGraph::in_memory().unwrap();
        assert!(empty.store().holds_no_article().unwrap());
        let p = ingest(&empty);
        assert_eq!((p.documents, p.added, p.unchanged), (4, 3, 1));
        assert!(!empty.store().holds_no_article().unwrap());
        let full = KnowledgeGraph::in_memory().unwrap();
        full.ingest_text("other.txt", &settling(3, COMPANIES[3]))
            .unwrap();
        let p = ingest(&full);
        assert_eq!((p.documents, p.added, p.unchanged), (4, 3, 1));
        // The same article graphs, and again nothing new on a second ingest.
        let docs = |kg: &KnowledgeGraph| -> std::collections::BTreeSet<String> {
            kg.store()
                .oxigraph()
                .named_graphs()
                .map(|g| g.unwrap().to_string())
                .filter(|g| g.contains("/doc/"))
                .collect()
        };
        let (a, b) = (docs(&empty), docs(&full));
        assert_eq!(a.len(), 3);
        assert_eq!(b.difference(&a).count(), 1);
        let p = ingest(&empty);
        assert_eq!((p.added, p.unchanged), (0, 4));
    }

    #[test]
    fn a_capped_card_counts_what_it_leaves_out() {
        let kg = hub();
        let all = kg.lookup_with("甲乙高新区", CardLimits::ALL).unwrap();
        let settled = |c: &Card| {
            c.relations
                .iter()
                .filter(|r| r.direction == "in" && r.predicate == "settledIn")
                .count()
        };
        assert_eq!(settled(&all), 5, "{:?}", all.relations);
        let capped = kg
            .lookup_with(
                "甲乙高新区",
                CardLimits {
                    relations: 2,
                    evidence: 1,
                },
            )
            .unwrap();
        assert_eq!(settled(&capped), 2);
        let kind = capped
            .kinds
            .iter()
            .find(|k| k.direction == "in" && k.predicate == "settledIn")
            .unwrap();
        assert_eq!((kind.total, kind.shown), (5, 2));
        for r in &capped.relations {
            assert_eq!(r.evidence.len(), 1, "{r:?}");
            let full = all
                .relations
                .iter()
                .find(|a| a.other_iri == r.other_iri && a.predicate == r.predicate)
                .unwrap();
            // Told there is more exactly when the full card has more sentences.
            assert_eq!(r.more_evidence, full.evidence.len() > 1, "{r:?}");
            assert!(full
                .evidence
                .iter()
                .any(|e| e.sentence == r.evidence[0].sentence));
        }
        // The default card shows all five (under the cap); two are stated twice.
        let card = kg
            .lookup_with(
                "甲乙高新区",
                CardLimits {
                    evidence: 1,
                    ..CardLimits::default()
                },
            )
            .unwrap();
        assert_eq!(settled(&card), 5);
        let twice = card.relations.iter().filter(|r| r.more_evidence).count();
        assert_eq!(twice, 2, "{:?}", card.relations);
    }

    #[test]
    fn a_hubs_card_is_kept_with_the_statistics_and_read_back_as_it_was_made() {
        let kg = hub();
        let zone = kg.resolve("甲乙高新区").unwrap();
        let company = kg.resolve(COMPANIES[0]).unwrap();
        // The zone's card as kept, and as read live once the kept one is gone.
        let kept_and_live = |kg: &KnowledgeGraph| {
            assert!(kg.store().hub_card(&zone).unwrap().is_some());
            let kept = kg.lookup("甲乙高新区").unwrap();
            let card = NamedNode::new_unchecked(format!("{}card", crate::store::STATS));
            let ox = kg.store().oxigraph();
            let quads: Vec<_> = ox
                .quads_for_pattern(None, Some(card.as_ref()), None, None)
                .collect::<std::result::Result<_, _>>()
                .unwrap();
            assert_eq!(quads.len(), 1);
            for q in &quads {
                ox.remove(q).unwrap();
            }
            assert!(kg.store().hub_card(&zone).unwrap().is_none());
            let live = kg.lookup("甲乙高新区").unwrap();
            let json = |c: &Card| serde_json::to_string(c).unwrap();
            assert_eq!(json(&kept), json(&live));
            kept
        };
        // Five companies settled in the zone: a hub at a threshold of two.
        kg.store().refresh_statistics_at(2).unwrap();
        assert!(kg.store().hub_card(&company).unwrap().is_none());
        let card = kept_and_live(&kg);
        assert!(card.relations.iter().any(|r| r.predicate == "settledIn"));
        let sentences = |c: &Card, name: &str| {
            c.relations
                .iter()
                .find(|r| r.other == name)
                .map(|r| r.evidence.len())
        };
        assert_eq!(sentences(&card, COMPANIES[2]), Some(1));
        // An ingest that only states a known relation again changes its evidence, not the
        // knowledge graph; the kept card is made again all the same.
        kg.store().refresh_statistics_at(2).unwrap();
        let store = kg.store();
        let mut ingest = store.begin_ingest().unwrap();
        let x = crate::extract(&[Input {
            source: "again.txt".into(),
            text: format!(
                "## 甲乙高新区项目\n\n今年以来,{}入驻甲乙高新区后扩大生产。",
                COMPANIES[2]
            ),
        }]);
        store
            .ingest_batch_into(&x, "2026-01-01T00:00:00Z", &mut ingest)
            .unwrap();
        let crate::store::Ingest::Changes(changes) = &ingest else {
            panic!("a store with articles is not a fresh ingest");
        };
        assert!(store.finish_changes_at(changes, 2).unwrap());
        let card = kept_and_live(&kg);
        assert_eq!(sentences(&card, COMPANIES[2]), Some(2));
        // Other limits are always read live.
        kg.store().refresh_statistics_at(2).unwrap();
        let one = kg
            .lookup_with(
                "甲乙高新区",
                CardLimits {
                    relations: 1,
                    evidence: 1,
                },
            )
            .unwrap();
        assert_eq!(one.relations.len(), 1);
        // A later ingest (a folder's, which updates the statistics from its changes) never
        // leaves the old card to be read: the zone has a sixth company.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("c.txt"),
            "## 甲乙高新区再添新项目\n\n近日,丙丁新材料有限公司正式签约入驻甲乙高新区。",
        )
        .unwrap();
        kg.ingest_files(
            &[dir.path().to_path_buf()],
            1,
            input::ReadOptions::default(),
            |_| {},
        )
        .unwrap();
        let total = kg
            .lookup("甲乙高新区")
            .unwrap()
            .kinds
            .iter()
            .find(|k| k.direction == "in" && k.predicate == "settledIn")
            .map(|k| k.total);
        assert_eq!(total, Some(6));
    }

    #[test]
    fn a_hubs_count_is_kept_and_follows_every_write() {
        let kg = hub();
        let zone = kg.resolve("甲乙高新区").unwrap();
        let settled = format!("{}settledIn", crate::vocab::ZKG);
        let total = |kg: &KnowledgeGraph| {
            kg.lookup("甲乙高新区")
                .unwrap()
                .kinds
                .iter()
                .find(|k| k.direction == "in" && k.predicate == "settledIn")
                .map(|k| k.total)
                .unwrap()
        };
        let insert = |from: usize, to: usize| {
            let triples: String = (from..to)
                .map(|i| {
                    format!(
                        "<{}company/x{i}> <{settled}> <{zone}> .\n",
                        crate::vocab::ID
                    )
                })
                .collect();
            kg.store()
                .update(&format!("INSERT DATA {{ {triples} }}"))
                .unwrap();
        };
        // Past the threshold the count is read from the statistics graph …
        insert(0, crate::store::HUB_DEGREE + 10);
        assert_eq!(total(&kg), crate::store::HUB_DEGREE + 15);
        let kept = kg
            .query(&format!(
                "ASK {{ GRAPH <{}> {{ <{zone}> ?p {} }} }}",
                crate::store::STATISTICS_GRAPH,
                crate::store::HUB_DEGREE + 15
            ))
            .unwrap();
        assert!(matches!(kept, Answer::Boolean(true)), "{kept:?}");
        // … which every write refreshes, above the threshold and back under it.
        insert(2000, 2003);
        assert_eq!(total(&kg), crate::store::HUB_DEGREE + 18);
        kg.store()
            .update(&format!(
                "DELETE {{ ?c <{settled}> <{zone}> }} WHERE {{ ?c <{settled}> <{zone}> . FILTER(STRSTARTS(STR(?c), \"{}company/x1\")) }}",
                crate::vocab::ID
            ))
            .unwrap();
        let left = kg.store().count_relations(&zone, &settled, false).unwrap();
        assert!(left < crate::store::HUB_DEGREE, "{left}");
        assert_eq!(total(&kg), left);
    }
}
