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
        let here = file.display().to_string();
        // Enums made by `text_enum!` (src/domain/crm.rs) derive ToSchema inside the macro.
        for (i, _) in text.match_indices("text_enum!(") {
            let rest = &text[i + "text_enum!(".len()..];
            let name: String = rest
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("///"))
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() || name.starts_with('$') {
                continue;
            }
            if let Some(other) = seen.insert(name.clone(), here.clone()) {
                clashes.push(format!("{name}: {other} and {here}"));
            }
        }
        let mut derives_schema = false;
        let mut in_derive = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("#[derive(") || in_derive {
                derives_schema |= line.contains("ToSchema");
                in_derive = !line.contains(")]");
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
                if let Some(other) = seen.insert(name.clone(), here.clone()) {
                    clashes.push(format!("{name}: {other} and {here}"));
                }
            }
            derives_schema = false;
        }
    }
    assert!(clashes.is_empty(), "schema names used twice: {clashes:?}");
}
