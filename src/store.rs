//! The store: a wrapper around Oxigraph (persistent RocksDB or in memory).
//!
//! Input: quads from [`crate::rdf`]. Output: a queryable store. Each article is written in
//! one transaction, so it is in the store whole or not at all; re-ingesting an article
//! already present adds nothing; a changed file replaces its articles' graphs.
//! Never calls extraction.

use crate::error::{Error, Result};
use crate::model::Extraction;
use crate::statistics::{Changes, Tally};
use crate::{rdf, vocab};
use oxigraph::io::RdfFormat;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term, TermRef,
    Triple,
};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::collections::{BTreeSet, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The ontology, embedded.
pub const ONTOLOGY: &str = include_str!("../ontology/zonekg.ttl");
/// The graph the ontology is loaded into.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/zonekg/ontology";
/// The graph holding the store's VoID statistics (see [`Store::refresh_statistics`]).
pub const STATISTICS_GRAPH: &str = "https://w3id.org/zonekg/graph/statistics";
pub(crate) const VOID: &str = "http://rdfs.org/ns/void#";
/// Terms of the place profiles kept in the statistics graph (see [`Store::refresh_statistics`]).
pub const STATS: &str = "https://w3id.org/zonekg/statistics#";

/// Entities with more relations of one property in one direction than this have their count
/// kept in the statistics graph (see [`Store::count_relations`]).
pub const HUB_DEGREE: usize = 1000;

/// The bulk loader's memory budget in MB for a batch of articles (two threads, files of
/// `LOADER_MEGABYTES × 1000 / 2` quads); see `ingest_batch` for why 448.
const LOADER_MEGABYTES: usize = 448;

/// The statistics-graph property holding a hub's count of `property` relations, as subject
/// (`out`) or object: `stats:out-settledIn`, `stats:in-settledIn` …
pub(crate) fn degree_property(property: &str, out: bool) -> String {
    format!(
        "{STATS}{}-{}",
        if out { "out" } else { "in" },
        property.rsplit(['#', '/']).next().unwrap_or_default()
    )
}

/// `<statistics#dataset> stats:stale true` in the statistics graph: written before anything
/// else by every write (a batch of an ingest, a load, an update) and removed with the
/// statistics that follow it, so that a write cut off before them leaves the sign that they
/// must be recomputed rather than updated by the next ingest.
fn stale_marker() -> Quad {
    Quad::new(
        crate::statistics::dataset_node(),
        NamedNode::new_unchecked(format!("{STATS}stale")),
        Literal::from(true),
        GraphName::NamedNode(NamedNode::new_unchecked(STATISTICS_GRAPH)),
    )
}

fn completion_marker(g: &NamedNode) -> Quad {
    rdf::completion_marker(g.as_str().trim_start_matches(vocab::DOC))
}

/// What an ingest into a store that held no article keeps as it writes: the ids of the
/// articles written (which articles are there is then known without asking the store) and a
/// [`Tally`] of the knowledge graph (the statistics are then made without reading it back).
/// Made by [`Store::fresh_ingest`], passed to [`Store::ingest_batch_with`] for every batch,
/// and ended by [`Store::finish_fresh_ingest`].
#[derive(Debug)]
pub struct FreshIngest {
    written: HashSet<String>,
    tally: Tally,
}

impl FreshIngest {
    /// Articles written so far.
    pub fn articles(&self) -> usize {
        self.written.len()
    }

    /// The tally of the knowledge graph so far.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }
}

/// What an ingest keeps as it writes, so that the statistics at its end need not read the
/// whole store: into a store without articles, a [`FreshIngest`]; into one with articles,
/// the [`Changes`] it made. Made by [`Store::begin_ingest`], passed to
/// [`Store::ingest_batch_into`] for every batch, ended by [`Store::end_ingest`].
#[derive(Debug)]
pub enum Ingest {
    /// Into a store that held no article.
    Fresh(FreshIngest),
    /// Into a store that held articles.
    Changes(Changes),
}

/// A zonekg store.
pub struct Store {
    inner: oxigraph::store::Store,
    path: Option<PathBuf>,
    /// `zonekg.lock` in the store directory: held exclusively by a writer, shared by readers,
    /// released when the store is dropped.
    _lock: Option<std::fs::File>,
}

/// The lock file zonekg keeps beside RocksDB's own, so that writers and readers of other
/// processes get a clear message instead of RocksDB's (and instead of Oxigraph's read-only
/// mode, which is unsafe while another process writes).
#[cfg(feature = "rocksdb")]
fn lock(dir: &Path, exclusive: bool) -> Result<Option<std::fs::File>> {
    let path = dir.join("zonekg.lock");
    let file = if exclusive {
        std::fs::create_dir_all(dir).map_err(|e| Error::File {
            path: dir.to_path_buf(),
            source: e,
        })?;
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
    } else if path.exists() {
        std::fs::File::open(&path)
    } else {
        return Ok(None);
    }
    .map_err(|e| Error::File {
        path: path.clone(),
        source: e,
    })?;
    let got = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match got {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) if exclusive => Err(Error::StoreLocked { path: dir.to_path_buf() }),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Invalid(format!(
            "store {} is being written by another process (an ingest, load or update is running); read-only commands must wait for it to finish, because reading a RocksDB store while another process writes it is unsafe",
            dir.display()
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::File { path, source: e }),
    }
}

/// The answer to a SPARQL query, materialized.
#[derive(Debug, Clone)]
pub enum Answer {
    /// SELECT: variable names and rows.
    Solutions {
        /// Variable names, in order.
        vars: Vec<String>,
        /// One row per solution; `None` for unbound.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT / DESCRIBE.
    Graph(Vec<Triple>),
}

/// One relation as an article states it, with its evidence (see [`Store::stated_relations`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stated {
    /// Subject IRI.
    pub subject: String,
    /// Property IRI.
    pub predicate: String,
    /// Object IRI.
    pub object: String,
    /// The article's named graph IRI.
    pub doc: String,
    /// Start of the sentence (characters into the article).
    pub start: i64,
    /// End of the sentence.
    pub end: i64,
    /// The sentence.
    pub sentence: String,
}

fn term_str(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// Splits a query whose text ends with `ORDER BY` keys that are all plain variables
/// (`?v`, `ASC(?v)`, `DESC(?v)`) into the query without it and the keys (name, descending).
fn trailing_order_by(sparql: &str) -> Option<(&str, Vec<(String, bool)>)> {
    let t = sparql.trim_end();
    let upper = t.to_ascii_uppercase();
    let at = upper.rfind("ORDER BY")?;
    let tail = &t[at + "ORDER BY".len()..];
    // Only the outermost query's final clause: nothing but keys may follow.
    if tail.contains(['}', '{', '#']) || !upper[..at].ends_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let mut keys = Vec::new();
    for tok in tail.split_whitespace() {
        let u = tok.to_ascii_uppercase();
        let (inner, desc) =
            if let Some(x) = u.strip_prefix("DESC(").and_then(|x| x.strip_suffix(')')) {
                (&tok[5..5 + x.len()], true)
            } else if let Some(x) = u.strip_prefix("ASC(").and_then(|x| x.strip_suffix(')')) {
                (&tok[4..4 + x.len()], false)
            } else {
                (tok, false)
            };
        let name = inner
            .strip_prefix('?')
            .or_else(|| inner.strip_prefix('$'))?;
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        keys.push((name.to_string(), desc));
    }
    (!keys.is_empty()).then(|| (&t[..at], keys))
}

/// SPARQL's ORDER BY comparison of two (possibly unbound) terms.
fn cmp_sparql(a: Option<&Term>, b: Option<&Term>) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    fn rank(t: &Term) -> u8 {
        match t {
            Term::BlankNode(_) => 0,
            Term::NamedNode(_) => 1,
            _ => 2,
        }
    }
    fn number(l: &Literal) -> Option<f64> {
        // Called for every comparison of the sort: no allocation.
        let numeric = l
            .datatype()
            .as_str()
            .strip_prefix("http://www.w3.org/2001/XMLSchema#")
            .is_some_and(|t| {
                [
                    "integer",
                    "decimal",
                    "double",
                    "float",
                    "int",
                    "long",
                    "short",
                    "byte",
                    "nonNegativeInteger",
                    "positiveInteger",
                    "negativeInteger",
                    "nonPositiveInteger",
                    "unsignedInt",
                    "unsignedLong",
                    "unsignedShort",
                    "unsignedByte",
                ]
                .contains(&t)
            });
        if numeric {
            l.value().parse().ok()
        } else {
            None
        }
    }
    match (a, b) {
        (None, None) => Equal,
        (None, Some(_)) => Less,
        (Some(_), None) => Greater,
        (Some(a), Some(b)) => match (a, b) {
            (Term::Literal(x), Term::Literal(y)) => match (number(x), number(y)) {
                (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(Equal),
                _ => (x.value(), x.datatype().as_str(), x.language()).cmp(&(
                    y.value(),
                    y.datatype().as_str(),
                    y.language(),
                )),
            },
            (Term::NamedNode(x), Term::NamedNode(y)) => x.as_str().cmp(y.as_str()),
            (Term::BlankNode(x), Term::BlankNode(y)) => x.as_str().cmp(y.as_str()),
            _ => rank(a).cmp(&rank(b)),
        },
    }
}

/// What one ingest changed.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    /// Articles written.
    pub added: usize,
    /// Articles already present, left alone.
    pub unchanged: usize,
    /// Old article graphs removed because their file changed.
    pub replaced: usize,
    /// Quads in the store before.
    pub quads_before: usize,
    /// Quads in the store after.
    pub quads_after: usize,
    /// Quads sent to the store (entity descriptions already there are sent again).
    pub quads_written: usize,
}

#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
fn storage_error(path: &Path, e: oxigraph::store::StorageError) -> Error {
    let msg = e.to_string();
    if msg.contains("LOCK")
        || msg.contains("lock")
        || msg.contains("Resource temporarily unavailable")
    {
        Error::StoreLocked {
            path: path.to_path_buf(),
        }
    } else {
        Error::Store(e)
    }
}

impl Store {
    /// An empty store in memory, with the ontology loaded.
    pub fn in_memory() -> Result<Self> {
        let s = Store {
            inner: oxigraph::store::Store::new()?,
            path: None,
            _lock: None,
        };
        s.ensure_ontology()?;
        Ok(s)
    }

    /// Opens (or creates) a persistent store in `dir`.
    #[cfg(feature = "rocksdb")]
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        let l = lock(dir, true)?;
        let inner = oxigraph::store::Store::open(dir).map_err(|e| storage_error(dir, e))?;
        let s = Store {
            inner,
            path: Some(dir.to_path_buf()),
            _lock: l,
        };
        s.ensure_ontology()?;
        Ok(s)
    }

    /// Opens a persistent store read-only (works while another process writes it).
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        if !dir.join("CURRENT").exists() {
            return Err(Error::Invalid(format!(
                "{}: no zonekg store here (run `zonekg ingest` first)",
                dir.display()
            )));
        }
        let l = lock(dir, false)?;
        let inner =
            oxigraph::store::Store::open_read_only(dir).map_err(|e| storage_error(dir, e))?;
        Ok(Store {
            inner,
            path: Some(dir.to_path_buf()),
            _lock: l,
        })
    }

    /// Without the `rocksdb` feature there is no persistent store.
    #[cfg(not(feature = "rocksdb"))]
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        Err(Error::Invalid(format!(
            "{}: zonekg was built without the `rocksdb` feature",
            dir.as_ref().display()
        )))
    }

    /// Without the `rocksdb` feature there is no persistent store.
    #[cfg(not(feature = "rocksdb"))]
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self> {
        Self::open(dir)
    }

    /// Where the store lives, if on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying Oxigraph store.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    fn ensure_ontology(&self) -> Result<()> {
        let g = NamedNode::new_unchecked(ONTOLOGY_GRAPH);
        if !self.inner.contains_named_graph(&g)? {
            self.inner.load_from_reader(
                oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).with_default_graph(g),
                ONTOLOGY.as_bytes(),
            )?;
        }
        Ok(())
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    /// Whether the store holds no quads at all.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// Writes an extraction: new articles in one transaction each, changed files replaced;
    /// then refreshes the statistics and counts the store's quads.
    pub fn ingest(&self, x: &Extraction, generated_at: &str) -> Result<IngestReport> {
        let before = self.len()?;
        let mut report = self.ingest_batch(x, generated_at)?;
        self.refresh_statistics()?;
        report.quads_before = before;
        report.quads_after = self.len()?;
        Ok(report)
    }

    /// Writes `quads` (about `estimate` of them) through the bulk loader, sized as
    /// `memory × 1000 / threads` quads per file within [`LOADER_MEGABYTES`], so that a write
    /// smaller than the budget gets a buffer of its size and still a file per core. Not
    /// atomic: what it writes must be safe to find half-written (see `ingest_batch_with`).
    fn bulk_load(&self, quads: impl IntoIterator<Item = Quad>, estimate: usize) -> Result<()> {
        let mut loader = self
            .inner
            .bulk_loader()
            .with_max_memory_size_in_megabytes((estimate / 1000).clamp(16, LOADER_MEGABYTES));
        loader.load_quads(quads)?;
        loader.commit()?;
        Ok(())
    }

    /// Writes one batch of a larger ingest: like [`Store::ingest`] but neither counts the
    /// store (a full scan) nor refreshes the statistics; the caller does both once at the end
    /// ([`Store::refresh_statistics`]), so that an ingest's cost stays linear in its size.
    /// `quads_before`/`quads_after` of the report are left at 0.
    pub fn ingest_batch(&self, x: &Extraction, generated_at: &str) -> Result<IngestReport> {
        self.ingest_batch_with(x, generated_at, None)
    }

    /// Whether the store holds no article graph (an interrupted write leaves one).
    pub fn holds_no_article(&self) -> Result<bool> {
        Ok(self.article_graphs().next().transpose()?.is_none())
    }

    /// The start of an ingest into this store if it holds no article, else `None` (see
    /// [`FreshIngest`]). The tally begins with what the knowledge graph already holds (the
    /// industry taxonomy, anything loaded without articles), read here once.
    pub fn fresh_ingest(&self) -> Result<Option<FreshIngest>> {
        if !self.holds_no_article()? {
            return Ok(None);
        }
        let mut tally = Tally::new();
        for p in Tally::predicates() {
            let p = NamedNode::new_unchecked(p);
            for q in self.inner.quads_for_pattern(
                None,
                Some(p.as_ref()),
                None,
                Some(GraphNameRef::DefaultGraph),
            ) {
                tally.observe(&q?);
            }
        }
        Ok(Some(FreshIngest {
            written: HashSet::new(),
            tally,
        }))
    }

    /// The article graphs (named graphs under [`vocab::DOC`]), in the store's order.
    fn article_graphs(&self) -> impl Iterator<Item = Result<NamedNode>> + '_ {
        self.inner.named_graphs().filter_map(|g| match g {
            Ok(NamedOrBlankNode::NamedNode(n)) if n.as_str().starts_with(vocab::DOC) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e.into())),
        })
    }

    /// [`Store::ingest_batch`] for an ingest into a store that held no article when it began,
    /// given what it `fresh`ly wrote since ([`Store::fresh_ingest`]; the batch is added).
    /// Which articles are already there, and which graphs of the batch's files are older
    /// versions, is then known without asking the store: two index probes per article and a
    /// query per file, whose cost grew with the store as RocksDB compacted it (1 s per batch
    /// of 6,600 articles at the start of a 100k-article ingest, 3 s at its end). With `None`,
    /// the store is asked.
    pub fn ingest_batch_with(
        &self,
        x: &Extraction,
        generated_at: &str,
        fresh: Option<&mut FreshIngest>,
    ) -> Result<IngestReport> {
        self.ingest_batch_tracked(x, generated_at, fresh, None)
    }

    /// The start of an ingest: what it keeps as it writes (see [`Ingest`]).
    pub fn begin_ingest(&self) -> Result<Ingest> {
        let stale = self.inner.contains(&stale_marker())?;
        Ok(match self.fresh_ingest()? {
            Some(f) => Ingest::Fresh(f),
            None => {
                let mut c = Changes::new();
                if stale {
                    c.give_up();
                }
                Ingest::Changes(c)
            }
        })
    }

    /// Marks the statistics stale until the next write of them (see [`stale_marker`]).
    fn mark_statistics_stale(&self) -> Result<()> {
        self.inner.insert(&stale_marker())?;
        Ok(())
    }

    /// [`Store::ingest_batch`] within an ingest begun by [`Store::begin_ingest`].
    pub fn ingest_batch_into(
        &self,
        x: &Extraction,
        generated_at: &str,
        ingest: &mut Ingest,
    ) -> Result<IngestReport> {
        match ingest {
            Ingest::Fresh(f) => self.ingest_batch_tracked(x, generated_at, Some(f), None),
            Ingest::Changes(c) => self.ingest_batch_tracked(x, generated_at, None, Some(c)),
        }
    }

    /// The end of an ingest: its statistics written, from what it kept (see [`Ingest`]).
    pub fn end_ingest(&self, ingest: &Ingest) -> Result<()> {
        match ingest {
            Ingest::Fresh(f) => self.finish_fresh_ingest(f),
            Ingest::Changes(c) => self.finish_changes(c),
        }
    }

    /// [`Store::ingest_batch_with`], also keeping the `changes` it makes to the knowledge
    /// graph when given.
    fn ingest_batch_tracked(
        &self,
        x: &Extraction,
        generated_at: &str,
        fresh: Option<&mut FreshIngest>,
        mut changes: Option<&mut Changes>,
    ) -> Result<IngestReport> {
        let (mut written, mut tally) = match fresh {
            Some(f) => (Some(&mut f.written), Some(&mut f.tally)),
            None => (None, None),
        };
        self.mark_statistics_stale()?;
        let mut report = IngestReport::default();
        let timing = crate::debug_timing();
        let t_checks = std::time::Instant::now();
        let new_ids: BTreeSet<&str> = x.documents.iter().map(|d| d.id.as_str()).collect();
        let sources: BTreeSet<&str> = x.documents.iter().map(|d| d.source.as_str()).collect();
        // Graphs of earlier versions of the same files (a file is read once per ingest, whole
        // in one batch: in a store this ingest began empty, its file has no other graph).
        let asked = if written.is_none() {
            sources
        } else {
            BTreeSet::new()
        };
        for src in asked {
            for g in self.graphs_of_source(src)? {
                let id = g.as_str().trim_start_matches(vocab::DOC);
                if !new_ids.contains(id) {
                    let removed = self.remove_article(&g)?;
                    report.replaced += 1;
                    if let Some(c) = changes.as_deref_mut() {
                        c.articles(-1);
                        for q in removed {
                            c.touch(&q);
                            if Changes::concerns(&q) {
                                c.remove(q);
                            }
                        }
                    }
                }
            }
        }
        // Entity descriptions, facts and background facts are idempotent: bulk-loaded.
        let mut background = rdf::scheme_quads();
        background.extend(rdf::entity_quads(x, generated_at));
        background.extend(rdf::fact_quads(x));
        background.extend(rdf::gazetteer_quads(x));
        // Articles: the bulk loader is fast but not atomic, so an article counts as written
        // only once its completion marker is committed, after its quads. An article graph
        // without the marker was cut off by a crash: it is removed and written again.
        let index = rdf::DocIndex::new(x);
        let mut todo: Vec<usize> = Vec::new();
        let mut in_batch: HashSet<&str> = HashSet::new();
        for (i, d) in x.documents.iter().enumerate() {
            if let Some(written) = written.as_deref_mut() {
                // The same text twice (two copies of a file) is one article.
                if !written.insert(d.id.clone()) {
                    report.unchanged += 1;
                    continue;
                }
                todo.push(i);
                continue;
            }
            let g = NamedNode::new_unchecked(vocab::doc_iri(&d.id));
            if !in_batch.insert(&d.id) || self.is_complete(&g)? {
                report.unchanged += 1;
                continue;
            }
            if self.inner.contains_named_graph(&g)? {
                self.inner.remove_named_graph(&g)?;
            } else if let Some(c) = changes.as_deref_mut() {
                c.articles(1);
            }
            todo.push(i);
        }
        let checks = t_checks.elapsed();
        // Article quads are mostly evidence (its quads and the relation's triple per sentence)
        // and mentions: enough to size the loader's files.
        let evidence_and_mentions: usize = x
            .relations
            .iter()
            .map(|r| (rdf::EVIDENCE_QUADS + 1) * r.evidence.len())
            .chain(x.entities.iter().map(|e| e.mentions.len()))
            .sum();
        for chunk in todo.chunks(1 << 16) {
            let estimate =
                background.len() + evidence_and_mentions * chunk.len() / x.documents.len().max(1);
            // One call, one stream: every call to the loader ends in a write of its own.
            let written = &mut report.quads_written;
            let quads = std::mem::take(&mut background)
                .into_iter()
                .chain(
                    chunk
                        .iter()
                        .flat_map(|&i| rdf::document_quads_indexed(x, i, generated_at, &index)),
                )
                .inspect(|q| {
                    *written += 1;
                    if let Some(t) = tally.as_deref_mut() {
                        t.observe(q);
                    }
                    // Only quads the store did not hold change it. Once the changes are too
                    // many to follow, the store is no longer asked.
                    if let Some(c) = changes.as_deref_mut() {
                        c.touch(q);
                        if !c.recompute() && Changes::concerns(q) {
                            match self.inner.contains(q) {
                                Ok(false) => c.add(q.clone()),
                                Ok(true) => {}
                                Err(_) => c.give_up(),
                            }
                        }
                    }
                });
            // Bounded memory: the loader's buffers stay the same whatever the batch. About
            // 500 MB (shared by its two threads) keeps the time per batch flat over a 100k-
            // article ingest: with 256 MB the batches slowed from 8 s to 20 s as the store
            // grew, RocksDB compacting the smaller files again and again (100k articles: 195 s
            // instead of 221 s; 1 GB gained another 8% but peaked at 1.49 GiB).
            //
            // 448, not 512: each loader thread preallocates hash sets for its file's quads,
            // and hashbrown rounds a capacity up to a power of two of buckets. Files of
            // 224,000 quads fit 2^18 buckets; files of 256,000 took 2^19, twice the memory
            // for 14% more quads. Peak RSS of a 10k-article ingest 0.87–0.94 → 0.65–0.75 GiB
            // at the same speed; of a 100k-article ingest 0.96–1.01 GiB (over 1 GiB in one of
            // five runs) → 0.84–0.97 GiB, whose peak is now the statistics at the end.
            //
            // The loader cuts its input into files of `memory × 1000 / threads` quads and
            // writes each on its own thread, so a batch smaller than one file (1,000 articles:
            // 226,000 quads) was written by one thread. Its buffer follows the batch's
            // estimated size below the budget, so that every batch is cut into a file per core.
            let t_load = std::time::Instant::now();
            self.bulk_load(quads, estimate)?;
            let load = t_load.elapsed();
            let t_marks = std::time::Instant::now();
            // The markers are written once the article quads are in, by the loader as well:
            // each marks one article, so a crash among them only leaves articles to write
            // again. Through a transaction they sat in the write-ahead log, which a flush at
            // the end of the ingest had to write out (see `refresh_statistics`).
            let marks = chunk.iter().map(|&i| {
                completion_marker(&NamedNode::new_unchecked(vocab::doc_iri(
                    &x.documents[i].id,
                )))
            });
            self.bulk_load(marks, chunk.len())?;
            if timing {
                eprintln!(
                    "batch: {} articles, checks {:?}, load {:?} ({} quads), markers {:?}",
                    chunk.len(),
                    checks,
                    load,
                    report.quads_written,
                    t_marks.elapsed()
                );
            }
            report.added += chunk.len();
        }
        // With no article to write, the entity descriptions (still in `background`, which the
        // first chunk takes) are not written: they were with the articles already there.
        // No flush here: RocksDB's flush waits until its compactions have brought level 0
        // under the write-stall limits, and in a 100k-article ingest four of the sixteen
        // batches waited 12–28 s (70 s in all) with the extraction of the next batch blocked
        // behind them (three runs 272.7–311.6 s, median 278.7, against 307–324 s). The next
        // batch's loader flushes the memtable itself when it ingests its files, without that
        // wait (its loads took as long as before). The markers are loaded as well, so no
        // write-ahead log is left to flush at the end either (`refresh_statistics`).
        if timing {
            eprintln!("whole batch {:?}", t_checks.elapsed());
        }
        Ok(report)
    }

    /// Subject and object IRIs of every fact with `predicate` in the knowledge graph (the
    /// default graph): one index range scan, no SPARQL.
    pub fn facts(&self, predicate: &str) -> Result<Vec<(String, String)>> {
        let p = NamedNode::new_unchecked(predicate);
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(p.as_ref()),
            None,
            Some(GraphNameRef::DefaultGraph),
        ) {
            let q = q?;
            if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (q.subject, q.object) {
                out.push((s.into_string(), o.into_string()));
            }
        }
        Ok(out)
    }

    /// Subject IRI and literal value (with its language) of every `predicate` triple in the
    /// default graph: one index range scan (labels of all entities, for example).
    pub fn literals(&self, predicate: &str) -> Result<Vec<(String, String, String)>> {
        let p = NamedNode::new_unchecked(predicate);
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(p.as_ref()),
            None,
            Some(GraphNameRef::DefaultGraph),
        ) {
            let q = q?;
            if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (q.subject, q.object) {
                let lang = l.language().unwrap_or_default().to_string();
                out.push((s.into_string(), l.value().to_string(), lang));
            }
        }
        Ok(out)
    }

    /// The literal values of `iri`'s `predicate` in the default graph, with their languages.
    pub fn values_of(&self, iri: &str, predicate: &str) -> Result<Vec<(String, String)>> {
        let s = NamedNode::new_unchecked(iri);
        let p = NamedNode::new_unchecked(predicate);
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            Some(s.as_ref().into()),
            Some(p.as_ref()),
            None,
            Some(GraphNameRef::DefaultGraph),
        ) {
            if let Term::Literal(l) = q?.object {
                out.push((
                    l.value().to_string(),
                    l.language().unwrap_or_default().to_string(),
                ));
            }
        }
        Ok(out)
    }

    /// Every relation the articles state with `iri` as subject or object, one per evidence
    /// sentence, read straight from the evidence nodes' index entries (no query planning, so
    /// the cost is proportional to the entity's own evidence, whatever the store's size).
    pub fn stated_relations(&self, iri: &str) -> Result<Vec<Stated>> {
        let e = Term::NamedNode(NamedNode::new_unchecked(iri));
        let rdf = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::RDF));
        let (subj, obj) = (rdf("subject"), rdf("object"));
        let mut out = Vec::new();
        for role in [&subj, &obj] {
            for q in self
                .inner
                .quads_for_pattern(None, Some(role.as_ref()), Some(e.as_ref()), None)
            {
                let q = q?;
                let GraphName::NamedNode(g) = &q.graph_name else {
                    continue;
                };
                out.push(self.evidence_node(&q.subject, g)?);
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The fields of one evidence node in article graph `g`.
    fn evidence_node(&self, node: &NamedOrBlankNode, g: &NamedNode) -> Result<Stated> {
        let mut st = Stated {
            doc: g.as_str().to_string(),
            ..Default::default()
        };
        for f in self.inner.quads_for_pattern(
            Some(node.as_ref()),
            None,
            None,
            Some(GraphNameRef::NamedNode(g.as_ref())),
        ) {
            let f = f?;
            match f
                .predicate
                .as_str()
                .rsplit(['#', '/'])
                .next()
                .unwrap_or_default()
            {
                "subject" => st.subject = term_str(&f.object),
                "predicate" => st.predicate = term_str(&f.object),
                "object" => st.object = term_str(&f.object),
                "sentence" => st.sentence = term_str(&f.object),
                "charStart" => st.start = term_str(&f.object).parse().unwrap_or(0),
                "charEnd" => st.end = term_str(&f.object).parse().unwrap_or(0),
                _ => {}
            }
        }
        Ok(st)
    }

    /// How many `property` relations `iri` has in the knowledge graph (the default graph), as
    /// subject (`out`) or object. Counted by the SPARQL engine on the store's term ids: a hub's
    /// ten thousand relations are counted without reading one name.
    ///
    /// Hubs' counts (over [`HUB_DEGREE`]) are read from the statistics graph, where every
    /// write through zonekg refreshes them: counting 11,000 relations took 6 ms of a 100k-
    /// article hub's 16 ms card.
    pub fn count_relations(&self, iri: &str, property: &str, out: bool) -> Result<usize> {
        let stored = NamedNode::new_unchecked(degree_property(property, out));
        if let Some(n) = self.statistic(iri, &stored)?.and_then(|v| v.parse().ok()) {
            return Ok(n);
        }
        if out {
            self.count(&format!("<{iri}> <{property}> ?x"))
        } else {
            self.count(&format!("?x <{property}> <{iri}>"))
        }
    }

    /// The first `limit` entities at the other end of `iri`'s `property` relations in the
    /// knowledge graph, in the store's index order (reading stops at `limit`).
    pub fn related(
        &self,
        iri: &str,
        property: &str,
        out: bool,
        limit: usize,
    ) -> Result<Vec<String>> {
        let e = NamedNode::new_unchecked(iri);
        let p = NamedNode::new_unchecked(property);
        let dg = GraphNameRef::DefaultGraph;
        let found: Vec<Quad> = if out {
            self.inner
                .quads_for_pattern(Some(e.as_ref().into()), Some(p.as_ref()), None, Some(dg))
                .take(limit)
                .collect::<std::result::Result<_, _>>()?
        } else {
            self.inner
                .quads_for_pattern(None, Some(p.as_ref()), Some(e.as_ref().into()), Some(dg))
                .take(limit)
                .collect::<std::result::Result<_, _>>()?
        };
        Ok(found
            .into_iter()
            .map(|q| {
                if out {
                    term_str(&q.object)
                } else {
                    term_str(&Term::from(q.subject))
                }
            })
            .collect())
    }

    /// Up to `limit` sentences that state `subject property object`, and whether there are
    /// more. The articles stating it are read from the relation's own index entries, then
    /// only their evidence nodes: the cost follows `limit`, not how often it is stated.
    /// `by_object` looks the evidence nodes up by the object instead of the subject: the end
    /// that is not a hub has fewer of them in an article.
    pub fn evidence_for(
        &self,
        subject: &str,
        property: &str,
        object: &str,
        limit: usize,
        by_object: bool,
    ) -> Result<(Vec<Stated>, bool)> {
        let s = NamedNode::new_unchecked(subject);
        let p = NamedNode::new_unchecked(property);
        let o = Term::NamedNode(NamedNode::new_unchecked(object));
        let rdf = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::RDF));
        let zkg = |l: &str| NamedNode::new_unchecked(format!("{}{l}", vocab::ZKG));
        let (rdf_subject, rdf_predicate, rdf_object) =
            (rdf("subject"), rdf("predicate"), rdf("object"));
        let (sentence, char_start, char_end) = (zkg("sentence"), zkg("charStart"), zkg("charEnd"));
        let subj = Term::NamedNode(s.clone());
        let (key, key_value, other, other_value) = if by_object {
            (&rdf_object, o.as_ref(), &rdf_subject, subj.as_ref())
        } else {
            (&rdf_subject, subj.as_ref(), &rdf_object, o.as_ref())
        };
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            Some(s.as_ref().into()),
            Some(p.as_ref()),
            Some(o.as_ref()),
            None,
        ) {
            let q = q?;
            let GraphName::NamedNode(g) = &q.graph_name else {
                continue;
            };
            if out.len() >= limit {
                out.sort();
                return Ok((out, true));
            }
            let gr = GraphNameRef::NamedNode(g.as_ref());
            for n in
                self.inner
                    .quads_for_pattern(None, Some(key.as_ref()), Some(key_value), Some(gr))
            {
                let n = n?.subject;
                // The article's other evidence nodes of that end are passed over by two index
                // probes; for this relation's only the three fields not known yet are read.
                let has = |k: &NamedNode, v: TermRef<'_>| {
                    self.inner
                        .contains(QuadRef::new(n.as_ref(), k.as_ref(), v, gr))
                };
                if !(has(&rdf_predicate, p.as_ref().into())? && has(other, other_value)?) {
                    continue;
                }
                let field = |k: &NamedNode| -> Result<String> {
                    Ok(self
                        .inner
                        .quads_for_pattern(Some(n.as_ref()), Some(k.as_ref()), None, Some(gr))
                        .next()
                        .transpose()?
                        .map(|f| term_str(&f.object))
                        .unwrap_or_default())
                };
                out.push(Stated {
                    subject: subject.to_string(),
                    predicate: property.to_string(),
                    object: object.to_string(),
                    doc: g.as_str().to_string(),
                    start: field(&char_start)?.parse().unwrap_or(0),
                    end: field(&char_end)?.parse().unwrap_or(0),
                    sentence: field(&sentence)?,
                });
            }
        }
        let more = out.len() > limit;
        out.sort();
        out.truncate(limit);
        Ok((out, more))
    }

    /// Subjects (IRIs) of the default graph's triples `?s predicate object`.
    pub fn subjects(&self, predicate: &str, object: &Term) -> Result<Vec<String>> {
        let p = NamedNode::new_unchecked(predicate);
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(p.as_ref()),
            Some(object.as_ref()),
            Some(GraphNameRef::DefaultGraph),
        ) {
            if let NamedOrBlankNode::NamedNode(n) = q?.subject {
                out.push(n.into_string());
            }
        }
        Ok(out)
    }

    /// The IRIs of the default graph's triples `iri predicate ?o`.
    pub fn objects(&self, iri: &str, predicate: &str) -> Result<Vec<String>> {
        let s = NamedNode::new_unchecked(iri);
        let p = NamedNode::new_unchecked(predicate);
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            Some(s.as_ref().into()),
            Some(p.as_ref()),
            None,
            Some(GraphNameRef::DefaultGraph),
        ) {
            if let Term::NamedNode(n) = q?.object {
                out.push(n.into_string());
            }
        }
        Ok(out)
    }

    /// In how many articles `iri` is mentioned.
    pub fn mention_count(&self, iri: &str) -> Result<usize> {
        let s = NamedNode::new_unchecked(iri);
        let p = NamedNode::new_unchecked(format!("{}mentionedIn", vocab::ZKG));
        let mut n = 0;
        for q in self
            .inner
            .quads_for_pattern(Some(s.as_ref().into()), Some(p.as_ref()), None, None)
        {
            q?;
            n += 1;
        }
        Ok(n)
    }

    /// The title of an article graph.
    pub fn title(&self, doc: &str) -> Result<Option<String>> {
        let g = NamedNode::new_unchecked(doc);
        let p = NamedNode::new_unchecked(format!("{}title", vocab::DCT));
        self.first_value(&g, &p, &g)
    }

    /// The value of the first `s p ?o` in graph `g`, if any.
    fn first_value(&self, s: &NamedNode, p: &NamedNode, g: &NamedNode) -> Result<Option<String>> {
        let first = self
            .inner
            .quads_for_pattern(
                Some(s.as_ref().into()),
                Some(p.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            )
            .next();
        Ok(first.transpose()?.map(|q| term_str(&q.object)))
    }

    /// Compacts the underlying RocksDB database (a no-op in memory): after a bulk load the data
    /// sits in many files, and every lookup has to consult each of them.
    pub fn optimize(&self) -> Result<()> {
        #[cfg(feature = "rocksdb")]
        self.inner.optimize()?;
        Ok(())
    }

    /// Removes an article graph and the facts of the default graph that only it stated.
    fn remove_article(&self, g: &NamedNode) -> Result<Vec<Quad>> {
        let gr = GraphNameRef::NamedNode(g.as_ref());
        let mut stated: Vec<Quad> = Vec::new();
        for p in vocab::RELATION_PROPERTIES {
            let p = NamedNode::new_unchecked(*p);
            for q in self
                .inner
                .quads_for_pattern(None, Some(p.as_ref()), None, Some(gr))
            {
                stated.push(q?);
            }
        }
        self.inner.remove_named_graph(g)?;
        let mut removed = Vec::new();
        for q in stated {
            let still = self
                .inner
                .quads_for_pattern(
                    Some(q.subject.as_ref()),
                    Some(q.predicate.as_ref()),
                    Some(q.object.as_ref()),
                    None,
                )
                .any(|other| other.is_ok_and(|o| !o.graph_name.is_default_graph()));
            if !still {
                let fact = Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph);
                if self.inner.contains(fact.as_ref())? {
                    self.inner.remove(fact.as_ref())?;
                    removed.push(fact);
                }
            }
        }
        Ok(removed)
    }

    /// Rewrites the VoID description of the store (graph [`STATISTICS_GRAPH`]): entities per
    /// class and triples per relation in the knowledge graph, the number of articles, the
    /// place profiles (zones and industries per place and industry category), the industry
    /// sets (zones grouped by the industries they lead in) and the counts of hubs' relations
    /// (terms under [`STATS`]). Kept so that counting questions do not have to scan the store;
    /// refreshed after every write through zonekg (ingest, load, update).
    pub fn refresh_statistics(&self) -> Result<()> {
        self.write_statistics(None, HUB_DEGREE)
    }

    /// [`Store::refresh_statistics`] keeping the counts of entities with more than
    /// `hub_degree` relations of a kind instead of [`HUB_DEGREE`] (tests use a low one, so
    /// that a small store has hubs).
    pub fn refresh_statistics_at(&self, hub_degree: usize) -> Result<()> {
        self.write_statistics(None, hub_degree)
    }

    /// [`Store::refresh_statistics`] at the end of an ingest into a store that held articles:
    /// the statistics are updated from the `changes` it made instead of recomputed (see
    /// [`Changes`]), unless they are too many.
    pub fn finish_changes(&self, changes: &Changes) -> Result<()> {
        self.finish_changes_at(changes, HUB_DEGREE).map(|_| ())
    }

    /// [`Store::finish_changes`] with another hub threshold (see
    /// [`Store::refresh_statistics_at`]); whether the statistics were updated (`false`:
    /// recomputed).
    pub fn finish_changes_at(&self, changes: &Changes, hub_degree: usize) -> Result<bool> {
        let timing = crate::debug_timing();
        let t = std::time::Instant::now();
        let Some((remove, insert)) =
            crate::statistics::statistics_update(self, changes, hub_degree)?
        else {
            if timing {
                eprintln!("statistics: {} changes, recomputed", changes.len());
            }
            return self.write_statistics(None, hub_degree).map(|_| false);
        };
        let g = NamedNode::new_unchecked(STATISTICS_GRAPH);
        let mut tx = self.inner.start_transaction()?;
        tx.insert_named_graph(&g);
        tx.remove(&stale_marker());
        for q in &remove {
            tx.remove(q);
        }
        for q in &insert {
            tx.insert(q);
        }
        // The cards of the hubs this ingest touched go with the statistics they were made
        // with, so that a write cut off before the cards are made again leaves none stale.
        let touched = changes.touched();
        for q in self.card_quads() {
            let q = q?;
            let stale = match (&q.subject, touched) {
                (NamedOrBlankNode::NamedNode(n), Some(t)) => t.contains(n),
                _ => true,
            };
            if stale {
                tx.remove(&q);
            }
        }
        tx.commit()?;
        if timing {
            eprintln!(
                "statistics updated from {} changes: {} quads removed, {} added, {:?}",
                changes.len(),
                remove.len(),
                insert.len(),
                t.elapsed()
            );
        }
        self.flush_after_write()?;
        self.write_hub_cards(changes.touched())?;
        Ok(true)
    }

    /// [`Store::refresh_statistics`] at the end of an ingest into a store that held no
    /// article: the statistics are made from what the ingest tallied as it wrote (see
    /// [`crate::statistics`]) instead of read back from the store.
    pub fn finish_fresh_ingest(&self, fresh: &FreshIngest) -> Result<()> {
        self.write_statistics(Some(fresh), HUB_DEGREE)
    }

    /// The statistics graph's quads: read from the store, or made from `fresh`'s tally when
    /// given (the ingest that kept it wrote the whole knowledge graph). Entities with more
    /// than `hub_degree` relations of one kind have their count kept ([`HUB_DEGREE`]).
    pub fn statistics_quads(
        &self,
        fresh: Option<&FreshIngest>,
        hub_degree: usize,
    ) -> Result<Vec<Quad>> {
        let t_counts = std::time::Instant::now();
        let g = NamedNode::new_unchecked(STATISTICS_GRAPH);
        let gn = GraphName::NamedNode(g.clone());
        let void = |l: &str| NamedNode::new_unchecked(format!("{VOID}{l}"));
        let rdf_type = NamedNode::new_unchecked(format!("{}type", vocab::RDF));
        let dataset = crate::statistics::dataset_node();
        let documents = match fresh {
            // Every article graph is one this ingest wrote.
            Some(f) => f.written.len(),
            None => self.documents()?,
        };
        let mut quads = vec![
            Quad::new(
                dataset.clone(),
                rdf_type.clone(),
                void("Dataset"),
                gn.clone(),
            ),
            Quad::new(
                dataset.clone(),
                void("documents"),
                Literal::from(documents as i64),
                gn.clone(),
            ),
        ];
        for class in vocab::CLASSES {
            let c = NamedNode::new_unchecked(*class);
            let n = match fresh {
                Some(f) => f.tally.entities(class),
                None => self.count(&format!("?s a <{class}>"))?,
            };
            let part = crate::statistics::class_partition(class);
            quads.push(Quad::new(
                dataset.clone(),
                void("classPartition"),
                part.clone(),
                gn.clone(),
            ));
            quads.push(Quad::new(part.clone(), void("class"), c, gn.clone()));
            quads.push(Quad::new(
                part,
                void("entities"),
                Literal::from(n as i64),
                gn.clone(),
            ));
        }
        for p in vocab::RELATION_PROPERTIES {
            let pn = NamedNode::new_unchecked(*p);
            let n = match fresh {
                Some(f) => f.tally.triples(p),
                None => self.count(&format!("?s <{p}> ?o"))?,
            };
            let part = crate::statistics::property_partition(p);
            quads.push(Quad::new(
                dataset.clone(),
                void("propertyPartition"),
                part.clone(),
                gn.clone(),
            ));
            quads.push(Quad::new(part.clone(), void("property"), pn, gn.clone()));
            quads.push(Quad::new(
                part,
                void("triples"),
                Literal::from(n as i64),
                gn.clone(),
            ));
        }
        let timing = crate::debug_timing();
        let t0 = std::time::Instant::now();
        match fresh {
            Some(f) => {
                let (names, inputs) = f.tally.profile_inputs();
                quads.extend(crate::statistics::profile_quads(names, &inputs, &gn));
            }
            None => quads.extend(self.place_profiles(&gn)?),
        }
        let t1 = std::time::Instant::now();
        match fresh {
            Some(f) => {
                for p in vocab::RELATION_PROPERTIES {
                    for out in [true, false] {
                        for (x, n) in f.tally.hubs(p, out, hub_degree) {
                            quads.push(crate::statistics::hub_degree_quad(
                                NamedNode::new_unchecked(x),
                                p,
                                out,
                                n,
                                &gn,
                            ));
                        }
                    }
                }
            }
            None => quads.extend(self.hub_degrees(&gn, hub_degree)?),
        }
        if timing {
            eprintln!(
                "statistics{}: counts {:?}, place profiles {:?}, hub degrees {:?}, {} quads",
                if fresh.is_some() { " (tallied)" } else { "" },
                t0 - t_counts,
                t1 - t0,
                t1.elapsed(),
                quads.len()
            );
        }
        Ok(quads)
    }

    /// Writes the statistics graph (see [`Store::statistics_quads`]).
    fn write_statistics(&self, fresh: Option<&FreshIngest>, hub_degree: usize) -> Result<()> {
        let timing = crate::debug_timing();
        let quads = self.statistics_quads(fresh, hub_degree)?;
        let g = NamedNode::new_unchecked(STATISTICS_GRAPH);
        // Only what changed is written. Replacing the whole graph (142,000 quads on a 100k-
        // article store) in one transaction took 12 of the 17 s that adding one article to
        // that store took; a small ingest changes a few counts. Each new quad is checked
        // against the old set: a set of the new quads as well lifted the peak memory of a
        // 100k-article ingest over 1 GiB (1,017,776 → 1,055,684 KiB).
        let tw = std::time::Instant::now();
        let mut old: HashSet<Quad> = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .collect::<std::result::Result<_, _>>()?;
        let (added, removed);
        let marker = stale_marker();
        let only_marker = old.len() == 1 && old.contains(&marker);
        if old.is_empty() || only_marker {
            // A store's first statistics (every fresh ingest): nothing to remove, so the bulk
            // loader writes them. A transaction reads each quad's index entries before writing
            // it: 142,000 quads took 10.4 s at the end of a 100k-article ingest, while RocksDB
            // still compacted the last batches (2.0 s at 10k). The loader is not atomic, but a
            // writer holds the store's lock, and statistics cut off by a crash are mended by the
            // next write, which compares them with the recomputed ones quad by quad.
            added = quads.len();
            removed = usize::from(only_marker);
            self.bulk_load(quads, added)?;
            // Only once all of them are in.
            self.inner.remove(&marker)?;
        } else {
            let mut t = self.inner.start_transaction()?;
            t.insert_named_graph(&g);
            let mut n = 0usize;
            for q in &quads {
                if !old.remove(q) {
                    t.insert(q);
                    n += 1;
                }
            }
            added = n;
            removed = old.len();
            for q in &old {
                t.remove(q);
            }
            t.commit()?;
        }
        if timing {
            eprintln!(
                "statistics written: {removed} quads removed, {added} added, {:?}",
                tw.elapsed()
            );
        }
        self.flush_after_write()?;
        self.write_hub_cards(None).map(|_| ())
    }

    /// The statistics-graph property holding a hub's default card (`stats:card`).
    fn card_property() -> NamedNode {
        NamedNode::new_unchecked(format!("{STATS}card"))
    }

    /// Writes the default card of every hub (an entity whose count of one kind of relation the
    /// statistics keep) into the statistics graph as `hub stats:card "JSON"`, replacing the
    /// cards there. A hub's card reads the first ten relations of every kind with their
    /// sentences, titles and labels, about 800 index entries: 7.6–12 ms on the 100k store
    /// however the reads were arranged (see docs/PERFORMANCE.md), against 0.5–1.2 ms for a
    /// typical entity's. Made here, with the statistics that every write through zonekg
    /// refreshes, it is read back as one literal. Only the cards of hubs in `changed` are
    /// made again when it is given (the rest are kept); cards of entities that are no longer
    /// hubs are removed. Returns the number of cards made.
    fn write_hub_cards(&self, changed: Option<&HashSet<NamedNode>>) -> Result<usize> {
        use rayon::prelude::*;
        let t = std::time::Instant::now();
        let g = NamedNode::new_unchecked(STATISTICS_GRAPH);
        let gr = GraphNameRef::NamedNode(g.as_ref());
        let mut hubs: BTreeSet<NamedNode> = BTreeSet::new();
        for p in vocab::RELATION_PROPERTIES {
            for out in [true, false] {
                let dp = NamedNode::new_unchecked(degree_property(p, out));
                for q in self
                    .inner
                    .quads_for_pattern(None, Some(dp.as_ref()), None, Some(gr))
                {
                    if let NamedOrBlankNode::NamedNode(n) = q?.subject {
                        hubs.insert(n);
                    }
                }
            }
        }
        let card = Self::card_property();
        let old: HashSet<Quad> = self.card_quads().collect::<Result<_>>()?;
        let carded: HashSet<NamedNode> = old
            .iter()
            .filter_map(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        // Kept: the cards of hubs that did not change; the others are made (again), and so
        // are the missing ones (a store written before cards were kept).
        let remake = |h: &NamedNode| !carded.contains(h) || changed.is_none_or(|c| c.contains(h));
        let old: HashSet<Quad> = old
            .into_iter()
            .filter(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n) => !hubs.contains(n) || remake(n),
                _ => true,
            })
            .collect();
        let hubs: Vec<NamedNode> = hubs.into_iter().filter(|h| remake(h)).collect();
        let new: Vec<Quad> = hubs
            .par_iter()
            .map(|h| -> Result<Quad> {
                let json = crate::kg::default_card_json(self, h.as_str())?;
                Ok(Quad::new(
                    h.clone(),
                    card.clone(),
                    Literal::new_simple_literal(json),
                    GraphName::NamedNode(g.clone()),
                ))
            })
            .collect::<Result<_>>()?;
        let mut old = old;
        let mut tx = self.inner.start_transaction()?;
        for q in &new {
            if !old.remove(q) {
                tx.insert(q);
            }
        }
        for q in &old {
            tx.remove(q);
        }
        let written = !new.is_empty() || !old.is_empty();
        tx.commit()?;
        if written {
            // Flushed on their own, after the statistics' flush has waited for the ingest's
            // compactions: made before, on a store fresh from a 100k-article bulk ingest, the
            // 226 cards took 15 s (each read merging the level-0 files the ingest left).
            self.flush_after_write()?;
        }
        if crate::debug_timing() {
            eprintln!("hub cards written: {} in {:?}", new.len(), t.elapsed());
        }
        Ok(new.len())
    }

    /// The default card of `iri` as [`Store::write_hub_cards`] kept it (JSON), if it is a hub
    /// and the statistics are not stale (a write under way or cut off).
    pub(crate) fn hub_card(&self, iri: &str) -> Result<Option<String>> {
        let Some(card) = self.statistic(iri, &Self::card_property())? else {
            return Ok(None);
        };
        if self.inner.contains(&stale_marker())? {
            return Ok(None);
        }
        Ok(Some(card))
    }

    /// The literal value of `iri`'s `property` in the statistics graph (a hub's count or card).
    fn statistic(&self, iri: &str, property: &NamedNode) -> Result<Option<String>> {
        let Ok(s) = NamedNode::new(iri) else {
            return Ok(None);
        };
        self.first_value(&s, property, &NamedNode::new_unchecked(STATISTICS_GRAPH))
    }

    /// The kept cards (see [`Store::write_hub_cards`]).
    fn card_quads(&self) -> impl Iterator<Item = Result<Quad>> + '_ {
        let g = NamedNode::new_unchecked(STATISTICS_GRAPH);
        self.inner
            .quads_for_pattern(
                None,
                Some(Self::card_property().as_ref()),
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            )
            .map(|q| q.map_err(Error::from))
    }

    /// Flushes the store after its last write.
    fn flush_after_write(&self) -> Result<()> {
        // The statistics are the last write of every ingest, load and update; the flush after
        // them waits until RocksDB's compactions have brought each index's level 0 under the
        // write-stall limits. Without it a bulk ingest leaves its last batches' files there
        // (24–42 per index after 100k articles), and since readers open the store read-only,
        // which never compacts, every read merges them until the next write: a hub's card
        // took 56 ms instead of 7.7 ms (the same as after a full `optimize`). The wait is the
        // compaction the ingest's batches left: 50 s after the tallied 100k ingest, next to
        // nothing after 10k articles.
        #[cfg(feature = "rocksdb")]
        {
            let tf = std::time::Instant::now();
            self.inner.flush()?;
            if crate::debug_timing() {
                eprintln!("statistics flushed: {:?}", tf.elapsed());
            }
        }
        Ok(())
    }

    /// The counts of hubs' relations: `E stats:in-P N` for every entity E that is the object
    /// of more than [`HUB_DEGREE`] `P` relations (`stats:out-P` as subject). Grouped by the
    /// SPARQL engine on term ids, one property and direction at a time, on all cores.
    fn hub_degrees(&self, g: &GraphName, hub_degree: usize) -> Result<Vec<Quad>> {
        use rayon::prelude::*;
        let jobs: Vec<(&str, bool)> = vocab::RELATION_PROPERTIES
            .iter()
            .flat_map(|p| [(*p, true), (*p, false)])
            .collect();
        let found: Vec<Vec<Quad>> = jobs
            .par_iter()
            .map(|&(p, out)| -> Result<Vec<Quad>> {
                let pattern = if out { format!("?x <{p}> ?y") } else { format!("?y <{p}> ?x") };
                let q = format!(
                    "SELECT ?x (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?x HAVING (COUNT(*) > {hub_degree})"
                );
                let mut quads = Vec::new();
                if let Answer::Solutions { rows, .. } = self.query_with_options(&q, None, false)? {
                    for r in rows {
                        if let (Some(Some(Term::NamedNode(x))), Some(Some(Term::Literal(n)))) =
                            (r.first(), r.get(1))
                        {
                            // COUNT gives an xsd:integer; the quad is made from the number, as
                            // the other two paths make it.
                            if let Ok(n) = n.value().parse::<usize>() {
                                quads.push(crate::statistics::hub_degree_quad(
                                    x.clone(),
                                    p,
                                    out,
                                    n,
                                    g,
                                ));
                            }
                        }
                    }
                }
                Ok(quads)
            })
            .collect::<Result<_>>()?;
        Ok(found.into_iter().flatten().collect())
    }

    /// The place profiles: for every place and strategic emerging industry category, how
    /// many zones (with their parks) located in the place — up to three `locatedIn` hops —
    /// lead in an industry of the category, and which industries. `province_zone_industry`
    /// reads them: computed per query, the aggregate read every zone of a province and its
    /// industries (0.58 s for a province of 9,105 zones on a 100k-article store); here the
    /// whole store is done in one pass over five index scans joined in memory.
    ///
    /// A profile is `[ stats:place P ; stats:category C (absent: uncategorized) ;
    /// stats:zones N ; stats:industry I … ]`, named
    /// `<statistics#profile/place/P/industry/C>` (`…/uncategorized`). The industry sets are
    /// built from the same scans: `[ stats:setIndustry I … ; stats:size N ; stats:member Z … ]`.
    fn place_profiles(&self, g: &GraphName) -> Result<Vec<Quad>> {
        let z = vocab::ZKG;
        let pairs = |q: &str| -> Result<Vec<(String, String)>> {
            let q = format!(
                "PREFIX zkg: <{z}> PREFIX skos: <{}> SELECT ?a ?b WHERE {{ {q} }}",
                vocab::SKOS
            );
            let mut out = Vec::new();
            let results = SparqlEvaluator::new()
                .parse_query(&q)
                .map_err(|e| Error::Syntax(e.to_string()))?
                .on_store(&self.inner)
                .execute()
                .map_err(|e| Error::Evaluation(e.to_string()))?;
            if let QueryResults::Solutions(rows) = results {
                for row in rows {
                    let row = row.map_err(|e| Error::Evaluation(e.to_string()))?;
                    if let (Some(Term::NamedNode(a)), Some(Term::NamedNode(b))) =
                        (row.get("a"), row.get("b"))
                    {
                        out.push((a.as_str().to_string(), b.as_str().to_string()));
                    }
                }
            }
            Ok(out)
        };
        // Each pattern is its own scan, joined here instead of in SPARQL (an index probe per
        // zone: 6 s for the whole join at 100k articles). The scans run on all cores: most of
        // their time is decoding terms (3.6 s one after another at 100k articles).
        const SCANS: [&str; 6] = [
            "{ SELECT ?a WHERE { ?a a zkg:Zone } } { SELECT ?a ?b WHERE { ?a zkg:locatedIn ?b } }",
            "?a a zkg:Place ; zkg:locatedIn ?b",
            "?a a zkg:Place BIND(?a AS ?b)",
            "?a zkg:partOf ?b",
            "?a zkg:hasIndustry ?b",
            "?b skos:topConceptOf ?s . ?a skos:broader* ?b",
        ];
        use rayon::prelude::*;
        let scanned: Vec<Vec<(String, String)>> =
            SCANS.par_iter().map(|q| pairs(q)).collect::<Result<_>>()?;
        // Terms are interned: the scans return hundreds of thousands of rows at 100k articles.
        let mut names = crate::statistics::Names::default();
        let mut scanned: Vec<Vec<(u32, u32)>> = scanned
            .into_iter()
            .map(|v| {
                v.into_iter()
                    .map(|(a, b)| (names.id(&a), names.id(&b)))
                    .collect()
            })
            .collect();
        let mut inputs = crate::statistics::ProfileInputs {
            broader: scanned.pop().unwrap_or_default(),
            industries: scanned.pop().unwrap_or_default(),
            part_of: scanned.pop().unwrap_or_default(),
            ..Default::default()
        };
        inputs.places = scanned
            .pop()
            .unwrap_or_default()
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        inputs.place_in = scanned.pop().unwrap_or_default();
        inputs.zone_in = scanned.pop().unwrap_or_default();
        Ok(crate::statistics::profile_quads(&names, &inputs, g))
    }

    /// How many solutions a basic graph pattern has in the default graph. Counted by the
    /// SPARQL engine on term ids: iterating the quads decodes every term (a lookup each),
    /// which made refreshing the statistics of a 100k-article store take 21 s.
    fn count(&self, pattern: &str) -> Result<usize> {
        let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}");
        match self.query_with_options(&q, None, false)? {
            Answer::Solutions { rows, .. } => Ok(rows
                .first()
                .and_then(|r| r.first().cloned().flatten())
                .and_then(|t| match t {
                    Term::Literal(l) => l.value().parse().ok(),
                    _ => None,
                })
                .unwrap_or(0)),
            _ => Ok(0),
        }
    }

    /// Whether an article graph was written completely (its marker is there).
    fn is_complete(&self, g: &NamedNode) -> Result<bool> {
        Ok(self.inner.contains(&completion_marker(g))?)
    }

    fn graphs_of_source(&self, src: &str) -> Result<Vec<NamedNode>> {
        let q = format!(
            "SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{}source> {} }} }}",
            vocab::ZKG,
            oxigraph::model::Literal::new_simple_literal(src)
        );
        let mut out = Vec::new();
        if let Answer::Solutions { rows, .. } = self.query(&q)? {
            for r in rows {
                if let Some(Some(Term::NamedNode(n))) = r.first() {
                    out.push(n.clone());
                }
            }
        }
        Ok(out)
    }

    /// Runs a read-only SPARQL query. An update is refused with a pointer to `update`.
    pub fn query(&self, sparql: &str) -> Result<Answer> {
        self.query_with_timeout(sparql, None)
    }

    /// Runs a read-only SPARQL query, stopped after `timeout` with a clear error.
    pub fn query_with_timeout(
        &self,
        sparql: &str,
        timeout: Option<std::time::Duration>,
    ) -> Result<Answer> {
        self.query_with_options(sparql, timeout, true)
    }

    /// Runs a read-only SPARQL query. With `sort_here`, a final `ORDER BY` over projected
    /// variables is applied to the materialized rows instead of by the engine: Oxigraph's sort
    /// fetches each compared string from the store, which made sorting cost more than finding
    /// the rows for answers of thousands of rows. The order is SPARQL's (unbound first, then
    /// blank nodes, IRIs, literals; numbers by value, other literals by their text).
    pub fn query_with_options(
        &self,
        sparql: &str,
        timeout: Option<std::time::Duration>,
        sort_here: bool,
    ) -> Result<Answer> {
        if sort_here {
            if let Some((head, keys)) = trailing_order_by(sparql) {
                if let Answer::Solutions { vars, mut rows } =
                    self.query_with_options(head, timeout, false)?
                {
                    let idx: Option<Vec<(usize, bool)>> = keys
                        .iter()
                        .map(|(v, desc)| vars.iter().position(|x| x == v).map(|i| (i, *desc)))
                        .collect();
                    if let Some(idx) = idx {
                        rows.sort_by(|a, b| {
                            for &(i, desc) in &idx {
                                let o = cmp_sparql(a[i].as_ref(), b[i].as_ref());
                                let o = if desc { o.reverse() } else { o };
                                if o != std::cmp::Ordering::Equal {
                                    return o;
                                }
                            }
                            std::cmp::Ordering::Equal
                        });
                        return Ok(Answer::Solutions { vars, rows });
                    }
                }
                // A key that is not a projected variable: let the engine sort.
                return self.query_with_options(sparql, timeout, false);
            }
        }
        let token = oxigraph::sparql::CancellationToken::new();
        let _timer = timeout.map(|t| {
            // The timer thread cancels the evaluation; dropping `done` lets it exit early.
            let (done, wait) = std::sync::mpsc::channel::<()>();
            let token = token.clone();
            std::thread::spawn(move || {
                if wait.recv_timeout(t) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                    token.cancel();
                }
            });
            done
        });
        let evaluator = SparqlEvaluator::new().with_cancellation_token(token);
        let prepared = match evaluator.parse_query(sparql) {
            Ok(p) => p,
            Err(e) => {
                if SparqlEvaluator::new().parse_update(sparql).is_ok() {
                    return Err(Error::Invalid(
                        "this is a SPARQL Update; `query` is read-only, use `zonekg update`".into(),
                    ));
                }
                return Err(Error::Syntax(e.to_string()));
            }
        };
        // The default graph is the knowledge graph (entities and each relation once); the
        // article graphs are reached with GRAPH ?g. Not the union of all graphs: that would
        // repeat every relation once per article stating it and slow every join.
        let timed_out = |e: oxigraph::sparql::QueryEvaluationError| {
            if matches!(e, oxigraph::sparql::QueryEvaluationError::Cancelled) {
                Error::Evaluation(format!(
                    "query stopped after the timeout of {:?} (raise it with --timeout)",
                    timeout.unwrap_or_default()
                ))
            } else {
                Error::Evaluation(e.to_string())
            }
        };
        if std::env::var_os("ZONEKG_EXPLAIN").is_some() {
            // Developer aid: the evaluation plan with statistics, on stderr; the query is then
            // run again normally for its answer.
            if let Ok(p) = SparqlEvaluator::new().parse_query(sparql) {
                let (results, explanation) = p.on_store(&self.inner).compute_statistics().explain();
                if let Ok(QueryResults::Solutions(sols)) = results {
                    for _ in sols {}
                }
                eprintln!("{explanation:?}");
            }
        }
        let results = prepared
            .on_store(&self.inner)
            .execute()
            .map_err(timed_out)?;
        Ok(match results {
            QueryResults::Boolean(b) => Answer::Boolean(b),
            QueryResults::Solutions(sols) => {
                let vars: Vec<String> = sols
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for s in sols {
                    let s = s.map_err(timed_out)?;
                    rows.push(vars.iter().map(|v| s.get(v.as_str()).cloned()).collect());
                }
                Answer::Solutions { vars, rows }
            }
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    out.push(t.map_err(timed_out)?);
                }
                Answer::Graph(out)
            }
        })
    }

    /// Runs a SPARQL Update.
    pub fn update(&self, sparql: &str) -> Result<()> {
        let prepared = SparqlEvaluator::new()
            .parse_update(sparql)
            .map_err(|e| Error::Syntax(e.to_string()))?;
        self.mark_statistics_stale()?;
        prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| Error::Evaluation(e.to_string()))?;
        self.refresh_statistics()
    }

    /// Loads RDF (N-Quads, TriG, Turtle, N-Triples) from a reader.
    pub fn load(&self, format: RdfFormat, reader: impl std::io::Read) -> Result<()> {
        self.mark_statistics_stale()?;
        self.inner.load_from_reader(format, reader)?;
        self.refresh_statistics()
    }

    /// Writes the whole store (N-Quads or TriG).
    pub fn dump(&self, format: RdfFormat, writer: impl Write) -> Result<()> {
        self.inner
            .dump_to_writer(format, writer)
            .map_err(|e| Error::Invalid(e.to_string()))?;
        Ok(())
    }

    /// All quads (for tests and exports).
    pub fn quads(&self) -> Result<Vec<Quad>> {
        Ok(self.inner.iter().collect::<Result<Vec<_>, _>>()?)
    }

    /// Named graphs other than the ontology's: the articles.
    pub fn documents(&self) -> Result<usize> {
        let mut n = 0;
        for g in self.article_graphs() {
            g?;
            n += 1;
        }
        Ok(n)
    }

    /// Consistency problems: relations without evidence, entities without type or label,
    /// article graphs without their description. Empty when the store is whole.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let p = "PREFIX zkg: <https://w3id.org/zonekg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
";
        let checks = [
            ("relation without evidence", "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/zonekg/doc/\")) FILTER(?p IN (zkg:locatedIn, zkg:partOf, zkg:settledIn, org:subOrganizationOf, zkg:hasIndustry, zkg:inIndustry, zkg:cooperatesWith)) FILTER NOT EXISTS { GRAPH ?g { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; zkg:sentence ?t } } } LIMIT 20"),
            ("relation of the knowledge graph that no article or gazetteer states", "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(?p IN (zkg:locatedIn, zkg:partOf, zkg:settledIn, org:subOrganizationOf, zkg:hasIndustry, zkg:inIndustry, zkg:cooperatesWith)) FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } LIMIT 20"),
            ("entity without type or label", "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?e zkg:mentionedIn ?g } FILTER NOT EXISTS { ?e a ?t ; rdfs:label ?l } } LIMIT 20"),
            ("article graph without its description", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/zonekg/doc/\")) FILTER NOT EXISTS { GRAPH ?g { ?g a zkg:Document ; dct:title ?title } } } LIMIT 20"),
            ("half-written article (no completion marker; the next ingest rewrites it)", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/zonekg/doc/\")) FILTER NOT EXISTS { GRAPH ?g { ?g zkg:ingestComplete true } } } LIMIT 20"),
        ];
        for (what, q) in checks {
            if let Answer::Solutions { rows, .. } = self.query(&format!("{p}{q}"))? {
                for r in rows {
                    let cells: Vec<String> = r.iter().flatten().map(|t| t.to_string()).collect();
                    problems.push(format!("{what}: {}", cells.join(" ")));
                }
            }
        }
        Ok(problems)
    }

    /// Quads in the default graph.
    pub fn default_graph_len(&self) -> Result<usize> {
        Ok(self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .count())
    }
}
