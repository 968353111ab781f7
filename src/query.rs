//! Named queries (queries/*.rq, embedded) and the formatting of answers.

use crate::error::{Error, Result};
use crate::store::Answer;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::Variable;
use std::io::Write;

/// The largest page a named query gives (`-p limit=…`); for more, write the SPARQL.
pub const MAX_LIMIT: u64 = 1_000_000;

/// A named query: its name, text and default parameters.
#[derive(Debug, Clone)]
pub struct NamedQuery {
    /// The file stem in queries/.
    pub name: &'static str,
    /// The SPARQL text with `{{param}}` placeholders.
    pub text: &'static str,
}

macro_rules! q {
    ($n:literal) => {
        NamedQuery {
            name: $n,
            text: include_str!(concat!("../queries/", $n, ".rq")),
        }
    };
}

/// All named queries, embedded from queries/.
pub const NAMED: &[NamedQuery] = &[
    q!("settled_in_zone"),
    q!("zones_by_industry"),
    q!("zones_sharing_industry"),
    q!("institution_cooperation"),
    q!("parents_and_branches"),
    q!("located_in_province"),
    q!("evidence"),
    q!("province_zone_industry"),
    q!("companies_in_industry_zones"),
    q!("entities_by_type"),
];

impl NamedQuery {
    /// Looks a named query up.
    pub fn get(name: &str) -> Result<&'static NamedQuery> {
        NAMED
            .iter()
            .find(|q| q.name == name)
            .ok_or_else(|| Error::UnknownQuery(name.to_string()))
    }

    /// The first comment lines: what it answers and its parameters.
    pub fn description(&self) -> String {
        self.text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#').trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Parameter names with their defaults (`# param name = value`).
    pub fn params(&self) -> Vec<(&'static str, &'static str)> {
        self.text
            .lines()
            .filter_map(|l| l.strip_prefix("# param "))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect()
    }

    /// The SPARQL text with parameters filled in (defaults where not given).
    pub fn render(&self, given: &[(String, String)]) -> Result<String> {
        let mut text = self.text.to_string();
        for (k, _) in given {
            if !self.params().iter().any(|(p, _)| p == k) {
                return Err(Error::Invalid(format!(
                    "query {} has no parameter {k:?}",
                    self.name
                )));
            }
        }
        for (k, default) in self.params() {
            let v = given
                .iter()
                .find(|(g, _)| g == k)
                .map_or(default, |(_, v)| v.as_str());
            // `limit` caps an answer and stands bare in the query: digits only.
            if k == "limit" {
                // A million rows at most: past that Oxigraph's planner takes the page for the
                // whole answer and joins it by hash with every pair in the store (20 s instead
                // of 0.6 s for zones_sharing_industry on a 10k-article store).
                if v.parse::<u64>().map_or(true, |n| n > MAX_LIMIT) || v.starts_with('+') {
                    return Err(Error::Invalid(format!(
                        "query {}: {k} must be a whole number up to {MAX_LIMIT}, not {v:?}",
                        self.name
                    )));
                }
                text = text.replace(&format!("{{{{{k}}}}}"), v);
                continue;
            }
            // Values are placed inside a string literal: escape what would end it.
            let escaped = v
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', " ");
            text = text.replace(&format!("{{{{{k}}}}}"), &escaped);
        }
        Ok(text)
    }
}

/// How answers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned columns for people.
    Table,
    /// SPARQL CSV.
    Csv,
    /// SPARQL TSV.
    Tsv,
    /// SPARQL JSON.
    Json,
}

/// A term as people read it: labels bare, IRIs shortened where a prefix is known.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            let s = n.as_str();
            for (p, short) in [
                ("https://w3id.org/zonekg/ontology#", "zkg:"),
                ("https://w3id.org/zonekg/id/", "id:"),
                ("https://w3id.org/zonekg/doc/", "doc:"),
                ("http://www.w3.org/ns/org#", "org:"),
                ("http://www.w3.org/2004/02/skos/core#", "skos:"),
            ] {
                if let Some(rest) = s.strip_prefix(p) {
                    return format!("{short}{rest}");
                }
            }
            format!("<{s}>")
        }
        other => other.to_string(),
    }
}

fn width(s: &str) -> usize {
    // CJK characters take two columns in a terminal.
    s.chars()
        .map(|c| {
            if crate::normalize::is_cjk(c)
                || ('\u{3000}'..='\u{30FF}').contains(&c)
                || ('\u{FF00}'..='\u{FFEF}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Writes an answer in the chosen format.
pub fn write_answer(answer: &Answer, format: OutputFormat, mut w: impl Write) -> Result<()> {
    match answer {
        Answer::Boolean(b) => match format {
            OutputFormat::Table => writeln!(w, "{b}")?,
            f => {
                let rf = results_format(f);
                QueryResultsSerializer::from_format(rf).serialize_boolean_to_writer(&mut w, *b)?;
            }
        },
        Answer::Graph(triples) => {
            for t in triples {
                writeln!(w, "{t} .")?;
            }
        }
        Answer::Solutions { vars, rows } => match format {
            OutputFormat::Table => {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|t| t.as_ref().map(display_term).unwrap_or_default())
                            .collect()
                    })
                    .collect();
                let mut widths: Vec<usize> = vars.iter().map(|v| width(v) + 1).collect();
                for r in &cells {
                    for (i, c) in r.iter().enumerate() {
                        widths[i] = widths[i].max(width(c)).min(60);
                    }
                }
                let line = |cols: Vec<String>| {
                    cols.iter()
                        .enumerate()
                        .map(|(i, c)| {
                            format!("{c}{}", " ".repeat(widths[i].saturating_sub(width(c))))
                        })
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                writeln!(
                    w,
                    "{}",
                    line(vars.iter().map(|v| format!("?{v}")).collect())
                )?;
                writeln!(
                    w,
                    "{}",
                    widths
                        .iter()
                        .map(|n| "─".repeat(*n))
                        .collect::<Vec<_>>()
                        .join("  ")
                )?;
                for r in cells {
                    writeln!(w, "{}", line(r))?;
                }
                writeln!(
                    w,
                    "({} row{})",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" }
                )?;
            }
            f => {
                let variables: Vec<Variable> = vars
                    .iter()
                    .map(|v| Variable::new_unchecked(v.clone()))
                    .collect();
                let mut ser = QueryResultsSerializer::from_format(results_format(f))
                    .serialize_solutions_to_writer(&mut w, variables.clone())?;
                for r in rows {
                    ser.serialize(
                        variables
                            .iter()
                            .zip(r)
                            .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                    )?;
                }
                ser.finish()?;
            }
        },
    }
    Ok(())
}

fn results_format(f: OutputFormat) -> QueryResultsFormat {
    match f {
        OutputFormat::Csv => QueryResultsFormat::Csv,
        OutputFormat::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_query_parses_and_documents_itself() {
        for q in NAMED {
            assert!(
                q.text.starts_with('#'),
                "{} must open with a comment",
                q.name
            );
            assert!(
                q.description().contains("Parameters"),
                "{}: {}",
                q.name,
                q.description()
            );
            let text = q.render(&[]).unwrap();
            assert!(!text.contains("{{"), "{}: unfilled parameter", q.name);
            let _ = oxigraph::sparql::SparqlEvaluator::new()
                .parse_query(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
    }

    #[test]
    fn parameters_are_escaped() {
        let q = NamedQuery::get("evidence").unwrap();
        let t = q.render(&[("name".into(), "a\"b".into())]).unwrap();
        assert!(t.contains(r#""a\"b""#));
        assert!(q.render(&[("nope".into(), "x".into())]).is_err());
    }

    #[test]
    fn the_limit_is_a_whole_number_within_the_cap() {
        let q = NamedQuery::get("settled_in_zone").unwrap();
        let t = q.render(&[("limit".into(), "5".into())]).unwrap();
        assert!(t.contains("LIMIT 5\n"), "{t}");
        for bad in ["", "-1", "+5", "1e3", "5 } DROP ALL", "1000001"] {
            assert!(
                q.render(&[("limit".into(), bad.into())]).is_err(),
                "limit {bad:?} accepted"
            );
        }
    }
}
