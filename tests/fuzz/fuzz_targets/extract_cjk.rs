//! CJK-heavy text built from pieces of Chinese news chosen by the fuzzer's bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

const PIECES: &[&str] = &[
    "高新区", "科学城", "产业园", "有限公司", "集团", "大学", "研究院", "引进", "落户", "入驻", "围绕", "主导产业", "、", "等", ",",
    "。", "与", "合作", "\n\n", "## ", "本报讯", "(", ")", "青岚", "星河", "重庆", "郑州", "集成电路", "物联网", "所", "602",
    "Bosch", "该区", "专注于", "领域", "分公司", "位于", "的", "“", "”", " ", "\u{3000}", "，", "（", "）", "签约", "子公司", "其",
    "以", "为代表的", "企业", "在", "建设", "分别", "和", "及", "总部", "园区", "基地", "中心", "厅", "局", "科技", "电子", "►",
];

fuzz_target!(|data: &[u8]| {
    let text: String = data.iter().map(|&b| PIECES[b as usize % PIECES.len()]).collect();
    let x = zonekg::extract(&[zonekg::Input { source: "fuzz.txt".into(), text }]);
    for e in &x.entities {
        for m in &e.mentions {
            assert!(m.span.start <= m.span.end);
        }
    }
    let _ = zonekg::json::to_json(&x);
});
