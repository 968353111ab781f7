fn main() {
    let mut inputs = Vec::new();
    for p in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&p).unwrap();
        inputs.push(zonekg::Input { source: p, text });
    }
    let x = zonekg::extract(&inputs);
    println!("{}", serde_json::to_string_pretty(&zonekg::json::to_json(&x)).unwrap());
}
