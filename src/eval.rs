//! Scoring an extraction against gold annotations in the eval format
//! (`PREFIX.entities.tsv`, `PREFIX.relations.tsv`): a port of the reference `score.py`,
//! with the same matching rules, so that `zonekg eval` and the tests print its figures.

use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

/// Precision, recall and F1 counts for one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Scores of one part (entities or relations).
#[derive(Debug, Clone, Default)]
pub struct PartScore {
    /// Per type or predicate.
    pub by_class: BTreeMap<String, Counts>,
    /// Missed gold items.
    pub missed: Vec<String>,
    /// Spurious predictions.
    pub spurious: Vec<String>,
    /// Second nodes for one gold entity.
    pub split: Vec<String>,
}

impl PartScore {
    /// Totals over all classes.
    pub fn total(&self) -> Counts {
        self.by_class
            .values()
            .fold(Counts::default(), |a, c| Counts {
                tp: a.tp + c.tp,
                fp: a.fp + c.fp,
                fn_: a.fn_ + c.fn_,
            })
    }
}

/// The score of an extraction.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Entities.
    pub entities: PartScore,
    /// Relations.
    pub relations: PartScore,
}

struct GoldEntity {
    etype: String,
    forms: BTreeSet<String>,
    required: bool,
}

struct GoldRelation {
    s: String,
    p: String,
    o: BTreeSet<String>,
    required: bool,
}

/// The scorer's name normalization: NFKC, no whitespace or quotes, lower case, and for
/// industries a trailing 产业/行业/业 dropped.
pub fn norm(text: &str, etype: Option<&str>) -> String {
    let t: String = text
        .nfkc()
        .filter(|c| !c.is_whitespace() && !"“”\"'‘’《》「」".contains(*c))
        .collect::<String>()
        .to_lowercase();
    if etype == Some("Industry") {
        for suffix in ["产业", "行业", "业"] {
            if let Some(s) = t.strip_suffix(suffix) {
                if s.chars().count() >= 2 {
                    return s.to_string();
                }
            }
        }
    }
    t
}

fn read_tsv(text: &str, path: &str) -> Result<Vec<HashMap<String, String>>> {
    let mut rows = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        match &header {
            None => header = Some(cells),
            Some(h) => {
                if h.len() != cells.len() {
                    return Err(Error::Invalid(format!(
                        "{path}: expected {} columns: {line:?}",
                        h.len()
                    )));
                }
                rows.push(h.iter().cloned().zip(cells).collect());
            }
        }
    }
    Ok(rows)
}

/// Gold annotations.
pub struct Gold {
    entities: BTreeMap<String, GoldEntity>,
    relations: Vec<GoldRelation>,
}

impl Gold {
    /// Reads `PREFIX.entities.tsv` and `PREFIX.relations.tsv`.
    pub fn load(prefix: &str) -> Result<Self> {
        let read = |suffix: &str| -> Result<(String, String)> {
            let p = format!("{prefix}.{suffix}.tsv");
            let t = std::fs::read_to_string(&p).map_err(|e| Error::File {
                path: p.clone().into(),
                source: e,
            })?;
            Ok((t, p))
        };
        let (et, ep) = read("entities")?;
        let (rt, rp) = read("relations")?;
        Self::parse(&et, &ep, &rt, &rp)
    }

    /// Parses gold from the two files' texts.
    pub fn parse(entities: &str, epath: &str, relations: &str, rpath: &str) -> Result<Self> {
        let mut ents: BTreeMap<String, GoldEntity> = BTreeMap::new();
        for row in read_tsv(entities, epath)? {
            let etype = row["type"].clone();
            let key = row["canonical"].clone();
            let mut forms: BTreeSet<String> = row["surface"]
                .split('|')
                .map(|s| norm(s, Some(&etype)))
                .collect();
            forms.insert(norm(&key, Some(&etype)));
            let required = row["required"] == "y";
            match ents.get_mut(&key) {
                Some(prev) => {
                    prev.forms.extend(forms);
                    prev.required |= required;
                }
                None => {
                    ents.insert(
                        key,
                        GoldEntity {
                            etype,
                            forms,
                            required,
                        },
                    );
                }
            }
        }
        let mut rels = Vec::new();
        for row in read_tsv(relations, rpath)? {
            let o: BTreeSet<String> = row["object"].split('|').map(str::to_string).collect();
            for name in std::iter::once(&row["subject"]).chain(o.iter()) {
                if !ents.contains_key(name) {
                    return Err(Error::Invalid(format!(
                        "{rpath}: gold relation names unknown entity {name:?}"
                    )));
                }
            }
            rels.push(GoldRelation {
                s: row["subject"].clone(),
                p: row["predicate"].clone(),
                o,
                required: row["required"] == "y",
            });
        }
        Ok(Gold {
            entities: ents,
            relations: rels,
        })
    }

    /// Scores a prediction in the JSON shape of `extract --format json`.
    pub fn score(&self, predicted: &Value) -> Score {
        let empty = Vec::new();
        let pents = predicted
            .get("entities")
            .and_then(Value::as_array)
            .unwrap_or(&empty);
        let prels = predicted
            .get("relations")
            .and_then(Value::as_array)
            .unwrap_or(&empty);
        let mut score = Score::default();
        let mut matches: HashMap<String, BTreeSet<String>> = HashMap::new();
        let mut recalled: BTreeSet<String> = BTreeSet::new();
        let mut hits: HashMap<String, usize> = HashMap::new();
        for pe in pents {
            let etype = pe.get("type").and_then(Value::as_str).unwrap_or("");
            let mut forms: BTreeSet<String> = BTreeSet::new();
            let mut add = |s: Option<&str>| {
                if let Some(s) = s.filter(|s| !s.is_empty()) {
                    forms.insert(norm(s, Some(etype)));
                }
            };
            add(pe.get("label").and_then(Value::as_str));
            if let Some(l) = pe.get("labels").and_then(Value::as_object) {
                l.values().for_each(|v| add(v.as_str()));
            }
            if let Some(a) = pe.get("aliases").and_then(Value::as_array) {
                a.iter().for_each(|v| add(v.as_str()));
            }
            if let Some(m) = pe.get("mentions").and_then(Value::as_array) {
                m.iter()
                    .for_each(|v| add(v.get("text").and_then(Value::as_str)));
            }
            let mut keys: BTreeSet<String> = self
                .entities
                .iter()
                .filter(|(_, g)| g.etype == etype && !g.forms.is_disjoint(&forms))
                .map(|(k, _)| k.clone())
                .collect();
            keys.extend(
                self.entities
                    .iter()
                    .filter(|(_, g)| !g.required && !g.forms.is_disjoint(&forms))
                    .map(|(k, _)| k.clone()),
            );
            let id = pe
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            matches.insert(id, keys.clone());
            if etype == "Person" {
                continue;
            }
            let label = pe.get("label").and_then(Value::as_str).unwrap_or("");
            let c = score
                .entities
                .by_class
                .entry(etype.to_string())
                .or_default();
            let required: Vec<&String> =
                keys.iter().filter(|k| self.entities[*k].required).collect();
            if !required.is_empty() {
                let first = required
                    .iter()
                    .any(|k| hits.get(*k).copied().unwrap_or(0) == 0);
                for k in &required {
                    *hits.entry((*k).clone()).or_default() += 1;
                }
                if first {
                    c.tp += 1;
                    recalled.extend(required.iter().map(|k| (*k).clone()));
                } else {
                    c.fp += 1;
                    score.entities.split.push(format!("{etype}:{label}"));
                }
            } else if keys.is_empty() {
                c.fp += 1;
                score.entities.spurious.push(format!("{etype}:{label}"));
            }
        }
        for (k, g) in &self.entities {
            if g.required && g.etype != "Person" && !recalled.contains(k) {
                score
                    .entities
                    .by_class
                    .entry(g.etype.clone())
                    .or_default()
                    .fn_ += 1;
                score.entities.missed.push(format!("{}:{k}", g.etype));
            }
        }
        let labels: HashMap<&str, &str> = pents
            .iter()
            .map(|p| {
                (
                    p.get("id").and_then(Value::as_str).unwrap_or(""),
                    p.get("label").and_then(Value::as_str).unwrap_or(""),
                )
            })
            .collect();
        let mut seen = BTreeSet::new();
        let mut rel_recalled: BTreeSet<usize> = BTreeSet::new();
        let none = BTreeSet::new();
        // Gold relations by (predicate, subject): each predicted relation looks at the gold
        // relations of its matched subjects only (scanning all of them was quadratic: minutes
        // for 10,000 generated articles).
        let mut by_ps: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, g) in self.relations.iter().enumerate() {
            by_ps
                .entry((g.p.as_str(), g.s.as_str()))
                .or_default()
                .push(i);
        }
        for r in prels {
            let s = r.get("subject").and_then(Value::as_str).unwrap_or("");
            let p = r.get("predicate").and_then(Value::as_str).unwrap_or("");
            let o = r.get("object").and_then(Value::as_str).unwrap_or("");
            if !seen.insert((s, p, o)) {
                continue;
            }
            let gs = matches.get(s).unwrap_or(&none);
            let go = matches.get(o).unwrap_or(&none);
            let mut hit_required = BTreeSet::new();
            let mut hit_any = false;
            let mut candidates: Vec<usize> = gs
                .iter()
                .chain(if p == "cooperatesWith" {
                    go.iter()
                } else {
                    none.iter()
                })
                .flat_map(|k| by_ps.get(&(p, k.as_str())).into_iter().flatten().copied())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for i in candidates {
                let g = &self.relations[i];
                let mut ok = gs.contains(&g.s) && !g.o.is_disjoint(go);
                if !ok && p == "cooperatesWith" {
                    ok = go.contains(&g.s) && !g.o.is_disjoint(gs);
                }
                if ok {
                    hit_any = true;
                    if g.required {
                        hit_required.insert(i);
                    }
                }
            }
            let c = score.relations.by_class.entry(p.to_string()).or_default();
            if !hit_required.is_empty() {
                if !hit_required.is_subset(&rel_recalled) {
                    c.tp += 1;
                }
                rel_recalled.extend(hit_required);
            } else if !hit_any {
                c.fp += 1;
                score.relations.spurious.push(format!(
                    "{} {p} {}",
                    labels.get(s).copied().unwrap_or(s),
                    labels.get(o).copied().unwrap_or(o)
                ));
            }
        }
        for (i, g) in self.relations.iter().enumerate() {
            if g.required && !rel_recalled.contains(&i) {
                score.relations.by_class.entry(g.p.clone()).or_default().fn_ += 1;
                score.relations.missed.push(format!(
                    "{} {} {}",
                    g.s,
                    g.p,
                    g.o.iter().cloned().collect::<Vec<_>>().join("|")
                ));
            }
        }
        score
    }
}

/// Writes a report in the layout of `score.py`.
pub fn report(score: &Score, show_errors: bool) -> String {
    let mut out = String::new();
    for (name, part) in [
        ("entities", &score.entities),
        ("relations", &score.relations),
    ] {
        out.push_str(&format!("{name}:\n"));
        for (c, n) in &part.by_class {
            if n.tp + n.fp + n.fn_ > 0 {
                let (p, r, f) = n.prf();
                out.push_str(&format!(
                    "  {c:<18} P={p:.3} R={r:.3} F1={f:.3}  (tp={} fp={} fn={})\n",
                    n.tp, n.fp, n.fn_
                ));
            }
        }
        let t = part.total();
        let (p, r, f) = t.prf();
        out.push_str(&format!(
            "  {:<18} P={p:.3} R={r:.3} F1={f:.3}  (tp={} fp={} fn={})\n",
            "ALL", t.tp, t.fp, t.fn_
        ));
        if show_errors {
            let mut items: Vec<(&str, &String)> = Vec::new();
            for (label, list) in [
                ("missed", &part.missed),
                ("spurious", &part.spurious),
                ("split", &part.split),
            ] {
                let mut l: Vec<&String> = list.iter().collect();
                l.sort();
                items.extend(l.into_iter().map(|i| (label, i)));
            }
            for (label, item) in items {
                out.push_str(&format!("    {label}: {item}\n"));
            }
        }
    }
    let (_, _, ef) = score.entities.total().prf();
    let (_, _, rf) = score.relations.total().prf();
    out.push_str(&format!("entity_f1={ef:.3} relation_f1={rf:.3}\n"));
    out
}
