//! The layers depend one way (http → app → domain + db): a source-level check that fails
//! when a file names a layer it must not. `http` is the edge and never reaches past the use
//! cases into the database; `app` is transport-free; `auth`, `db` and `domain` know nothing
//! of HTTP; `domain` is pure.

use std::path::{Path, PathBuf};

/// Which names each layer's files must not contain, and why.
const RULES: &[(&str, &[&str], &str)] = &[
    (
        "src/http",
        &["crate::db", "db::"],
        "handlers call use cases; rows, queries and transactions stay below app",
    ),
    (
        "src/app",
        &["crate::http", "actix_web", "actix_http"],
        "use cases are callable without HTTP",
    ),
    (
        "src/auth",
        &["crate::http", "actix_web"],
        "auth keeps the caller, the policy and tokens",
    ),
    (
        "src/db",
        &["crate::http", "crate::app", "actix_web"],
        "the database layer serves app",
    ),
    (
        "src/domain",
        &[
            "crate::http",
            "crate::app",
            "crate::db",
            "diesel",
            "actix_web",
        ],
        "the domain is pure rules",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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

/// The code of a file without its comments, so a doc line may mention another layer.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn layers_name_only_what_they_may() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut broken = Vec::new();
    for (dir, forbidden, why) in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        assert!(!files.is_empty(), "no sources under {dir}");
        for file in files {
            let code = code_of(&std::fs::read_to_string(&file).unwrap_or_default());
            for name in *forbidden {
                for (n, line) in code.lines().enumerate() {
                    if line.contains(name) {
                        broken.push(format!(
                            "{}:{}: names `{name}` ({why}): {}",
                            file.strip_prefix(root).unwrap_or(&file).display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} layering breaks:\n{}",
        broken.len(),
        broken.join("\n")
    );
}
