//! The extraction pipeline: files → articles → mentions → entities → relations.
//!
//! Input: (source, text) pairs. Output: an [`Extraction`]. Knows nothing of RDF or stores.

use crate::model::{Entity, EntityType, Evidence, Extraction, MentionRef, Relation};
use crate::normalize::{split_articles, Article};
use crate::recognize::{Mention, RECOGNIZER};
use crate::relations;
use crate::resolve::{gazetteer_entry, EntityTable, Overlay, Prepared};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One input text and where it came from.
#[derive(Debug, Clone)]
pub struct Input {
    /// A path or name shown as the document source.
    pub source: String,
    /// The text.
    pub text: String,
}

/// Links every article's mentions into one table. `record` says whether the mentions
/// themselves are kept: the first pass only needs the names (for the rescan), so it skips
/// computing each mention's original text. What depends on a mention alone (its gazetteer
/// entry, its place in the original text) is computed for all articles in parallel first;
/// only the table's bookkeeping runs in article order.
fn link_all(
    arts: &[Article],
    mentions: &[Vec<Mention>],
    record: bool,
) -> (EntityTable, Vec<Vec<usize>>) {
    let prepared: Vec<Vec<Prepared>> = arts
        .par_iter()
        .zip(mentions.par_iter())
        .map(|(a, ms)| {
            // Byte offset of each character of the original text (and of its end).
            let starts: Vec<usize> = if record {
                a.doc
                    .text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(a.doc.text.len()))
                    .collect()
            } else {
                Vec::new()
            };
            ms.iter()
                .map(|m| {
                    let span = a.norm.to_orig(m.range.clone());
                    let text = match (starts.get(span.start), starts.get(span.end)) {
                        (Some(&s), Some(&e)) if record => a.doc.text[s..e].to_string(),
                        _ => String::new(),
                    };
                    Prepared {
                        entry: gazetteer_entry(m),
                        span,
                        text,
                    }
                })
                .collect()
        })
        .collect();
    let mut table = EntityTable::default();
    let mut ids = Vec::with_capacity(arts.len());
    let mut paren = Vec::new();
    for ((a, ms), p) in arts.iter().zip(mentions).zip(prepared) {
        let v = table.link(&a.doc.id, ms, p);
        for (k, m) in ms.iter().enumerate() {
            if let Some(p) = &m.paren_alias {
                paren.push((v[k], p.clone()));
            }
        }
        ids.push(v);
    }
    table.merge_aliases(&paren);
    (table, ids)
}

/// Runs the whole extraction over the inputs.
pub fn extract(inputs: &[Input]) -> Extraction {
    // Articles are normalized and recognized in parallel; resolution and relations, which
    // build one table across all articles, run after.
    let arts: Vec<Article> = inputs
        .par_iter()
        .map(|i| split_articles(&i.text, &i.source))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    extract_articles(arts)
}

/// Runs recognition, resolution and relation extraction over normalized articles.
pub fn extract_articles(arts: Vec<Article>) -> Extraction {
    let rec = &*RECOGNIZER;
    let timing = crate::debug_timing();
    let t0 = std::time::Instant::now();
    let lap = |what: &str| {
        if timing {
            eprintln!("{what}: {:.2}s", t0.elapsed().as_secs_f64());
        }
    };
    let mut mentions: Vec<Vec<Mention>> = arts.par_iter().map(|a| rec.recognize(&a.norm)).collect();
    lap("recognize");
    // Second pass: names found once are found everywhere, in their short forms too.
    let (table, _) = link_all(&arts, &mentions, false);
    lap("link 1");
    let names = table.rescan_names();
    lap(&format!("rescan names ({})", names.len()));
    let ac = crate::recognize::Recognizer::names_automaton(&names);
    lap("names automaton");
    arts.par_iter()
        .zip(mentions.par_iter_mut())
        .for_each(|(a, ms)| rec.rescan(&a.norm, &names, &ac, ms));
    lap("rescan");
    let (mut table, ids) = link_all(&arts, &mentions, true);
    lap("link 2");
    // A name that only describes (无人机基地) is a proper name only if the corpus repeats it.
    for n in table.nodes.iter_mut() {
        if n.merged_into.is_none()
            && n.gaz.is_none()
            && matches!(n.etype, EntityType::Zone | EntityType::Institution)
            && n.mentions.len() < 2
            && (rec.is_descriptive(&n.label)
                || (n.etype == EntityType::Zone && !rec.has_strong_suffix(&n.label)))
        {
            n.mentions.clear();
        }
    }
    if std::env::var_os("ZONEKG_DEBUG_MENTIONS").is_some() {
        for (a, ms) in arts.iter().zip(&mentions) {
            for m in ms {
                eprintln!(
                    "{}\t{}\t{:?}\t{:?}\t{}",
                    &a.doc.id[..6],
                    m.text,
                    m.etype,
                    m.origin,
                    if m.nested { "nested" } else { "" }
                );
            }
        }
    }
    // Relations per article in parallel, each over a read-only view of the table; what they
    // add to it (places and parents named inside names) is merged after, in article order.
    let found: Vec<_> = arts
        .par_iter()
        .zip(mentions.par_iter())
        .zip(ids.par_iter())
        .map(|((a, ms), v)| {
            let mut overlay = Overlay::new(&table);
            let rels = relations::extract(a, ms, v, &mut overlay);
            (rels, overlay.into_parts())
        })
        .collect();
    let mut raw = Vec::new();
    for (rels, parts) in found {
        let map = table.apply(parts);
        raw.extend(rels.into_iter().map(|mut r| {
            r.subject = map(r.subject);
            r.object = map(r.object);
            r
        }));
    }
    lap("relations");
    // Persons from bylines.
    for a in &arts {
        for b in &a.bylines {
            let n = table.intern(EntityType::Person, &b.name, None);
            table.nodes[n].mentions.push(MentionRef {
                doc: a.doc.id.clone(),
                span: b.span,
                text: b.name.clone(),
            });
        }
    }
    let (entities, pos): (Vec<Entity>, _) = table.finish();
    lap("finish");
    let mut rels: BTreeMap<(usize, crate::model::Predicate, usize), Vec<Evidence>> =
        BTreeMap::new();
    for r in raw {
        let (Some(&s), Some(&o)) = (
            pos.get(&table.find(r.subject)),
            pos.get(&table.find(r.object)),
        ) else {
            continue;
        };
        let ev = rels.entry((s, r.predicate, o)).or_default();
        if !ev.contains(&r.evidence) {
            ev.push(r.evidence);
        }
    }
    let relations = rels
        .into_iter()
        .map(|((subject, predicate, object), mut evidence)| {
            evidence.sort();
            Relation {
                subject,
                predicate,
                object,
                evidence,
            }
        })
        .collect();
    Extraction {
        documents: arts.into_iter().map(|a| a.doc).collect(),
        entities,
        relations,
    }
}
