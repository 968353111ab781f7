//! Three questions an analyst asks, answered through the library alone.
//!
//! `cargo run --release --example analyst` (reads data/corpus into an in-memory graph).

use zonekg::graph::Filter;
use zonekg::{EntityType, KnowledgeGraph};

fn main() -> Result<(), zonekg::Error> {
    let kg = KnowledgeGraph::in_memory()?;
    let (_, report, _) = kg.ingest_paths(&["data/corpus".into()])?;
    println!("{} articles, {} quads\n", report.added, report.quads_after);

    // 1. Which zones share leading industries with 西部(重庆)科学城?
    println!("1. Zones that share industries with 西部(重庆)科学城:");
    let industries = Filter {
        predicates: vec!["hasIndustry".into()],
        ..Default::default()
    };
    for (_, node, _) in kg.neighbors("西部(重庆)科学城", 2, &industries)? {
        if node.etype == EntityType::Zone {
            let shared: Vec<String> = kg
                .shortest_path("西部(重庆)科学城", &node.iri, &industries)?
                .unwrap_or_default()
                .into_iter()
                .filter(|h| h.predicate == "hasIndustry")
                .map(|h| h.to)
                .take(1)
                .collect();
            println!("   {} (via {})", node.label, shared.join("、"));
        }
    }

    // 2. What is settled in 郑州高新区, including its parks?
    println!("\n2. Settled in 郑州高新区 and its parks:");
    let settle = Filter {
        predicates: vec!["settledIn".into(), "partOf".into()],
        ..Default::default()
    };
    for (depth, node, hop) in kg.neighbors("郑州高新区", 2, &settle)? {
        if node.etype.is_org() {
            println!(
                "   {}{} ({} {})",
                "  ".repeat(depth - 1),
                node.label,
                hop.predicate,
                hop.from
            );
        }
    }

    // 3. How is 北京航空航天大学 connected to 景德镇?
    println!("\n3. How 北京航空航天大学 is connected to 景德镇:");
    if let Some(path) = kg.shortest_path("北京航空航天大学", "景德镇", &Filter::default())?
    {
        for h in path {
            let arrow = if h.forward { "→" } else { "←" };
            println!("   {} {arrow}{}{arrow} {}", h.from, h.predicate, h.to);
            if let Some(s) = h.evidence {
                println!("      “{s}”");
            }
        }
    }
    Ok(())
}
