//! The sample corpus against its gold: the quality floor of issue 2, scored with the port of
//! the reference scorer (same matching rules as ../shared/eval/score.py).

use zonekg::eval::{report, Gold};

fn sample() -> serde_json::Value {
    let (inputs, failed) = zonekg::input::read_inputs(&["data/corpus".into()]).unwrap();
    assert!(failed.is_empty());
    zonekg::json::to_json(&zonekg::extract(&inputs))
}

#[test]
fn sample_meets_the_quality_floor() {
    let gold = Gold::load("tests/gold/seed").unwrap();
    let score = gold.score(&sample());
    let text = report(&score, true);
    println!("{text}");
    let (_, _, ef) = score.entities.total().prf();
    let (_, _, rf) = score.relations.total().prf();
    // Issue 2 asked for 0.85 / 0.70; issue 3 raised the floors to 0.92 / 0.85.
    assert!(ef >= 0.92, "entity F1 {ef:.3} < 0.92\n{text}");
    assert!(rf >= 0.85, "relation F1 {rf:.3} < 0.85\n{text}");
}

#[test]
fn extraction_is_deterministic() {
    let a = serde_json::to_string(&sample()).unwrap();
    let b = serde_json::to_string(&sample()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn every_mention_slices_the_original_text() {
    let (inputs, _) = zonekg::input::read_inputs(&["data/corpus".into()]).unwrap();
    let x = zonekg::extract(&inputs);
    for e in &x.entities {
        for m in &e.mentions {
            let d = x.documents.iter().find(|d| d.id == m.doc).unwrap();
            let s: String = d
                .text
                .chars()
                .skip(m.span.start)
                .take(m.span.end - m.span.start)
                .collect();
            assert_eq!(s, m.text, "{}", e.label);
        }
    }
    for r in &x.relations {
        assert!(!r.evidence.is_empty());
        for ev in &r.evidence {
            let d = x.documents.iter().find(|d| d.id == ev.doc).unwrap();
            assert!(ev.span.end <= d.text.chars().count() && ev.span.start < ev.span.end);
        }
    }
}

#[test]
fn the_scorer_port_counts_like_score_py() {
    // A tiny gold and prediction with a split, an optional hit and a symmetric relation.
    let ents = "article\ttype\tcanonical\tsurface\trequired\n1\tZone\t甲高新区\t甲高新区\ty\n1\tCompany\t乙公司\t乙公司|乙\ty\n1\tCompany\t丙\t丙\tn\n";
    let rels =
        "article\tsubject\tpredicate\tobject\trequired\n1\t乙公司\tcooperatesWith\t甲高新区\ty\n";
    let gold = Gold::parse(ents, "e", rels, "r").unwrap();
    let pred = serde_json::json!({
        "entities": [
            {"id": "z", "type": "Zone", "label": "甲高新区"},
            {"id": "a", "type": "Company", "label": "乙公司"},
            {"id": "b", "type": "Company", "label": "乙"},
            {"id": "c", "type": "Company", "label": "丙"},
            {"id": "d", "type": "Company", "label": "丁"}
        ],
        "relations": [{"subject": "z", "predicate": "cooperatesWith", "object": "a"}]
    });
    let s = gold.score(&pred);
    let c = s.entities.by_class["Company"];
    assert_eq!(
        (c.tp, c.fp, c.fn_),
        (1, 2, 0),
        "split 乙 and spurious 丁; optional 丙 ignored"
    );
    assert_eq!(s.entities.split, ["Company:乙"]);
    let r = s.relations.by_class["cooperatesWith"];
    assert_eq!((r.tp, r.fp, r.fn_), (1, 0, 0), "symmetric");
}
