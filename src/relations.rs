//! Stage 4 — linked mentions → typed relations with evidence.
//!
//! Input: an article, its mentions and the node of each. Output: [`RawRelation`]s, each
//! with the sentence that states it. Patterns work at clause level:
//! - `settledIn`: 落户/入驻/引进/落地 … with the zone after the verb, the zone that is the
//!   subject, or the article's current zone; `位于Z的X`; `Z企业X`;
//! - `partOf`: parks named with a host zone, parks landing in a zone, parks of the topic zone;
//! - `hasIndustry` / `inIndustry`: industries with a trigger (主导, 围绕, 做强, 专注 …);
//! - `cooperatesWith`: `与X…合作/共建/签署`;
//! - `subOrganizationOf`: branch names and names that begin with another organization;
//! - `locatedIn`: the place in a zone's or organization's own name, and the gazetteer.

use crate::gazetteer::GAZETTEER;
use crate::lexicon::{self, automaton, WordList};
use crate::model::{EntityType, Evidence, Predicate};
use crate::normalize::{is_cjk, Article};
use crate::recognize::{Mention, Origin};
use crate::resolve::{Overlay, BRANCH_MARKERS};
use std::collections::BTreeMap;
use std::ops::Range;

/// A relation between two nodes of the [`EntityTable`].
#[derive(Debug, Clone)]
pub struct RawRelation {
    /// Subject node.
    pub subject: usize,
    /// Predicate.
    pub predicate: Predicate,
    /// Object node.
    pub object: usize,
    /// The sentence.
    pub evidence: Evidence,
}

const SETTLE: &[&str] = &[
    "落户",
    "入驻",
    "签约",
    "引进",
    "引入",
    "落地",
    "进驻",
    "迁入",
    "入园",
    "扎根",
    "招引",
    "聚集",
    "集聚",
    "汇聚",
    "吸引",
    // 某园区注册企业700家,其中包括…: the zone's registered companies.
    "注册企业",
    // Z,上榜企业286家,代表企业有A、B: the zone's model companies.
    "代表企业有",
    "代表企业包括",
    // 科技园已孵化企业300余家,其中…; 园区孵化了A、B等企业: the zone's incubated companies.
    "孵化企业",
    "孵化了",
    // 该公司成立于科技园 (but 成立于2007年: only with a zone named or referred to).
    "成立于",
    // 园区内的某某公司: an organization inside the zone is settled in it.
    "园区内的",
    // 在这里安家, 坐落在这里: settled.
    "安家",
    "坐落",
    // 项目选址Z: the project's company is sited in the zone.
    "选址",
    // 将总部设在Z, 把研发中心设在Z, 在区内设有研发中心.
    "设在",
    "区内设有",
    "园内设有",
    "迁至",
    "区内的",
    "园内的",
];
/// X(的)?(全资|控股)?子公司Y / X旗下Y.
const SUB_MARKER_WORDS: &[&str] = &["全资子公司", "控股子公司", "子公司", "旗下", "下属", "所属"];
/// The settling words, the subsidiary markers and the focus verbs, one list after the other:
/// a sentence is searched once for the three ([`WordList::hits_of_parts`]).
static SENTENCE_WORDS: WordList = WordList::new(|| {
    automaton(
        SETTLE
            .iter()
            .chain(SUB_MARKER_WORDS)
            .chain(FOCUS.iter())
            .copied(),
    )
});

/// The hits of [`SETTLE`], [`SUB_MARKER_WORDS`] and [`FOCUS`] in `s`, each as
/// [`WordList::hits`] gives them.
fn sentence_words(s: &str) -> [Vec<(usize, usize)>; 3] {
    let lens = [SETTLE.len(), SUB_MARKER_WORDS.len(), FOCUS.len()];
    let mut parts = SENTENCE_WORDS.hits_of_parts(s, &lens).into_iter();
    let mut next = || parts.next().unwrap_or_default();
    [next(), next(), next()]
}
/// Settling words too loose to fall back on the article's zone: the sentence must name a
/// zone or refer to it (全区已聚集…).
const GATHER: &[&str] = &[
    "代表企业有",
    "代表企业包括",
    "聚集",
    "集聚",
    "汇聚",
    "吸引",
    "注册企业",
    "孵化企业",
    "孵化了",
    "成立于",
];
/// Words that refer back to the article's zone (该区, 园区, 全区).
const ZONE_COREF: &[&str] = &[
    "该区",
    "该园区",
    "园区",
    "全区",
    "本区",
    "该开发区",
    "该高新区",
    "新区",
    // In an article about a university science park, 科技园 alone is that park.
    "科技园",
];
/// Words that refer back to the last organization named (该公司与X合作, 该研究院落户…).
const ORG_COREF: &[&str] = &[
    "该公司",
    "该企业",
    "该研究院",
    "该机构",
    "该实验室",
    "该中心",
    "该平台",
    "该项目",
];
/// Build verbs after 在Z: the organization before 在 settles in Z.
const BUILD: &[&str] = &[
    "建设", "设立", "建立", "布局", "投资", "打造", "新建", "建成", "落地", "成立", "投产", "开工",
    // Opened there (某某公司总部在Z揭牌).
    "揭牌", "投用", "开业", // Founded there (在Z创办了X).
    "创办", "创立", "创建",
];
const INTRODUCE: &[&str] = &["引进", "引入", "招引"];
/// Words that say a zone leads in the industries of the sentence.
const STRONG_CUES: &[&str] = &[
    "主导",
    "主攻",
    "围绕",
    "做强",
    "做优",
    "做大",
    "做特",
    "聚焦",
    "重点发展",
    "产业集群",
    "产业体系",
    "为引领",
    "为核心",
    "支柱",
    "特色产业",
    "优势产业",
    "新兴产业",
    "等产业",
    "产业规模",
    "壮大",
    "重点孵化",
    // 以A和B领跑, 在A和B领域表现突出: what a zone is strongest in.
    "领跑",
    "表现突出",
    "优势明显",
];
/// Weaker words: enough when the sentence names the zone itself.
const INDUSTRY_CUES: &[&str] = &[
    // 签约项目…涵盖/涉及A、B等领域: the fields of the projects a zone signs.
    "涵盖",
    "涉及",
    "发展",
    "高地",
    "打造",
    "培育",
    "形成",
    "集聚",
    "产业链",
    "布局",
    "引育",
];
/// [`STRONG_CUES`] and [`INDUSTRY_CUES`], each searched in one pass.
static STRONG_CUE_SEARCH: WordList = WordList::new(|| automaton(STRONG_CUES.iter().copied()));
static INDUSTRY_CUE_SEARCH: WordList = WordList::new(|| automaton(INDUSTRY_CUES.iter().copied()));
const FOCUS: &[&str] = &["专注", "致力于", "深耕", "从事", "主营"];
const COOP_VERBS: &[&str] = &["合作", "共建", "签署", "签约", "携手", "共同", "联合"];
const ZONE_LEVEL: &[&str] = &[
    "高新区",
    "开发区",
    "经开区",
    "科学城",
    "新区",
    "自贸区",
    "保税区",
    "综保区",
    "试验区",
    "示范区",
    "大走廊",
    "合作区",
    "工业园区",
    // 某某高新技术产业园区: a high-tech zone by its other official kind (大连, 嘉兴南湖).
    "高新技术产业园区",
];
const GOV: &[&str] = &[
    "政府",
    "厅",
    "局",
    "委",
    "委员会",
    "管委会",
    "党工委",
    "办公室",
];

/// Whether a zone label names a whole zone rather than a park inside one.
pub fn is_zone_level(label: &str) -> bool {
    ZONE_LEVEL.iter().any(|s| label.ends_with(s))
        // An eco-city with a name (某某天津生态城), not one an industry names (某某产业生态城).
        || (label.ends_with("生态城") && !crate::recognize::RECOGNIZER.is_descriptive(label))
        || GAZETTEER.lookup(label, Some(EntityType::Zone)).is_some()
        // A city's science-and-technology city (某某科技城, 中国(某某)科技城) is a whole
        // zone; a 科技城 with a name of its own (某某未来科技城) may be a park of one.
        || label.strip_suffix("科技城").is_some_and(|body| {
            let body = body.trim_start_matches("中国");
            let body = body
                .strip_prefix('(')
                .and_then(|b| b.strip_suffix(')'))
                .unwrap_or(body);
            !body.is_empty() && GAZETTEER.place(body).is_some()
        })
}

struct Ctx<'a> {
    art: &'a Article,
    ms: &'a [Mention],
    ids: &'a [usize],
    out: BTreeMap<(usize, Predicate, usize), Evidence>,
    /// Nodes mentioned in this article (scanning a popular node's mentions per article
    /// would make the stage quadratic in the corpus).
    present: std::collections::HashSet<usize>,
    /// Nodes named on their own, not only inside a longer name (江苏 in 江苏某某公司).
    present_top: std::collections::HashSet<usize>,
    /// The byte offset of each character of the original text, and its length: made on the
    /// first nested mention (counting characters from the start for each one was quadratic
    /// in a long article).
    char_starts: std::cell::OnceCell<Vec<usize>>,
    /// The mentions' indexes ordered by where they start (stable: in their order among equal
    /// starts), so that those in a sentence or a name are found among the few that start in
    /// it, not by looking at all of the article's (quadratic in a long article).
    by_start: Vec<usize>,
    /// The last two organizations found cooperating and the start of that sentence, for
    /// 双方 (A与B签署协议。双方将合资成立X) in the same or the next sentence.
    last_pair: Option<(usize, usize, usize)>,
}

impl Ctx<'_> {
    /// The mentions that start in `r`, by start.
    fn starting_in(&self, r: &Range<usize>) -> &[usize] {
        let ms = self.ms;
        let from = self
            .by_start
            .partition_point(|&k| ms[k].range.start < r.start);
        let to = self
            .by_start
            .partition_point(|&k| ms[k].range.start < r.end);
        &self.by_start[from..to.max(from)]
    }

    /// The original text of the characters `span`.
    fn original(&self, span: crate::model::CharSpan) -> String {
        let text = &self.art.doc.text;
        let starts = self
            .char_starts
            .get_or_init(|| crate::normalize::char_starts(text));
        match (starts.get(span.start), starts.get(span.end)) {
            (Some(&s), Some(&e)) if s <= e => text[s..e].to_string(),
            _ => String::new(),
        }
    }

    /// Whether node `n` is mentioned in this article.
    fn here(&self, table: &Overlay, n: usize) -> bool {
        self.present.contains(&table.find(n))
    }

    fn evidence(&self, sent: &Range<usize>) -> Evidence {
        Evidence {
            doc: self.art.doc.id.clone(),
            sentence: self.art.norm.text[sent.clone()].to_string(),
            span: self.art.norm.to_orig(sent.clone()),
        }
    }

    fn emit(&mut self, table: &Overlay, s: usize, p: Predicate, o: usize, sent: &Range<usize>) {
        let (s, o) = (table.find(s), table.find(o));
        if s == o {
            return;
        }
        let (st, ot) = (table.node(s).etype, table.node(o).etype);
        use EntityType::*;
        let ok = match p {
            Predicate::LocatedIn => {
                matches!(st, Zone | Company | Institution | Place) && ot == Place
            }
            Predicate::PartOf => st == Zone && ot == Zone,
            Predicate::SettledIn => st.is_org() && ot == Zone,
            Predicate::SubOrganizationOf => st.is_org() && ot.is_org(),
            Predicate::HasIndustry => st == Zone && ot == Industry,
            // A government body (管委会, 科技局) governs industries; it is in none.
            Predicate::InIndustry => st.is_org() && ot == Industry && !is_gov(&table.node(s).label),
            Predicate::CooperatesWith => {
                matches!(st, Zone | Company | Institution)
                    && matches!(ot, Zone | Company | Institution)
            }
        };
        if !ok {
            return;
        }
        let (s, o) = if p.is_symmetric() && o < s {
            (o, s)
        } else {
            (s, o)
        };
        // partOf never runs both ways.
        if p == Predicate::PartOf && self.out.contains_key(&(o, p, s)) {
            return;
        }
        if p == Predicate::CooperatesWith && st.is_org() && ot.is_org() {
            self.last_pair = Some((s, o, sent.start));
        }
        if !self.out.contains_key(&(s, p, o)) {
            let ev = self.evidence(sent);
            self.out.insert((s, p, o), ev);
        }
    }
}

/// Finds the relations of one article. May add nodes (parents named inside branch names).
pub fn extract(
    art: &Article,
    ms: &[Mention],
    ids: &[usize],
    table: &mut Overlay,
) -> Vec<RawRelation> {
    let topic = topic_zone(art, ms, ids, table);
    // Bare kind words that stand for the article's zone (将总部设在高新区, 在港区投产) join
    // the mentions, so that every rule finds the zone there as if it were named.
    // Without a topic, an article that names one zone alone (twice or more) refers to it
    // by its kind word too (永康经济开发区 … 是开发区的龙头企业之一).
    let sole_zone = || {
        let mut zs: Vec<usize> = ids
            .iter()
            .zip(ms)
            .filter(|(_, m)| !m.nested)
            .map(|(&i, _)| table.find(i))
            .filter(|&n| table.node(n).etype == EntityType::Zone)
            .collect();
        let named = zs.len();
        zs.sort_unstable();
        zs.dedup();
        (zs.len() == 1 && named >= 2).then(|| zs[0])
    };
    let corefs = topic
        .or_else(sole_zone)
        .map(|t| zone_corefs(art, ms, table, t))
        .unwrap_or_default();
    let (ms_all, ids_all);
    let (ms, ids) = if corefs.is_empty() {
        (ms, ids)
    } else {
        let t = topic.or_else(sole_zone).unwrap_or_default();
        ids_all = ids
            .iter()
            .copied()
            .chain(corefs.iter().map(|_| t))
            .collect::<Vec<_>>();
        ms_all = ms.iter().cloned().chain(corefs).collect::<Vec<_>>();
        (&ms_all[..], &ids_all[..])
    };
    let present = ids.iter().map(|&i| table.find(i)).collect();
    let present_top = ids
        .iter()
        .zip(ms)
        .filter(|(_, m)| !m.nested)
        .map(|(&i, _)| table.find(i))
        .collect();
    let mut cx = Ctx {
        art,
        ms,
        ids,
        out: BTreeMap::new(),
        present,
        present_top,
        char_starts: std::cell::OnceCell::new(),
        by_start: {
            let mut order: Vec<usize> = (0..ms.len()).collect();
            order.sort_by_key(|&k| ms[k].range.start);
            order
        },
        last_pair: None,
    };
    let sentences = art.norm.sentences.clone();
    let mut current = topic;
    let mut prev_orgs: Vec<usize> = Vec::new();
    let mut settle_host: Option<(usize, bool)> = None;
    for sent in &sentences {
        let mut in_sent: Vec<usize> = cx
            .starting_in(sent)
            .iter()
            .copied()
            .filter(|&k| ms[k].range.end <= sent.end)
            .collect();
        in_sent.sort_unstable();
        sentence_rules(
            &mut cx,
            table,
            sent,
            &in_sent,
            (current, topic),
            &prev_orgs,
            &mut settle_host,
        );
        if let Some(&k) = in_sent
            .iter()
            .rev()
            .find(|&&k| !ms[k].nested && table.node(table.find(ids[k])).etype == EntityType::Zone)
        {
            current = Some(table.find(ids[k]));
        }
        // A sentence without organizations (a quote, 公司总经理某某说) does not end the
        // reach of 该公司 to the last one named.
        let orgs_here: Vec<usize> = in_sent
            .iter()
            .filter(|&&k| table.node(table.find(ids[k])).etype.is_org())
            .map(|&k| table.find(ids[k]))
            .collect();
        if !orgs_here.is_empty() {
            prev_orgs = orgs_here;
        }
    }
    name_rules(&mut cx, table, topic);
    cx.out
        .into_iter()
        .map(|((s, p, o), evidence)| RawRelation {
            subject: s,
            predicate: p,
            object: o,
            evidence,
        })
        .collect()
}

/// Reported speech: what follows is said by the one named before (负责人介绍,…).
const SPEECH: &[&str] = &["介绍,", "表示,", "指出,", "说,", "透露,"];

/// Words after a parent's name that introduce its unit (X旗下的Y, X下属的Y, X所属的Y).
const PARENT_MARKERS: &[&str] = &["旗下", "下属", "所属"];

/// Regions a group's regional headquarters is named after (某某华南区域总部, 某某中国区总部).
const REGIONS_ABROAD: &[&str] = &[
    "华南",
    "华北",
    "华东",
    "华中",
    "西南",
    "西北",
    "东北",
    "亚太",
    "大中华",
    "中国",
    "全球",
];

/// What a park is of a larger zone (X是Z的核心区之一, 作为Z核心区,X).
const PART_WORDS: &[&str] = &[
    "核心区",
    "片区",
    "分园",
    "组团",
    "板块",
    "功能区",
    "承载区",
    "先行区",
    "启动区",
    // X是Z直管园区之一: one of the parks the zone runs itself.
    "直管园区",
    "园区之一",
    // X是Z的重要组成部分.
    "组成部分",
];

/// Kind words a zone's names end with that stand for it when bare (某某航空港区 → 港区).
/// Not 园区, 新区 or 该区: `ZONE_COREF` reads those in the sentence's text.
const ZONE_KINDS: &[&str] = &[
    "高新区",
    "开发区",
    "经开区",
    "科学城",
    "港区",
    "自贸区",
    "试验区",
    "示范区",
    "合作区",
    "科技城",
    "生态城",
    "综保区",
    "保税区",
    "科技园",
    "产业园",
    // 农业高新技术产业示范区 goes by 农高区.
    "农高区",
];

/// What may stand right before a bare kind word that refers back (设在高新区, 与高新区共建,
/// 是高新区的): a word of grammar, not the end of a name of another zone (某某高新区 that
/// recognition missed).
const COREF_BEFORE: &str = "在与是和及同向到至入驻户了的为由对从将经据本该";

/// Mentions for the bare kind words of the article's zone `topic`: 高新区 alone, where the
/// zone is 某某高新区; none where the word begins 高新区企业 (the zone's companies, not it)
/// or lies inside a mention.
fn zone_corefs(art: &Article, ms: &[Mention], table: &Overlay, topic: usize) -> Vec<Mention> {
    let node = table.node(topic);
    let kinds: Vec<&str> = ZONE_KINDS
        .iter()
        .copied()
        .filter(|w| {
            std::iter::once(&node.label)
                .chain(node.aliases.iter())
                .any(|n| n.ends_with(w) && n.chars().count() > w.chars().count())
        })
        .collect();
    let text = &art.norm.text;
    // The mentions' starts in order with the furthest end reached so far, so that whether a
    // word lies in a mention is a binary search (a long table holds thousands of both).
    let mut spans: Vec<(usize, usize)> = ms.iter().map(|m| (m.range.start, m.range.end)).collect();
    spans.sort_unstable();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |far, &(_, e)| {
            *far = (*far).max(e);
            Some(*far)
        })
        .collect();
    let covered = |r: &Range<usize>| {
        let n = spans.partition_point(|&(s, _)| s < r.end);
        n > 0 && reach[n - 1] > r.start
    };
    let mut out = Vec::new();
    for w in kinds {
        for (i, _) in lexicon::match_indices(text, w) {
            let r = i..i + w.len();
            if covered(&r) {
                continue;
            }
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| is_cjk(c) && !COREF_BEFORE.contains(c)) {
                continue;
            }
            let after = &text[r.end..];
            if ["企业", "公司"].iter().any(|x| after.starts_with(x)) {
                continue;
            }
            out.push(coref_mention(r, w));
        }
    }
    // 在园区内建设了…, 在园区设立…: the zone's common word where something is put in it.
    for (i, _) in lexicon::match_indices(text, "园区") {
        let r = i..i + "园区".len();
        let after = &text[r.end..];
        let put = text[..i].ends_with('在')
            && (after.starts_with('内')
                || BUILD
                    .iter()
                    .chain(SETTLE.iter())
                    .any(|v| after.starts_with(v)));
        if put && !covered(&r) && !out.iter().any(|m| m.range == r) {
            out.push(coref_mention(r, "园区"));
        }
    }
    // The zone's head without its kind (临港 for 临港新片区), where a settling word puts
    // something in it (落户临港, 在临港设立了…) and it is no place's name.
    let heads: Vec<&str> = std::iter::once(&node.label)
        .chain(node.aliases.iter())
        .filter_map(|n| {
            ["新片区", "片区", "新区", "经开区", "高新区", "开发区"]
                .iter()
                .find_map(|k| n.strip_suffix(k))
        })
        .filter(|h| h.chars().count() >= 2 && h.chars().all(is_cjk))
        .filter(|h| GAZETTEER.place(h).is_none() && GAZETTEER.place_prefix(h).is_none())
        .collect();
    for h in heads {
        for (i, _) in lexicon::match_indices(text, h) {
            let r = i..i + h.len();
            if covered(&r) || out.iter().any(|m| m.range == r) {
                continue;
            }
            let put_in = ["在", "落户", "入驻", "迁至", "进驻", "扎根", "落地"]
                .iter()
                .any(|v| text[..i].ends_with(v));
            let after = &text[r.end..];
            let then = after.chars().next().is_none_or(|c| !is_cjk(c))
                || SETTLE
                    .iter()
                    .chain(BUILD.iter())
                    .any(|v| after.starts_with(v));
            if put_in && then {
                out.push(coref_mention(r, h));
            }
        }
    }
    out
}

fn coref_mention(range: Range<usize>, text: &str) -> Mention {
    Mention {
        range,
        etype: EntityType::Zone,
        text: text.to_string(),
        origin: Origin::Coref,
        gaz: None,
        paren_alias: None,
        nested: false,
    }
}

/// The zone an article is about: named in its title, else the most mentioned.
fn topic_zone(art: &Article, ms: &[Mention], ids: &[usize], table: &Overlay) -> Option<usize> {
    let mut count: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (k, m) in ms.iter().enumerate() {
        let n = table.find(ids[k]);
        if m.nested || table.node(n).etype != EntityType::Zone {
            continue;
        }
        let e = count.entry(n).or_insert((0, usize::MAX - k));
        e.0 += 1;
        // Named in the title by this name or another of its names (某某大学科技园 in the
        // title, 某某大学国家大学科技园 in the text).
        let node = table.node(n);
        if lexicon::contains(&art.doc.title, &m.text)
            || std::iter::once(&node.label)
                .chain(node.aliases.iter())
                .any(|a| a.chars().count() >= 4 && art.doc.title.contains(a.as_str()))
        {
            e.0 += 3;
        }
    }
    // Only a zone the article dwells on (or names in its title) is its topic: named four
    // times, or three times where no other zone is named twice.
    let runner_up = {
        let mut c: Vec<usize> = count.values().map(|v| v.0).collect();
        c.sort_unstable();
        c.iter().rev().nth(1).copied().unwrap_or(0)
    };
    count
        .into_iter()
        .max_by_key(|(_, v)| *v)
        .filter(|(_, v)| v.0 >= 4 || (v.0 >= 3 && runner_up <= 1))
        .map(|(n, _)| n)
}

fn node(table: &Overlay, ids: &[usize], k: usize) -> (usize, EntityType) {
    let n = table.find(ids[k]);
    (n, table.node(n).etype)
}

fn is_gov(label: &str) -> bool {
    GOV.iter().any(|g| label.ends_with(g))
        // Ministries (工业和信息化部), but not a company's 总部 or 事业部.
        || (label.ends_with('部')
            && !["总部", "事业部", "本部", "分部", "俱乐部", "西部", "东部", "南部", "北部", "中部"]
                .iter()
                .any(|w| label.ends_with(w)))
        || label.ends_with("总署")
        || label.ends_with("总局")
}

fn sentence_rules(
    cx: &mut Ctx,
    table: &mut Overlay,
    sent: &Range<usize>,
    in_sent: &[usize],
    (current, topic): (Option<usize>, Option<usize>),
    prev_orgs: &[usize],
    settle_host: &mut Option<(usize, bool)>,
) {
    // Where the previous sentence settled organizations: a sentence that begins with 其中
    // (…引进项目46个。其中,某某公司…) goes on with its list.
    // The flag says that a 其中 list goes on after a semicolon (其中,A将…;B与…;C也将…).
    let carried = settle_host.take();
    let text = &cx.art.norm.text;
    let s = &text[sent.clone()];
    let [settle_hits, sub_hits, focus_hits] = sentence_words(s);
    let ms = cx.ms;
    let ids = cx.ids;
    let top: Vec<usize> = in_sent.iter().copied().filter(|&k| !ms[k].nested).collect();
    let zones: Vec<usize> = top
        .iter()
        .copied()
        .filter(|&k| node(table, ids, k).1 == EntityType::Zone)
        .collect();
    let orgs: Vec<usize> = in_sent
        .iter()
        .copied()
        .filter(|&k| {
            node(table, ids, k).1.is_org() && (!ms[k].nested || ms[k].etype == EntityType::Company)
        })
        .collect();
    // Industries inside a park's name belong to that park (name rules), not the sentence.
    let inds: Vec<usize> = top
        .iter()
        .copied()
        .filter(|&k| node(table, ids, k).1 == EntityType::Industry)
        .collect();

    // Cooperation, clause by clause.
    let mut coop_objects: Vec<usize> = Vec::new();
    let mut clause_start = sent.start;
    let mut clauses = Vec::new();
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | '，' | ';' | '；' | '。') {
            clauses.push(clause_start..sent.start + i);
            clause_start = sent.start + i + c.len_utf8();
        }
    }
    clauses.push(clause_start..sent.end);
    // The subject of the sentence's last cooperation: a clause that begins with 与 has no
    // subject of its own (我们与A共建了X,与B合作设立了Y).
    let mut last_subj: Option<usize> = None;
    for cl in &clauses {
        let ct = &text[cl.clone()];
        // X与Y合作, X携手Y, and X联合Y设立… (联合 as the verb, not inside 与…联合共建).
        // A 与 inside a name (某某纳米技术与纳米仿生研究所) is no marker.
        let outside = |i: &usize| {
            let p = cl.start + i;
            !top.iter()
                .any(|&k| ms[k].range.start <= p && p < ms[k].range.end)
        };
        let Some(yu) = ct
            .match_indices('与')
            .map(|(i, _)| i)
            .find(outside)
            .or_else(|| lexicon::find(ct, "携手"))
            .or_else(|| lexicon::find(ct, "联合").filter(|&i| i > 0 && outside(&i)))
        else {
            continue;
        };
        let yu_abs = cl.start + yu;
        // The verb after the partner; 联合 itself is the marker, not the verb.
        let from = if ct[yu..].starts_with("联合") {
            yu + "联合".len()
        } else {
            yu
        };
        let Some(verb_rel) = COOP_VERBS
            .iter()
            .chain(["设立", "成立", "建设", "组建"].iter())
            .flat_map(|v| lexicon::match_indices(&ct[from..], v).map(|(i, _)| from + i))
            .filter(|&i| i > yu)
            // 联合 inside a name (国际联合学院) is no verb.
            .filter(|&i| {
                let p = cl.start + i;
                !top.iter()
                    .any(|&k| ms[k].range.start < p && p < ms[k].range.end)
            })
            .min()
            // X联合Y,为…: 联合 is the verb itself when the partner follows it at once.
            .or_else(|| {
                (from > yu && top.iter().any(|&k| ms[k].range.start == cl.start + from))
                    .then_some(ct.len())
            })
        else {
            continue;
        };
        let verb_abs = cl.start + verb_rel;
        let objs: Vec<usize> = top
            .iter()
            .copied()
            .filter(|&k| ms[k].range.start > yu_abs && ms[k].range.end <= verb_abs)
            // A与B在Z签署协议: Z is where they sign, not a party.
            .filter(|&k| !text[..ms[k].range.start].ends_with('在'))
            // 与X下属的Y签署: the partner is Y; X only names whose it is.
            .filter(|&k| {
                !PARENT_MARKERS
                    .iter()
                    .any(|w| text[ms[k].range.end..].starts_with(w))
            })
            .filter(|&k| {
                matches!(
                    node(table, ids, k).1,
                    EntityType::Zone | EntityType::Company | EntityType::Institution
                )
            })
            .collect();
        // A与该研究院签订协议: the partner named by 该 and its kind is the last such
        // organization named in this sentence or the one before.
        let coref_obj = if objs.is_empty() {
            ORG_COREF
                .iter()
                .filter(|w| !["该项目", "该平台"].contains(w))
                .find(|w| text[yu_abs..verb_abs].contains(*w))
                .and_then(|w| {
                    let kind = &w["该".len()..];
                    let here = top
                        .iter()
                        .filter(|&&k| ms[k].range.end <= yu_abs)
                        .map(|&k| node(table, ids, k).0);
                    prev_orgs.iter().copied().chain(here).rfind(|&o| {
                        let n = table.node(o);
                        n.etype.is_org()
                            && (n.label.ends_with(kind)
                                || (["公司", "企业"].contains(&kind)
                                    && n.etype == EntityType::Company))
                    })
                })
        } else {
            None
        };
        if objs.is_empty() && coref_obj.is_none() {
            continue;
        }
        let party = |k: &usize| {
            matches!(
                node(table, ids, *k).1,
                EntityType::Zone | EntityType::Company | EntityType::Institution
            )
        };
        let in_clause = top
            .iter()
            .copied()
            .filter(|&k| ms[k].range.end <= yu_abs && ms[k].range.start >= cl.start)
            .rfind(party);
        // 园区与X合作: the clause's subject is the article's zone.
        // 我们与X共建…: in news about a zone, its officials speak for it.
        let coref = ZONE_COREF
            .iter()
            .chain(["我们"].iter())
            .any(|w| text[cl.start..yu_abs].contains(w));
        let earlier = top
            .iter()
            .copied()
            .filter(|&k| ms[k].range.end <= yu_abs)
            .rfind(party);
        // 该公司与X合作: the organization of the previous sentence.
        let org_coref = ORG_COREF.iter().any(|w| text[cl.start..yu_abs].contains(w));
        // Nothing but an adverb before 与 (,并与X…): the clause has no subject of its own.
        let bare = text[cl.start..yu_abs]
            .chars()
            .all(|c| crate::lexicon::ADVERBS.contains(c));
        // 推动各高新区与X合作: zones in general, none of them in particular.
        if in_clause.is_none()
            && ["各", "全省", "全国", "所有"]
                .iter()
                .any(|w| text[cl.start..yu_abs].contains(w))
        {
            continue;
        }
        // 研究院还与X签署…: a bare noun as the subject stands for the last organization of
        // its kind named before; 公司与X共建…, for the last company, whatever its name ends with.
        let noun_subject = || {
            let before = &text[cl.start..yu_abs];
            let noun = ["研究院", "研究所", "实验室", "中心", "大学", "集团", "公司"]
                .iter()
                .find(|w| before.starts_with(*w))?;
            if !before[noun.len()..]
                .chars()
                .all(|c| crate::lexicon::ADVERBS.contains(c))
            {
                return None;
            }
            let upto = cx
                .by_start
                .partition_point(|&k| ms[k].range.start < cl.start);
            cx.by_start[..upto]
                .iter()
                .rev()
                .map(|&k| node(table, ids, k))
                .find(|&(n, t)| {
                    if *noun == "公司" {
                        t == EntityType::Company
                    } else {
                        t.is_org() && table.node(n).label.ends_with(noun)
                    }
                })
                .map(|(n, _)| n)
        };
        let subj = in_clause
            .map(|k| node(table, ids, k).0)
            .or(if bare { last_subj } else { None })
            // …落户Z,并与Y共建…: a clause without a subject of its own continues the
            // sentence's subject, not the zone its verb named last.
            .or_else(|| {
                bare.then(|| sentence_subject(text, sent, ms, &top))
                    .flatten()
                    .filter(party)
                    .map(|k| node(table, ids, k).0)
            })
            .or_else(noun_subject)
            .or_else(|| {
                if org_coref || (bare && opens_with_org_anaphor(s)) {
                    prev_orgs.last().copied()
                } else {
                    None
                }
            })
            // 园区 is the zone named last before it in the sentence (某某高新区负责人介绍,
            // 园区将联合…), else the article's.
            .or_else(|| {
                if coref {
                    top.iter()
                        .copied()
                        .filter(|&k| ms[k].range.end <= yu_abs && ms[k].range.start >= sent.start)
                        .rfind(|&k| {
                            node(table, ids, k).1 == EntityType::Zone
                                && is_zone_level(&table.node(node(table, ids, k).0).label)
                        })
                        .map(|k| node(table, ids, k).0)
                        .or(topic)
                        .or(current)
                } else {
                    None
                }
            })
            .or_else(|| earlier.map(|k| node(table, ids, k).0))
            .or(current);
        last_subj = subj.or(last_subj);
        if let Some(b) = coref_obj {
            if let Some(a) = subj.filter(|&a| a != b) {
                cx.emit(table, a, Predicate::CooperatesWith, b, sent);
            }
            continue;
        }
        // Signing with a zone is also settling in it; other cooperation is not.
        let signing =
            text[yu_abs..cl.end].contains("签约") || text[yu_abs..cl.end].contains("投资协议");
        // A company that signs an agreement with a zone (某某公司与经开区签署协议,扩建…)
        // invests there: it settles in the zone.
        let signs_agreement = signing
            || (text[yu_abs..cl.end].contains("签署") && text[yu_abs..cl.end].contains("协议"));
        // Coordinated subjects (A、B等高校院所也与Z建立合作): each cooperates.
        let mut co_subjects: Vec<usize> = Vec::new();
        if let Some(last) = in_clause {
            let mut cur = last;
            while let Some(prev) = top
                .iter()
                .copied()
                .filter(|&k| {
                    ms[k].range.end <= ms[cur].range.start && ms[k].range.start >= cl.start
                })
                .rfind(party)
            {
                let gap = &text[ms[prev].range.end..ms[cur].range.start];
                // 德国某某集团、法国某某集团: a country or place before each name.
                let gap_place = gap.strip_prefix('、').is_some_and(|p| {
                    GAZETTEER.place(p).is_some()
                        || (p.ends_with('国') && (2..=3).contains(&p.chars().count()))
                });
                if !["、", "和", "及", "以及"].contains(&gap) && !gap_place {
                    break;
                }
                co_subjects.push(node(table, ids, prev).0);
                cur = prev;
            }
        }
        if let Some(subj) = subj {
            for k in objs {
                let o = node(table, ids, k).0;
                cx.emit(table, subj, Predicate::CooperatesWith, o, sent);
                for &c in &co_subjects {
                    cx.emit(table, c, Predicate::CooperatesWith, o, sent);
                }
                if signs_agreement
                    && table.node(subj).etype == EntityType::Company
                    && node(table, ids, k).1 == EntityType::Zone
                {
                    cx.emit(table, subj, Predicate::SettledIn, o, sent);
                }
                if !signing {
                    coop_objects.push(k);
                }
            }
            // A partner of a zone in building something does not settle in it by that
            // (X大学与Z共建的中心…吸引团队入驻).
            if !signing {
                if let Some(k) = in_clause {
                    coop_objects.push(k);
                }
            }
        }
    }

    // 位于P的X: X is in the place P (位于杭州市余杭区的X: in the last, smallest place).
    for &k in &top {
        if node(table, ids, k).1 != EntityType::Place
            || !text[..ms[k].range.start].ends_with("位于")
        {
            continue;
        }
        let mut last = k;
        while let Some(&q) = top.iter().find(|&&q| {
            ms[q].range.start == ms[last].range.end && node(table, ids, q).1 == EntityType::Place
        }) {
            last = q;
        }
        // X位于P, X(以下简称"Y")位于P: the place ends the phrase (not 位于P的Y, where X
        // is in Y).
        let subject = top.iter().copied().rev().find(|&x| {
            ms[x].range.end <= ms[k].range.start
                && skip_parenthetical(&text[ms[x].range.end..ms[k].range.start]) == "位于"
        });
        let ends = text[ms[last].range.end..]
            .chars()
            .next()
            .is_none_or(|c| !is_cjk(c) || lexicon::one_of("境内内", c));
        if let Some(x) = subject.filter(|_| ends) {
            let (xn, xt) = node(table, ids, x);
            if xt.is_org() || xt == EntityType::Zone {
                cx.emit(
                    table,
                    xn,
                    Predicate::LocatedIn,
                    node(table, ids, last).0,
                    sent,
                );
            }
        }
        let after = ms[last].range.end + "的".len();
        if !text[ms[last].range.end..].starts_with('的') {
            continue;
        }
        if let Some(&x) = top.iter().find(|&&x| ms[x].range.start == after) {
            let (xn, xt) = node(table, ids, x);
            if xt.is_org() || xt == EntityType::Zone {
                cx.emit(
                    table,
                    xn,
                    Predicate::LocatedIn,
                    node(table, ids, last).0,
                    sent,
                );
            }
        }
    }

    // 位于Z的X and Z企业X.
    for w in zones.windows(1) {
        let z = w[0];
        let zr = &ms[z].range;
        let before_loc = text[..zr.start].ends_with("位于");
        // 走进Z的X: a visit to X in Z.
        let visited = text[..zr.start].ends_with("走进");
        let follow = |gap: &str| {
            top.iter().copied().find(|&k| {
                ms[k].range.start == zr.end + gap.len() && text[zr.end..].starts_with(gap)
            })
        };
        // X位于Z, X(以下简称"Y")位于Z: a park lies in the zone, an organization in it;
        // X总部位于Z: the organization by its headquarters.
        if before_loc {
            let zn = node(table, ids, z).0;
            let subject = top
                .iter()
                .copied()
                .find(|&k| {
                    ms[k].range.end <= zr.start && {
                        let gap = skip_parenthetical(&text[ms[k].range.end..zr.start]);
                        gap == "位于" || (headquarters_at(gap) && node(table, ids, k).1.is_org())
                    }
                })
                .map(|k| node(table, ids, k))
                // 公司总部和研发中心均位于Z: the company named before.
                .or_else(|| {
                    let rest = after_company_anaphor(&text[sent.start..zr.start])?;
                    if !headquarters_at(rest) || top.iter().any(|&k| ms[k].range.end <= zr.start) {
                        return None;
                    }
                    Some((last_company(table, prev_orgs)?, EntityType::Company))
                })
                // X由…创办,总部位于Z: a clause of its own about the sentence's subject.
                .or_else(|| {
                    let head = &text[sent.start..zr.start];
                    let clause = &head[head.rfind(',').map_or(0, |i| i + 1)..];
                    if clause.len() == head.len() || !headquarters_at(clause) {
                        return None;
                    }
                    let x = sentence_subject(text, sent, ms, &top).filter(|&x| x != z)?;
                    Some(node(table, ids, x)).filter(|&(_, t)| t.is_org())
                })
                // 某某生态城是…项目,位于某市某某新区: a zone the sentence is about lies in the
                // new area, and so in the city that names it.
                .or_else(|| {
                    let head = &text[sent.start..zr.start];
                    if !head.strip_suffix("位于")?.ends_with(',') {
                        return None;
                    }
                    let x = sentence_subject(text, sent, ms, &top).filter(|&x| x != z)?;
                    let (xn, xt) = node(table, ids, x);
                    if xt != EntityType::Zone {
                        return None;
                    }
                    if let Some((entry, _)) = GAZETTEER.place_prefix(&table.node(zn).label) {
                        let pl = entry.label.clone();
                        let pn = table.intern(
                            EntityType::Place,
                            &pl,
                            GAZETTEER.places.get(&pl).copied(),
                        );
                        cx.emit(table, xn, Predicate::LocatedIn, pn, sent);
                    }
                    Some((xn, xt))
                });
            if let Some((xn, xt)) = subject {
                if xt == EntityType::Zone && xn != zn {
                    cx.emit(table, xn, Predicate::PartOf, zn, sent);
                } else if xt.is_org() && !is_gov(&table.node(xn).label) {
                    cx.emit(table, xn, Predicate::SettledIn, zn, sent);
                }
            }
        }
        // X…,成为Z(的)第28家上市企业: X is counted among Z's companies.
        if text[..zr.start].ends_with("成为") && {
            let after = text[zr.end..].trim_start_matches('的');
            after.strip_prefix('第').is_some_and(|a| {
                let n = a.find(|c: char| {
                    !(c.is_ascii_digit() || lexicon::one_of("一二三四五六七八九十百千", c))
                });
                n.is_some_and(|n| n > 0 && a[n..].starts_with('家'))
            })
        } {
            if let Some(x) = sentence_subject(text, sent, ms, &top).filter(|&x| x != z) {
                let (xn, xt) = node(table, ids, x);
                if xt.is_org() && !is_gov(&table.node(xn).label) {
                    cx.emit(table, xn, Predicate::SettledIn, node(table, ids, z).0, sent);
                }
            }
        }
        if before_loc || visited {
            if let Some(x) = follow("的") {
                let (xn, xt) = node(table, ids, x);
                let zn = node(table, ids, z).0;
                if xt.is_org() {
                    cx.emit(table, xn, Predicate::SettledIn, zn, sent);
                } else if xt == EntityType::Zone {
                    cx.emit(table, xn, Predicate::PartOf, zn, sent);
                }
            }
        }
        for gap in ["企业", "的企业", "内的", "内企业"] {
            if let Some(x) = follow(gap) {
                let (xn, xt) = node(table, ids, x);
                if xt.is_org() {
                    cx.emit(table, xn, Predicate::SettledIn, node(table, ids, z).0, sent);
                }
            }
        }
    }

    // Settling.
    // One pass over the sentence for all the words, in the order the word-by-word search
    // had (by word, then position), which the hosts below rely on.
    let trig: Vec<(usize, usize)> = settle_hits
        .into_iter()
        .map(|(w, i)| (sent.start + i, sent.start + i + SETTLE[w].len()))
        .filter(|&(_, e)| !text[e..].starts_with("仪式"))
        .collect();
    // 在Z建设…: the zone after 在 hosts what the clause builds.
    let built_in: Option<usize> = zones.iter().copied().find(|&z| {
        text[..ms[z].range.start].ends_with('在')
            && BUILD.iter().any(|v| {
                text[ms[z].range.end..sent.end]
                    .chars()
                    .take(6)
                    .collect::<String>()
                    .contains(v)
            })
    });
    let only_gather = trig
        .iter()
        .all(|&(b, _)| GATHER.iter().any(|g| text[b..].starts_with(g)));
    let names_zone = !zones.is_empty() || ZONE_COREF.iter().any(|w| lexicon::contains(s, w));
    // X旗下的Y: Y acts, its parent X is only named.
    let parent_only = |k: usize| {
        let rest = text[ms[k].range.end..sent.end].trim_start_matches(['"', ')']);
        PARENT_MARKERS
            .iter()
            .any(|w| skip_parenthetical(rest).starts_with(w))
    };
    let list_goes_on = carried.is_some_and(|(_, on)| on);
    if trig.is_empty() && built_in.is_none() && (s.starts_with("其中") || list_goes_on) {
        if let Some((h, _)) = carried {
            for &k in &orgs {
                let (o, _) = node(table, ids, k);
                // 由某某团队创办的X: whatever follows 由, it founded X.
                if o != h
                    && !founds(text, &ms[k].range, sent.end)
                    && !text[..ms[k].range.start].ends_with('由')
                    && !ms[k].nested
                    && !parent_only(k)
                    && !is_gov(&table.node(o).label)
                {
                    cx.emit(table, o, Predicate::SettledIn, h, sent);
                }
            }
            if s.ends_with([';', '；']) {
                *settle_host = Some((h, true));
            }
        }
    }
    if (!trig.is_empty() && (!only_gather || names_zone)) || built_in.is_some() {
        // 落户Z / 入驻Z: the zone after the verb hosts; 引进 takes its host as subject.
        let after_trigger = zones.iter().copied().find(|&z| {
            trig.iter().any(|&(b, e)| {
                ms[z].range.start >= e
                    && ms[z].range.start <= e + 6
                    && !INTRODUCE.iter().any(|v| text[b..].starts_with(v))
            })
        });
        // 入驻高新区黄泥川科技园: the park right after the article's zone hosts.
        let after_trigger = after_trigger.map(|z| {
            zones
                .iter()
                .copied()
                .find(|&p| {
                    ms[p].range.start >= ms[z].range.end
                        && text[ms[z].range.end..ms[p].range.start].trim().is_empty()
                        && !is_zone_level(&table.node(node(table, ids, p).0).label)
                        && is_zone_level(&table.node(node(table, ids, z).0).label)
                })
                .unwrap_or(z)
        });
        let first_trig = trig.iter().map(|t| t.0).min().unwrap_or(sent.end);
        let zone_level_before = zones
            .iter()
            .copied()
            .filter(|&z| ms[z].range.end <= first_trig)
            .find(|&z| is_zone_level(&table.node(node(table, ids, z).0).label));
        let first_before = zones
            .iter()
            .copied()
            .find(|&z| ms[z].range.end <= first_trig);
        let zone_level = |n: usize| is_zone_level(&table.node(n).label);
        // A 分别 sentence pairs organizations and parks one to one: settle them in the whole zone.
        let respectively = s.contains("分别")
            && zones
                .iter()
                .filter(|&&z| ms[z].range.start > first_trig)
                .count()
                >= 2;
        let host = if respectively {
            topic.or(current.filter(|&c| zone_level(c)))
        } else {
            built_in
                .or(after_trigger)
                .or(zone_level_before)
                .map(|k| node(table, ids, k).0)
                .or(topic)
                .or(current.filter(|&c| zone_level(c)))
                .or(first_before.map(|k| node(table, ids, k).0))
                .or(current)
        };
        // 由X牵头组建的Y落户…, X投资建设的Y: X founded what settles, and does not settle by
        // it. 吸引A、B等高校加盟: they join, and do not settle.
        let founder = |k: usize| founds(text, &ms[k].range, sent.end);
        let joins = |k: usize| {
            let cl_end = text[ms[k].range.end..sent.end]
                .find([',', '，', ';', '；', '。'])
                .map_or(sent.end, |i| ms[k].range.end + i);
            ["加盟", "加入", "参与"]
                .iter()
                .any(|w| lexicon::contains(&text[ms[k].range.end..cl_end], w))
        };
        if !trig.is_empty() {
            // 签约项目包括:A投资…;B拟投资…;: a list after a colon goes on over semicolons.
            let listed = ["包括:", "包括：", "分别为:", "分别是:", "如下:"]
                .iter()
                .any(|w| lexicon::contains(s, w))
                && s.ends_with([';', '；']);
            *settle_host = host.map(|h| (h, listed));
        }
        let relied: Vec<usize> = orgs
            .iter()
            .filter(|&&k| {
                ["依托", "借助", "凭借"]
                    .iter()
                    .any(|w| text[..ms[k].range.start].ends_with(w))
                    // X下设A和B: the units a body has do not settle by its sentence.
                    || text[clause_around(text, sent, &ms[k].range).start..ms[k].range.start]
                        .contains("下设")
            })
            .map(|&k| node(table, ids, k).0)
            .collect();
        let org_subject =
            sentence_subject(text, sent, ms, &top).is_some_and(|k| node(table, ids, k).1.is_org());
        if let Some(host) = host {
            let mut settlers: Vec<usize> = orgs
                .iter()
                .copied()
                // A partner does not settle by any of its names in its clause
                // (X(简称"Y")与Z合作,孵化了…); a clause of its own may settle it
                // (Z与X签署合作协议,X将在Z投资建设…).
                .filter(|&k| {
                    let n = node(table, ids, k).0;
                    let cl = clause_around(text, sent, &ms[k].range);
                    !coop_objects
                        .iter()
                        .any(|&c| node(table, ids, c).0 == n && cl.contains(&ms[c].range.start))
                })
                .filter(|&k| !founder(k) && !joins(k))
                // 依托X(以下简称"Y")的科研优势,Z孵化了…: what the zone relies on does not
                // settle by it, by any of its names.
                .filter(|&k| !relied.contains(&node(table, ids, k).0))
                // 在Z建设…: what the clause of 在Z builds settles, not what an earlier
                // clause names (收购某某公司,此后在Z建设了…).
                // A later clause with a settling word of its own (在Z投产,吸引了A、B集聚)
                // settles its organizations in Z too.
                .filter(|&k| {
                    built_in.is_none_or(|z| {
                        let (a, b) = (
                            ms[k].range.start.min(ms[z].range.start),
                            ms[k].range.end.max(ms[z].range.end),
                        );
                        !text[a..b].contains([',', '，', ';', '；'])
                            || (ms[k].range.start > ms[z].range.end && {
                                let cl = clause_around(text, sent, &ms[k].range);
                                trig.iter().any(|&(t, _)| cl.contains(&t))
                            })
                    })
                })
                // X旗下的Y在Z投产: Y settles, its parent is only named.
                .filter(|&k| !parent_only(k))
                // X落户Z,并与Y共建了W: what two organizations build in a clause of its
                // own, with no zone and no settling word, is theirs; Z's verb is another
                // clause's. (A zone that builds with a partner hosts what they build.)
                .filter(|&k| {
                    let cl = clause_around(text, sent, &ms[k].range);
                    let before = &text[cl.start..ms[k].range.start];
                    !(org_subject
                        && cl.start > sent.start
                        && before.contains('与')
                        && COOP_VERBS.iter().any(|v| before.contains(v))
                        && !trig.iter().any(|&(t, _)| cl.contains(&t))
                        && !zones.iter().any(|&z| cl.contains(&ms[z].range.start)))
                })
                .map(|k| node(table, ids, k).0)
                .collect();
            // X与Y共建了…,并在Z建设了…; X是…,去年在Z新建了…: a 在Z clause without a
            // subject of its own goes on with the sentence's.
            if let Some(z) = built_in.filter(|_| settlers.is_empty()) {
                let cl = clause_around(text, sent, &ms[z].range);
                let mut lead = text[cl.start..ms[z].range.start].trim_end_matches('在');
                while let Some(w) = ["并", "还", "且", "也", "又", "同时", "随后", "此后", "后"]
                    .iter()
                    .chain(crate::lexicon::TIME_OPENERS.iter())
                    .find(|w| lead.starts_with(*w))
                {
                    lead = &lead[w.len()..];
                }
                if cl.start > sent.start && lead.is_empty() {
                    if let Some(k) = sentence_subject(text, sent, ms, &top) {
                        let (o, t) = node(table, ids, k);
                        if t.is_org() && !is_gov(&table.node(o).label) {
                            settlers.push(o);
                        }
                    }
                }
            }
            // 研究院落户…, 该公司入驻…: an anaphor names the organization of the previous sentence.
            // A sentence may also begin with the bare noun (公司将…, 研究院落户…).
            if settlers.is_empty() && opens_with_org_anaphor(s) {
                settlers.extend(prev_orgs.last().copied());
            }
            // Two settling clauses with hosts of their own (Z引进A、B…，其中C入驻Z的P园): each
            // organization settles where the trigger nearest to it says.
            let clause_hosts: Vec<(usize, usize)> = if respectively || built_in.is_some() {
                Vec::new()
            } else {
                trig.iter()
                    .filter_map(|&(b, e)| {
                        let introduce = INTRODUCE.iter().any(|v| text[b..].starts_with(v));
                        let z = if introduce {
                            zones.iter().copied().rfind(|&z| ms[z].range.end <= b)
                        } else {
                            zones
                                .iter()
                                .copied()
                                .find(|&z| ms[z].range.start >= e && ms[z].range.start <= e + 6)
                        }?;
                        Some((b, node(table, ids, z).0))
                    })
                    .collect()
            };
            let split = clause_hosts.iter().any(|&(_, h)| h != clause_hosts[0].1);
            let org_pos: BTreeMap<usize, usize> = orgs
                .iter()
                .map(|&k| (node(table, ids, k).0, ms[k].range.start))
                .collect();
            for o in settlers {
                if is_gov(&table.node(o).label) {
                    continue;
                }
                let h = match org_pos.get(&o) {
                    Some(&p) if split => clause_hosts
                        .iter()
                        .min_by_key(|&&(b, _)| b.abs_diff(p))
                        .map_or(host, |&(_, h)| h),
                    _ => host,
                };
                cx.emit(table, o, Predicate::SettledIn, h, sent);
            }
            for &z in &zones {
                let (zn, _) = node(table, ids, z);
                if zn != host
                    && !is_zone_level(&table.node(zn).label)
                    && set_up_in_place(&text[sent.start..ms[z].range.start]).is_none()
                {
                    cx.emit(table, zn, Predicate::PartOf, host, sent);
                }
            }
        }
    }

    // A 其中 list item that settles by a word of its own (其中,A将在园区建设…;) still lets
    // the list go on after its semicolon.
    if (s.starts_with("其中") || list_goes_on) && s.ends_with([';', '；']) {
        if let Some((h, _)) = carried {
            *settle_host = Some((h, true));
        }
    }

    // 由X投资建设的Y公司, X投资设立的Y公司: the company Y is X's.
    for &k in &orgs {
        if node(table, ids, k).1 != EntityType::Company {
            continue;
        }
        let after_at = ms[k].range.end
            + (text[ms[k].range.end..sent.end].len()
                - skip_parenthetical(&text[ms[k].range.end..sent.end]).len());
        let Some(v) = FOUNDING
            .iter()
            .find(|v| text[after_at..sent.end].starts_with(*v))
        else {
            continue;
        };
        let from = after_at + v.len();
        if let Some(&c) = orgs
            .iter()
            .find(|&&c| ms[c].range.start == from && node(table, ids, c).1 == EntityType::Company)
        {
            cx.emit(
                table,
                node(table, ids, c).0,
                Predicate::SubOrganizationOf,
                node(table, ids, k).0,
                sent,
            );
        }
    }

    // 由A、B共同出资建设: A and B work together.
    for (i, _) in lexicon::match_indices(s, "共同") {
        let at = sent.start + i;
        let Some(last) = top.iter().copied().find(|&k| {
            ms[k].range.end == at
                && matches!(
                    node(table, ids, k).1,
                    EntityType::Zone | EntityType::Company | EntityType::Institution
                )
        }) else {
            continue;
        };
        let mut parties = vec![last];
        let mut cur = last;
        while let Some(prev) = top.iter().copied().find(|&k| {
            ms[k].range.end <= ms[cur].range.start
                && list_gap(&text[ms[k].range.end..ms[cur].range.start])
                && node(table, ids, k).1 != EntityType::Place
        }) {
            parties.push(prev);
            cur = prev;
        }
        if parties.len() >= 2 && text[..ms[cur].range.start].ends_with('由') {
            for (a, &x) in parties.iter().enumerate() {
                for &y in &parties[a + 1..] {
                    let (xn, yn) = (node(table, ids, x).0, node(table, ids, y).0);
                    if xn != yn {
                        cx.emit(table, yn, Predicate::CooperatesWith, xn, sent);
                    }
                }
            }
        }
    }

    // 作为X在西南布局的首个生产基地,Y…: Y is X's base.
    if let (true, Some(c)) = (s.starts_with("作为"), s.find(',').map(|c| sent.start + c)) {
        let x = orgs
            .iter()
            .copied()
            .find(|&k| !ms[k].nested && ms[k].range.end <= c);
        let y = orgs
            .iter()
            .copied()
            .find(|&k| !ms[k].nested && ms[k].range.start == c + ','.len_utf8());
        let unit = |between: &str| {
            ["基地", "子公司", "分公司", "工厂", "总部"]
                .iter()
                .any(|u| between.ends_with(u))
                && between.contains('的')
        };
        if let (Some(x), Some(y)) = (x, y) {
            let (xn, yn) = (node(table, ids, x).0, node(table, ids, y).0);
            if unit(&text[ms[x].range.end..c]) && xn != yn {
                cx.emit(table, yn, Predicate::SubOrganizationOf, xn, sent);
            }
        } else if let (None, Some(y)) = (x, y) {
            // 作为某某在美国以外建设的首座工厂,某某(上海)有限公司…: the brand that Y's name
            // begins with, named nowhere else, is Y's parent.
            let from = sent.start + "作为".len();
            let brand = text[from..c].split_once('在').map(|(b, _)| b).unwrap_or("");
            let ylabel = &text[ms[y].range.clone()];
            if (2..=8).contains(&brand.chars().count())
                && brand.chars().all(is_cjk)
                && ylabel
                    .strip_prefix(brand)
                    .is_some_and(|rest| rest.starts_with('('))
                && unit(&text[from + brand.len()..c])
            {
                let p = table
                    .lookup(EntityType::Company, brand)
                    .unwrap_or_else(|| table.intern(EntityType::Company, brand, None));
                add_nested_mention(cx, table, p, from..from + brand.len());
                cx.emit(
                    table,
                    node(table, ids, y).0,
                    Predicate::SubOrganizationOf,
                    p,
                    sent,
                );
            }
        }
    }

    // X是A与B设立的合资企业: the joint venture is a unit of each of its parents.
    if let Some(jv) = ["合资企业", "合资公司"]
        .iter()
        .find_map(|w| lexicon::find(s, w))
    {
        let jv = sent.start + jv;
        let head = orgs.iter().copied().find(|&x| {
            !ms[x].nested
                && ms[x].range.end < jv
                && skip_parenthetical(&text[ms[x].range.end..jv]).starts_with('是')
                && !text[sent.start..ms[x].range.start].contains([',', ';'])
        });
        if let Some(x) = head {
            let xn = node(table, ids, x).0;
            for &p in orgs.iter().filter(|&&p| {
                !ms[p].nested && ms[p].range.start > ms[x].range.end && ms[p].range.end <= jv
            }) {
                let pn = node(table, ids, p).0;
                if pn != xn && !is_gov(&table.node(pn).label) {
                    cx.emit(table, xn, Predicate::SubOrganizationOf, pn, sent);
                }
            }
        }
    }

    // A与B签署协议。双方将合资成立X: the joint venture is a unit of both, when the pair
    // was named in this sentence or the one before.
    if let Some(i) = lexicon::find(s, "双方") {
        let from = sent.start + i + "双方".len();
        let clause_end = clause_around(text, sent, &(from..from)).end;
        let verb = [
            "合资成立",
            "合资设立",
            "合资组建",
            "共同成立",
            "共同设立",
            "共同出资成立",
        ]
        .iter()
        .filter_map(|v| lexicon::find(&text[from..clause_end], v).map(|j| from + j + v.len()))
        .min();
        let recent = cx.last_pair.filter(|&(_, _, at)| {
            at <= sent.start && text[at..sent.start].matches(['。', '！', '？']).count() <= 1
        });
        if let (Some(v), Some((a, b, _))) = (verb, recent) {
            if let Some(&x) = orgs
                .iter()
                .find(|&&x| !ms[x].nested && ms[x].range.start >= v && ms[x].range.start <= v + 3)
            {
                let xn = node(table, ids, x).0;
                if node(table, ids, x).1 == EntityType::Company {
                    cx.emit(table, xn, Predicate::SubOrganizationOf, a, sent);
                    cx.emit(table, xn, Predicate::SubOrganizationOf, b, sent);
                }
            }
        }
    }

    // X下设A和B, 实验室下设A、B: the units are X's (X named right before 下设, or the
    // last organization of its kind named before, for a bare 实验室/研究院).
    if let Some(i) = lexicon::find(s, "下设") {
        let at = sent.start + i;
        let clause_end = clause_around(text, sent, &(at..at)).end;
        let named = orgs
            .iter()
            .copied()
            .find(|&x| !ms[x].nested && ms[x].range.end == at)
            .map(|x| node(table, ids, x).0);
        let bare = || {
            let before = &text[clause_around(text, sent, &(at..at)).start..at];
            [
                "实验室",
                "研究院",
                "研究所",
                "中心",
                "集团",
                "公司",
                "大学",
                "学院",
            ]
            .iter()
            .find(|w| before.ends_with(*w) && before.chars().count() <= 4)
            .and_then(|w| {
                prev_orgs
                    .iter()
                    .copied()
                    .rfind(|&o| table.node(o).label.ends_with(w))
            })
        };
        if let Some(x) = named.or_else(bare) {
            for &u in orgs.iter().filter(|&&u| {
                !ms[u].nested && ms[u].range.start > at && ms[u].range.end <= clause_end
            }) {
                let un = node(table, ids, u).0;
                if un != x {
                    cx.emit(table, un, Predicate::SubOrganizationOf, x, sent);
                }
            }
        }
    }

    // X(以下简称"Y")某某中心: the unit named right after the short form is X's.
    for &y in &orgs {
        let ys = ms[y].range.start;
        if ms[y].nested || !text[..ys].ends_with(')') {
            continue;
        }
        let Some(open) = text[..ys].rfind('(') else {
            continue;
        };
        if !text[open..ys].contains("简称") {
            continue;
        }
        if let Some(&x) = orgs
            .iter()
            .find(|&&x| ms[x].range.end == open && !ms[x].nested)
        {
            let (xn, yn) = (node(table, ids, x).0, node(table, ids, y).0);
            if xn != yn {
                cx.emit(table, yn, Predicate::SubOrganizationOf, xn, sent);
            }
        }
    }

    // 在Z,X…: what the clause after a zone set at its head names is in the zone (在某某开发区,
    // 某某公司研发的…).
    for &z in &zones {
        let zr = &ms[z].range;
        if !text[..zr.start].ends_with('在') || !text[zr.end..].starts_with(',') {
            continue;
        }
        let at = zr.end + ','.len_utf8();
        let Some(&first) = orgs
            .iter()
            .find(|&&x| ms[x].range.start == at && !ms[x].nested)
        else {
            continue;
        };
        // …and the names listed with it (在Z,A、B等龙头企业…).
        let mut named = vec![first];
        while let Some(&next) = orgs.iter().find(|&&k| {
            let last = named[named.len() - 1];
            ms[k].range.start > ms[last].range.end
                && list_gap(&text[ms[last].range.end..ms[k].range.start])
        }) {
            named.push(next);
        }
        for x in named {
            let xn = node(table, ids, x).0;
            if !is_gov(&table.node(xn).label) {
                cx.emit(table, xn, Predicate::SettledIn, node(table, ids, z).0, sent);
            }
        }
    }

    // X在Z设立了Y: Y is X's unit, settled in Z (the zone named, or the article's zone that a
    // word such as 小镇 refers to).
    for &y in &orgs {
        let yr = &ms[y].range;
        if ms[y].nested
            || !["设立了", "成立了", "建立了"]
                .iter()
                .any(|v| text[sent.start..yr.start].ends_with(v))
        {
            continue;
        }
        let Some(x) = orgs.iter().copied().rfind(|&x| {
            x != y && ms[x].range.end <= yr.start && !ms[x].nested && {
                let gap = &text[ms[x].range.end..yr.start];
                gap.starts_with('在') && !gap.contains([',', '，', ';', '；', '。'])
            }
        }) else {
            continue;
        };
        let (xn, yn) = (node(table, ids, x).0, node(table, ids, y).0);
        if xn == yn {
            continue;
        }
        cx.emit(table, yn, Predicate::SubOrganizationOf, xn, sent);
        let host = zones
            .iter()
            .copied()
            .find(|&z| ms[z].range.start > ms[x].range.end && ms[z].range.end <= yr.start)
            .map(|z| node(table, ids, z).0)
            .or_else(|| {
                let gap = &text[ms[x].range.end..yr.start];
                ZONE_COREF
                    .iter()
                    .chain(["小镇", "此", "这里"].iter())
                    .any(|w| gap.starts_with(&format!("在{w}")))
                    .then_some(current)
                    .flatten()
            });
        if let Some(z) = host {
            cx.emit(table, yn, Predicate::SettledIn, z, sent);
        }
    }

    // X(的)?(全资|控股)?子公司Y / X旗下Y: Y is part of X; 其 refers to the sentence's subject.
    for (w, i) in sub_hits {
        let marker = SUB_MARKER_WORDS[w];
        let (mpos, mut mend) = (sent.start + i, sent.start + i + marker.len());
        // 子公司——Y, 子公司：Y
        while let Some(c) = text[mend..sent.end]
            .chars()
            .next()
            .filter(|c| matches!(c, '—' | '-' | ':' | '：'))
        {
            mend += c.len_utf8();
        }
        let child = orgs
            .iter()
            .copied()
            .find(|&k| ms[k].range.start >= mend && ms[k].range.start <= mend + 3);
        let before = &text[sent.start..mpos];
        // X在Z设立的子公司: the founding clause between parent and marker.
        // X设立了子公司Y, X在Z设立了子公司Y: a founding verb alone, or after 在Z.
        let founded = |gap: &str| {
            let mut gap = gap;
            while let Some(w) = ["并", "还", "也", "又", "已", "先后"]
                .iter()
                .chain(crate::lexicon::TIME_OPENERS.iter())
                .find(|w| gap.starts_with(*w))
            {
                gap = &gap[w.len()..];
            }
            let verb = gap.strip_suffix('了').unwrap_or(gap);
            !gap.contains([',', '，', ';', '；', '。'])
                && (gap.starts_with('在') || ["设立", "成立", "组建"].contains(&verb))
                && [
                    "设立的",
                    "成立的",
                    "注册的",
                    "组建的",
                    "投资的",
                    "设立",
                    "成立",
                    "组建",
                ]
                .iter()
                .any(|v| verb.ends_with(v))
        };
        let parent = if before.ends_with('其') || before.ends_with("其的") {
            orgs.iter().copied().find(|&k| ms[k].range.end <= mpos)
        } else {
            orgs.iter().copied().rfind(|&k| {
                ms[k].range.end <= mpos
                    && (mpos - ms[k].range.end <= 3 || founded(&text[ms[k].range.end..mpos]))
            })
        };
        // 公司…,并在Z设立了子公司Y: a sentence whose subject refers back founds Y for the
        // organization named before it.
        let p = match parent {
            Some(k) => node(table, ids, k).0,
            None => {
                let cl = clause_around(text, sent, &(mpos..mend));
                let anaphor = opens_with_org_anaphor(s)
                    && cl.start > sent.start
                    && founded(&text[cl.start..mpos])
                    && !orgs.iter().any(|&k| ms[k].range.end <= mpos);
                let referent = if after_company_anaphor(s).is_some() {
                    last_company(table, prev_orgs)
                } else {
                    prev_orgs.last().copied()
                };
                match referent.filter(|_| anaphor) {
                    Some(n) => n,
                    None => continue,
                }
            }
        };
        // The children: the name after the marker and those coordinated with it
        // (旗下A、B), or a list before the parent (A、B等X旗下企业).
        let mut children: Vec<usize> = Vec::new();
        let coordinated = |from: usize, forward: bool| -> Vec<usize> {
            let mut out = vec![from];
            let mut cur = from;
            loop {
                let next = orgs.iter().copied().find(|&k| {
                    let gap = if forward {
                        ms[cur].range.end..ms[k].range.start
                    } else {
                        ms[k].range.end..ms[cur].range.start
                    };
                    gap.start <= gap.end && list_gap(&text[gap])
                });
                match next {
                    Some(k) if !out.contains(&k) => {
                        out.push(k);
                        cur = k;
                    }
                    _ => break,
                }
            }
            out
        };
        if let Some(c) = child {
            children = coordinated(c, true);
            // X的全资子公司X某某公司、Y某某公司: when the first child bears the parent's
            // brand, a later one without it is only listed beside it.
            let pn = p;
            let brand = {
                let pnode = table.node(pn);
                std::iter::once(&pnode.label)
                    .chain(pnode.aliases.iter())
                    .filter(|a| a.chars().count() >= 2 && GAZETTEER.place(a).is_none())
                    .min_by_key(|a| a.chars().count())
                    .cloned()
            };
            if let Some(b) = brand {
                let bears = |k: &usize| table.node(node(table, ids, *k).0).label.contains(&b);
                if bears(&children[0]) {
                    children.retain(bears);
                }
            }
        } else if let Some(pm) =
            parent.filter(|&k| marker == "旗下" && text[..ms[k].range.start].ends_with('等'))
        {
            let mut before_p = ms[pm].range.start - '等'.len_utf8();
            // …研究所有限公司(以下简称"某某所")等: the name before the parentheses.
            if text[..before_p].ends_with(')') {
                if let Some(o) = text[..before_p].rfind('(') {
                    before_p = o;
                }
            }
            if let Some(last) = orgs.iter().copied().find(|&k| ms[k].range.end == before_p) {
                children = coordinated(last, false);
            }
        }
        for c in children {
            let cn = node(table, ids, c).0;
            if cn != p {
                cx.emit(table, cn, Predicate::SubOrganizationOf, p, sent);
            }
        }
    }

    // Parks named after a whole zone in the same sentence are part of it.
    if let Some(&zl) = zones
        .iter()
        .find(|&&z| is_zone_level(&table.node(node(table, ids, z).0).label))
    {
        let zn = node(table, ids, zl).0;
        for &z in &zones {
            let (pn, _) = node(table, ids, z);
            if pn != zn
                && ms[z].range.start > ms[zl].range.start
                && !is_zone_level(&table.node(pn).label)
                && set_up_in_place(&text[sent.start..ms[z].range.start]).is_none()
            {
                cx.emit(table, pn, Predicate::PartOf, zn, sent);
            }
        }
    }

    // X是Z的龙头企业之一, X是Z的重点企业: a company the zone counts as its own is in it.
    for &x in &orgs {
        let xr = &ms[x].range;
        if ms[x].nested || !text[xr.end..].starts_with('是') {
            continue;
        }
        let cl_end = clause_around(text, sent, &(xr.end..xr.end)).end;
        let host = zones.iter().copied().find(|&z| {
            ms[z].range.start == xr.end + '是'.len_utf8()
                && text[ms[z].range.end..cl_end].starts_with('的')
                && text[ms[z].range.end..cl_end]
                    .trim_end_matches("之一")
                    .ends_with("企业")
        });
        if let Some(z) = host {
            let (xn, xt) = node(table, ids, x);
            if xt == EntityType::Company {
                cx.emit(table, xn, Predicate::SettledIn, node(table, ids, z).0, sent);
            }
        }
    }

    // X是Z"一核三城"的核心区之一, 作为Z核心区,X…: X is a part of Z, even when X's own name
    // is a whole zone's (某某科学城).
    for &x in &zones {
        let xr = &ms[x].range;
        // X位于P,是Z的…: the copula after a clause of where X lies.
        let after_where = text[xr.end..sent.end]
            .strip_prefix("位于")
            .and_then(|r| r.find([',', '，']).map(|i| xr.end + "位于".len() + i))
            .filter(|&c| text[c..].trim_start_matches([',', '，']).starts_with('是'))
            .map(|c| c + ','.len_utf8());
        let cop_at = after_where.unwrap_or(xr.end);
        let clause_end = clause_around(text, sent, &(cop_at..cop_at)).end;
        let copula = text[cop_at..].starts_with('是');
        let zuowei = s.starts_with("作为") && text[..xr.start].ends_with(',');
        let host = if copula {
            zones.iter().copied().find(|&z| {
                ms[z].range.start > cop_at
                    && ms[z].range.end <= clause_end
                    && (text[ms[z].range.end..clause_end].contains('的')
                        || text[ms[z].range.end..clause_end].ends_with("之一"))
                    && PART_WORDS
                        .iter()
                        .any(|w| text[ms[z].range.end..clause_end].contains(w))
            })
        } else if zuowei {
            zones.iter().copied().find(|&z| {
                ms[z].range.end < xr.start
                    && PART_WORDS
                        .iter()
                        .any(|w| text[ms[z].range.end..xr.start - ','.len_utf8()].ends_with(w))
            })
        } else {
            None
        };
        if let Some(z) = host {
            cx.emit(
                table,
                node(table, ids, x).0,
                Predicate::PartOf,
                node(table, ids, z).0,
                sent,
            );
        }
    }

    // Industries.
    if !inds.is_empty() {
        // 专注于…领域: the industries of the clause after the verb belong to the zone or
        // organization before it.
        let mut consumed: Vec<usize> = Vec::new();
        for (_, i) in focus_hits {
            let fpos = sent.start + i;
            let clause_end = s[i..]
                .find([',', '，', ';', '；'])
                .map_or(sent.end, |e| sent.start + i + e);
            let after: Vec<usize> = inds
                .iter()
                .copied()
                .filter(|&k| ms[k].range.start > fpos && ms[k].range.end <= clause_end)
                .collect();
            // X则在激光装备领域深耕多年: the field before the verb, the organization before 在.
            if after.is_empty() {
                let field = inds.iter().copied().find(|&k| {
                    ms[k].range.end + "领域".len() == fpos
                        && text[ms[k].range.end..].starts_with("领域")
                        && text[..ms[k].range.start].ends_with('在')
                });
                let Some(f) = field else {
                    continue;
                };
                let zai = ms[f].range.start - '在'.len_utf8();
                let subj = top
                    .iter()
                    .copied()
                    .rfind(|&k| {
                        ms[k].range.end <= zai
                            && node(table, ids, k).1.is_org()
                            && text[ms[k].range.end..zai]
                                .chars()
                                .all(|c| lexicon::one_of("则也已还一直长期早", c))
                    })
                    // X成立于2016年,在Y领域深耕多年: a clause of the sentence's subject.
                    .or_else(|| {
                        text[..zai].ends_with(',').then_some(())?;
                        sentence_subject(text, sent, ms, &top)
                            .filter(|&k| node(table, ids, k).1.is_org())
                    });
                if let Some(k) = subj {
                    let ind = node(table, ids, f).0;
                    cx.emit(
                        table,
                        node(table, ids, k).0,
                        Predicate::InIndustry,
                        ind,
                        sent,
                    );
                    consumed.push(f);
                }
                continue;
            }
            // 专注于X的某某公司: the organization the phrase describes, right after 的.
            let last_end = after.iter().map(|&k| ms[k].range.end).max().unwrap_or(fpos);
            let described = text[last_end..clause_end]
                .find('的')
                .filter(|&d| {
                    let between = &text[last_end..last_end + d];
                    let between = ["领域", "行业", "产业", "业务"]
                        .iter()
                        .find_map(|w| between.strip_prefix(w))
                        .unwrap_or(between);
                    between.is_empty() || ["研发", "生产", "制造", "研究"].contains(&between)
                })
                .and_then(|d| {
                    let at = last_end + d + '的'.len_utf8();
                    top.iter()
                        .copied()
                        .find(|&k| ms[k].range.start == at && node(table, ids, k).1.is_org())
                });
            if let Some(k) = described {
                let (sn, _) = node(table, ids, k);
                for &ind in &after {
                    cx.emit(
                        table,
                        sn,
                        Predicate::InIndustry,
                        node(table, ids, ind).0,
                        sent,
                    );
                }
                consumed.extend(after);
                continue;
            }
            // The name right before the verb, else the sentence's subject (X是一家…专注于).
            let cands: Vec<usize> = top
                .iter()
                .copied()
                .filter(|&k| {
                    ms[k].range.end <= fpos
                        && !matches!(
                            node(table, ids, k).1,
                            EntityType::Industry | EntityType::Place
                        )
                })
                .collect();
            let subj = cands
                .iter()
                .copied()
                .rfind(|&k| {
                    // Right before the verb, or across a comma and an adverb (某某公司,
                    // 主要从事…).
                    let gap = text[ms[k].range.end..fpos]
                        .trim_start_matches([',', '，'])
                        .trim_start_matches(['主', '要', '专', '门', '则', '也', '将', '已']);
                    fpos - ms[k].range.end <= 3 || gap.is_empty()
                })
                .map(|k| node(table, ids, k))
                // 该中心由X牵头建设,专注于…: the organization the anaphor refers back to,
                // not the founder named on the way.
                .or_else(|| {
                    let opened = after_opener(s);
                    let w = ORG_COREF.iter().find(|w| opened.starts_with(*w))?;
                    let noun = &w["该".len()..];
                    let o = prev_orgs.iter().copied().rfind(|&o| {
                        let n = table.node(o);
                        n.label.ends_with(noun)
                            || (["公司", "企业"].contains(&noun) && n.etype == EntityType::Company)
                    })?;
                    Some((o, table.node(o).etype))
                })
                .or_else(|| cands.first().map(|&k| node(table, ids, k)));
            if let Some((sn, st)) = subj {
                let p = if st == EntityType::Zone {
                    Predicate::HasIndustry
                } else {
                    Predicate::InIndustry
                };
                for &ind in &after {
                    cx.emit(table, sn, p, node(table, ids, ind).0, sent);
                }
                consumed.extend(after);
            }
        }
        let strong = STRONG_CUE_SEARCH.any_in(s);
        let weak = INDUSTRY_CUE_SEARCH.any_in(s);
        // 形成从研发设计、整车制造到零部件配套的产业链: the links of a chain, not industries.
        let clause_of = |k: usize| {
            let (a, b) = (ms[k].range.start, ms[k].range.end);
            let cl_start = text[sent.start..a]
                .rfind([',', '，', ';', '；'])
                .map_or(sent.start, |i| sent.start + i);
            let cl_end = text[b..sent.end]
                .find([',', '，', ';', '；'])
                .map_or(sent.end, |i| b + i);
            cl_start..cl_end
        };
        let chain_link = |k: usize| {
            let cl = clause_of(k);
            let before = &text[cl.start..ms[k].range.start];
            before.contains('从')
                && !before.contains('到')
                && text[ms[k].range.end..cl.end].contains('到')
        };
        // 围绕A、B等方向开展攻关, 聚焦A、B等关键技术: technologies, not industries.
        let technical = |k: usize| {
            let cl = clause_of(k);
            let after = &text[ms[k].range.end..cl.end];
            after.find('等').is_some_and(|i| {
                let np = {
                    let rest = &after[i..];
                    let next = rest.chars().next().map_or(0, char::len_utf8);
                    crate::recognize::first_chars(&rest[next..], 8)
                };
                !["产业", "行业", "领域"].iter().any(|w| np.contains(w))
                    && ["技术", "方向", "难题", "课题", "环节", "工艺", "产品"]
                        .iter()
                        .any(|w| np.contains(w))
            })
        };
        // An industry inside a park's name counts only with a strong cue in its own clause
        // (…为主导产业,规划建设了某某产业园: the park's industry is not the zone's).
        let strong_here = |k: usize| {
            let cl = clause_of(k);
            STRONG_CUE_SEARCH.any_in(&text[cl.clone()])
        };
        // With a strong cue, industries named inside parks count too (光电产业生态城).
        let cue_inds: Vec<usize> = in_sent
            .iter()
            .copied()
            .filter(|&k| {
                node(table, ids, k).1 == EntityType::Industry
                    && !consumed.contains(&k)
                    && (!ms[k].nested || (strong && strong_here(k)))
                    && !chain_link(k)
                    && !technical(k)
                    // 某某高新区光伏…集群、某某高新区智能电网…集群: an industry right
                    // after a zone is that zone's (below), not the sentence's.
                    && !zones.iter().any(|&z| ms[z].range.end == ms[k].range.start)
            })
            .collect();
        if (strong || weak) && !cue_inds.is_empty() {
            let first_ind = cue_inds
                .iter()
                .map(|&i| ms[i].range.start)
                .min()
                .unwrap_or(sent.end);
            // 作为X,Y…: X describes the subject Y; with a zone after the comma, that one.
            let apposed = s
                .strip_prefix("作为")
                .and_then(|_| s.find(','))
                .map(|c| sent.start + c)
                .filter(|&c| {
                    zones
                        .iter()
                        .any(|&z| ms[z].range.start > c && ms[z].range.end <= first_ind)
                });
            // 某某高新区负责人介绍,X是…,重点布局…: the speaker's zone only names who speaks
            // when another zone follows what they say.
            let said = SPEECH
                .iter()
                .filter_map(|w| lexicon::find(s, w).map(|i| sent.start + i + w.len()))
                .filter(|&e| e <= first_ind)
                .max()
                .filter(|&e| {
                    zones
                        .iter()
                        .any(|&z| ms[z].range.start >= e && ms[z].range.end <= first_ind)
                });
            let subjects: Vec<usize> = zones
                .iter()
                .copied()
                .filter(|&z| ms[z].range.end <= first_ind)
                // 园区将依托Z,打造…: what a zone relies on or works with is no subject.
                .filter(|&z| {
                    !["依托", "借助", "携手", "联合", "与"]
                        .iter()
                        .any(|w| text[..ms[z].range.start].ends_with(w))
                })
                .filter(|&z| apposed.is_none_or(|c| ms[z].range.start > c))
                .filter(|&z| said.is_none_or(|e| ms[z].range.start >= e))
                // 位于Z的X…: Z only says where the subject X lies.
                .filter(|&z| !text[..ms[z].range.start].ends_with("位于"))
                .collect();
            // X是Z的重点园区之一,以…为主导产业: what follows 是 describes the subject X.
            let subjects: Vec<usize> = if subjects
                .iter()
                .any(|&z| !text[..ms[z].range.start].ends_with('是'))
            {
                subjects
                    .into_iter()
                    .filter(|&z| !text[..ms[z].range.start].ends_with('是'))
                    .collect()
            } else {
                subjects
            };
            let in_sentence = subjects
                .iter()
                .copied()
                .find(|&z| is_zone_level(&table.node(node(table, ids, z).0).label))
                .or_else(|| subjects.first().copied())
                .map(|z| node(table, ids, z).0)
                // A zone's administration speaks for it (青岚高新区管委会表示,将围绕…) when
                // no other organization stands between it and the industries.
                .or_else(|| {
                    let last_org = orgs
                        .iter()
                        .copied()
                        .rfind(|&o| ms[o].range.end <= first_ind && !ms[o].nested)?;
                    if !is_gov(&table.node(node(table, ids, last_org).0).label) {
                        return None;
                    }
                    in_sent
                        .iter()
                        .copied()
                        .find(|&k| {
                            ms[k].nested
                                && ms[k].range.start == ms[last_org].range.start
                                && node(table, ids, k).1 == EntityType::Zone
                        })
                        .map(|k| node(table, ids, k).0)
                });
            // 此外,园区正积极培育…: the zone's own word as the subject (after an opener)
            // lets a weak cue fall back to the article's zone too.
            let opened = after_opener(s);
            let coref_subject = ZONE_COREF
                .iter()
                .any(|w| opened.starts_with(w) && !opened[w.len()..].starts_with('内'));
            // Without a zone in the sentence only a strong cue falls back to the article's zone.
            // 园区 is the article's zone before the last whole zone named.
            let zone_level_current = current.filter(|&c| is_zone_level(&table.node(c).label));
            let subj = in_sentence.or(if coref_subject {
                topic.or(zone_level_current)
            } else if strong {
                zone_level_current.or(topic)
            } else {
                None
            });
            // 园区依托某大学…,重点孵化…: a sentence that begins with the zone's own word is
            // about the zone, whatever organization it names on the way.
            let zone_first = ZONE_COREF
                .iter()
                .any(|w| s.starts_with(w) && !s[w.len()..].starts_with('内'));
            let org_subject = orgs
                .iter()
                .any(|&o| ms[o].range.end <= first_ind && !ms[o].nested)
                && in_sentence.is_none()
                && !zone_first;
            if let (Some(z), false) = (subj, org_subject) {
                // A,以X领跑;B则在Y领域表现突出: with whole zones in different clauses
                // before the industries, each industry is the nearest one's.
                let heads: Vec<usize> = zones
                    .iter()
                    .copied()
                    .filter(|&k| !ms[k].nested && ms[k].origin != Origin::Coref)
                    .filter(|&k| is_zone_level(&table.node(node(table, ids, k).0).label))
                    .collect();
                let clause_of = |p: usize| text[sent.start..p].matches([',', ';']).count();
                let by_clause = heads.len() >= 2
                    && heads
                        .windows(2)
                        .all(|w| clause_of(ms[w[0]].range.start) < clause_of(ms[w[1]].range.start));
                // …A基地也已落户,形成了以B园为核心的…产业集群: where no whole zone is the
                // subject, a park in the industry's own clause before it is its subject.
                let parks_only = in_sentence.is_some() && heads.is_empty();
                for &i in &cue_inds {
                    let own_park = || {
                        let cl = clause_around(text, sent, &ms[i].range);
                        zones
                            .iter()
                            .copied()
                            .filter(|&k| !ms[k].nested && ms[k].origin != Origin::Coref)
                            .rfind(|&k| {
                                ms[k].range.start >= cl.start
                                    && ms[k].range.end <= ms[i].range.start
                            })
                            .map(|k| node(table, ids, k).0)
                    };
                    let zi = if by_clause {
                        heads
                            .iter()
                            .copied()
                            .rfind(|&k| ms[k].range.end <= ms[i].range.start)
                            .map_or(z, |k| node(table, ids, k).0)
                    } else if parks_only {
                        own_park().unwrap_or(z)
                    } else {
                        z
                    };
                    cx.emit(
                        table,
                        zi,
                        Predicate::HasIndustry,
                        node(table, ids, i).0,
                        sent,
                    );
                }
            } else if org_subject && strong {
                // 研究院围绕智能传感器…开展攻关: the organization works in those industries;
                // X由…设立,依托A、B建设,聚焦…: the sentence's subject, not what it relies on.
                let relies = |o: usize| {
                    ["依托", "借助", "联合", "与"]
                        .iter()
                        .any(|w| text[..ms[o].range.start].ends_with(w))
                        || text[clause_around(text, sent, &ms[o].range).start..ms[o].range.start]
                            .starts_with("依托")
                };
                let last = orgs
                    .iter()
                    .copied()
                    .rfind(|&o| ms[o].range.end <= first_ind && !ms[o].nested);
                let org = match (last, sentence_subject(text, sent, ms, &top)) {
                    (Some(l), Some(subj))
                        if relies(l)
                            && subj != l
                            && node(table, ids, subj).1.is_org()
                            && ms[subj].range.end <= first_ind =>
                    {
                        Some(subj)
                    }
                    (l, _) => l,
                };
                // A、B等龙头企业扎根于此,带动了X、Y等产业集聚: what a group of companies
                // drives is the area's industry, not each one's field (one company that
                // drives a cluster, 某某公司…带动形成X产业集群, is in it).
                let drives = |o: usize| {
                    let group = text[ms[o].range.end..].starts_with('等')
                        || orgs.iter().any(|&p| {
                            ms[p].range.end <= ms[o].range.start
                                && list_gap(&text[ms[p].range.end..ms[o].range.start])
                        });
                    group
                        && ["带动", "拉动"]
                            .iter()
                            .any(|w| lexicon::contains(&text[ms[o].range.end..first_ind], w))
                };
                if let Some(o) = org
                    .filter(|&o| !is_gov(&table.node(node(table, ids, o).0).label))
                    .filter(|&o| !drives(o))
                {
                    for &i in cue_inds.iter().filter(|&&i| !ms[i].nested) {
                        cx.emit(
                            table,
                            node(table, ids, o).0,
                            Predicate::InIndustry,
                            node(table, ids, i).0,
                            sent,
                        );
                    }
                }
            }
        }
        // 青岚高新区智慧产业: a zone directly followed by an industry.
        for &z in &zones {
            for &i in &inds {
                if ms[i].range.start == ms[z].range.end {
                    cx.emit(
                        table,
                        node(table, ids, z).0,
                        Predicate::HasIndustry,
                        node(table, ids, i).0,
                        sent,
                    );
                }
            }
        }
        // …成长为全球知名光电子信息企业: an industry before 企业 is the industry of the
        // organization the sentence is about.
        for &i in &inds {
            let after = &text[ms[i].range.end..sent.end];
            let after = after.strip_prefix("领域的").unwrap_or(after);
            // 领域的"小巨人"企业: a title between the field and 企业.
            let after = [
                "专精特新",
                "小巨人",
                "隐形冠军",
                "单项冠军",
                "独角兽",
                "瞪羚",
            ]
            .iter()
            .fold(after.trim_start_matches('"'), |a, w| {
                a.strip_prefix(w).unwrap_or(a).trim_start_matches('"')
            });
            if [
                "企业",
                "龙头企业",
                "领军企业",
                "公司",
                "上市公司",
                "厂商",
                "制造商",
            ]
            .iter()
            .find(|w| after.starts_with(*w))
            .filter(|w| {
                // 以及汽车零部件企业400余家: a count of companies, none of them named (but
                // A、B等集成电路企业30余家 names two of them).
                if text[..ms[i].range.start].ends_with('等') {
                    return true;
                }
                let count = after[w.len()..]
                    .trim_start_matches(|c: char| {
                        c.is_ascii_digit() || lexicon::one_of("一二三四五六七八九十百千万数几", c)
                    })
                    .trim_start_matches(['余', '多']);
                !(count.len() < after.len() - w.len() && count.starts_with('家'))
            })
            .is_some()
            {
                // X由Y孵化,现已成长为…企业: what grew is the sentence's subject, not the
                // name nearest the industry.
                let before = &text[sent.start..ms[i].range.start];
                let grew = ["成长为", "发展为", "成为"]
                    .iter()
                    .find_map(|v| lexicon::find(before, v).map(|p| sent.start + p));
                let subject = match grew {
                    // The name right before the verb (某某已成长为), else the one the
                    // sentence begins with, else the organization 该公司 refers back to;
                    // none when neither (作为Y孵化的企业,…成长为).
                    Some(v) => orgs
                        .iter()
                        .copied()
                        .filter(|&o| !ms[o].nested && ms[o].range.end <= v)
                        .find(|&o| {
                            let gap = &text[ms[o].range.end..v];
                            ms[o].range.start == sent.start
                                || gap
                                    .trim_start_matches(['现', '已', '经', '逐', '步'])
                                    .is_empty()
                        })
                        .map(|o| node(table, ids, o).0)
                        .or_else(|| {
                            ORG_COREF
                                .iter()
                                .any(|w| s.starts_with(w))
                                .then(|| prev_orgs.last().copied())
                                .flatten()
                        }),
                    // Not a partner (X联合Y,为光子企业…: X's field, not Y's).
                    None => orgs
                        .iter()
                        .copied()
                        .filter(|o| !coop_objects.contains(o))
                        .rfind(|&o| ms[o].range.end <= ms[i].range.start && !ms[o].nested)
                        .map(|o| node(table, ids, o).0),
                };
                if let Some(o) = subject {
                    cx.emit(table, o, Predicate::InIndustry, node(table, ids, i).0, sent);
                }
                // A、B等集成电路企业: every name of the list before 等 is in the industry.
                if grew.is_none() && text[..ms[i].range.start].ends_with('等') {
                    let mut cur = orgs.iter().copied().rfind(|&o| {
                        !ms[o].nested && ms[o].range.end + '等'.len_utf8() == ms[i].range.start
                    });
                    while let Some(c) = cur {
                        cx.emit(
                            table,
                            node(table, ids, c).0,
                            Predicate::InIndustry,
                            node(table, ids, i).0,
                            sent,
                        );
                        cur = orgs.iter().copied().rfind(|&o| {
                            !ms[o].nested
                                && ms[o].range.end <= ms[c].range.start
                                && list_gap(&text[ms[o].range.end..ms[c].range.start])
                        });
                    }
                }
            }
            // 以X为代表的…无人机制造厂商: X works in the industry.
            if let Some(rep) = lexicon::find(s, "为代表的") {
                let rep_end = sent.start + rep + "为代表的".len();
                if ms[i].range.start >= rep_end && ms[i].range.start <= rep_end + 30 {
                    for &o in orgs
                        .iter()
                        .filter(|&&o| ms[o].range.end <= sent.start + rep)
                    {
                        cx.emit(
                            table,
                            node(table, ids, o).0,
                            Predicate::InIndustry,
                            node(table, ids, i).0,
                            sent,
                        );
                    }
                }
            }
        }
        // 这个…集成电路…项目: the project company of the previous sentence.
        if (s.starts_with("这个") || s.starts_with("该") || s.starts_with("此"))
            && s.contains("项目")
            && orgs.is_empty()
            && zones.is_empty()
        {
            if let Some(&o) = prev_orgs.last() {
                for &i in &inds {
                    cx.emit(table, o, Predicate::InIndustry, node(table, ids, i).0, sent);
                }
            }
        }
    }
}

/// What an organization does when it founds another (某某公司投资建设的某某产业园).
const FOUNDING: &[&str] = &[
    "投资建设的",
    "投资兴建的",
    "投资设立的",
    "牵头组建的",
    "牵头成立的",
    "牵头建设的",
    "出资建设的",
];

/// Whether the organization at `r` founds what the sentence goes on to name rather than
/// settling itself (由X牵头组建的Y, X投资建设的Y), or leads others there (在X的带动下).
fn founds(text: &str, r: &Range<usize>, sent_end: usize) -> bool {
    let after = skip_parenthetical(&text[r.end..sent_end]);
    // 在X的带动下,…落户: X leads the others there; it is not one of those settling.
    let leads = text[..r.start].ends_with('在')
        && ["的带动", "的带领", "的引领", "的推动"]
            .iter()
            .any(|v| after.starts_with(v));
    // X由Y教授团队创办: Y's people founded X; the clause's verb says so.
    let clause = &after[..after
        .find([',', '，', ';', '；', '。'])
        .unwrap_or(after.len())];
    leads
        || FOUNDING.iter().any(|v| after.starts_with(v))
        || (text[..r.start].ends_with('由')
            && (["牵头", "投资", "出资", "发起", "联合", "共同"]
                .iter()
                .any(|v| after.starts_with(v))
                || ["创办", "创立", "创建", "孵化", "发起成立"]
                    .iter()
                    .any(|v| clause.contains(v))))
}

/// The mention that opens the sentence as its subject, after a time word and its comma
/// (去年,X与Y…), if one does.
fn sentence_subject(
    text: &str,
    sent: &Range<usize>,
    ms: &[Mention],
    top: &[usize],
) -> Option<usize> {
    let s = &text[sent.clone()];
    let skip = s.len() - after_opener(s).len();
    top.iter()
        .copied()
        .find(|&k| ms[k].range.start == sent.start + skip)
}

/// The sentence after a time word or connective and its comma that opens it (去年,…;
/// 11月20日,…; 此外,…), or the whole sentence.
fn after_opener(s: &str) -> &str {
    s.split_once(',')
        .filter(|(head, _)| {
            crate::lexicon::TIME_OPENERS.contains(head)
                || (head.ends_with(['年', '月', '日']) && head.chars().count() <= 11)
        })
        .map_or(s, |(_, rest)| rest)
}

/// Whether a sentence's subject is a word that refers back to the last organization named
/// (该公司…, 公司将…, 研究院落户…), also after a time word and its comma (去年,公司把…).
fn opens_with_org_anaphor(s: &str) -> bool {
    let s = after_opener(s);
    ORG_COREF
        .iter()
        .chain(["公司", "研究院", "项目", "企业", "中心", "这家"].iter())
        .any(|w| s.starts_with(w))
}

/// The sentence after a word that refers back to a company (该公司, 公司, 这家…), past an
/// opening time word; `None` when it does not open with one.
fn after_company_anaphor(s: &str) -> Option<&str> {
    let s = after_opener(s);
    ["该公司", "该企业", "公司", "企业", "这家"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
}

/// The last company among the organizations of the previous sentence.
fn last_company(table: &Overlay<'_>, prev_orgs: &[usize]) -> Option<usize> {
    prev_orgs
        .iter()
        .copied()
        .rfind(|&o| table.node(o).etype == EntityType::Company)
}

/// The place a zone is set up in when its clause says so before it (公司还将在宜宾设立
/// 某某基地 → 宜宾's gazetteer label): `head` is the sentence up to the zone's name.
fn set_up_in_place(head: &str) -> Option<String> {
    let clause = &head[head.rfind([',', ';']).map_or(0, |i| i + 1)..];
    let at = clause.rfind('在')? + '在'.len_utf8();
    let (entry, len) = GAZETTEER.place_prefix(&clause[at..])?;
    // The place alone, its verb right after it (在苏州工业园区设立… names a zone, not a place).
    let rest = &clause[at + len..];
    BUILD
        .iter()
        .any(|v| rest.starts_with(v))
        .then(|| entry.label.clone())
}

/// Whether the words between an organization and a zone say where its headquarters are
/// (总部位于, 总部和研发中心均位于).
fn headquarters_at(gap: &str) -> bool {
    let Some(rest) = gap.strip_suffix("位于") else {
        return false;
    };
    let rest = rest.trim_end_matches(['均', '都', '也']);
    let Some(also) = rest.strip_prefix("总部") else {
        return false;
    };
    also.is_empty()
        || also.strip_prefix(['和', '及', '与']).is_some_and(|unit| {
            (2..=6).contains(&unit.chars().count())
                && unit.chars().all(is_cjk)
                && ["中心", "基地", "工厂"].iter().any(|u| unit.ends_with(u))
        })
}

/// The clause of the sentence `sent` around the byte range `r`: from the separator before it
/// to the one after it.
fn clause_around(text: &str, sent: &Range<usize>, r: &Range<usize>) -> Range<usize> {
    let seps = [',', '，', ';', '；', '。'];
    let start = text[sent.start..r.start]
        .rfind(seps)
        .map_or(sent.start, |i| {
            let at = sent.start + i;
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[r.end..sent.end]
        .find(seps)
        .map_or(sent.end, |i| r.end + i);
    start..end
}

/// The text after a parenthetical that opens it (`(以下简称"某某")投资建设的…`).
fn skip_parenthetical(t: &str) -> &str {
    if t.starts_with('(') {
        t.find(')').map_or(t, |i| &t[i + 1..])
    } else {
        t
    }
}

/// Whether the text between two names joins them in a list (、, 和, 及), after the
/// parentheses that may follow the first (某某公司(以下简称"某某")、…).
fn list_gap(gap: &str) -> bool {
    ["、", "和", "及", "以及"].contains(&skip_parenthetical(gap))
}

fn sentence_of(cx: &Ctx, k: usize) -> Option<Range<usize>> {
    cx.art
        .norm
        .sentence_of(cx.ms[k].range.start)
        .map(|i| cx.art.norm.sentences[i].clone())
}

/// Adds a nested mention of node `n` for the byte range `r` of the normalized text.
fn add_nested_mention(cx: &mut Ctx, table: &mut Overlay, n: usize, r: Range<usize>) {
    cx.present.insert(table.find(n));
    let span = cx.art.norm.to_orig(r);
    let text = cx.original(span);
    table.push_mention(
        n,
        crate::model::MentionRef {
            doc: cx.art.doc.id.clone(),
            span,
            text,
        },
    );
}

fn name_rules(cx: &mut Ctx, table: &mut Overlay, topic: Option<usize>) {
    let gaz = &*GAZETTEER;
    let ms = cx.ms;
    let ids = cx.ids;
    let mut seen = std::collections::BTreeSet::new();
    let mut has_parent_zone = std::collections::BTreeSet::new();
    for ((s, p, _), _) in cx.out.iter() {
        if *p == Predicate::PartOf {
            has_parent_zone.insert(*s);
        }
    }
    for k in 0..ms.len() {
        let (n, et) = node(table, ids, k);
        // Zones named at the head of an organization's name (青岚高新区招商公司) count too.
        if ms[k].nested && et != EntityType::Zone {
            continue;
        }
        if !seen.insert(n) {
            continue;
        }
        let Some(sent) = sentence_of(cx, k) else {
            continue;
        };
        let label = table.node(n).label.clone();
        let mtext = ms[k].text.clone();
        let r = ms[k].range.clone();
        match et {
            EntityType::Zone | EntityType::Company | EntityType::Institution => {
                // The place in the name: at its head, or in parentheses (东部(重庆)科学城).
                let mut place = gaz
                    .place_prefix(&mtext)
                    .map(|(e, len)| (e.label.clone(), r.start..r.start + len));
                // A whole zone may be named by its district's short form (武清高新区).
                if place.is_none() && et == EntityType::Zone && is_zone_level(&label) {
                    for (i, _) in mtext.char_indices().skip(2).take(3) {
                        // Only when the article names the district's city: 中原 alone could be
                        // any of several districts.
                        let in_article = |name: &str| {
                            table
                                .lookup(EntityType::Place, name)
                                .is_some_and(|p| cx.here(table, p))
                        };
                        if let Some(e) = gaz
                            .place(&mtext[..i])
                            .filter(|e| e.etype == EntityType::Place)
                        {
                            if e.place.as_deref().is_some_and(in_article) {
                                place = Some((e.label.clone(), r.start..r.start + i));
                            }
                        }
                    }
                }
                // The place in parentheses is where it is, ahead of the place at its head: a
                // city's park in another city (深圳(某市)产业园区), a company's unit in a
                // province (某某机器人(广东)有限公司).
                if et == EntityType::Zone || et == EntityType::Company {
                    if let (Some(a), Some(b)) = (mtext.find('('), mtext.find(')')) {
                        if a < b {
                            if let Some(e) = gaz.place(&mtext[a + 1..b]) {
                                place = Some((e.label.clone(), r.start + a + 1..r.start + b));
                            }
                        }
                    }
                }
                // An organization named after a zone (青岚高新区招商公司) is of that zone; a
                // park named after one (青岚新区海洋高新区) is part of it.
                let zone_head = (et.is_org() || et == EntityType::Zone)
                    .then(|| {
                        cx.starting_in(&r).iter().copied().find(|&j| {
                            ms[j].nested
                                && ms[j].range.start == r.start
                                && node(table, ids, j).1 == EntityType::Zone
                        })
                    })
                    .flatten()
                    .map(|j| node(table, ids, j).0);
                if let Some(z) = zone_head.filter(|&z| z != n) {
                    if et == EntityType::Zone {
                        cx.emit(table, n, Predicate::PartOf, z, &sent);
                        has_parent_zone.insert(n);
                    } else if !is_gov(&label) {
                        // The zone's own administration (某某高新区管委会) governs it and
                        // is not settled in it.
                        cx.emit(table, n, Predicate::SettledIn, z, &sent);
                    }
                }
                // The place at the head of a known organization's name is that
                // organization's (浙江大学 in 浙江大学某某学院), not the school's.
                let named_after_org = et.is_org()
                    && place.as_ref().is_some_and(|(_, pr)| {
                        let plen = pr.end - r.start;
                        mtext.char_indices().map(|(i, _)| i).skip(1).any(|i| {
                            i > plen
                                && i < mtext.len()
                                && [EntityType::Institution, EntityType::Company]
                                    .iter()
                                    .any(|&t| gaz.lookup(&mtext[..i], Some(t)).is_some())
                        })
                    });
                let skip = et.is_org()
                    && (zone_head.is_some()
                        || named_after_org
                        || table.node(n).gaz.is_some()
                        || is_gov(&label)
                        || BRANCH_MARKERS.iter().any(|b| lexicon::contains(&label, b)));
                if skip {
                } else if let Some((pl, pr)) = place {
                    let is_country = pl == "中国";
                    if !is_country && cx.art.norm.text[pr.clone()].chars().count() >= 2 {
                        let entry = gaz.places.get(&pl).copied();
                        let pn = table.intern(EntityType::Place, &pl, entry);
                        add_nested_mention(cx, table, pn, pr);
                        cx.emit(table, n, Predicate::LocatedIn, pn, &sent);
                    }
                } else if let Some(g) = table.node(n).gaz {
                    // A gazetteer zone's city, when the article names it.
                    if let Some(pl) = gaz.entries[g].place.clone() {
                        if let Some(pn) = table.lookup(EntityType::Place, &pl) {
                            if cx.here(table, pn) {
                                cx.emit(table, n, Predicate::LocatedIn, pn, &sent);
                            }
                        }
                    }
                }
                if et.is_org() {
                    sub_org_rules(cx, table, n, &mtext, r.clone(), &sent);
                }
                if et == EntityType::Zone && !is_zone_level(&label) && !has_parent_zone.contains(&n)
                {
                    // 公司将在某市设立某某基地: a zone set up in a place named before it lies
                    // there, not in the article's zone.
                    if let Some(pl) = set_up_in_place(&cx.art.norm.text[sent.start..r.start]) {
                        let entry = gaz.places.get(&pl).copied();
                        let pn = table.intern(EntityType::Place, &pl, entry);
                        cx.emit(table, n, Predicate::LocatedIn, pn, &sent);
                    } else if let Some(t) = topic {
                        // A town or park in an article about a science city with a name of
                        // its own (某市未来科技城) is part of it too.
                        let t_label = &table.node(t).label;
                        let whole = is_zone_level(t_label)
                            || (t_label.ends_with("科技城")
                                && ["小镇", "园", "基地"].iter().any(|x| label.ends_with(x)));
                        if t != n && whole {
                            cx.emit(table, n, Predicate::PartOf, t, &sent);
                        }
                    }
                }
                // Industries named inside a park's name.
                if et == EntityType::Zone {
                    let mut inside: Vec<usize> = cx.starting_in(&r).to_vec();
                    inside.sort_unstable();
                    for j in inside {
                        let m = &ms[j];
                        if m.nested && r.start <= m.range.start && m.range.end <= r.end {
                            let (inode, it) = node(table, ids, j);
                            if it == EntityType::Industry {
                                cx.emit(table, n, Predicate::HasIndustry, inode, &sent);
                            }
                        }
                    }
                }
            }
            EntityType::Place => {
                if let Some(g) = table.node(n).gaz {
                    if let Some(parent) = gaz.entries[g].place.clone() {
                        if let Some(pn) = table.lookup(EntityType::Place, &parent) {
                            // The province must be named on its own: a company called
                            // 江苏某某 says nothing of where the article's city lies.
                            if cx.present_top.contains(&table.find(pn)) {
                                cx.emit(table, n, Predicate::LocatedIn, pn, &sent);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// subOrganizationOf from names: a branch of the organization its name begins with.
fn sub_org_rules(
    cx: &mut Ctx,
    table: &mut Overlay,
    n: usize,
    mtext: &str,
    r: Range<usize>,
    sent: &Range<usize>,
) {
    let gaz = &*GAZETTEER;
    // The longest other organization whose name or alias begins this name.
    let mut best: Option<(usize, usize)> = None;
    for (i, _) in mtext.char_indices().skip(2) {
        let prefix = &mtext[..i];
        for t in [EntityType::Company, EntityType::Institution] {
            // Two-character abbreviations from the gazetteer (华工) are too ambiguous here,
            // unless the article names the organization they stand for (浙大… beside 浙江大学).
            let found = table.lookup(t, prefix).or_else(|| {
                gaz.lookup(prefix, Some(t))
                    .filter(|e| {
                        prefix.chars().count() >= 3
                            // A branch's parent is the name before its marker (below).
                            || !BRANCH_MARKERS.iter().any(|b| mtext.contains(b))
                                && table
                                .lookup(t, &e.label)
                                .is_some_and(|p| cx.here(table, p))
                    })
                    .map(|e| {
                        let entry = gaz.by_name.get(&e.label).and_then(|v| v.first().copied());
                        table.intern(t, &e.label.clone(), entry)
                    })
            });
            if let Some(p) = found {
                let p = table.find(p);
                // A university is nobody's branch by its name (沈阳化工大学 is not part of a
                // company called 沈阳化工…); and a parent known only from another article is
                // a namesake as often as a parent: it must be named here or be well known.
                let university = mtext.ends_with("大学") && t == EntityType::Company;
                let known = cx.here(table, p)
                    || table.node(p).gaz.is_some()
                    || gaz.lookup(&table.node(p).label, Some(t)).is_some();
                // Two companies of one stem (某某电机有限公司, 某某电机研究所有限公司) are
                // siblings: a company is not another's because it begins with its short form,
                // unless what follows is a place (某某(重庆)有限公司) or the parent is a group.
                let plabel = &table.node(p).label;
                let sibling = t == EntityType::Company
                    && prefix != plabel.as_str()
                    && !plabel.contains("集团")
                    && !plabel.contains("控股")
                    && ["股份有限公司", "有限责任公司", "有限公司"]
                        .iter()
                        .find_map(|l| mtext[i..].strip_suffix(l))
                        .is_some_and(|mid| {
                            // A place first, in parentheses or not, makes it the group's
                            // unit there, whatever follows (…(中国)制药有限公司).
                            let place = mid
                                .strip_prefix('(')
                                .and_then(|m| m.split_once(')'))
                                .map_or(mid, |(p, _)| p);
                            !mid.is_empty() && !gaz.is_unit_place(place)
                        });
                if p != table.find(n) && !university && known && !sibling {
                    best = Some((p, i));
                }
            }
        }
    }
    if let Some((p, len)) = best {
        if !cx.here(table, p) {
            add_nested_mention(cx, table, p, r.start..r.start + len);
        }
        cx.emit(table, n, Predicate::SubOrganizationOf, p, sent);
        return;
    }
    // X[place]分公司 / X[place]分院 with X named nowhere else: X is the parent.
    for marker in ["分公司", "分院"] {
        if let Some(stem) = mtext.strip_suffix(marker) {
            let mut stem = stem.to_string();
            // Drop the place before the marker: 长风汽车重庆 → 长风汽车.
            for (i, _) in stem.char_indices().rev().take(4) {
                if gaz.place(&stem[i..]).is_some() {
                    stem.truncate(i);
                    break;
                }
            }
            if stem.chars().count() >= 2 && !BRANCH_MARKERS.iter().any(|b| stem.contains(b)) {
                let t = if marker == "分院" {
                    EntityType::Institution
                } else {
                    EntityType::Company
                };
                let p = table
                    .lookup(t, &stem)
                    .unwrap_or_else(|| table.intern(t, &stem, None));
                add_nested_mention(cx, table, p, r.start..r.start + stem.len());
                cx.emit(table, n, Predicate::SubOrganizationOf, p, sent);
                return;
            }
        }
    }
    // X华南区域总部, X(Latin)中国区总部: a group's regional headquarters is the group's.
    if let Some(stem) = mtext.strip_suffix("总部") {
        let mut stem = stem;
        for w in ["区域", "地区", "区"] {
            stem = stem.strip_suffix(w).unwrap_or(stem);
        }
        let regional = REGIONS_ABROAD.iter().find_map(|w| stem.strip_suffix(w));
        if let Some(mut stem) = regional {
            // 霍尼韦尔(Honeywell): the Latin name in parentheses is no part of the stem.
            if let Some(open) = stem.rfind('(').filter(|_| stem.ends_with(')')) {
                if stem[open + 1..stem.len() - 1].is_ascii() {
                    stem = &stem[..open];
                }
            }
            if stem.chars().count() >= 2 && !BRANCH_MARKERS.iter().any(|b| stem.contains(b)) {
                let p = table
                    .lookup(EntityType::Company, stem)
                    .unwrap_or_else(|| table.intern(EntityType::Company, stem, None));
                add_nested_mention(cx, table, p, r.start..r.start + stem.len());
                cx.emit(table, n, Predicate::SubOrganizationOf, p, sent);
                return;
            }
        }
    }
    // The gazetteer's parent, when the article names it.
    if let Some(g) = table.node(n).gaz {
        if let Some(parent) = gaz.entries[g].parent.clone() {
            for t in [EntityType::Company, EntityType::Institution] {
                if let Some(p) = table.lookup(t, &parent) {
                    if cx.here(table, p) {
                        cx.emit(table, n, Predicate::SubOrganizationOf, p, sent);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{extract, Input};

    /// One pass answers whether a sentence holds a cue as a search per cue did.
    #[test]
    fn cue_searches_answer_as_a_search_per_cue() {
        for (list, words) in [
            (&super::STRONG_CUE_SEARCH, super::STRONG_CUES),
            (&super::INDUSTRY_CUE_SEARCH, super::INDUSTRY_CUES),
        ] {
            let mut texts = vec![String::new(), "白河园区的青松公司".to_string()];
            texts.extend(words.iter().map(|w| format!("白河{w}青松")));
            assert!(texts.iter().any(|t| list.any_in(t)));
            for t in texts {
                let plain = words.iter().any(|w| t.contains(w));
                assert_eq!(list.any_in(&t), plain, "{t}");
            }
        }
    }

    /// One pass over a sentence visits the words' occurrences in the order that a search per
    /// word did, for each of the three lists searched together.
    #[test]
    fn word_lists_visit_occurrences_as_a_search_per_word_did() {
        let lists = [super::SETTLE, super::SUB_MARKER_WORDS, super::FOCUS];
        let all = lists.concat().concat();
        let mut texts = vec![all.clone(), format!("甲{all}乙{all}"), String::new()];
        for words in lists {
            texts.extend(words.iter().map(|w| format!("白河{w}的青松{w}园区内")));
        }
        for s in texts {
            let plain = |words: &[&str]| -> Vec<(usize, usize)> {
                words
                    .iter()
                    .enumerate()
                    .flat_map(|(k, w)| s.match_indices(w).map(move |(i, _)| (k, i)))
                    .collect()
            };
            let expected = [plain(lists[0]), plain(lists[1]), plain(lists[2])];
            assert_eq!(super::sentence_words(&s), expected, "{s}");
        }
    }

    /// (subject label, predicate, object label) of an invented article.
    fn triples(body: &str) -> Vec<(String, String, String)> {
        triples_in(&format!("## 新闻\n\n{body}\n"))
    }

    /// The relations of a whole article (title included) as labels.
    fn triples_in(article: &str) -> Vec<(String, String, String)> {
        let x = extract(&[Input {
            source: "t.txt".into(),
            text: article.to_string(),
        }]);
        x.relations
            .iter()
            .map(|r| {
                (
                    x.entities[r.subject].label.clone(),
                    r.predicate.as_str().to_string(),
                    x.entities[r.object].label.clone(),
                )
            })
            .collect()
    }

    fn has(v: &[(String, String, String)], s: &str, p: &str, o: &str) -> bool {
        v.iter().any(|(a, b, c)| a == s && b == p && c == o)
    }

    #[test]
    fn a_new_area_and_a_park_named_after_it() {
        let v =
            triples("苏州青岚新区海湾高新区迎来新成员。星河生物科技有限公司正式入驻海湾高新区。");
        assert!(has(&v, "苏州青岚新区", "locatedIn", "苏州市"), "{v:?}");
        assert!(
            has(&v, "苏州青岚新区海湾高新区", "partOf", "苏州青岚新区"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                "星河生物科技有限公司",
                "settledIn",
                "苏州青岚新区海湾高新区"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn each_settling_clause_has_its_own_host() {
        let v = triples(
            "青岚高新区先后引进星河液压、云顶精密等32家企业,其中,飞羽电子科技有限公司已于9月入驻青岚高新区白鹭产业园。",
        );
        assert!(has(&v, "星河液压", "settledIn", "青岚高新区"), "{v:?}");
        assert!(has(&v, "云顶精密", "settledIn", "青岚高新区"), "{v:?}");
        assert!(
            has(
                &v,
                "飞羽电子科技有限公司",
                "settledIn",
                "青岚高新区白鹭产业园"
            ),
            "{v:?}"
        );
        assert!(
            !has(&v, "星河液压", "settledIn", "青岚高新区白鹭产业园"),
            "{v:?}"
        );
    }

    #[test]
    fn the_company_and_the_institute_refer_back() {
        let v = triples(
            "去年,星河生物科技有限公司营收增长三成。“我们很满意。”公司总经理说。该公司与青岚大学合作建立了联合研发中心。",
        );
        assert!(
            has(&v, "星河生物科技有限公司", "cooperatesWith", "青岚大学"),
            "{v:?}"
        );
        let v = triples("青岚大学与云顶集团共建航空先进制造联合研究院。该研究院将落户白鹭高新区。");
        assert!(
            has(&v, "航空先进制造联合研究院", "settledIn", "白鹭高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_government_body_is_in_no_industry() {
        let v = triples("位于青岚高新区的星河科学城,重点发展半导体、光子和航空航天等产业。\n\n\"光子产业是我们的一张名片。\"青岚高新区管委会相关负责人表示,今年将新引进光子企业50家以上。");
        assert!(
            !v.iter()
                .any(|(s, p, _)| s.ends_with("管委会") && p == "inIndustry"),
            "{v:?}"
        );
    }

    #[test]
    fn a_partner_named_twice_in_its_clause_does_not_settle() {
        let v = triples(
            "白河光学研究所(简称\"白河光学所\")与青岚高新区合作,先后孵化了星岚光电科技股份有限公司等400余家企业。",
        );
        assert!(
            has(&v, "白河光学研究所", "cooperatesWith", "青岚高新区"),
            "{v:?}"
        );
        assert!(
            !has(&v, "白河光学研究所", "settledIn", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_bare_company_and_a_headquarters_clause_refer_to_the_company_before() {
        // 公司与X共建: the company of the sentence before, not the zone it named last.
        let v = triples(
            "星澜储能科技有限公司由一家材料企业的团队创办,总部位于青岚经开区。公司与白河大学共建了联合实验室。",
        );
        assert!(
            has(&v, "星澜储能科技有限公司", "settledIn", "青岚经开区"),
            "{v:?}"
        );
        assert!(
            has(&v, "星澜储能科技有限公司", "cooperatesWith", "白河大学")
                || has(&v, "白河大学", "cooperatesWith", "星澜储能科技有限公司"),
            "{v:?}"
        );
        assert!(
            !has(&v, "青岚经开区", "cooperatesWith", "白河大学")
                && !has(&v, "白河大学", "cooperatesWith", "青岚经开区"),
            "{v:?}"
        );
        // …等整车企业12家,以及汽车零部件企业400余家: a count, no named company's field.
        let v = triples("青岚经开区聚集了星河汽车、远航汽车、白云汽车等整车企业12家,以及汽车零部件企业400余家。");
        assert!(
            !v.iter()
                .any(|(_, p, o)| p == "inIndustry" && o == "汽车零部件"),
            "{v:?}"
        );
        let v = triples("科技城内已落户星河科技、白云微等集成电路装备企业30余家。");
        assert!(has(&v, "星河科技", "inIndustry", "集成电路装备"), "{v:?}");
        // 龙头企业…带动了X、Y等产业: the area's industries, not the companies' fields.
        let v = triples(
            "星河终端有限公司、白云科技等一批龙头企业早已扎根于此,带动了集成电路、生物医药等产业集聚发展。",
        );
        assert!(!v.iter().any(|(_, p, _)| p == "inIndustry"), "{v:?}");
        let v = triples("星河航发有限公司与园区企业协同配套,带动形成中小航空发动机产业集群。");
        assert!(
            v.iter()
                .any(|(a, p, _)| a == "星河航发有限公司" && p == "inIndustry"),
            "{v:?}"
        );
        // 专注于X的某某公司: the company described is in the field.
        let v = triples("专注于车载激光雷达的青岚觅光科技有限公司入驻白河高新区。");
        assert!(
            has(&v, "青岚觅光科技有限公司", "inIndustry", "车载激光雷达"),
            "{v:?}"
        );
        let v = triples("专注于功率半导体领域的星河秦芯有限公司入驻白河高新区。");
        assert!(
            has(&v, "星河秦芯有限公司", "inIndustry", "功率半导体"),
            "{v:?}"
        );
        // 某某集团全球总部坐落于此: the group settles in the zone.
        let v = triples("白河未来科技城重点发展数字经济。星河云科技集团全球总部坐落于科技城。");
        assert!(
            has(&v, "星河云科技集团", "settledIn", "白河未来科技城"),
            "{v:?}"
        );
    }

    #[test]
    fn a_park_after_a_bare_kind_word_and_a_science_and_innovation_area() {
        // 入驻高新区黄泥川科技园: 高新区 is the article's zone, the park is the rest.
        let v = triples_in(
            "## 白河高新区:储能\n\n白河高新区以新能源为主导产业。星河氢能科技有限公司去年入驻高新区\n\n青泥川科技园。\n",
        );
        assert!(
            has(&v, "星河氢能科技有限公司", "settledIn", "青泥川科技园"),
            "{v:?}"
        );
        assert!(has(&v, "青泥川科技园", "partOf", "白河高新区"), "{v:?}");
        // 某某科创区 is a zone: the core area of a high-tech zone.
        let v = triples("作为青岚国家高新区的核心区,白鹭江科创区集聚了星河实验室等一批创新平台。");
        assert!(has(&v, "白鹭江科创区", "partOf", "青岚国家高新区"), "{v:?}");
    }

    #[test]
    fn fields_worked_in_and_a_park_or_zone_by_its_other_name() {
        // X则在Y领域深耕多年: X works in Y.
        let v = triples("星河科技产业股份有限公司则在激光装备领域深耕多年。");
        assert!(
            has(&v, "星河科技产业股份有限公司", "inIndustry", "激光装备"),
            "{v:?}"
        );
        let v = triples("星河智擎科技有限公司成立于2016年,在工业软件领域深耕多年。");
        assert!(
            has(&v, "星河智擎科技有限公司", "inIndustry", "工业软件"),
            "{v:?}"
        );
        // Y领域: the laboratory named before it works in Y.
        let v = triples("由青岚大学牵头建设的白河星谷实验室,聚焦光电子信息领域开展研究。");
        assert!(
            has(&v, "白河星谷实验室", "inIndustry", "光电子信息"),
            "{v:?}"
        );
        // 该中心由X牵头建设,专注于…: the centre's field, not its founder's.
        let v = triples(
            "星河集团白河创新中心在白河新区揭牌。该中心由星河第五十四研究所牵头建设,专注于卫星互联网领域的技术攻关。",
        );
        assert!(
            !v.iter()
                .any(|(a, p, _)| a.contains("五十四") && p == "inIndustry"),
            "{v:?}"
        );
        // 生物医药产业园(BioPark): the Latin name alone names the park, not a company.
        let v = triples_in(
            "## 青岚工业园区:生物医药\n\n星河生物的生产基地位于园区生物医药产业园(BioPark)三期。目前,BioPark已集聚白鹭生物科技有限公司、白云药业等企业500余家。\n",
        );
        assert!(
            has(&v, "白鹭生物科技有限公司", "settledIn", "生物医药产业园"),
            "{v:?}"
        );
        assert!(!v.iter().any(|(a, _, _)| a == "BioPark"), "{v:?}");
        // 某某开发区(中国星谷): 星谷 alone is the zone too.
        let v = triples_in(
            "## 星谷:光电子\n\n走进白河东湖新技术开发区(中国星谷),产业链条完整。星河光纤股份有限公司是星谷的龙头企业。\n",
        );
        assert!(
            has(
                &v,
                "星河光纤股份有限公司",
                "settledIn",
                "白河东湖新技术开发区"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn an_eco_city_by_its_kind_word_and_a_high_tech_industrial_park_as_a_whole_zone() {
        // 生态城 alone is the article's eco-city; a park with a digit in its name is in it.
        let v = triples_in(
            "## 青岚生态城:智慧城市\n\n青岚生态城是两地政府的合作项目,位于南京江北新区。近年来,生态城围绕智慧城市、文化健康两大主导产业发展。星河科技有限公司在生态城5G产业园设立了测试基地。\n",
        );
        assert!(has(&v, "青岚生态城", "hasIndustry", "智慧城市"), "{v:?}");
        assert!(has(&v, "5G产业园", "partOf", "青岚生态城"), "{v:?}");
        // 某某高新区某某企业广场是国家级科技企业孵化器: an incubator, part of the zone.
        let v = triples_in(
            "## 白河高新区:孵化\n\n白河高新区青鸟企业广场是国家级科技企业孵化器,在孵企业260余家。\n",
        );
        assert!(
            v.iter()
                .any(|(a, p, o)| a.ends_with("青鸟企业广场") && p == "partOf" && o == "白河高新区"),
            "{v:?}"
        );
        // X是…,位于某市某某新区: the zone lies in the new area and in the city that names it.
        let v = triples("白鹭生态城是两地政府的合作项目,位于南京江北新区。");
        assert!(
            v.iter()
                .any(|(a, p, o)| a == "白鹭生态城" && p == "locatedIn" && o.starts_with("南京")),
            "{v:?}"
        );
        // 某某高新技术产业园区 is a whole zone: the science city is its core, not the reverse.
        let v = triples_in(
            "## 湖州科技城:孵化\n\n湖州科技城是湖州西塞高新技术产业园区的核心区,重点发展数字经济。\n",
        );
        assert!(
            has(&v, "湖州科技城", "partOf", "湖州西塞高新技术产业园区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_base_set_up_elsewhere_and_a_town_of_a_science_city() {
        // 公司还将在某市设立某某基地: the base lies in that city, not in the article's zone.
        let v = triples_in(
            "## 青岚经开区:动力电池\n\n青岚经济技术开发区重点发展新能源汽车。星澜储能科技有限公司落户开发区,还将在宜宾设立正极材料生产基地。\n",
        );
        assert!(
            !has(&v, "正极材料生产基地", "partOf", "青岚经济技术开发区"),
            "{v:?}"
        );
        assert!(
            v.iter().any(|(a, p, o)| a == "正极材料生产基地"
                && p == "locatedIn"
                && o.starts_with("宜宾")),
            "{v:?}"
        );
        // …but a zone after 在 and a place's name is the zone (在苏州工业园区设立某某中心).
        let v = triples("星澜储能科技有限公司在苏州工业园区设立了星澜储能产业园。");
        assert!(
            !v.iter()
                .any(|(a, p, _)| a == "星澜储能产业园" && p == "locatedIn"),
            "{v:?}"
        );
        // 在某某小镇 in an article about a science city with a name of its own.
        let v = triples_in(
            "## 白河未来科技城:数智企业\n\n白河未来科技城重点发展数字经济。在青鸟小镇,一批创业项目正在成长。\n",
        );
        assert!(has(&v, "青鸟小镇", "partOf", "白河未来科技城"), "{v:?}");
    }

    #[test]
    fn a_company_counted_among_a_zones_or_with_its_headquarters_there() {
        let v =
            triples("日前,星岚微电子股份有限公司在科创板挂牌上市,成为白河高新区第28家上市企业。");
        assert!(
            has(&v, "星岚微电子股份有限公司", "settledIn", "白河高新区"),
            "{v:?}"
        );
        let v = triples(
            "远航芯片股份有限公司成立于2015年。公司总部和研发中心均位于青岚高新区,并在苏州设有工厂。",
        );
        assert!(
            has(&v, "远航芯片股份有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        let v = triples("远航芯片股份有限公司总部和生产基地都位于青岚高新区。");
        assert!(
            has(&v, "远航芯片股份有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_subsidiary_founded_by_a_company_named_before() {
        let v = triples(
            "星岚微电子股份有限公司成立于2015年,由青岚大学的两位教授创办。公司总部位于白河高新区,并在苏州设立了全资子公司苏州星岚半导体有限公司。",
        );
        assert!(
            has(
                &v,
                "苏州星岚半导体有限公司",
                "subOrganizationOf",
                "星岚微电子股份有限公司"
            ),
            "{v:?}"
        );
        let v = triples("远山集团去年设立了全资子公司青岚远航智能有限公司。");
        assert!(
            has(&v, "青岚远航智能有限公司", "subOrganizationOf", "远山集团"),
            "{v:?}"
        );
    }

    #[test]
    fn the_brand_before_a_country_in_parentheses_is_the_group() {
        let v = triples_in(
            "## 青岚开发区\n\n远澜(中国)制药有限公司投资的新生产线日前投产。远澜于1995年入驻青岚经济技术开发区,是区内最早的外资药企之一。\n",
        );
        assert!(
            has(&v, "远澜(中国)制药有限公司", "subOrganizationOf", "远澜"),
            "{v:?}"
        );
        assert!(has(&v, "远澜", "settledIn", "青岚经济技术开发区"), "{v:?}");
    }

    #[test]
    fn a_clause_without_a_subject_goes_on_with_the_company_not_its_zone() {
        let v = triples_in(
            "## 青岚开发区:外资企业加码\n\n记者从青岚经济技术开发区获悉,远山制药有限公司于1995年入驻青岚开发区。开发区已形成汽车、生物医药两大主导产业。星河生物科技有限公司去年落户开发区西区,并与澜州大学药学院共建了细胞治疗联合实验室。\n",
        );
        let co = "星河生物科技有限公司";
        assert!(has(&v, co, "settledIn", "青岚经济技术开发区"), "{v:?}");
        assert!(has(&v, co, "cooperatesWith", "澜州大学药学院"), "{v:?}");
        assert!(
            !v.iter().any(|(s, p, o)| p == "cooperatesWith"
                && [s, o].contains(&&"青岚经济技术开发区".to_string())),
            "{v:?}"
        );
        // What the company builds with its partner is theirs, not a settler by 落户.
        assert!(
            !v.iter()
                .any(|(s, p, _)| s.contains("实验室") && p == "settledIn"),
            "{v:?}"
        );
        // A zone that builds with a partner hosts what they build.
        let v = triples("青岚高新区还与澜州大学合作成立了星河创新中心,首批团队已入驻。");
        assert!(has(&v, "星河创新中心", "settledIn", "青岚高新区"), "{v:?}");
    }

    #[test]
    fn a_subsidiary_founded_in_a_zone_and_coordinated_partners() {
        let v = triples(
            "走进星河重工股份有限公司。今年6月,星河重工在青岚高新区设立的全资子公司——青岚星河智能装备有限公司正式投产。",
        );
        assert!(
            has(
                &v,
                "青岚星河智能装备有限公司",
                "subOrganizationOf",
                "星河重工股份有限公司"
            ),
            "{v:?}"
        );
        let v = triples("青岚大学、白鹭研究院等高校院所也与青岚高新区建立了长期合作关系。");
        assert!(has(&v, "青岚大学", "cooperatesWith", "青岚高新区"), "{v:?}");
        assert!(
            has(&v, "白鹭研究院", "cooperatesWith", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_short_form_introduced_in_parentheses_is_the_same_zone() {
        let v = triples(
            "青岚高新技术产业开发区(以下简称\"青岚园\")与星河科技有限公司签署协议。目前,青岚园已集聚云顶科技、飞羽软件等企业。",
        );
        assert!(
            has(&v, "云顶科技", "settledIn", "青岚高新技术产业开发区"),
            "{v:?}"
        );
    }

    #[test]
    fn settling_with_the_zone_after_the_verb() {
        let v = triples("近日,星河科技集团正式签约入驻青岚高新区。");
        assert!(has(&v, "星河科技集团", "settledIn", "青岚高新区"), "{v:?}");
    }

    #[test]
    fn introduced_lists_settle_in_the_subject_zone() {
        let v = triples("青岚高新区已陆续引进星河汽车、云顶陶瓷、飞羽电动车等百亿级龙头企业。");
        for c in ["星河汽车", "云顶陶瓷", "飞羽电动车"] {
            assert!(has(&v, c, "settledIn", "青岚高新区"), "{c}: {v:?}");
        }
    }

    #[test]
    fn leading_industries_and_parks() {
        let v = triples("青岚高新区围绕集成电路、康养旅居等主导产业,建设青岚智造产业园。");
        assert!(has(&v, "青岚高新区", "hasIndustry", "集成电路"), "{v:?}");
        assert!(has(&v, "青岚高新区", "hasIndustry", "康养旅居"), "{v:?}");
        assert!(has(&v, "青岚智造产业园", "partOf", "青岚高新区"), "{v:?}");
    }

    #[test]
    fn cooperation_is_symmetric_and_not_settling() {
        let v = triples("青岚高新区与北京航空航天大学合作设立星河研究院,首批专家团队已入驻。");
        let coop = v.iter().any(|(a, p, c)| {
            p == "cooperatesWith"
                && ((a == "青岚高新区" && c == "北京航空航天大学")
                    || (c == "青岚高新区" && a == "北京航空航天大学"))
        });
        assert!(coop, "{v:?}");
        assert!(
            !has(&v, "北京航空航天大学", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        assert!(has(&v, "星河研究院", "settledIn", "青岚高新区"), "{v:?}");
    }

    #[test]
    fn no_branch_by_name_from_another_article_or_of_a_university() {
        let x = extract(&[
            Input {
                source: "a.txt".into(),
                text: "## 甲\n\n阜新青岚科技有限公司落户阜新高新区。\n".into(),
            },
            Input {
                source: "b.txt".into(),
                text: "## 乙\n\n阜新青岚研究院与阜新青岚大学签约。\n".into(),
            },
        ]);
        let subs: Vec<_> = x
            .relations
            .iter()
            .filter(|r| r.predicate.as_str() == "subOrganizationOf")
            .collect();
        assert!(
            subs.is_empty(),
            "{:?}",
            subs.iter()
                .map(|r| (&x.entities[r.subject].label, &x.entities[r.object].label))
                .collect::<Vec<_>>()
        );
        let v = triples("阜新青岚研究院由阜新青岚科技有限公司投资设立。");
        assert!(
            has(
                &v,
                "阜新青岚研究院",
                "subOrganizationOf",
                "阜新青岚科技有限公司"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn branches_and_places_from_names() {
        let v = triples("云帆汽车湖州分公司落户杭州青岚高新区。");
        assert!(
            has(&v, "云帆汽车湖州分公司", "subOrganizationOf", "云帆汽车"),
            "{v:?}"
        );
        assert!(has(&v, "杭州青岚高新区", "locatedIn", "杭州市"), "{v:?}");
        assert!(
            has(&v, "云帆汽车湖州分公司", "settledIn", "杭州青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn lists_before_a_parent_and_founders() {
        let v = triples(
            "星河电机有限公司、星河电机研究所有限公司(以下简称\"星河所\")等中国中车旗下企业贡献了七成。",
        );
        for c in ["星河电机有限公司", "星河电机研究所有限公司"] {
            assert!(
                has(&v, c, "subOrganizationOf", "中国中车股份有限公司"),
                "{v:?}"
            );
        }
        // Two companies of one stem are siblings, not parent and child.
        assert!(
            !has(
                &v,
                "星河电机研究所有限公司",
                "subOrganizationOf",
                "星河电机有限公司"
            ),
            "{v:?}"
        );
        let v =
            triples("由青岚光电集团股份有限公司投资建设的澜州青岚显示科技有限公司落户青岚高新区。");
        assert!(
            has(
                &v,
                "澜州青岚显示科技有限公司",
                "subOrganizationOf",
                "青岚光电集团股份有限公司"
            ),
            "{v:?}"
        );
        assert!(
            has(&v, "澜州青岚显示科技有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        assert!(
            !has(&v, "青岚光电集团股份有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn joining_is_not_settling_and_co_founders_cooperate() {
        let v = triples("星河创新中心也落户青岚高新区,目前已吸引湖南大学、中南大学等高校加盟。");
        assert!(has(&v, "星河创新中心", "settledIn", "青岚高新区"), "{v:?}");
        assert!(
            !v.iter()
                .any(|(a, b, _)| a == "湖南大学" && b == "settledIn"),
            "{v:?}"
        );
        let v = triples("该研究院由青岚高新区管委会、星河钛业集团共同出资建设。");
        assert!(
            has(&v, "星河钛业集团", "cooperatesWith", "青岚高新区管委会")
                || has(&v, "青岚高新区管委会", "cooperatesWith", "星河钛业集团"),
            "{v:?}"
        );
        // A zone's administration is not settled in its zone.
        assert!(
            !v.iter()
                .any(|(a, b, _)| a == "青岚高新区管委会" && b == "settledIn"),
            "{v:?}"
        );
    }

    #[test]
    fn technologies_and_chain_links_are_not_industries() {
        let v = triples(
            "青岚高新区聚焦牵引传动、列车控制等关键技术开展联合攻关,形成了从研发设计、整车制造到零部件配套的完整产业链。",
        );
        assert!(!v.iter().any(|(_, b, _)| b == "hasIndustry"), "{v:?}");
        let v = triples("青岚高新区以集成电路、生物医药为主导产业,规划建设了澜江产业园、工业机器人产业园等专业园区。");
        assert!(has(&v, "青岚高新区", "hasIndustry", "集成电路"), "{v:?}");
        assert!(!has(&v, "青岚高新区", "hasIndustry", "工业机器人"), "{v:?}");
        assert!(has(&v, "工业机器人产业园", "partOf", "青岚高新区"), "{v:?}");
    }

    #[test]
    fn areas_parks_and_organizations_inside_them() {
        let v = triples("近日,星河医药投资建设的智能工厂在青岚高新区澜江片区正式投产。");
        assert!(
            has(&v, "青岚高新区澜江片区", "partOf", "青岚高新区"),
            "{v:?}"
        );
        let v = triples("青岚高新区北湖科技园入驻企业已达到420家。园区内的星河光电科技有限公司专注于激光雷达领域。");
        assert!(
            has(
                &v,
                "星河光电科技有限公司",
                "settledIn",
                "青岚高新区北湖科技园"
            ) || has(&v, "星河光电科技有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        // The university heads the institute's name; the zone is the city's.
        let v = triples("青岚新区与吉林大学共建吉林大学长春新区光电子研究院。");
        assert!(
            !v.iter().any(|(_, _, o)| o.starts_with("吉林大学长春")),
            "{v:?}"
        );
        // A ministry announcing a list works in no industry.
        let v = triples(
            "工业和信息化部公布优势产业集群名单,青岚高新区牵头申报的信创产业集群榜上有名。",
        );
        assert!(
            !v.iter()
                .any(|(a, b, _)| a == "工业和信息化部" && b == "inIndustry"),
            "{v:?}"
        );
    }

    #[test]
    fn clusters_of_several_zones_and_the_park_as_coreference() {
        let v = triples(
            "日前,科技部火炬中心发布通知,批复襄阳高新区轴承创新型产业集群、青岚高新区光伏创新型产业集群等2家集群为试点。",
        );
        assert!(
            has(&v, "襄阳高新技术产业开发区", "hasIndustry", "轴承"),
            "{v:?}"
        );
        assert!(has(&v, "青岚高新区", "hasIndustry", "光伏"), "{v:?}");
        assert!(
            !has(&v, "襄阳高新技术产业开发区", "hasIndustry", "光伏"),
            "{v:?}"
        );
        // 园区 is the zone named before it in the sentence, not the article's first.
        let v = triples(
            "澜江高新区以光伏为主导产业。青岚高新区相关负责人介绍,园区将联合星河科技大学共建轴承产业技术创新联盟。",
        );
        assert!(
            has(&v, "青岚高新区", "cooperatesWith", "星河科技大学")
                || has(&v, "星河科技大学", "cooperatesWith", "青岚高新区"),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(a, b, c)| b == "cooperatesWith" && (a == "澜江高新区" || c == "澜江高新区")),
            "{v:?}"
        );
    }

    #[test]
    fn a_list_goes_on_after_qizhong_and_countries_stand_before_names() {
        let v = triples(
            "走进青岚高新区,100余家科技企业在这里安家。其中,由澜州大学团队创办的星河医疗设备股份有限公司已投产。",
        );
        assert!(
            has(&v, "星河医疗设备股份有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(a, b, _)| a == "澜州大学" && b == "settledIn"),
            "{v:?}"
        );
        let v = triples("此外,德国星河集团、法国澜江集团也分别与青岚高新区签署了合作协议。");
        for c in ["星河集团", "澜江集团"] {
            assert!(
                has(&v, c, "cooperatesWith", "青岚高新区")
                    || has(&v, "青岚高新区", "cooperatesWith", c),
                "{c}: {v:?}"
            );
        }
        // A centre its partners built is one centre, though its name only describes.
        let v = triples("青岚高新区与澜州大学共建的智能网联汽车创新中心已吸引30余家企业入驻。");
        assert!(
            v.iter().any(|(a, _, _)| a == "智能网联汽车创新中心"),
            "{v:?}"
        );
    }

    #[test]
    fn interviews_sitting_institutes_and_this_company() {
        // The official's 我们 is the zone; a clause beginning with 与 keeps the subject.
        let v = triples(
            "青岚经开区是国家级经开区。青岚经开区的机器人产业起步早。青岚经开区规划建设了青岚机器人产业园。记者:青岚经开区做了哪些工作?陈明:我们与澜州大学共建了星河研究院,与青岚科技大学合作设立了澜江研究院。",
        );
        for u in ["澜州大学", "青岚科技大学"] {
            assert!(
                has(&v, "青岚经开区", "cooperatesWith", u)
                    || has(&v, u, "cooperatesWith", "青岚经开区"),
                "{u}: {v:?}"
            );
        }
        assert!(
            !v.iter()
                .any(|(a, b, _)| a == "青岚机器人产业园" && b == "cooperatesWith"),
            "{v:?}"
        );
        let v = triples("青岚高新区大力发展稀土产业,澜州稀土研究院就坐落在这里。");
        assert!(
            has(&v, "澜州稀土研究院", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        let v = triples("星河制药有限公司的生产线正满负荷运转。这家药企1995年落户青岚经开区。");
        assert!(
            has(&v, "星河制药有限公司", "settledIn", "青岚经开区"),
            "{v:?}"
        );
    }

    #[test]
    fn cooperation_zones_district_parks_and_acquisitions() {
        let v = triples(
            "襄阳高新区以智能制造为主攻方向。2017年,星河集团收购德国澜江公司,此后在襄阳高新区樊城园建设了澜江机器人(湖北)有限公司。",
        );
        assert!(
            has(&v, "襄阳高新技术产业开发区", "hasIndustry", "智能制造"),
            "{v:?}"
        );
        assert!(
            has(&v, "襄阳高新区樊城园", "partOf", "襄阳高新技术产业开发区"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                "澜江机器人(湖北)有限公司",
                "settledIn",
                "襄阳高新区樊城园"
            ),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(a, b, _)| a == "澜江公司" && b == "settledIn"),
            "{v:?}"
        );
        assert!(!v.iter().any(|(a, _, _)| a.contains("收购")), "{v:?}");
        let v = triples(
            "青岚粤澳深度合作区(以下简称\"合作区\")新增澳资企业860家。澳门大学也在合作区设立了产学研示范基地。",
        );
        assert!(
            has(&v, "澳门大学", "settledIn", "青岚粤澳深度合作区"),
            "{v:?}"
        );
    }

    #[test]
    fn focus_gives_the_industry_of_a_company() {
        let v = triples("星河科技集团是一家专注于智能安防领域的高新技术企业。");
        assert!(has(&v, "星河科技集团", "inIndustry", "智能安防"), "{v:?}");
    }

    #[test]
    fn located_in_zone_before_de() {
        let v = triples("近日,位于青岚高新区的星河光电项目主体封顶。");
        assert!(has(&v, "星河光电", "settledIn", "青岚高新区"), "{v:?}");
    }

    #[test]
    fn a_gazetteer_name_never_splits_a_longer_grammar_name() {
        let v = triples("比亚迪湖州分公司正式入驻青岚高新区。");
        assert!(
            has(
                &v,
                "比亚迪湖州分公司",
                "subOrganizationOf",
                "比亚迪股份有限公司"
            ),
            "{v:?}"
        );
        assert!(
            has(&v, "比亚迪湖州分公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_park_that_lies_in_a_zone_is_part_of_it() {
        let v = triples(
            "青松(白河)产业园区(以下简称\"青白产业园\")位于白河高新区,由蓝海投资控股有限公司与白河市政府共同出资建设。星河科技有限公司位于白河高新区。",
        );
        assert!(
            has(&v, "青松(白河)产业园区", "partOf", "白河高新区"),
            "{v:?}"
        );
        assert!(
            has(&v, "星河科技有限公司", "settledIn", "白河高新区"),
            "{v:?}"
        );
        // Its investor's name keeps its trade (投资控股), and the investors cooperate.
        assert!(
            has(&v, "蓝海投资控股有限公司", "cooperatesWith", "白河市政府"),
            "{v:?}"
        );
    }

    #[test]
    fn the_place_in_parentheses_is_where_a_park_lies() {
        let v = triples("深圳(哈尔滨)青松产业园区签约入驻企业20家。");
        assert!(
            has(&v, "深圳(哈尔滨)青松产业园区", "locatedIn", "哈尔滨市"),
            "{v:?}"
        );
        assert!(
            !has(&v, "深圳(哈尔滨)青松产业园区", "locatedIn", "深圳市"),
            "{v:?}"
        );
    }

    #[test]
    fn the_registered_companies_of_a_park_are_settled_in_it() {
        let v = triples(
            "截至目前,青松产业园累计注册企业超过700家,其中包括蓝海科技集团、星河创新科技有限公司等。",
        );
        for c in ["蓝海科技集团", "星河创新科技有限公司"] {
            assert!(has(&v, c, "settledIn", "青松产业园"), "{c}: {v:?}");
        }
    }

    #[test]
    fn what_grew_into_a_fields_company_is_the_sentences_subject() {
        let v = triples(
            "星河光子科技有限公司由青松大学团队孵化,现已成长为光伏领域的上市公司。作为青松大学孵化的企业,蓝海已成长为国内储能领域的领军企业。",
        );
        assert!(
            has(&v, "星河光子科技有限公司", "inIndustry", "光伏"),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(s, p, _)| s == "青松大学" && p == "inIndustry"),
            "{v:?}"
        );
    }

    #[test]
    fn a_zone_named_after_zuowei_describes_the_subject() {
        let v = triples("作为白河新区核心区,青松科学城已布局光伏、储能等产业。");
        assert!(has(&v, "青松科学城", "hasIndustry", "光伏"), "{v:?}");
        assert!(
            !v.iter()
                .any(|(s, p, _)| s == "白河新区" && p == "hasIndustry"),
            "{v:?}"
        );
    }

    #[test]
    fn a_university_park_named_in_the_title_leads_its_industries_and_hosts_its_spin_off() {
        let v = triples_in("## 兰州大学科技园:好消息\n\n在白河高新区,兰州大学国家大学科技园已累计孵化企业300余家。园区依托兰州大学的学科优势,重点孵化激光、数字医疗等领域的科技型企业。\n\n星河激光技术股份有限公司是从这里走出的代表企业之一。该公司2010年成立于科技园,现已发展成为光纤激光器领域的龙头企业。\n");
        let park = "兰州大学国家大学科技园";
        for i in ["激光", "数字医疗"] {
            assert!(has(&v, park, "hasIndustry", i), "{i}: {v:?}");
        }
        // The university the park relies on works in none of them.
        assert!(
            !v.iter()
                .any(|(s, p, _)| s == "兰州大学" && p == "inIndustry"),
            "{v:?}"
        );
        assert!(
            has(&v, "星河激光技术股份有限公司", "settledIn", park),
            "{v:?}"
        );
        assert!(
            has(&v, "星河激光技术股份有限公司", "inIndustry", "光纤激光器"),
            "{v:?}"
        );
    }

    #[test]
    fn a_headquarters_opened_in_a_zone_settles_there() {
        let v = triples("近日,星河软件科技有限公司总部在青岚高新区揭牌。");
        assert!(
            has(&v, "星河软件科技有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_foreign_bureau_keeps_its_country_and_two_governments_are_no_name() {
        let v = triples(
            "青岚工业园区是中国和新加坡两国政府间的合作项目。园区将与新加坡经济发展局深化合作。",
        );
        assert!(
            v.iter().any(|(_, _, o)| o == "新加坡经济发展局")
                || v.iter().any(|(s, _, _)| s == "新加坡经济发展局"),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(s, _, o)| s.contains("两国") || o.contains("两国")),
            "{v:?}"
        );
    }

    #[test]
    fn an_institute_set_up_by_another_in_the_town_is_its_unit_there() {
        let v = triples(
            "青岚高新区内的星光小镇已集聚企业400余家。白河空间信息研究院在小镇设立了青岚研究院,围绕遥感开展研发。",
        );
        assert!(
            has(&v, "青岚研究院", "subOrganizationOf", "白河空间信息研究院"),
            "{v:?}"
        );
        assert!(has(&v, "青岚研究院", "settledIn", "星光小镇"), "{v:?}");
    }

    #[test]
    fn a_visit_a_leader_and_a_base_of_a_group() {
        let v = triples(
            "走进白河高新区的四川蓝海新能源科技有限公司,生产线正满负荷运转。作为星河电池股份有限公司(以下简称\"星河电池\")在西南布局的首个生产基地,四川蓝海已建成投产多期项目。在星河电池的带动下,白云锂业、青木科技等40余家企业相继落户青岚高新区。",
        );
        let child = "四川蓝海新能源科技有限公司";
        assert!(has(&v, child, "settledIn", "白河高新区"), "{v:?}");
        assert!(
            has(&v, child, "subOrganizationOf", "星河电池股份有限公司"),
            "{v:?}"
        );
        assert!(has(&v, "白云锂业", "settledIn", "青岚高新区"), "{v:?}");
        assert!(
            !has(&v, "星河电池股份有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_bare_kind_word_stands_for_the_article_s_zone() {
        let v = triples_in(
            "## 白河高新区:新动能\n\n白河高新区今年新增企业300家。星河光电科技股份有限公司将总部设在高新区。青松大学与高新区共建了智能制造研究院。白河青岚研究所与高新区企业联合攻关。\n",
        );
        let zone = "白河高新区";
        assert!(
            has(&v, "星河光电科技股份有限公司", "settledIn", zone),
            "{v:?}"
        );
        assert!(
            has(&v, "青松大学", "cooperatesWith", zone)
                || has(&v, zone, "cooperatesWith", "青松大学"),
            "{v:?}"
        );
        // 高新区企业 are the zone's companies, not the zone.
        assert!(
            !v.iter().any(|(a, p, c)| p == "cooperatesWith"
                && (a == "白河青岚研究所" || c == "白河青岚研究所")),
            "{v:?}"
        );
    }

    #[test]
    fn a_later_clause_with_its_own_settling_word_settles_in_the_zone() {
        let v = triples_in(
            "## 临空港区:智能终端再扩容\n\n白河临空经济示范区(以下简称\"临空港区\")是重要的智能终端基地。临空港区围绕智能终端发展产业。2010年以来,远岚旗下的青岚精密电子有限公司在港区投产,吸引了蓝海科技、青木科技等配套企业集聚。\n",
        );
        let zone = "白河临空经济示范区";
        assert!(has(&v, "青岚精密电子有限公司", "settledIn", zone), "{v:?}");
        assert!(has(&v, "蓝海科技", "settledIn", zone), "{v:?}");
        assert!(
            has(&v, "青岚精密电子有限公司", "subOrganizationOf", "远岚"),
            "{v:?}"
        );
        assert!(!has(&v, "远岚", "settledIn", zone), "{v:?}");
    }

    #[test]
    fn a_park_that_is_a_zone_s_core_area_is_part_of_it() {
        let v = triples_in(
            "## 白河高新区:硬科技\n\n白河高新区新增企业1200家。白河高新区负责人介绍,青松科学城是高新区\"一核两城\"的核心区之一,重点布局光伏和储能产业。\n",
        );
        assert!(has(&v, "青松科学城", "partOf", "白河高新区"), "{v:?}");
        assert!(has(&v, "青松科学城", "hasIndustry", "光伏"), "{v:?}");
        assert!(!has(&v, "白河高新区", "hasIndustry", "光伏"), "{v:?}");
        let v = triples("作为白河高新区核心区,青松科学城已布局光伏、储能等产业。");
        assert!(has(&v, "青松科学城", "partOf", "白河高新区"), "{v:?}");
    }

    #[test]
    fn a_bare_name_that_sets_up_in_the_zone_settles_there() {
        let v = triples_in(
            "## 白河工业园区:生物医药加速\n\n白河工业园区已集聚生物医药企业2300余家。星河生物制药(白河)有限公司是最早入驻园区的企业之一。今年,百澜瑞康也在园区落地了新的研发中心。\n",
        );
        assert!(has(&v, "百澜瑞康", "settledIn", "白河工业园区"), "{v:?}");
    }

    #[test]
    fn partners_and_what_a_zone_relies_on_are_no_subjects() {
        let v = triples_in(
            "## 白河工业园区:协同创新\n\n白河工业园区集聚企业2300余家。青岚信息与通信研究院与园区企业联合承担了多项项目。青岚光电子先导院则联合青松大学,为光子企业提供中试服务。下一步,园区将依托青岚科教创新区,打造生物医药产业地标。\n",
        );
        assert!(
            !v.iter().any(|(a, p, c)| p == "cooperatesWith"
                && [a, c].iter().any(|x| x.as_str() == "白河工业园区")),
            "{v:?}"
        );
        assert!(
            has(&v, "青岚光电子先导院", "cooperatesWith", "青松大学")
                || has(&v, "青松大学", "cooperatesWith", "青岚光电子先导院"),
            "{v:?}"
        );
        assert!(!has(&v, "青松大学", "inIndustry", "光子"), "{v:?}");
        assert!(
            !has(&v, "青岚科教创新区", "hasIndustry", "生物医药"),
            "{v:?}"
        );
    }

    #[test]
    fn a_signing_day_s_list_goes_on_past_semicolons() {
        let v = triples_in(
            "## 白河经开区:签约项目总投资超300亿元\n\n白河经济技术开发区(以下简称\"白河经开区\")举行重大项目集中签约仪式,现场签约项目15个,涵盖新能源汽车、集成电路等领域。其中,星河汽车(青岚)有限公司将在园区建设第二制造基地;蓝海存储技术有限公司与经开区签署协议,扩建存储芯片生产线;德国远山集团旗下的远山汽车部件(白河)有限公司也将追加投资,建设电驱动系统工厂。白河经开区党工委负责人表示,经开区已形成以新能源汽车和智能家电为主导的产业格局。下一步,经开区将联合青松大学,共建概念验证中心。\n",
        );
        let zone = "白河经济技术开发区";
        for c in [
            "星河汽车(青岚)有限公司",
            "蓝海存储技术有限公司",
            "远山汽车部件(白河)有限公司",
        ] {
            assert!(has(&v, c, "settledIn", zone), "{c}: {v:?}");
        }
        assert!(!has(&v, "远山集团", "settledIn", zone), "{v:?}");
        assert!(has(&v, zone, "hasIndustry", "智能家电"), "{v:?}");
        assert!(has(&v, zone, "hasIndustry", "新能源汽车产业"), "{v:?}");
        assert!(
            !v.iter()
                .any(|(a, _, c)| a.contains("概念验证") || c.contains("概念验证")),
            "{v:?}"
        );
    }

    #[test]
    fn a_founder_s_company_moves_within_the_zone_and_names_its_field_and_partners() {
        let v = triples_in(
            "## 从实验室到生产线\n\n2016年,博士王青回到家乡,在白河高新区创办了湖南青岚光电科技有限公司(以下简称\"青岚光电\")。如今,青岚光电已成长为激光雷达领域的\"小巨人\"企业。去年,公司把研发总部迁至白河高新区的麓山科技新城,并与星河电子、蓝海汽车等企业建立了合作关系。白河高新区围绕电子信息、工程机械两大主导产业发展。\n",
        );
        let c = "湖南青岚光电科技有限公司";
        assert!(
            has(&v, c, "settledIn", "白河高新区") || has(&v, c, "settledIn", "麓山科技新城"),
            "{v:?}"
        );
        assert!(has(&v, c, "inIndustry", "激光雷达"), "{v:?}");
        assert!(has(&v, "麓山科技新城", "partOf", "白河高新区"), "{v:?}");
        assert!(
            has(&v, c, "cooperatesWith", "星河电子") || has(&v, "星河电子", "cooperatesWith", c),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(a, p, c)| p == "cooperatesWith" && (a == "白河高新区" || c == "白河高新区")),
            "{v:?}"
        );
    }

    #[test]
    fn a_province_s_zones_in_general_are_no_partner_and_a_built_cluster_names_an_industry() {
        let v = triples_in(
            "## 某省高新区评价\n\n近日,白河省科技厅发布全省高新区评价结果。青岚高新区重点发展高端装备和海洋生物医药,星河集团、蓝海股份有限公司在区内设有研发中心;远山高新区则依托远山动力股份有限公司,打造了千亿级动力装备产业集群。下一步将推动各高新区与青松大学等科研力量深度合作。\n",
        );
        assert!(has(&v, "星河集团", "settledIn", "青岚高新区"), "{v:?}");
        assert!(
            has(&v, "蓝海股份有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        assert!(has(&v, "远山高新区", "hasIndustry", "动力装备"), "{v:?}");
        assert!(
            !v.iter()
                .any(|(a, p, c)| p == "cooperatesWith" && (a == "青松大学" || c == "青松大学")),
            "{v:?}"
        );
    }

    #[test]
    fn a_brand_s_factory_its_head_word_and_a_campus() {
        let v = triples_in(
            "## 澜湾新片区:超级工厂带动集聚\n\n走进澜湾新片区,工厂内机械臂挥舞。作为远帆在美国本土以外建设的首座超级工厂,远帆(白河)有限公司2019年落户澜湾,当年投产。澜湾新片区以新能源汽车、集成电路为主导产业。星河商用飞机有限责任公司也在澜湾设立了大飞机产业园。此外,澜湾新片区与青松大学(深圳)签署合作协议。\n",
        );
        let zone = "澜湾新片区";
        assert!(
            has(&v, "远帆(白河)有限公司", "subOrganizationOf", "远帆"),
            "{v:?}"
        );
        assert!(has(&v, "远帆(白河)有限公司", "settledIn", zone), "{v:?}");
        assert!(
            has(&v, "星河商用飞机有限责任公司", "settledIn", zone),
            "{v:?}"
        );
        assert!(has(&v, "大飞机产业园", "partOf", zone), "{v:?}");
        assert!(
            has(&v, zone, "cooperatesWith", "青松大学(深圳)")
                || has(&v, "青松大学(深圳)", "cooperatesWith", zone),
            "{v:?}"
        );
    }

    #[test]
    fn a_county_zone_s_short_form_its_champion_and_a_subsidiary_list() {
        let v = triples_in(
            "## 青宁经开区:隐形冠军\n\n在甘肃省青宁经济技术开发区,白河远鼎密封件股份有限公司(以下简称\"远鼎股份\")的车间里,生产线满负荷运转。公司在德国、美国等地设有生产基地。近年来,青宁经开区以汽车零部件、电子元器件为主导产业,先后引进了远鼎股份的全资子公司白河远鼎流体系统有限公司、白河青宁晨光精工股份有限公司等一批配套项目。\n",
        );
        let zones: Vec<&String> = v
            .iter()
            .flat_map(|(a, p, c)| match p.as_str() {
                "hasIndustry" => vec![a],
                "settledIn" => vec![c],
                _ => vec![],
            })
            .collect();
        assert!(zones.iter().all(|z| *z == zones[0]), "one zone: {v:?}");
        let parent = "白河远鼎密封件股份有限公司";
        assert!(
            has(&v, "白河远鼎流体系统有限公司", "subOrganizationOf", parent),
            "{v:?}"
        );
        assert!(
            !has(
                &v,
                "白河青宁晨光精工股份有限公司",
                "subOrganizationOf",
                parent
            ),
            "{v:?}"
        );
        assert!(
            !v.iter()
                .any(|(a, _, c)| a == "美国" || c == "美国" || a.contains("设有")),
            "{v:?}"
        );
    }

    #[test]
    fn an_area_of_a_free_trade_area_is_named_after_it_and_goes_by_its_own_name() {
        let v = triples(
            "白河自由贸易试验区宜昌片区以生物医药为主导产业,星河科技有限公司落户宜昌片区。",
        );
        let area = "白河自由贸易试验区宜昌片区";
        assert!(has(&v, area, "partOf", "白河自由贸易试验区"), "{v:?}");
        assert!(has(&v, area, "hasIndustry", "生物医药"), "{v:?}");
        assert!(has(&v, "星河科技有限公司", "settledIn", area), "{v:?}");
    }

    #[test]
    fn a_unit_named_after_a_short_form_and_a_zone_at_the_head_of_a_clause() {
        let v = triples(
            "星河电子集团有限公司(以下简称\"星河电子\")青岚创新中心在白河高新区正式揭牌。白河高新区形成了以空天信息、新一代信息技术为重点的产业布局。在白河高新区,远山科技有限公司、蓝海电器股份有限公司等龙头企业引领集群发展。在远洲开发区,青木智能控股有限公司建成了全球最大的电动航空器生产基地。",
        );
        assert!(
            has(
                &v,
                "青岚创新中心",
                "subOrganizationOf",
                "星河电子集团有限公司"
            ),
            "{v:?}"
        );
        assert!(has(&v, "青岚创新中心", "settledIn", "白河高新区"), "{v:?}");
        assert!(has(&v, "白河高新区", "hasIndustry", "空天信息"), "{v:?}");
        assert!(
            has(&v, "远山科技有限公司", "settledIn", "白河高新区"),
            "{v:?}"
        );
        assert!(
            has(&v, "蓝海电器股份有限公司", "settledIn", "白河高新区"),
            "{v:?}"
        );
        assert!(
            has(&v, "青木智能控股有限公司", "settledIn", "远洲开发区"),
            "{v:?}"
        );
        assert!(!v.iter().any(|(a, _, _)| a.contains("生产基地")), "{v:?}");
    }

    #[test]
    fn a_zone_renamed_on_its_upgrade_is_one_zone() {
        let v = triples(
            "国务院批复同意白河青岚高新技术产业园区升级为国家高新技术产业开发区,定名为青岚高新技术产业开发区,实行现行国家高新区的政策。青岚高新区以化工新材料、生物医药为主导产业。",
        );
        let zones: std::collections::BTreeSet<&String> = v
            .iter()
            .flat_map(|(a, p, c)| match p.as_str() {
                "hasIndustry" => vec![a],
                "partOf" => vec![a, c],
                _ => vec![],
            })
            .collect();
        assert_eq!(zones.len(), 1, "{v:?}");
        assert!(
            !v.iter()
                .any(|(a, p, _)| p == "partOf" && a.contains("园区")),
            "{v:?}"
        );
    }

    #[test]
    fn a_science_park_named_three_times_its_incubated_companies_and_where_parks_lie() {
        let v = triples_in(
            "## 大学科技园:成果转化\n\n兰州大学国家大学科技园位于兰州市城关区,由兰州大学与城关区人民政府共同建设。目前,科技园已累计孵化企业200余家,其中白河星芯科技有限公司由兰州大学物理学院教授团队创办。\n\n依托兰州大学的学科优势,兰州大学国家大学科技园孵化了青禾医疗科技有限公司、澜达光电科技有限公司等企业。科技园聚焦集成电路、网络通信两大领域。兰州大学国家大学科技园去年新增企业30家。\n\n## 青松综保区:笔电集群\n\n在青松综合保税区,星岚、云帆等品牌商聚集。青松综保区位于长沙市岳麓区,是长沙高新区直管园区之一。此外,园区正积极培育集成电路产业。青松综保区去年进出口额增长8%。\n",
        );
        let park = "兰州大学国家大学科技园";
        assert!(has(&v, park, "locatedIn", "城关区"), "{v:?}");
        assert!(has(&v, "白河星芯科技有限公司", "settledIn", park), "{v:?}");
        assert!(has(&v, "青禾医疗科技有限公司", "settledIn", park), "{v:?}");
        assert!(has(&v, park, "hasIndustry", "网络通信"), "{v:?}");
        // Who founded a company, and what the park relies on, do not settle by it.
        assert!(
            !v.iter()
                .any(|(a, p, _)| a.starts_with("兰州大学") && p == "settledIn"),
            "{v:?}"
        );
        let bonded = "青松综合保税区";
        assert!(has(&v, bonded, "partOf", "长沙高新技术产业开发区"), "{v:?}");
        assert!(has(&v, bonded, "locatedIn", "岳麓区"), "{v:?}");
        assert!(has(&v, bonded, "hasIndustry", "集成电路"), "{v:?}");
    }

    #[test]
    fn another_name_a_headquarters_that_lies_in_a_zone_and_a_partner_named_by_its_kind() {
        let v = triples_in(
            "## 青岚药城:医药集群\n\n白河医药高新区又称\"青岚药城\",园区已集聚医药企业300多家。星河药业集团位居中国医药工业百强榜前列。青岚药城与白河药科大学共建了白河药物研究院。\n\n## 锂电新城\n\n四川远锂新材料股份有限公司(以下简称\"远锂股份\")总部位于澜州高新区。远锂股份在青松经济开发区设立全资子公司。青松经开区已聚集星锂科技、蓝锂能源等锂电企业40余家,形成了完整的产业链。澜州高新区与青岚大学共建了澜州锂电研究院。去年,远锂股份与该研究院签订合作协议。\n\n## 白河农高区\n\n白河农业高新技术产业示范区(以下简称\"白河农高区\")位于山东省东营市。白河农高区重点发展现代种业。目前,青岚农业大学、澜州农学院等科研院所在农高区建立了研发平台。白河农高区今年新增企业30家。\n",
        );
        assert!(
            has(&v, "白河医药高新区", "cooperatesWith", "白河药科大学"),
            "{v:?}"
        );
        assert!(
            !v.iter().any(|(a, _, _)| a.starts_with("中国医药")),
            "{v:?}"
        );
        // The other name is the zone's alias.
        let x = extract(&[Input {
            source: "t.txt".into(),
            text: "## 新闻\n\n白河医药高新区又称\"中国医药谷\",园区已集聚医药企业300多家。\n"
                .into(),
        }]);
        assert!(
            x.entities
                .iter()
                .any(|e| e.label == "白河医药高新区" && e.aliases.iter().any(|a| a == "中国医药谷")),
            "{:?}",
            x.entities
        );
        let lithium = "四川远锂新材料股份有限公司";
        assert!(has(&v, lithium, "settledIn", "澜州高新区"), "{v:?}");
        assert!(
            has(&v, lithium, "cooperatesWith", "澜州锂电研究院"),
            "{v:?}"
        );
        assert!(has(&v, "青松经济开发区", "hasIndustry", "锂电"), "{v:?}");
        let agri = "白河农业高新技术产业示范区";
        assert!(has(&v, agri, "locatedIn", "东营市"), "{v:?}");
        assert!(has(&v, "青岚农业大学", "settledIn", agri), "{v:?}");
    }

    #[test]
    fn projects_after_a_colon_a_regional_headquarters_and_a_laboratory_that_relies_on_universities()
    {
        let v = triples_in(
            "## 青岚经开区签约\n\n青岚经济技术开发区举行项目集中签约仪式,总投资186亿元,涉及新能源汽车、智能网联等领域。签约项目包括:星河汽车股份有限公司投资60亿元建设整车项目;白河驰远动力科技有限公司拟投资25亿元建设电驱系统项目;蓝海智能装备股份有限公司将新建机器人工厂;此外,远航电子有限公司等9个项目也将落户经开区。青岚经开区今年新增企业100家。\n\n## 实验室\n\n走进位于白河科学城的青松实验室。青松实验室由白河市人民政府批准设立,依托青岚大学、澜州大学等高校建设,聚焦光电集成、人工智能两大方向。实验室下设光电芯片研究中心和智能计算研究中心,已引进科研团队30余个。白河科学城是白河高新区的重要组成部分。\n\n## 外资总部\n\n近日,远山(Yuanshan)华南区域总部在中国(广东)自由贸易试验区深圳青松新区片区揭牌。远山华南区域总部将统筹公司在华南地区的业务。青松片区将围绕航运物流、跨境金融两大主导产业,优化营商环境。\n",
        );
        let zone = "青岚经济技术开发区";
        for c in [
            "星河汽车股份有限公司",
            "白河驰远动力科技有限公司",
            "蓝海智能装备股份有限公司",
            "远航电子有限公司",
        ] {
            assert!(has(&v, c, "settledIn", zone), "{c}: {v:?}");
        }
        assert!(has(&v, zone, "hasIndustry", "智能网联"), "{v:?}");
        let lab = "青松实验室";
        assert!(has(&v, lab, "settledIn", "白河科学城"), "{v:?}");
        assert!(has(&v, lab, "inIndustry", "光电集成"), "{v:?}");
        assert!(!has(&v, "澜州大学", "inIndustry", "人工智能"), "{v:?}");
        assert!(
            has(&v, "光电芯片研究中心", "subOrganizationOf", lab),
            "{v:?}"
        );
        assert!(
            !has(&v, "光电芯片研究中心", "settledIn", "白河科学城"),
            "{v:?}"
        );
        assert!(has(&v, "白河科学城", "partOf", "白河高新区"), "{v:?}");
        let hq = v
            .iter()
            .find(|(a, p, _)| a.contains("华南区域总部") && p == "subOrganizationOf")
            .cloned();
        assert!(hq.as_ref().is_some_and(|(_, _, o)| o == "远山"), "{v:?}");
        let area = "中国(广东)自由贸易试验区深圳青松新区片区";
        assert!(has(&v, area, "hasIndustry", "跨境金融"), "{v:?}");
        assert!(!v.iter().any(|(a, _, _)| a == "统筹公司"), "{v:?}");
    }

    #[test]
    fn a_park_described_after_its_copula_a_bare_institute_as_subject_and_model_companies() {
        let v = triples_in(
            "## 青白产业园\n\n这里是青岚(白河)产业园区(以下简称\"青白产业园\"),由青岚市与白河市两地政府合作共建。青白产业园是白河新区的重点园区之一,以数字经济、生物医药为主导产业。青白产业园去年新增企业60家。\n\n## 研究院\n\n2016年,青岚大学在澜州高新区设立青岚大学澜州研究院。青岚大学澜州研究院已孵化科技企业120余家。研究院还与远航工业集团有限公司下属的第一飞机设计研究院签署合作协议。澜州高新区相关负责人介绍,高新区将依托研究院,加快打造航空产业集聚区。\n\n## 榜单\n\n上榜企业数量最多的高新区分别是:白河高新区,上榜企业286家,代表企业有白河星辰智芯科技有限公司、白河云杉数据技术有限公司;青岚高新区,上榜企业153家,代表企业有青岚微纳光电科技有限公司。\n",
        );
        let park = "青岚(白河)产业园区";
        assert!(has(&v, park, "hasIndustry", "数字经济"), "{v:?}");
        assert!(!has(&v, "白河新区", "hasIndustry", "数字经济"), "{v:?}");
        assert!(
            !v.iter()
                .any(|(a, _, c)| a.contains("两地") || c.contains("两地")),
            "{v:?}"
        );
        let institute = "青岚大学澜州研究院";
        assert!(
            has(&v, institute, "cooperatesWith", "第一飞机设计研究院")
                || has(&v, "第一飞机设计研究院", "cooperatesWith", institute),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                "第一飞机设计研究院",
                "subOrganizationOf",
                "远航工业集团有限公司"
            ),
            "{v:?}"
        );
        assert!(has(&v, "澜州高新区", "hasIndustry", "航空"), "{v:?}");
        assert!(
            has(&v, "白河云杉数据技术有限公司", "settledIn", "白河高新区"),
            "{v:?}"
        );
        assert!(
            has(&v, "青岚微纳光电科技有限公司", "settledIn", "青岚高新区"),
            "{v:?}"
        );
        assert!(
            !has(&v, "青岚微纳光电科技有限公司", "settledIn", "白河高新区"),
            "{v:?}"
        );
    }

    #[test]
    fn three_fields_joined_by_he_and_a_company_the_zone_counts_as_its_own() {
        let v = triples(
            "青岚氢能产业园重点布局燃料电池、制氢装备和储氢材料三大方向。白河铭达工贸有限公司是青岚经济开发区的龙头企业之一。",
        );
        for i in ["燃料电池", "制氢装备", "储氢材料"] {
            assert!(has(&v, "青岚氢能产业园", "hasIndustry", i), "{i}: {v:?}");
        }
        assert!(
            has(&v, "白河铭达工贸有限公司", "settledIn", "青岚经济开发区"),
            "{v:?}"
        );
        // A district's short name before 园区 names the zone's park there.
        let v = triples("白河星运物流有限公司在萧山园区建设了国际物流枢纽。");
        assert!(
            has(&v, "白河星运物流有限公司", "settledIn", "萧山园区"),
            "{v:?}"
        );
        // An article that names one zone alone, twice, refers to it by its kind word.
        let v = triples_in(
            "## 五金之都\n\n青岚经济开发区是省级开发区。青岚经济开发区以五金制品为主导产业。白河远达工贸有限公司是开发区的龙头企业之一。\n",
        );
        assert!(
            has(&v, "白河远达工贸有限公司", "settledIn", "青岚经济开发区"),
            "{v:?}"
        );
    }

    #[test]
    fn a_signing_venue_a_subjectless_clause_and_a_joint_venture_of_both_sides() {
        let v = triples_in(
            "## 新闻\n\n11月20日,青岚研究院与白河星芯材料股份有限公司在澜州高新区签署技术转让协议。根据协议,双方将合资成立澜州金科合金材料有限公司,注册资本2亿元,项目选址澜州高新区青松工业园。\n\n去年,远山微电子有限公司与青岚大学共建了联合实验室,并在蓝海经济技术开发区建设了封装测试基地。\n\n在白河综合保税区,星岚、云帆等品牌商聚集,形成了\"品牌+代工\"的笔电产业集群。\n",
        );
        let jv = "澜州金科合金材料有限公司";
        assert!(has(&v, jv, "subOrganizationOf", "青岚研究院"), "{v:?}");
        assert!(
            has(&v, jv, "subOrganizationOf", "白河星芯材料股份有限公司"),
            "{v:?}"
        );
        assert!(has(&v, jv, "settledIn", "澜州高新区青松工业园"), "{v:?}");
        // Where two sign is no party to their agreement.
        assert!(
            !v.iter()
                .any(|(a, p, c)| p == "cooperatesWith" && (a == "澜州高新区" || c == "澜州高新区")),
            "{v:?}"
        );
        assert!(
            has(&v, "远山微电子有限公司", "settledIn", "蓝海经济技术开发区"),
            "{v:?}"
        );
        assert!(
            !has(&v, "青岚大学", "settledIn", "蓝海经济技术开发区"),
            "{v:?}"
        );
        assert!(has(&v, "白河综合保税区", "hasIndustry", "笔电"), "{v:?}");
        // Among parks alone, the one in the cluster's own clause has its industry.
        let v = triples(
            "目前,星河教育全国运营总部、白云创新中心物联网产业基地也已落户,初步形成了以青湖物联网产业园为核心的智慧产业集群。",
        );
        assert!(has(&v, "青湖物联网产业园", "hasIndustry", "智慧"), "{v:?}");
        assert!(
            !has(&v, "白云创新中心物联网产业基地", "hasIndustry", "智慧"),
            "{v:?}"
        );
    }

    #[test]
    fn a_joint_venture_a_park_built_in_the_zone_and_strengths_clause_by_clause() {
        let v = triples_in(
            "## 青岚工业园:合作样板\n\n青岚工业园是两国政府合作建设的最大海外工业园区。星河集团作为园区的主要开发商,在园区内建设了商贸物流园。远山动力、蓝海重科等企业先后入驻。\n\n远帆汽车有限公司是远帆集团与青木汽车控股有限公司设立的合资企业。\n\n近日,青松顾问发布《园区百强》榜单。其中,白河高新区以生物医药和纳米技术应用领跑,远洲高新区则在人工智能和量子信息领域表现突出。\n",
        );
        assert!(has(&v, "商贸物流园", "partOf", "青岚工业园"), "{v:?}");
        assert!(
            has(&v, "远帆汽车有限公司", "subOrganizationOf", "远帆集团"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                "远帆汽车有限公司",
                "subOrganizationOf",
                "青木汽车控股有限公司"
            ),
            "{v:?}"
        );
        assert!(
            has(&v, "白河高新区", "hasIndustry", "纳米技术应用"),
            "{v:?}"
        );
        assert!(has(&v, "远洲高新区", "hasIndustry", "量子信息"), "{v:?}");
        assert!(!has(&v, "白河高新区", "hasIndustry", "量子信息"), "{v:?}");
        assert!(!v.iter().any(|(a, _, _)| a.contains("海外")), "{v:?}");
    }
}
