// Finishes the 3.1 → 3.0 conversion for progenitor: openapi-down-convert leaves utoipa's
// `oneOf: [{type: "null"}, X]` (an optional enum or object) alone, and `type: "null"` does not
// exist in 3.0. Rewrite it as `allOf: [X], nullable: true`, the 3.0 idiom.
// Usage: node nullable-3.0.mjs FILE (rewritten in place, stable key order).
import { readFileSync, writeFileSync } from "node:fs";

const isNull = (s) => s && typeof s === "object" && s.type === "null" && Object.keys(s).length === 1;

function fix(node) {
  if (Array.isArray(node)) return node.map(fix);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = fix(v);
  for (const key of ["oneOf", "anyOf"]) {
    const branches = out[key];
    if (!Array.isArray(branches) || !branches.some(isNull)) continue;
    const rest = branches.filter((b) => !isNull(b));
    delete out[key];
    out.nullable = true;
    if (rest.length === 1) {
      // A description on the $ref branch would be ignored next to $ref in 3.0: lift it.
      const { description, ...only } = rest[0];
      if (description && !out.description) out.description = description;
      out.allOf = [only];
    } else {
      out[key] = rest;
    }
  }
  return out;
}

const file = process.argv[2];
const spec = fix(JSON.parse(readFileSync(file, "utf8")));
writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");
