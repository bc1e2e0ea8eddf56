//! Generates the client from `openapi-3.0.json` (the 3.0 copy of openapi/openapi.json that
//! clients/generate.sh makes) into OUT_DIR, so generated code is neither committed nor
//! formatted by `cargo fmt`.
//!
//! progenitor handles JSON bodies only, and one success type per operation; operations whose
//! request body has no JSON form (CSV import) or whose 2xx answers differ (bulk posting: 201
//! or 200) are left out of the generated client and listed in `OMITTED_OPERATIONS`: call them
//! with `Accord::raw()`.
//!
//! progenitor types an operation's errors only when the response is written inline, so the
//! shared `#/components/responses/ProblemNNN` references are inlined first: errors then
//! arrive as `Error::ErrorResponse(ResponseValue<types::Problem>)`. Every `Page_<Item>` schema
//! gets an `impl Page` so `Accord::paginate` works for every list.

use std::error::Error;
use std::path::PathBuf;

use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle};
use serde_json::Value;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn main() -> Result<(), Box<dyn Error>> {
    let spec_path = "openapi-3.0.json";
    println!("cargo:rerun-if-changed={spec_path}");
    let mut spec: Value = serde_json::from_reader(std::fs::File::open(spec_path)?)?;

    let mut omitted = Vec::new();
    if let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for method in METHODS {
                let op = item.get(method);
                let unsupported = op
                    .and_then(|op| op.pointer("/requestBody/content"))
                    .and_then(Value::as_object)
                    .is_some_and(|content| !content.contains_key("application/json"))
                    || op.is_some_and(|op| success_types(op) > 1);
                if unsupported {
                    if let Some(op) = item.remove(method) {
                        let id = op
                            .get("operationId")
                            .and_then(Value::as_str)
                            .unwrap_or(method);
                        omitted.push(id.to_owned());
                    }
                }
            }
        }
    }

    inline_responses(&mut spec);
    let mut extras = page_impls(&spec);
    extras.push_str(&cursor_impls(&spec));

    let spec: openapiv3::OpenAPI = serde_json::from_value(spec)?;
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_inner_type("crate::hooks::Session".parse()?)
        .with_pre_hook_async("crate::hooks::before_send".parse()?)
        .with_derive("PartialEq");
    let mut generator = Generator::new(&settings);
    let tokens = generator.generate_tokens(&spec)?;
    let file: syn::File = syn::parse2(tokens)?;
    let mut code = prettyplease::unparse(&file);
    code.push_str(&format!(
        "\n/// Operations of the spec that this client does not generate (non-JSON request bodies, several success types).\npub const OMITTED_OPERATIONS: &[&str] = &{omitted:?};\n"
    ));
    code.push_str(&extras);
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("accord_api.rs");
    std::fs::write(out, code)?;
    Ok(())
}

/// How many different JSON bodies an operation's 2xx answers carry: progenitor takes one
/// (`POST /ledger/journal-entries/bulk` answers 201 with the entries or 200 with a result each).
fn success_types(op: &Value) -> usize {
    let mut types: Vec<&Value> = op
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(status, _)| status.starts_with('2'))
        .filter_map(|(_, r)| r.pointer("/content/application~1json/schema"))
        .collect();
    types.dedup();
    types.len()
}

/// Replaces `{"$ref": "#/components/responses/X"}` in operations with the response itself
/// (its `application/problem+json` content declared as `application/json`).
fn inline_responses(spec: &mut Value) {
    let shared = spec
        .pointer("/components/responses")
        .cloned()
        .unwrap_or(Value::Null);
    let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        for method in METHODS {
            let Some(responses) = item
                .pointer_mut(&format!("/{method}/responses"))
                .and_then(Value::as_object_mut)
            else {
                continue;
            };
            for response in responses.values_mut() {
                let target = response
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/responses/"))
                    .and_then(|name| shared.get(name))
                    .cloned();
                if let Some(target) = target {
                    *response = target;
                }
                // progenitor decodes `application/json` only; a problem document is JSON.
                if let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) {
                    if let Some(problem) = content.remove("application/problem+json") {
                        content.insert("application/json".to_owned(), problem);
                    }
                }
            }
        }
    }
}

/// `impl crate::Page for types::PageX` for every `Page_X` schema whose items are `X`.
fn page_impls(spec: &Value) -> String {
    let mut code = String::new();
    let Some(schemas) = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return code;
    };
    for (name, schema) in schemas {
        let Some(item) = name.strip_prefix("Page_") else {
            continue;
        };
        let items_ref = schema
            .pointer("/properties/data/items/$ref")
            .and_then(Value::as_str);
        if items_ref != Some(&format!("#/components/schemas/{item}")) {
            continue;
        }
        code.push_str(&format!(
            "impl crate::Page for types::Page{item} {{\n    type Item = types::{item};\n    fn into_parts(self) -> (Vec<types::{item}>, Option<String>) {{\n        (self.data, self.next_cursor)\n    }}\n}}\n"
        ));
    }
    code
}

/// `impl crate::WithCursor for builder::X` for every operation with a `cursor` parameter.
fn cursor_impls(spec: &Value) -> String {
    let mut code = String::new();
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
        return code;
    };
    for item in paths.values() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let has_cursor = op
                .get("parameters")
                .and_then(Value::as_array)
                .is_some_and(|ps| {
                    ps.iter()
                        .any(|p| p.get("name") == Some(&Value::from("cursor")))
                });
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            if !has_cursor {
                continue;
            }
            let builder: String = id
                .split('_')
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                        .unwrap_or_default()
                })
                .collect();
            code.push_str(&format!(
                "impl crate::WithCursor for builder::{builder}<'_> {{\n    fn with_cursor(self, cursor: Option<String>) -> Self {{\n        match cursor {{\n            Some(c) => self.cursor(c),\n            None => self,\n        }}\n    }}\n}}\n"
            ));
        }
    }
    code
}
