//! Properties over arbitrary and CJK-heavy text: spans slice the original, extraction is
//! deterministic, nothing panics.

use proptest::prelude::*;
use zonekg::Input;

/// Text made of pieces of Chinese news: names, suffixes, verbs, punctuation, layout damage.
fn cjk_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "高新区",
        "科学城",
        "产业园",
        "有限公司",
        "集团",
        "大学",
        "研究院",
        "引进",
        "落户",
        "入驻",
        "围绕",
        "主导产业",
        "、",
        "等",
        ",",
        "。",
        "与",
        "合作",
        "\n\n",
        "## ",
        "本报讯",
        "(",
        ")",
        "青岚",
        "星河",
        "重庆",
        "郑州",
        "集成电路",
        "物联网",
        "所",
        "602",
        "A",
        "Bosch",
        "该区",
        "专注于",
        "领域",
        "分公司",
        "位于",
        "的",
        "“",
        "”",
        " ",
        "\u{3000}",
        "，",
        "（",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let inputs = [Input {
        source: "p.txt".into(),
        text: text.to_string(),
    }];
    let x = zonekg::extract(&inputs);
    for e in &x.entities {
        for m in &e.mentions {
            let d = x
                .documents
                .iter()
                .find(|d| d.id == m.doc)
                .expect("mention's document");
            let s: String = d
                .text
                .chars()
                .skip(m.span.start)
                .take(m.span.end - m.span.start)
                .collect();
            assert_eq!(s, m.text);
        }
    }
    for r in &x.relations {
        assert!(!r.evidence.is_empty());
        for ev in &r.evidence {
            let d = x
                .documents
                .iter()
                .find(|d| d.id == ev.doc)
                .expect("evidence's document");
            let slice: String = d
                .text
                .chars()
                .skip(ev.span.start)
                .take(ev.span.end - ev.span.start)
                .map(zonekg::normalize::fold_char)
                .collect();
            // The sentence is the slice cleaned of layout damage: its characters stand in the
            // slice in order.
            let mut it = slice.chars();
            for c in ev.sentence.chars().filter(|c| !c.is_whitespace()) {
                assert!(
                    it.any(|s| s == c),
                    "sentence {:?} not within {:?}",
                    ev.sentence,
                    slice
                );
            }
        }
    }
    let again = zonekg::json::to_json(&zonekg::extract(&inputs));
    assert_eq!(zonekg::json::to_json(&x), again, "deterministic");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_and_determinism_on_news_like_text(text in cjk_text()) {
        check(&text);
    }

    #[test]
    fn nothing_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn normalization_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let arts = zonekg::normalize::split_articles(&text, "b.txt");
        for a in arts {
            for s in &a.norm.sentences {
                let sp = a.norm.to_orig(s.clone());
                prop_assert!(sp.start <= sp.end && sp.end <= a.doc.text.chars().count());
            }
        }
    }
}
