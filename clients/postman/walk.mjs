// Runs the day's walk through the generated Postman collection with newman: each step is a
// request taken from accord.postman_collection.json (so its URL, auth and the collection's
// login script are the generated ones) with the walk's body, query and assertions.
// Usage: node walk.mjs BASE_URL   (newman comes from clients/tools)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../tools/package.json", import.meta.url));
const newman = require("newman");

const baseUrl = process.argv[2];
const collection = JSON.parse(readFileSync(new URL("./accord.postman_collection.json", import.meta.url), "utf8"));

function* requests(items) {
  for (const item of items) {
    if (item.item) yield* requests(item.item);
    else yield item;
  }
}
const all = [...requests(collection.item)];

function step(name, method, path, { body, query = {}, headers = {}, tests = [] } = {}) {
  const found = all.find((i) => i.request.method === method && "/" + i.request.url.path.join("/") === path);
  if (!found) throw new Error(`the collection has no ${method} ${path}`);
  const item = structuredClone(found);
  item.name = name;
  delete item.response;
  const url = item.request.url;
  url.query = Object.entries(query).map(([key, value]) => ({ key, value: String(value) }));
  item.request.header = [
    ...(item.request.header ?? []).filter((h) => !(h.key in headers)),
    ...Object.entries(headers).map(([key, value]) => ({ key, value })),
  ];
  if (body !== undefined) {
    item.request.body = { mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } };
  }
  item.event = [{ listen: "test", script: { type: "text/javascript", exec: tests } }];
  return item;
}

const status = (code) => `pm.test('status ${code}', () => pm.response.to.have.status(${code}));`;
const keep = (name, expr) => `pm.collectionVariables.set('${name}', ${expr});`;

const walk = [
  step("sign up", "POST", "/api/v1/auth/signup", {
    body: {
      organization_name: "Acme Ltd",
      name: "Olivia Owner",
      email: "{{email}}",
      password: "{{password}}",
      base_currency: "USD",
    },
    tests: [status(201)],
  }),
  step("me (the collection logs in first)", "GET", "/api/v1/me", {
    tests: [status(200), "pm.test('a user', () => pm.expect(pm.response.json().principal).to.eql('user'));"],
  }),
  step("create a user", "POST", "/api/v1/users", {
    body: {
      name: "Kim Kam",
      email: "kim-{{$timestamp}}@acme.example",
      password: "a long password 1",
      role: "account_manager",
      title: "key_account_manager",
    },
    tests: [status(201)],
  }),
  step("create a client account", "POST", "/api/v1/accounts", {
    body: { name: "Globex Corporation", tier: "key", status: "active", is_customer: true, currency: "USD" },
    tests: [status(201), keep("accountId", "pm.response.json().id")],
  }),
  step("add a contact", "POST", "/api/v1/contacts", {
    body: { account_id: "{{accountId}}", name: "Hank Scorpio", seniority: "c_level", influence: "economic_buyer" },
    tests: [status(201), keep("contactId", "pm.response.json().id")],
  }),
  step("log an interaction", "POST", "/api/v1/interactions", {
    body: {
      account_id: "{{accountId}}",
      contact_ids: ["{{contactId}}"],
      kind: "check_in",
      direction: "outbound",
      occurred_at: "2026-11-20T10:00:00Z",
      subject: "Quarterly check-in",
      sentiment: 2,
    },
    tests: [status(201)],
  }),
  step("open a risk", "POST", "/api/v1/risks", {
    body: { account_id: "{{accountId}}", kind: "churn_risk", severity: "high", description: "Budget cuts" },
    tests: [status(201)],
  }),
  step("find cash and sales in the chart", "GET", "/api/v1/ledger/accounts", {
    query: { limit: 200 },
    tests: [
      status(200),
      "const chart = pm.response.json().data;",
      keep("cash", "chart.find((a) => a.code === '1000').id"),
      keep("sales", "chart.find((a) => a.code === '4000').id"),
    ],
  }),
  step("post a journal entry", "POST", "/api/v1/ledger/journal-entries", {
    body: {
      date: "2026-03-01",
      description: "Cash sale",
      lines: [
        { ledger_account_id: "{{cash}}", debit: "1250.00" },
        { ledger_account_id: "{{sales}}", credit: "1250.00" },
      ],
    },
    tests: [status(201)],
  }),
  step("read the trial balance", "GET", "/api/v1/reports/trial-balance", {
    query: { as_of: "2026-03-31" },
    tests: [
      status(200),
      "const tb = pm.response.json();",
      "pm.test('balanced', () => pm.expect(tb.totals.debit).to.eql(tb.totals.credit));",
      "pm.test('cash debited', () => pm.expect(tb.rows.find((r) => r.code === '1000').debit).to.eql('1250.00'));",
    ],
  }),
  step("create a second account", "POST", "/api/v1/accounts", {
    body: { name: "Initech", is_customer: true },
    tests: [status(201)],
  }),
  step("first page of accounts", "GET", "/api/v1/accounts", {
    query: { limit: 1 },
    tests: [
      status(200),
      "pm.test('one row and a cursor', () => { pm.expect(pm.response.json().data.length).to.eql(1); pm.expect(pm.response.json().next_cursor).to.be.a('string'); });",
      keep("cursor", "pm.response.json().next_cursor"),
    ],
  }),
  step("second page of accounts", "GET", "/api/v1/accounts", {
    query: { limit: 1, cursor: "{{cursor}}" },
    tests: [status(200), "pm.test('one more row', () => pm.expect(pm.response.json().data.length).to.eql(1));"],
  }),
  step("a validation error names the field", "POST", "/api/v1/users", {
    body: { name: "X", email: "not-an-email", password: "a long password 3", role: "viewer" },
    tests: [
      status(422),
      "pm.test('problem+json', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'));",
      "pm.test('names email', () => pm.expect(pm.response.json().errors.map((e) => e.field)).to.include('email'));",
    ],
  }),
  step("create with an idempotency key", "POST", "/api/v1/accounts", {
    body: { name: "Soylent Corp" },
    headers: { "Idempotency-Key": "walk-{{email}}" },
    tests: [status(201), keep("soylent", "pm.response.json().id")],
  }),
  step("replay it", "POST", "/api/v1/accounts", {
    body: { name: "Soylent Corp" },
    headers: { "Idempotency-Key": "walk-{{email}}" },
    tests: [
      status(201),
      "pm.test('replayed', () => pm.expect(pm.response.headers.get('Idempotent-Replayed')).to.eql('true'));",
      "pm.test('same account', () => pm.expect(pm.response.json().id).to.eql(pm.collectionVariables.get('soylent')));",
    ],
  }),
];

const email = `olivia-${Date.now()}@acme.example`;
const run = {
  ...collection,
  item: walk,
  variable: collection.variable.map((v) =>
    v.key === "baseUrl" ? { ...v, value: baseUrl } : v.key === "email" ? { ...v, value: email } : v.key === "password" ? { ...v, value: "correct horse battery staple" } : v,
  ),
};

newman.run({ collection: run, reporters: ["cli"], bail: false }, (err, summary) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  const { assertions, requests } = summary.run.stats;
  const failed = summary.run.failures.length;
  console.log(`newman: ${requests.total} requests, ${assertions.total - assertions.failed} passed, ${assertions.failed} failed`);
  process.exit(failed ? 1 : 0);
});
