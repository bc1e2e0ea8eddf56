// The docs page as a person sees it: Debian's Chromium (headless, no network beyond
// loopback) opens /docs/ on the real server; every tag and every operation of the spec must
// render, and nothing may be fetched from anywhere but the server. Screenshot:
// clients/artifacts/docs.png.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";

import { startServer } from "../typescript/test/server.mjs";

const require = createRequire(new URL("../tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const artifacts = new URL("../artifacts/", import.meta.url).pathname;

let server;
let browser;
let page;
let spec;
const offsite = [];

before(async () => {
  server = await startServer();
  spec = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // Loopback only: every other host resolves to nothing, and no proxy is consulted.
    args: [
      "--no-sandbox",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      "--no-proxy-server",
      "--disable-background-networking",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.baseUrl}/docs/`, { waitUntil: "networkidle" });
  await page.waitForSelector(".opblock-tag", { timeout: 30_000 });
  assert.deepEqual(errors, [], "the page threw");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the title and version render", async () => {
  const title = await page.textContent(".info .title");
  assert.match(title ?? "", new RegExp(spec.info.title));
});

test("every tag renders", async () => {
  const shown = await page.$$eval(".opblock-tag", (els) => els.map((e) => e.getAttribute("data-tag")));
  const wanted = new Set(
    Object.values(spec.paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags ?? [])),
  );
  for (const tag of wanted) assert.ok(shown.includes(tag), `tag ${tag} is not on the page`);
});

test("every operation renders", async () => {
  const shown = new Set(
    await page.$$eval(".opblock", (els) =>
      els.map((e) => {
        const method = e.querySelector(".opblock-summary-method")?.textContent?.trim().toLowerCase();
        const path = e.querySelector(".opblock-summary-path")?.getAttribute("data-path");
        return `${method} ${path}`;
      }),
    ),
  );
  const missing = [];
  let count = 0;
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of Object.keys(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      count += 1;
      if (!shown.has(`${method} ${path}`)) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  assert.deepEqual(missing, [], `${missing.length} of ${count} operations are not on the page`);
});

test("an operation opens with its schema", async () => {
  await page.click(".opblock-post .opblock-summary-path[data-path='/api/v1/ledger/journal-entries']");
  await page.waitForSelector(".opblock.is-open .responses-wrapper", { timeout: 10_000 });
  const text = await page.textContent(".opblock.is-open");
  assert.match(text ?? "", /Idempotency-Key/);
});

test("nothing was fetched from outside the server", async () => {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}docs.png`, fullPage: false });
  assert.deepEqual(offsite, []);
});
