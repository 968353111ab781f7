//! zonekg builds knowledge graphs of China's innovation geography from Chinese news.
#![warn(missing_docs)]

pub mod gazetteer;
pub mod json;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod recognize;
pub mod relations;
pub mod resolve;
pub mod vocab;

pub use model::*;
pub use pipeline::{extract, Input};
