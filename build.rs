//! Decodes the embedded manifest at build time, so that the binary reads it as JSON (about a
//! tenth of the cost) instead of YAML on every run. The YAML stays the source of truth: the
//! same YAML codec and schema decode it, and a test checks both readings agree.

#[path = "src/curriculum/manifest_schema.rs"]
mod manifest_schema;
#[path = "src/yaml/codec.rs"]
#[allow(dead_code)]
mod yaml;

fn main() {
    println!("cargo::rerun-if-changed=curriculum/learnpath.yaml");
    println!("cargo::rerun-if-changed=src/curriculum/manifest_schema.rs");
    println!("cargo::rerun-if-changed=src/yaml/codec.rs");
    let text = std::fs::read_to_string("curriculum/learnpath.yaml")
        .expect("curriculum/learnpath.yaml is part of the package");
    let manifest: manifest_schema::Manifest = yaml::decode(&text).unwrap_or_else(|error| {
        panic!(
            "curriculum/learnpath.yaml:{}: {}",
            error.line.unwrap_or(0),
            error.message
        )
    });
    let json = serde_json::to_string(&manifest).expect("the manifest encodes as JSON");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("embedded_manifest.json"), json).expect("OUT_DIR is writable");
}
