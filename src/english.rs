//! English labels by rule, for entities no gazetteer names in English.
//!
//! Places and proper names are written in pinyin, known words and suffixes are translated:
//! 郑州白鹭湖物联网产业园 → Zhengzhou Bailuhu IoT Industrial Park, 武清区 → Wuqing
//! District. Labels made here are marked as rule-made in the RDF (`zkg:ruleMadeLabel`).

use crate::gazetteer::{PlaceLevel, GAZETTEER};
use crate::model::EntityType;
use pinyin::ToPinyin;
use std::sync::LazyLock;

/// Words and suffixes with their English; longer entries win.
const WORDS: &[(&str, &str)] = &[
    (
        "高新技术产业开发区",
        "High-tech Industrial Development Zone",
    ),
    (
        "经济技术开发区",
        "Economic and Technological Development Zone",
    ),
    ("高新区", "High-tech Zone"),
    ("经开区", "Economic Development Zone"),
    ("开发区", "Development Zone"),
    ("科学城", "Science City"),
    ("科技城", "Science and Technology City"),
    ("产业园区", "Industrial Park"),
    ("工业园区", "Industrial Park"),
    ("科技园区", "Science Park"),
    ("产业园", "Industrial Park"),
    ("科技园", "Science Park"),
    ("工业园", "Industrial Park"),
    ("软件园", "Software Park"),
    ("创业园", "Entrepreneurship Park"),
    ("产业基地", "Industrial Base"),
    ("基地", "Base"),
    ("小镇", "Town"),
    ("示范区", "Demonstration Zone"),
    ("试验区", "Pilot Zone"),
    ("集聚区", "Cluster"),
    ("生态城", "Eco-City"),
    ("大走廊", "Corridor"),
    ("园区", "Park"),
    ("股份有限公司", "Co., Ltd."),
    ("有限责任公司", "Co., Ltd."),
    ("有限公司", "Co., Ltd."),
    ("分公司", "Branch"),
    ("公司", "Company"),
    ("集团", "Group"),
    ("基金", "Fund"),
    ("银行", "Bank"),
    ("总部", "Headquarters"),
    ("科技", "Technology"),
    ("微电子", "Microelectronics"),
    ("光电", "Optoelectronics"),
    ("电子", "Electronics"),
    ("半导体", "Semiconductor"),
    ("软件", "Software"),
    ("智能", "Intelligent"),
    ("信息", "Information"),
    ("网络", "Network"),
    ("通信", "Communications"),
    ("医药", "Pharmaceutical"),
    ("制药", "Pharmaceutical"),
    ("生物", "Biotech"),
    ("汽车", "Automobile"),
    ("电动车", "Electric Vehicle"),
    ("能源", "Energy"),
    ("材料", "Materials"),
    ("机械", "Machinery"),
    ("装备", "Equipment"),
    ("重工", "Heavy Industry"),
    ("化工", "Chemical"),
    ("实业", "Industrial"),
    ("控股", "Holdings"),
    ("传媒", "Media"),
    ("教育", "Education"),
    ("物流", "Logistics"),
    ("陶瓷", "Ceramics"),
    ("电器", "Appliances"),
    ("电气", "Electric"),
    ("航空", "Aviation"),
    ("航天", "Aerospace"),
    ("财险", "Property Insurance"),
    ("证券", "Securities"),
    ("保险", "Insurance"),
    ("大学", "University"),
    ("职业大学", "Vocational University"),
    ("学院", "College"),
    ("研究院", "Research Institute"),
    ("研究所", "Research Institute"),
    ("研究中心", "Research Center"),
    ("科学院", "Academy of Sciences"),
    ("工程院", "Academy of Engineering"),
    ("分院", "Branch"),
    ("实验室", "Laboratory"),
    ("中心", "Center"),
    ("联盟", "Alliance"),
    ("协会", "Association"),
    ("分会", "Branch"),
    ("学会", "Society"),
    ("商会", "Chamber of Commerce"),
    ("委员会", "Committee"),
    ("管委会", "Administrative Committee"),
    ("党工委", "Party Working Committee"),
    ("省委", "Provincial Party Committee"),
    ("委", "Party Committee"),
    ("及", "and"),
    ("市委", "Municipal Party Committee"),
    ("政府", "Government"),
    ("医院", "Hospital"),
    ("办公室", "Office"),
    ("民政厅", "Department of Civil Affairs"),
    ("科技厅", "Department of Science and Technology"),
    ("厅", "Department"),
    ("局", "Bureau"),
    ("物联网", "IoT"),
    ("大数据", "Big Data"),
    ("人工智能", "AI"),
    ("国际", "International"),
    ("中国", "China"),
    ("国家", "National"),
    ("全国", "National"),
    ("文化", "Culture"),
    ("文创", "Cultural and Creative"),
    ("创新", "Innovation"),
    ("产业", "Industry"),
    ("人才培养", "Talent Development"),
    ("人才", "Talent"),
    ("运营", "Operations"),
    ("研发", "R&D"),
    ("服务", "Services"),
    ("互联网", "Internet"),
    ("数字", "Digital"),
    ("智慧", "Smart"),
    ("生命科学", "Life Sciences"),
    ("大健康", "Health"),
    ("西部", "Western"),
    ("东部", "Eastern"),
    ("中部", "Central"),
    ("北部", "Northern"),
    ("南部", "Southern"),
    ("中德", "Sino-German"),
    ("中外", "Sino-foreign"),
    ("项目", "Project"),
    ("平台", "Platform"),
    ("技术", "Technology"),
    ("工程", "Engineering"),
    ("数控机床", "CNC Machine Tools"),
];

/// Readings of characters whose most common reading is wrong in names (重庆, 长沙, 厦门).
const NAME_READINGS: &[(char, &str)] = &[
    ('长', "chang"),
    ('重', "chong"),
    ('厦', "xia"),
    ('藏', "zang"),
    ('蚌', "beng"),
    ('都', "du"),
];

struct Dict {
    ac: crate::lexicon::Dict,
    words: Vec<(String, String)>,
}

static DICT: LazyLock<Dict> = LazyLock::new(|| {
    let mut words: Vec<(String, String)> = WORDS
        .iter()
        .map(|(z, e)| (z.to_string(), e.to_string()))
        .collect();
    // Industry terms with their English names from the lexicon.
    for e in GAZETTEER
        .entries
        .iter()
        .filter(|e| e.etype == EntityType::Industry)
    {
        if let Some(en) = &e.en {
            for z in std::iter::once(&e.label).chain(e.aliases.iter()) {
                if !words.iter().any(|(w, _)| w == z) {
                    let en = en
                        .trim_end_matches(" industry")
                        .trim_end_matches(" Industry");
                    words.push((z.clone(), title_case(en)));
                }
            }
        }
    }
    // Place names (strict forms) in pinyin.
    for (name, &i) in &GAZETTEER.places_strict {
        let e = &GAZETTEER.entries[i];
        if name != &e.label || e.level.is_none() {
            continue;
        }
        words.push((name.clone(), place_english(&e.label, e.level)));
        for a in &e.aliases {
            words.push((a.clone(), pinyin_word(a)));
        }
    }
    let ac = crate::lexicon::Dict::new(
        words.iter().map(|(z, _)| z.as_str()),
        daachorse::MatchKind::LeftmostLongest,
    );
    Dict { ac, words }
});

/// Capitalizes the words of an English name, leaving short function words.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if w.len() > 3 || !["and", "of", "the"].contains(&w) => {
                    f.to_uppercase().collect::<String>() + c.as_str()
                }
                Some(f) => f.to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ideographs in pinyin, as one capitalized word: 白鹭湖 → Bailuhu.
pub fn pinyin_word(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let syl = NAME_READINGS
            .iter()
            .find(|(ch, _)| *ch == c)
            .map(|(_, r)| r.to_string())
            .or_else(|| c.to_pinyin().map(|p| p.plain().to_string()))
            .unwrap_or_else(|| c.to_string());
        out.push_str(&syl);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().collect::<String>() + chars.as_str(),
        None => out,
    }
}

fn place_english(label: &str, level: Option<PlaceLevel>) -> String {
    let strip = |s: &str, sufs: &[&str]| -> String {
        for suf in sufs {
            if let Some(x) = s.strip_suffix(suf) {
                if x.chars().count() >= 2 {
                    return x.to_string();
                }
            }
        }
        s.to_string()
    };
    match level {
        Some(PlaceLevel::Province) => {
            let stem = strip(
                label,
                &[
                    "维吾尔自治区",
                    "壮族自治区",
                    "回族自治区",
                    "特别行政区",
                    "自治区",
                    "省",
                    "市",
                ],
            );
            if label.ends_with('省') {
                format!("{} Province", pinyin_word(&stem))
            } else {
                pinyin_word(&stem)
            }
        }
        Some(PlaceLevel::City) => pinyin_word(&strip(label, &["市", "地区"])),
        _ => {
            if let Some(stem) = label.strip_suffix('区').filter(|s| s.chars().count() >= 2) {
                format!("{} District", pinyin_word(stem))
            } else if let Some(stem) = label.strip_suffix('县').filter(|s| s.chars().count() >= 2)
            {
                format!("{} County", pinyin_word(stem))
            } else {
                pinyin_word(&strip(label, &["市"]))
            }
        }
    }
}

/// An English rendering of a Chinese name by rule.
pub fn render(label: &str, etype: EntityType) -> String {
    if label.is_ascii() {
        return label.to_string();
    }
    if etype == EntityType::Place {
        if let Some(e) = GAZETTEER.place(label) {
            return place_english(&e.label, e.level);
        }
    }
    let d = &*DICT;
    let mut parts: Vec<String> = Vec::new();
    let mut pos = 0;
    let flush_proper = |s: &str, parts: &mut Vec<String>| {
        let mut run = String::new();
        for c in s.chars() {
            if c.is_ascii_alphanumeric() || c == '-' {
                run.push(c);
            } else if crate::normalize::is_cjk(c) {
                let mut buf = [0u8; 4];
                let w = pinyin_word(c.encode_utf8(&mut buf));
                if run.is_empty() {
                    run = w;
                } else {
                    run.push_str(&w.to_lowercase());
                }
            } else if !run.is_empty() {
                parts.push(std::mem::take(&mut run));
                if c == '(' || c == ')' {
                    parts.push(c.to_string());
                }
            } else if c == '(' || c == ')' {
                parts.push(c.to_string());
            }
        }
        if !run.is_empty() {
            parts.push(run);
        }
    };
    for m in d.ac.find_iter(label) {
        if m.start() > pos {
            flush_proper(&label[pos..m.start()], &mut parts);
        }
        parts.push(d.words[m.pattern()].1.clone());
        pos = m.end();
    }
    if pos < label.len() {
        flush_proper(&label[pos..], &mut parts);
    }
    let mut out = parts.join(" ");
    out = out.replace("( ", "(").replace(" )", ")");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_places_proper_names_and_suffixes() {
        assert_eq!(
            render("郑州白鹭湖物联网产业园", EntityType::Zone),
            "Zhengzhou Bailuhu IoT Industrial Park"
        );
        assert_eq!(render("武清区", EntityType::Place), "Wuqing District");
        assert_eq!(render("河南省", EntityType::Place), "Henan Province");
        assert_eq!(render("重庆市", EntityType::Place), "Chongqing");
        assert_eq!(
            render("青岚高新区", EntityType::Zone),
            "Qinglan High-tech Zone"
        );
        assert_eq!(
            render("长风汽车重庆分公司", EntityType::Company),
            "Changfeng Automobile Chongqing Branch"
        );
        assert_eq!(
            render("东部(重庆)科学城", EntityType::Zone),
            "Eastern (Chongqing) Science City"
        );
        assert_eq!(
            render("集成电路", EntityType::Industry),
            "Integrated Circuits"
        );
    }
}
