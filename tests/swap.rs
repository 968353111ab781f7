//! Generalization: the sample with every company, institution, zone, park and place name
//! replaced (tests/gold/swap/mapping.tsv) scores within 0.03 of the original; and the
//! developers' own articles (tests/gold/own) meet the floors of issue 3.

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use zonekg::eval::{report, Gold};
use zonekg::Input;

fn f1s(gold: &Gold, inputs: &[Input]) -> (f64, f64, String) {
    let score = gold.score(&zonekg::json::to_json(&zonekg::extract(inputs)));
    let (_, _, ef) = score.entities.total().prf();
    let (_, _, rf) = score.relations.total().prf();
    (ef, rf, report(&score, true))
}

fn read(p: &str) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// Replaces the mapping's names, longest first, in one pass.
fn swap(text: &str, pairs: &[(String, String)]) -> String {
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(pairs.iter().map(|p| &p.0))
        .unwrap();
    let to: Vec<&str> = pairs.iter().map(|p| p.1.as_str()).collect();
    ac.replace_all(text, &to)
}

#[test]
fn name_swapped_sample_scores_like_the_original() {
    let pairs: Vec<(String, String)> = read("tests/gold/swap/mapping.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("from\t") && !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once('\t').unwrap();
            (a.to_string(), b.to_string())
        })
        .collect();
    let text = read("data/corpus/000_7926917dce1550ec.txt");
    let (ents, rels) = (
        read("tests/gold/seed.entities.tsv"),
        read("tests/gold/seed.relations.tsv"),
    );
    let gold = Gold::parse(&ents, "seed.entities", &rels, "seed.relations").unwrap();
    let (ef, rf, _) = f1s(
        &gold,
        &[Input {
            source: "sample.txt".into(),
            text: text.clone(),
        }],
    );

    let swapped = swap(&text, &pairs);
    assert_ne!(swapped, text);
    let sgold = Gold::parse(
        &swap(&ents, &pairs),
        "swap.entities",
        &swap(&rels, &pairs),
        "swap.relations",
    )
    .unwrap();
    let (sef, srf, srep) = f1s(
        &sgold,
        &[Input {
            source: "swapped.txt".into(),
            text: swapped,
        }],
    );
    println!("original: entity F1 {ef:.3} relation F1 {rf:.3}\nswapped:  entity F1 {sef:.3} relation F1 {srf:.3}\n{srep}");
    assert!(sef >= ef - 0.03, "entity F1 {sef:.3} vs {ef:.3}\n{srep}");
    assert!(srf >= rf - 0.03, "relation F1 {srf:.3} vs {rf:.3}\n{srep}");
}

#[test]
fn own_articles_meet_the_floors() {
    let gold = Gold::load("tests/gold/own/own").unwrap();
    let (inputs, failed) = zonekg::input::read_inputs(&["tests/gold/own/texts".into()]).unwrap();
    assert!(failed.is_empty());
    assert_eq!(inputs.len(), 5);
    let (ef, rf, rep) = f1s(&gold, &inputs);
    println!("{rep}");
    assert!(ef >= 0.85, "entity F1 {ef:.3}\n{rep}");
    assert!(rf >= 0.70, "relation F1 {rf:.3}\n{rep}");
}

/// Four articles written after session 13, with their gold written before the extractor was
/// first run on them (it then scored entity F1 0.800, relation F1 0.375). The floors hold the
/// fixes they led to; tests/gold/blind2 and blind3, each written after the fixes of the sets
/// before it, checked whether they carried over (blind2 first scored 0.860/0.622 and showed a
/// regression; blind3 0.930/0.667; blind4 0.786/0.585; blind5, longer and with the damage
/// of PDF extraction, 0.862/0.701; blind6, written after blind5's fixes, 0.916/0.909; blind7
/// 0.817/0.462; blind8 0.889/0.872; blind9 0.800/0.714; blind10 0.762/0.733; blind11 0.842/0.634; blind12 0.826/0.750; blind13 1.000/0.828; blind14 0.932/0.681; blind15 0.902/0.654; blind16 0.931/0.792; blind17 0.915/0.872; blind18 0.873/0.714; blind19 0.836/0.490; blind20 0.889/0.784; blind21 0.862/0.722; blind22 0.931/0.595; blind23 0.850/0.645; blind24 0.945/0.773; blind25 0.906/0.613; blind26 0.926/0.800; blind27 0.873/0.619; blind28 0.923/0.762) and then led to
/// fixes of their own.
#[test]
fn held_out_articles_meet_the_floors() {
    for (prefix, dir, n, (ef_min, rf_min)) in [
        (
            "tests/gold/blind/blind",
            "tests/gold/blind/texts",
            4,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind2/blind2",
            "tests/gold/blind2/texts",
            4,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind3/blind3",
            "tests/gold/blind3/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind4/blind4",
            "tests/gold/blind4/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind5/blind5",
            "tests/gold/blind5/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind6/blind6",
            "tests/gold/blind6/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind7/blind7",
            "tests/gold/blind7/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind8/blind8",
            "tests/gold/blind8/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind9/blind9",
            "tests/gold/blind9/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind10/blind10",
            "tests/gold/blind10/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind11/blind11",
            "tests/gold/blind11/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind12/blind12",
            "tests/gold/blind12/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind13/blind13",
            "tests/gold/blind13/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind14/blind14",
            "tests/gold/blind14/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind15/blind15",
            "tests/gold/blind15/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind16/blind16",
            "tests/gold/blind16/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind17/blind17",
            "tests/gold/blind17/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind18/blind18",
            "tests/gold/blind18/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind19/blind19",
            "tests/gold/blind19/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind20/blind20",
            "tests/gold/blind20/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind21/blind21",
            "tests/gold/blind21/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind22/blind22",
            "tests/gold/blind22/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind23/blind23",
            "tests/gold/blind23/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind24/blind24",
            "tests/gold/blind24/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind25/blind25",
            "tests/gold/blind25/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind26/blind26",
            "tests/gold/blind26/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind27/blind27",
            "tests/gold/blind27/texts",
            3,
            (0.90, 0.85),
        ),
        (
            "tests/gold/blind28/blind28",
            "tests/gold/blind28/texts",
            3,
            (0.90, 0.85),
        ),
    ] {
        let gold = Gold::load(prefix).unwrap();
        let (inputs, failed) = zonekg::input::read_inputs(&[dir.into()]).unwrap();
        assert!(failed.is_empty());
        assert_eq!(inputs.len(), n);
        let (ef, rf, rep) = f1s(&gold, &inputs);
        println!("{prefix}: entity F1 {ef:.3} relation F1 {rf:.3}\n{rep}");
        assert!(ef >= ef_min, "{prefix}: entity F1 {ef:.3}\n{rep}");
        assert!(rf >= rf_min, "{prefix}: relation F1 {rf:.3}\n{rep}");
    }
}
