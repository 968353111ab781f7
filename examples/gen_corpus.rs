//! Writes a generated corpus with its gold: `cargo run --release --example gen_corpus -- N DIR [SEED]`.
//!
//! N articles in the style of the sample (invented names, real cities), 100 per file, plus
//! `DIR/gold.entities.tsv` and `DIR/gold.relations.tsv` for `zonekg eval --gold DIR/gold DIR`.

#[path = "../benches/generator.rs"]
mod generator;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let dir = std::path::PathBuf::from(args.get(2).map(String::as_str).unwrap_or("corpus"));
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    std::fs::create_dir_all(&dir)?;
    let mut g = generator::Generator::new(seed);
    let mut ents = std::io::BufWriter::new(std::fs::File::create(dir.join("gold.entities.tsv"))?);
    let mut rels = std::io::BufWriter::new(std::fs::File::create(dir.join("gold.relations.tsv"))?);
    writeln!(ents, "article\ttype\tcanonical\tsurface\trequired")?;
    writeln!(rels, "article\tsubject\tpredicate\tobject\trequired")?;
    let mut file = None;
    for i in 0..n {
        if i % 100 == 0 {
            file = Some(std::io::BufWriter::new(std::fs::File::create(
                dir.join(format!("{:06}.txt", i / 100)),
            )?));
        }
        let a = g.article(i + 1, 6);
        file.as_mut()
            .expect("opened")
            .write_all(a.text.as_bytes())?;
        for (t, c, s) in &a.entities {
            let req = if *t == "Place" && !c.ends_with('省') && !c.ends_with("区") {
                "y"
            } else if *t == "Place" {
                "n"
            } else {
                "y"
            };
            writeln!(ents, "{}\t{t}\t{c}\t{s}\t{req}", i + 1)?;
        }
        for (s, p, o, req) in &a.relations {
            writeln!(
                rels,
                "{}\t{s}\t{p}\t{o}\t{}",
                i + 1,
                if *req { "y" } else { "n" }
            )?;
        }
    }
    eprintln!("wrote {n} articles to {}", dir.display());
    Ok(())
}
