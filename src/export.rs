//! Graphviz export of a [`Projection`]: deterministic DOT with a legend, a shape and colour
//! per type, the Chinese label with the English one under it, edges labelled by predicate,
//! and optionally each zone drawn as a cluster with its parks and the organizations settled
//! in them. SVG and PNG are made by Graphviz `dot` when it is installed.

use crate::error::{Error, Result};
use crate::graph::Projection;
use crate::model::EntityType;
use petgraph::graph::NodeIndex;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Options of the DOT rendering.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Draw each whole zone as a cluster holding its parks and settled organizations.
    pub cluster: bool,
    /// A title shown at the top.
    pub title: Option<String>,
}

fn style(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::Zone => ("box", "#cfe3ff"),
        EntityType::Company => ("ellipse", "#ffe0b3"),
        EntityType::Institution => ("hexagon", "#d4f0cf"),
        EntityType::Industry => ("note", "#f3d6f3"),
        EntityType::Place => ("house", "#e6e6e6"),
        EntityType::Person => ("plaintext", "#ffffff"),
    }
}

fn edge_color(p: &str) -> &'static str {
    match p {
        "settledIn" => "#1f5fbf",
        "partOf" => "#4a4a4a",
        "locatedIn" => "#9a9a9a",
        "hasIndustry" | "inIndustry" => "#a040a0",
        "subOrganizationOf" => "#2e8b57",
        "cooperatesWith" => "#d2691e",
        _ => "#bbbbbb",
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn node_id(p: &Projection, n: NodeIndex) -> String {
    format!("\"{}\"", p.graph[n].iri.replace('"', "\\\""))
}

/// The DOT text of a projection. The same projection always gives the same bytes.
pub fn to_dot(p: &Projection, opts: &DotOptions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph zonekg {{");
    let _ = writeln!(out, "  graph [rankdir=LR, fontname=\"Noto Sans CJK SC\", fontsize=12, nodesep=0.25, ranksep=0.6, overlap=false, splines=true{}];",
        opts.title.as_ref().map(|t| format!(", label=\"{}\", labelloc=t, fontsize=16", t.replace('"', "'"))).unwrap_or_default());
    let _ = writeln!(out, "  node [fontname=\"Noto Sans CJK SC\", fontsize=11, style=\"filled,rounded\", penwidth=0.8];");
    let _ = writeln!(
        out,
        "  edge [fontname=\"Noto Sans CJK SC\", fontsize=8, arrowsize=0.6];"
    );
    // Nodes in a fixed order: type, then label, then IRI.
    let mut nodes: Vec<NodeIndex> = p.graph.node_indices().collect();
    nodes.sort_by(|&a, &b| {
        let (x, y) = (&p.graph[a], &p.graph[b]);
        (x.etype, &x.label, &x.iri).cmp(&(y.etype, &y.label, &y.iri))
    });
    // Clusters: each whole zone with its parks and the organizations settled in them.
    let mut cluster_of: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    if opts.cluster {
        let zones: Vec<NodeIndex> = nodes
            .iter()
            .copied()
            .filter(|&n| {
                p.graph[n].etype == EntityType::Zone
                    && !p
                        .graph
                        .edges(n)
                        .any(|e| e.weight().predicate == "partOf" && e.weight().subject == n)
            })
            .collect();
        for &z in &zones {
            cluster_of.insert(z, z);
        }
        for &z in &zones {
            // Parks (partOf, transitively) first, then organizations settled in any member.
            let mut members = vec![z];
            let mut i = 0;
            while i < members.len() {
                let m = members[i];
                for e in p.graph.edges(m) {
                    let w = e.weight();
                    let other = if petgraph::visit::EdgeRef::source(&e) == m {
                        petgraph::visit::EdgeRef::target(&e)
                    } else {
                        petgraph::visit::EdgeRef::source(&e)
                    };
                    let joins = w.subject == other
                        && matches!(w.predicate.as_str(), "partOf" | "settledIn");
                    if joins && !cluster_of.contains_key(&other) {
                        cluster_of.insert(other, z);
                        members.push(other);
                    }
                }
                i += 1;
            }
        }
    }
    let node_line = |n: NodeIndex| -> String {
        let g = &p.graph[n];
        let (shape, color) = style(g.etype);
        let en = g
            .label_en
            .as_ref()
            .map(|e| {
                format!(
                    "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#555555\">{}</FONT>",
                    esc(e)
                )
            })
            .unwrap_or_default();
        format!(
            "{} [label=<{}{}>, shape={shape}, fillcolor=\"{color}\", tooltip=\"{} ({})\"];",
            node_id(p, n),
            esc(&g.label),
            en,
            esc(&g.label),
            g.etype
        )
    };
    let mut clusters: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    for &n in &nodes {
        if let Some(&z) = cluster_of.get(&n) {
            clusters.entry(z).or_default().push(n);
        }
    }
    // Clusters in the node order of their zones.
    let mut zone_order: Vec<NodeIndex> = clusters.keys().copied().collect();
    zone_order.sort_by_key(|&z| nodes.iter().position(|&n| n == z));
    for (k, z) in zone_order.iter().enumerate() {
        let members = &clusters[z];
        if members.len() < 2 {
            continue;
        }
        let _ = writeln!(out, "  subgraph cluster_{k} {{");
        let _ = writeln!(
            out,
            "    label=\"{}\"; style=\"rounded,dashed\"; color=\"#7fa7e0\"; fontcolor=\"#1f5fbf\";",
            p.graph[*z].label.replace('"', "'")
        );
        for &n in members {
            let _ = writeln!(out, "    {}", node_line(n));
        }
        let _ = writeln!(out, "  }}");
    }
    for &n in &nodes {
        if cluster_of
            .get(&n)
            .is_some_and(|z| clusters.get(z).is_some_and(|m| m.len() >= 2))
        {
            continue;
        }
        let _ = writeln!(out, "  {}", node_line(n));
    }
    // Edges in a fixed order.
    let mut edges: Vec<(String, String, String)> = p
        .graph
        .edge_indices()
        .map(|e| {
            let (a, b) = p.graph.edge_endpoints(e).expect("edge");
            let w = &p.graph[e];
            let (s, o) = if w.subject == a { (a, b) } else { (b, a) };
            (node_id(p, s), node_id(p, o), w.predicate.clone())
        })
        .collect();
    edges.sort();
    edges.dedup();
    for (s, o, pr) in edges {
        let c = edge_color(&pr);
        let dir = if pr == "cooperatesWith" {
            ", dir=both"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {s} -> {o} [label=\"{pr}\", color=\"{c}\", fontcolor=\"{c}\"{dir}];"
        );
    }
    // Legend.
    let _ = writeln!(out, "  subgraph cluster_legend {{");
    let _ = writeln!(
        out,
        "    label=\"legend\"; style=\"rounded\"; color=\"#cccccc\"; fontsize=10;"
    );
    let mut prev: Option<String> = None;
    for t in [
        EntityType::Zone,
        EntityType::Company,
        EntityType::Institution,
        EntityType::Industry,
        EntityType::Place,
    ] {
        let (shape, color) = style(t);
        let id = format!("\"legend:{t}\"");
        let _ = writeln!(
            out,
            "    {id} [label=\"{t}\", shape={shape}, fillcolor=\"{color}\", fontsize=9];"
        );
        if let Some(p) = prev {
            let _ = writeln!(out, "    {p} -> {id} [style=invis];");
        }
        prev = Some(id);
    }
    let _ = writeln!(out, "  }}");
    let _ = writeln!(out, "}}");
    out
}

/// Renders DOT with Graphviz `dot` to `format` (`svg` or `png`).
pub fn render(dot: &str, format: &str) -> Result<Vec<u8>> {
    use std::io::Write as _;
    let mut child = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Invalid("Graphviz `dot` is not installed: install the Debian package `graphviz` (apt-get install graphviz), or export --format dot".into())
            } else {
                Error::Io(e)
            }
        })?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(dot.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        return Err(Error::Invalid(format!(
            "dot failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}
