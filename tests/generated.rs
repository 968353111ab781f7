//! The corpus generator doubles as a quality test at scale: 300 generated articles with
//! invented names, scored against the gold the generator writes.

#[path = "../benches/generator.rs"]
mod generator;

use zonekg::eval::{report, Gold};
use zonekg::Input;

#[test]
fn generated_articles_are_extracted_with_their_gold() {
    let mut g = generator::Generator::new(7);
    let mut ents = String::from("article\ttype\tcanonical\tsurface\trequired\n");
    let mut rels = String::from("article\tsubject\tpredicate\tobject\trequired\n");
    let mut inputs = Vec::new();
    for f in 0..3 {
        let mut text = String::new();
        for i in 0..100 {
            let n = f * 100 + i + 1;
            let a = g.article(n, 3);
            text.push_str(&a.text);
            for (t, c, s) in &a.entities {
                let req = if *t == "Place" && (c.ends_with('省') || c.ends_with('区')) {
                    "n"
                } else {
                    "y"
                };
                ents.push_str(&format!("{n}\t{t}\t{c}\t{s}\t{req}\n"));
            }
            for (s, p, o, req) in &a.relations {
                rels.push_str(&format!(
                    "{n}\t{s}\t{p}\t{o}\t{}\n",
                    if *req { "y" } else { "n" }
                ));
            }
        }
        inputs.push(Input {
            source: format!("gen{f}.txt"),
            text,
        });
    }
    let gold = Gold::parse(&ents, "gen.entities", &rels, "gen.relations").unwrap();
    let score = gold.score(&zonekg::json::to_json(&zonekg::extract(&inputs)));
    let text = report(&score, true);
    let (_, _, ef) = score.entities.total().prf();
    let (_, _, rf) = score.relations.total().prf();
    assert!(
        ef >= 0.95 && rf >= 0.95,
        "entity F1 {ef:.3}, relation F1 {rf:.3}\n{text}"
    );
}
