//! The extraction pipeline: files → articles → mentions → entities → relations.
//!
//! Input: (source, text) pairs. Output: an [`Extraction`]. Knows nothing of RDF or stores.

use crate::model::{Entity, EntityType, Evidence, Extraction, MentionRef, Relation};
use crate::normalize::{split_articles, Article};
use crate::recognize::{Mention, RECOGNIZER};
use crate::relations;
use crate::resolve::{
    gazetteer_entry, EntityTable, NewShortForms, Overlay, Prepared, ShortFormCache,
};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// One input text and where it came from.
#[derive(Debug, Clone)]
pub struct Input {
    /// A path or name shown as the document source.
    pub source: String,
    /// The text.
    pub text: String,
}

/// What linking a mention needs from its article alone (its gazetteer entry, its place and,
/// when `record`ed, its text in the original), for each mention of one article.
fn prepare(a: &Article, ms: &[Mention], record: bool) -> Vec<Prepared> {
    // Byte offset of each character of the original text (and of its end).
    let starts: Vec<usize> = if record {
        crate::normalize::char_starts(&a.doc.text)
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
                doc: record.then(|| a.doc.id.clone()),
            }
        })
        .collect()
}

/// One article's mentions between finding and linking: `prepared` is set once they are
/// found.
struct Slot {
    mentions: Vec<Mention>,
    prepared: Option<Vec<Prepared>>,
}

/// The table being built, article by article in order: `next` is the first article not
/// linked yet.
struct Linker {
    table: EntityTable,
    ids: Vec<Vec<usize>>,
    paren: Vec<(usize, String)>,
    next: usize,
}

impl Linker {
    /// Links the articles from `next` on as long as they are found.
    fn advance(&mut self, slots: &[Mutex<Slot>]) {
        while let Some(slot) = slots.get(self.next) {
            let mut slot = lock(slot);
            let Some(prepared) = slot.prepared.take() else {
                return;
            };
            let v = self.table.link(&slot.mentions, prepared);
            for (k, m) in slot.mentions.iter().enumerate() {
                if let Some(p) = &m.paren_alias {
                    self.paren.push((v[k], p.clone()));
                }
            }
            self.ids.push(v);
            self.next += 1;
        }
    }
}

/// A mutex's guard; a panic elsewhere (which the caller sees anyway) does not poison it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Makes every article's mentions (`update` finds or revises those of one article) and links
/// them into one table. `record` says whether the mentions themselves are kept: the first
/// pass only needs the names (for the rescan), so it skips computing each mention's original
/// text.
///
/// Finding mentions runs on all cores; the table's bookkeeping must take the articles in
/// order, on one core at a time. The two overlap: the cores take the articles in order, and
/// after each article the core that finds the table free links every article found so far,
/// so the linking no longer waits for the last article (on two cores it was a tenth of a
/// 10,000-article extraction, run on one core). With `overlap` off, all linking is left to
/// the end (the tests compare the two).
fn link_all(
    arts: &[Article],
    mentions: &mut [Vec<Mention>],
    update: impl Fn(&Article, &mut Vec<Mention>) + Sync,
    record: bool,
    forms: &ShortFormCache,
    overlap: bool,
) -> (EntityTable, Vec<Vec<usize>>, NewShortForms) {
    let slots: Vec<Mutex<Slot>> = mentions
        .iter_mut()
        .map(|m| {
            Mutex::new(Slot {
                mentions: std::mem::take(m),
                prepared: None,
            })
        })
        .collect();
    let linker = Mutex::new(Linker {
        table: EntityTable::default(),
        ids: Vec::with_capacity(arts.len()),
        paren: Vec::new(),
        next: 0,
    });
    let taken = AtomicUsize::new(0);
    (0..rayon::current_num_threads())
        .into_par_iter()
        .for_each(|_| loop {
            let i = taken.fetch_add(1, Ordering::Relaxed);
            let Some(a) = arts.get(i) else {
                return;
            };
            let mut ms = std::mem::take(&mut lock(&slots[i]).mentions);
            update(a, &mut ms);
            let prepared = prepare(a, &ms, record);
            {
                let mut slot = lock(&slots[i]);
                slot.mentions = ms;
                slot.prepared = Some(prepared);
            }
            if overlap {
                if let Ok(mut linker) = linker.try_lock() {
                    linker.advance(&slots);
                }
            }
        });
    let mut linker = linker.into_inner().unwrap_or_else(|e| e.into_inner());
    linker.advance(&slots);
    debug_assert_eq!(linker.next, arts.len());
    for (m, slot) in mentions.iter_mut().zip(slots) {
        *m = slot
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .mentions;
    }
    let Linker {
        mut table,
        ids,
        paren,
        ..
    } = linker;
    let new = table.merge_aliases(&paren, forms);
    (table, ids, new)
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
    extract_linking(arts, true)
}

/// [`extract_articles`], with or without linking while finding (see [`link_all`]): the result
/// does not depend on it.
fn extract_linking(arts: Vec<Article>, overlap: bool) -> Extraction {
    let rec = &*RECOGNIZER;
    let timing = crate::debug_timing();
    let t0 = std::time::Instant::now();
    let lap = |what: &str| {
        if timing {
            eprintln!("{what}: {:.2}s", t0.elapsed().as_secs_f64());
        }
    };
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); arts.len()];
    // Second pass: names found once are found everywhere, in their short forms too.
    let mut forms = ShortFormCache::default();
    let (table, _, new_forms) = link_all(
        &arts,
        &mut mentions,
        |a, ms| *ms = rec.recognize(&a.norm),
        false,
        &forms,
        overlap,
    );
    lap("recognize and link 1");
    let names = table.rescan_names();
    lap(&format!("rescan names ({})", names.len()));
    // While the names' index is built, the first pass's short forms are kept for the second
    // and its table, which served only for the names, is freed.
    let (ac, ()) = rayon::join(
        || crate::recognize::Recognizer::names_automaton(&names),
        || {
            forms.add(new_forms);
            drop(table);
        },
    );
    lap("names automaton");
    let (mut table, ids, _) = link_all(
        &arts,
        &mut mentions,
        |a, ms| rec.rescan(&a.norm, &names, &ac, ms),
        true,
        &forms,
        overlap,
    );
    lap("rescan and link 2");
    // A name that only describes (无人机基地) is a proper name only if the corpus repeats it,
    // by name or by 该 and its suffix after it (…研究院。该研究院将落户…).
    let by_doc: std::collections::HashMap<&str, usize> = arts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.doc.id.as_str(), i))
        .collect();
    for n in table.nodes.iter_mut() {
        if n.merged_into.is_none()
            && n.gaz.is_none()
            && matches!(n.etype, EntityType::Zone | EntityType::Institution)
            && n.mentions.len() < 2
            && (rec.is_descriptive(&n.label)
                || (n.etype == EntityType::Zone
                    && !rec.has_strong_suffix(&n.label)
                    // 某某高新区顺德园: a park named by its zone and district; 某某高新区
                    // 某某企业广场: an incubator there.
                    && !((n.label.ends_with('园') || n.label.ends_with("广场"))
                        && crate::lexicon::WHOLE_ZONE_SUFFIXES
                            .iter()
                            .any(|z| n.label.contains(z)))))
        {
            let referred = n.mentions.first().is_some_and(|m| {
                let Some(sfx) = rec.strong_suffix(&n.label) else {
                    return false;
                };
                by_doc.get(m.doc.as_str()).is_some_and(|&i| {
                    let a = &arts[i];
                    let t = &a.norm.text;
                    let from = t.find(n.label.as_str()).map_or(0, |i| i + n.label.len());
                    t[from..].contains(&format!("该{sfx}"))
                })
            });
            // Nor when it stands in a list beside a proper name of its kind (某某产业园、
            // 工业机器人产业园等专业园区): the list names parks, not kinds of park.
            let coordinated = n.mentions.first().is_some_and(|m| {
                by_doc.get(m.doc.as_str()).is_some_and(|&i| {
                    let t = &arts[i].norm.text;
                    t.match_indices(n.label.as_str()).any(|(at, _)| {
                        let end = at + n.label.len();
                        // The list must end in a head noun for parks (等专业园区, 等基地).
                        let mut last = end;
                        while t[last..].starts_with('、') {
                            match mentions[i]
                                .iter()
                                .find(|o| !o.nested && o.range.start == last + '、'.len_utf8())
                            {
                                Some(o) => last = o.range.end,
                                None => break,
                            }
                        }
                        let head: String = t[last..].chars().take(6).collect();
                        if !head.starts_with('等')
                            || !["园", "基地", "小镇", "片区"]
                                .iter()
                                .any(|w| head.contains(w))
                        {
                            return false;
                        }
                        mentions[i].iter().any(|o| {
                            o.etype == n.etype
                                && !o.nested
                                && o.text != n.label
                                && !rec.is_descriptive(&o.text)
                                && ((t[end..].starts_with('、')
                                    && o.range.start == end + '、'.len_utf8())
                                    || (t[..at].ends_with('、')
                                        && o.range.end == at - '、'.len_utf8()))
                        })
                    })
                })
            });
            // Nor when partners named before it built it (某某与某大学共建的智能网联汽车
            // 创新中心): the text introduces one particular centre.
            let introduced = n.mentions.first().is_some_and(|m| {
                by_doc.get(m.doc.as_str()).is_some_and(|&i| {
                    let t = &arts[i].norm.text;
                    t.match_indices(n.label.as_str()).any(|(at, _)| {
                        [
                            "共建的",
                            "合作设立的",
                            "共同组建的",
                            "联合成立的",
                            "共同建设的",
                        ]
                        .iter()
                        .any(|w| t[..at].ends_with(w))
                    })
                })
            });
            if !referred && !coordinated && !introduced {
                n.mentions.clear();
            }
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
    let (entities, relations) = focus_industries(entities, relations);
    let documents = arts.into_par_iter().map(|a| a.doc).collect();
    // What was built on the way is freed on all cores: the table, the mentions and the names
    // were a quarter of what a 10,000-article extraction left to one core.
    drop(ac);
    rayon::join(|| drop(table), || drop((mentions, ids, names, forms)));
    Extraction {
        documents,
        entities,
        relations,
    }
}

/// Industries named as a focus. An industry is an entity where a zone leads in it or an
/// organization works in it (eval/GUIDELINES.md: "a sector or technology field named as a
/// focus"); one named in passing (…金融、物流等配套服务, 农业 in a list of sectors) is not. Its
/// mentions in articles where no relation of it is stated are dropped, and an industry with no
/// relation at all with them. Decided article by article, so that shards of a corpus extracted
/// apart give the graph of the whole. On the two dev articles, 10 of 13 industries were named in
/// passing (entity F1 0.855 → 0.940); on the sample, 2 of 19 (0.968 → 0.981).
fn focus_industries(
    entities: Vec<Entity>,
    relations: Vec<Relation>,
) -> (Vec<Entity>, Vec<Relation>) {
    use std::collections::{HashMap, HashSet};
    // The articles that state a relation of each industry.
    let mut stated: HashMap<usize, HashSet<&str>> = HashMap::new();
    for r in &relations {
        for end in [r.subject, r.object] {
            if entities[end].etype == EntityType::Industry {
                stated
                    .entry(end)
                    .or_default()
                    .extend(r.evidence.iter().map(|e| e.doc.as_str()));
            }
        }
    }
    let mut at = vec![usize::MAX; entities.len()];
    let mut kept = Vec::with_capacity(entities.len());
    for (i, mut e) in entities.into_iter().enumerate() {
        if e.etype == EntityType::Industry {
            let Some(docs) = stated.get(&i) else {
                continue;
            };
            // A relation found without a mention in its article (from a name) keeps them all.
            if e.mentions.iter().any(|m| docs.contains(m.doc.as_str())) {
                e.mentions.retain(|m| docs.contains(m.doc.as_str()));
            }
        }
        at[i] = kept.len();
        kept.push(e);
    }
    // Every industry in a relation was kept.
    let relations = relations
        .into_iter()
        .map(|mut r| {
            r.subject = at[r.subject];
            r.object = at[r.object];
            r
        })
        .collect();
    (kept, relations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_depends_neither_on_linking_while_finding_nor_on_the_threads() {
        // Linking overlaps with finding: an article linked twice, skipped, or out of order
        // would change the entities and their mentions.
        let texts = [
            include_str!("../data/corpus/000_7926917dce1550ec.txt"),
            include_str!("../tests/gold/blind24/texts/01_listing.txt"),
            include_str!("../tests/gold/blind24/texts/02_teda.txt"),
            include_str!("../tests/gold/blind24/texts/03_silkroad.txt"),
        ];
        let arts = || -> Vec<Article> {
            texts
                .iter()
                .enumerate()
                .flat_map(|(i, t)| split_articles(t, &format!("{i}.txt")))
                .collect()
        };
        let n = arts().len();
        assert!(n >= 8, "{n} articles");
        let json = |x: &Extraction| crate::json::to_json(x).to_string();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let after = json(&one.install(|| extract_linking(arts(), false)));
        for threads in [1, 2, 3, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            for overlap in [false, true] {
                let x = pool.install(|| extract_linking(arts(), overlap));
                assert!(json(&x) == after, "overlap {overlap}, {threads} threads");
            }
        }
    }

    #[test]
    fn an_industry_named_only_in_passing_is_no_entity() {
        let text = "## 青岚高新区做强光伏产业\n\
                    本报讯 青岚高新区以光伏为主导产业,今年引进企业20家。\n\
                    ## 青岚高新区召开座谈会\n\
                    本报讯 座谈会上,企业代表就氢能、物流、光伏等配套服务交流了意见。\n";
        let x = extract(&[Input {
            source: "t.txt".into(),
            text: text.into(),
        }]);
        let industries: Vec<&Entity> = x
            .entities
            .iter()
            .filter(|e| e.etype == EntityType::Industry)
            .collect();
        let labels: Vec<&str> = industries.iter().map(|e| e.label.as_str()).collect();
        // The focus of the first article stays; what the second names in passing does not.
        assert_eq!(labels, ["光伏"], "{labels:?}");
        let focus = x.documents[0].id.as_str();
        assert!(industries[0].mentions.iter().all(|m| m.doc == focus));
        // Relations still point at the right entities after the others left.
        for r in &x.relations {
            if r.predicate == crate::model::Predicate::HasIndustry {
                assert_eq!(x.entities[r.object].label, "光伏");
                assert_eq!(x.entities[r.subject].etype, EntityType::Zone);
            }
        }
        assert!(x
            .relations
            .iter()
            .any(|r| r.predicate == crate::model::Predicate::HasIndustry));
    }
}
