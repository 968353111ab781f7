//! Gazetteers: well-known public entities, embedded from `data/`.
//!
//! Input: the TSV/CSV files under `data/gazetteer/` (each names its source) and
//! `data/industry_terms.tsv`. Output: a [`Gazetteer`] of entries with type, canonical
//! label, aliases, English name, place and parent, plus the place hierarchy used to
//! derive `locatedIn` from names.

use crate::model::EntityType;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// How an entry may be used when scanning free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// Every occurrence is a mention.
    Always,
    /// Only in an industry context (`…产业`, lists): short, generic industry words.
    Context,
    /// Only where a name may end right after it (2-character abbreviations: 北大 but not 重大项目).
    Bounded,
    /// Never scanned; used only to resolve names found by grammar.
    Never,
}

/// The administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceLevel {
    /// Province, municipality, autonomous region.
    Province,
    /// Prefecture-level city.
    City,
    /// District or county.
    District,
}

/// One well-known entity.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its type.
    pub etype: EntityType,
    /// Canonical Chinese label.
    pub label: String,
    /// Known English name.
    pub en: Option<String>,
    /// Other names (short forms, abbreviations, English acronyms).
    pub aliases: Vec<String>,
    /// The canonical label of the place it is located in.
    pub place: Option<String>,
    /// The canonical label of its parent organization.
    pub parent: Option<String>,
    /// Industry category label (for industry terms).
    pub category: Option<String>,
    /// For places: the level.
    pub level: Option<PlaceLevel>,
}

/// A surface form usable for scanning text.
#[derive(Debug, Clone)]
pub struct Surface {
    /// The text to look for.
    pub text: String,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// How it may be used.
    pub scan: Scan,
}

/// All embedded gazetteers.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// The entries.
    pub entries: Vec<Entry>,
    /// Scannable surface forms.
    pub surfaces: Vec<Surface>,
    /// Every name (label or alias, any scan mode) → entries with that name.
    pub by_name: HashMap<String, Vec<usize>>,
    /// Place names incl. short forms → entry (provinces first, then cities, districts).
    pub places: HashMap<String, usize>,
    /// Place names safe to recognize inside other names: no district short forms.
    pub places_strict: HashMap<String, usize>,
    /// Known English names, from `english_names.tsv` (zh name → en), used only for labels.
    pub english: HashMap<String, String>,
    /// The nine strategic emerging industry categories (entry indices, in order).
    pub categories: Vec<usize>,
    /// For the first two characters of the names in `places_strict`, their lengths in bytes,
    /// longest first: [`Gazetteer::place_prefix`] tries only those.
    place_lens: HashMap<(char, char), Vec<usize>>,
}

macro_rules! data {
    ($p:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $p))
    };
}

/// The embedded gazetteer, parsed once.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::embedded);

fn tsv(text: &str) -> impl Iterator<Item = HashMap<&str, &str>> {
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    lines.map(move |l| header.iter().copied().zip(l.split('\t')).collect())
}

fn csv(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().skip(1).map(|l| {
        l.split(',')
            .map(|c| c.trim_matches('"').to_string())
            .collect()
    })
}

/// The non-empty items of a `|`-separated column (`短名1|短名2`).
fn pipe_list(row: &HashMap<&str, &str>, column: &str) -> Vec<String> {
    row.get(column)
        .unwrap_or(&"")
        .split('|')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn nonempty(s: Option<&&str>) -> Option<String> {
    s.map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Short form of a province name: 河南省 → 河南, 广西壮族自治区 → 广西.
pub fn province_short(name: &str) -> Option<String> {
    for suf in [
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "特别行政区",
        "自治区",
        "省",
        "市",
    ] {
        if let Some(s) = name.strip_suffix(suf) {
            if s.chars().count() >= 2 {
                return Some(s.to_string());
            }
        }
    }
    None
}

/// Short form of a city or district name: 郑州市 → 郑州, 武清区 → 武清.
pub fn locality_short(name: &str) -> Option<String> {
    for suf in ["市", "区", "县", "地区", "盟"] {
        if let Some(s) = name.strip_suffix(suf) {
            // 浦东新区 has no short form 浦东新; 阜新市 has 阜新.
            if s.chars().count() >= 2 && !s.ends_with("自治") && !(suf == "区" && s.ends_with('新'))
            {
                return Some(s.to_string());
            }
        }
    }
    None
}

impl Gazetteer {
    fn add(&mut self, e: Entry) -> usize {
        let i = self.entries.len();
        self.entries.push(e);
        i
    }

    fn surface(&mut self, text: &str, entry: usize, scan: Scan) {
        let text = text.trim();
        if text.chars().count() < 2 {
            return;
        }
        let list = self.by_name.entry(text.to_string()).or_default();
        if !list.contains(&entry) {
            list.push(entry);
        }
        if scan != Scan::Never {
            self.surfaces.push(Surface {
                text: text.to_string(),
                entry,
                scan,
            });
        }
    }

    /// Builds the gazetteer from the files embedded at compile time.
    pub fn embedded() -> Self {
        let mut g = Gazetteer::default();
        g.load_places();
        g.load_zones();
        g.load_orgs();
        g.load_industries();
        for row in tsv(data!("gazetteer/english_names.tsv")) {
            let (Some(zh), Some(en)) = (row.get("name_zh"), row.get("name_en")) else {
                continue;
            };
            let en = en.split(" (").next().unwrap_or(en).trim().to_string();
            for name in zh.split(" / ") {
                let name = name.split(" (").next().unwrap_or(name).trim();
                if !name.is_empty() && !en.is_empty() {
                    g.english.insert(name.to_string(), en.clone());
                }
            }
        }
        // Ambiguous surfaces (one text, several entries of one type) are not scanned.
        for name in g.places_strict.keys() {
            let mut cs = name.chars();
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                g.place_lens.entry((a, b)).or_default().push(name.len());
            }
        }
        for lens in g.place_lens.values_mut() {
            lens.sort_unstable_by(|a, b| b.cmp(a));
            lens.dedup();
        }
        g
    }

    fn load_places(&mut self) {
        let provinces: Vec<Vec<String>> =
            csv(data!("gazetteer/admin-divisions/provinces.csv")).collect();
        let cities: Vec<Vec<String>> = csv(data!("gazetteer/admin-divisions/cities.csv")).collect();
        let areas: Vec<Vec<String>> = csv(data!("gazetteer/admin-divisions/areas.csv")).collect();
        let mut prov_name: HashMap<String, String> = HashMap::default();
        let mut city_name: HashMap<String, String> = HashMap::default();
        for p in &provinces {
            let (code, name) = (&p[0], &p[1]);
            prov_name.insert(code.clone(), name.clone());
            let short = province_short(name);
            let i = self.add(Entry {
                etype: EntityType::Place,
                label: name.clone(),
                en: None,
                aliases: short.iter().cloned().collect(),
                place: None,
                parent: None,
                category: None,
                level: Some(PlaceLevel::Province),
            });
            self.surface(name, i, Scan::Always);
            self.places.insert(name.clone(), i);
            self.places_strict.insert(name.clone(), i);
            if let Some(s) = short {
                self.surface(&s, i, Scan::Always);
                self.places.insert(s.clone(), i);
                self.places_strict.insert(s, i);
            }
        }
        for c in &cities {
            let (code, name, pcode) = (&c[0], &c[1], &c[2]);
            let prov = prov_name.get(pcode).cloned();
            if name == "市辖区" || name == "县" || name.contains("直辖") {
                if let Some(p) = &prov {
                    city_name.insert(code.clone(), p.clone());
                }
                continue;
            }
            city_name.insert(code.clone(), name.clone());
            let short = locality_short(name);
            let i = self.add(Entry {
                etype: EntityType::Place,
                label: name.clone(),
                en: None,
                aliases: short.iter().cloned().collect(),
                place: prov,
                parent: None,
                category: None,
                level: Some(PlaceLevel::City),
            });
            self.surface(name, i, Scan::Always);
            self.places.entry(name.clone()).or_insert(i);
            self.places_strict.entry(name.clone()).or_insert(i);
            if let Some(s) = short {
                self.surface(&s, i, Scan::Always);
                self.places.entry(s.clone()).or_insert(i);
                self.places_strict.entry(s).or_insert(i);
            }
        }
        for a in &areas {
            let (code, name, ccode) = (&a[0], &a[1], &a[2]);
            let parent = city_name.get(ccode).cloned();
            let dev_zone = code.len() == 6 && code.as_bytes()[4] == b'7';
            if dev_zone
                || name.ends_with("开发区")
                || name.ends_with("园区")
                || name.ends_with("示范区")
            {
                // NBS lists development zones among the county-level units: they are zones.
                let i = self.add(Entry {
                    etype: EntityType::Zone,
                    label: name.clone(),
                    en: None,
                    aliases: zone_short(name).into_iter().collect(),
                    place: parent,
                    parent: None,
                    category: None,
                    level: None,
                });
                self.surface(name, i, Scan::Always);
                for s in zone_short(name) {
                    self.surface(&s, i, Scan::Always);
                }
                continue;
            }
            let short = locality_short(name);
            let i = self.add(Entry {
                etype: EntityType::Place,
                label: name.clone(),
                en: None,
                aliases: short.iter().cloned().collect(),
                place: parent,
                parent: None,
                category: None,
                level: Some(PlaceLevel::District),
            });
            // District short forms (朝阳, 和平, 新华…) are too often ordinary words to scan.
            self.surface(
                name,
                i,
                if name.chars().count() >= 3 {
                    Scan::Always
                } else {
                    Scan::Never
                },
            );
            self.places.entry(name.clone()).or_insert(i);
            if name.chars().count() >= 3 {
                self.places_strict.entry(name.clone()).or_insert(i);
            }
            if let Some(s) = short {
                self.surface(&s, i, Scan::Never);
                self.places.entry(s).or_insert(i);
            }
        }
    }

    fn load_zones(&mut self) {
        for row in tsv(data!("gazetteer/national_hightech_zones.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let short = nonempty(row.get("short_name_zh"));
            let mut aliases: Vec<String> = short.iter().cloned().collect();
            aliases.extend(
                zone_short(&name)
                    .into_iter()
                    .filter(|s| Some(s) != short.as_ref()),
            );
            // Every zone of this list is national, and news says so: 某某国家高新区.
            if let Some(stem) = name
                .strip_suffix("高新技术产业开发区")
                .or_else(|| name.strip_suffix("高新区"))
                .filter(|s| s.chars().count() >= 2)
            {
                aliases.push(format!("{stem}国家高新区"));
            }
            let i = self.existing_or_add(&name, EntityType::Zone);
            let e = &mut self.entries[i];
            e.place = nonempty(row.get("city"))
                .map(|c| c.split(['(', '（', ';']).next().unwrap_or(&c).to_string());
            for a in &aliases {
                if !e.aliases.contains(a) {
                    e.aliases.push(a.clone());
                }
            }
            self.surface(&name, i, Scan::Always);
            for a in aliases {
                self.surface(&a, i, Scan::Always);
            }
        }
        // State-level new areas (两江新区, 哈尔滨新区): their names are a place and 新区 alone,
        // which the grammar cannot tell from a city's new district.
        for row in tsv(data!("gazetteer/national_new_areas.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Zone);
            let shorts: Vec<String> = pipe_list(&row, "short_names_zh");
            let e = &mut self.entries[i];
            e.place = nonempty(row.get("city"));
            for a in &shorts {
                if !e.aliases.contains(a) {
                    e.aliases.push(a.clone());
                }
            }
            self.surface(&name, i, Scan::Always);
            for a in shorts {
                self.surface(&a, i, Scan::Always);
            }
        }
        for row in tsv(data!("gazetteer/science_centers.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Zone);
            let city = nonempty(row.get("city"))
                .map(|c| c.split(['(', '（', ';']).next().unwrap_or(&c).to_string());
            if self.entries[i].place.is_none() {
                self.entries[i].place = city;
            }
            self.surface(&name, i, Scan::Always);
            if name.contains('(') {
                self.surface(&name.replace('(', "（").replace(')', "）"), i, Scan::Always);
            }
        }
    }

    fn existing_or_add(&mut self, name: &str, etype: EntityType) -> usize {
        if let Some(&i) = self
            .by_name
            .get(name)
            .and_then(|v| v.iter().find(|&&i| self.entries[i].etype == etype))
        {
            return i;
        }
        self.add(Entry {
            etype,
            label: name.to_string(),
            en: None,
            aliases: Vec::new(),
            place: None,
            parent: None,
            category: None,
            level: None,
        })
    }

    fn load_orgs(&mut self) {
        // Universities.
        let mut abbr_count: HashMap<String, usize> = HashMap::default();
        let unis: Vec<HashMap<&str, &str>> = tsv(data!("gazetteer/universities.tsv")).collect();
        for row in &unis {
            for a in row
                .get("abbreviations_zh")
                .unwrap_or(&"")
                .split('|')
                .filter(|a| !a.is_empty())
            {
                *abbr_count.entry(a.to_string()).or_default() += 1;
            }
        }
        // Abbreviations that mostly mean something else in news text.
        const CLASHES: [&str; 4] = ["人大", "南航", "民大", "师大"];
        for row in &unis {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Institution);
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en"));
            e.place = nonempty(row.get("city")).or_else(|| nonempty(row.get("province")));
            e.parent = nonempty(row.get("parent_zh"));
            let abbrs: Vec<String> = row
                .get("abbreviations_zh")
                .unwrap_or(&"")
                .split('|')
                .filter(|a| !a.is_empty() && abbr_count.get(*a) == Some(&1) && !CLASHES.contains(a))
                .map(str::to_string)
                .collect();
            let en_abbr: Vec<String> = pipe_list(row, "abbreviations_en");
            e.aliases.extend(abbrs.iter().cloned());
            e.aliases.extend(en_abbr.iter().cloned());
            self.surface(&name, i, Scan::Always);
            for a in abbrs {
                let scan = if a.chars().count() <= 2 {
                    Scan::Bounded
                } else {
                    Scan::Always
                };
                self.surface(&a, i, scan);
            }
            for a in en_abbr {
                self.surface(&a, i, Scan::Never);
            }
        }
        // Usual abbreviations the university list lacks.
        for row in tsv(data!("gazetteer/university_abbreviations.tsv")) {
            let (Some(name), Some(abbr)) = (
                nonempty(row.get("name_zh")),
                nonempty(row.get("abbreviation_zh")),
            ) else {
                continue;
            };
            let Some(&i) = self.by_name.get(&name).and_then(|v| {
                v.iter()
                    .find(|&&i| self.entries[i].etype == EntityType::Institution)
            }) else {
                continue;
            };
            if !self.entries[i].aliases.contains(&abbr) {
                self.entries[i].aliases.push(abbr.clone());
            }
            let scan = if abbr.chars().count() <= 2 {
                Scan::Bounded
            } else {
                Scan::Always
            };
            self.surface(&abbr, i, scan);
        }
        // The Chinese Academy of Sciences and its institutes.
        for row in tsv(data!("gazetteer/cas_institutes.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            if name.contains('（') || name.contains('(') {
                continue;
            }
            let i = self.existing_or_add(&name, EntityType::Institution);
            let short = nonempty(row.get("short_name_zh"));
            let derived: Vec<String> = pipe_list(&row, "derived_aliases_zh");
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en"));
            e.place = nonempty(row.get("city"));
            e.parent = nonempty(row.get("parent_zh"))
                .or_else(|| (name != "中国科学院").then(|| "中国科学院".to_string()));
            if let Some(ab) = nonempty(row.get("abbrev_en")) {
                if ab.chars().all(|c| c.is_ascii_uppercase()) {
                    e.aliases.push(ab.clone());
                }
            }
            self.surface(&name, i, Scan::Always);
            if let Some(s) = short {
                // 北京分院 and the like are ambiguous outside a CAS context.
                let scan = if s.ends_with("分院") {
                    Scan::Never
                } else {
                    Scan::Always
                };
                self.entries[i].aliases.push(s.clone());
                self.surface(&s, i, scan);
            }
            for d in derived {
                self.entries[i].aliases.push(d.clone());
                self.surface(&d, i, Scan::Always);
            }
        }
        // The State Council and its departments.
        for row in tsv(data!("gazetteer/central_government.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Institution);
            let shorts: Vec<String> = pipe_list(&row, "short_names_zh");
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en"));
            e.place = Some("北京市".to_string());
            e.parent = nonempty(row.get("parent_zh"));
            e.aliases.extend(shorts.iter().cloned());
            self.surface(&name, i, Scan::Always);
            for s in shorts {
                self.surface(&s, i, Scan::Always);
            }
        }
        // Central state-owned enterprises.
        for row in tsv(data!("gazetteer/central_soes.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Company);
            let mut names: Vec<String> = Vec::new();
            names.extend(nonempty(row.get("short_name_zh")));
            names.extend(
                row.get("other_names_zh")
                    .unwrap_or(&"")
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_string),
            );
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en"));
            e.place = nonempty(row.get("city"));
            e.aliases.extend(names.iter().cloned());
            e.aliases.extend(nonempty(row.get("abbrev_en")));
            self.surface(&name, i, Scan::Always);
            for n in names {
                self.surface(&n, i, Scan::Always);
            }
        }
        // Large technology and manufacturing companies.
        for row in tsv(data!("gazetteer/large_companies.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Company);
            let shorts: Vec<String> = pipe_list(&row, "short_names_zh");
            let bounded: Vec<&str> = row
                .get("bounded_short")
                .unwrap_or(&"")
                .split('|')
                .filter(|a| !a.is_empty())
                .collect();
            let en_aliases: Vec<String> = pipe_list(&row, "aliases_en");
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en"));
            e.place = nonempty(row.get("city"));
            e.aliases.extend(shorts.iter().cloned());
            e.aliases.extend(en_aliases.iter().cloned());
            self.surface(&name, i, Scan::Always);
            for s in shorts {
                let scan = if bounded.contains(&s.as_str()) {
                    Scan::Bounded
                } else {
                    Scan::Always
                };
                self.surface(&s, i, scan);
            }
            for a in en_aliases {
                // English names stand in Chinese text too (DJI, BYD): scanned when long enough.
                let scan = if a.len() >= 3 {
                    Scan::Always
                } else {
                    Scan::Never
                };
                self.surface(&a, i, scan);
            }
        }
        // Listed subsidiaries of central SOEs.
        for row in tsv(data!("gazetteer/central_soe_listed_companies.tsv")) {
            let Some(name) = nonempty(row.get("name_zh")) else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Company);
            let short = nonempty(row.get("short_name_zh"));
            let e = &mut self.entries[i];
            e.parent = nonempty(row.get("parent_soe_zh"));
            e.aliases.extend(short.iter().cloned());
            self.surface(&name, i, Scan::Always);
            if let Some(s) = short {
                self.surface(&s, i, Scan::Always);
            }
        }
    }

    fn load_industries(&mut self) {
        let mut cats: HashMap<String, String> = HashMap::default();
        for row in tsv(data!("gazetteer/industries.tsv")) {
            let (Some(seq), Some(name)) = (nonempty(row.get("seq")), nonempty(row.get("name_zh")))
            else {
                continue;
            };
            let i = self.existing_or_add(&name, EntityType::Industry);
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en"));
            let short = name.strip_suffix("产业").map(str::to_string);
            e.aliases.extend(short.iter().cloned());
            cats.insert(seq, name.clone());
            self.categories.push(i);
            self.surface(&name, i, Scan::Always);
            if let Some(s) = short {
                let scan = if s.chars().count() <= 2 {
                    Scan::Context
                } else {
                    Scan::Always
                };
                self.surface(&s, i, scan);
            }
        }
        for row in tsv(data!("industry_terms.tsv")) {
            let Some(term) = nonempty(row.get("term")) else {
                continue;
            };
            if self.by_name.get(&term).is_some_and(|v| {
                v.iter()
                    .any(|&i| self.entries[i].etype == EntityType::Industry)
            }) {
                continue;
            }
            let i = self.existing_or_add(&term, EntityType::Industry);
            let e = &mut self.entries[i];
            e.en = nonempty(row.get("name_en")).map(|n| crate::english::title_case(&n));
            e.category = row.get("category").and_then(|c| cats.get(*c)).cloned();
            let scan = if term.chars().count() <= 2 {
                Scan::Context
            } else {
                Scan::Always
            };
            self.surface(&term, i, scan);
        }
    }

    /// Entries of the given type known by `name` (label or alias).
    pub fn lookup(&self, name: &str, etype: Option<EntityType>) -> Option<&Entry> {
        self.by_name
            .get(name)?
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| etype.is_none_or(|t| e.etype == t))
    }

    /// The place entry known by `name` (full or short form).
    pub fn place(&self, name: &str) -> Option<&Entry> {
        self.places.get(name).map(|&i| &self.entries[i])
    }

    /// Whether `name` can stand in parentheses for where a group's unit is (某某(上海)有限公司,
    /// 某某(中国)制药有限公司): a known place, the country, or a region of it.
    pub fn is_unit_place(&self, name: &str) -> bool {
        name == "中国" || crate::lexicon::REGIONS.contains(&name) || self.place(name).is_some()
    }

    /// The longest place name that `text` starts with, with its length in bytes.
    /// District short forms (太平, 平安) are not used: inside names they are mostly words.
    /// Names of up to 30 bytes (ten characters) are tried, longest first, and only those
    /// lengths that a place beginning with the text's first two characters has: most
    /// positions in a text begin no place, and answer at one lookup.
    pub fn place_prefix(&self, text: &str) -> Option<(&Entry, usize)> {
        let mut cs = text.chars();
        let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
            return None;
        };
        let lens = self.place_lens.get(&(a, b))?;
        lens.iter()
            .filter(|&&l| l <= 30 && l <= text.len() && text.is_char_boundary(l))
            .find_map(|&l| {
                let e = *self.places_strict.get(&text[..l])?;
                Some((&self.entries[e], l))
            })
    }
}

/// Short forms of a zone's official name: X高新技术产业开发区 → X高新区.
pub fn zone_short(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (long, short) in [
        ("高新技术产业开发区", "高新区"),
        ("经济技术开发区", "经开区"),
        ("经济技术开发区", "开发区"),
        ("高新技术开发区", "高新区"),
        ("经济开发区", "经开区"),
        ("科技园区", "科技园"),
    ] {
        if let Some(stem) = name.strip_suffix(long) {
            if stem.chars().count() >= 2 {
                out.push(format!("{stem}{short}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType::*;

    /// The indexed search against a plain one: every prefix of two characters up to 30 bytes
    /// looked up, the longest kept.
    #[test]
    fn place_prefix_is_the_longest_place_the_text_begins_with() {
        let g = &*GAZETTEER;
        let plain = |text: &str| {
            let mut best = None;
            for (i, _) in text.char_indices().skip(2).chain([(text.len(), ' ')]) {
                if i > 30 {
                    break;
                }
                if let Some(&e) = g.places_strict.get(&text[..i]) {
                    best = Some((e, i));
                }
            }
            best
        };
        let mut texts: Vec<String> = g.places_strict.keys().cloned().collect();
        texts.sort();
        // A place followed by text, by another place, cut short, and text without one.
        let more: Vec<String> = texts
            .iter()
            .zip(texts.iter().skip(7))
            .flat_map(|(a, b)| {
                let cut: String = a.chars().take(a.chars().count() - 1).collect();
                [
                    format!("{a}高新区"),
                    format!("{a}{b}"),
                    cut,
                    format!("新{a}"),
                ]
            })
            .collect();
        texts.extend(more);
        texts.extend(["", "北", "AB", "高新技术产业开发区"].map(String::from));
        for t in &texts {
            let got = g.place_prefix(t).map(|(e, l)| (e.label.clone(), l));
            let want = plain(t).map(|(e, l)| (g.entries[e].label.clone(), l));
            assert_eq!(got, want, "{t}");
        }
        assert!(texts.len() > 10_000, "{}", texts.len());
    }

    #[test]
    fn national_zones_go_by_their_national_name_and_ministries_are_known() {
        let g = &*GAZETTEER;
        assert_eq!(
            g.lookup("襄阳国家高新区", Some(Zone)).unwrap().label,
            "襄阳高新技术产业开发区"
        );
        assert_eq!(
            g.lookup("两江新区", Some(Zone)).unwrap().label,
            "重庆两江新区"
        );
        assert_eq!(
            g.lookup("工信部", Some(Institution)).unwrap().label,
            "工业和信息化部"
        );
        assert_eq!(
            g.lookup("国家能源局", Some(Institution))
                .unwrap()
                .parent
                .as_deref(),
            Some("国家发展和改革委员会")
        );
    }

    #[test]
    fn embedded_data_loads() {
        let g = &*GAZETTEER;
        assert!(g.entries.len() > 5000, "{}", g.entries.len());
        assert_eq!(
            g.lookup("中科院", Some(Institution)).unwrap().label,
            "中国科学院"
        );
        assert_eq!(
            g.lookup("Chinese Academy of Sciences", None)
                .map(|e| e.label.as_str()),
            None
        );
        assert_eq!(
            g.lookup("中国科学院", None).unwrap().en.as_deref(),
            Some("Chinese Academy of Sciences")
        );
        assert_eq!(
            g.lookup("北航", Some(Institution)).unwrap().label,
            "北京航空航天大学"
        );
        assert_eq!(
            g.lookup("华科", Some(Institution)).unwrap().label,
            "华中科技大学"
        );
        assert_eq!(
            g.lookup("大疆", Some(Company)).unwrap().en.as_deref(),
            Some("SZ DJI Technology Co., Ltd.")
        );
        let z = g.lookup("合肥高新区", Some(Zone)).unwrap();
        assert_eq!(z.label, "合肥高新技术产业开发区");
        assert_eq!(z.place.as_deref(), Some("合肥市"));
        assert_eq!(g.place("河南").unwrap().label, "河南省");
        assert_eq!(g.place("武清").unwrap().label, "武清区");
        assert_eq!(g.place("郑州").unwrap().place.as_deref(), Some("河南省"));
        let ind = g.lookup("集成电路", Some(Industry)).unwrap();
        assert_eq!(ind.category.as_deref(), Some("新一代信息技术产业"));
    }

    #[test]
    fn short_forms() {
        assert_eq!(province_short("广西壮族自治区").as_deref(), Some("广西"));
        assert_eq!(locality_short("武清区").as_deref(), Some("武清"));
        assert_eq!(locality_short("城区"), None);
        assert_eq!(zone_short("洛阳高新技术产业开发区"), ["洛阳高新区"]);
        assert_eq!(
            zone_short("广州经济技术开发区"),
            ["广州经开区", "广州开发区"]
        );
        let (e, n) = GAZETTEER.place_prefix("重庆万州区政府").unwrap();
        assert_eq!((e.label.as_str(), n), ("重庆市", "重庆".len()));
    }
}
