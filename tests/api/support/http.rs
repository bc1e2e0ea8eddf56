//! Requests and answers, and the calls every test makes: create something (201), read it
//! (200), act on it (200), walk a list to its end.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::TestApp;

/// An answer: status, headers and the body as JSON (`Value::Null` when empty or not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    pub fn is_problem(&self) -> bool {
        self.header("content-type")
            .is_some_and(|c| c.starts_with("application/problem+json"))
    }

    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    /// The fields named in a problem's `errors`.
    pub fn error_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["field"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub struct Req {
    builder: reqwest::RequestBuilder,
}

impl Req {
    pub fn token(mut self, token: &str) -> Self {
        self.builder = self.builder.bearer_auth(token);
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.builder = self.builder.header(name, value);
        self
    }

    pub fn json(mut self, body: &Value) -> Self {
        self.builder = self.builder.json(body);
        self
    }

    pub fn raw(mut self, body: impl Into<reqwest::Body>, content_type: &str) -> Self {
        self.builder = self.builder.header("content-type", content_type).body(body);
        self
    }

    pub async fn send(self) -> Answer {
        let res = self.builder.send().await.expect("request failed");
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            text,
        }
    }
}

/// The `id` of a resource in an answer.
#[track_caller]
pub fn id_of(v: &Value) -> String {
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id in {v}"))
        .to_owned()
}

/// The ids of list rows, in order.
pub fn ids_of(rows: &[Value]) -> Vec<String> {
    rows.iter().map(id_of).collect()
}

impl TestApp {
    pub fn req(&self, method: Method, path: &str) -> Req {
        Req {
            builder: self
                .client
                .request(method, format!("{}{}", self.base, path)),
        }
    }

    pub fn get(&self, path: &str) -> Req {
        self.req(Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Req {
        self.req(Method::POST, path)
    }

    pub fn put(&self, path: &str) -> Req {
        self.req(Method::PUT, path)
    }

    pub fn patch(&self, path: &str) -> Req {
        self.req(Method::PATCH, path)
    }

    pub fn delete(&self, path: &str) -> Req {
        self.req(Method::DELETE, path)
    }

    /// `method path` as `token`, with a JSON body when one is given.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&Value>,
    ) -> Answer {
        let mut r = self.req(method, path).token(token);
        if let Some(b) = body {
            r = r.json(b);
        }
        r.send().await
    }

    /// POSTs `body` and insists on 201; returns what was created.
    pub async fn create(&self, token: &str, path: &str, body: Value) -> Value {
        let a = self.post(path).token(token).json(&body).send().await;
        assert_eq!(a.status, StatusCode::CREATED, "{path}: {}", a.text);
        a.body
    }

    /// GETs `path` and insists on 200.
    pub async fn fetch(&self, token: &str, path: &str) -> Value {
        let a = self.get(path).token(token).send().await;
        assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
        a.body
    }

    /// POSTs an action and insists on 200.
    pub async fn act(&self, token: &str, path: &str, body: Value) -> Value {
        let a = self.post(path).token(token).json(&body).send().await;
        assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
        a.body
    }

    /// Every row of a list, from `first` (a path with its query) to the end.
    pub async fn walk(&self, token: &str, first: &str) -> Vec<Value> {
        self.walk_pages(token, first, None).await.0
    }

    /// Walks a list from `cursor` (or the start) to the end: the rows and how many pages it
    /// took. `first` is the path with its query.
    pub async fn walk_pages(
        &self,
        token: &str,
        first: &str,
        cursor: Option<String>,
    ) -> (Vec<Value>, usize) {
        let mut rows = Vec::new();
        let mut pages = 0;
        let mut cursor = cursor;
        loop {
            let path = match &cursor {
                None => first.to_owned(),
                Some(c) => format!("{first}&cursor={c}"),
            };
            let a = self.get(&path).token(token).send().await;
            assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
            pages += 1;
            rows.extend(a.body["data"].as_array().unwrap().iter().cloned());
            match a.body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return (rows, pages),
            }
            assert!(pages < 100, "the list {first} never ends");
        }
    }
}
