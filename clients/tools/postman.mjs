// Converts openapi/openapi.json into clients/postman/accord.postman_collection.json with
// openapi-to-postmanv2, then makes it usable and reproducible: collection variables
// (baseUrl, token, email, password), bearer auth from {{token}}, a collection pre-request
// script that logs in when there is no token yet, and ids derived from content instead of
// random UUIDs (so regenerating an unchanged spec changes nothing).
// Usage: node postman.mjs SPEC OUT
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

// The converter fakes values for schemas without an example with Math.random: seed it, so the
// same spec always gives the same collection.
let seed = 0x2545f491;
Math.random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};

// ...and it fakes date-times relative to now: freeze the clock for the same reason.
const RealDate = Date;
const FIXED_NOW = RealDate.UTC(2026, 0, 1);
globalThis.Date = class extends RealDate {
  constructor(...args) {
    super(...(args.length ? args : [FIXED_NOW]));
  }
  static now() {
    return FIXED_NOW;
  }
};

const require = createRequire(import.meta.url);
const converter = require("openapi-to-postmanv2");
const [spec, out] = process.argv.slice(2);

const options = {
  folderStrategy: "Tags",
  parametersResolution: "Example",
  includeAuthInfoInExample: false,
  enableOptionalParameters: false,
};

const LOGIN = [
  "// Logs in once per run when no token is set: POST /api/v1/auth/token with {{email}} and {{password}}.",
  "if (pm.collectionVariables.get('token') || !pm.collectionVariables.get('email')) { return; }",
  "if ((pm.request.url.getPath() || '').startsWith('/api/v1/auth/')) { return; }",
  "pm.sendRequest({",
  "  url: pm.collectionVariables.get('baseUrl') + '/api/v1/auth/token',",
  "  method: 'POST',",
  "  header: { 'Content-Type': 'application/json' },",
  "  body: { mode: 'raw', raw: JSON.stringify({ email: pm.collectionVariables.get('email'), password: pm.collectionVariables.get('password') }) },",
  "}, function (err, res) {",
  "  if (err || res.code !== 200) { console.error('login failed', err || res.code); return; }",
  "  pm.collectionVariables.set('token', res.json().access_token);",
  "  pm.collectionVariables.set('refreshToken', res.json().refresh_token);",
  "});",
];

function stableId(...parts) {
  const h = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

// Every `id` becomes a hash of where it sits; Accept headers copied from error responses go.
function normalize(node, trail) {
  if (Array.isArray(node)) return node.map((v, i) => normalize(v, `${trail}/${i}`));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "id" && typeof v === "string") out[k] = stableId(trail, node.name ?? "");
    else if (k === "header" && Array.isArray(v)) out[k] = v.filter((h) => h.key !== "Accept").map((h, i) => normalize(h, `${trail}/header/${i}`));
    else out[k] = normalize(v, `${trail}/${k}`);
  }
  return out;
}

converter.convert({ type: "string", data: readFileSync(spec, "utf8") }, options, (err, result) => {
  if (err || !result.result) {
    console.error("openapi-to-postmanv2 failed:", err ?? result.reason);
    process.exit(1);
  }
  const collection = normalize(result.output[0].data, "");
  collection.info = {
    _postman_id: stableId("accord", collection.info?.name ?? ""),
    name: collection.info?.name ?? "Accord API",
    description: collection.info?.description,
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  };
  collection.variable = [
    { key: "baseUrl", value: "http://127.0.0.1:8080", type: "string" },
    { key: "token", value: "", type: "string" },
    { key: "refreshToken", value: "", type: "string" },
    { key: "email", value: "", type: "string" },
    { key: "password", value: "", type: "string" },
  ];
  collection.auth = { type: "bearer", bearer: [{ key: "token", value: "{{token}}", type: "string" }] };
  collection.event = [
    { listen: "prerequest", script: { id: stableId("login"), type: "text/javascript", exec: LOGIN } },
  ];
  writeFileSync(out, JSON.stringify(collection, null, 2) + "\n");
});
