// The hand-written part of @accord/client: a thin layer over the generated types
// (schema.ts, from openapi-typescript) and the openapi-fetch runtime that adds
// authentication with refresh on 401, an Idempotency-Key on every POST, typed errors and
// cursor pagination, and verifyWebhook (the `standardwebhooks` package checking a delivery).
// Everything else is the typed `api` client itself.

import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export { verifyWebhook, WebhookVerificationError, type WebhookPayload } from "./webhooks.js";
export type Schemas = components["schemas"];
export type Problem = components["schemas"]["Problem"];
export type FieldError = components["schemas"]["FieldError"];

/** What the API answered when it refused a request (RFC 9457 problem+json). */
export class AccordError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem ? `${problem.status} ${problem.code}: ${problem.detail}` : fallback);
    this.name = "AccordError";
    this.status = status;
    this.code = problem?.code ?? "http_error";
    this.problem = problem;
  }

  /** Every offending field, as the API listed them. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** The error about one field (e.g. `"email"`, `"lines[1].debit"`), if any. */
  field(name: string): FieldError | undefined {
    return this.fieldErrors.find((e) => e.field === name);
  }
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
}

export interface AccordOptions {
  /** Server origin, e.g. `http://127.0.0.1:8080` (paths already start with `/api/v1`). */
  baseUrl: string;
  /** An access token (JWT) or an API key (`acc_...`); both travel as a bearer token. */
  token?: string;
  /** With a refresh token, a 401 triggers one `POST /api/v1/auth/refresh` and one retry. */
  refreshToken?: string;
  /** Called after a refresh with the new tokens, e.g. to persist them. */
  onTokens?: (tokens: Tokens) => void;
  /** Add an `Idempotency-Key` to POSTs that have none (default true). */
  idempotencyKeys?: boolean;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

/** A new idempotency key: random, so two different calls never collide. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

type Result<D> = { data?: D; error?: unknown; response: Response };

/** Returns the data of a successful call, or throws `AccordError` with the problem. */
export async function unwrap<D>(call: Promise<Result<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = isProblem(error) ? error : undefined;
    throw new AccordError(response.status, problem, `HTTP ${response.status}`);
  }
  return data as D;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "code" in value && "status" in value;
}

// Paths with a GET answering `{data: [...], next_cursor}`: what `paginate` accepts.
type JsonOk<Op> = Op extends { responses: { 200: { content: { "application/json": infer B } } } }
  ? B
  : never;
type ListBody = { data: unknown[]; next_cursor?: string | null };
export type ListPath = {
  [P in keyof paths]: paths[P] extends { get: infer Op }
    ? JsonOk<Op> extends ListBody
      ? P
      : never
    : never;
}[keyof paths];
type ListOp<P extends ListPath> = paths[P] extends { get: infer Op } ? Op : never;
export type ItemOf<P extends ListPath> = JsonOk<ListOp<P>> extends { data: (infer I)[] } ? I : never;
type Params<P extends ListPath> = ListOp<P> extends { parameters: infer R } ? R : never;
export type QueryOf<P extends ListPath> = Params<P> extends { query?: infer Q } ? Omit<NonNullable<Q>, "cursor"> : never;
export type PathParamsOf<P extends ListPath> = Params<P> extends { path?: infer Q } ? Q : never;

export class Accord {
  /** The typed client: `api.GET("/api/v1/accounts/{id}", {params: {path: {id}}})`. */
  readonly api: Client<paths>;
  private token: string | undefined;
  private refreshToken: string | undefined;
  private refreshing: Promise<boolean> | undefined;
  private readonly options: AccordOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly pending = new Map<string, Request>();

  constructor(options: AccordOptions) {
    this.options = options;
    this.token = options.token;
    this.refreshToken = options.refreshToken;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.api = createClient<paths>({ baseUrl: options.baseUrl, fetch: this.fetchImpl });
    this.api.use(this.middleware());
  }

  /** Logs in with email and password and returns a client that refreshes its token. */
  static async login(
    baseUrl: string,
    email: string,
    password: string,
    options: Omit<AccordOptions, "baseUrl" | "token" | "refreshToken"> = {},
  ): Promise<Accord> {
    const anonymous = new Accord({ ...options, baseUrl });
    const tokens = await unwrap(anonymous.api.POST("/api/v1/auth/token", { body: { email, password } }));
    return new Accord({ ...options, baseUrl, token: tokens.access_token, refreshToken: tokens.refresh_token });
  }

  /** Creates an organization and its owner; returns the signup answer and a logged-in client. */
  static async signup(
    baseUrl: string,
    body: Schemas["SignupRequest"],
    options: Omit<AccordOptions, "baseUrl" | "token" | "refreshToken"> = {},
  ): Promise<{ client: Accord; signup: Schemas["SignupResponse"] }> {
    const anonymous = new Accord({ ...options, baseUrl });
    const signup = await unwrap(anonymous.api.POST("/api/v1/auth/signup", { body }));
    const client = new Accord({
      ...options,
      baseUrl,
      token: signup.access_token,
      refreshToken: signup.refresh_token,
    });
    return { client, signup };
  }

  /** Replaces the credentials (e.g. tokens restored from storage). */
  setTokens(token: string | undefined, refreshToken?: string): void {
    this.token = token;
    this.refreshToken = refreshToken;
  }

  get accessToken(): string | undefined {
    return this.token;
  }

  /**
   * Every item of a list, page after page (`for await (const a of client.paginate("/api/v1/accounts", {limit: 100}))`).
   * Filters and sort go in `query`; `cursor` is handled here.
   */
  async *paginate<P extends ListPath>(
    path: P,
    query?: QueryOf<P>,
    pathParams?: PathParamsOf<P>,
  ): AsyncGenerator<ItemOf<P>, void, undefined> {
    let cursor: string | undefined;
    // The generated signature of GET is a union over all paths; the types above keep callers exact.
    const get = this.api.GET as unknown as (p: string, init: unknown) => Promise<Result<ListBody>>;
    do {
      const page = await unwrap(
        get(path, { params: { query: { ...(query ?? {}), ...(cursor ? { cursor } : {}) }, path: pathParams } }),
      );
      for (const item of page.data) yield item as ItemOf<P>;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  private middleware(): Middleware {
    return {
      onRequest: ({ request, id }) => {
        if (this.token && !request.headers.has("authorization")) {
          request.headers.set("authorization", `Bearer ${this.token}`);
        }
        const isAuth = new URL(request.url).pathname.startsWith("/api/v1/auth/");
        if (
          request.method === "POST" &&
          !isAuth &&
          this.options.idempotencyKeys !== false &&
          !request.headers.has("idempotency-key")
        ) {
          request.headers.set("idempotency-key", newIdempotencyKey());
        }
        if (this.refreshToken && !isAuth) this.pending.set(id, request.clone());
        return request;
      },
      onResponse: async ({ response, id }) => {
        const original = this.pending.get(id);
        this.pending.delete(id);
        if (response.status !== 401 || !original) return response;
        if (!(await this.refresh())) return response;
        // The retry keeps the idempotency key, so a POST that did land is not repeated.
        const retry = new Request(original, { headers: new Headers(original.headers) });
        retry.headers.set("authorization", `Bearer ${this.token}`);
        return this.fetchImpl(retry);
      },
      onError: ({ id }) => {
        this.pending.delete(id);
      },
    };
  }

  /** One refresh at a time; concurrent 401s wait for the same one. */
  private refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        const refresh_token = this.refreshToken;
        if (!refresh_token) return false;
        const url = new URL("/api/v1/auth/refresh", this.options.baseUrl);
        const response = await this.fetchImpl(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ refresh_token }),
        });
        if (!response.ok) return false;
        const tokens = (await response.json()) as Tokens;
        this.token = tokens.access_token;
        this.refreshToken = tokens.refresh_token;
        this.options.onTokens?.(tokens);
        return true;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
