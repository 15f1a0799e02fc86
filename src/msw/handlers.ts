// MSW request handlers that answer as `ep-checkout mock` does, by running the mock's own engine
// (src/mock/engine.ts) on each intercepted request, with the CORS the server adds around it. A
// handler matches the spec's operation paths on the spec's `servers` hosts and on the caller's base
// URL; an override is the same handler with the request or the answer altered.
import { delay as wait, http, HttpResponse, type HttpHandler } from 'msw';
import type { components } from '../../generated/schema.d.ts';
import { dereference } from '../lib/json-pointer.ts';
import { checkoutPath } from '../lib/openapi.ts';
import { queryOf } from '../lib/url-query.ts';
import { corsPolicyFor, originHeaders, preflightHeaders } from '../mock/cors.ts';
import { createCheckoutEngine, type CheckoutEngine, type Reply, type RequestFacts } from '../mock/engine.ts';
import { reservedCartReferences } from '../mock/scenarios.ts';
import { bundledSpec } from './spec.ts';

export interface CheckoutHandlerOptions {
  /**
   * Where your app sends its API requests, when it is not one of the spec's `servers`
   * (`https://useast.api.elasticpath.com`, `https://api.moltin.com`, `http://127.0.0.1:4010`), which are
   * always handled. In a browser a relative URL (`/api`) is read against the page's address.
   * Overrides made afterwards (`checkoutScenario`, …) match the base URLs of every `checkoutHandlers` call.
   */
  baseUrl?: string;
  /** Milliseconds to wait before answering (MSW's `delay`), or 'real' for MSW's realistic delay. */
  delay?: number | 'real';
}

type Order = components['schemas']['Order'];

/** How an override changes a request before the engine answers it, or the answer after. */
interface Alteration {
  request?: (facts: RequestFacts) => RequestFacts;
  reply?: (reply: Reply) => Reply;
  networkError?: boolean;
}

type Json = Record<string, any>;

let shared: Promise<CheckoutEngine> | undefined;
/** One engine per process or page: Prism and the validator are built once, on first use. */
const engine = (): Promise<CheckoutEngine> => (shared ??= createCheckoutEngine(bundledSpec()));

// As the server: every answer names the caller's origin, and a preflight gets the spec's methods and headers.
const withCors = async (request: RequestFacts, reply: () => Promise<Reply>): Promise<Reply | { status: 204; headers: Record<string, string> }> => {
  const origin = originHeaders(request.headers.origin);
  if (request.method === 'OPTIONS') return { status: 204, headers: { ...origin, ...preflightHeaders(corsPolicyFor((await engine()).operations)) } };
  const answered = await reply();
  return { ...answered, headers: { ...origin, ...answered.headers } };
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const absoluteBase = (baseUrl: string): string => {
  const location = (globalThis as { location?: { href: string } }).location;
  if (!location && !URL.canParse(baseUrl)) throw new Error(`baseUrl "${baseUrl}" is relative, and there is no page to read it against: give a whole URL`);
  return new URL(baseUrl, location?.href).href.replace(/\/$/, '');
};

// The base URLs given to checkoutHandlers(), so that an override made later matches them too.
const givenBases = new Set<string>();

const prefixes = (baseUrl: string | undefined): string[] => {
  const servers = (bundledSpec().servers as { url: string }[]).map((server) => server.url.replace(/\/$/, ''));
  return [...new Set([...servers, ...givenBases, ...(baseUrl === undefined ? [] : [absoluteBase(baseUrl)])])];
};

// A path template as a pattern, matching what the mock's router matches: `{reference}` is one non-empty segment.
const templatePattern = (template: string): string =>
  template.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+');

/** The spec's path templates: `/v2/carts/{reference}/checkout` and `/oauth/access_token`. */
const pathTemplates = (): string[] => Object.keys(bundledSpec().paths as Json);

/** The path of the operation, without the base it was sent to. */
const operationPath = (url: URL, bases: string[]): string => {
  const base = bases.find((prefix) => url.href.startsWith(`${prefix}/`));
  const basePath = base ? new URL(base).pathname.replace(/\/$/, '') : '';
  return url.pathname.slice(basePath.length);
};

const respond = (reply: { status: number; body?: unknown; headers?: Record<string, string> }): Response =>
  reply.status === 204
    ? new HttpResponse(null, { status: reply.status, headers: reply.headers })
    : HttpResponse.json(reply.body as Json, { status: reply.status, headers: reply.headers });

const handlerFor = (template: string, options: CheckoutHandlerOptions, alteration: Alteration = {}): HttpHandler => {
  const bases = prefixes(options.baseUrl);
  const pattern = new RegExp(`^(?:${bases.map(escapeRegExp).join('|')})${templatePattern(template)}$`);
  return http.all(pattern, async ({ request }) => {
    if (options.delay !== undefined) await wait(options.delay);
    if (alteration.networkError) return HttpResponse.error();
    const url = new URL(request.url);
    const sent: RequestFacts = {
      method: request.method,
      path: operationPath(url, bases),
      query: queryOf(url),
      headers: Object.fromEntries(request.headers),
      body: new Uint8Array(await request.arrayBuffer()),
    };
    const facts = alteration.request ? alteration.request(sent) : sent;
    const reply = await withCors(facts, async () => (await engine()).answer(facts));
    return respond(alteration.reply && reply.status !== 204 ? alteration.reply(reply as Reply) : reply);
  });
};

/**
 * Handlers for the token endpoint (`POST /oauth/access_token`) and the checkout endpoint, answering as
 * `ep-checkout mock` does: validation with the field's `source`, the variant rules, the request
 * reflected in the order, reserved cart references and `Prefer`.
 */
export const checkoutHandlers = (options: CheckoutHandlerOptions = {}): HttpHandler[] => {
  void engine(); // built while the test sets up, not on its first request
  if (options.baseUrl !== undefined) givenBases.add(absoluteBase(options.baseUrl));
  return pathTemplates().map((template) => handlerFor(template, options));
};

const scenarioNames = (): string[] => {
  const spec = bundledSpec();
  const responses = Object.values<Json>((spec.paths as Json)[checkoutPath].post.responses);
  const examples = responses.flatMap((response) =>
    Object.keys(Object.values<Json>(dereference(spec, response).content ?? {})[0]?.examples ?? {}),
  );
  return [...reservedCartReferences.keys(), ...new Set(examples)];
};

/**
 * The checkout answers as the mock answers a scenario: a reserved cart reference
 * (`'insufficient-stock'`, `'currency-mismatch'`, `'not-found'`) or the name of one of the spec's
 * response examples (`'CurrencyMismatch'`, `'CartNotFound'`, `'CustomerId'`, …, as `Prefer: example=`).
 * As with the mock, auth and validation still come first: a scenario answers an otherwise valid request.
 */
export const checkoutScenario = (name: string, options: CheckoutHandlerOptions = {}): HttpHandler => {
  const known = scenarioNames();
  if (!known.includes(name)) throw new Error(`No checkout scenario named "${name}"; the scenarios are ${known.join(', ')}`);
  const byReference = reservedCartReferences.has(name);
  return handlerFor(checkoutPath, options, {
    request: (facts) =>
      byReference
        ? { ...facts, path: facts.path.replace(/\/carts\/[^/]+\//, `/carts/${encodeURIComponent(name)}/`) }
        : { ...facts, headers: { ...facts.headers, prefer: `example=${name}` } },
  });
};

/** The checkout's `201` order carries these fields of yours over what the mock would send. */
export const checkoutOrder = (order: Partial<Order>, options: CheckoutHandlerOptions = {}): HttpHandler =>
  handlerFor(checkoutPath, options, {
    reply: (reply) => (reply.status === 201 ? { ...reply, body: { ...(reply.body as Json), data: { ...(reply.body as Json).data, ...order } } } : reply),
  });

/** Both endpoints fail as a lost network does (`fetch` rejects with a TypeError). */
export const checkoutNetworkError = (options: CheckoutHandlerOptions = {}): HttpHandler[] =>
  pathTemplates().map((template) => handlerFor(template, options, { networkError: true }));

/**
 * The checkout answers as to a token the API cannot validate (expired, revoked, never issued),
 * whatever token the request sends: `401`, before anything else is checked, as the mock answers.
 */
export const checkoutTokenRejected = (options: CheckoutHandlerOptions = {}): HttpHandler =>
  handlerFor(checkoutPath, options, {
    // The mock answers a request without a token it can validate alike, security first.
    request: ({ headers: { authorization: _dropped, ...headers }, ...facts }) => ({ ...facts, headers }),
  });
