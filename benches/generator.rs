//! A seeded, deterministic generator of articles in the style of the sample, with invented
//! company, park and institute names drawn from its own syllables (never the sample's names),
//! real cities, provinces, universities and industry terms from the project's gazetteers and
//! lexicon (Zipf-weighted, so that large corpora have hubs and a long tail), and gold
//! annotations in the eval format.
//!
//! Used by `benches/pipeline.rs` and by `cargo run --release --example gen_corpus`.
#![allow(dead_code)]

use std::fmt::Write;

const SYLLABLES: &[&str] = &[
    "星", "云", "蓝", "青", "鸿", "瑞", "恒", "泰", "嘉", "博", "远", "卓", "创", "联", "信", "智",
    "航", "宇", "海", "天", "正", "达", "源", "晟", "铭", "睿", "启", "腾", "凯", "润", "峰", "辰",
    "澜", "骏", "曜", "昊", "芯", "锐", "朗", "衡",
];
const BUSINESS: &[&str] = &[
    "科技",
    "电子",
    "光电",
    "医药",
    "智能",
    "微电子",
    "新材料",
    "生物科技",
    "信息技术",
];
const LEGAL: &[&str] = &[
    "有限公司",
    "股份有限公司",
    "集团",
    "科技集团",
    "有限责任公司",
];
/// Industries: the project's lexicon terms of the nine strategic emerging industry categories,
/// minus those inside a longer term (so that each gold industry has one reading).
const INDUSTRY_TERMS: &str = include_str!("../data/industry_terms.tsv");
/// Cities and provinces: NBS administrative divisions (prefecture-level cities named …市).
const CITIES_CSV: &str = include_str!("../data/gazetteer/admin-divisions/cities.csv");
const PROVINCES_CSV: &str = include_str!("../data/gazetteer/admin-divisions/provinces.csv");
/// Universities: the gazetteer's 2,931 universities.
const UNIVERSITIES_TSV: &str = include_str!("../data/gazetteer/universities.tsv");
const FILLER: &[&str] = &[
    "近年来,当地坚持创新驱动发展,持续优化营商环境,推动产业链、创新链、人才链深度融合。",
    "今年前三季度,园区规模以上工业增加值同比增长12.5%,固定资产投资保持两位数增长。",
    "下一步,将进一步完善配套服务体系,加快推进重大项目建设,为高质量发展注入新动能。",
    "据介绍,园区已建成标准厂房50余万平方米,人才公寓、配套学校等设施陆续投用。",
    "与会人员表示,将以此次签约为契机,深化务实合作,实现互利共赢。",
];

/// One generated article with its gold rows.
pub struct Generated {
    /// The article text, starting with a `## ` heading.
    pub text: String,
    /// Gold entity rows: (type, canonical, surfaces).
    pub entities: Vec<(&'static str, String, String)>,
    /// Gold relation rows: (subject, predicate, object, required).
    pub relations: Vec<(String, &'static str, String, bool)>,
}

/// A vocabulary sampled with Zipf-like weights (1 / (rank + offset)) over a seeded order:
/// news concentrates on some cities, industries and universities and mentions a long tail of
/// others, so a large corpus has both hubs and ordinary entities, as real ones do.
struct Zipf<T> {
    items: Vec<T>,
    cumulative: Vec<f64>,
}

impl<T: Clone> Zipf<T> {
    fn new(mut items: Vec<T>, offset: f64, rng: &mut fastrand::Rng) -> Self {
        rng.shuffle(&mut items);
        let mut total = 0.0;
        let cumulative = (0..items.len())
            .map(|r| {
                total += 1.0 / (r as f64 + offset);
                total
            })
            .collect();
        Zipf { items, cumulative }
    }

    fn sample(&self, rng: &mut fastrand::Rng) -> T {
        let x = rng.f64() * self.cumulative.last().copied().unwrap_or(0.0);
        let i = self
            .cumulative
            .partition_point(|&c| c <= x)
            .min(self.items.len() - 1);
        self.items[i].clone()
    }
}

fn industries() -> Vec<&'static str> {
    let terms: Vec<&str> = INDUSTRY_TERMS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("term\t"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let term = f.next()?;
            let cat: u32 = f.next()?.trim().parse().ok()?;
            (1..=9).contains(&cat).then_some(term)
        })
        .collect();
    terms
        .iter()
        .copied()
        .filter(|t| !terms.iter().any(|o| o != t && o.contains(t)))
        .collect()
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches('"')
}

/// (city without 市, province) for prefecture-level cities named …市, leaving out those whose
/// short name is also a province's (吉林).
fn cities() -> Vec<(&'static str, &'static str)> {
    let provinces: std::collections::HashMap<&str, &str> = PROVINCES_CSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(',').map(|(c, n)| (c.trim(), unquote(n))))
        .collect();
    let short = |p: &str| {
        p.trim_end_matches('省')
            .trim_end_matches('市')
            .chars()
            .take(2)
            .collect::<String>()
    };
    CITIES_CSV
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split(',');
            let _code = f.next()?;
            let name = unquote(f.next()?);
            let province = *provinces.get(f.next()?.trim())?;
            let city = name.strip_suffix('市')?;
            let clash = provinces.values().any(|p| short(p) == city);
            (city.chars().count() >= 2 && name != "市辖区" && !clash).then_some((city, province))
        })
        .collect()
}

fn universities() -> Vec<&'static str> {
    UNIVERSITIES_TSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .filter(|n| n.ends_with("大学"))
        .collect()
}

/// The generator: deterministic for a seed.
pub struct Generator {
    rng: fastrand::Rng,
    cities: Zipf<(&'static str, &'static str)>,
    industries: Zipf<&'static str>,
    universities: Zipf<&'static str>,
    /// Company stems used so far: each invented company has its own, so that gold surfaces
    /// are unambiguous across the corpus.
    used: std::collections::HashSet<String>,
}

/// About 1 MB of articles (UTF-8), deterministic: the text of the pipeline benchmark and of
/// `examples/extract_1mb.rs`.
pub fn one_megabyte() -> String {
    let mut g = Generator::new(2026);
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1_000_000 {
        i += 1;
        text.push_str(&g.article(i, 6).text);
    }
    text
}

impl Generator {
    /// A generator with its seed.
    pub fn new(seed: u64) -> Self {
        // The vocabularies' order comes from a fixed seed, so that corpora of different
        // sizes and seeds share their hubs.
        let mut order = fastrand::Rng::with_seed(2018);
        Generator {
            cities: Zipf::new(cities(), 5.0, &mut order),
            industries: Zipf::new(industries(), 3.0, &mut order),
            universities: Zipf::new(universities(), 10.0, &mut order),
            rng: fastrand::Rng::with_seed(seed),
            used: std::collections::HashSet::new(),
        }
    }

    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.rng.usize(..v.len())]
    }

    fn proper(&mut self) -> String {
        let a = self.pick(SYLLABLES);
        let mut b = self.pick(SYLLABLES);
        while b == a {
            b = self.pick(SYLLABLES);
        }
        format!("{a}{b}")
    }

    /// One article about one zone, about `filler` filler sentences long.
    pub fn article(&mut self, n: usize, filler: usize) -> Generated {
        let (city, province) = self.cities.sample(&mut self.rng);
        let zone = format!("{city}高新区");
        let park = format!(
            "{city}{}{}产业园",
            self.proper(),
            self.industries.sample(&mut self.rng)
        );
        let inds: Vec<&str> = (0..3)
            .map(|_| self.industries.sample(&mut self.rng))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut companies: Vec<(String, String)> = Vec::new();
        for _ in 0..3 {
            let mut stem = format!("{}{}", self.proper(), self.pick(BUSINESS));
            while self.used.contains(&stem) {
                let extra = self.pick(SYLLABLES);
                stem = format!("{extra}{stem}");
            }
            self.used.insert(stem.clone());
            let full = format!("{city}{stem}{}", self.pick(LEGAL));
            if companies.iter().all(|(f, s)| *f != full && *s != stem) {
                companies.push((full, stem));
            }
        }
        let uni = self.universities.sample(&mut self.rng);
        let inst = format!("{city}{}研究院", self.proper());
        let mut g = Generated {
            text: String::new(),
            entities: Vec::new(),
            relations: Vec::new(),
        };
        let t = &mut g.text;
        let _ = writeln!(t, "## {zone}第{n}期:{}产业集聚发展\n", inds[0]);
        let _ = writeln!(t, "► 本报记者 {}\n", self.proper());
        let _ = write!(
            t,
            "本报讯 近日,{}正式签约入驻{park},{zone}{}产业再添新军。",
            companies[0].0, inds[0]
        );
        let _ = writeln!(
            t,
            "{}是一家专注于{}领域的高新技术企业。\n",
            companies[0].1, inds[0]
        );
        for _ in 0..filler {
            let f = self.pick(FILLER);
            let _ = write!(t, "{f}");
        }
        let _ = writeln!(t, "\n");
        let others: Vec<&str> = companies.iter().skip(1).map(|c| c.0.as_str()).collect();
        let _ = writeln!(
            t,
            "近年来,{zone}围绕{}等主导产业,陆续引进{}等龙头企业。\n",
            inds.join("、"),
            others.join("、")
        );
        let _ = writeln!(t, "此外,{zone}与{uni}合作共建{inst},首批科研团队已入驻。\n");
        // Gold.
        g.entities.push(("Zone", zone.clone(), zone.clone()));
        g.entities.push(("Zone", park.clone(), park.clone()));
        g.entities
            .push(("Place", city.to_string(), format!("{city}|{city}市")));
        g.entities
            .push(("Institution", uni.to_string(), uni.to_string()));
        g.entities.push(("Institution", inst.clone(), inst.clone()));
        for i in &inds {
            g.entities.push(("Industry", i.to_string(), i.to_string()));
            g.relations
                .push((zone.clone(), "hasIndustry", i.to_string(), true));
        }
        for (k, (full, stem)) in companies.iter().enumerate() {
            g.entities
                .push(("Company", full.clone(), format!("{full}|{stem}")));
            let host = if k == 0 {
                format!("{park}|{zone}")
            } else {
                zone.clone()
            };
            g.relations.push((full.clone(), "settledIn", host, true));
            // True and derivable from the name, but not what the article is about: optional.
            g.relations
                .push((full.clone(), "locatedIn", city.to_string(), false));
        }
        g.relations.push((
            companies[0].0.clone(),
            "inIndustry",
            inds[0].to_string(),
            true,
        ));
        g.relations
            .push((zone.clone(), "locatedIn", city.to_string(), true));
        g.relations
            .push((park.clone(), "partOf", zone.clone(), true));
        g.relations
            .push((park.clone(), "locatedIn", city.to_string(), false));
        g.relations
            .push((zone.clone(), "cooperatesWith", uni.to_string(), true));
        g.relations
            .push((inst.clone(), "settledIn", zone.clone(), false));
        g.relations
            .push((inst.clone(), "locatedIn", city.to_string(), false));
        g.entities
            .push(("Place", province.to_string(), province.to_string()));
        g.relations
            .push((city.to_string(), "locatedIn", province.to_string(), false));
        for i in self.industries.items.iter() {
            if park.contains(i) {
                if !inds.contains(i) {
                    g.entities.push(("Industry", i.to_string(), i.to_string()));
                }
                g.relations
                    .push((park.clone(), "hasIndustry", i.to_string(), false));
            }
        }
        g
    }
}
