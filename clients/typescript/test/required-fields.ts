// Type-level check, compiled by clients/test.sh with `tsc --noEmit`: the spec lists what a
// create needs, so the generated type requires it.
import type { components } from "../src/schema.js";

type AccountCreate = components["schemas"]["AccountCreate"];
type AccountPatch = components["schemas"]["AccountPatch"];

// @ts-expect-error `name` is required to create an account
export const missingName: AccountCreate = { tier: "key" };
export const named: AccountCreate = { name: "Globex" };
export const emptyPatch: AccountPatch = {};

type DocumentCreate = components["schemas"]["DocumentCreate"];
type DocumentPatch = components["schemas"]["DocumentPatch"];
const customer = "0190f000-0000-7000-8000-000000000000";

// @ts-expect-error `lines` is required to create an invoice (or any document)
export const missingLines: DocumentCreate = { account_id: customer };
// @ts-expect-error a line's `unit_price` is required
export const missingPrice: DocumentCreate = { account_id: customer, lines: [{ description: "x" }] };
export const invoice: DocumentCreate = { account_id: customer, lines: [{ unit_price: "100.00" }] };
export const emptyDocumentPatch: DocumentPatch = {};
