//! Arbitrary bytes: decoding (UTF-8, GB18030, Big5, HTML) and the whole extraction.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = zonekg::input::decode(std::path::Path::new("fuzz.txt"), data, true) {
        let x = zonekg::extract(&[zonekg::Input { source: "fuzz.txt".into(), text: d.text }]);
        let _ = zonekg::json::to_json(&x);
        let _ = zonekg::rdf::all_quads(&x, "2026-01-01T00:00:00Z");
    }
});
