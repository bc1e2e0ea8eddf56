// An account manager's and an accountant's day through @accord/client, against the real
// server (a fresh SQLite database per run).
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

import { Webhook } from "standardwebhooks";

import { Accord, AccordError, unwrap, verifyWebhook, WebhookVerificationError } from "../dist/index.js";
import { startServer } from "./server.mjs";

let server;
let owner;
let manager;
let accountant;
let account;
const stamp = Date.now();

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test("sign up an organization and its owner", async () => {
  const { client, signup } = await Accord.signup(server.baseUrl, {
    organization_name: "Acme Ltd",
    name: "Olivia Owner",
    email: `olivia+${stamp}@acme.example`,
    password: "correct horse battery staple",
    base_currency: "USD",
  });
  owner = client;
  assert.equal(signup.user.role, "owner");
  const me = await unwrap(owner.api.GET("/api/v1/me"));
  assert.equal(me.principal, "user");
  assert.equal(me.organization.name, "Acme Ltd");
});

test("create colleagues and log in as them", async () => {
  const am = await unwrap(
    owner.api.POST("/api/v1/users", {
      body: {
        name: "Kim Kam",
        email: `kim+${stamp}@acme.example`,
        password: "a long password 1",
        role: "account_manager",
        title: "key_account_manager",
      },
    }),
  );
  assert.equal(am.role, "account_manager");
  await unwrap(
    owner.api.POST("/api/v1/users", {
      body: { name: "Ada Books", email: `ada+${stamp}@acme.example`, password: "a long password 2", role: "accountant" },
    }),
  );
  manager = await Accord.login(server.baseUrl, `kim+${stamp}@acme.example`, "a long password 1");
  accountant = await Accord.login(server.baseUrl, `ada+${stamp}@acme.example`, "a long password 2");
  assert.equal((await unwrap(manager.api.GET("/api/v1/me"))).role, "account_manager");
});

test("an account manager's day: account, contact, interaction, risk", async () => {
  account = await unwrap(
    manager.api.POST("/api/v1/accounts", {
      body: { name: "Globex Corporation", tier: "key", status: "active", is_customer: true, currency: "USD" },
    }),
  );
  assert.equal(account.is_customer, true);
  const contact = await unwrap(
    manager.api.POST("/api/v1/contacts", {
      body: {
        account_id: account.id,
        name: "Hank Scorpio",
        title: "CEO",
        seniority: "c_level",
        is_decision_maker: true,
        influence: "economic_buyer",
      },
    }),
  );
  const interaction = await unwrap(
    manager.api.POST("/api/v1/interactions", {
      body: {
        account_id: account.id,
        contact_ids: [contact.id],
        kind: "check_in",
        direction: "outbound",
        occurred_at: "2026-11-20T10:00:00Z",
        subject: "Quarterly check-in",
        sentiment: 2,
        follow_up_on: "2026-11-27",
      },
    }),
  );
  assert.deepEqual(interaction.contact_ids, [contact.id]);
  const risk = await unwrap(
    manager.api.POST("/api/v1/risks", {
      body: { account_id: account.id, kind: "churn_risk", severity: "high", description: "Budget cuts" },
    }),
  );
  assert.equal(risk.status, "open");
  const after = await unwrap(manager.api.GET("/api/v1/accounts/{id}", { params: { path: { id: account.id } } }));
  assert.equal(after.status, "at_risk");

  // The account plan, co-created with the client, reviewed, and on the manager's agenda.
  const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  const plan = await unwrap(
    manager.api.POST("/api/v1/account-plans", {
      body: { account_id: account.id, title: "Globex FY plan", period_start: day(0), period_end: day(364), status: "active" },
    }),
  );
  const objective = await unwrap(
    manager.api.POST("/api/v1/account-plans/{id}/objectives", {
      params: { path: { id: plan.id } },
      body: {
        title: "Raise CSAT", kind: "satisfaction", baseline: "3.5", target: "4.5", current: "3.5",
        status: "on_track", co_created_with_contact_ids: [contact.id],
      },
    }),
  );
  await unwrap(
    manager.api.POST("/api/v1/account-plans/{id}/reviews", {
      params: { path: { id: plan.id } },
      body: {
        held_on: day(0), summary: "First review", next_review_on: day(3),
        objective_updates: [{ objective_id: objective.id, current: "3.2", status: "off_track" }],
      },
    }),
  );
  const agenda = await unwrap(manager.api.GET("/api/v1/me/agenda", { params: { query: { date: day(3) } } }));
  assert.ok(agenda.items.some((i) => i.kind === "plan_review" && i.resource.id === plan.id), JSON.stringify(agenda));
});

test("an accountant's day: journal entry and trial balance", async () => {
  const chart = [];
  for await (const a of accountant.paginate("/api/v1/ledger/accounts", { limit: 200 })) chart.push(a);
  const cash = chart.find((a) => a.code === "1000");
  const sales = chart.find((a) => a.code === "4000");
  assert.ok(cash && sales);
  const entry = await unwrap(
    accountant.api.POST("/api/v1/ledger/journal-entries", {
      body: {
        date: "2026-03-01",
        description: "Cash sale",
        lines: [
          { ledger_account_id: cash.id, debit: "1250.00" },
          { ledger_account_id: sales.id, credit: "1250.00" },
        ],
      },
    }),
  );
  assert.equal(entry.lines.length, 2);
  const tb = await unwrap(
    accountant.api.GET("/api/v1/reports/trial-balance", { params: { query: { as_of: "2026-03-31" } } }),
  );
  assert.equal(tb.totals.debit, tb.totals.credit);
  assert.equal(tb.rows.find((r) => r.code === "1000").debit, "1250.00");
});

test("an invoice is drafted and issued without a body", async () => {
  // The account manager's customer (a new account would show in the lists counted below).
  const draft = await unwrap(
    owner.api.POST("/api/v1/invoices", {
      body: { account_id: account.id, lines: [{ unit_price: "100.00", description: "Consulting" }] },
    }),
  );
  assert.equal(draft.status, "draft");
  // The action's body is optional: none is sent.
  const issued = await unwrap(owner.api.POST("/api/v1/invoices/{id}/issue", { params: { path: { id: draft.id } } }));
  assert.equal(issued.status, "open");
  assert.ok(issued.number);
});

test("paginate walks every page", async () => {
  for (const name of ["Initech", "Umbrella", "Hooli"]) {
    await unwrap(manager.api.POST("/api/v1/accounts", { body: { name, is_customer: true } }));
  }
  let pages = 0;
  const counting = new Accord({
    baseUrl: server.baseUrl,
    token: manager.accessToken,
    fetch: (input, init) => {
      pages += 1;
      return fetch(input, init);
    },
  });
  const names = [];
  for await (const a of counting.paginate("/api/v1/accounts", { limit: 1, sort: "name" })) names.push(a.name);
  assert.deepEqual(names, ["Globex Corporation", "Hooli", "Initech", "Umbrella"]);
  assert.ok(pages >= 4, `expected one request per page, saw ${pages}`);
});

test("a validation error is a typed AccordError naming the field", async () => {
  await assert.rejects(
    unwrap(owner.api.POST("/api/v1/users", { body: { name: "X", email: "not-an-email", password: "a long password 3", role: "viewer" } })),
    (err) => {
      assert.ok(err instanceof AccordError);
      assert.equal(err.status, 422);
      assert.equal(err.code, "validation_failed");
      assert.equal(err.field("email")?.code, "email");
      return true;
    },
  );
});

test("a POST replayed with the same Idempotency-Key answers the first response", async () => {
  const key = `replay-${stamp}`;
  const send = () =>
    manager.api.POST("/api/v1/accounts", {
      params: { header: { "Idempotency-Key": key } },
      body: { name: "Soylent Corp", is_customer: true },
    });
  const first = await send();
  const second = await send();
  assert.equal(first.response.status, 201);
  assert.equal(second.response.status, 201);
  assert.equal(second.response.headers.get("idempotent-replayed"), "true");
  assert.equal(second.data.id, first.data.id);
});

test("POSTs get an idempotency key automatically", async () => {
  let sent;
  const spying = new Accord({
    baseUrl: server.baseUrl,
    token: manager.accessToken,
    fetch: (input, init) => {
      sent = input.headers.get("idempotency-key");
      return fetch(input, init);
    },
  });
  await unwrap(spying.api.POST("/api/v1/accounts", { body: { name: "Wayne Enterprises" } }));
  assert.match(sent ?? "", /^[0-9a-f-]{36}$/);
});

test("an expired or bad access token is refreshed once on 401", async () => {
  const fresh = await Accord.login(server.baseUrl, `kim+${stamp}@acme.example`, "a long password 1");
  let rotated;
  const client = new Accord({
    baseUrl: server.baseUrl,
    token: "not-a-valid-token",
    refreshToken: fresh["refreshToken"],
    onTokens: (t) => (rotated = t),
  });
  const me = await unwrap(client.api.GET("/api/v1/me"));
  assert.equal(me.role, "account_manager");
  assert.ok(rotated?.access_token);
});

test("an API key authenticates like a token", async () => {
  const created = await unwrap(owner.api.POST("/api/v1/api-keys", { body: { name: "CRM sync", role: "viewer" } }));
  const byKey = new Accord({ baseUrl: server.baseUrl, token: created.key });
  const me = await unwrap(byKey.api.GET("/api/v1/me"));
  assert.equal(me.principal, "api_key");
  assert.equal(me.role, "viewer");
});

// An HTTP endpoint on loopback that keeps every request it gets.
async function startReceiver() {
  const received = [];
  const srv = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise((ok) => srv.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${srv.address().port}/hooks/accord`,
    received,
    close: () => new Promise((ok) => srv.close(ok)),
  };
}

test("webhook deliveries verify with the standardwebhooks package", async () => {
  const receiver = await startReceiver();
  try {
    const hook = await unwrap(
      owner.api.POST("/api/v1/webhooks", { body: { url: receiver.url, events: ["account.*"] } }),
    );
    assert.match(hook.secret, /^whsec_/);
    await unwrap(owner.api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id: hook.id } } }));
    const account = await unwrap(owner.api.POST("/api/v1/accounts", { body: { name: `Hooked ${stamp}` } }));

    const deadline = Date.now() + 20_000;
    let payloads = [];
    for (;;) {
      payloads = receiver.received.map((r) => verifyWebhook(hook.secret, r.body, r.headers));
      // Events committed just before the webhook was saved may reach it too: wait for ours.
      const types = new Set(payloads.map((p) => p.type));
      const ours = payloads.some((p) => p.type === "account.created" && p.data.resource.id === account.id);
      if (types.has("webhook.test") && ours) break;
      if (Date.now() > deadline) assert.fail(`waited for webhook.test and account.created, got ${JSON.stringify(payloads)}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const created = payloads.find((p) => p.type === "account.created" && p.data.resource.id === account.id);
    assert.deepEqual(created.data.resource, { type: "account", id: account.id });
    assert.equal(created.data.object.name, `Hooked ${stamp}`);
    // The published package alone verifies the same delivery; a changed body or another
    // secret does not.
    const { headers, body } = receiver.received[0];
    assert.ok(new Webhook(hook.secret).verify(body.toString(), headers));
    const tampered = body.toString().replace('"type"', '"tipe"');
    assert.throws(() => verifyWebhook(hook.secret, tampered, headers), WebhookVerificationError);
    const other = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    assert.throws(() => verifyWebhook(other, body, headers), WebhookVerificationError);
  } finally {
    await receiver.close();
  }
});

// A camt.053.001.02 statement for March 2026 opening at 0.00: one `Ntry` per
// [signed amount, booking date, bank reference, remittance information].
function camt(iban, entries) {
  const cents = entries.reduce((sum, [amount]) => sum + Math.round(Number(amount) * 100), 0);
  const closing = (cents / 100).toFixed(2);
  const bal = (code, amount, day) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="USD">${amount.replace("-", "")}</Amt>` +
    `<CdtDbtInd>${amount.startsWith("-") ? "DBIT" : "CRDT"}</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  const ntry = entries
    .map(
      ([amount, day, reference, info]) =>
        `<Ntry><Amt Ccy="USD">${amount.replace("-", "")}</Amt><CdtDbtInd>${amount.startsWith("-") ? "DBIT" : "CRDT"}</CdtDbtInd>` +
        `<Sts>BOOK</Sts><BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>${reference}</AcctSvcrRef>` +
        `<NtryDtls><TxDtls><RmtInf><Ustrd>${info}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>MSG-${stamp}</MsgId><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm></GrpHdr>` +
    `<Stmt><Id>STMT-${stamp}</Id><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm><Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>USD</Ccy></Acct>` +
    `${bal("OPBD", "0.00", "2026-03-01")}${bal("CLBD", closing, "2026-03-31")}${ntry}</Stmt></BkToCstmrStmt></Document>`
  );
}

test("an accountant's month-end: statement import, reconciliation, cash position", async () => {
  // Last: its customer would show in the account lists counted above.
  const customer = await unwrap(
    manager.api.POST("/api/v1/accounts", { body: { name: `Month-end customer ${stamp}`, is_customer: true } }),
  );
  const bank = await unwrap(
    accountant.api.POST("/api/v1/bank-accounts", {
      body: { name: `Operating ${stamp}`, currency: "USD", iban: "GB33BUKB20201555555555", kind: "bank" },
    }),
  );
  const fees = await unwrap(
    accountant.api.POST("/api/v1/ledger/accounts", { body: { code: "6973", name: `Bank fees ${stamp}`, type: "expense" } }),
  );
  const draft = await unwrap(
    accountant.api.POST("/api/v1/invoices", {
      body: {
        account_id: customer.id,
        issue_date: "2026-03-02",
        lines: [{ unit_price: "100.00", description: "Consulting" }],
      },
    }),
  );
  const invoice = await unwrap(
    accountant.api.POST("/api/v1/invoices/{id}/issue", { params: { path: { id: draft.id } } }),
  );
  assert.equal(invoice.status, "open");

  // The statement file itself is the body: sent as is, not as JSON.
  const xml = camt("GB33BUKB20201555555555", [
    ["100.00", "2026-03-10", `IN-${stamp}`, `Payment of invoice ${invoice.number}`],
    ["-2.50", "2026-03-31", `FEE-${stamp}`, "Account maintenance fee"],
  ]);
  const imported = await accountant.api.POST("/api/v1/bank-accounts/{id}/statements", {
    params: { path: { id: bank.id } },
    body: xml,
    bodySerializer: (b) => b,
    headers: { "content-type": "application/xml" },
  });
  assert.equal(imported.response.status, 201, JSON.stringify(imported.error));
  assert.equal(imported.data.imported, 2);

  const dry = await unwrap(
    accountant.api.POST("/api/v1/bank-accounts/{id}/auto-reconcile", {
      params: { path: { id: bank.id } },
      body: { dry_run: true, date_window_days: 7 },
    }),
  );
  assert.equal(dry.dry_run, true);
  assert.ok(Array.isArray(dry.matched));
  assert.equal(typeof dry.unmatched, "number");

  const lines = new Map();
  for await (const t of accountant.paginate("/api/v1/bank-accounts/{id}/transactions", { status: "unreconciled" }, { id: bank.id })) {
    lines.set(t.amount, t);
  }
  assert.deepEqual([...lines.keys()].sort(), ["-2.50", "100.00"]);
  const paid = await unwrap(
    accountant.api.POST("/api/v1/bank-transactions/{id}/payment", {
      params: { path: { id: lines.get("100.00").id } },
      body: { account_id: customer.id, allocations: [{ invoice_id: invoice.id, amount: "100.00" }] },
    }),
  );
  assert.equal(paid.kind, "payment");
  assert.ok(paid.payment_id);
  const after = await unwrap(accountant.api.GET("/api/v1/invoices/{id}", { params: { path: { id: invoice.id } } }));
  assert.equal(after.status, "paid");
  const fee = await unwrap(
    accountant.api.POST("/api/v1/bank-transactions/{id}/categorize", {
      params: { path: { id: lines.get("-2.50").id } },
      body: { ledger_account_id: fees.id, description: "Bank fee" },
    }),
  );
  assert.equal(fee.kind, "categorize");
  assert.ok(fee.journal_entry_id);

  const position = await unwrap(
    accountant.api.GET("/api/v1/reports/cash-position", { params: { query: { as_of: "2026-03-31" } } }),
  );
  const row = position.accounts.find((r) => r.bank_account_id === bank.id);
  assert.ok(row, "the bank account has a row");
  assert.equal(Number(row.statement_balance).toFixed(2), "97.50");
  assert.equal(row.unexplained_difference, "0.00");
  assert.equal(Number(row.unreconciled_bank_total), 0);
});
