//! Stage 2 — normalized text → typed mentions.
//!
//! Input: a [`Normalized`] article. Output: [`Mention`]s (byte ranges of the normalized
//! text with a type), found by three sources merged by longest match:
//! - gazetteers (places, national zones, universities, CAS, central SOEs, industries);
//! - a name grammar: an organization or zone suffix (公司, 大学, 产业园 …) and the name
//!   words before it, cut at the rightmost boundary word (verbs, particles, descriptors);
//! - list context: the items of `A、B、C等企业` or `引进A、B、C` take the type that the
//!   head noun, the trigger verb or their typed neighbours give.
//!
//! Names found here once are found everywhere by a second pass ([`Recognizer::rescan`])
//! over the short forms that resolution derives.

use crate::gazetteer::{Gazetteer, Scan, GAZETTEER};
use crate::lexicon::{self, Strength};
use crate::lexicon::{Dict, Hit};
use crate::model::EntityType;
use crate::normalize::{is_cjk, Normalized};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// Where a mention came from; earlier variants win ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A gazetteer entry.
    Gazetteer,
    /// Suffix grammar.
    Grammar,
    /// An item of a typed list.
    List,
    /// A phrase pattern (专注于…领域, 以…为主导, Latin names).
    Pattern,
    /// A short form of a name found elsewhere (second pass).
    Alias,
    /// A bare kind word (高新区, 港区) standing for the article's zone, whose name ends with
    /// it: made by the relation stage for its rules only, never a name of the entity.
    Coref,
}

/// One typed occurrence of a name in a normalized text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// The type.
    pub etype: EntityType,
    /// The normalized text of the range.
    pub text: String,
    /// Which source found it.
    pub origin: Origin,
    /// The gazetteer entry, when it came from one (or its name equals one).
    pub gaz: Option<usize>,
    /// Another name given for it in parentheses right after it: `Medora(美朵拉)`.
    pub paren_alias: Option<String>,
    /// Lies inside a longer mention (industries in park names, Latin names).
    pub nested: bool,
}

impl Mention {
    fn new(range: Range<usize>, etype: EntityType, text: &str, origin: Origin) -> Self {
        Mention {
            text: text[range.clone()].to_string(),
            range,
            etype,
            origin,
            gaz: None,
            paren_alias: None,
            nested: false,
        }
    }
}

/// The recognizer: automata over the gazetteer and the grammar's word lists.
pub struct Recognizer {
    gaz: &'static Gazetteer,
    gaz_ac: Dict,
    gaz_surface: Vec<usize>,
    suffix_ac: Dict,
    left_ac: Dict,
    protected_ac: Dict,
    right_ac: AhoCorasick,
    generic_ac: AhoCorasick,
    place_ac: Dict,
}

/// The shared recognizer, built once.
pub static RECOGNIZER: LazyLock<Recognizer> = LazyLock::new(Recognizer::new);

static LATIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*)*").expect("static regex")
});
static FOCUS: LazyLock<Gated> = LazyLock::new(|| {
    Gated::any(
        &["专注", "致力于", "深耕", "从事", "主营"],
        r"(?:专注于?|致力于|深耕|从事|主营)(?:全球|国内|国际|全国|于)?(\p{Han}{2,8}?)(?:领域|行业|产业|业务)",
    )
});
/// A company described by its focus before its name: 专注于车载激光雷达的某某科技有限公司.
static FOCUS_OF: LazyLock<Gated> = LazyLock::new(|| {
    Gated::any(
        &["专注于", "致力于", "深耕"],
        r"(?:专注于|致力于|深耕)(\p{Han}{2,10}?)(?:领域|行业|产业|业务)?(?:研发|生产|制造|研究)?的",
    )
});
/// A field a company has long worked in: 在激光装备领域深耕多年.
static FOCUS_IN: LazyLock<Gated> =
    LazyLock::new(|| Gated::any(&["深耕", "耕耘"], r"在(\p{Han}{2,8}?)领域(?:深耕|耕耘)"));
/// A place named as an incubator by its copula: 某某企业广场是国家级科技企业孵化器.
static INCUBATOR: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "孵化器",
        r"(\p{Han}{4,14})是(?:国家级|省级|市级)?(?:科技企业|科技型企业)?孵化器",
    )
});
/// A product a company focuses on, ending its clause: 专注于高性能稀土永磁材料。
static FOCUS_PRODUCT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::any(
        &["专注于", "致力于", "深耕"],
        r"(?:专注于|致力于|深耕)(\p{Han}{2,12}?)(?:的研发和生产|的研发|研发和生产|研发|生产|制造)?[。,;，；]",
    )
});
/// The heads of product names that make a focus a field (…永磁材料, …功率芯片).
const PRODUCT_HEADS: &[&str] = &[
    "材料",
    "芯片",
    "器件",
    "装备",
    "设备",
    "模组",
    "电池",
    "传感器",
    "机器人",
    "药物",
    "试剂",
    "仪器",
    "零部件",
    "电机",
    "激光器",
];
/// What a company grew into: 成为光纤激光器领域的龙头企业 names its field.
static FIELD_LEADER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "领域的",
        r#"(?:成为|成长为|发展为|是)(?:全球|国内|国际|全国)?(\p{Han}{2,8}?)领域的"?(?:专精特新)?"?(?:小巨人|隐形冠军|单项冠军|独角兽|瞪羚)?"?(?:龙头|领军|头部|骨干|领先)?(?:企业|公司|上市公司)"#,
    )
});
static DESCRIBED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "企业",
        r"(?:龙头|优质|知名|领军|骨干|明星|独角兽|头部|链主)企业(\p{Han}[\p{Han}A-Za-z0-9]{1,9})(?:[,，、。;；]|等)",
    )
});
static REPRESENTED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "为代表的",
        r"以([\p{Han}A-Za-z0-9、]{2,40}?)为代表的(\p{Han}{2,20})",
    )
});
/// A Chinese name with its Latin name in parentheses: 某某医疗(Siemens Healthineers).
static HAN_LATIN: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "(",
        r"(\p{Han}{2,12})\(([A-Z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,4})\)",
    )
});
/// Two industries joined by 和/及 before 产业 (围绕铜基新材料和移动物联网两大产业,
/// 发展稀土新材料及应用产业).
static PAIR_INDUSTRIES: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "产业",
        r"(?:围绕|发展|聚焦|以|做强|培育)(\p{Han}{2,8}?)(?:和|及|与)(\p{Han}{2,8}?)(?:两大|等)?(?:主导|重点|特色)?产业",
    )
});
/// A zone's cluster named by its industry: 某某高新区轴承创新型产业集群.
static ZONE_CLUSTER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "产业集群",
        r"(?:高新区|开发区|经开区|新区|科学城|科技城)(\p{Han}{2,6}?)(?:创新型)?产业集群",
    )
});
/// A parent named before 旗下 (某某旗下的X公司): the name runs from a boundary to 旗下.
static PARENT: LazyLock<Gated> =
    LazyLock::new(|| Gated::new("旗下", r#"(?:^|[,;。:、"(])(\p{Han}{2,8}?)旗下"#));
/// What sets up in a zone (今年,某某也在园区落地了新的研发中心): the subject of 在 Z + a
/// building verb, from a boundary.
static SETTLER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "在",
        r"(?:^|[,;。:])(\p{Han}{2,8}?)(?:也|还|已|已经|将|正|同样|先后|相继)?在\p{Han}{0,8}?(?:园区|高新区|新区|开发区|港区|科学城|该区|这里)(?:落地|落户|设立|建设|投产|布局|成立|开设|建成)",
    )
});
/// A cluster a zone builds (打造了千亿级动力装备产业集群): its industry.
static BUILT_CLUSTER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "产业",
        r"(?:打造|形成|培育|壮大)了?(?:[^,，。;；]{0,20}?的)?(?:一个|一批)?(?:千亿级|百亿级|万亿级|千亿元级|百亿元级|国家级|世界级|省级)?(\p{Han}{2,8}?)产业(?:集群|集聚区)",
    )
});
/// What publishes a report (近日,某某发布《…》): an organization.
static PUBLISHER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        "发布《",
        r"(?:^|[,;。:])(\p{Han}{2,8}?)(?:正式|近日|日前|今天|首次)?发布《",
    )
});
/// A zone's strength named in other words (以A和B领跑, 在A和B领域表现突出).
static STRENGTH: LazyLock<Gated> = LazyLock::new(|| {
    Gated::any(
        &["领跑", "见长", "著称", "领域"],
        r"(?:以([\p{Han}、]{2,30}?)(?:领跑|见长|著称)|在([\p{Han}、]{2,30}?)领域(?:表现突出|优势明显|领跑|领先))",
    )
});
static LEAD: LazyLock<Gated> = LazyLock::new(|| {
    Gated::any(
        &[
            "为主导",
            "为引领",
            "为核心",
            "为重点",
            "为支柱",
            "为特色",
            "为龙头",
            "为主攻",
        ],
        r"以([\p{Han}、]{2,30}?)为(?:主导|引领|核心|重点|支柱|特色|龙头|主攻)",
    )
});

/// A pattern with words one of which every match holds: a sentence with none of them is
/// skipped before the regex runs. Most patterns open with a lazy run of characters, which the
/// regex engine cannot skip ahead on, and most sentences match none.
struct Gated {
    needles: Vec<&'static str>,
    /// The words, as bits of [`Present`] (found in [`GATE_WORDS`] on first use).
    bits: OnceLock<u64>,
    re: Regex,
}

/// Every [`Gated`] pattern: their words make [`GATE_WORDS`].
fn gated() -> [&'static Gated; 17] {
    [
        &INCUBATOR,
        &FOCUS,
        &FOCUS_IN,
        &FOCUS_OF,
        &FOCUS_PRODUCT,
        &FIELD_LEADER,
        &DESCRIBED,
        &REPRESENTED,
        &HAN_LATIN,
        &PAIR_INDUSTRIES,
        &ZONE_CLUSTER,
        &PARENT,
        &SETTLER,
        &BUILT_CLUSTER,
        &PUBLISHER,
        &STRENGTH,
        &LEAD,
    ]
}

/// The words of every [`Gated`] pattern, searched once per sentence ([`Present::of`]) where
/// each pattern searched for its own (thirty searches of each sentence).
static GATE_WORDS: LazyLock<(Vec<&'static str>, Dict)> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = Vec::new();
    for w in gated().iter().flat_map(|g| g.needles.iter()) {
        if !words.contains(w) {
            words.push(w);
        }
    }
    assert!(words.len() <= 64, "a gate word is a bit of a u64");
    let dict = Dict::new(words.iter().copied(), daachorse::MatchKind::Standard);
    (words, dict)
});

/// Which of [`GATE_WORDS`] a sentence holds, a bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Present(u64);

impl Present {
    /// The gate words in `s`, in one pass.
    fn of(s: &str) -> Self {
        Present(
            GATE_WORDS
                .1
                .find_overlapping_iter(s)
                .fold(0, |bits, m| bits | 1 << m.pattern()),
        )
    }
}

impl Gated {
    /// Every match holds `needle`.
    fn new(needle: &'static str, pattern: &str) -> Self {
        Self::any(&[needle], pattern)
    }

    /// Every match holds one of `needles`. The pattern must be one of [`gated`].
    fn any(needles: &[&'static str], pattern: &str) -> Self {
        let re = Regex::new(pattern).expect("static regex");
        Gated {
            needles: needles.to_vec(),
            bits: OnceLock::new(),
            re,
        }
    }

    /// The bits of the pattern's words in [`Present`].
    fn bits(&self) -> u64 {
        *self.bits.get_or_init(|| {
            let words = &GATE_WORDS.0;
            self.needles.iter().fold(0u64, |bits, n| {
                let k = words
                    .iter()
                    .position(|w| w == n)
                    .expect("every gated pattern is listed in gated()");
                bits | 1 << k
            })
        })
    }

    /// The matches in `s`, a sentence whose gate words are `present`.
    fn captures_iter<'h>(
        &'h self,
        s: &'h str,
        present: Present,
    ) -> impl Iterator<Item = regex::Captures<'h>> {
        let run = self.bits() & present.0 != 0;
        run.then(|| self.re.captures_iter(s)).into_iter().flatten()
    }
}

/// Words that make the subject of a phrase no name: pronouns, roles, generic nouns.
const NOT_NAMES: &[&str] = &[
    "我们", "他们", "她们", "我", "你", "企业", "公司", "项目", "团队", "记者", "双方", "当地",
    "大家", "政府", "该", "这", "那", "其", "本", "个", "家", "些",
];

fn ac_standard(words: impl IntoIterator<Item = impl AsRef<[u8]>>) -> AhoCorasick {
    AhoCorasick::new(words).expect("static word list")
}

/// A short word list (a few hundred words) as a DFA: searched at every name the grammar
/// finds, it is the fastest kind, and under a megabyte. The crate's own choice keeps a DFA for
/// lists under 100 words; a gazetteer's DFA would take hundreds of megabytes.
fn ac_short(words: &[&str], kind: MatchKind, start: aho_corasick::StartKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(kind)
        .start_kind(start)
        .build(words)
        .expect("static word list")
}

/// The index of known names for the rescan pass ([`Recognizer::names_automaton`]): each
/// name by its text, and for each pair of first characters the lengths (in characters, longest
/// first) of the names beginning with it.
pub struct NamesAutomaton<'a> {
    names: rustc_hash::FxHashMap<&'a str, u32>,
    starts: rustc_hash::FxHashMap<(char, char), Vec<u16>>,
}

impl NamesAutomaton<'_> {
    /// Leftmost-longest occurrences of the names in `text`: byte range and value, left to
    /// right, not overlapping (at each character the longest name starting there, if any,
    /// then on after it).
    fn leftmost_longest(&self, text: &str) -> Vec<(std::ops::Range<usize>, u32)> {
        let mut out = Vec::new();
        if self.names.is_empty() {
            return out;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
        let mut i = 0;
        while i + 1 < chars.len() {
            let mut hit = None;
            if let Some(lens) = self.starts.get(&(chars[i].1, chars[i + 1].1)) {
                for &l in lens {
                    let l = l as usize;
                    if i + l > chars.len() {
                        continue;
                    }
                    if let Some(&v) = self.names.get(&text[chars[i].0..at(i + l)]) {
                        hit = Some((l, v));
                        break;
                    }
                }
            }
            match hit {
                Some((l, v)) => {
                    out.push((chars[i].0..at(i + l), v));
                    i += l;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// The longest word of a leftmost-longest automaton built with anchored starts that `s`
/// begins with. Same as an unanchored search kept only when it starts at 0, but the search
/// stops at the first character instead of running over the rest of `s`.
fn anchored(ac: &AhoCorasick, s: &str) -> Option<aho_corasick::Match> {
    ac.find(aho_corasick::Input::new(s).anchored(aho_corasick::Anchored::Yes))
}

/// The match a standard automaton's search reports in `s` if it starts at 0. Such a match
/// ends within the longest word, and the search reports the match that ends first, so only
/// that much of `s` is searched: the same answer as searching all of `s`, without running over
/// the rest of a sentence when no word stands at its start.
fn at_start(ac: &AhoCorasick, s: &str) -> Option<aho_corasick::Match> {
    let mut end = ac.max_pattern_len().min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    ac.find(&s[..end]).filter(|m| m.start() == 0)
}

/// Characters that may stand inside a name.
fn is_name_char(c: char) -> bool {
    is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '·' | '-' | '&')
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters of `s` (all of it when shorter): a slice, where collecting them
/// into a string allocated.
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

impl Recognizer {
    /// Builds the automata from the embedded gazetteer and word lists.
    pub fn new() -> Self {
        let gaz = &*GAZETTEER;
        let gaz_surface: Vec<usize> = (0..gaz.surfaces.len()).collect();
        let suffixes: Vec<&str> = lexicon::SUFFIXES.iter().map(|s| s.0).collect();
        let suffix_ac = Dict::new(suffixes.iter().copied(), daachorse::MatchKind::Standard);
        // Five words are listed twice: found once, as their first listing.
        let left_ac = Dict::new(
            lexicon::LEFT_STOPS.iter().copied(),
            daachorse::MatchKind::Standard,
        );
        // Place names and industry terms protect the boundary words inside them (都 in 成都,
        // 拟 in 虚拟现实).
        let industries = gaz
            .surfaces
            .iter()
            .filter(|s| gaz.entries[s.entry].etype == EntityType::Industry)
            .map(|s| s.text.as_str());
        let protected: Vec<&str> = lexicon::PROTECTED
            .iter()
            .copied()
            .chain(
                gaz.places_strict
                    .keys()
                    .map(String::as_str)
                    .filter(|p| p.chars().count() >= 2),
            )
            .chain(industries)
            // Well-known organizations keep the boundary words inside their names too (为 in
            // 华为, so that 华为(某地)某某中心 is not cut after 为).
            .chain(
                gaz.surfaces
                    .iter()
                    .filter(|s| {
                        let t = gaz.entries[s.entry].etype;
                        let n = s.text.chars().count();
                        (t == EntityType::Company && n >= 2)
                            || (t == EntityType::Institution && n >= 4)
                    })
                    .map(|s| s.text.as_str()),
            )
            .collect();
        let place_names: Vec<&str> = gaz.places.keys().map(String::as_str).collect();
        // The three large automata (thousands of names each) are most of the start-up time:
        // built side by side on the cores there are.
        let ((gaz_ac, protected_ac), place_ac) = rayon::join(
            || {
                rayon::join(
                    || {
                        Dict::new(
                            gaz.surfaces.iter().map(|s| s.text.as_str()),
                            daachorse::MatchKind::LeftmostLongest,
                        )
                    },
                    || Dict::new(protected, daachorse::MatchKind::Standard),
                )
            },
            || Dict::new(place_names, daachorse::MatchKind::LeftmostLongest),
        );
        let right_ac = ac_standard(lexicon::RIGHT_STOPS);
        let generic_ac = ac_short(
            lexicon::GENERIC,
            MatchKind::LeftmostLongest,
            aho_corasick::StartKind::Both,
        );
        Recognizer {
            gaz,
            gaz_ac,
            gaz_surface,
            suffix_ac,
            left_ac,
            protected_ac,
            right_ac,
            generic_ac,
            place_ac,
        }
    }

    /// Finds the mentions of one normalized article (first pass).
    pub fn recognize(&self, norm: &Normalized) -> Vec<Mention> {
        let text = norm.text.as_str();
        let mut cands: Vec<Mention> = Vec::new();
        self.gazetteer_matches(text, &mut cands);
        for s in &norm.sentences {
            let present = Present::of(&text[s.clone()]);
            self.grammar_matches(text, s.clone(), present, &mut cands);
            self.list_matches(text, s.clone(), &mut cands);
            self.pattern_matches(text, s.clone(), present, &mut cands);
            self.role_matches(text, s.clone(), present, &mut cands);
        }
        self.district_parks(text, &mut cands);
        let mut out = select(cands);
        self.nested_matches(text, &mut out);
        self.paren_aliases(text, &mut out);
        renames(text, &mut out);
        also_called(text, &mut out);
        latin_park_names(&mut out);
        out.sort_by_key(|m| (m.range.start, m.range.end));
        out
    }

    /// Whether `t` holds a known industry term (铜基新材料 holds 新材料).
    fn contains_industry(&self, t: &str) -> bool {
        self.gaz_ac.find_iter(t).any(|m| {
            let e = self.gaz.surfaces[self.gaz_surface[m.pattern()]].entry;
            self.gaz.entries[e].etype == EntityType::Industry
        })
    }

    /// A zone's park named by its district (某某高新区顺德园, 某某科技园区海淀园): the zone's name,
    /// a place and 园.
    fn district_parks(&self, text: &str, cands: &mut Vec<Mention>) {
        let mut add = Vec::new();
        for m in cands.iter().filter(|m| {
            m.etype == EntityType::Zone
                && lexicon::WHOLE_ZONE_SUFFIXES
                    .iter()
                    .chain(["科技园区"].iter())
                    .any(|z| m.text.ends_with(z))
        }) {
            let after = &text[m.range.end..];
            for n in [2usize, 3] {
                let Some((i, c)) = after.char_indices().nth(n) else {
                    break;
                };
                let place = &after[..i];
                if c == '园' && self.gaz.place(place).is_some() {
                    let end = m.range.end + i + c.len_utf8();
                    add.push(Mention::new(
                        m.range.start..end,
                        EntityType::Zone,
                        text,
                        Origin::Grammar,
                    ));
                    break;
                }
            }
        }
        cands.extend(add);
    }

    /// An automaton over names for [`Self::rescan`], built once per corpus.
    pub fn names_automaton(names: &[(String, EntityType)]) -> NamesAutomaton<'_> {
        // Built once per extraction from the names it found (180,000 for 10,000 articles),
        // while every other core waits: two hash tables build in a tenth of the time of an
        // Aho-Corasick automaton (a charwise double array took 0.24 s, a quarter of the
        // extraction's sequential time), and the scan, which runs in parallel, probes a name
        // only where its first two characters stand. Each name stands once (the first of its
        // types); the value is its position in `names`.
        let mut index = NamesAutomaton {
            names: rustc_hash::FxHashMap::default(),
            starts: rustc_hash::FxHashMap::default(),
        };
        index.names.reserve(names.len());
        for (i, (name, _)) in names.iter().enumerate() {
            let mut cs = name.chars();
            let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
                continue;
            };
            if let std::collections::hash_map::Entry::Vacant(e) = index.names.entry(name.as_str()) {
                e.insert(i as u32);
                let len = name.chars().count().min(u16::MAX as usize) as u16;
                index.starts.entry((a, b)).or_default().push(len);
            }
        }
        for lens in index.starts.values_mut() {
            lens.sort_unstable_by(|x, y| y.cmp(x));
            lens.dedup();
        }
        index
    }

    /// Second pass: adds occurrences of `names` (name, type; `ac` built over them by
    /// [`Self::names_automaton`]) not yet covered by a mention.
    pub fn rescan(
        &self,
        norm: &Normalized,
        names: &[(String, EntityType)],
        ac: &NamesAutomaton<'_>,
        mentions: &mut Vec<Mention>,
    ) {
        let text = norm.text.as_str();
        let mut added = Vec::new();
        let mut replaced = Vec::new();
        // The mentions by where they start, so that those a match overlaps are found among
        // the few that start near it, not the whole article.
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        order.sort_by_key(|&k| mentions[k].range.start);
        let longest = mentions.iter().map(|m| m.range.len()).max().unwrap_or(0);
        for (r, value) in ac.leftmost_longest(text) {
            let from = order.partition_point(|&k| mentions[k].range.start + longest < r.start);
            let to = order.partition_point(|&k| mentions[k].range.start < r.end);
            let overlapping: Vec<usize> = order[from..to.max(from)]
                .iter()
                .copied()
                .filter(|&k| {
                    !mentions[k].nested
                        && mentions[k].range.start < r.end
                        && r.start < mentions[k].range.end
                })
                .collect();
            // A known name replaces shorter words inside it (生物 in 源鸿生物科技) and a
            // gazetteer name it holds (中国医药 in 中国医药城, a zone's other name), nothing
            // else.
            let inside = overlapping.iter().all(|&k| {
                let x = &mentions[k];
                r.start <= x.range.start
                    && x.range.end <= r.end
                    && x.range != r
                    && (matches!(x.etype, EntityType::Industry | EntityType::Place)
                        || x.origin == Origin::Gazetteer)
            });
            if !overlapping.is_empty() && !inside {
                continue;
            }
            replaced.extend(overlapping);
            // A short form must not be glued into a longer word of ideographs on its right
            // when it is itself short (青鸟 in 青鸟们).
            let (name, etype) = &names[value as usize];
            let mut men = Mention::new(r, *etype, text, Origin::Alias);
            men.text = name.clone();
            added.push(men);
        }
        replaced.sort_unstable();
        replaced.dedup();
        for k in replaced.into_iter().rev() {
            mentions.remove(k);
        }
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.range.start, m.range.end));
    }

    fn gazetteer_matches(&self, text: &str, out: &mut Vec<Mention>) {
        for m in self.gaz_ac.find_iter(text) {
            let surf = &self.gaz.surfaces[self.gaz_surface[m.pattern()]];
            let entry = &self.gaz.entries[surf.entry];
            let r = m.start()..m.end();
            if surf.scan == Scan::Context && !industry_context(text, r.clone()) {
                continue;
            }
            if surf.scan == Scan::Bounded && !bounded_after(&text[r.end..]) {
                continue;
            }
            // A company's short form before 工业/产业/行业 names a sector (中国医药工业百强:
            // China's pharmaceutical industry), not the company.
            if entry.etype == EntityType::Company
                && entry.label != text[r.clone()]
                && ["工业", "产业", "行业"]
                    .iter()
                    .any(|w| text[r.end..].starts_with(w))
            {
                continue;
            }
            // A short place name glued into a longer run of ideographs on both sides is
            // more often part of a word (e.g. 吉林 in a company name) — keep it anyway;
            // longer grammar names win the merge.
            let mut men = Mention::new(r, entry.etype, text, Origin::Gazetteer);
            men.gaz = Some(surf.entry);
            out.push(men);
        }
    }

    /// The start of the name whose body ends at `end` (the suffix start), scanning left
    /// from `end` but not before `floor`. Returns `None` when no proper name stands there
    /// (a count phrase such as `2家通航公司`, or only a boundary word).
    fn left_bound(
        &self,
        text: &str,
        floor: usize,
        end: usize,
        strong: bool,
        numbered: bool,
    ) -> Option<usize> {
        // The window: name characters, at most 24, not crossing `floor`.
        let mut start = end;
        let mut depth = 0i32;
        for (n, (i, c)) in text[floor..end].char_indices().rev().enumerate() {
            let i = floor + i;
            // n characters lie between this one and `end`.
            if !is_name_char(c) || n + 1 > 24 {
                break;
            }
            if c == ')' {
                depth += 1;
            } else if c == '(' {
                depth -= 1;
                if depth < 0 {
                    break;
                }
            }
            start = i;
        }
        if numbered {
            // 608所: the name is the number.
            let digits = text[start..end]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            // Numbered institutes have three digits or more (608所), not counts (10所).
            return (digits >= 3).then(|| end - digits);
        }
        // Numbers with their measure words ("200亿元级", "3家") end a name on the left.
        let window = &text[start..end];
        let mut num_cut = None;
        let mut chars = window.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_ascii_digit() {
                let mut j = i + 1;
                while let Some(&(k, d)) = chars.peek() {
                    if d.is_ascii_digit()
                        || d == '.'
                        || d == '%'
                        || lexicon::one_of("亿万千百元级家个项批年月日号期座栋多余平方米所类度", d)
                    {
                        j = k + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                // 5G产业园, 3D打印: a number with a Latin letter is a word of the name.
                if window[j..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                    continue;
                }
                num_cut = Some(start + j);
            }
        }
        // Counts in Chinese numerals (数十家医院, 三个中心) end a name on the left too.
        {
            let cs: Vec<(usize, char)> = window.char_indices().collect();
            for k in 1..cs.len() {
                let (i, c) = cs[k];
                let (_, p) = cs[k - 1];
                // …and of countries (中新两国政府: no name), but not 万国 (a brand).
                // (`matches!` first: this runs for every pair of characters before every
                // suffix, a search of a string of characters is slower.)
                if (matches!(c, '家' | '个' | '所' | '批' | '项' | '座' | '名')
                    && lexicon::one_of("一二三四五六七八九十百千万数几两多", p))
                    || (c == '国' && lexicon::one_of("两三四五六七八九十数几多各", p))
                {
                    let c_end = start + i + c.len_utf8();
                    if num_cut.is_none_or(|n| c_end > n) {
                        num_cut = Some(c_end);
                    }
                }
            }
        }
        if let Some(c) = num_cut {
            // A count right before the body (2家通航公司) is a generic reference.
            let measured = text[..c].ends_with(|ch: char| lexicon::one_of("家个所类批项座", ch));
            let stops_between = self
                .left_ac
                .find_overlapping_iter(&text[c..end])
                .next()
                .is_some();
            if measured && !stops_between {
                return None;
            }
            start = c;
        }
        let window = &text[start..end];
        let mut cuts: Vec<(usize, usize)> = self
            .stops_in(window)
            .into_iter()
            .map(|(_, e, p)| (start + e, p))
            .collect();
        cuts.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
        // The rightmost boundary word decides; only a soft one (联合, 合作) may be passed
        // over when it leaves less than two characters.
        for (c, p) in &cuts {
            let w = lexicon::LEFT_STOPS[*p];
            let before = &text[start..*c - w.len()];
            if ["和", "与", "同"].contains(&w) {
                // A conjunction with one character before it is inside a name (诺和诺德): no
                // name has one character. An adverb before it (并与, 还与, 也和) is no name's
                // first character.
                let one = |t: &str| {
                    t.chars()
                        .all(|c| is_cjk(c) && !lexicon::ADVERBS.contains(c))
                };
                if char_count(before) == 1 && one(before) {
                    continue;
                }
                // …and so is one after a place and at most one character (某市泰和康公司,
                // 某省和达公司): a place is no name either.
                if let Some((_, len)) = self.gaz.place_prefix(before) {
                    let rest = &before[len..];
                    if char_count(rest) <= 1 && one(rest) && char_count(&text[*c..end]) >= 2 {
                        continue;
                    }
                }
            }
            if char_count(&text[*c..end]) >= 2 {
                // A soft one before a body that only describes (粤澳合作|中医药科技产业园)
                // joins the name's own words to it.
                if ["合作", "联合"].contains(&w) && self.describes(&text[*c..end]) {
                    continue;
                }
                // …发展|战略研究院: a soft one before a generic rest is inside the name.
                if w == "发展" && self.is_generic(&text[*c..end]) {
                    continue;
                }
                return Some(*c);
            }
            // A conjunction right before the suffix joins a name to a bare noun (某某公司与
            // 园区企业): no name ends there.
            if *c == end && ["与", "和", "同", "及", "以", "为"].contains(&lexicon::LEFT_STOPS[*p])
            {
                return None;
            }
            if !lexicon::SOFT_STOPS.contains(&lexicon::LEFT_STOPS[*p]) {
                return None;
            }
            // 某某高新区以新材料…为主导: after a whole name (its strong suffix before the
            // word) a soft 以 or 为 is the clause's, not inside a name.
            if ["以", "为"].contains(&w) && self.has_strong_suffix(before) {
                return None;
            }
        }
        let _ = strong;
        (!window.is_empty()).then_some(start)
    }

    /// Whether a zone or institution name only describes (无人机基地, 低空经济中心): its body,
    /// without the suffix, is made of industry words and generic words alone.
    pub fn is_descriptive(&self, name: &str) -> bool {
        let Some(sfx) = self.strong_suffix(name) else {
            return false;
        };
        self.describes(&name[..name.len() - sfx.len()])
    }

    /// Whether a name's body is made of industry words and generic words alone (see
    /// [`Self::is_descriptive`]).
    fn describes(&self, body: &str) -> bool {
        let mut rest = body;
        while !rest.is_empty() {
            let industry = self.gaz_ac.at_start(rest).filter(|g| {
                self.gaz.entries[self.gaz.surfaces[self.gaz_surface[g.pattern()]].entry].etype
                    == EntityType::Industry
            });
            if let Some(g) = industry {
                rest = &rest[g.end()..];
            } else if let Some(g) = anchored(&self.generic_ac, rest) {
                rest = &rest[g.end()..];
            } else if let Some(w) = ["及", "和", "与", "生产", "制造", "应用", "研发"]
                .iter()
                .find(|w| rest.starts_with(*w))
            {
                // 智能传感器研发及生产基地 describes as much as 智能传感器基地.
                rest = &rest[w.len()..];
            } else {
                return false;
            }
        }
        true
    }

    /// The longest strong suffix a name ends with (研究院 in X研究院).
    pub fn strong_suffix<'n>(&self, name: &'n str) -> Option<&'n str> {
        self.suffix_ac
            .find_overlapping_iter(name)
            .filter(|m| {
                m.end() == name.len() && lexicon::SUFFIXES[m.pattern()].2 == Strength::Strong
            })
            .map(|m| m.start())
            .min()
            .map(|i| &name[i..])
    }

    /// Whether a name ends with a strong suffix of its kind (产业园, 公司 …).
    pub fn has_strong_suffix(&self, name: &str) -> bool {
        self.strong_suffix(name).is_some()
    }

    /// Boundary words in `t` as (start, end, pattern), leaving out those inside a protected
    /// word (据 in 数据).
    fn stops_in(&self, t: &str) -> Vec<(usize, usize, usize)> {
        let stops: Vec<Hit> = self.left_ac.find_overlapping_iter(t).collect();
        // Most names hold no boundary word: then the protected words need no search.
        if stops.is_empty() {
            return Vec::new();
        }
        let protected: Vec<(usize, usize)> = self
            .protected_ac
            .find_overlapping_iter(t)
            .map(|m| (m.start(), m.end()))
            .collect();
        stops
            .into_iter()
            // A stop inside a protected word is no stop; nor is one that runs into a protected
            // word, sharing its first characters (启动|动力电池, 入驻|驻马店): the longer word wins.
            .filter(|m| {
                !protected.iter().any(|&(s, e)| {
                    (s <= m.start() && m.end() <= e && (s, e) != (m.start(), m.end()))
                        || (m.start() < s && s < m.end() && m.end() < e)
                })
            })
            .map(|m| (m.start(), m.end(), m.pattern()))
            .collect()
    }

    /// Whether the body of a name (without its suffix) says nothing proper: only generic
    /// words, places and suffix words, or a word in -化.
    pub fn is_generic(&self, body: &str) -> bool {
        // -化 words (智能化, 常态化) describe, they do not name; 文化 and the like do.
        if body.ends_with('化')
            && char_count(body) >= 3
            && !["文化", "石化", "绿化", "变化", "强化"]
                .iter()
                .any(|w| body.ends_with(w))
        {
            return true;
        }
        // 钛材上市公司, 科创板上市企业: a class of companies, not one.
        if body.ends_with("上市") {
            return true;
        }
        let mut rest = body;
        let mut proper = false;
        let mut place = false;
        let mut field = false;
        loop {
            if rest.is_empty() {
                // A place with a field word names a thing (成都新经济产业园); a place with
                // evaluative words does not (江苏省第一流国家高新区).
                return !(proper || (place && field));
            }
            // A place's whole zone names a thing (无锡高新区 in 无锡高新区软件园).
            if let Some(z) = lexicon::WHOLE_ZONE_SUFFIXES
                .iter()
                .find(|z| place && rest.starts_with(*z))
            {
                rest = &rest[z.len()..];
                proper = true;
                continue;
            }
            if let Some(m) = anchored(&self.generic_ac, rest) {
                field |= lexicon::FIELD_WORDS.contains(&&rest[..m.end()]);
                rest = &rest[m.end()..];
            } else if let Some((_, len)) = self.gaz.place_prefix(rest) {
                // A place makes a name proper only with something after it (南通高新区 is
                // proper, 江苏省第一流国家 is not): keep scanning.
                rest = &rest[len..];
                proper = rest.is_empty();
                place = true;
            } else if let Some(m) = self.suffix_ac.at_start(rest).filter(|m| {
                m.end() == rest.len() && lexicon::SUFFIXES[m.pattern()].2 == Strength::Strong
            }) {
                // A place's coined valley (湖北光谷 in 湖北光谷实验室) names a thing.
                proper |= place && lexicon::SUFFIXES[m.pattern()].0.ends_with('谷');
                rest = &rest[m.end()..];
            } else {
                // Digits and measure words alone are not a name either.
                return rest
                    .chars()
                    .all(|c| c.is_ascii_digit() || lexicon::one_of("个家所项", c));
            }
        }
    }

    fn grammar_matches(
        &self,
        text: &str,
        sent: Range<usize>,
        present: Present,
        out: &mut Vec<Mention>,
    ) {
        let s = &text[sent.clone()];
        for m in self.suffix_ac.find_overlapping_iter(s) {
            let (suffix, etype, strength) = lexicon::SUFFIXES[m.pattern()];
            let (sfx_start, sfx_end) = (sent.start + m.start(), sent.start + m.end());
            // A weak suffix must end the name: punctuation or a boundary word follows.
            let after = &text[sfx_end..sent.end];
            if strength == Strength::Weak && !self.right_boundary(after) {
                continue;
            }
            // 厅 and 局 only after the typical word of a government body (民政厅, 统计局).
            if suffix == "厅" || suffix == "局" {
                let before = text[..sfx_start].chars().next_back();
                // 发展局 is a bureau, 展厅 an exhibition hall; 科技创新局 a bureau, while a
                // bare 新局 is a new situation (开创新局).
                let innovation = suffix == "局" && text[..sfx_start].ends_with("科技创新");
                if !(innovation || before.is_some_and(|c| lexicon::BUREAU_BEFORE.contains(c)))
                    || (suffix == "厅" && before == Some('展'))
                {
                    continue;
                }
            }
            let numbered = suffix == "所";
            let Some(mut start) = self.left_bound(
                text,
                sent.start,
                sfx_start,
                strength == Strength::Strong,
                numbered,
            ) else {
                continue;
            };
            // Descriptive prefixes are not part of the name, unless only generic words would
            // be left (新加坡|经济发展局: the country names the body).
            let descriptors = lexicon::descriptors_for(&text[start..sfx_start]);
            for d in descriptors {
                if text[start..sfx_start].starts_with(d)
                    && char_count(&text[start + d.len()..sfx_start]) >= 2
                    && !(etype == EntityType::Institution
                        && self.is_generic(&text[start + d.len()..sfx_start]))
                {
                    start += d.len();
                }
            }
            // A bare kind word at the head of a park's name (入驻高新区黄泥川科技园) is the
            // article's zone, where the park lies; the park's name is the rest.
            if etype == EntityType::Zone {
                for kind in ["高新区", "开发区", "经开区", "园区", "生态城"] {
                    let Some(rest) = text[start..sfx_start].strip_prefix(kind) else {
                        continue;
                    };
                    let trimmed = rest.trim_start();
                    if char_count(trimmed) >= 2 && !self.is_generic(trimmed) {
                        start = sfx_start - trimmed.len();
                    }
                    break;
                }
            }
            // A company's region (台湾某某集团, 香港某某有限公司) is no part of its name; a
            // university's is (香港中文大学).
            if etype == EntityType::Company {
                for d in lexicon::REGIONS {
                    if text[start..sfx_start].starts_with(d)
                        && char_count(&text[start + d.len()..sfx_start]) >= 2
                    {
                        start += d.len();
                    }
                }
            }
            // 某某大学长春新区光电子研究院: an organization before a place is no part of the
            // zone's name (the zone is the place's).
            if etype == EntityType::Zone && lexicon::WHOLE_ZONE_SUFFIXES.contains(&suffix) {
                if let Some(m) = self.gaz_ac.at_start(&text[start..sfx_start]).filter(|m| {
                    self.gaz.entries[self.gaz.surfaces[self.gaz_surface[m.pattern()]].entry]
                        .etype
                        .is_org()
                }) {
                    let rest = &text[start + m.end()..sfx_start];
                    if self.gaz.place_prefix(rest).is_some() {
                        start += m.end();
                    }
                }
            }
            let mut body = &text[start..sfx_start];
            // …(以下简称"某某")执行委员会: the name is cut by the parentheses; what follows
            // them is no name of its own, but for a unit named after the organization before
            // them (某某集团(以下简称"某某")雄安创新中心: the group's centre).
            if body.starts_with(')') {
                let unit =
                    ["中心", "研究院", "研究所", "实验室", "分院", "分公司"].contains(&suffix);
                let short = text[..start]
                    .rfind('(')
                    .is_some_and(|o| text[o..start].contains("简称"));
                let own = &body[1..];
                if !(unit && short && char_count(own) >= 2 && !self.is_generic(own)) {
                    continue;
                }
                start += 1;
                body = own;
            }
            // 最大的胰岛素生产基地之一: one of a class, no name.
            // 全球最大的某某航空器生产基地: a base described by what it makes, no name.
            let superlative = text[..start].ends_with('的')
                && text[..start].chars().rev().take(6).any(|c| c == '最');
            if suffix == "基地"
                && superlative
                && ["生产", "制造", "研发", "加工"]
                    .iter()
                    .any(|w| body.ends_with(w))
            {
                continue;
            }
            if text[sfx_end..].starts_with("之一") {
                continue;
            }
            // A venue (某某展示中心, 会展中心) is a building, not an organization; a
            // demonstration (某某示范网络) is a project.
            if (suffix == "中心"
                && ["展示", "展览", "会展", "体验", "展销"]
                    .iter()
                    .any(|v| body.ends_with(v)))
                || (strength == Strength::Weak && body.ends_with("示范"))
            {
                continue;
            }
            // 某某股份有限公司总部所在的…, 某某集团全球总部: the company's seat, not a unit
            // with a name (a regional one, 某某集团华南总部, is).
            let seat = body.strip_suffix("全球").unwrap_or(body);
            if suffix == "总部" && ["公司", "集团"].iter().any(|l| seat.ends_with(l)) {
                continue;
            }
            // A weak company suffix right after a zone's name is the zone's industry
            // (X高新区汽车及零部件产业), not a company.
            if strength == Strength::Weak
                && etype == EntityType::Company
                && (lexicon::SUFFIXES.iter().any(|(z, t, st)| {
                    *t == EntityType::Zone && *st == Strength::Strong && body.ends_with(z)
                })
                    // State-level new areas (两江新区) are zones too, though 新区 alone is too
                    // common a word for the lexicon to find names by.
                    || body.ends_with("新区"))
            {
                continue;
            }
            // 新区 is a common noun (城市新区, 高新区): a new area's name is a place and a name
            // of its own (南京江北新区, 青岛西海岸新区).
            if suffix == "新区" {
                if body.ends_with('高') {
                    continue; // 高新区, found by its own suffix
                }
                let own = self
                    .gaz
                    .place_prefix(body)
                    .map(|(_, len)| &body[len..])
                    .filter(|rest| char_count(rest) >= 2 && !self.is_generic(rest));
                if own.is_none() {
                    continue;
                }
            }
            // A coined X谷 is a name only when nothing but its own words stands before 谷
            // (中国声谷); a boundary word inside means the window ran into a sentence.
            if suffix.ends_with('谷') && !self.stops_in(body).is_empty() {
                continue;
            }
            // 中国声谷, 中国光谷: the country is the whole name before a coined 谷.
            let coined_valley = suffix.ends_with('谷') && body == "中国";
            // 园区 after a two-character word is mostly a verb phrase (选择园区, 补齐园区);
            // after a district's short name it is the zone's park there (萧山园区).
            if suffix == "园区" && char_count(body) < 3 && self.gaz.place(body).is_none() {
                continue;
            }
            // Government bodies are named by their place and remit: 湖北省科技厅, 某省科技创新办公室.
            let government = etype == EntityType::Institution
                && [
                    "厅",
                    "局",
                    "办公室",
                    "委员会",
                    "管委会",
                    "政府",
                    "党工委",
                    "协会",
                    "学会",
                    "商会",
                    "联盟",
                ]
                .contains(&suffix)
                && self.gaz.place_prefix(body).is_some();
            if !numbered && !government {
                // A one-character body stands only before a long suffix (X研究院).
                if body.chars().count() < 2 && (body.is_empty() || suffix.chars().count() < 3) {
                    continue;
                }
                // 第一飞机设计研究院: an ordinal names an institute when a name follows it.
                let ordinal = etype == EntityType::Institution
                    && body.starts_with('第')
                    && body
                        .chars()
                        .nth(1)
                        .is_some_and(|c| lexicon::one_of("一二三四五六七八九十", c))
                    && char_count(body) >= 5;
                if (!ordinal
                    && body.starts_with(|c: char| lexicon::one_of("该这此其各每市省县区第", c)))
                    || (self.is_generic(body) && !coined_valley)
                {
                    continue;
                }
            }
            // A weak suffix after a two-character word (应用软件, 打车软件) names a company only
            // where the context says so: after a descriptor or an introducing verb.
            if strength == Strength::Weak && char_count(body) <= 2 {
                let before = &text[..start];
                let ctx = ["企业", "引进", "引入", "入驻", "落户", "签约", "公司"]
                    .iter()
                    .any(|w| before.ends_with(w))
                    || text[sfx_end..].starts_with("项目");
                if !ctx {
                    continue;
                }
            }
            if strength == Strength::Weak || etype == EntityType::Company {
                // 新能源汽车 and 通航公司 name industries, not companies.
                let whole = &text[start..sfx_end];
                let industry_inside = self.gaz_ac.find_iter(body).any(|g| {
                    let e = self.gaz.surfaces[self.gaz_surface[g.pattern()]].entry;
                    self.gaz.entries[e].etype == EntityType::Industry
                        && (strength == Strength::Weak || g.end() - g.start() == body.len())
                });
                if industry_inside
                    || self.gaz.lookup(whole, Some(EntityType::Industry)).is_some()
                    || (strength == Strength::Weak && self.gaz.place(body).is_some())
                {
                    continue;
                }
            }
            // 打造航空产业集聚区: a cluster an industry makes is no named zone.
            if suffix == "集聚区" && self.describes(body) {
                continue;
            }
            // A laboratory's or institute's base in a place (某某实验室光明基地) is a unit of
            // the laboratory, an institution, not a zone.
            let mut etype = etype;
            if etype == EntityType::Zone && suffix == "基地" {
                let unit = self
                    .place_ac
                    .find_iter(body)
                    .filter(|p| p.end() == body.len())
                    .map(|p| &body[..p.start()])
                    .chain(std::iter::once(body))
                    .any(|lab| {
                        ["实验室", "研究院", "研究所", "研究中心"]
                            .iter()
                            .any(|l| lab.ends_with(l) && char_count(lab) > char_count(l) + 1)
                    });
                if unit {
                    etype = EntityType::Institution;
                }
            }
            out.push(Mention::new(start..sfx_end, etype, text, Origin::Grammar));
        }
        // 龙头企业X, 优质企业X: a descriptor then a bare company name up to punctuation.
        for caps in DESCRIBED.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            let t = g.as_str();
            let n = char_count(t);
            // 龙头企业之一: one of a class, no name.
            if (2..=10).contains(&n)
                && !t.starts_with('之')
                && self.left_ac.find(t).is_none()
                && !self.is_generic(t)
                && !t.chars().any(|c| c.is_ascii_digit())
            {
                out.push(Mention::new(
                    sent.start + g.start()..sent.start + g.end(),
                    EntityType::Company,
                    text,
                    Origin::List,
                ));
            }
        }
        // 以X为代表的…企业/厂商: X names a company (an institution before 高校/院所).
        for caps in REPRESENTED.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            let np = caps.get(2).expect("group 2").as_str();
            let etype = if ["高校", "院所", "机构", "大学"]
                .iter()
                .any(|w| lexicon::contains(np, w))
            {
                EntityType::Institution
            } else if ["企业", "厂商", "公司", "品牌", "集团"]
                .iter()
                .any(|w| lexicon::contains(np, w))
            {
                EntityType::Company
            } else {
                continue;
            };
            let mut pos = sent.start + g.start();
            for item in g.as_str().split('、') {
                let r = pos..pos + item.len();
                pos = r.end + '、'.len_utf8();
                let n = char_count(item);
                if (2..=12).contains(&n) && !self.is_generic(item) && self.stops_in(item).is_empty()
                {
                    out.push(Mention::new(r, etype, text, Origin::List));
                }
            }
        }
    }

    /// Where a name captured by a pattern starts: after the last boundary word inside the
    /// capture, else at the capture's start.
    fn after_last_stop(&self, g: &regex::Match) -> usize {
        self.stops_in(g.as_str())
            .into_iter()
            .map(|(_, e, _)| g.start() + e)
            .max()
            .unwrap_or(g.start())
    }

    /// Bare company names known only by their place in a phrase: the parent before 旗下 and
    /// the subject that sets up in a zone ([`PARENT`], [`SETTLER`]). Nothing is made of a
    /// generic word, a pronoun, a place, or a name the suffix grammar already types.
    fn role_matches(
        &self,
        text: &str,
        sent: Range<usize>,
        present: Present,
        out: &mut Vec<Mention>,
    ) {
        let s = &text[sent.clone()];
        for caps in PARENT
            .captures_iter(s, present)
            .chain(SETTLER.captures_iter(s, present))
            .chain(PUBLISHER.captures_iter(s, present))
        {
            let g = caps.get(1).expect("group 1");
            // 目前某某在园区…: the name starts after the last stop word or time word.
            let mut start = self.after_last_stop(&g);
            if let Some(w) = lexicon::TIME_OPENERS
                .iter()
                .find(|w| s[start..].starts_with(*w))
            {
                start += w.len();
            }
            let name = &s[start..g.end()];
            let n = char_count(name);
            if !(2..=8).contains(&n)
                || NOT_NAMES.iter().any(|w| name.contains(w))
                || self.is_generic(name)
                || self.suffix_ac.find(name).is_some()
                || self.gaz.lookup(name, None).is_some()
                || self.gaz.place_prefix(name).is_some()
            {
                continue;
            }
            out.push(Mention::new(
                sent.start + start..sent.start + g.end(),
                EntityType::Company,
                text,
                Origin::Pattern,
            ));
        }
    }

    /// Whether a name may end before `after`.
    fn right_boundary(&self, after: &str) -> bool {
        let Some(c) = after.chars().next() else {
            return true;
        };
        if !is_name_char(c) || c == '(' {
            return true;
        }
        if at_start(&self.right_ac, after).is_some() {
            return true;
        }
        // A place right after it (长风汽车湖州分公司) starts a new name part.
        self.place_ac.at_start(after).is_some()
    }

    fn list_matches(&self, text: &str, sent: Range<usize>, out: &mut Vec<Mention>) {
        let s = &text[sent.clone()];
        if !s.contains('、') {
            return;
        }
        // Chunks between punctuation other than 、 (parentheses stay inside names).
        let mut chunk_start = sent.start;
        let mut bounds = Vec::new();
        for (i, c) in s.char_indices() {
            let i = sent.start + i;
            if !(is_name_char(c) || c == '、') {
                if i > chunk_start {
                    bounds.push(chunk_start..i);
                }
                chunk_start = i + c.len_utf8();
            }
        }
        if sent.end > chunk_start {
            bounds.push(chunk_start..sent.end);
        }
        for chunk in bounds {
            let mut chunk = chunk;
            // Two lists in one chunk (A、B等品牌商与C、D等代工企业): the second starts where
            // the first one's 等 is.
            while text[chunk.clone()].contains('、') {
                match self.one_list(text, chunk.clone(), sent.end, out) {
                    Some(rest) if rest > chunk.start && rest < chunk.end => chunk.start = rest,
                    _ => break,
                }
            }
        }
    }

    /// Reads the list at the start of `chunk`; returns where the text after the list's end
    /// (its 等 or head noun) begins when more 、 follow there.
    fn one_list(
        &self,
        text: &str,
        chunk: Range<usize>,
        sent_end: usize,
        out: &mut Vec<Mention>,
    ) -> Option<usize> {
        let c = &text[chunk.clone()];
        let mut pieces: Vec<Range<usize>> = Vec::new();
        let mut p = chunk.start;
        for part in c.split('、') {
            pieces.push(p..p + part.len());
            p += part.len() + '、'.len_utf8();
        }
        let mut items: Vec<Range<usize>> = Vec::new();
        let mut head: Option<EntityType> = None;
        let mut trigger: Option<EntityType> = None;
        let mut technical = false;
        let mut project = false;
        let n = pieces.len();
        let mut rest = None;
        for (k, piece) in pieces.into_iter().enumerate() {
            let mut r = piece.clone();
            if k == 0 {
                // The first item starts after the rightmost boundary word.
                let before = &text[r.clone()];
                // The trigger ends the text before the first item too (重点孵化|激光、…).
                let mut trigger_end = None;
                let found = lexicon::LIST_TRIGGER_SEARCH.first_and_last(before);
                for (at, (w, t)) in found.into_iter().zip(lexicon::LIST_TRIGGERS) {
                    if let Some((_, i)) = at {
                        trigger = Some(*t);
                        trigger_end = trigger_end.max(Some(r.start + i + w.len()));
                    }
                }
                // A boundary word inside a known name (为 in 华为) cuts nothing.
                let inside_known = |b: usize, e: usize| {
                    out.iter().any(|m| {
                        m.origin == Origin::Gazetteer
                            && m.etype.is_org()
                            && m.range.start < e
                            && b < m.range.end
                    })
                };
                let cuts = self
                    .stops_in(before)
                    .into_iter()
                    .filter(|&(b, e, _)| !inside_known(r.start + b, r.start + e))
                    .map(|(_, e, _)| r.start + e)
                    .chain(trigger_end)
                    .filter(|&e| e < r.end);
                if let Some(cut) = cuts.max() {
                    r.start = cut;
                }
                let descriptors = lexicon::descriptors_for(&text[r.clone()]);
                for d in descriptors {
                    if text[r.clone()].starts_with(d)
                        && char_count(&text[r.start + d.len()..r.end]) >= 2
                    {
                        r.start += d.len();
                    }
                }
            }
            let piece_text = &text[r.clone()];
            // 等, a head noun, or (in the last item) a boundary word ends the list.
            let end_at = piece_text
                .find('等')
                .or_else(|| self.head_cut(piece_text))
                .or_else(|| {
                    if k + 1 == n {
                        // A count after B和C (B和C三大方向) ends the list, not the 和.
                        let rc = self.right_cut(piece_text);
                        match (rc, count_phrase(piece_text)) {
                            (Some(r), Some(c)) if c > r && piece_text[r..].starts_with('和') => {
                                Some(c)
                            }
                            _ => rc,
                        }
                    } else {
                        None
                    }
                });
            if let Some(e) = end_at {
                let tail_start = r.start + e;
                r.end = tail_start;
                let mut end = sent_end.min(tail_start + 60);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let tail = &text[tail_start..end];
                head = self.list_head(tail);
                // 聚焦A、B等关键技术, 围绕A、B等方向开展攻关: technologies and research
                // directions, not industries or organizations.
                let np = first_chars(tail.trim_start_matches('等'), 8);
                // 引进A、B等下游项目: projects, which name companies or only what they make.
                project = first_chars(tail, 8).contains("项目");
                // …两大方向 counts the fields just named; 等方向 leaves them open.
                let counted = count_phrase(tail) == Some(0);
                technical = head.is_none()
                    && ["技术", "方向", "难题", "课题", "环节", "工艺", "产品"]
                        .iter()
                        .filter(|w| !(counted && **w == "方向"))
                        .any(|w| lexicon::contains(np, w));
                // A settling verb right after the list: its items settle, so are organizations.
                let near = first_chars(tail, 6);
                if ["落户", "入驻", "签约", "进驻", "落地"]
                    .iter()
                    .any(|v| lexicon::contains(near, v))
                {
                    trigger = trigger.or(Some(EntityType::Company));
                }
                items.push(r);
                if k + 1 < n {
                    rest = Some(tail_start);
                }
                break;
            }
            items.push(r);
        }
        // …、B和C等, …、B和C三大方向: the last item holds two, joined by 和 (not inside a
        // known name, 诺和诺德; 及 often joins the words of one field, 节能及环保).
        if let Some(last) = items.last().cloned().filter(|_| items.len() >= 2) {
            let t = &text[last.clone()];
            let join = t.char_indices().find(|&(i, c)| {
                let at = last.start + i;
                c == '和'
                    && char_count(&t[..i]) >= 2
                    && char_count(&t[i + c.len_utf8()..]) >= 2
                    && !out
                        .iter()
                        .any(|m| m.range.start < at && at < m.range.end && m.range.len() > 3)
            });
            if let Some((i, c)) = join {
                items.pop();
                items.push(last.start..last.start + i);
                items.push(last.start + i + c.len_utf8()..last.end);
            }
        }
        if items.len() < 2 || technical {
            return rest;
        }
        // The type of untyped items: head noun, then trigger verb, then typed neighbours.
        let typed: Vec<Option<EntityType>> = items
            .iter()
            .map(|r| {
                out.iter()
                    .find(|m| m.range == *r && m.origin <= Origin::Grammar)
                    .map(|m| m.etype)
            })
            .collect();
        let known: Vec<EntityType> = typed.iter().flatten().copied().collect();
        let unanimous = if !known.is_empty() && known.iter().all(|t| *t == known[0]) {
            Some(known[0])
        } else {
            None
        };
        // Industry items are only invented with an explicit head or trigger.
        let majority = unanimous.filter(|t| *t != EntityType::Industry);
        let Some(etype) = head.or(trigger).or(majority) else {
            return rest;
        };
        if matches!(etype, EntityType::Place | EntityType::Person) {
            return rest;
        }
        // A list is a list of names only when at least two of its items are names.
        let mut new_items = Vec::new();
        let mut valid = 0;
        for (r, t0) in items.into_iter().zip(typed) {
            if t0.is_some() {
                valid += 1;
                if etype != EntityType::Industry {
                    continue;
                }
            }
            let mut r = r;
            let t = &text[r.clone()];
            if t.ends_with("项目") && char_count(t) > 3 {
                r.end -= "项目".len();
            }
            let t = &text[r.clone()];
            let len = char_count(t);
            let digits = t.chars().any(|c| c.is_ascii_digit())
                && !t.chars().any(|c| c.is_ascii_alphabetic());
            // 在德国、美国等地设有生产基地: countries, not what the head noun names.
            let country = len <= 3 && t.ends_with('国');
            if !(2..=16).contains(&len) || digits || country || self.gaz.place(t).is_some() {
                continue;
            }
            // Clean items only: no boundary words inside, nothing generic, no partial names.
            let hard_stop = self
                .stops_in(t)
                .into_iter()
                .any(|(_, _, p)| !lexicon::SOFT_STOPS.contains(&lexicon::LEFT_STOPS[p]));
            if self.is_generic(t) || hard_stop {
                continue;
            }
            // A project named by its product or process (钛材深加工、某某医疗器械等项目) names
            // no company.
            if etype == EntityType::Company && project && t0.is_none() && self.names_a_product(t) {
                continue;
            }
            let partial = out.iter().any(|m| {
                m.origin <= Origin::Grammar
                    && m.etype != EntityType::Industry
                    && m.etype != EntityType::Place
                    && r.start <= m.range.start
                    && m.range.end <= r.end
                    && m.range != r
                    // A company's own unit or brand among companies (华为终端、X等企业): a
                    // known company's name at its head, a word of the unit's own after it.
                    && !(etype == EntityType::Company
                        && m.etype == EntityType::Company
                        && m.origin == Origin::Gazetteer
                        && m.range.start == r.start
                        && (2..=4).contains(&char_count(&text[m.range.end..r.end]))
                        && !self.has_strong_suffix(&text[r.clone()]))
            });
            if partial {
                continue;
            }
            // A product or project named after its company: keep the company name
            // (X财险生物医药专业险种 → X财险).
            if etype == EntityType::Company {
                if let Some(cut) = self.company_prefix(t) {
                    r.end = r.start + cut;
                }
            }
            if t0.is_none() {
                valid += 1;
            }
            new_items.push(Mention::new(r, etype, text, Origin::List));
        }
        if valid >= 2 {
            out.extend(new_items);
        }
        rest
    }

    /// Where a middle list item is cut by a head noun (智能装备产业向… → 智能装备).
    fn head_cut(&self, t: &str) -> Option<usize> {
        lexicon::LIST_HEAD_SEARCH
            .first_and_last(t)
            .into_iter()
            .zip(lexicon::LIST_HEADS)
            .filter_map(|(at, (w, _))| at.map(|(i, _)| (i, i + w.len())))
            .filter(|&(i, e)| {
                // The head ends the phrase: a boundary word follows, not a name suffix (产业基地).
                let after = &t[e..];
                char_count(&t[..i]) >= 2
                    && !after.is_empty()
                    && (at_start(&self.right_ac, after).is_some()
                        || self.left_ac.at_start(after).is_some())
            })
            .map(|(i, _)| i)
            .min()
    }

    /// The end of the longest prefix of `t` that ends with an organization suffix
    /// and leaves more text after it.
    fn company_prefix(&self, t: &str) -> Option<usize> {
        self.suffix_ac
            .find_overlapping_iter(t)
            .filter(|m| {
                let (_, et, _) = lexicon::SUFFIXES[m.pattern()];
                et == EntityType::Company && m.end() < t.len() && char_count(&t[..m.start()]) >= 2
            })
            .map(|m| m.end())
            .min()
    }

    /// Where the last item of a list ends: the first boundary word.
    fn right_cut(&self, t: &str) -> Option<usize> {
        let mut best: Option<usize> = None;
        for m in self.right_ac.find_overlapping_iter(t) {
            if m.start() > 0 && best.is_none_or(|b| m.start() < b) {
                best = Some(m.start());
            }
        }
        for (i, _) in lexicon::LIST_HEAD_SEARCH
            .first_and_last(t)
            .into_iter()
            .flatten()
        {
            if i > 0 && best.is_none_or(|b| i < b) {
                best = Some(i);
            }
        }
        // 人工智能两大方向, 机器人三大领域: a count of the items ends the last one.
        if let Some(i) = count_phrase(t).filter(|&i| i > 0) {
            if best.is_none_or(|b| i < b) {
                best = Some(i);
            }
        }
        best
    }

    /// The type named by the noun phrase after a list (its last head word wins).
    /// Whether a project's name ends in an industry or in what a plant does (钛材深加工,
    /// 某某医疗器械), so that it names a product rather than a company.
    fn names_a_product(&self, t: &str) -> bool {
        ["加工", "制造", "生产", "研发", "配套", "组装"]
            .iter()
            .any(|w| t.ends_with(w))
            || t.char_indices().any(|(i, _)| {
                i > 0
                    && self
                        .gaz
                        .lookup(&t[i..], Some(EntityType::Industry))
                        .is_some()
            })
    }

    fn list_head(&self, tail: &str) -> Option<EntityType> {
        let np: String = tail
            .chars()
            .skip_while(|&c| c == '等')
            .filter(|&c| !matches!(c, '“' | '”' | '"' | '‘' | '’'))
            .take_while(|&c| is_name_char(c))
            .take(14)
            .collect();
        // The noun phrase ends where the clause's verb or adverb begins: in
        // `A、B等企业也纷纷落户园区` the head is 企业, not the 园区 they settle in.
        const NP_END: &[&str] = &[
            "也", "已", "均", "都", "纷纷", "相继", "先后", "陆续", "正在", "落户", "入驻", "进驻",
            "签约", "落地", "扎根", "设立", "成立", "建设", "投资", "布局", "开展", "打造", "共建",
            "形成", "带动", "实现", "提供",
        ];
        let np = match NP_END
            .iter()
            .filter_map(|w| lexicon::find(&np, w))
            .filter(|&i| i > 0)
            .min()
        {
            Some(i) => &np[..i],
            None => np.as_str(),
        };
        let head_in = |np: &str| {
            let mut best: Option<(usize, EntityType)> = None;
            for (w, t) in lexicon::LIST_HEADS {
                if let Some(i) = lexicon::rfind(np, w) {
                    if best.is_none_or(|(b, _)| i > b) {
                        best = Some((i, *t));
                    }
                }
            }
            best.map(|b| b.1)
        };
        // A、B等领域的企业: the head is the noun after 等, before 的, when there is one there
        // (…为主导的产业 has none before 的).
        np.find('的')
            .filter(|&i| i > 0)
            .and_then(|i| head_in(&np[..i]))
            .or_else(|| head_in(np))
    }

    fn pattern_matches(
        &self,
        text: &str,
        sent: Range<usize>,
        present: Present,
        out: &mut Vec<Mention>,
    ) {
        let s = &text[sent.clone()];
        // 某某医疗(Siemens Healthineers): a name that gives its Latin form names a company,
        // when nothing else types it. An all-capital short form (AI, IDEA) says too little.
        for caps in HAN_LATIN.captures_iter(s, present) {
            let (g, latin) = (caps.get(1).expect("group 1"), caps.get(2).expect("group 2"));
            if !latin.as_str().chars().any(|c| c.is_ascii_lowercase()) {
                continue;
            }
            let mut start = self.after_last_stop(&g);
            let descriptors = lexicon::descriptors_for(&s[start..g.end()]);
            for d in descriptors {
                if s[start..g.end()].starts_with(d) && char_count(&s[start + d.len()..g.end()]) >= 2
                {
                    start += d.len();
                }
            }
            let name = &s[start..g.end()];
            let n = char_count(name);
            // Regions and places (粤港澳大湾区(Greater Bay Area)) are no companies.
            if !(2..=8).contains(&n)
                || name.ends_with(|c: char| lexicon::one_of("区省市县州湾岛洲国", c))
                || self.is_generic(name)
                || self.suffix_ac.find(name).is_some()
                || self.gaz.lookup(name, None).is_some()
                || self
                    .gaz
                    .place_prefix(name)
                    .is_some_and(|(_, len)| len == name.len())
            {
                continue;
            }
            out.push(Mention::new(
                sent.start + start..sent.start + g.end(),
                EntityType::Company,
                text,
                Origin::Pattern,
            ));
        }
        for caps in FOCUS
            .captures_iter(s, present)
            .chain(FIELD_LEADER.captures_iter(s, present))
            .chain(FOCUS_IN.captures_iter(s, present))
        {
            let g = caps.get(1).expect("group 1");
            let t = g.as_str();
            let has_suffix = self.suffix_ac.find_overlapping_iter(t).any(|m| {
                m.end() == t.len() && lexicon::SUFFIXES[m.pattern()].2 == Strength::Strong
            });
            if !self.is_generic(t) && !has_suffix {
                out.push(Mention::new(
                    sent.start + g.start()..sent.start + g.end(),
                    EntityType::Industry,
                    text,
                    Origin::Pattern,
                ));
            }
        }
        // 某某企业广场是国家级科技企业孵化器: a place companies settle in, a zone.
        for caps in INCUBATOR.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            // After the last boundary word but a soft one (企业 is a word of 某某企业广场).
            let start = self
                .stops_in(g.as_str())
                .into_iter()
                .filter(|&(_, _, p)| !lexicon::SOFT_STOPS.contains(&lexicon::LEFT_STOPS[p]))
                .map(|(_, e, _)| g.start() + e)
                .max()
                .unwrap_or(g.start());
            let t = &s[start..g.end()];
            if char_count(t) >= 4 && !self.is_generic(t) && self.gaz.lookup(t, None).is_none() {
                out.push(Mention::new(
                    sent.start + start..sent.start + g.end(),
                    EntityType::Zone,
                    text,
                    Origin::Pattern,
                ));
            }
        }
        // 专注于X材料。: a product at the end of the clause is the field.
        for caps in FOCUS_PRODUCT.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            let t = g.as_str();
            if PRODUCT_HEADS.iter().any(|h| t.ends_with(h))
                && PRODUCT_HEADS.iter().all(|h| t != *h)
                && !self.is_generic(t)
                && self.stops_in(t).is_empty()
                && !self.has_strong_suffix(t)
            {
                out.push(Mention::new(
                    sent.start + g.start()..sent.start + g.end(),
                    EntityType::Industry,
                    text,
                    Origin::Pattern,
                ));
            }
        }
        // 专注于X的某某公司: X is the field when an organization's name follows.
        for caps in FOCUS_OF.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            let t = g.as_str();
            let rest = &s[caps.get(0).expect("match").end()..];
            let rest = &rest[..rest
                .find([',', '，', ';', '；', '。', ':', '：'])
                .unwrap_or(rest.len())];
            let named = self.suffix_ac.find_overlapping_iter(rest).any(|m| {
                let (_, et, st) = lexicon::SUFFIXES[m.pattern()];
                st == Strength::Strong && et.is_org()
            });
            let has_suffix = self.suffix_ac.find_overlapping_iter(t).any(|m| {
                m.end() == t.len() && lexicon::SUFFIXES[m.pattern()].2 == Strength::Strong
            });
            if named && !has_suffix && !self.is_generic(t) && self.stops_in(t).is_empty() {
                out.push(Mention::new(
                    sent.start + g.start()..sent.start + g.end(),
                    EntityType::Industry,
                    text,
                    Origin::Pattern,
                ));
            }
        }
        for caps in PAIR_INDUSTRIES.captures_iter(s, present) {
            for gi in [1, 2] {
                let g = caps.get(gi).expect("groups 1 and 2");
                let t = g.as_str();
                let known_industry = self.contains_industry(t);
                let strong_suffix = self.suffix_ac.find_overlapping_iter(t).any(|m| {
                    m.end() == t.len() && lexicon::SUFFIXES[m.pattern()].2 == Strength::Strong
                });
                if known_industry
                    && !strong_suffix
                    && !self.is_generic(t)
                    && self.stops_in(t).is_empty()
                {
                    let r = sent.start + g.start()..sent.start + g.end();
                    // Joined to another industry before 产业, a name with a weak company
                    // suffix (某某新材料) is an industry too.
                    out.retain(|m| {
                        !(m.range == r
                            && m.etype == EntityType::Company
                            && m.origin == Origin::Grammar)
                    });
                    out.push(Mention::new(r, EntityType::Industry, text, Origin::Pattern));
                }
            }
        }
        for caps in BUILT_CLUSTER.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            let t = g.as_str();
            let strong_suffix = self.suffix_ac.find_overlapping_iter(t).any(|m| {
                m.end() == t.len() && lexicon::SUFFIXES[m.pattern()].2 == Strength::Strong
            });
            // 打造未来千亿元级产业集群: a size, not a field.
            if !self.is_generic(t)
                && !strong_suffix
                && !t.contains(['级', '亿', '万'])
                && self.stops_in(t).is_empty()
                && self.gaz.place_prefix(t).is_none()
            {
                let r = sent.start + g.start()..sent.start + g.end();
                // 动力装备产业集群: a weak company suffix (装备) before 产业集群 ends an industry.
                out.retain(|m| !(m.range == r && m.etype == EntityType::Company));
                out.push(Mention::new(r, EntityType::Industry, text, Origin::Pattern));
            }
        }
        for caps in ZONE_CLUSTER.captures_iter(s, present) {
            let g = caps.get(1).expect("group 1");
            let t = g.as_str();
            if !self.is_generic(t)
                && self.suffix_ac.find(t).is_none()
                && self.stops_in(t).is_empty()
                && self.gaz.place_prefix(t).is_none()
            {
                out.push(Mention::new(
                    sent.start + g.start()..sent.start + g.end(),
                    EntityType::Industry,
                    text,
                    Origin::Pattern,
                ));
            }
        }
        for caps in LEAD
            .captures_iter(s, present)
            .chain(STRENGTH.captures_iter(s, present))
        {
            let Some(g) = caps.get(1).or_else(|| caps.get(2)) else {
                continue;
            };
            // 以A和B为主导: each of the joined industries leads, the unknown one too when a
            // known one stands beside it.
            let mut parts: Vec<Range<usize>> = Vec::new();
            let mut from = g.start();
            for (i, sep) in s[g.range()].match_indices(['和', '及', '、']) {
                parts.push(from..g.start() + i);
                from = g.start() + i + sep.len();
            }
            parts.push(from..g.end());
            let known: Vec<bool> = parts
                .iter()
                .map(|r| self.contains_industry(&s[r.clone()]))
                .collect();
            let joined = parts.len() > 1 && known.iter().any(|&k| k);
            for (r, known) in parts.iter().zip(known) {
                let t = &s[r.clone()];
                let has_suffix = self
                    .suffix_ac
                    .find_overlapping_iter(t)
                    .any(|m| m.end() == t.len());
                // Beside a known industry, a weak company suffix (空天信息) ends no name.
                let plausible = joined
                    && (2..=8).contains(&char_count(t))
                    && self.stops_in(t).is_empty()
                    && !self.has_strong_suffix(t);
                // Beside a known industry, two generic words make one (工业服务, 现代服务),
                // though one alone (高新技术) does not.
                let named = !self.is_generic(t)
                    || (plausible
                        && char_count(t) >= 4
                        && !lexicon::GENERIC.contains(&t)
                        && !t.chars().any(|c| c.is_ascii_digit()));
                if ((!has_suffix && known) || plausible) && named {
                    out.push(Mention::new(
                        sent.start + r.start..sent.start + r.end,
                        EntityType::Industry,
                        text,
                        Origin::Pattern,
                    ));
                }
            }
        }
        for m in LATIN.find_iter(s) {
            let t = m.as_str();
            let after = &s[m.end()..];
            let paren_cjk = after.starts_with('(') && after[1..].chars().next().is_some_and(is_cjk);
            let acronym = t
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            let _ = paren_cjk;
            if t.len() < 3 || acronym || !t.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            // Latin right after an opening parenthesis is an alias, handled below.
            if s[..m.start()].ends_with('(') {
                continue;
            }
            // Right after a number it is a unit (年产20GWh, 5GHz), not a name.
            if s[..m.start()].ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let mut men = Mention::new(
                sent.start + m.start()..sent.start + m.end(),
                EntityType::Company,
                text,
                Origin::Pattern,
            );
            men.nested = true; // may stand at the head of a longer name: Medora(美朵拉)生命科学产业园
            out.push(men);
        }
    }

    /// Industries inside zone names (白鹭湖物联网产业园 → 物联网) and places at the head
    /// of zone and organization names, kept as nested mentions.
    fn nested_matches(&self, text: &str, out: &mut Vec<Mention>) {
        let mut add = Vec::new();
        for m in out
            .iter()
            .filter(|m| !m.nested && matches!(m.etype, EntityType::Zone))
        {
            let t = &text[m.range.clone()];
            // Only before the zone suffix (软件 in 丝路软件城 is the suffix's own word).
            let sfx = self
                .suffix_ac
                .find_overlapping_iter(t)
                .filter(|s| {
                    s.end() == t.len() && lexicon::SUFFIXES[s.pattern()].1 == EntityType::Zone
                })
                .map(|s| s.start())
                .min()
                .unwrap_or(t.len());
            for g in self.gaz_ac.find_iter(t) {
                let surf = &self.gaz.surfaces[self.gaz_surface[g.pattern()]];
                let e = &self.gaz.entries[surf.entry];
                let ok = surf.scan == Scan::Always
                    || (surf.scan == Scan::Context && industry_context(t, g.start()..g.end()));
                // A generic word (研发及制造基地) names no industry of the park.
                if e.etype == EntityType::Industry
                    && g.end() <= sfx
                    && ok
                    && !lexicon::GENERIC.contains(&surf.text.as_str())
                {
                    let r = m.range.start + g.start()..m.range.start + g.end();
                    let mut men = Mention::new(r, EntityType::Industry, text, Origin::Gazetteer);
                    men.gaz = Some(surf.entry);
                    men.nested = true;
                    add.push(men);
                }
            }
        }
        // A zone or place at the head of an organization's name (青岚高新区招商公司), and a
        // whole zone at the head of a park's (青岚新区海洋高新区: the park is part of it).
        for m in out.iter().filter(|m| {
            !m.nested
                && (m.etype.is_org() || m.etype == EntityType::Zone)
                && m.origin != Origin::Gazetteer
        }) {
            let t = &text[m.range.clone()];
            let zone = m.etype == EntityType::Zone;
            // A zone the grammar names: the longest head ending in a whole-zone suffix.
            let zone_head = self
                .suffix_ac
                .find_overlapping_iter(t)
                .filter(|s| {
                    let (sfx, et, st) = lexicon::SUFFIXES[s.pattern()];
                    et == EntityType::Zone
                        && st == Strength::Strong
                        && s.end() < t.len()
                        && lexicon::WHOLE_ZONE_SUFFIXES.contains(&sfx)
                        // The park after the zone has a name of its own (…新区海洋高新区),
                        // or is the zone's park in a district (…高新区顺德园).
                        && (!zone
                            || char_count(&t[s.end()..]) >= 4
                            || t[s.end()..]
                                .strip_suffix('园')
                                .is_some_and(|p| self.gaz.place(p).is_some()))
                })
                .filter(|s| !self.is_generic(&t[..s.start()]) && char_count(&t[..s.start()]) >= 2)
                .map(|s| s.end())
                .max();
            if zone && zone_head.is_none() {
                continue;
            }
            if let Some(end) = zone_head {
                let known = self.gaz_ac.at_start(t);
                if known.is_none_or(|g| g.end() < end) {
                    // 某某大学长春新区光电子研究院: the zone is the place's, after the
                    // organization that heads the name.
                    let head_start = known
                        .filter(|g| {
                            self.gaz.entries[self.gaz.surfaces[self.gaz_surface[g.pattern()]].entry]
                                .etype
                                .is_org()
                                && self.gaz.place_prefix(&t[g.end()..end]).is_some()
                        })
                        .map_or(0, |g| g.end());
                    let mut men = Mention::new(
                        m.range.start + head_start..m.range.start + end,
                        EntityType::Zone,
                        text,
                        Origin::Grammar,
                    );
                    men.nested = true;
                    add.push(men);
                    continue;
                }
            }
            if let Some(g) = self
                .gaz_ac
                .find(t)
                .filter(|g| g.start() == 0 && g.end() < t.len())
            {
                let surf = &self.gaz.surfaces[self.gaz_surface[g.pattern()]];
                let e = &self.gaz.entries[surf.entry];
                if matches!(e.etype, EntityType::Zone | EntityType::Place)
                    && surf.scan == Scan::Always
                {
                    let mut men = Mention::new(
                        m.range.start..m.range.start + g.end(),
                        e.etype,
                        text,
                        Origin::Gazetteer,
                    );
                    men.gaz = Some(surf.entry);
                    men.nested = true;
                    add.push(men);
                }
            }
        }
        out.extend(add);
    }

    /// `X(Y)`: Y is another name of X when it is short and not itself a typed mention.
    fn paren_aliases(&self, text: &str, out: &mut [Mention]) {
        let grown = self.paren_aliases_once(text, out);
        // What a campus name took in (the city in 某某大学(深圳)) now lies inside it.
        if grown.is_empty() {
            return;
        }
        for m in out.iter_mut() {
            if grown
                .iter()
                .any(|g| *g != m.range && g.start <= m.range.start && m.range.end <= g.end)
            {
                m.nested = true;
            }
        }
    }

    /// Sets the names given in parentheses; returns the ranges of the campus names it grew.
    fn paren_aliases_once(&self, text: &str, out: &mut [Mention]) -> Vec<Range<usize>> {
        let mut grown = Vec::new();
        for m in out.iter_mut() {
            let after = &text[m.range.end..];
            if let Some(rest) = after.strip_prefix('(') {
                if let Some(close) = rest.find(')') {
                    let mut inner = &rest[..close];
                    // X(以下简称"Y"), X(简称Y): the short form the article goes on to use.
                    for lead in ["以下简称", "以下称", "下称", "简称"] {
                        if let Some(t) = inner.strip_prefix(lead) {
                            inner =
                                t.trim_matches(|c| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'));
                            break;
                        }
                    }
                    let n = char_count(inner);
                    // 某某大学(深圳): a university's campus in a city is an institution of its
                    // own, named with the parentheses; the city is no other name of it.
                    let campus = m.etype == EntityType::Institution
                        && ["大学", "学院"].iter().any(|w| m.text.ends_with(w))
                        && inner.len() == close
                        && self.gaz.place(inner).is_some();
                    if campus {
                        m.range.end += '('.len_utf8() + close + ')'.len_utf8();
                        m.text = text[m.range.clone()].to_string();
                        m.gaz = None;
                        m.origin = Origin::Grammar;
                        grown.push(m.range.clone());
                    } else if (2..=12).contains(&n)
                        && inner.chars().all(|c| is_name_char(c) || c == ' ')
                    {
                        m.paren_alias = Some(inner.to_string());
                    }
                }
            }
        }
        grown
    }
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

/// Where a count of the items just listed begins (两大, 三大, 十大), if anywhere.
fn count_phrase(t: &str) -> Option<usize> {
    t.char_indices()
        .find(|&(i, c)| {
            lexicon::one_of("两三四五六七八九十", c) && t[i + c.len_utf8()..].starts_with('大')
        })
        .map(|(i, _)| i)
}

/// 生物医药产业园(BioBAY): a park's Latin name, wherever the article uses it alone, names
/// the park, not a company (the Latin-name pattern takes an unknown Latin word for one).
fn latin_park_names(out: &mut [Mention]) {
    let names: Vec<String> = out
        .iter()
        .filter(|m| m.etype == EntityType::Zone)
        .filter_map(|m| m.paren_alias.clone())
        .filter(|a| a.is_ascii())
        .collect();
    if names.is_empty() {
        return;
    }
    for m in out.iter_mut() {
        if m.etype == EntityType::Company && m.origin == Origin::Pattern && names.contains(&m.text)
        {
            m.etype = EntityType::Zone;
        }
    }
}

/// `X又称"Y"`, `X也称"Y"`: Y is another name of X, as if given in parentheses after it; what
/// was found inside the quotes (中国医药 in "中国医药城") goes.
fn also_called(text: &str, out: &mut Vec<Mention>) {
    let mut inside: Vec<Range<usize>> = Vec::new();
    for m in out.iter_mut() {
        if m.nested || !(m.etype.is_org() || m.etype == EntityType::Zone) {
            continue;
        }
        let after = &text[m.range.end..];
        let Some(lead) = ["又称", "也称", "亦称", "又名", "俗称", "简称"]
            .iter()
            .find(|w| after.starts_with(*w))
        else {
            continue;
        };
        let rest = &after[lead.len()..];
        let Some(q) = rest.chars().next().filter(|c| matches!(c, '"' | '“')) else {
            continue;
        };
        let body = &rest[q.len_utf8()..];
        let Some(close) = body.find(['"', '”']) else {
            continue;
        };
        let name = &body[..close];
        if (2..=12).contains(&char_count(name)) && name.chars().all(is_name_char) {
            let start = m.range.end + lead.len() + q.len_utf8();
            inside.push(start..start + close);
            m.paren_alias = Some(name.to_string());
        }
    }
    if !inside.is_empty() {
        out.retain(|m| {
            !inside
                .iter()
                .any(|r| r.start <= m.range.start && m.range.end <= r.end)
        });
    }
}

/// A zone renamed in one sentence (批复同意A升级为国家高新区,定名为B): A is another name of B,
/// as if given in parentheses after it.
fn renames(text: &str, out: &mut [Mention]) {
    let zones: Vec<usize> = (0..out.len())
        .filter(|&k| out[k].etype == EntityType::Zone && !out[k].nested)
        .collect();
    for &b in &zones {
        let bs = out[b].range.start;
        if !["定名为", "更名为", "命名为"]
            .iter()
            .any(|w| text[..bs].ends_with(w))
        {
            continue;
        }
        let old = zones.iter().copied().rfind(|&a| {
            let ae = out[a].range.end;
            ae <= bs
                && !text[ae..bs].contains('。')
                && ["升级为", "更名为", "整合为"]
                    .iter()
                    .any(|w| text[ae..].starts_with(w))
        });
        if let Some(a) = old {
            if out[b].paren_alias.is_none() && out[a].text != out[b].text {
                out[b].paren_alias = Some(out[a].text.clone());
            }
        }
    }
}

/// Whether a 2-character abbreviation may end before `after` (北大等, not 重大项目).
fn bounded_after(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| !is_name_char(c) || lexicon::one_of("等与和及的在是为将也已", c))
}

/// Whether a short, generic industry word at `r` stands in an industry context.
fn industry_context(text: &str, r: Range<usize>) -> bool {
    let after = &text[r.end..];
    let before = &text[..r.start];
    [
        "产业",
        "行业",
        "业",
        "领域",
        "等",
        "、",
        "及",
        "和",
        "为主导",
        "为引领",
        // 锂电企业40余家: the field of the companies.
        "企业",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || ["、", "和", "及", "与"].iter().any(|w| before.ends_with(w))
}

/// Chooses non-overlapping mentions: longer first, then by origin; nested ones are kept.
fn select(mut cands: Vec<Mention>) -> Vec<Mention> {
    cands.sort_by(|a, b| {
        let la = a.range.end - a.range.start;
        let lb = b.range.end - b.range.start;
        lb.cmp(&la)
            .then(a.origin.cmp(&b.origin))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut chosen: Vec<Mention> = Vec::new();
    let mut spans = Spans::new(cands.iter().map(|m| m.range.len()).max().unwrap_or(0));
    let mut nested: Vec<Mention> = Vec::new();
    for m in cands {
        if m.nested {
            nested.push(m);
            continue;
        }
        if spans.overlaps(&m.range) {
            continue;
        }
        spans.insert(&m.range);
        chosen.push(m);
    }
    // A nested candidate survives when it lies inside a chosen mention (and is not it)
    // or overlaps nothing.
    for n in nested {
        if spans.contains_strictly(&n.range) {
            spans.insert(&n.range);
            chosen.push(n);
        } else if !spans.overlaps(&n.range) {
            let mut n = n;
            n.nested = false;
            spans.insert(&n.range);
            chosen.push(n);
        }
    }
    chosen
}

/// Byte ranges of chosen mentions, found by where they start: a text without sentence
/// punctuation (a table pasted into the corpus) makes one article of thousands of mentions,
/// and comparing each candidate with every chosen one made recognition quadratic in the
/// article (19 s for 1.8 MB).
struct Spans {
    /// (start, end) of each range.
    ranges: std::collections::BTreeSet<(usize, usize)>,
    /// No range is longer: those that can reach a position start at most this far before it.
    longest: usize,
}

impl Spans {
    fn new(longest: usize) -> Self {
        Self {
            ranges: std::collections::BTreeSet::new(),
            longest,
        }
    }

    fn insert(&mut self, r: &Range<usize>) {
        self.ranges.insert((r.start, r.end));
    }

    /// The ranges that start where one could reach `from..`, and start before `to`.
    fn near(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.ranges
            .range((from.saturating_sub(self.longest), 0)..(to, 0))
            .copied()
    }

    /// Whether a range shares a byte with `r`.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        self.near(r.start, r.end).any(|(_, e)| r.start < e)
    }

    /// Whether a range other than `r` contains it.
    fn contains_strictly(&self, r: &Range<usize>) -> bool {
        self.near(r.start, r.start + 1)
            .any(|(s, e)| r.end <= e && (s, e) != (r.start, r.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::split_articles;

    #[test]
    fn one_pass_finds_each_gate_word_as_contains_does() {
        // Every pattern's words are gate words (a pattern missing from gated() panics here).
        for g in gated() {
            assert!(g.bits() != 0);
        }
        let words = &GATE_WORDS.0;
        let mut texts = vec![String::new(), words.concat(), "白河园区".to_string()];
        texts.extend(words.iter().map(|w| format!("青松{w}的")));
        // Words inside others (产业 in 产业集群, 领域 in 领域的) are found too.
        texts.push("形成产业集群".to_string());
        texts.push("成为该领域的龙头企业".to_string());
        for t in &texts {
            let p = Present::of(t);
            for (k, w) in words.iter().enumerate() {
                assert_eq!(p.0 >> k & 1 == 1, t.contains(w), "{t} {w}");
            }
        }
    }

    #[test]
    fn first_chars_is_the_collected_prefix() {
        for s in ["", "白", "白河园区等", "ab白河"] {
            for n in 0..7 {
                assert_eq!(first_chars(s, n), s.chars().take(n).collect::<String>());
            }
        }
    }

    /// Strings to hold the one-pass searches to the plain ones: every word of the lists at
    /// the start, in the middle, twice, cut short, and sentences around them.
    fn search_texts(words: &[&str]) -> Vec<String> {
        let mut out = vec![String::new(), "甲".into(), "白河青松科技有限公司".into()];
        for (k, w) in words.iter().enumerate() {
            let other = words[(k * 7 + 3) % words.len()];
            let cut: String = w
                .chars()
                .take(w.chars().count().saturating_sub(1))
                .collect();
            out.extend([
                w.to_string(),
                format!("{w}青松"),
                format!("白河{w}青松{other}"),
                format!("{other}{w}{w}"),
                format!("{cut}河{w}"),
                format!("{w},白河的青松在这里{other}。"),
            ]);
        }
        out
    }

    #[test]
    fn searches_cut_short_answer_as_the_whole_search() {
        let r = &*RECOGNIZER;
        let suffixes: Vec<&str> = lexicon::SUFFIXES.iter().map(|s| s.0).collect();
        for (dict, words) in [
            (&r.suffix_ac, &suffixes[..]),
            (&r.left_ac, lexicon::LEFT_STOPS),
        ] {
            for t in search_texts(words) {
                let plain = dict.find(t.as_str()).filter(|m| m.start() == 0);
                assert_eq!(dict.at_start(&t), plain, "{t}");
            }
        }
        for (ac, words) in [(&r.right_ac, lexicon::RIGHT_STOPS)] {
            for t in search_texts(words) {
                let plain = ac.find(t.as_str()).filter(|m| m.start() == 0);
                assert_eq!(at_start(ac, &t), plain, "{t}");
            }
        }
        let texts = search_texts(lexicon::GENERIC);
        assert!(texts.iter().any(|t| anchored(&r.generic_ac, t).is_some()));
        for t in &texts {
            let plain = r.generic_ac.find(t.as_str()).filter(|m| m.start() == 0);
            assert_eq!(anchored(&r.generic_ac, t), plain, "{t}");
        }
    }

    #[test]
    fn one_pass_finds_each_word_first_and_last_where_find_and_rfind_do() {
        let heads: Vec<&str> = lexicon::LIST_HEADS.iter().map(|h| h.0).collect();
        let triggers: Vec<&str> = lexicon::LIST_TRIGGERS.iter().map(|h| h.0).collect();
        for (list, words) in [
            (&lexicon::LIST_HEAD_SEARCH, &heads),
            (&lexicon::LIST_TRIGGER_SEARCH, &triggers),
        ] {
            for t in search_texts(words) {
                let plain: Vec<Option<(usize, usize)>> =
                    words.iter().map(|w| t.find(w).zip(t.rfind(w))).collect();
                assert_eq!(list.first_and_last(&t), plain, "{t}");
            }
        }
    }

    fn names(text: &str) -> Vec<(String, EntityType)> {
        let a = split_articles(&format!("## t\n\n{text}\n"), "t").remove(0);
        RECOGNIZER
            .recognize(&a.norm)
            .into_iter()
            .filter(|m| !m.nested)
            .map(|m| (m.text, m.etype))
            .collect()
    }

    fn has(v: &[(String, EntityType)], name: &str, t: EntityType) -> bool {
        v.iter().any(|(n, et)| n == name && *et == t)
    }

    #[test]
    fn units_clauses_and_seats_are_no_names() {
        // Latin right after a number is its unit.
        let v = names("星河储能有限公司年产20GWh电池项目开工,并建设5GHz通信基站。");
        assert!(!v.iter().any(|(n, _)| n == "GWh" || n == "GHz"), "{v:?}");
        // 以 after a zone's whole name opens the clause of its strengths.
        let v = names("青岚高新区以新材料、高端装备制造为主导产业。");
        assert!(has(&v, "青岚高新区", EntityType::Zone), "{v:?}");
        assert!(!v.iter().any(|(n, _)| n.contains('以')), "{v:?}");
        // A group's global headquarters is the group's seat, not a unit of it.
        let v = names("星河云科技集团全球总部落户白河新城。");
        assert!(has(&v, "星河云科技集团", EntityType::Company), "{v:?}");
        assert!(!v.iter().any(|(n, _)| n.ends_with("总部")), "{v:?}");
        // A province's coined valley names a laboratory (湖北光谷实验室).
        let v = names("由青岚大学牵头建设的湖北光谷实验室开展研究。");
        assert!(has(&v, "湖北光谷实验室", EntityType::Institution), "{v:?}");
        // 央企子公司: a kind of owner's units, no name.
        let v = names("园区引进化工企业87家,其中包括白河石化公司等央企子公司。");
        assert!(!v.iter().any(|(n, _)| n.contains("央企")), "{v:?}");
        // 某某企业广场是国家级科技企业孵化器: the incubator is a zone.
        let v = names("白河高新区青鸟企业广场是国家级科技企业孵化器,在孵企业260余家。");
        assert!(
            v.iter()
                .any(|(n, t)| n.ends_with("青鸟企业广场") && *t == EntityType::Zone),
            "{v:?}"
        );
        // 专注于X材料。: a product ending the clause is a field.
        let v = names("星河磁材有限公司专注于高性能稀土永磁材料。");
        assert!(has(&v, "高性能稀土永磁材料", EntityType::Industry), "{v:?}");
        // 专注于X的某某公司: X is a field.
        let v = names("专注于车载激光雷达的青岚觅光科技有限公司入驻白河高新区。");
        assert!(has(&v, "车载激光雷达", EntityType::Industry), "{v:?}");
        assert!(
            has(&v, "青岚觅光科技有限公司", EntityType::Company),
            "{v:?}"
        );
    }

    #[test]
    fn two_lists_in_one_clause_a_region_before_a_company_and_bases_that_only_describe() {
        // The second list starts where the first one's 等 is.
        let v = names(
            "在白河综合保税区,星岚、云帆等品牌商与青禾、澜达、远拓等代工企业聚集。台湾澜达集团在白河综保区建设了重要生产基地和封装测试基地,项目选址白河高新区青松工业园。",
        );
        for c in ["星岚", "云帆", "青禾", "澜达", "远拓", "澜达集团"] {
            assert!(has(&v, c, EntityType::Company), "{c}: {v:?}");
        }
        assert!(has(&v, "白河综保区", EntityType::Zone), "{v:?}");
        assert!(has(&v, "白河高新区青松工业园", EntityType::Zone), "{v:?}");
        for z in ["重要生产基地", "封装测试基地", "选址白河高新区青松工业园"]
        {
            assert!(!has(&v, z, EntityType::Zone), "{z}: {v:?}");
        }
    }

    #[test]
    fn a_name_with_its_latin_form_is_a_company() {
        let v = names("德国青岚医疗(Qinglan Medical)在白鹭高新区设立研发中心。");
        assert!(has(&v, "青岚医疗", EntityType::Company), "{v:?}");
        // A region with its English name is none, nor an all-capital short form.
        let v = names("青岚湾区(Qinglan Bay Area)建设加快,青岚智算(QLZS)发布新品。");
        assert!(!v.iter().any(|(_, t)| *t == EntityType::Company), "{v:?}");
    }

    #[test]
    fn research_centres_keep_their_inner_words() {
        let v = names(
            "澜州拥有中国工程物理研究院、青岚空气动力研究与发展中心等院所,星河半导体有限公司主要从事功率芯片研发,是国内首家钛材上市公司。",
        );
        assert!(
            has(&v, "中国工程物理研究院", EntityType::Institution),
            "{v:?}"
        );
        assert!(
            has(&v, "青岚空气动力研究与发展中心", EntityType::Institution),
            "{v:?}"
        );
        // 从事 is a verb; 上市公司 is a class of companies.
        assert!(
            v.iter()
                .all(|(n, _)| !n.starts_with('事') && !n.ends_with("上市公司")),
            "{v:?}"
        );
    }

    #[test]
    fn a_known_company_heads_its_centre_with_the_place_in_parentheses() {
        let v = names("华为技术有限公司与青岚新区共建的华为(长春)人工智能创新中心正式揭牌。");
        assert!(
            has(&v, "华为(长春)人工智能创新中心", EntityType::Institution),
            "{v:?}"
        );
    }

    #[test]
    fn counts_ordinals_seats_and_approvals_are_no_part_of_names() {
        let v = names(
            "澜州的产业在两大国家高新区呈现双核格局,星河光能股份有限公司总部所在的园区位于此。这是继澜州研发中心之后的第三个研发中心。位于青岚高新区的中以澜州创新园和澜州科教城同日开园。科技部批复青岚高新区建设集群。",
        );
        assert!(
            v.iter().all(|(n, _)| !n.contains("两大")
                && !n.ends_with("总部")
                && !n.starts_with('继')
                && !n.starts_with('第')
                && !n.starts_with("批复")),
            "{v:?}"
        );
        assert!(has(&v, "中以澜州创新园", EntityType::Zone), "{v:?}");
        assert!(has(&v, "澜州科教城", EntityType::Zone), "{v:?}");
        assert!(has(&v, "青岚高新区", EntityType::Zone), "{v:?}");
    }

    #[test]
    fn counts_in_chinese_numerals_and_exhibition_halls_are_no_names() {
        let v = names("手术机器人已在全国数十家医院应用。图为青岚科技园内的企业展厅。青岚高新区以电子为主导产业。");
        assert!(
            v.iter().all(|(n, _)| !n.contains("数十家")
                && !n.ends_with("展厅")
                && !n.ends_with("以电子")),
            "{v:?}"
        );
        // The head of a list is the noun after 等, before 的.
        let v = names("机器人、新材料、卫星应用等领域的100余家科技企业在这里安家。");
        assert!(has(&v, "卫星应用", EntityType::Industry), "{v:?}");
    }

    #[test]
    fn interviews_announcements_and_transliterations() {
        let v = names(
            "——访青岚经济技术开发区管委会主任陈明。澜州省科学技术厅发布全省高新区考核结果。在青岚经开区,诺和星德(中国)制药有限公司的生产线满负荷运转,是最大的胰岛素生产基地之一。青岚经开区投资促进局局长介绍。",
        );
        assert!(
            has(&v, "青岚经济技术开发区管委会", EntityType::Institution),
            "{v:?}"
        );
        assert!(
            has(&v, "澜州省科学技术厅", EntityType::Institution),
            "{v:?}"
        );
        assert!(
            has(&v, "诺和星德(中国)制药有限公司", EntityType::Company),
            "{v:?}"
        );
        assert!(
            has(&v, "青岚经开区投资促进局", EntityType::Institution),
            "{v:?}"
        );
        assert!(
            v.iter().all(|(n, _)| !n.starts_with('访')
                && !n.contains("发布")
                && !n.ends_with("生产基地")),
            "{v:?}"
        );
    }

    #[test]
    fn a_conjunction_before_a_park_suffix_ends_no_name() {
        let v = names("青岚航空工业有限公司与园区企业协同配套。");
        assert!(
            has(&v, "青岚航空工业有限公司", EntityType::Company),
            "{v:?}"
        );
        assert!(v.iter().all(|(n, _)| !n.ends_with("与园区")), "{v:?}");
    }

    #[test]
    fn a_list_head_ends_where_the_verb_begins() {
        // 园区 after the settling verb is where they settle, not what they are.
        let v = names("此外,青木半导体、云麓数据等企业也纷纷落户园区。");
        assert!(has(&v, "青木半导体", EntityType::Company), "{v:?}");
        assert!(has(&v, "云麓数据", EntityType::Company), "{v:?}");
    }

    #[test]
    fn boundary_words_give_way_to_industry_terms_and_places() {
        // 启动 runs into 动力电池, 入驻 into 驻马店, 拟 sits inside 虚拟现实.
        let v = names("近日,青岚科技有限公司签约入驻阜新腾启动力电池产业园,驻马店星汉虚拟现实产业园同日开园。");
        assert!(has(&v, "阜新腾启动力电池产业园", EntityType::Zone), "{v:?}");
        assert!(
            has(&v, "驻马店星汉虚拟现实产业园", EntityType::Zone),
            "{v:?}"
        );
        // A weak company suffix after a zone name is the zone's industry, whatever the
        // zone's suffix.
        for (text, zone) in [
            ("近日,甲乙高新区汽车及零部件产业再添新军。", "高新区"),
            ("近日,丙丁科技园汽车及零部件产业再添新军。", "科技园"),
            ("近日,戊己新区汽车及零部件产业再添新军。", "新区"),
        ] {
            let v = names(text);
            assert!(
                !v.iter()
                    .any(|(n, t)| *t == EntityType::Company && n.contains(zone)),
                "{text}: {v:?}"
            );
        }
    }

    #[test]
    fn suffix_grammar_cuts_at_boundary_words() {
        let v = names("近日,甲乙高新区与北京航空航天大学合作设立丙丁研究院戊己分院。");
        assert!(has(&v, "甲乙高新区", EntityType::Zone), "{v:?}");
        assert!(
            has(&v, "北京航空航天大学", EntityType::Institution),
            "{v:?}"
        );
        assert!(
            has(&v, "丙丁研究院戊己分院", EntityType::Institution),
            "{v:?}"
        );
    }

    #[test]
    fn descriptors_are_cut() {
        let v = names("由省厅推动、某某高新区企业贵州鸿运互联网服务有限公司具体实施。");
        assert!(
            has(&v, "贵州鸿运互联网服务有限公司", EntityType::Company),
            "{v:?}"
        );
    }

    #[test]
    fn list_items_take_the_head_type() {
        let v = names("园区引进青木科技、云顶陶瓷、飞羽电动车等百亿级龙头企业。");
        for n in ["青木科技", "云顶陶瓷", "飞羽电动车"] {
            assert!(has(&v, n, EntityType::Company), "{n}: {v:?}");
        }
        let v = names("围绕新一代信息技术、康养旅居、先进制造等四大主导产业。");
        assert!(has(&v, "康养旅居", EntityType::Industry), "{v:?}");
        assert!(has(&v, "先进制造", EntityType::Industry), "{v:?}");
    }

    #[test]
    fn list_items_take_neighbour_types() {
        let v = names("优质企业蓝海空间、明远电子、星辰立方、泰和科技等已入驻办公。");
        for n in ["蓝海空间", "明远电子", "星辰立方", "泰和科技"] {
            assert!(has(&v, n, EntityType::Company), "{n}: {v:?}");
        }
    }

    #[test]
    fn a_conjunction_after_a_place_and_one_character_is_inside_the_name() {
        let v = names("青岛瑞和祥生物科技有限公司去年落户开发区,宁波和丰达科技有限公司也已入驻。");
        assert!(
            has(&v, "青岛瑞和祥生物科技有限公司", EntityType::Company),
            "{v:?}"
        );
        assert!(
            has(&v, "宁波和丰达科技有限公司", EntityType::Company),
            "{v:?}"
        );
        // Two names joined after a place of their own are still two.
        let v = names("青岛星河科技有限公司和宁波明远电子有限公司签约入驻。");
        assert!(
            has(&v, "宁波明远电子有限公司", EntityType::Company),
            "{v:?}"
        );
    }

    #[test]
    fn numbered_institutes_and_generic_names() {
        let v = names("依托608所,建设国家重点实验室和科技创新中心。");
        assert!(has(&v, "608所", EntityType::Institution), "{v:?}");
        assert!(
            !v.iter()
                .any(|(n, _)| n.contains("实验室") || n.contains("创新中心")),
            "{v:?}"
        );
    }

    #[test]
    fn focus_pattern_finds_industries() {
        let v = names("某公司是一家专注于全球智能安防领域的企业。");
        assert!(has(&v, "智能安防", EntityType::Industry), "{v:?}");
    }

    #[test]
    fn bureaus_bases_and_venues() {
        // 科技创新局 is a bureau; 开创新局 a new situation.
        let v = names("白河区科技创新局负责人介绍,园区将开创新局。");
        assert!(
            has(&v, "白河区科技创新局", EntityType::Institution),
            "{v:?}"
        );
        assert!(!v.iter().any(|(n, _)| n.ends_with("开创新局")), "{v:?}");
        // A laboratory's base is the laboratory's unit; a venue is no organization; nor
        // is a demonstration network.
        let v = names(
            "青松湾实验室白河基地已经入驻。图为青松科学城展示中心。双方将共建量子安全通信示范网络。",
        );
        assert!(
            has(&v, "青松湾实验室白河基地", EntityType::Institution),
            "{v:?}"
        );
        assert!(!v.iter().any(|(n, _)| n.ends_with("展示中心")), "{v:?}");
        assert!(!v.iter().any(|(n, _)| n.ends_with("示范网络")), "{v:?}");
        // Joined to an industry before 产业, a weak company suffix names an industry.
        let v = names("青岚高新区围绕锂基新材料和工业互联网两大产业,引进了一批重点项目。");
        assert!(has(&v, "锂基新材料", EntityType::Industry), "{v:?}");
        // 合作 inside a park's name, before words that only describe it.
        let v = names("在青白合作光伏科技产业园,已有注册企业240余家。");
        assert!(has(&v, "青白合作光伏科技产业园", EntityType::Zone), "{v:?}");
        // 源自 ends a name on the left.
        let v = names("其中多数源自青松理工大学的科研成果转化。");
        assert!(has(&v, "青松理工大学", EntityType::Institution), "{v:?}");
    }

    #[test]
    fn a_parent_before_qixia_and_a_subject_setting_up_in_the_zone_are_companies() {
        let v = names("2010年以来,远岚旗下的青岚精密电子有限公司在港区投产。今年,百澜瑞康也在园区落地了新的研发中心。目前,我们也在园区建设了新厂。");
        assert!(has(&v, "远岚", EntityType::Company), "{v:?}");
        assert!(has(&v, "百澜瑞康", EntityType::Company), "{v:?}");
        assert!(!v.iter().any(|(n, _)| n.contains("我们")), "{v:?}");
    }

    #[test]
    fn pioneer_institutes_and_innovation_areas_are_named_by_their_suffix() {
        let v = names("青岚光电子先导院联合青松大学。园区将依托青岚科教创新区。");
        assert!(
            has(&v, "青岚光电子先导院", EntityType::Institution),
            "{v:?}"
        );
        assert!(has(&v, "青岚科教创新区", EntityType::Zone), "{v:?}");
    }

    #[test]
    fn a_publisher_of_a_report_is_an_organization() {
        let v = names("近日,青松顾问发布《园区百强》榜单。");
        assert!(has(&v, "青松顾问", EntityType::Company), "{v:?}");
    }

    #[test]
    fn two_generic_words_beside_a_known_industry_lead_too() {
        let v = names("白河园以汽车及零部件、智能制造、工业服务为主导产业。青岚园以高新技术、新材料为主导产业。");
        assert!(has(&v, "工业服务", EntityType::Industry), "{v:?}");
        assert!(!has(&v, "高新技术", EntityType::Industry), "{v:?}");
    }
}
