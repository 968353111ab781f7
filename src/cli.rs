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

fn parse_kv(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .ok_or_else(|| format!("expected key=value, got {s:?}"))
}
