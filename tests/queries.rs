//! Every named query in queries/ answers on the sample, and answers what it says.

#[path = "../benches/generator.rs"]
mod generator;

use zonekg::query::{NamedQuery, NAMED};
use zonekg::{Answer, KnowledgeGraph};

fn kg() -> KnowledgeGraph {
    let kg = KnowledgeGraph::in_memory().unwrap();
    let (_, _, failed) = kg.ingest_paths(&["data/corpus".into()]).unwrap();
    assert!(failed.is_empty());
    kg
}

fn column(kg: &KnowledgeGraph, name: &str, params: &[(&str, &str)], col: &str) -> Vec<String> {
    let p: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let q = NamedQuery::get(name).unwrap().render(&p).unwrap();
    match kg.query(&q).unwrap() {
        Answer::Solutions { vars, rows } => {
            let i = vars
                .iter()
                .position(|v| v == col)
                .unwrap_or_else(|| panic!("{name}: no column {col}"));
            rows.iter()
                .map(|r| {
                    r[i].as_ref()
                        .map(zonekg::query::display_term)
                        .unwrap_or_default()
                })
                .collect()
        }
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn named_queries_answer_on_the_sample() {
    let kg = kg();
    // Organizations settled in a zone and its parks, by any of its names.
    let orgs = column(&kg, "settled_in_zone", &[("zone", "郑州高新区")], "org");
    assert!(orgs.iter().any(|o| o.contains("小鸟科技")), "{orgs:?}");
    assert!(orgs.len() >= 8, "{orgs:?}");
    let sites = column(&kg, "settled_in_zone", &[("zone", "郑州高新区")], "site");
    assert!(
        sites.iter().any(|s| s.contains("天健湖")),
        "parks are included: {sites:?}"
    );

    let zones = column(
        &kg,
        "zones_by_industry",
        &[("industry", "智能装备")],
        "zone",
    );
    assert!(zones.iter().any(|z| z.starts_with("南通")), "{zones:?}");
    // Through the category: 新一代信息技术产业 covers 物联网 and 集成电路.
    let zones = column(
        &kg,
        "zones_by_industry",
        &[("industry", "新一代信息技术产业")],
        "zone",
    );
    assert!(zones.len() >= 3, "{zones:?}");

    let pairs = column(&kg, "zones_sharing_industry", &[], "shared");
    assert!(!pairs.is_empty());

    // An institution's partners, by its abbreviation.
    let inst = column(
        &kg,
        "institution_cooperation",
        &[("institution", "中科院")],
        "institution",
    );
    assert!(
        !inst.is_empty() && inst.iter().all(|i| i == "中国科学院"),
        "{inst:?}"
    );
    let types = column(
        &kg,
        "institution_cooperation",
        &[("institution", "中科院")],
        "type",
    );
    assert!(types.iter().any(|t| t == "Zone"), "{types:?}");

    let parents = column(
        &kg,
        "parents_and_branches",
        &[("org", "中国科学院")],
        "parent",
    );
    assert!(parents.contains(&"中国科学院".to_string()), "{parents:?}");
    let branches = column(
        &kg,
        "parents_and_branches",
        &[("org", "中国科学院")],
        "branch",
    );
    assert!(branches.iter().all(|b| b != "中国科学院"), "{branches:?}");

    let things = column(&kg, "located_in_province", &[("province", "河南")], "thing");
    assert!(things.iter().any(|t| t.starts_with("郑州")), "{things:?}");
    assert!(
        things.iter().any(|t| t.contains("小鸟科技")),
        "organizations through their zone: {things:?}"
    );

    let ev = column(&kg, "evidence", &[("name", "中科院")], "sentence");
    assert!(ev.iter().all(|s| s.contains("中科院")), "{ev:?}");
    assert!(!ev.is_empty());

    let cats = column(
        &kg,
        "province_zone_industry",
        &[("province", "河南")],
        "category",
    );
    assert!(cats.contains(&"新一代信息技术产业".to_string()), "{cats:?}");

    let comp = column(
        &kg,
        "companies_in_industry_zones",
        &[("industry", "物联网")],
        "company",
    );
    assert!(comp.iter().any(|c| c.contains("小鸟科技")), "{comp:?}");

    let kinds = column(&kg, "entities_by_type", &[], "name");
    assert!(
        kinds.contains(&"Zone".to_string()) && kinds.contains(&"settledIn".to_string()),
        "{kinds:?}"
    );
    assert_eq!(NAMED.len(), 10);
}

#[test]
fn lookup_by_alias_and_english_name() {
    let kg = kg();
    let a = kg.lookup("中科院").unwrap();
    let b = kg.lookup("Chinese Academy of Sciences").unwrap();
    assert_eq!(a.iri, b.iri);
    assert_eq!(a.etype, "Institution");
    assert!(
        a.relations.iter().any(|r| r.predicate == "cooperatesWith"),
        "{:?}",
        a.relations
    );
    assert!(a.relations.iter().all(|r| !r.evidence.is_empty()));
    let err = kg.lookup("小鸟").unwrap_err().to_string();
    assert!(
        err.contains("did you mean") && err.contains("小鸟科技"),
        "{err}"
    );
}

#[test]
fn the_ontology_parses_and_is_loaded() {
    let kg = KnowledgeGraph::in_memory().unwrap();
    let q = "ASK { GRAPH <https://w3id.org/zonekg/ontology> { <https://w3id.org/zonekg/ontology#settledIn> a ?t } }";
    assert!(matches!(kg.query(q).unwrap(), Answer::Boolean(true)));
    let mut store = oxigraph::store::Store::new().unwrap();
    store
        .load_from_reader(
            oxigraph::io::RdfFormat::Turtle,
            zonekg::store::ONTOLOGY.as_bytes(),
        )
        .unwrap();
    assert!(store.len().unwrap() > 100);
    let _ = &mut store;
}

#[test]
fn check_finds_facts_no_article_states() {
    let kg = kg();
    assert!(
        kg.store().check().unwrap().is_empty(),
        "{:?}",
        kg.store().check().unwrap()
    );
    kg.store()
        .update("INSERT DATA { <https://w3id.org/zonekg/id/company/X> <https://w3id.org/zonekg/ontology#settledIn> <https://w3id.org/zonekg/id/zone/Y> }")
        .unwrap();
    let problems = kg.store().check().unwrap();
    assert!(
        problems.iter().any(|p| p.contains("no article")),
        "{problems:?}"
    );
}

#[test]
fn sorting_rows_here_gives_the_engines_order() {
    let kg = kg();
    for q in NAMED {
        let text = q.render(&[]).unwrap();
        let here = kg.store().query_with_options(&text, None, true).unwrap();
        let engine = kg.store().query_with_options(&text, None, false).unwrap();
        match (here, engine) {
            (
                Answer::Solutions { vars: v1, rows: r1 },
                Answer::Solutions { vars: v2, rows: r2 },
            ) => {
                assert_eq!(v1, v2, "{}", q.name);
                assert_eq!(r1, r2, "{}", q.name);
            }
            other => panic!("{}: {other:?}", q.name),
        }
    }
    // Numbers by value, descending; unbound first.
    let q = "SELECT ?n ?m WHERE { VALUES (?n ?m) { (10 1) (9 UNDEF) (100 2) } } ORDER BY DESC(?n)";
    let Answer::Solutions { rows, .. } = kg.query(q).unwrap() else {
        panic!()
    };
    let ns: Vec<String> = rows
        .iter()
        .map(|r| r[0].as_ref().unwrap().to_string())
        .collect();
    assert_eq!(
        ns.iter()
            .map(|s| s.split('"').nth(1).unwrap())
            .collect::<Vec<_>>(),
        ["100", "10", "9"]
    );
    let q = "SELECT ?n ?m WHERE { VALUES (?n ?m) { (10 1) (9 UNDEF) (100 2) } } ORDER BY ?m";
    let Answer::Solutions { rows, .. } = kg.query(q).unwrap() else {
        panic!()
    };
    assert!(rows[0][1].is_none());
}

#[test]
fn a_capped_listing_query_gives_rows_of_the_whole_answer() {
    let kg = kg();
    let rows = |limit: &str| -> Vec<String> {
        let p: Vec<(String, String)> = [("province", "河南"), ("limit", limit)]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let q = NamedQuery::get("located_in_province")
            .unwrap()
            .render(&p)
            .unwrap();
        match kg.query(&q).unwrap() {
            Answer::Solutions { rows, .. } => rows.iter().map(|r| format!("{r:?}")).collect(),
            other => panic!("{other:?}"),
        }
    };
    let whole = rows("1000000");
    assert!(whole.len() > 6, "too small to cap: {whole:?}");
    let mut seen = std::collections::HashSet::new();
    assert!(whole.iter().all(|r| seen.insert(r.clone())), "no row twice");
    let few = rows("3");
    assert_eq!(few.len(), 3);
    assert!(few.iter().all(|r| whole.contains(r)), "{few:?}");
    assert_eq!(rows(&whole.len().to_string()).len(), whole.len());
}

/// `province_zone_industry` as it was computed per query before the place profiles: the
/// reference the profiles must equal (prefixes: [`zonekg::vocab::SPARQL_PREFIXES`]).
const LIVE_PROVINCE_ZONE_INDUSTRY: &str = r#"
SELECT ?province ?category (COUNT(DISTINCT ?z) AS ?zones) (GROUP_CONCAT(DISTINCT ?industry; separator="、") AS ?industries) WHERE {
  VALUES ?pl { "PLACE"@zh "PLACE"@en "PLACE" }
  ?p skos:prefLabel|skos:altLabel|rdfs:label ?pl ; a zkg:Place ; rdfs:label ?province .
  ?x zkg:locatedIn|zkg:locatedIn/zkg:locatedIn|zkg:locatedIn/zkg:locatedIn/zkg:locatedIn ?p .
  ?x a zkg:Zone .
  ?z zkg:partOf* ?x .
  ?z zkg:hasIndustry ?i .
  ?i rdfs:label ?industry .
  OPTIONAL { ?i skos:broader* ?c . ?c skos:topConceptOf ?scheme ; rdfs:label ?cl }
  BIND(COALESCE(?cl, "(uncategorized)") AS ?category)
}
GROUP BY ?province ?category
"#;

/// The labels of the entities of one kind (`place`, `zone`: the IRI's path segment).
fn labels(kg: &KnowledgeGraph, kind: &str) -> std::collections::BTreeSet<String> {
    kg.store()
        .literals(&format!("{}label", zonekg::vocab::RDFS))
        .unwrap()
        .into_iter()
        .filter(|(iri, _, _)| iri.contains(&format!("/{kind}/")))
        .map(|(_, label, _)| label)
        .collect()
}

/// A reference query with the project's prefixes and `KEY` replaced by `value`.
fn live(query: &str, key: &str, value: &str) -> String {
    format!(
        "{}{}",
        zonekg::vocab::SPARQL_PREFIXES,
        query.replace(key, value)
    )
}

/// Rows as sorted text, the industries of a row sorted (GROUP_CONCAT has no order).
fn normalized(a: Answer) -> Vec<String> {
    let Answer::Solutions { rows, .. } = a else {
        panic!("{a:?}")
    };
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| {
            let cell = |i: usize| {
                r[i].as_ref()
                    .map(zonekg::query::display_term)
                    .unwrap_or_default()
            };
            let mut inds: Vec<String> = cell(3).split('、').map(str::to_string).collect();
            inds.sort();
            format!("{}|{}|{}|{}", cell(0), cell(1), cell(2), inds.join("、"))
        })
        .collect();
    out.sort();
    out
}

/// Every place's profile answer equals the live aggregate; returns how many places had rows.
fn profiles_match(kg: &KnowledgeGraph) -> usize {
    let places = labels(kg, "place");
    let mut nonempty = 0;
    for place in places {
        let named = NamedQuery::get("province_zone_industry")
            .unwrap()
            .render(&[("province".to_string(), place.clone())])
            .unwrap();
        let got = normalized(kg.query(&named).unwrap());
        let want = normalized(
            kg.query(&live(LIVE_PROVINCE_ZONE_INDUSTRY, "PLACE", &place))
                .unwrap(),
        );
        assert_eq!(got, want, "{place}");
        nonempty += usize::from(!got.is_empty());
    }
    nonempty
}

/// `zones_sharing_industry` as it was computed per zone before the industry sets: the
/// reference the sets must give (prefixes: [`zonekg::vocab::SPARQL_PREFIXES`]).
const LIVE_ZONES_SHARING_INDUSTRY: &str = r#"
SELECT ?zone ?other (COUNT(DISTINCT ?i) AS ?count) (GROUP_CONCAT(DISTINCT ?industry; separator="、") AS ?shared) WHERE {
  VALUES ?zl { "ZONE"@zh "ZONE"@en "ZONE" }
  ?z1 skos:prefLabel|skos:altLabel|rdfs:label ?zl .
  ?z1 a zkg:Zone ; zkg:hasIndustry ?i .
  ?z2 zkg:hasIndustry ?i .
  FILTER(?z2 != ?z1)
  ?i rdfs:label ?industry .
  ?z1 rdfs:label ?zone . ?z2 rdfs:label ?other .
}
GROUP BY ?zone ?other
"#;

/// Every zone's whole `zones_sharing_industry` answer equals the live count, and a short page
/// holds the best peers; returns how many zones had peers.
fn industry_sets_match(kg: &KnowledgeGraph) -> usize {
    let zones = labels(kg, "zone");
    let named = |zone: &str, limit: &str| {
        let q = NamedQuery::get("zones_sharing_industry")
            .unwrap()
            .render(&[
                ("zone".to_string(), zone.to_string()),
                ("limit".to_string(), limit.to_string()),
            ])
            .unwrap();
        normalized(kg.query(&q).unwrap())
    };
    let count = |row: &String| -> u64 { row.split('|').nth(2).unwrap().parse().unwrap() };
    let mut with_peers = 0;
    for zone in zones {
        let want = normalized(
            kg.query(&live(LIVE_ZONES_SHARING_INDUSTRY, "ZONE", &zone))
                .unwrap(),
        );
        assert_eq!(named(&zone, "1000000"), want, "{zone}");
        // A page of three: the three best counts (which of the tied peers may vary).
        let mut best: Vec<u64> = want.iter().map(count).collect();
        best.sort_unstable_by(|a, b| b.cmp(a));
        best.truncate(3);
        let page = named(&zone, "3");
        let mut got: Vec<u64> = page.iter().map(count).collect();
        got.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(got, best, "{zone}: {page:?}");
        assert!(page.iter().all(|r| want.contains(r)), "{zone}: {page:?}");
        with_peers += usize::from(!want.is_empty());
    }
    with_peers
}

/// Every quad of the statistics graph, as sorted strings.
fn statistics_graph(kg: &KnowledgeGraph) -> Vec<String> {
    let q = format!(
        "SELECT ?s ?p ?o WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
        zonekg::store::STATISTICS_GRAPH
    );
    let Answer::Solutions { rows, .. } = kg.query(&q).unwrap() else {
        panic!("not a SELECT answer")
    };
    let mut out: Vec<String> = rows.iter().map(|r| format!("{:?}", r)).collect();
    out.sort();
    out
}

#[test]
fn statistics_indexes_equal_the_live_aggregates_after_every_write() {
    // Place profiles (province_zone_industry) and industry sets (zones_sharing_industry):
    // the sample, then generated articles added in a second ingest, then an update.
    let kg = kg();
    assert!(profiles_match(&kg) >= 2);
    assert!(industry_sets_match(&kg) >= 2);
    let mut g = generator::Generator::new(11);
    let inputs: Vec<zonekg::Input> = (0..2)
        .map(|f| zonekg::Input {
            source: format!("gen{f}.txt"),
            text: (0..60).map(|i| g.article(f * 60 + i + 1, 2).text).collect(),
        })
        .collect();
    kg.ingest(&inputs).unwrap();
    let before = profiles_match(&kg);
    assert!(before >= 20, "{before}");
    let peers = industry_sets_match(&kg);
    assert!(peers >= 20, "{peers}");
    // The second ingest wrote only what changed in the statistics graph: the graph is the one
    // computed from nothing (the update drops it and refreshes it whole).
    let updated = statistics_graph(&kg);
    assert!(updated.len() > 100, "{}", updated.len());
    kg.store()
        .update(&format!("DROP GRAPH <{}>", zonekg::store::STATISTICS_GRAPH))
        .unwrap();
    assert_eq!(statistics_graph(&kg), updated);
    // Dropping every industry of the zones changes the answer at once.
    kg.store()
        .update("DELETE WHERE { ?z <https://w3id.org/zonekg/ontology#hasIndustry> ?i }")
        .unwrap();
    assert_eq!(profiles_match(&kg), 0);
    assert_eq!(industry_sets_match(&kg), 0);
}
