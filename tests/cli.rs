//! The command line against a temporary store.

use assert_cmd::Command;
use predicates::prelude::*;

fn zonekg() -> Command {
    Command::cargo_bin("zonekg").unwrap()
}

/// The standard output of a command that must succeed.
fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// The store's quads as `zonekg stats` counts them.
fn quads_in(store: &std::path::Path) -> usize {
    let out = stdout_of(zonekg().arg("stats").arg("--store").arg(store));
    out.lines()
        .find_map(|l| l.strip_prefix("quads: "))
        .expect("stats prints the quads")
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn ingest_twice_adds_no_quads_then_query_and_lookup() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    let first = zonekg()
        .args(["ingest", "data/corpus", "--store"])
        .arg(&store)
        .assert()
        .success();
    let out1 = first.get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&out1).contains("documents: 6 (6 new"));
    let quads1 = quads_in(&store);
    assert!(quads1 > 1000, "{quads1}");
    let second = zonekg()
        .args(["ingest", "data/corpus", "--store"])
        .arg(&store)
        .assert()
        .success();
    let out2 = second.get_output().stdout.clone();
    assert!(
        String::from_utf8_lossy(&out2).contains("quads: 0 written"),
        "{}",
        String::from_utf8_lossy(&out2)
    );
    assert_eq!(quads1, quads_in(&store));

    zonekg()
        .args([
            "query",
            "--name",
            "settled_in_zone",
            "-p",
            "zone=郑州高新区",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("小鸟科技"));
    zonekg()
        .args([
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/zonekg/ontology#Zone> }",
            "--format",
            "csv",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("n\r\n"));
    zonekg()
        .args(["lookup", "Chinese Academy of Sciences", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("中国科学院 (Institution)")
                .and(predicate::str::contains("cooperatesWith")),
        );
    // A capped listing says so on stderr and keeps stdout to the rows; an uncapped one is
    // quiet. The query's own default zone is used, and the card's entity is taken from the
    // answer, so that no name of the sample is written here.
    let settled = |extra: &[&str]| {
        let mut c = zonekg();
        c.args(["query", "--name", "settled_in_zone", "--format", "csv"])
            .args(extra)
            .arg("--store")
            .arg(&store);
        c
    };
    settled(&["-p", "limit=2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("the first 2 rows"))
        .stdout(predicate::function(|o: &str| o.lines().count() == 3));
    let whole = settled(&[])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    settled(&["-p", "limit=ten"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("whole number"));
    // The site most organizations settled in: its card shows one of them and counts the rest.
    let csv = String::from_utf8_lossy(&whole.get_output().stdout).to_string();
    let mut sites: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit(',').next())
        .collect();
    sites.sort();
    let site = sites
        .chunk_by(|a, b| a == b)
        .max_by_key(|c| c.len())
        .map(|c| c[0].trim())
        .unwrap();
    let card = stdout_of(
        zonekg()
            .args(["lookup", site, "--relations", "1", "--store"])
            .arg(&store),
    );
    assert!(card.contains("more of"), "{card}");
    let all = stdout_of(
        zonekg()
            .args(["lookup", site, "--all", "--store"])
            .arg(&store),
    );
    assert!(!all.contains("more of") && all.lines().count() > card.lines().count());
    zonekg()
        .args(["stats", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("documents: 6"));
}

#[test]
fn sparql_errors_give_line_and_column_and_updates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    zonekg()
        .args(["ingest", "data/corpus", "--quiet", "--store"])
        .arg(&store)
        .assert()
        .success();
    zonekg()
        .args(["query", "SELECT ?s WHERE {\n  ?s ?p \n}}", "--store"])
        .arg(&store)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("error at 3:").and(predicate::str::contains("zonekg: error")),
        );
    zonekg()
        .args(["query", "DELETE WHERE { ?s ?p ?o }", "--store"])
        .arg(&store)
        .assert()
        .failure()
        .stderr(predicate::str::contains("zonekg update"));
    zonekg()
        .args(["lookup", "没有这个名字", "--store"])
        .arg(&store)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no entity named"));
}

#[test]
fn extract_writes_the_design_json() {
    let out = zonekg()
        .args(["extract", "data/corpus", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 6);
    let e = &v["entities"][0];
    for k in ["id", "type", "label", "labels", "aliases", "mentions"] {
        assert!(e.get(k).is_some(), "entity field {k}");
    }
    let r = &v["relations"][0];
    for k in ["subject", "predicate", "object", "evidence"] {
        assert!(r.get(k).is_some(), "relation field {k}");
    }
    let ev = &r["evidence"][0];
    for k in ["doc", "sentence", "start", "end"] {
        assert!(ev.get(k).is_some(), "evidence field {k}");
    }
    zonekg()
        .args(["extract", "data/corpus", "--format", "nquads"])
        .assert()
        .success()
        .stdout(predicate::str::contains("settledIn"));
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xff\xfe\x00garbage").unwrap();
    zonekg()
        .args(["extract"])
        .arg(dir.path().join("missing.txt"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.txt"));
    let store = dir.path().join("kg.db");
    zonekg()
        .args(["ingest"])
        .arg(dir.path().join("bad.txt"))
        .arg("--store")
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt"));
}

#[test]
fn a_changed_file_replaces_its_article_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    let f = dir.path().join("news.txt");
    std::fs::write(
        &f,
        "## 青岚高新区\n\n近日,星河科技集团正式签约入驻青岚高新区。\n",
    )
    .unwrap();
    zonekg()
        .arg("ingest")
        .arg(&f)
        .arg("--store")
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new"));
    std::fs::write(
        &f,
        "## 青岚高新区\n\n近日,云顶电子集团正式签约入驻青岚高新区。\n",
    )
    .unwrap();
    zonekg()
        .arg("ingest")
        .arg(&f)
        .arg("--store")
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new, 0 unchanged, 1 replaced"));
    zonekg()
        .args(["stats", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("documents: 1"));
    // The old article's relation is gone with its graph; the new one is there.
    let s = stdout_of(
        zonekg()
            .args([
                "query",
                "--name",
                "settled_in_zone",
                "-p",
                "zone=青岚高新区",
                "--format",
                "csv",
                "--store",
            ])
            .arg(&store),
    );
    assert!(
        s.contains("云顶电子集团") && !s.contains("星河科技集团"),
        "{s}"
    );
}

#[test]
fn traversal_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    zonekg()
        .args(["ingest", "data/corpus", "--quiet", "--store"])
        .arg(&store)
        .assert()
        .success();
    // A path between an alias and an English name, with its evidence.
    zonekg()
        .args(["path", "北航", "Jingdezhen", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("cooperatesWith").and(predicate::str::contains("“")));
    zonekg()
        .args([
            "neighbors",
            "郑州高新区",
            "--depth",
            "1",
            "--predicate",
            "settledIn",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("settledIn").and(predicate::str::contains("locatedIn").not()),
        );
    zonekg()
        .args(["rank", "--type", "Zone", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("1. "));
    // Same store, same DOT, byte for byte.
    let dot = |store: &std::path::Path| {
        zonekg()
            .args(["export", "--format", "dot", "--cluster", "--store"])
            .arg(store)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let (a, b) = (dot(&store), dot(&store));
    assert_eq!(a, b);
    assert!(String::from_utf8_lossy(&a).contains("legend"));
    // SVG through Graphviz: well-formed XML holding the labels.
    let svg = stdout_of(
        zonekg()
            .args([
                "export",
                "--format",
                "svg",
                "--around",
                "郑州高新区",
                "--depth",
                "2",
                "--store",
            ])
            .arg(&store),
    );
    // Graphviz writes a DOCTYPE; allow it.
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, opts).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
    for label in ["郑州高新技术产业开发区", "settledIn", "Zhengzhou"] {
        assert!(texts.contains(label), "{label} not in the SVG");
    }
    // Every zone the store says is part of the national zone is drawn (read from the store,
    // so that the test names no entity of the sample).
    let parts = stdout_of(
        zonekg()
            .args([
                "query",
                "--format",
                "tsv",
                "SELECT ?l WHERE { ?p <https://w3id.org/zonekg/ontology#partOf> ?z . \
                 ?z <http://www.w3.org/2000/01/rdf-schema#label> \"郑州高新技术产业开发区\"@zh . \
                 ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
                "--store",
            ])
            .arg(&store),
    );
    let parts: Vec<&str> = parts
        .lines()
        .skip(1)
        .filter_map(|l| l.strip_prefix('"')?.strip_suffix("\"@zh"))
        .collect();
    assert!(!parts.is_empty(), "no part of the zone found");
    for label in parts {
        assert!(texts.contains(label), "{label} not in the SVG");
    }
    zonekg()
        .args(["path", "没有这个", "郑州高新区", "--store"])
        .arg(&store)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no entity named"));
}
