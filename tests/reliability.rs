//! Bad input, crashes and concurrent use never lose data.

#[path = "../benches/generator.rs"]
mod generator;

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;

fn zonekg() -> Command {
    Command::cargo_bin("zonekg").unwrap()
}

#[test]
fn a_folder_of_bad_files_is_ingested_past_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    zonekg()
        .args(["ingest", "tests/fixtures/mixed", "--verbose", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("documents: 6 (6 new"))
        .stderr(
            predicate::str::contains("binary.bin: binary file")
                .and(predicate::str::contains("empty.txt: empty file"))
                .and(predicate::str::contains(
                    "invalid.txt: not UTF-8 text (invalid byte at offset 11)",
                ))
                .and(predicate::str::contains("gbk.txt: read as gb18030"))
                .and(predicate::str::contains("page.html: read as UTF-8+html"))
                .and(predicate::str::contains("english.txt: no Chinese text")),
        );
    // What could be read is in the store: GB18030 and HTML articles among it.
    for name in ["飞羽科技集团", "瑞达电子集团", "云顶电子集团"] {
        zonekg()
            .args(["lookup", name, "--store"])
            .arg(&store)
            .assert()
            .success()
            .stdout(predicate::str::contains("settledIn"));
    }
    zonekg()
        .args(["check", "--store"])
        .arg(&store)
        .assert()
        .success();
    // --lossy reads the invalid file too; --max-file-size skips large ones.
    zonekg()
        .args([
            "ingest",
            "tests/fixtures/mixed/invalid.txt",
            "--lossy",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success();
    zonekg()
        .args([
            "ingest",
            "tests/fixtures/mixed/page.html",
            "--max-file-size",
            "10",
            "--store",
        ])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over --max-file-size"));
}

#[test]
fn dump_and_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    zonekg()
        .args(["ingest", "data/corpus", "-q", "--store"])
        .arg(&a)
        .assert()
        .success();
    for fmt in ["nquads", "trig"] {
        let dump = zonekg()
            .args(["dump", "--format", fmt, "--store"])
            .arg(&a)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let file = dir.path().join(if fmt == "nquads" {
            "dump.nq"
        } else {
            "dump.trig"
        });
        std::fs::write(&file, &dump).unwrap();
        let target = dir.path().join(format!("{fmt}.db"));
        zonekg()
            .arg("load")
            .arg(&file)
            .arg("--store")
            .arg(&target)
            .assert()
            .success();
        let again = zonekg()
            .args(["dump", "--format", "nquads", "--store"])
            .arg(&target)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let orig = zonekg()
            .args(["dump", "--format", "nquads", "--store"])
            .arg(&a)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let sorted = |v: &[u8]| {
            let mut l: Vec<String> = String::from_utf8_lossy(v)
                .lines()
                .map(str::to_string)
                .collect();
            l.sort();
            l
        };
        assert_eq!(sorted(&orig), sorted(&again), "{fmt} round trip");
    }
    let _ = b;
}

#[test]
fn a_second_writer_is_refused_and_readers_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    zonekg()
        .args(["ingest", "data/corpus", "-q", "--store"])
        .arg(&store)
        .assert()
        .success();
    // This process holds the store for writing.
    let held = zonekg::KnowledgeGraph::open(&store).unwrap();
    zonekg()
        .args(["ingest", "data/corpus", "--store"])
        .arg(&store)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("is in use by another process")
                .and(predicate::str::contains("kg.db")),
        );
    // Reading a RocksDB store while another process writes it is unsafe in Oxigraph, so
    // readers say so clearly instead of risking it …
    zonekg()
        .args(["lookup", "中科院", "--store"])
        .arg(&store)
        .assert()
        .failure()
        .stderr(predicate::str::contains("being written by another process"));
    drop(held);
    // … and work as soon as the writer is gone.
    zonekg()
        .args(["lookup", "中科院", "--store"])
        .arg(&store)
        .assert()
        .success();
    zonekg()
        .args(["query", "--name", "parents_and_branches", "--store"])
        .arg(&store)
        .assert()
        .success();
}

#[test]
fn runaway_queries_stop_at_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("kg.db");
    zonekg()
        .args(["ingest", "data/corpus", "-q", "--store"])
        .arg(&store)
        .assert()
        .success();
    zonekg()
        .args([
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            "--timeout",
            "0.5",
            "--store",
        ])
        .arg(&store)
        .assert()
        .failure()
        .stderr(predicate::str::contains("timeout"));
}

#[test]
fn a_killed_ingest_leaves_a_whole_store_that_a_second_ingest_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut g = generator::Generator::new(99);
    for f in 0..20 {
        let mut file = std::fs::File::create(corpus.join(format!("{f:03}.txt"))).unwrap();
        for i in 0..50 {
            file.write_all(g.article(f * 50 + i + 1, 6).text.as_bytes())
                .unwrap();
        }
    }
    let store = dir.path().join("kg.db");
    let bin = assert_cmd::cargo::cargo_bin("zonekg");
    let mut child = std::process::Command::new(&bin)
        .args(["ingest", "--batch-mib", "1", "-q", "--store"])
        .arg(&store)
        .arg(&corpus)
        .spawn()
        .unwrap();
    // Kill it part-way: once some articles are written, or after a while.
    let t0 = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let current = store.join("CURRENT").exists();
        if (current && t0.elapsed().as_millis() > 600) || t0.elapsed().as_secs() > 20 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    let _ = child.wait();
    // The store opens and is consistent.
    zonekg()
        .args(["check", "--store"])
        .arg(&store)
        .assert()
        .success();
    // Ingesting again completes the corpus, and a third time adds nothing.
    zonekg()
        .args(["ingest", "-q", "--store"])
        .arg(&store)
        .arg(&corpus)
        .assert()
        .success();
    let stats = zonekg()
        .args(["stats", "--store"])
        .arg(&store)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8_lossy(&stats).contains("documents: 1000"),
        "{}",
        String::from_utf8_lossy(&stats)
    );
    let out = zonekg()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&corpus)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("0 new, 1000 unchanged")
            && String::from_utf8_lossy(&out).contains("quads: 0 written")
    );
    zonekg()
        .args(["check", "--store"])
        .arg(&store)
        .assert()
        .success();
}

#[test]
fn a_table_without_sentence_punctuation_is_extracted_in_bounded_pieces() {
    // A tab-separated table of generated names and relations (the generator's gold) dropped
    // into a corpus folder: no sentence punctuation, so all of it was one sentence. Each of
    // its relations carried the whole file as evidence (1 MB gave 3.6 GB of JSON and took
    // 12 GB of memory) and recognition compared every name with every other.
    let mut g = generator::Generator::new(7);
    let mut tsv = String::from("article\tsubject\tpredicate\tobject\trequired\n");
    for n in 1..=150 {
        for (s, p, o, req) in g.article(n, 2).relations {
            tsv.push_str(&format!(
                "{n}\t{s}\t{p}\t{o}\t{}\n",
                if req { "y" } else { "n" }
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gold.relations.tsv");
    std::fs::write(&file, &tsv).unwrap();
    let out = zonekg()
        .args(["extract", "--format", "json"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let relations = json["relations"].as_array().unwrap();
    assert!(relations.len() > 100, "{} relations", relations.len());
    for r in relations {
        for e in r["evidence"].as_array().unwrap() {
            let n = e["sentence"].as_str().unwrap().chars().count();
            assert!(
                n <= zonekg::normalize::MAX_SENTENCE_CHARS,
                "a sentence of {n} characters"
            );
        }
    }
    // The answer grows with the input, not with its square.
    assert!(
        out.len() < 40 * tsv.len(),
        "{} bytes of JSON for {} bytes of input",
        out.len(),
        tsv.len()
    );
}
