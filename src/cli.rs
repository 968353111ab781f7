//! Command-line arguments (clap derive). Doc comments are the help text.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// zonekg — knowledge graphs of China's innovation geography from Chinese news.
#[derive(Debug, Parser)]
#[command(name = "zonekg", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// The JSON object of DESIGN.md.
    Json,
    /// N-Quads: entity descriptions in the default graph, each article in its named graph.
    Nquads,
    /// TriG: the same quads, grouped by graph.
    Trig,
    /// Turtle: the same statements without graph names.
    Turtle,
}

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns.
    Table,
    /// SPARQL CSV results.
    Csv,
    /// SPARQL TSV results.
    Tsv,
    /// SPARQL JSON results.
    Json,
}

/// RDF formats of `dump` and `load`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RdfFormatArg {
    /// N-Quads.
    Nquads,
    /// TriG.
    Trig,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract from files or folders and write into the store.
    Ingest {
        /// Files or folders of UTF-8 text.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
        /// Print only errors.
        #[arg(long, short)]
        quiet: bool,
        /// Print each batch as it is written.
        #[arg(long, short)]
        verbose: bool,
        /// Text per batch in MiB: memory stays bounded by it.
        #[arg(long, default_value_t = 8)]
        batch_mib: usize,
        /// Replace undecodable bytes instead of refusing the file.
        #[arg(long)]
        lossy: bool,
        /// Skip files larger than this many bytes.
        #[arg(long, default_value_t = 64 << 20)]
        max_file_size: u64,
    },
    /// Extract from files or folders and print the result (no store).
    Extract {
        /// Files or folders of UTF-8 text.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExtractFormat,
    },
    /// Run a read-only SPARQL query: text, --file F, or --name N for queries/N.rq.
    Query {
        /// The SPARQL text.
        sparql: Option<String>,
        /// Read the query from a file.
        #[arg(long, conflicts_with_all = ["sparql", "name"])]
        file: Option<PathBuf>,
        /// Run a named query from queries/ (`--name list` lists them).
        #[arg(long, conflicts_with = "sparql")]
        name: Option<String>,
        /// Parameters of a named query, as key=value.
        #[arg(long = "param", short = 'p', value_parser = parse_kv)]
        params: Vec<(String, String)>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
        /// Stop the query after this many seconds.
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Check the store: every relation has evidence, every entity a type and label, no
    /// article half-written.
    Check {
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Compact the store (RocksDB) so that queries read fewer files; worth running after a
    /// large ingest.
    Optimize {
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Run a SPARQL Update against the store.
    Update {
        /// The SPARQL Update text.
        sparql: Option<String>,
        /// Read it from a file.
        #[arg(long, conflicts_with = "sparql")]
        file: Option<PathBuf>,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Show an entity: type, labels, aliases, relations in and out with their evidence.
    Lookup {
        /// Any label, alias or English name, or an IRI.
        name: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Relations shown of each kind (property and direction); the card counts them all.
        #[arg(long, default_value_t = 10)]
        relations: usize,
        /// Sentences shown per relation.
        #[arg(long, default_value_t = 2)]
        evidence: usize,
        /// Every relation with every sentence (a hub's card runs to thousands of lines).
        #[arg(long, conflicts_with_all = ["relations", "evidence"])]
        all: bool,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Counts: documents, entities by type, relations by predicate, quads.
    Stats {
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Write the whole store as N-Quads or TriG.
    Dump {
        /// Output format.
        #[arg(long, value_enum, default_value = "nquads")]
        format: RdfFormatArg,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Score extraction against gold annotations (PREFIX.entities.tsv, PREFIX.relations.tsv):
    /// precision, recall and F1 per type, per predicate and overall, as score.py prints them.
    Eval {
        /// The gold prefix, e.g. tests/gold/seed.
        #[arg(long)]
        gold: String,
        /// The texts the gold describes (files or folders, in the gold's article order).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// List misses, spurious items and splits.
        #[arg(long)]
        show_errors: bool,
        /// Exit 1 when entity F1 is below this.
        #[arg(long, default_value_t = 0.0)]
        min_entity_f1: f64,
        /// Exit 1 when relation F1 is below this.
        #[arg(long, default_value_t = 0.0)]
        min_relation_f1: f64,
    },
    /// Entities within N relations of NAME, each with the relation that reached it.
    Neighbors {
        /// Any label, alias, English name or IRI.
        name: String,
        /// How many relations away.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Only these predicates (repeatable).
        #[arg(long = "predicate")]
        predicates: Vec<String>,
        /// Only entities of these types (repeatable): Zone, Company, Institution, Industry, Place.
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<zonekg::EntityType>,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// How FROM is connected to TO: each hop with its relation and evidence sentence.
    Path {
        /// Where the path starts.
        from: String,
        /// Where it ends.
        to: String,
        /// The longest path considered (with --all).
        #[arg(long, default_value_t = 4)]
        max_len: usize,
        /// Every simple path up to --max-len, not only a shortest one.
        #[arg(long)]
        all: bool,
        /// Never pass through entities of these types (repeatable), e.g. --avoid-type Place.
        #[arg(long = "avoid-type", value_parser = parse_type)]
        avoid_types: Vec<zonekg::EntityType>,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Export the graph (or the part around a name): Graphviz DOT, SVG, PNG, or RDF.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "dot")]
        format: ExportFormat,
        /// Only the part around this entity.
        #[arg(long)]
        around: Option<String>,
        /// How many relations around --around.
        #[arg(long, default_value_t = 2)]
        depth: usize,
        /// Only entities of these types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<zonekg::EntityType>,
        /// Draw each zone as a cluster with its parks and settled organizations.
        #[arg(long)]
        cluster: bool,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// The most connected zones, companies and institutions.
    Rank {
        /// Only this type.
        #[arg(long = "type", value_parser = parse_type)]
        etype: Option<zonekg::EntityType>,
        /// How many.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
    /// Load RDF files (N-Quads, TriG, Turtle, N-Triples by extension) into the store.
    Load {
        /// RDF files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The store directory.
        #[arg(long, default_value = "zonekg.db")]
        store: PathBuf,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// SVG (runs Graphviz `dot`).
    Svg,
    /// PNG (runs Graphviz `dot`).
    Png,
    /// N-Quads of the whole store.
    Nquads,
    /// TriG of the whole store.
    Trig,
    /// Turtle of the whole store (without graph names).
    Turtle,
}

fn parse_type(s: &str) -> Result<zonekg::EntityType, String> {
    zonekg::EntityType::parse(s).ok_or_else(|| {
        format!("unknown type {s:?} (Zone, Company, Institution, Industry, Place, Person)")
    })
}

fn parse_kv(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .ok_or_else(|| format!("expected key=value, got {s:?}"))
}
