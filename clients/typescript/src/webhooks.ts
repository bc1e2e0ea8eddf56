// Verifying Accord's webhook deliveries. Accord signs each delivery per the Standard Webhooks
// specification, so the published `standardwebhooks` package verifies it unchanged; this
// helper calls it and types the payload.

import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { components } from "./schema.js";

export { WebhookVerificationError };

/** One delivery's body: the event (as `GET /events` shows it) without `type`, under `data`. */
export interface WebhookPayload {
  type: string;
  /** When this attempt was signed (RFC 3339). */
  timestamp: string;
  data: Omit<components["schemas"]["EventView"], "type">;
}

/**
 * Verifies a delivery with the `standardwebhooks` package and returns its payload, or throws
 * `WebhookVerificationError`. `body` must be the raw body as received (before any JSON
 * parsing). During a secret rotation pass both secrets: the delivery verifies when either
 * signed it. Deliveries signed more than five minutes away from now are refused.
 */
export function verifyWebhook(
  secret: string | string[],
  body: string | Uint8Array,
  headers: Record<string, string | string[] | undefined> | Headers,
): WebhookPayload {
  const secrets = typeof secret === "string" ? [secret] : secret;
  if (secrets.length === 0) throw new TypeError("verifyWebhook needs at least one secret");
  const plain: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value !== undefined) plain[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  const raw = typeof body === "string" ? body : new TextDecoder().decode(body);
  let failure: unknown;
  for (const s of secrets) {
    try {
      return new Webhook(s).verify(raw, plain) as WebhookPayload;
    } catch (e) {
      failure = e;
    }
  }
  throw failure;
}
