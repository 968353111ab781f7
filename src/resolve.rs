//! Stage 3 — mentions → entities: one node per real-world thing across all documents.
//!
//! Input: the mentions of every article. Output: an [`EntityTable`] in which each mention
//! points to an entity. A name is linked to a gazetteer entry when one has it as label or
//! alias; otherwise names are merged by short forms derived by rule (strip the place
//! prefix and the legal or organizational suffix: 北京青鸟科技集团 → 青鸟科技), by names in
//! parentheses (`Medora(美朵拉)`), and English labels are attached where known.

use crate::gazetteer::{Gazetteer, GAZETTEER};
use crate::model::{CharSpan, Entity, EntityType, MentionRef};
use crate::recognize::{Mention, Origin, RECOGNIZER};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// An entity while the graph is being built.
#[derive(Debug, Clone)]
pub struct Node {
    /// Type.
    pub etype: EntityType,
    /// Canonical label.
    pub label: String,
    /// Gazetteer entry, if linked.
    pub gaz: Option<usize>,
    /// Other names.
    pub aliases: BTreeSet<String>,
    /// Mentions.
    pub mentions: Vec<MentionRef>,
    /// Merged into another node.
    pub merged_into: Option<usize>,
}

/// What linking a mention needs that depends on the mention alone (computed for every
/// article in parallel before the sequential linking): its gazetteer entry and its place and
/// text in the original article.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The gazetteer entry it names, if any.
    pub entry: Option<usize>,
    /// Its span in the original text.
    pub span: CharSpan,
    /// Its original text (empty when not recorded).
    pub text: String,
    /// The document's id when the mention is to be recorded (made here, in the parallel
    /// preparation, rather than in the linking that runs on one core).
    pub doc: Option<String>,
}

/// The gazetteer entry a mention names: found by the recognizer, or its exact name, or a
/// known zone named with its city in front (武汉东湖高新区).
pub fn gazetteer_entry(m: &Mention) -> Option<usize> {
    let gaz = &*GAZETTEER;
    if m.gaz.is_some() {
        return m.gaz;
    }
    if let Some(&g) = gaz
        .by_name
        .get(&m.text)
        .and_then(|v| v.iter().find(|&&i| gaz.entries[i].etype == m.etype))
    {
        return Some(g);
    }
    if m.etype != EntityType::Zone {
        return None;
    }
    gaz.place_prefix(&m.text)
        .and_then(|(_, len)| gaz.by_name.get(&m.text[len..]))
        .and_then(|v| {
            v.iter()
                .find(|&&i| gaz.entries[i].etype == EntityType::Zone)
                .copied()
        })
}

/// All entities of an extraction and the index to find them by name.
#[derive(Debug, Default)]
pub struct EntityTable {
    /// Nodes; merged ones point to their survivor.
    pub nodes: Vec<Node>,
    /// Names by type (nested so that a lookup by `&str` allocates nothing).
    index: HashMap<EntityType, HashMap<String, usize>>,
}

/// A read-only view of an [`EntityTable`] plus what one article's relation extraction adds
/// to it (places and parents named inside names, and their mentions). Articles are processed
/// in parallel, each with its own overlay; [`EntityTable::apply`] merges them afterwards, in
/// article order, so the result does not depend on the number of threads.
pub struct Overlay<'a> {
    base: &'a EntityTable,
    extra: Vec<Node>,
    extra_index: HashMap<EntityType, HashMap<String, usize>>,
    mentions: Vec<(usize, MentionRef)>,
}

/// What an [`Overlay`] added: new nodes (numbered after the base table's) and mentions.
pub struct OverlayParts {
    base_len: usize,
    extra: Vec<Node>,
    mentions: Vec<(usize, MentionRef)>,
}

impl<'a> Overlay<'a> {
    /// An empty overlay over `base`.
    pub fn new(base: &'a EntityTable) -> Self {
        Overlay {
            base,
            extra: Vec::new(),
            extra_index: HashMap::default(),
            mentions: Vec::new(),
        }
    }

    /// The surviving node of `i` after merges.
    pub fn find(&self, i: usize) -> usize {
        if i < self.base.nodes.len() {
            self.base.find(i)
        } else {
            i
        }
    }

    /// The node `i`.
    pub fn node(&self, i: usize) -> &Node {
        match i.checked_sub(self.base.nodes.len()) {
            Some(k) => &self.extra[k],
            None => &self.base.nodes[i],
        }
    }

    /// The node for (type, label), created in the overlay if the table has none.
    pub fn intern(&mut self, etype: EntityType, label: &str, gaz: Option<usize>) -> usize {
        if let Some(i) = self.lookup(etype, label) {
            return i;
        }
        let i = self.base.nodes.len() + self.extra.len();
        self.extra.push(Node {
            etype,
            label: label.to_string(),
            gaz,
            aliases: BTreeSet::new(),
            mentions: Vec::new(),
            merged_into: None,
        });
        self.extra_index
            .entry(etype)
            .or_default()
            .insert(label.to_string(), i);
        i
    }

    /// The node known by `name` for the type, if any.
    pub fn lookup(&self, etype: EntityType, name: &str) -> Option<usize> {
        self.base.lookup(etype, name).or_else(|| {
            self.extra_index
                .get(&etype)
                .and_then(|m| m.get(name))
                .copied()
        })
    }

    /// Records a mention of node `i`.
    pub fn push_mention(&mut self, i: usize, m: MentionRef) {
        self.mentions.push((i, m));
    }

    /// What this overlay added.
    pub fn into_parts(self) -> OverlayParts {
        OverlayParts {
            base_len: self.base.nodes.len(),
            extra: self.extra,
            mentions: self.mentions,
        }
    }
}

/// Legal and organizational endings stripped to derive a company's short form.
const LEGAL_SUFFIXES: &[&str] = &[
    "集团股份有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "集团",
    "公司",
    "股份",
];

/// Business descriptors stripped after the legal suffix (多福宝互联网服务 → 多福宝).
/// Short forms of universities and academies that head the names of the companies they
/// spun off, which then go by the rest (科大某某 → 某某, 中科某某 → 某某).
const FOUNDER_PREFIXES: &[&str] = &[
    "科大",
    "中科",
    "清华",
    "交大",
    "浙大",
    "复旦",
    "南大",
    "哈工大",
    "西电",
    "川大",
];

const BUSINESS_WORDS: &[&str] = &[
    "互联网服务",
    "信息技术",
    "网络科技",
    "电子商务",
    "信息科技",
    "科技产业",
    "科技",
    "技术",
    "产业",
];

/// Parts that make a name a branch: its short forms are not the parent's.
pub const BRANCH_MARKERS: &[&str] = &[
    "分公司",
    "分院",
    "总部",
    "分中心",
    "分行",
    "分所",
    "分部",
    "分会",
    "办事处",
];

/// The parent named at the head of a branch's name: the longest proper prefix that ends
/// with a strong organization suffix (北京青鸟科技集团软件研发杭州总部 → 北京青鸟科技集团).
pub fn parent_prefix(label: &str) -> Option<String> {
    use crate::lexicon::{Strength, SUFFIXES};
    let mut best: Option<usize> = None;
    for (i, _) in label.char_indices().skip(3) {
        let head = &label[..i];
        let ok = SUFFIXES.iter().any(|(s, t, st)| {
            *st == Strength::Strong
                && t.is_org()
                && head.ends_with(s)
                && !BRANCH_MARKERS.contains(s)
                && head.chars().count() >= s.chars().count() + 2
        });
        if ok {
            best = Some(i);
        }
    }
    best.filter(|&i| i < label.len())
        .map(|i| label[..i].to_string())
}

/// What follows a whole zone's name at the head of a park's (青岚高新区西部园区 → 西部园区).
fn zone_tail(label: &str) -> Option<&str> {
    use crate::lexicon::{Strength, SUFFIXES};
    crate::lexicon::WHOLE_ZONE_SUFFIXES
        .iter()
        .filter_map(|z| crate::lexicon::find(label, z).map(|i| i + z.len()))
        .filter(|&e| {
            // A kind word alone after a whole zone's name (…南沙新区|片区) is no park's
            // name; the tail starts at the whole zone before it.
            label[e..].chars().count() >= 3
                && label[..e].chars().count() >= 4
                && SUFFIXES.iter().any(|(s, t, st)| {
                    *t == EntityType::Zone && *st == Strength::Strong && label.ends_with(s)
                })
        })
        .max()
        .map(|e| &label[e..])
}

/// Short forms already derived, by type and label ([`EntityTable::merge_aliases`]).
#[derive(Debug, Default)]
pub struct ShortFormCache(HashMap<EntityType, HashMap<String, Vec<String>>>);

impl ShortFormCache {
    fn get(&self, etype: EntityType, label: &str) -> Option<&[String]> {
        self.0.get(&etype)?.get(label).map(Vec::as_slice)
    }

    /// Keeps the short forms a merge derived (see [`EntityTable::merge_aliases`]).
    pub fn add(&mut self, new: NewShortForms) {
        for (etype, label, forms) in new.0 {
            self.0.entry(etype).or_default().insert(label, forms);
        }
    }
}

/// Short forms a merge derived that its cache lacked, by type and label: for
/// [`ShortFormCache::add`], which the caller runs beside its next step.
#[derive(Debug, Default)]
pub struct NewShortForms(Vec<(EntityType, String, Vec<String>)>);

/// Short forms of an unseen name, by rule.
pub fn short_forms(label: &str, etype: EntityType, gaz: &Gazetteer) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut area: Option<String> = None;
    // 某某(Honeywell)华南区域总部 is also written without its Latin name.
    if let (Some(a), Some(b)) = (label.find('('), label.find(')')) {
        let inner = &label[a + 1..b.max(a + 1)];
        if a < b && inner.is_ascii() && inner.chars().any(|c| c.is_ascii_alphabetic()) {
            out.push(format!("{}{}", &label[..a], &label[b + 1..]));
        }
    }
    if BRANCH_MARKERS
        .iter()
        .any(|b| crate::lexicon::contains(label, b))
    {
        return out;
    }
    let n = |s: &str| s.chars().count();
    let strip_place = |s: &str| -> String {
        let mut s = s.to_string();
        while let Some((_, len)) = gaz.place_prefix(&s) {
            if n(&s[len..]) < 2 {
                break;
            }
            s = s[len..].to_string();
        }
        s
    };
    match etype {
        EntityType::Company => {
            let bare = strip_place(label);
            // The name without its place, legal suffix and business word (某某动力电池).
            let stem = LEGAL_SUFFIXES
                .iter()
                .find_map(|suf| bare.strip_suffix(suf))
                .unwrap_or(&bare);
            let stem = BUSINESS_WORDS
                .iter()
                .find_map(|w| stem.strip_suffix(w))
                .unwrap_or(stem);
            // A place and a two-character brand before an industry (四川某某新能源科技有限公司
            // → 四川某某): the place's unit of the brand.
            if let Some((_, len)) = gaz.place_prefix(label).filter(|_| bare != label) {
                if let Some((i, _)) = stem.char_indices().nth(2) {
                    let (brand, field) = stem.split_at(i);
                    if gaz.lookup(field, Some(EntityType::Industry)).is_some() {
                        out.push(format!("{}{brand}", &label[..len]));
                    }
                }
            }
            // A brand before a four-character industry goes by the brand and the industry's
            // first word (某某动力电池有限公司 → 某某动力, 某某生物医药 → 某某生物), unless
            // that is a known organization's name.
            let chars: Vec<usize> = stem.char_indices().map(|(i, _)| i).collect();
            if chars.len() >= 6 {
                let (field_at, word_end) = (chars[chars.len() - 4], chars[chars.len() - 2]);
                let brand = &stem[..word_end];
                if gaz
                    .lookup(&stem[field_at..], Some(EntityType::Industry))
                    .is_some()
                    && gaz.lookup(brand, None).is_none()
                {
                    out.push(brand.to_string());
                }
            }
            for base in [label.to_string(), bare.clone()] {
                if base != label {
                    out.push(base.clone());
                }
                for suf in LEGAL_SUFFIXES {
                    if let Some(s) = base.strip_suffix(suf) {
                        if n(s) >= 2 {
                            out.push(s.to_string());
                            // The spin-off's own name after its founder's (三字以上).
                            let own = |t: &str| {
                                FOUNDER_PREFIXES
                                    .iter()
                                    .find_map(|p| t.strip_prefix(p))
                                    .filter(|r| n(r) >= 3)
                                    .map(str::to_string)
                            };
                            out.extend(own(s));
                            for w in BUSINESS_WORDS {
                                if let Some(t) = s.strip_suffix(w) {
                                    if n(t) >= 3 {
                                        out.push(t.to_string());
                                        out.extend(own(t));
                                    }
                                    // The bare name with 公司 (某某信息技术有限公司 → 某某公司).
                                    if n(t) >= 2 && base == bare {
                                        out.push(format!("{t}公司"));
                                    }
                                }
                            }
                        }
                        break;
                    }
                }
            }
        }
        EntityType::Zone => {
            let bare = strip_place(label);
            // 江北新区 for 南京江北新区; a four-character rest that only describes
            // (康养小镇) is no name of its own.
            if bare != label
                && (n(&bare) >= 5 || (n(&bare) == 4 && !RECOGNIZER.is_descriptive(&bare)))
            {
                out.push(bare);
            }
            // A park named after a known organization goes by its short form too
            // (某某工业大学国家大学科技园 → 某工大科技园).
            if let Some(e) = label
                .char_indices()
                .map(|(i, _)| i)
                .skip(2)
                .filter_map(|i| {
                    gaz.lookup(&label[..i], None)
                        .filter(|e| e.etype.is_org())
                        .map(|e| (i, e))
                })
                .last()
            {
                let (i, entry) = e;
                let rest = &label[i..];
                let rests = [rest, rest.strip_prefix("国家大学").unwrap_or(rest)];
                for a in entry.aliases.iter().filter(|a| !a.is_ascii()) {
                    for r in rests {
                        if n(r) >= 2 {
                            out.push(format!("{a}{r}"));
                        }
                    }
                }
                // …and by the organization's full name without 国家大学 (某某大学科技园).
                if rests[1] != rest && n(rests[1]) >= 2 {
                    out.push(format!("{}{}", &label[..i], rests[1]));
                }
            }
            // 某某经济技术开发区 is 某某经开区, 某某高新技术产业开发区 某某高新区 (with or
            // without the province before it).
            for base in [label.to_string(), strip_place(label)] {
                for (long, short) in [
                    ("经济技术开发区", "经开区"),
                    ("经济技术开发区", "开发区"),
                    ("高新技术产业开发区", "高新区"),
                    ("综合保税区", "综保区"),
                    ("经济开发区", "经开区"),
                    ("农业高新技术产业示范区", "农高区"),
                ] {
                    if let Some(stem) = base.strip_suffix(long) {
                        if n(stem) >= 2 {
                            out.push(format!("{stem}{short}"));
                        }
                    }
                }
            }
            // 某某市开发区 is 某某开发区: the city's 市 is often left out of a zone's name.
            if let Some((_, len)) = gaz.place_prefix(label) {
                if label[..len].ends_with('市') && len < label.len() {
                    let without = format!("{}{}", &label[..len - '市'.len_utf8()], &label[len..]);
                    if n(&without) >= 4 {
                        out.push(without);
                    }
                }
            }
            // A zone with its place in parentheses goes by the place and the rest
            // (西部(某某)科学城 → 某某科学城).
            if let (Some(a), Some(b)) = (label.find('('), label.find(')')) {
                if a < b && gaz.place(&label[a + 1..b]).is_some() && b + 1 < label.len() {
                    let rest = &label[b + 1..];
                    let with_place = format!("{}{rest}", &label[a + 1..b]);
                    if n(&with_place) >= 4 {
                        out.push(with_place);
                    }
                }
            }
            // A park named after the zone it lies in goes by its own name too
            // (青岚新区海洋高新区 → 海洋高新区), unless that only describes (生物医药产业园).
            if let Some(tail) = zone_tail(label) {
                if n(tail) >= 4 && !RECOGNIZER.is_descriptive(tail) {
                    out.push(tail.to_string());
                }
                // A place's area of a free-trade area (…自由贸易试验区宜昌片区 → 宜昌片区)
                // names it too, though a place and a kind alone name nothing elsewhere.
                if tail.ends_with("片区") && gaz.place_prefix(tail).is_some() && n(tail) >= 4 {
                    area = Some(tail.to_string());
                    // …广州南沙新区片区 → 南沙新区片区, 南沙片区: the area by its district's
                    // own name.
                    let bare = strip_place(tail);
                    if bare != tail && n(&bare) >= 4 {
                        if let Some(d) = bare.strip_suffix("新区片区") {
                            if n(d) >= 2 {
                                out.push(format!("{d}片区"));
                            }
                        }
                        out.push(bare);
                    }
                }
            }
        }
        EntityType::Institution => {
            // An institute of a known academy or university goes by its own name once the
            // whole has been given (某某科学院金属研究所 → 金属研究所).
            if let Some(i) = label
                .char_indices()
                .map(|(i, _)| i)
                .skip(2)
                .filter(|&i| {
                    gaz.lookup(&label[..i], Some(EntityType::Institution))
                        .is_some_and(|e| e.label == label[..i])
                })
                .last()
            {
                let rest = &label[i..];
                if ["研究所", "研究院", "研究中心"]
                    .iter()
                    .any(|s| rest.strip_suffix(s).is_some_and(|b| n(b) >= 2))
                    && gaz.place_prefix(rest).is_none()
                {
                    out.push(rest.to_string());
                }
            }
        }
        _ => {}
    }
    out.retain(|s| {
        s != label
            && gaz.place(s).is_none()
            && gaz.lookup(s, Some(EntityType::Industry)).is_none()
            && !RECOGNIZER.is_generic(s)
    });
    out.extend(area);
    out.sort();
    out.dedup();
    out
}

impl EntityTable {
    /// The surviving node of `i` after merges.
    pub fn find(&self, mut i: usize) -> usize {
        while let Some(j) = self.nodes[i].merged_into {
            i = j;
        }
        i
    }

    /// The node for (type, label), created if needed.
    pub fn intern(&mut self, etype: EntityType, label: &str, gaz: Option<usize>) -> usize {
        if let Some(&i) = self.index.get(&etype).and_then(|m| m.get(label)) {
            return self.find(i);
        }
        let i = self.nodes.len();
        let mut aliases = BTreeSet::new();
        if let Some(g) = gaz {
            aliases.extend(GAZETTEER.entries[g].aliases.iter().cloned());
        }
        self.nodes.push(Node {
            etype,
            label: label.to_string(),
            gaz,
            aliases,
            mentions: Vec::new(),
            merged_into: None,
        });
        self.index
            .entry(etype)
            .or_default()
            .insert(label.to_string(), i);
        i
    }

    /// Adds what an [`Overlay`] found; returns the map from its node numbers to the table's.
    pub fn apply(&mut self, parts: OverlayParts) -> impl Fn(usize) -> usize {
        let ids: Vec<usize> = parts
            .extra
            .iter()
            .map(|n| self.intern(n.etype, &n.label, n.gaz))
            .collect();
        let base_len = parts.base_len;
        let map = move |i: usize| if i >= base_len { ids[i - base_len] } else { i };
        for (i, m) in parts.mentions {
            let n = self.find(map(i));
            self.nodes[n].mentions.push(m);
        }
        map
    }

    /// The node known by `name` for the type, if any (label or alias).
    pub fn lookup(&self, etype: EntityType, name: &str) -> Option<usize> {
        self.index
            .get(&etype)
            .and_then(|m| m.get(name))
            .map(|&i| self.find(i))
    }

    /// Records `name` as another name of node `i`.
    pub fn add_alias(&mut self, i: usize, name: &str) {
        self.add_name(i, name);
        let i = self.find(i);
        let et = self.nodes[i].etype;
        let index = self.index.entry(et).or_default();
        if !index.contains_key(name) {
            index.insert(name.to_string(), i);
        }
    }

    /// Adds `name` to the other names of node `i` (not to the index: see [`Self::add_alias`]).
    fn add_name(&mut self, i: usize, name: &str) {
        let i = self.find(i);
        let n = &mut self.nodes[i];
        if name != n.label && !n.aliases.contains(name) {
            n.aliases.insert(name.to_string());
        }
    }

    /// Merges node `b` into node `a`.
    pub fn merge(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let etype = self.nodes[b].etype;
        let nb = std::mem::replace(
            &mut self.nodes[b],
            Node {
                etype,
                label: String::new(),
                gaz: None,
                aliases: BTreeSet::new(),
                mentions: Vec::new(),
                merged_into: Some(a),
            },
        );
        let na = &mut self.nodes[a];
        na.aliases.extend(nb.aliases);
        na.aliases.insert(nb.label.clone());
        na.mentions.extend(nb.mentions);
        if na.gaz.is_none() {
            na.gaz = nb.gaz;
        }
        na.aliases.remove(&na.label.clone());
    }

    /// Links the mentions of one document to nodes; returns the node of each mention.
    /// `prepared` holds, for each mention, what [`prepare`] computed from it alone.
    ///
    /// A mention prepared without a document is not recorded: a table made only for its
    /// names (the pipeline's first pass, [`Self::rescan_names`]) needs none.
    pub fn link(&mut self, mentions: &[Mention], prepared: Vec<Prepared>) -> Vec<usize> {
        let gaz = &*GAZETTEER;
        let mut ids = Vec::with_capacity(mentions.len());
        for (m, p) in mentions.iter().zip(prepared) {
            let entry = p.entry;
            let label: &str = entry.map_or(m.text.as_str(), |g| gaz.entries[g].label.as_str());
            let etype = entry.map_or(m.etype, |g| gaz.entries[g].etype);
            let i = match self.lookup(etype, &m.text) {
                Some(i) if entry.is_none() => i,
                _ => self.intern(etype, label, entry),
            };
            if m.text != self.nodes[i].label {
                self.add_alias(i, &m.text);
            }
            if let Some(doc) = p.doc {
                self.nodes[i].mentions.push(MentionRef {
                    doc,
                    span: p.span,
                    text: p.text,
                });
            }
            ids.push(i);
        }
        ids
    }

    /// Merges nodes by derived short forms and parenthesized names. `forms` keeps the short
    /// forms derived by earlier calls (they depend on the type and label alone): the
    /// pipeline's two linking passes see mostly the same names. Returns the forms derived
    /// here, for the cache: the caller adds them beside its next step instead of on the
    /// one core that folds.
    pub fn merge_aliases(
        &mut self,
        paren: &[(usize, String)],
        forms: &ShortFormCache,
    ) -> NewShortForms {
        let gaz = &*GAZETTEER;
        // A branch names its parent first (X集团软件研发杭州总部 → X集团): make the parent a
        // node so that its short forms gather the parent's other mentions.
        use rayon::prelude::*;
        // The steps before the fold depend on each node alone: they run on all cores, since
        // the fold after them runs on one.
        let branches: Vec<(EntityType, String)> = self
            .nodes
            .par_iter()
            .filter(|n| {
                n.merged_into.is_none()
                    && n.etype.is_org()
                    && BRANCH_MARKERS
                        .iter()
                        .any(|b| crate::lexicon::contains(&n.label, b))
            })
            .map(|n| (n.etype, n.label.clone()))
            .collect();
        for (_, label) in branches {
            if let Some(parent) = parent_prefix(&label) {
                if self.lookup(EntityType::Company, &parent).is_none()
                    && self.lookup(EntityType::Institution, &parent).is_none()
                {
                    let t = if crate::lexicon::SUFFIXES
                        .iter()
                        .any(|(s, t, _)| parent.ends_with(s) && *t == EntityType::Institution)
                    {
                        EntityType::Institution
                    } else {
                        EntityType::Company
                    };
                    self.intern(t, &parent, None);
                }
            }
        }
        // Longest labels first, so that short forms fold into the fullest name.
        let mut order: Vec<usize> = (0..self.nodes.len())
            .into_par_iter()
            .filter(|&i| self.nodes[i].merged_into.is_none())
            .collect();
        // A stable sort: nodes of one length stay in the order they were made.
        order.par_sort_by_cached_key(|&i| std::cmp::Reverse(self.nodes[i].label.chars().count()));
        // A node's short forms depend on its label alone (merging never relabels the node
        // that absorbs another): derived for all nodes in parallel, folded in order.
        let cached: Vec<Option<&[String]>> = order
            .par_iter()
            .map(|&i| forms.get(self.nodes[i].etype, &self.nodes[i].label))
            .collect();
        let missing: Vec<usize> = order
            .iter()
            .zip(&cached)
            .filter(|(_, c)| c.is_none())
            .map(|(&i, _)| i)
            .collect();
        let derived: Vec<(EntityType, String, Vec<String>)> = missing
            .par_iter()
            .map(|&i| {
                let n = &self.nodes[i];
                (
                    n.etype,
                    n.label.clone(),
                    short_forms(&n.label, n.etype, gaz),
                )
            })
            .collect();
        // Each node's forms, in the order: from the cache, or derived just now (the missing
        // nodes are in the same order).
        let mut fresh = derived.iter();
        let owns: Vec<&[String]> = cached
            .into_iter()
            .map(|c| c.unwrap_or_else(|| fresh.next().map_or(&[], |d| d.2.as_slice())))
            .collect();
        for (i, own) in order.into_iter().zip(owns) {
            if self.nodes[i].merged_into.is_some() {
                continue;
            }
            let et = self.nodes[i].etype;
            for s in own {
                match self.lookup(et, s) {
                    Some(j) if j != self.find(i) => {
                        // Never fold a gazetteer entity into an unseen one.
                        if self.nodes[j].gaz.is_some() && self.nodes[i].gaz.is_none() {
                            continue;
                        }
                        // 成都X公司 and 长春X公司 share a short form but are two companies.
                        let place_of =
                            |n: &Node| gaz.place_prefix(&n.label).map(|(e, _)| e.label.clone());
                        if let (Some(a), Some(b)) = (
                            place_of(&self.nodes[self.find(i)]),
                            place_of(&self.nodes[j]),
                        ) {
                            if a != b {
                                continue;
                            }
                        }
                        self.merge(i, j);
                        self.add_alias(i, s);
                    }
                    // Known already (as this node's): only the node's own names change.
                    Some(_) => self.add_name(i, s),
                    None => {
                        self.add_name(i, s);
                        let i = self.find(i);
                        self.index.entry(et).or_default().insert(s.clone(), i);
                    }
                }
            }
        }
        for (i, name) in paren {
            let i = self.find(*i);
            let et = self.nodes[i].etype;
            match self.lookup(et, name) {
                Some(j) if j != i => self.merge(i, j),
                _ => self.add_alias(i, name),
            }
            // 某某高新区(中国光谷) is 光谷 too: a zone's coined valley without the country.
            if let Some(valley) = name
                .strip_prefix("中国")
                .filter(|v| et == EntityType::Zone && v.ends_with('谷'))
                .filter(|v| (2..=3).contains(&v.chars().count()))
            {
                let i = self.find(i);
                match self.lookup(et, valley) {
                    Some(j) if j != i => self.merge(i, j),
                    _ => self.add_alias(i, valley),
                }
            }
        }
        NewShortForms(derived)
    }

    /// Names (labels and aliases) of unseen companies, institutions and zones, for the
    /// second recognition pass.
    pub fn rescan_names(&self) -> Vec<(String, EntityType)> {
        use rayon::prelude::*;
        let gaz = &*GAZETTEER;
        // Node by node on all cores (the list is sorted after, so their order is no matter).
        let mut out: Vec<(String, EntityType)> = self
            .nodes
            .par_iter()
            .filter(|n| n.merged_into.is_none())
            // Industries too: one named in a list (重点发展量子通信、…等产业) is the same
            // field where an earlier sentence names it without one (量子通信领域的企业).
            .filter(|n| {
                matches!(
                    n.etype,
                    EntityType::Company
                        | EntityType::Institution
                        | EntityType::Zone
                        | EntityType::Industry
                )
            })
            .flat_map_iter(|n| {
                let mut out = Vec::new();
                // A gazetteer entity's names are scanned by the gazetteer; what an article
                // adds (郑州航空港经济综合实验区(以下简称"航空港区")) is scanned here.
                let known = n.gaz.is_some();
                for name in std::iter::once(&n.label).chain(n.aliases.iter()) {
                    if known && gaz.by_name.contains_key(name) {
                        continue;
                    }
                    if name.chars().count() >= 2 && !name.is_ascii() {
                        out.push((name.clone(), n.etype));
                    }
                }
                // 某某(中国)制药有限公司: the brand before a place in parentheses is the group
                // whose unit it is, wherever the corpus names it alone (某某于1995年入驻…).
                if n.etype == EntityType::Company {
                    if let (Some(a), Some(b)) = (n.label.find('('), n.label.find(')')) {
                        let brand = &n.label[..a];
                        if a < b
                            && gaz.is_unit_place(&n.label[a + 1..b])
                            && brand.chars().count() >= 2
                            && !brand.is_ascii()
                        {
                            out.push((brand.to_string(), EntityType::Company));
                        }
                    }
                }
                out
            })
            .collect();
        // 180,000 names for 10,000 articles: sorted on all cores.
        out.par_sort_unstable();
        out.dedup();
        out
    }

    /// The final entities, sorted by type and label, with a map from node to position.
    pub fn finish(&self) -> (Vec<Entity>, HashMap<usize, usize>) {
        let gaz = &*GAZETTEER;
        let mut live: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].merged_into.is_none() && !self.nodes[i].mentions.is_empty())
            .collect();
        live.sort_by(|&a, &b| {
            (self.nodes[a].etype, &self.nodes[a].label)
                .cmp(&(self.nodes[b].etype, &self.nodes[b].label))
        });
        // Entities are described in parallel: English labels by rule (pinyin) cost most.
        use rayon::prelude::*;
        let out: Vec<Entity> = live
            .par_iter()
            .map(|&i| {
                let n = &self.nodes[i];
                let en = n.gaz.and_then(|g| gaz.entries[g].en.clone()).or_else(|| {
                    std::iter::once(&n.label)
                        .chain(n.aliases.iter())
                        .find_map(|a| gaz.english.get(a).cloned())
                });
                let mut mentions = n.mentions.clone();
                mentions.sort_by(|a, b| (&a.doc, a.span).cmp(&(&b.doc, b.span)));
                mentions.dedup_by(|a, b| a.doc == b.doc && a.span == b.span);
                let by_rule = en.is_none() && n.etype != EntityType::Person;
                let en = en.or_else(|| by_rule.then(|| crate::english::render(&n.label, n.etype)));
                Entity {
                    etype: n.etype,
                    label: n.label.clone(),
                    label_en: en,
                    label_en_by_rule: by_rule,
                    aliases: n
                        .aliases
                        .iter()
                        .filter(|a| **a != n.label)
                        .cloned()
                        .collect(),
                    mentions,
                }
            })
            .collect();
        let pos: HashMap<usize, usize> = live.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        (out, pos)
    }
}

/// Whether a mention's origin is strong enough to name a new entity on its own.
pub fn names_entity(m: &Mention) -> bool {
    m.origin != Origin::Alias || m.gaz.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_by_rule() {
        // A brand before a four-character industry: the brand and the industry's first word.
        let f = short_forms("四川星澜动力电池有限公司", EntityType::Company, &GAZETTEER);
        assert!(f.contains(&"星澜动力".to_string()), "{f:?}");
        let f = short_forms("苏州星澜生物医药有限公司", EntityType::Company, &GAZETTEER);
        assert!(f.contains(&"星澜生物".to_string()), "{f:?}");
        // A place and a brand before an industry: the place's unit of the brand.
        let f = short_forms(
            "四川蓝海新能源科技有限公司",
            EntityType::Company,
            &GAZETTEER,
        );
        assert!(f.contains(&"四川蓝海".to_string()), "{f:?}");
        // A spin-off goes by its own name after its founder's short form.
        let f = short_forms(
            "科大星盾量子技术股份有限公司",
            EntityType::Company,
            &GAZETTEER,
        );
        assert!(f.contains(&"星盾量子".to_string()), "{f:?}");
        let g = &*GAZETTEER;
        let f = short_forms("北京青鸟科技集团", EntityType::Company, g);
        assert!(f.contains(&"青鸟科技".to_string()), "{f:?}");
        assert!(f.contains(&"北京青鸟科技".to_string()), "{f:?}");
        let f = short_forms("贵州多福宝互联网服务有限公司", EntityType::Company, g);
        assert!(f.contains(&"多福宝".to_string()), "{f:?}");
        assert_eq!(
            short_forms("长风汽车重庆分公司", EntityType::Company, g),
            Vec::<String>::new()
        );
        // An institute of a known university goes by its own name; a 综合保税区 by 综保区.
        let f = short_forms("兰州大学白河研究院", EntityType::Institution, g);
        assert_eq!(f, ["白河研究院"]);
        let f = short_forms("白河青松综合保税区", EntityType::Zone, g);
        assert!(f.contains(&"白河青松综保区".to_string()), "{f:?}");
        let f = short_forms("青松经济开发区", EntityType::Zone, g);
        assert!(f.contains(&"青松经开区".to_string()), "{f:?}");
        // 某某经济技术开发区 is also 某某开发区 (as the gazetteer's zones are).
        let f = short_forms("白河经济技术开发区", EntityType::Zone, g);
        assert!(f.contains(&"白河开发区".to_string()), "{f:?}");
        let f = short_forms("白河农业高新技术产业示范区", EntityType::Zone, g);
        assert!(f.contains(&"白河农高区".to_string()), "{f:?}");
        let f = short_forms("郑州白鹭湖物联网产业园", EntityType::Zone, g);
        assert_eq!(f, ["白鹭湖物联网产业园"]);
        // The city's 市 left out, and a place in parentheses.
        let f = short_forms("洛阳市临港开发区", EntityType::Zone, g);
        assert!(f.contains(&"洛阳临港开发区".to_string()), "{f:?}");
        let f = short_forms("天津星河信息技术有限公司", EntityType::Company, g);
        assert!(f.contains(&"星河公司".to_string()), "{f:?}");
        let f = short_forms("西北工业大学国家大学科技园", EntityType::Zone, g);
        assert!(f.contains(&"西工大科技园".to_string()), "{f:?}");
        let f = short_forms("中国(洛阳)科技城", EntityType::Zone, g);
        assert!(f.contains(&"洛阳科技城".to_string()), "{f:?}");
    }

    #[test]
    fn aliases_merge_into_the_longest_name() {
        let mut t = EntityTable::default();
        let a = t.intern(EntityType::Company, "北京青鸟科技集团", None);
        let b = t.intern(EntityType::Company, "青鸟科技", None);
        t.nodes[a].mentions.push(MentionRef {
            doc: "d".into(),
            span: CharSpan { start: 0, end: 8 },
            text: "北京青鸟科技集团".into(),
        });
        t.nodes[b].mentions.push(MentionRef {
            doc: "d".into(),
            span: CharSpan { start: 9, end: 13 },
            text: "青鸟科技".into(),
        });
        t.merge_aliases(&[], &ShortFormCache::default());
        assert_eq!(t.find(b), a);
        let (ents, _) = t.finish();
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].label, "北京青鸟科技集团");
        assert!(ents[0].aliases.contains(&"青鸟科技".to_string()));
    }
}
