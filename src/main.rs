//! The `zonekg` command: parses arguments and calls the library.

mod cli;

use anyhow::{bail, Context, Result};
use clap::Parser;
use cli::{Args, Command, ExportFormat, ExtractFormat, QueryFormat, RdfFormatArg};
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;
use zonekg::graph::{Filter, Hop};
use zonekg::query::{write_answer, NamedQuery, OutputFormat};
use zonekg::store::Answer;
use zonekg::{CardLimits, KnowledgeGraph};

/// Quads written by one ingest above which it suggests `zonekg optimize` (about 4,500 articles).
const LARGE_INGEST_QUADS: usize = 1_000_000;

/// mimalloc: extraction allocates many small strings and vectors from several threads; the
/// system allocator spent a fifth of the time in malloc/free and page clearing.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    zonekg::no_transparent_huge_pages();
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            // Output piped into `head` or `dot` that closes early is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let msg: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            let mut parts: Vec<String> = Vec::new();
            for m in msg {
                if !parts.iter().any(|p| p.contains(&m)) {
                    parts.push(m);
                }
            }
            eprintln!("zonekg: error: {}", parts.join(": "));
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.command {
        Command::Ingest {
            paths,
            store,
            quiet,
            verbose,
            batch_mib,
            lossy,
            max_file_size,
        } => {
            use std::io::IsTerminal;
            let t0 = Instant::now();
            let kg = KnowledgeGraph::open(&store)
                .with_context(|| format!("opening store {}", store.display()))?;
            // A progress bar on a terminal only; quiet when piped or asked to be.
            let bar = if !quiet && std::io::stderr().is_terminal() {
                let b = indicatif::ProgressBar::new(0);
                b.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:40} {bytes}/{total_bytes} {msg} ({eta} left)",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                Some(b)
            } else {
                None
            };
            let read = zonekg::input::ReadOptions {
                lossy,
                max_file_size,
            };
            let r = kg.ingest_files(&paths, batch_mib.max(1) << 20, read, |p| {
                let secs = t0.elapsed().as_secs_f64().max(1e-9);
                if let Some(b) = &bar {
                    b.set_length(p.bytes_total);
                    b.set_position(p.bytes_done);
                    b.set_message(format!(
                        "{} docs, {:.0} docs/s, {} quads written",
                        p.documents,
                        p.documents as f64 / secs,
                        p.quads_written
                    ));
                }
                if verbose {
                    eprintln!(
                        "batch: {}/{} files, {} documents ({} new), {} quads written, {:.1}s",
                        p.files_done, p.files_total, p.documents, p.added, p.quads_written, secs
                    );
                }
            })?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            if verbose || r.warnings.iter().any(|w| w.contains("no Chinese")) {
                for w in &r.warnings {
                    if verbose || w.contains("no Chinese") {
                        eprintln!("zonekg: note: {w}");
                    }
                }
            }
            if !quiet {
                writeln!(out, "ingested into {}", store.display())?;
                writeln!(
                    out,
                    "documents: {} ({} new, {} unchanged, {} replaced)",
                    r.documents, r.added, r.unchanged, r.replaced
                )?;
                // No count of the store's quads: a full scan (6 s at 100k articles) on every
                // ingest, however small; `zonekg stats` counts them.
                let s = kg.summary()?;
                let ent: Vec<String> = s.entities.iter().map(|(t, n)| format!("{t} {n}")).collect();
                writeln!(
                    out,
                    "entities in store: {} ({})",
                    s.entities.iter().map(|e| e.1).sum::<usize>(),
                    ent.join(", ")
                )?;
                let rel: Vec<String> = s
                    .relations
                    .iter()
                    .map(|(p, n)| format!("{p} {n}"))
                    .collect();
                writeln!(
                    out,
                    "relations in store: {} ({})",
                    s.relations.iter().map(|e| e.1).sum::<usize>(),
                    rel.join(", ")
                )?;
                writeln!(out, "quads: {} written", r.quads_written)?;
                writeln!(out, "seconds: {:.2}", t0.elapsed().as_secs_f64())?;
                // The ingest ends once RocksDB has compacted its files under the write-stall
                // limits; a full compaction still makes the queries that read many rows faster
                // (100k store: a hub's `evidence` 177 → 117 ms, `settled_in_zone` 145 → 107 ms;
                // the hub card 13.1 → 12.0 ms).
                if r.quads_written >= LARGE_INGEST_QUADS {
                    eprintln!(
                        "zonekg: note: a large ingest; `zonekg optimize --store {}` compacts the \
                         store fully and makes queries that read many rows faster",
                        store.display()
                    );
                }
            }
            out.flush()?;
            if !r.failed.is_empty() {
                eprintln!("zonekg: {} file(s) not ingested:", r.failed.len());
                for (_, e) in &r.failed {
                    eprintln!("  {e}");
                }
                return Ok(ExitCode::from(2));
            }
        }
        Command::Extract { paths, format } => {
            let (inputs, failed) = zonekg::input::read_inputs(&paths)?;
            for (_, e) in &failed {
                eprintln!("zonekg: warning: {e}");
            }
            let x = zonekg::extract(&inputs);
            match format {
                ExtractFormat::Json => {
                    let iris = zonekg::json::iris(&x);
                    serde_json::to_writer_pretty(&mut out, &zonekg::json::view(&x, &iris))?;
                    writeln!(out)?;
                }
                f => {
                    let quads = zonekg::rdf::all_quads(&x, &zonekg::input::now_utc());
                    let fmt = match f {
                        ExtractFormat::Nquads => RdfFormat::NQuads,
                        ExtractFormat::Trig => RdfFormat::TriG,
                        _ => RdfFormat::Turtle,
                    };
                    let mut ser = RdfSerializer::from_format(fmt)
                        .with_prefix("zkg", zonekg::vocab::ZKG)?
                        .with_prefix("skos", zonekg::vocab::SKOS)?
                        .with_prefix("org", zonekg::vocab::ORG)?
                        .with_prefix("rdfs", zonekg::vocab::RDFS)?
                        .for_writer(&mut out);
                    let mut seen = std::collections::HashSet::new();
                    for q in &quads {
                        if fmt == RdfFormat::Turtle {
                            let t = oxigraph::model::Triple::from(q.clone());
                            if seen.insert(t.clone()) {
                                ser.serialize_triple(&t)?;
                            }
                        } else {
                            ser.serialize_quad(q)?;
                        }
                    }
                    ser.finish()?;
                }
            }
            // The process ends after the output: the extraction and the texts are left to
            // the system rather than freed one string at a time (a twentieth of a
            // 10,000-article extract, on one core).
            std::mem::forget((x, inputs));
        }
        Command::Optimize { store } => {
            let kg = KnowledgeGraph::open(&store)?;
            let t = std::time::Instant::now();
            kg.store().optimize()?;
            writeln!(
                out,
                "optimized {} ({} quads) in {:.1} s",
                store.display(),
                kg.store().len()?,
                t.elapsed().as_secs_f64()
            )?;
        }
        Command::Check { store } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let problems = kg.store().check()?;
            if problems.is_empty() {
                writeln!(
                    out,
                    "ok: {} articles, {} quads, every relation with evidence",
                    kg.store().documents()?,
                    kg.store().len()?
                )?;
            } else {
                for p in &problems {
                    writeln!(out, "{p}")?;
                }
                out.flush()?;
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Query {
            sparql,
            file,
            name,
            params,
            format,
            timeout,
            store,
        } => {
            if name.as_deref() == Some("list") {
                for q in zonekg::query::NAMED {
                    writeln!(out, "{:<28} {}", q.name, q.description())?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            // A named query's cap on rows, as given or by default.
            let mut limit: Option<usize> = None;
            let text = match (sparql, file, name) {
                (Some(s), _, _) => s,
                (_, Some(f), _) => std::fs::read_to_string(&f)
                    .with_context(|| format!("reading {}", f.display()))?,
                (_, _, Some(n)) => {
                    let q = NamedQuery::get(&n)?;
                    let text = q.render(&params)?;
                    limit = params
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .chain(q.params())
                        .find(|(k, _)| *k == "limit")
                        .and_then(|(_, v)| v.parse().ok());
                    text
                }
                _ => bail!("give a SPARQL query, --file F or --name N"),
            };
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let answer = kg.store().query_with_timeout(
                &text,
                Some(std::time::Duration::from_secs_f64(timeout.max(0.001))),
            )?;
            let f = match format {
                QueryFormat::Table => OutputFormat::Table,
                QueryFormat::Csv => OutputFormat::Csv,
                QueryFormat::Tsv => OutputFormat::Tsv,
                QueryFormat::Json => OutputFormat::Json,
            };
            write_answer(&answer, f, &mut out)?;
            if let (Some(limit), Answer::Solutions { rows, .. }) = (limit, &answer) {
                if rows.len() >= limit {
                    // On stderr, so that piped output stays the answer alone.
                    eprintln!(
                        "zonekg: the first {limit} rows; there may be more (raise -p limit, up to {})",
                        zonekg::query::MAX_LIMIT
                    );
                }
            }
        }
        Command::Update {
            sparql,
            file,
            store,
        } => {
            let text = match (sparql, file) {
                (Some(s), _) => s,
                (_, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("reading {}", f.display()))?,
                _ => bail!("give a SPARQL Update or --file F"),
            };
            let kg = KnowledgeGraph::open(&store)?;
            kg.store().update(&text)?;
            writeln!(out, "updated; {} quads in store", kg.store().len()?)?;
        }
        Command::Lookup {
            name,
            json,
            relations,
            evidence,
            all,
            store,
        } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let limits = if all {
                CardLimits::ALL
            } else {
                CardLimits {
                    relations,
                    evidence,
                }
            };
            let card = kg.lookup_with(&name, limits)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &card)?;
                writeln!(out)?;
            } else {
                write_card(&card, &mut out)?;
            }
        }
        Command::Stats { store } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let s = kg.stats()?;
            writeln!(out, "documents: {}", s.documents)?;
            writeln!(out, "entities:")?;
            for (t, n) in &s.entities {
                writeln!(out, "  {t:<18} {n}")?;
            }
            writeln!(out, "relations:")?;
            for (p, n) in &s.relations {
                writeln!(out, "  {p:<18} {n}")?;
            }
            writeln!(out, "quads: {}", s.quads.unwrap_or_default())?;
        }
        Command::Dump { format, store } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let fmt = match format {
                RdfFormatArg::Nquads => RdfFormat::NQuads,
                RdfFormatArg::Trig => RdfFormat::TriG,
            };
            kg.store().dump(fmt, &mut out)?;
        }
        Command::Eval {
            gold,
            paths,
            show_errors,
            min_entity_f1,
            min_relation_f1,
        } => {
            let g = zonekg::eval::Gold::load(&gold)?;
            let (inputs, failed) = zonekg::input::read_inputs(&paths)?;
            for (_, e) in &failed {
                eprintln!("zonekg: warning: {e}");
            }
            let x = zonekg::extract(&inputs);
            let score = g.score(&zonekg::json::to_json(&x));
            write!(out, "{}", zonekg::eval::report(&score, show_errors))?;
            out.flush()?;
            let (_, _, ef) = score.entities.total().prf();
            let (_, _, rf) = score.relations.total().prf();
            if ef < min_entity_f1 || rf < min_relation_f1 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Neighbors {
            name,
            depth,
            predicates,
            types,
            store,
        } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let f = Filter {
                predicates,
                types,
                ..Default::default()
            };
            let card = kg.lookup(&name)?;
            writeln!(out, "{} ({})", card.label, card.etype)?;
            for (d, node, hop) in kg.neighbors(&name, depth, &f)? {
                let arrow = if hop.forward {
                    format!("—{}→", hop.predicate)
                } else {
                    format!("←{}—", hop.predicate)
                };
                writeln!(
                    out,
                    "{}{} {} {} ({})",
                    "  ".repeat(d),
                    hop.from,
                    arrow,
                    node.label,
                    node.etype
                )?;
            }
        }
        Command::Path {
            from,
            to,
            max_len,
            all,
            avoid_types,
            store,
        } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let f = Filter {
                avoid_types,
                ..Default::default()
            };
            let paths = if all {
                kg.paths(&from, &to, max_len, &f)?
            } else {
                kg.shortest_path(&from, &to, &f)?.into_iter().collect()
            };
            if paths.is_empty() {
                writeln!(
                    out,
                    "no path from {from} to {to}{}",
                    if all {
                        format!(" within {max_len} relations")
                    } else {
                        String::new()
                    }
                )?;
                out.flush()?;
                return Ok(ExitCode::from(1));
            }
            for (i, p) in paths.iter().enumerate() {
                if paths.len() > 1 {
                    writeln!(
                        out,
                        "path {} ({} relation{}):",
                        i + 1,
                        p.len(),
                        if p.len() == 1 { "" } else { "s" }
                    )?;
                }
                write_path(p, &mut out)?;
            }
        }
        Command::Export {
            format,
            around,
            depth,
            types,
            cluster,
            output,
            store,
        } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            let bytes: Vec<u8> = match format {
                ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Png => {
                    let f = Filter {
                        types,
                        ..Default::default()
                    };
                    let title = Some(match &around {
                        Some(a) => format!("{a} (depth {depth})"),
                        None => "zonekg".to_string(),
                    });
                    let opts = zonekg::export::DotOptions { cluster, title };
                    let dot = kg.to_dot(around.as_deref().map(|a| (a, depth)), &f, &opts)?;
                    match format {
                        ExportFormat::Dot => dot.into_bytes(),
                        ExportFormat::Svg => zonekg::export::render(&dot, "svg")?,
                        _ => zonekg::export::render(&dot, "png")?,
                    }
                }
                rdf => {
                    let fmt = match rdf {
                        ExportFormat::Nquads => RdfFormat::NQuads,
                        ExportFormat::Trig => RdfFormat::TriG,
                        _ => RdfFormat::Turtle,
                    };
                    let mut buf = Vec::new();
                    if fmt == RdfFormat::Turtle {
                        let mut ser = RdfSerializer::from_format(fmt).for_writer(&mut buf);
                        let mut seen = std::collections::HashSet::new();
                        for q in kg.store().quads()? {
                            let t = oxigraph::model::Triple::from(q);
                            if seen.insert(t.clone()) {
                                ser.serialize_triple(&t)?;
                            }
                        }
                        ser.finish()?;
                    } else {
                        kg.store().dump(fmt, &mut buf)?;
                    }
                    buf
                }
            };
            match output {
                Some(path) => std::fs::write(&path, &bytes)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => out.write_all(&bytes)?,
            }
        }
        Command::Rank {
            etype,
            limit,
            store,
        } => {
            let kg = KnowledgeGraph::open_read_only(&store)?;
            for (i, (n, d)) in kg.rank(etype, limit)?.into_iter().enumerate() {
                writeln!(
                    out,
                    "{:>3}. {} ({}) — {} relations",
                    i + 1,
                    n.label,
                    n.etype,
                    d
                )?;
            }
        }
        Command::Load { files, store } => {
            let kg = KnowledgeGraph::open(&store)?;
            let before = kg.store().len()?;
            for f in &files {
                let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
                let Some(fmt) = RdfFormat::from_extension(ext) else {
                    bail!(
                        "{}: unknown RDF format (use .nq, .trig, .ttl or .nt)",
                        f.display()
                    );
                };
                let file =
                    std::fs::File::open(f).with_context(|| format!("opening {}", f.display()))?;
                kg.store()
                    .load(fmt, std::io::BufReader::new(file))
                    .with_context(|| format!("loading {}", f.display()))?;
            }
            let after = kg.store().len()?;
            writeln!(
                out,
                "loaded {} file(s): {} quads added, {} in store",
                files.len(),
                after - before,
                after
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_path(p: &[Hop], out: &mut impl Write) -> Result<()> {
    if let Some(first) = p.first() {
        writeln!(out, "{}", first.from)?;
    }
    for h in p {
        let arrow = if h.forward {
            format!("—{}→", h.predicate)
        } else {
            format!("←{}—", h.predicate)
        };
        writeln!(out, "  {arrow} {}", h.to)?;
        if let Some(e) = &h.evidence {
            writeln!(
                out,
                "      “{e}”{}",
                h.source
                    .as_ref()
                    .map(|s| format!(" [{s}]"))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

fn write_card(c: &zonekg::Card, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{} ({})", c.label, c.etype)?;
    if let Some(en) = &c.label_en {
        writeln!(
            out,
            "  en: {en}{}",
            if c.label_en_by_rule { " (by rule)" } else { "" }
        )?;
    }
    if !c.aliases.is_empty() {
        writeln!(out, "  aliases: {}", c.aliases.join(", "))?;
    }
    writeln!(out, "  iri: {}", c.iri)?;
    for dir in ["out", "in"] {
        let rels: Vec<_> = c.relations.iter().filter(|r| r.direction == dir).collect();
        if rels.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}",
            if dir == "out" {
                "relations:"
            } else {
                "relations in:"
            }
        )?;
        let arrow = if dir == "out" { "→" } else { "←" };
        for (i, r) in rels.iter().enumerate() {
            writeln!(out, "  {arrow} {} {}", r.predicate, r.other)?;
            for e in &r.evidence {
                writeln!(
                    out,
                    "      “{}” [{} {}–{}]",
                    e.sentence, e.title, e.start, e.end
                )?;
            }
            if r.more_evidence {
                writeln!(out, "      … stated in more articles (--evidence N)")?;
            }
            // After the last row of a kind, what the card left out of it.
            let last_of_kind = rels.get(i + 1).is_none_or(|n| n.predicate != r.predicate);
            if last_of_kind {
                if let Some(k) = c
                    .kinds
                    .iter()
                    .find(|k| k.direction == dir && k.predicate == r.predicate)
                    .filter(|k| k.total > k.shown)
                {
                    writeln!(
                        out,
                        "  {arrow} {} … {} more of {} (--relations N, or --all)",
                        k.predicate,
                        k.total - k.shown,
                        k.total
                    )?;
                }
            }
        }
    }
    Ok(())
}
