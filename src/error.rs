//! The library's error type.

use std::path::PathBuf;

/// Everything that can go wrong in zonekg.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file.
    #[error("{path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
    /// A file that is not UTF-8 text.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Another process holds the store.
    #[error("store {path} is in use by another process")]
    StoreLocked {
        /// The store directory.
        path: PathBuf,
    },
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] oxigraph::store::StorageError),
    /// Loading RDF failed.
    #[error("RDF: {0}")]
    Load(#[from] oxigraph::store::LoaderError),
    /// A SPARQL syntax error, with its position.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// Evaluating SPARQL failed.
    #[error("SPARQL evaluation: {0}")]
    Evaluation(String),
    /// No entity has that name.
    #[error("no entity named {name:?}{}", if suggestions.is_empty() { String::new() } else { format!("; did you mean: {}?", suggestions.join(", ")) })]
    UnknownName {
        /// The name asked for.
        name: String,
        /// Close matches.
        suggestions: Vec<String>,
    },
    /// A named query that does not exist.
    #[error("no query named {0:?} (see queries/)")]
    UnknownQuery(String),
    /// Bad input of another kind.
    #[error("{0}")]
    Invalid(String),
    /// I/O without a file name.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
