//! The JSON shape of `zonekg extract --format json` (DESIGN.md).
//!
//! The shape is written by borrowed structs that serde serializes straight to the writer:
//! building a `serde_json::Value` tree of a large extraction first took as long as the
//! extraction itself. Fields are declared in alphabetical order, the order a `Value` object
//! (a sorted map) prints them in, so both ways give the same bytes (a test holds them to it).

use crate::model::{CharSpan, Extraction};
use crate::vocab::entity_iri;
use serde::Serialize;
use serde_json::Value;

/// The JSON object of the design contract, borrowing from an [`Extraction`].
#[derive(Serialize)]
pub struct JsonView<'a> {
    documents: Vec<JsonDocument<'a>>,
    entities: Vec<JsonEntity<'a>>,
    relations: Vec<JsonRelation<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: &'a str,
    source: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    aliases: &'a [String],
    id: &'a str,
    label: &'a str,
    labels: JsonLabels<'a>,
    mentions: Vec<JsonMention<'a>>,
    #[serde(rename = "type")]
    etype: &'static str,
}

#[derive(Serialize)]
struct JsonLabels<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<&'a str>,
    zh: &'a str,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    doc: &'a str,
    end: usize,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonRelation<'a> {
    evidence: Vec<JsonEvidence<'a>>,
    object: &'a str,
    predicate: &'static str,
    subject: &'a str,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    doc: &'a str,
    end: usize,
    sentence: &'a str,
    start: usize,
}

/// The entity IRIs of an extraction, in entity order; [`view`] borrows them.
pub fn iris(x: &Extraction) -> Vec<String> {
    // On all cores: normalizing and hashing 200,000 labels took a tenth of a 10,000-article
    // extract on one.
    use rayon::prelude::*;
    x.entities
        .par_iter()
        .map(|e| entity_iri(e.etype, &e.label))
        .collect()
}

/// The JSON shape of `x`, for `serde_json::to_writer` and the like. `iris` is [`iris`]`(x)`.
pub fn view<'a>(x: &'a Extraction, iris: &'a [String]) -> JsonView<'a> {
    let span = |s: &CharSpan| (s.start, s.end);
    JsonView {
        documents: x
            .documents
            .iter()
            .map(|d| JsonDocument {
                id: &d.id,
                source: &d.source,
                title: &d.title,
            })
            .collect(),
        entities: x
            .entities
            .iter()
            .zip(iris)
            .map(|(e, iri)| JsonEntity {
                aliases: &e.aliases,
                id: iri,
                label: &e.label,
                labels: JsonLabels {
                    en: e.label_en.as_deref(),
                    zh: &e.label,
                },
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let (start, end) = span(&m.span);
                        JsonMention {
                            doc: &m.doc,
                            end,
                            start,
                            text: &m.text,
                        }
                    })
                    .collect(),
                etype: e.etype.as_str(),
            })
            .collect(),
        relations: x
            .relations
            .iter()
            .map(|r| JsonRelation {
                evidence: r
                    .evidence
                    .iter()
                    .map(|e| {
                        let (start, end) = span(&e.span);
                        JsonEvidence {
                            doc: &e.doc,
                            end,
                            sentence: &e.sentence,
                            start,
                        }
                    })
                    .collect(),
                object: &iris[r.object],
                predicate: r.predicate.as_str(),
                subject: &iris[r.subject],
            })
            .collect(),
    }
}

/// Renders an extraction as the JSON object of the design contract, as a value (for the
/// scorer and tests; to write it, serialize [`view`] instead).
pub fn to_json(x: &Extraction) -> Value {
    let iris = iris(x);
    serde_json::to_value(view(x, &iris)).expect("strings and numbers serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;

    /// Written straight from the view, the bytes are those of the sorted `Value`: the
    /// fields stay in the order the output has always had.
    #[test]
    fn the_view_prints_as_the_value_does() {
        let text = "# 白河高新区引进新项目\n\n白河高新区管委会与青松大学签约共建研究院。\
                    白河星辰科技有限公司落户白河高新区,主营集成电路。\n";
        let x = crate::extract(&[Input {
            source: "a.txt".into(),
            text: text.into(),
        }]);
        assert!(!x.relations.is_empty() && !x.entities.is_empty());
        let iris = iris(&x);
        let direct = serde_json::to_string_pretty(&view(&x, &iris)).unwrap();
        let value = serde_json::to_string_pretty(&to_json(&x)).unwrap();
        assert_eq!(direct, value);
        assert!(direct.contains("\"labels\": {\n"), "{direct}");
    }
}
