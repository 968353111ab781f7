//! Word lists of the name grammar: organization suffixes, boundary words, descriptors.
//!
//! These are general properties of Chinese news language, not names of entities.

use crate::model::EntityType;
use std::sync::LazyLock;

/// `s.contains(w)`, quicker where the standard library is slowest: in a text shorter than
/// the word plus 16 bytes (a name, the first characters of a clause) it compares every window
/// with `memcmp`, a tenth of a one-core run. Here a window is compared only when its first and
/// last bytes are the word's; in Chinese the last byte of the word's last character is rarely
/// shared. Longer texts keep the standard library's vector search.
#[inline]
pub fn contains(s: &str, w: &str) -> bool {
    let (h, n) = (s.as_bytes(), w.as_bytes());
    if n.len() < 2 || h.len() >= n.len() + 16 {
        return s.contains(w);
    }
    if n.len() > h.len() {
        return false;
    }
    let (first, last) = (n[0], n[n.len() - 1]);
    (0..=h.len() - n.len())
        .any(|i| h[i] == first && h[i + n.len() - 1] == last && &h[i..i + n.len()] == n)
}

/// Whether `c` is one of the characters of `set` (`"个家所项"`): `set.contains(c)` searched
/// the short set as a text, window by window (see [`contains`]).
#[inline]
pub fn one_of(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

/// `s.find(w)`, answered first by `str::contains`: the standard library searches for a short
/// word with vector instructions in `contains` but not in `find`, `rfind` or `match_indices`,
/// which first build a searcher (110–280 ns per sentence against 12–37 ns, measured on the
/// project's texts). Most sentences hold none of the words a rule looks for.
#[inline]
pub fn find(s: &str, w: &str) -> Option<usize> {
    if contains(s, w) {
        s.find(w)
    } else {
        None
    }
}

/// `s.rfind(w)`, answered first by `str::contains` (see [`find`]).
#[inline]
pub fn rfind(s: &str, w: &str) -> Option<usize> {
    if contains(s, w) {
        s.rfind(w)
    } else {
        None
    }
}

/// `s.match_indices(w)`, answered first by `str::contains` (see [`find`]).
#[inline]
pub fn match_indices<'a>(s: &'a str, w: &'a str) -> impl Iterator<Item = (usize, &'a str)> {
    contains(s, w)
        .then(|| s.match_indices(w))
        .into_iter()
        .flatten()
}

/// A word list searched in one automaton pass over a sentence, where a loop over the words
/// searched the sentence once per word. Words are known by their index in the list.
pub struct WordList(LazyLock<ListAutomaton, fn() -> ListAutomaton>);

/// The automaton of a [`WordList`] ([`automaton`]): its words as a standard [`Dict`], and for
/// each word listed more than once (one list made of several), its other indices.
pub struct ListAutomaton {
    dict: Dict,
    len: usize,
    others: rustc_hash::FxHashMap<usize, Vec<usize>>,
}

impl ListAutomaton {
    /// Each occurrence of each word of the list, as (word index, start, end).
    fn each(&self, s: &str, mut f: impl FnMut(usize, usize, usize)) {
        for m in self.dict.find_overlapping_iter(s) {
            f(m.pattern(), m.start(), m.end());
            if !self.others.is_empty() {
                for &w in self.others.get(&m.pattern()).into_iter().flatten() {
                    f(w, m.start(), m.end());
                }
            }
        }
    }
}

impl WordList {
    /// The list whose automaton `build` makes (with [`automaton`]) on first use.
    pub const fn new(build: fn() -> ListAutomaton) -> Self {
        WordList(LazyLock::new(build))
    }

    /// Each occurrence as (word index, start in `s`), word by word in the list's order and
    /// then by position: the order of `for w in words { for (i, _) in s.match_indices(w) }`,
    /// which rules that take the first one found rely on.
    pub fn hits(&self, s: &str) -> Vec<(usize, usize)> {
        let mut hits: Vec<(usize, usize)> = Vec::new();
        self.0.each(s, |w, start, _| hits.push((w, start)));
        hits.sort_unstable();
        hits
    }

    /// Whether `s` holds any of the words: `words.iter().any(|w| s.contains(w))` in one pass.
    pub fn any_in(&self, s: &str) -> bool {
        self.0.dict.find(s).is_some()
    }

    /// [`Self::hits`] of a list made of several lists one after the other, of `lens` words
    /// each: the hits of each list, its words numbered within it. One pass for all of them.
    pub fn hits_of_parts(&self, s: &str, lens: &[usize]) -> Vec<Vec<(usize, usize)>> {
        let mut out = vec![Vec::new(); lens.len()];
        let (mut part, mut base) = (0, 0);
        // The hits come by word, so by list.
        for (w, i) in self.hits(s) {
            while w >= base + lens[part] {
                base += lens[part];
                part += 1;
            }
            out[part].push((w - base, i));
        }
        out
    }

    /// For each word, the first and the last place it occurs in `t` (as `str::find` and
    /// `str::rfind` give them).
    pub fn first_and_last(&self, t: &str) -> Vec<Option<(usize, usize)>> {
        let mut out = vec![None; self.0.len];
        self.0.each(t, |w, start, _| {
            let slot: &mut Option<(usize, usize)> = &mut out[w];
            *slot = Some(match *slot {
                None => (start, start),
                Some((first, last)) => (first.min(start), last.max(start)),
            });
        });
        out
    }
}

/// The automaton of a static word list, every occurrence of every word (a standard
/// [`Dict`]).
pub fn automaton<'a>(words: impl IntoIterator<Item = &'a str>) -> ListAutomaton {
    let words: Vec<&str> = words.into_iter().collect();
    let mut first: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut others: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    for (i, w) in words.iter().enumerate() {
        let f = *first.entry(w).or_insert(i);
        if f != i {
            others.entry(f).or_default().push(i);
        }
    }
    ListAutomaton {
        dict: Dict::new(words.iter().copied(), daachorse::MatchKind::Standard),
        len: words.len(),
        others,
    }
}

/// A word list as a character-wise double-array automaton (daachorse): the gazetteer's
/// thousands of names, the names that protect boundary words, the English dictionary's place
/// names, and the suffixes, boundary words and rules' word lists searched in every sentence.
/// It reads a character at a time where the `aho-corasick` automata these lists were read a
/// byte (an NFA for the large lists, whose DFA would take hundreds of megabytes): fewer
/// instructions per article, and the large NFAs were most of the start-up time to build.
///
/// Matches give the index of the word in the list the automaton was built from; a word given
/// twice is found as its first occurrence.
pub(crate) struct Dict {
    pma: daachorse::CharwiseDoubleArrayAhoCorasick<u32>,
    /// Built leftmost-longest (else standard).
    leftmost: bool,
    /// The longest word, in bytes: an anchored search reads no further.
    max_len: usize,
}

/// A word of a [`Dict`] found in a text: byte range and the word's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    start: usize,
    end: usize,
    pattern: usize,
}

impl Hit {
    pub(crate) fn start(&self) -> usize {
        self.start
    }
    pub(crate) fn end(&self) -> usize {
        self.end
    }
    /// The index of the word in the list.
    pub(crate) fn pattern(&self) -> usize {
        self.pattern
    }
}

impl Dict {
    /// `kind`: leftmost-longest or standard (the kinds of `aho-corasick` of the same names);
    /// [`Dict::find_overlapping_iter`] needs standard.
    pub(crate) fn new<'w>(
        words: impl IntoIterator<Item = &'w str>,
        kind: daachorse::MatchKind,
    ) -> Self {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut max_len = 0;
        let mut patvals: Vec<(&str, u32)> = Vec::new();
        for (i, w) in words.into_iter().enumerate() {
            // The automaton takes each word once, and no empty word.
            if !w.is_empty() && seen.insert(w) {
                max_len = max_len.max(w.len());
                patvals.push((w, i as u32));
            }
        }
        let pma = daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(kind)
            .build_with_values(patvals)
            .expect("static word list");
        let leftmost = kind == daachorse::MatchKind::LeftmostLongest;
        Dict {
            pma,
            leftmost,
            max_len,
        }
    }

    fn hit(m: daachorse::Match<u32>) -> Hit {
        Hit {
            start: m.start(),
            end: m.end(),
            pattern: m.value() as usize,
        }
    }

    /// Leftmost-longest occurrences, left to right, not overlapping (built leftmost-longest).
    pub(crate) fn find_iter<'a>(&'a self, s: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.pma.leftmost_find_iter(s).map(Self::hit)
    }

    /// The first occurrence: leftmost-longest, or the first to end (standard).
    pub(crate) fn find(&self, s: &str) -> Option<Hit> {
        if self.leftmost {
            self.pma.leftmost_find_iter(s).next().map(Self::hit)
        } else {
            self.pma.find_iter(s).next().map(Self::hit)
        }
    }

    /// [`Dict::find`]'s occurrence if it starts at 0: leftmost-longest, the longest word `s`
    /// begins with. Such an occurrence ends within the longest word's length, and both kinds
    /// report first the occurrence that starts (leftmost) or ends (standard) first, so only
    /// that much of `s` is searched.
    pub(crate) fn at_start(&self, s: &str) -> Option<Hit> {
        let mut end = self.max_len.min(s.len());
        while !s.is_char_boundary(end) {
            end += 1;
        }
        self.find(&s[..end]).filter(|m| m.start() == 0)
    }

    /// Every occurrence of every word.
    pub(crate) fn find_overlapping_iter<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = Hit> + 'a {
        self.pma.find_overlapping_iter(s).map(Self::hit)
    }
}

/// [`LIST_HEADS`] in one pass.
pub static LIST_HEAD_SEARCH: WordList = WordList::new(|| automaton(LIST_HEADS.iter().map(|h| h.0)));
/// [`LIST_TRIGGERS`] in one pass.
pub static LIST_TRIGGER_SEARCH: WordList =
    WordList::new(|| automaton(LIST_TRIGGERS.iter().map(|h| h.0)));

/// How strongly a suffix marks the end of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Always ends a name (公司, 大学, 高新区).
    Strong,
    /// Ends a name only when followed by a boundary (科技, 电子, 汽车).
    Weak,
}

/// Suffixes that end the name of a whole zone, which parks and bodies may be named after
/// (青岚高新区西部园区, 青岚新区海洋高新区, 青岚高新区管委会).
pub const WHOLE_ZONE_SUFFIXES: &[&str] = &[
    "高新技术产业开发区",
    "高新区",
    "开发区",
    "经开区",
    "科学城",
    "新区",
    "科技城",
    "合作区",
    // 中国(某某)自由贸易试验区某某片区: a free-trade area's areas are named after it.
    "自由贸易试验区",
    "自贸试验区",
];

/// Name suffixes with the type they give.
pub const SUFFIXES: &[(&str, EntityType, Strength)] = {
    use EntityType::*;
    use Strength::*;
    &[
        // Zones.
        ("高新技术产业开发区", Zone, Strong),
        ("经济技术开发区", Zone, Strong),
        ("高新区", Zone, Strong),
        ("经开区", Zone, Strong),
        ("开发区", Zone, Strong),
        ("科学城", Zone, Strong),
        ("科技城", Zone, Strong),
        ("软件城", Zone, Strong),
        ("创新城", Zone, Strong),
        ("产业园区", Zone, Strong),
        ("工业园区", Zone, Strong),
        ("科技园区", Zone, Strong),
        ("产业园", Zone, Strong),
        ("科技园", Zone, Strong),
        ("工业园", Zone, Strong),
        ("软件园", Zone, Strong),
        ("创业园", Zone, Strong),
        ("产业基地", Zone, Strong),
        ("基地", Zone, Strong),
        ("小镇", Zone, Strong),
        ("自贸区", Zone, Strong),
        ("自由贸易试验区", Zone, Strong),
        ("保税区", Zone, Strong),
        // 某某综合保税区 goes by 某某综保区.
        ("综保区", Zone, Strong),
        // 某某农业高新技术产业示范区 goes by 某某农高区.
        ("农高区", Zone, Strong),
        ("示范区", Zone, Strong),
        ("试验区", Zone, Strong),
        ("集聚区", Zone, Strong),
        // 某某科技新城, 某某产业新城: a zone's new town.
        ("新城", Zone, Strong),
        // 某某科教创新区, 某某科技创新区: a named area of universities and research.
        ("创新区", Zone, Strong),
        // 横琴粤澳深度合作区, 前海深港现代服务业合作区: cooperation zones.
        ("合作区", Zone, Strong),
        // 某某科创区: a zone's area of science and innovation (甬江科创区 of a high-tech zone).
        ("科创区", Zone, Strong),
        // 某某科教城: a city's zone of universities and research institutes.
        ("科教城", Zone, Strong),
        // 某某高新区马金铺片区, 临港新片区: a named area of a zone.
        ("片区", Zone, Strong),
        ("生态城", Zone, Strong),
        ("大走廊", Zone, Strong),
        ("园区", Zone, Strong),
        // Coined park names (研创园, 医药谷, 中国声谷); 谷 alone is a valley or a trough.
        ("研创园", Zone, Strong),
        ("科创园", Zone, Strong),
        ("创新园", Zone, Strong),
        ("创意园", Zone, Strong),
        ("孵化园", Zone, Strong),
        ("物流园", Zone, Strong),
        ("医药谷", Zone, Strong),
        ("药谷", Zone, Strong),
        ("光谷", Zone, Strong),
        ("声谷", Zone, Strong),
        ("车谷", Zone, Strong),
        ("创谷", Zone, Strong),
        ("智谷", Zone, Strong),
        ("数谷", Zone, Strong),
        // State-level and city new areas; only after a place and a name of their own
        // (南京江北新区), see `Recognizer::grammar_matches`.
        ("新区", Zone, Strong),
        // Companies.
        ("股份有限公司", Company, Strong),
        ("有限责任公司", Company, Strong),
        ("有限公司", Company, Strong),
        ("分公司", Company, Strong),
        ("公司", Company, Strong),
        ("集团", Company, Strong),
        ("基金", Company, Strong),
        ("银行", Company, Strong),
        ("总部", Company, Strong),
        ("科技", Company, Weak),
        ("电子", Company, Weak),
        ("光电", Company, Weak),
        ("微电子", Company, Weak),
        ("半导体", Company, Weak),
        ("软件", Company, Weak),
        ("智能", Company, Weak),
        ("信息", Company, Weak),
        ("网络", Company, Weak),
        ("通信", Company, Weak),
        ("医药", Company, Weak),
        ("制药", Company, Weak),
        ("生物", Company, Weak),
        ("汽车", Company, Weak),
        ("电动车", Company, Weak),
        ("能源", Company, Weak),
        ("材料", Company, Weak),
        ("机械", Company, Weak),
        ("装备", Company, Weak),
        ("重工", Company, Weak),
        ("化工", Company, Weak),
        ("实业", Company, Weak),
        ("控股", Company, Weak),
        ("股份", Company, Weak),
        ("传媒", Company, Weak),
        ("教育", Company, Weak),
        ("物流", Company, Weak),
        ("陶瓷", Company, Weak),
        ("电器", Company, Weak),
        ("电气", Company, Weak),
        ("航空", Company, Weak),
        ("财险", Company, Weak),
        ("证券", Company, Weak),
        ("保险", Company, Weak),
        // Institutions.
        ("大学", Institution, Strong),
        ("学院", Institution, Strong),
        ("研究院", Institution, Strong),
        // 某某光电子先导院, 某某产业创新院: research institutes by another word.
        ("先导院", Institution, Strong),
        ("创新院", Institution, Strong),
        ("研究所", Institution, Strong),
        ("分所", Institution, Strong),
        ("研究中心", Institution, Strong),
        ("科学院", Institution, Strong),
        ("工程院", Institution, Strong),
        ("分院", Institution, Strong),
        ("实验室", Institution, Strong),
        ("中心", Institution, Strong),
        ("联盟", Institution, Strong),
        ("协会", Institution, Strong),
        ("分会", Institution, Strong),
        ("学会", Institution, Strong),
        ("商会", Institution, Strong),
        ("委员会", Institution, Strong),
        ("管委会", Institution, Strong),
        ("党工委", Institution, Strong),
        ("政府", Institution, Strong),
        ("医院", Institution, Strong),
        ("办公室", Institution, Strong),
        ("厅", Institution, Strong),
        ("局", Institution, Strong),
        ("所", Institution, Strong),
    ]
};

/// Characters that may stand before 厅/局 in the name of a government body.
pub const BUREAU_BEFORE: &str =
    "理督输计务技术信改政社安育健源境建村航管促进商资批据展保利粮气震象业化游体监航运交法审侨宗防";

/// Words at which a name cannot continue to the left: verbs, prepositions, particles,
/// descriptors. The name starts after the rightmost one.
pub const LEFT_STOPS: &[&str] = &[
    "引进",
    "引入",
    "落户",
    // 项目选址某某工业园: where a project is sited.
    "选址",
    "入驻",
    "签约",
    "落地",
    "推动",
    "推进",
    "依托",
    "围绕",
    "加强",
    "建设",
    "打造",
    "设立",
    "成立",
    "组建",
    "共建",
    "合作",
    "联合成立",
    "携手",
    "支持",
    "通过",
    "包括",
    "拥有",
    "形成",
    "带动",
    "吸引",
    "集聚",
    "聚集",
    "培育",
    "位于",
    "来自",
    "源自",
    "源于",
    "出自",
    "走进",
    "走出",
    "作为",
    "成为",
    "是",
    "为",
    "由",
    "与",
    "和",
    "同",
    "跟",
    "在",
    "于",
    "从",
    // ——访某某管委会主任: the interview, not part of the name.
    "访",
    "专访",
    // 某某厅发布全省高新区考核结果: the announcement and its scope.
    "发布",
    "公布",
    "全省",
    "全市",
    // 美的收购德国库卡公司: the acquisition, not part of the name.
    "收购",
    "并购",
    // 批复某某高新区…集群: the approval, not part of the zone's name.
    "批复",
    "批准",
    "授予",
    // 继某某中心之后: after, not part of the name.
    "继",
    // 两大国家高新区: a count of zones, not a name.
    "两大",
    "三大",
    "四大",
    "五大",
    // 主要从事X研发: the verb, not 从 with a name 事X after it.
    "从事",
    "专注于",
    "向",
    "对",
    "把",
    "将",
    "被",
    "让",
    "使",
    "给",
    "等",
    "据",
    "经",
    "有",
    "本次",
    "本届",
    "本报",
    "本地",
    "本市",
    "本区",
    "本省",
    "者",
    "发展",
    "大力发展",
    "重点发展",
    "分别",
    "其",
    "已经",
    "涉及",
    "涵盖",
    "涉及",
    // 深圳市与哈尔滨市两地政府: the governments of both places, no name.
    "两地",
    "三地",
    "多地",
    // 统筹公司在华南的业务: a verb before 公司, no name.
    "统筹",
    // 实验室下设A中心: the units a body has.
    "下设",
    "覆盖",
    "设有",
    // 国务院批复同意某某园区升级…, 实行现行国家高新区的政策.
    "批复",
    "同意",
    "实行",
    "现行",
    "若干",
    "写入",
    "纳入",
    "成长为",
    "改制为",
    "更名为",
    "成为了",
    "的",
    "了",
    "着",
    "也",
    "已",
    "还",
    "都是",
    "都在",
    "都将",
    "都已",
    "又",
    "再",
    "并",
    "而",
    "或",
    "如",
    "像",
    "除",
    "其中",
    "该",
    "这",
    "此次",
    "各",
    "每",
    "以",
    "至",
    "到",
    "随",
    "近日",
    "目前",
    "如今",
    "今年",
    "去年",
    "同时",
    "此外",
    "另外",
    "记者",
    "获悉",
    "了解",
    "表示",
    "介绍",
    "指出",
    "招引",
    "适合",
    "满足",
    "支撑",
    "推出",
    "引领",
    "带领",
    "帮助",
    "助推",
    "发挥",
    "据悉",
    "据了解",
    "参观",
    "考察",
    "调研",
    "举行",
    "召开",
    "举办",
    "开展",
    "实施",
    "启动",
    "完成",
    "实现",
    "加快",
    "促进",
    "提升",
    "聚焦",
    "瞄准",
    "布局",
    "进驻",
    "扎根",
    "投资",
    "牵头",
    "依靠",
    "联手",
    "拟",
    "计划",
    "正式",
    "首个",
    "首家",
    "一批",
    "一家",
    "一个",
    "多家",
    "旗下",
    "前身",
    "改制",
    "相关",
    "负责人",
    "当地",
    "企业",
    "龙头",
    "优质",
    "领军",
    "骨干",
    "知名",
    "行业",
    "配套",
    "特色",
    "以及",
    "及其",
    "即",
    "就",
    "最",
    // 最大海外工业园区: a superlative, not the name's first character.
    "最大",
    "最早",
    "最新",
    "更",
    "很",
    "按照",
    "跻身",
    "奋力",
    "优化",
    "建立",
    "探索",
    "结合",
    "符合",
    "就是",
    "唯一",
    "获",
    "全面",
    "大力",
    "加大",
    "品牌",
    "出台",
    "鼓励",
    "牵引",
    "承载",
    "依据",
    "根据",
    "围绕着",
    "面向",
    "针对",
    "关于",
    "助力",
    "赋能",
    "携手",
    "对接",
    "服务于",
    "隶属",
    "隶属于",
    "主要",
    "重点",
    "分别",
    "获批",
    "挂牌",
    "运行",
    "筹办",
    "陆续",
    "相继",
    "纷纷",
    "先后",
    "正在",
    "加速",
    "不断",
    "持续",
    "积极",
    "全力",
    "努力",
    "进一步",
    "签署",
    "达成",
    "协议",
    "总投资",
    "投资额",
    "此",
    "其",
    "所在",
    "所属",
    "下属",
    "全资",
    "控股子",
    "子公司",
    "母公司",
    "项目",
    "工程",
    "提供",
    "给予",
    "创造",
    "获得",
    "入选",
    "列入",
    "新建",
    "新增",
    "升级",
    "投用",
    "开工",
    "竣工",
    "投产",
    "封顶",
    "启用",
    "揭牌",
    "授牌",
    "命名",
    "认定",
    "评为",
    "成功",
    "做大",
    "做强",
    "做优",
    "做特",
    "壮大",
    "做大做强",
    "正式签约",
    "集中签约",
    "签约入驻",
    "入驻办公",
    "合作设立",
    "迁入",
    "迁至",
    "搬迁至",
    "搬入",
    "联合",
    "共同",
    "一起",
];

/// Words at which a name without a strong suffix stops to the right.
pub const RIGHT_STOPS: &[&str] = &[
    "等", "也", "已", "和", "与", "及", "的", "在", "是", "为", "将", "正", "于", "均", "都",
    "相继", "纷纷", "先后", "陆续", "落户", "入驻", "签约", "扎根", "创造", "设立", "成立", "表示",
    "介绍", "项目", "建设", "投资", "走出", "走进", "打造", "实现", "通过", "带动", "作为", "成为",
    "开展", "提供", "推出", "发布", "研发", "生产", "主营", "专注", "致力", "从事", "深耕", "拥有",
    "获得", "总部", "旗下", "一家", "有限", "股份", "集团", "公司", "以", "率先", "首", "已经",
    "两大", "三大", "四大", "五大", "六大", "七大", "八大", "九大", "十大", "一批",
    // Verbs of cooperation after a partner's name (与某某局深化合作).
    "深化", "加强", "签署", "签订", "携手",
];

/// One-character adverbs that stand between a clause's start and its verb (并与, 还与, 也和):
/// no name's first character, and no subject of the clause.
pub const ADVERBS: &str = "并也还又且而均都已将正";

/// Time words and connectives that open a clause before its subject (今年,公司把…; 目前某某
/// 在园区…).
pub const TIME_OPENERS: &[&str] = &[
    "目前",
    "今年",
    "去年",
    "近日",
    "日前",
    "此前",
    "此后",
    "随后",
    "同时",
    "此外",
    "如今",
    "当前",
    "其中",
    "近年来",
    "未来",
    "下一步",
];

/// Modifiers that make a name generic when nothing else is left (科技创新中心, 国家实验室).
pub const GENERIC: &[&str] = &[
    "科技",
    "创新",
    "研发",
    // 概念验证中心, 中试基地: what a facility does, not its name.
    "概念验证",
    // 海外工业园区: where, not which.
    "海外",
    "中试",
    // 生产和加工基地, 制造基地: what a base does, not its name.
    "加工",
    "生产",
    "制造",
    "封装",
    "测试",
    "组装",
    "总装",
    // 重要生产基地: how much a base matters, not which it is.
    "重要",
    "国家级",
    "国家",
    "省级",
    "市级",
    "区级",
    "综合性",
    "综合",
    "科学",
    "重点",
    "高新技术",
    "高新",
    "产业",
    "新型",
    "公共",
    "服务",
    "技术",
    "创业",
    "孵化",
    "示范",
    "智能",
    "数字",
    "大",
    "新",
    "全",
    "核心",
    "特色",
    "现代",
    "高端",
    "专业",
    "发展",
    "合作",
    "协同",
    "管理",
    "运营",
    "平台",
    "信息",
    "交易",
    "国际",
    "国内",
    "全国",
    "首个",
    "区域",
    "中国",
    "世界",
    "一流",
    "知名",
    "研究",
    "实验",
    "开放",
    "共享",
    "转化",
    "成果",
    "人才",
    "博士后",
    "科研",
    "工作",
    "企业",
    "中小",
    "小型",
    "微型",
    "众创",
    "空间",
    "加速",
    "育成",
    "展示",
    "体验",
    "营销",
    "结算",
    "数据",
    "低碳",
    "绿色",
    "生态",
    "首批",
    "跨国",
    "外资",
    "民营",
    "国有",
    // 央企子公司, 国企: a kind of owner, not a name (子 of 子公司 is the suffix's).
    "央企",
    "国企",
    "民企",
    "外企",
    "子",
    "上市",
    "第一批",
    "高质量",
    "开发",
    "先进",
    "前沿",
    "龙头",
    "优质",
    "总",
    "分",
    "该",
    "本",
    "其",
    "此",
    "这",
    "各",
    "多",
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "院士",
    "专家",
    "领军",
    "主导",
    "战略",
    "新兴",
    "战略性",
    "制造",
    "城市",
    "园",
    "区",
    "工业",
    "行业",
    "经济",
    "社会",
    "政务",
    "文化",
    "旅游",
    "社区",
    "金融",
    "投资",
    "招商",
    "政府",
    "省",
    "市",
    "县",
    "镇",
    "乡",
    "村",
    "东",
    "西",
    "南",
    "北",
    "中",
    "上",
    "下",
    "内",
    "外",
    "相关",
    "有关",
    "部门",
    "单位",
    "机构",
    "组织",
    "集团",
    "公司",
    "中心",
    "基地",
    "科创",
    "双创",
    "产学研",
    "校地",
    "政企",
    "产教",
    "融合",
    "联合",
    "协作",
    "配套",
    "功能",
    "生产",
    "制造业",
    "上下游",
    "驱动",
    "共建",
    "若干",
    "多个",
    "多家",
    "一些",
    "部分",
    "第一流",
    "第一",
    "试点",
    "常态化",
    "大批",
    "一大批",
    "级",
    "层面",
    "环节",
    "体系",
    "载体",
    "要素",
    "资源",
];

/// Generic words that still say what a place's park or body is about (成都新经济产业园).
pub const FIELD_WORDS: &[&str] = &[
    "科技", "创新", "产业", "信息", "数字", "智能", "经济", "文化", "金融", "科学", "技术", "工业",
    "数据", "生态", "低碳", "绿色", "智慧", "制造", "旅游", "社区", "政务", "招商", "投资", "研究",
    "实验", "人才", "双创", "科创",
];

/// Nouns after 等 that tell the type of the items in a list.
pub const LIST_HEADS: &[(&str, EntityType)] = &[
    ("企业", EntityType::Company),
    ("公司", EntityType::Company),
    ("集团", EntityType::Company),
    ("厂商", EntityType::Company),
    ("品牌", EntityType::Company),
    ("高校", EntityType::Institution),
    ("大学", EntityType::Institution),
    ("院校", EntityType::Institution),
    ("院所", EntityType::Institution),
    ("机构", EntityType::Institution),
    ("产业", EntityType::Industry),
    // 在机器视觉、汽车电子等领域: fields named as a focus.
    ("领域", EntityType::Industry),
    ("行业", EntityType::Industry),
    ("园区", EntityType::Zone),
    ("基地", EntityType::Zone),
];

/// Verbs before a list that tell what its items are.
pub const LIST_TRIGGERS: &[(&str, EntityType)] = &[
    ("引进", EntityType::Company),
    ("引入", EntityType::Company),
    ("招引", EntityType::Company),
    ("吸引", EntityType::Company),
    ("围绕", EntityType::Industry),
    ("做强", EntityType::Industry),
    ("做大", EntityType::Industry),
    ("做优", EntityType::Industry),
    ("聚焦", EntityType::Industry),
    ("重点发展", EntityType::Industry),
    ("重点布局", EntityType::Industry),
    ("培育", EntityType::Industry),
    ("壮大", EntityType::Industry),
    ("重点孵化", EntityType::Industry),
];

/// Boundary words that may also stand inside a name (联合光子, 中德合作产业园): when
/// cutting at one leaves too little, the whole window is the name.
pub const SOFT_STOPS: &[&str] = &[
    "联合", "合作", "建设", "企业", "特色", "配套", "重点", "共建", "发展", "和", "与", "同", "为",
    "以",
];

/// Words that contain a boundary word but are not one (数据 holds 据, 经济 holds 经).
pub const PROTECTED: &[&str] = &[
    // 由 is a boundary word, but not in 自由贸易试验区.
    "自由",
    "数据",
    "经济",
    "经营",
    "经开",
    "经贸",
    "经纬",
    "和平",
    "高等",
    "同等",
    "平等",
    "有限",
    "有色",
    "日本",
    "本田",
    "以色列",
    "根据",
    "依据",
    "据点",
    "于都",
    // Research and development centres and engineering physics keep their 与 and 工程
    // (某某研究与发展中心, 中国工程物理研究院).
    // China–Israel parks (中以某某创新园): 以 is the country here.
    "中以",
    // 某某合作区经济发展局: 合作 inside a zone's name.
    "合作区",
    // 投资促进局, 投资促进中心: a body's remit, not the verb 投资.
    "投资促进",
    // 某某投资控股有限公司, 某某投资集团: investment is the firm's trade, inside its name.
    "投资控股",
    "投资集团",
    "投资管理",
    "投资有限",
    "投资股份",
    "研究与发展",
    "研究与开发",
    "研究与试验",
    "工程物理",
    "工程技术",
    "工程研究",
    "对外",
    "向阳",
    "在线",
    "为民",
    "由来",
    "等离子",
    "的士",
    "了解",
    "已知",
    "设有",
    "工程机械",
    "工程装备",
    // Names of disciplines inside a school's name (计算机科学与技术学院).
    "科学与技术",
    "科学与工程",
    "工程与技术",
    "信息与通信",
    "经济与管理",
    "材料与化工",
];

/// Regions outside the divisions of the gazetteer that stand before a company's name
/// (台湾某某集团); see [`DESCRIPTORS`] for countries.
pub const REGIONS: &[&str] = &["中国台湾", "台湾", "中国香港", "香港", "澳门"];

/// The descriptors that may begin `s`: all of [`DESCRIPTORS`], in order, when
/// [`may_begin_descriptor`], else none (the loops that strip them then do nothing).
pub fn descriptors_for(s: &str) -> &'static [&'static str] {
    if may_begin_descriptor(s) {
        DESCRIPTORS
    } else {
        &[]
    }
}

/// Whether a descriptor ([`DESCRIPTORS`]) may begin `s`: its first character begins one.
/// The loops that strip descriptors ran a comparison per descriptor at every name the grammar
/// found, most beginning none.
pub fn may_begin_descriptor(s: &str) -> bool {
    static FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<char> = DESCRIPTORS
            .iter()
            .filter_map(|d| d.chars().next())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    s.chars()
        .next()
        .is_some_and(|c| FIRSTS.binary_search(&c).is_ok())
}

/// Descriptive prefixes cut from the front of a name (特色康养小镇 → 康养小镇).
pub const DESCRIPTORS: &[&str] = &[
    "特色",
    "行业龙头企业",
    "龙头企业",
    "优质企业",
    "知名企业",
    "领军企业",
    "骨干企业",
    "企业",
    "新建",
    "首个",
    "首家",
    // Countries before a foreign company's name (德国博世集团 → 博世集团).
    "德国",
    "美国",
    "日本",
    "法国",
    "英国",
    "韩国",
    "瑞士",
    "荷兰",
    "意大利",
    "瑞典",
    "丹麦",
    "芬兰",
    "以色列",
    "新加坡",
    "加拿大",
    "澳大利亚",
    "奥地利",
    "比利时",
    "西班牙",
    "挪威",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick `contains`, `one_of` and `may_begin_descriptor` against the standard
    /// library's answers: every word of the descriptor and boundary lists, and every piece of
    /// up to six characters of the sample, in every piece of up to 24 characters.
    #[test]
    fn the_quick_tests_answer_as_the_standard_ones() {
        let text = std::fs::read_to_string("data/corpus/000_7926917dce1550ec.txt").unwrap();
        let chars: Vec<(usize, char)> = text.char_indices().take(3000).collect();
        let piece = |i: usize, n: usize| {
            let e = chars.get(i + n).map_or(text.len(), |c| c.0);
            &text[chars[i].0..e]
        };
        let mut words: Vec<&str> = DESCRIPTORS.iter().chain(LEFT_STOPS).copied().collect();
        words.extend(["", "a", "ab", "园", "园区", "高新区", "ab园区cd"]);
        let (mut found, mut tried) = (0, 0);
        for i in (0..chars.len().saturating_sub(24)).step_by(7) {
            let hay = piece(i, 24);
            for n in 1..=6 {
                words.push(piece(i + 3, n));
            }
            for h in [hay, piece(i, 12), piece(i, 5), piece(i, 1), ""] {
                for w in &words {
                    assert_eq!(contains(h, w), h.contains(w), "{h:?} {w:?}");
                    found += usize::from(h.contains(w));
                    tried += 1;
                }
                for c in "个家所项a,。".chars() {
                    assert_eq!(one_of(h, c), h.contains(c), "{h:?} {c}");
                }
                assert_eq!(
                    may_begin_descriptor(h),
                    DESCRIPTORS
                        .iter()
                        .any(|d| h.starts_with(d.chars().next().unwrap())),
                    "{h:?}"
                );
            }
            words.truncate(words.len() - 6);
        }
        assert!(found > 1000 && found < tried, "{found} of {tried}");
    }

    /// The double-array automaton against the `aho-corasick` crate's, on the gazetteer's
    /// names (which repeat some words) and the sample's text cut at every sentence: the
    /// same leftmost-longest, anchored and overlapping matches, and the same word index.
    #[test]
    fn dict_finds_what_aho_corasick_finds() {
        use aho_corasick::{
            AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind,
        };
        let gaz = &*crate::gazetteer::GAZETTEER;
        let mut words: Vec<&str> = gaz.surfaces.iter().map(|s| s.text.as_str()).collect();
        // A word given twice is found as its first occurrence.
        words.push(words[0]);
        words.push("高新区");
        words.push("高新区");
        let longest = Dict::new(words.iter().copied(), daachorse::MatchKind::LeftmostLongest);
        let standard = Dict::new(words.iter().copied(), daachorse::MatchKind::Standard);
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&words)
            .unwrap();
        let ac_std = AhoCorasick::new(&words).unwrap();
        let text = std::fs::read_to_string("data/corpus/000_7926917dce1550ec.txt").unwrap();
        let mut checked = 0;
        for (i, _) in text.match_indices(['。', '，', '\n']) {
            let t = &text[i..];
            let t = &t[..t.char_indices().nth(80).map_or(t.len(), |(k, _)| k)];
            let ours: Vec<_> = longest
                .find_iter(t)
                .map(|m| (m.start(), m.end(), m.pattern()))
                .collect();
            let theirs: Vec<_> = ac
                .find_iter(t)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            assert_eq!(ours, theirs, "{t}");
            for (k, _) in t.char_indices() {
                let ours = longest.at_start(&t[k..]).map(|m| (m.end(), m.pattern()));
                let theirs = ac
                    .find(Input::new(&t[k..]).anchored(Anchored::Yes))
                    .map(|m| (m.end(), m.pattern().as_usize()));
                assert_eq!(ours, theirs, "{}", &t[k..]);
                checked += usize::from(ours.is_some());
            }
            assert_eq!(
                standard.find(t).map(|m| (m.start(), m.end())),
                ac_std.find(t).map(|m| (m.start(), m.end())),
                "{t}"
            );
            let mut ours: Vec<_> = standard
                .find_overlapping_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            let mut theirs: Vec<_> = ac_std
                .find_overlapping_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            ours.sort_unstable();
            ours.dedup();
            theirs.sort_unstable();
            theirs.dedup();
            assert_eq!(ours, theirs, "{t}");
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn the_quick_searches_answer_as_the_standard_ones() {
        let texts = [
            "",
            "园区",
            "某某园区与园区企业共同建设园区",
            "共同共同",
            "abc园区",
        ];
        let words = ["园区", "共同", "区与", "园", "x", ""];
        for t in texts {
            for w in words {
                assert_eq!(find(t, w), t.find(w), "{t} {w}");
                assert_eq!(rfind(t, w), t.rfind(w), "{t} {w}");
                let quick: Vec<_> = match_indices(t, w).collect();
                let std: Vec<_> = t.match_indices(w).collect();
                assert_eq!(quick, std, "{t} {w}");
            }
        }
    }

    /// A word list's one pass gives what a search per word gives, words listed twice (one
    /// list made of several) included: each occurrence under each of the word's indices.
    #[test]
    fn a_word_list_finds_each_word_under_each_index() {
        static LIST: &[&str] = &["园区", "共同", "园", "园区", "x", "共同"];
        static WORDS: WordList = WordList::new(|| automaton(LIST.iter().copied()));
        for t in [
            "",
            "园区",
            "某某园区与园区企业共同建设园区",
            "共同共同",
            "abc园区x",
        ] {
            let mut per_word: Vec<(usize, usize)> = Vec::new();
            let mut first_last = Vec::new();
            for (k, w) in LIST.iter().enumerate() {
                per_word.extend(t.match_indices(w).map(|(i, _)| (k, i)));
                first_last.push(t.find(w).zip(t.rfind(w)));
            }
            assert_eq!(WORDS.hits(t), per_word, "{t}");
            assert_eq!(WORDS.first_and_last(t), first_last, "{t}");
            assert_eq!(WORDS.any_in(t), !per_word.is_empty(), "{t}");
            let parts = WORDS.hits_of_parts(t, &[3, 3]);
            let (a, b): (Vec<_>, Vec<_>) = per_word.iter().partition(|(k, _)| *k < 3);
            assert_eq!(parts[0], a, "{t}");
            let b: Vec<_> = b.into_iter().map(|(k, i)| (k - 3, i)).collect();
            assert_eq!(parts[1], b, "{t}");
        }
    }
}
