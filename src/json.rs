//! The JSON shape of `zonekg extract --format json` (DESIGN.md).

use crate::model::Extraction;
use crate::vocab::entity_iri;
use serde_json::{json, Value};

/// Renders an extraction as the JSON object of the design contract.
pub fn to_json(x: &Extraction) -> Value {
    let iris: Vec<String> = x
        .entities
        .iter()
        .map(|e| entity_iri(e.etype, &e.label))
        .collect();
    let documents: Vec<Value> = x
        .documents
        .iter()
        .map(|d| json!({"id": d.id, "title": d.title, "source": d.source}))
        .collect();
    let entities: Vec<Value> = x
        .entities
        .iter()
        .zip(&iris)
        .map(|(e, iri)| {
            let mut labels = serde_json::Map::new();
            labels.insert("zh".into(), json!(e.label));
            if let Some(en) = &e.label_en {
                labels.insert("en".into(), json!(en));
            }
            json!({
                "id": iri,
                "type": e.etype.as_str(),
                "label": e.label,
                "labels": labels,
                "aliases": e.aliases,
                "mentions": e.mentions.iter().map(|m| json!({"doc": m.doc, "start": m.span.start, "end": m.span.end, "text": m.text})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let relations: Vec<Value> = x
        .relations
        .iter()
        .map(|r| {
            json!({
                "subject": iris[r.subject],
                "predicate": r.predicate.as_str(),
                "object": iris[r.object],
                "evidence": r.evidence.iter().map(|e| json!({"doc": e.doc, "sentence": e.sentence, "start": e.span.start, "end": e.span.end})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"documents": documents, "entities": entities, "relations": relations})
}
