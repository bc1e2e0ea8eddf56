//! utoipa names a component schema after its Rust type and keeps only one of two types with
//! the same name, so the spec (and every generated client) would silently describe the wrong
//! body. This checks that the types deriving `ToSchema` have distinct names.

use std::collections::HashMap;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn schema_type_names_are_unique() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut clashes = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut derives_schema = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("#[derive(") && line.contains("ToSchema") {
                derives_schema = true;
                continue;
            }
            if line.starts_with("#[") || line.starts_with("///") {
                continue;
            }
            if derives_schema {
                let name = line
                    .trim_start_matches("pub ")
                    .trim_start_matches("struct ")
                    .trim_start_matches("enum ")
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let here = file.display().to_string();
                if let Some(other) = seen.insert(name.clone(), here.clone()) {
                    clashes.push(format!("{name}: {other} and {here}"));
                }
            }
            derives_schema = false;
        }
    }
    assert!(clashes.is_empty(), "schema names used twice: {clashes:?}");
}
