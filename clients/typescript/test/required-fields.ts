// Type-level check, compiled by clients/test.sh with `tsc --noEmit`: the spec lists what a
// create needs, so the generated type requires it.
import type { components } from "../src/schema.js";

type AccountCreate = components["schemas"]["AccountCreate"];
type AccountPatch = components["schemas"]["AccountPatch"];

// @ts-expect-error `name` is required to create an account
export const missingName: AccountCreate = { tier: "key" };
export const named: AccountCreate = { name: "Globex" };
export const emptyPatch: AccountPatch = {};
