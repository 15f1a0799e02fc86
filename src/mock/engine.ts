// The mock's decisions, as one pure async function from the facts of a request to the reply, with
// no Node built-in in it or in what it imports: the Node server (server.ts) and MSW handlers run
// this same engine. Stage by stage, each ranked below the one before:
//   route -> body (size, coding, UTF-8, media type, parse, schema) -> Prism (security, the answer
//   for the mock's choice) -> token -> body errors -> parameters -> variant rule / Prefer /
//   reserved reference (chosen before Prism is asked) -> reflection of the request.
import type { SpecDocument } from '../lib/schema-validator.ts';
import { SchemaValidator } from '../lib/schema-validator.ts';
import { accountManagementHeader } from '../lib/checkout-variants.ts';
import { checkoutPath } from '../lib/openapi.ts';
import { errorReply, specErrorReply, validationReply } from './api-errors.ts';
import { reflectOrder } from './checkout-order.ts';
import type { NegotiationCacheOptions } from './negotiation-cache.ts';
import { parameterErrors } from './parameters.ts';
import { preferredAnswer } from './prefer.ts';
import { createPrismEngine, type PrismEngine } from './prism-engine.ts';
import { readRequestBody } from './request-body.ts';
import { route } from './router.ts';
import { chooseAnswer } from './scenarios.ts';
import { readSpecOperations, type SpecOperation } from '../lib/spec-operations.ts';
import { grantOfBearer, issueToken } from './tokens.ts';

/** What the engine needs to know of a request. */
export interface RequestFacts {
  method: string;
  /** The path as sent, still percent-encoded (`/v2/carts/my%20cart/checkout`). */
  path: string;
  query?: Record<string, string | string[]>;
  /** Header names in any case; several values of one header joined with `, `. */
  headers: Record<string, string>;
  /** The body as sent: bytes, or text already decoded. */
  body?: Uint8Array | string;
  /** Set by a caller that stopped reading the body past its limit. */
  bodyTooLarge?: boolean;
}

/** The answer: a status, a JSON body (sent as `application/json`), and any further headers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The variant the body was (the spec's example key), for the request log. */
  variant?: string;
}

export interface CheckoutEngine {
  answer(request: RequestFacts): Promise<Reply>;
  /** The spec's operations as the engine read them (CORS policies and tools derive from them). */
  operations: readonly SpecOperation[];
}

export interface CheckoutEngineOptions {
  /** Reuse of Prism's negotiated answers (on by default); `false` lets tests compare against Prism uncached. */
  negotiationCache?: NegotiationCacheOptions | false;
  /** Where the engine says what went wrong on its side (a refusal by Prism); never sent to a client. */
  log?: (line: string) => void;
}

type Json = Record<string, any>;

// How a successful answer is made to carry the request's own data, per path of the spec.
const reflectors = new Map<string, (example: unknown, body: Json, headers: Record<string, string>) => unknown>([
  [checkoutPath, (example, body, headers) => reflectOrder(example, body.data, headers[accountManagementHeader.toLowerCase()])],
  ['/oauth/access_token', (example) => issueToken(example as Json)],
]);

const lowerCased = (headers: Record<string, string>): Record<string, string> => {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return lower;
};

/** Answers a secured operation 401 when Prism finds no bearer token, or the token is not of a form the mock issues. */
const securityRefusal = (operation: SpecOperation, prismSays401: boolean, authorization: string | undefined): Reply | undefined => {
  if (!operation.secured || (!prismSays401 && grantOfBearer(authorization))) return undefined;
  return specErrorReply(operation, 401, errorReply(401, 'Unauthorized', 'Unable to validate access token'));
};

export const createCheckoutEngine = async (spec: SpecDocument, options: CheckoutEngineOptions = {}): Promise<CheckoutEngine> => {
  const { negotiationCache, log = () => {} } = options;
  const validator = new SchemaValidator(spec);
  const operations = readSpecOperations(validator);
  const prism: PrismEngine = await createPrismEngine(spec, { negotiationCache });

  const answer = async (request: RequestFacts): Promise<Reply> => {
    const found = route(operations, request.method, request.path);
    if ('refusal' in found) return found.refusal;
    const { operation, params } = found;
    const headers = lowerCased(request.headers);
    const query = request.query ?? {};

    const body = readRequestBody(validator, operation, { body: request.body, tooLarge: request.bodyTooLarge, headers });
    if (body.kind === 'refused') return body.reply;
    const variant = body.verdict.valid ? body.verdict.variant : undefined;

    const preferred = preferredAnswer(headers.prefer, operation);
    const { choice, by, reflect } = chooseAnswer({ variant, headers, params, preferred: preferred.ok ? preferred.choice : {} });
    // Like the API, the mock answers JSON whatever Accept says; Prism would refuse to negotiate instead.
    const { accept: _ignored, ...prismHeaders } = headers;
    const input = { method: operation.method, url: { path: request.path, query }, headers: prismHeaders, body: body.verdict.valid ? body.value : undefined };
    const result = await prism.answer(input, choice, operation);
    if (result.kind === 'refused') {
      // Every choice was checked against the spec, so a refusal is the mock's fault; Prism's own
      // wording goes to the log, not to the client.
      log(`Prism refused ${request.method} ${request.path} (${JSON.stringify(choice)}): ${result.detail ?? 'no detail'}`);
      return errorReply(500, 'Mock failure', 'The mock could not build the answer to this request');
    }
    const refusal = securityRefusal(operation, result.diagnostics.some((d) => d.code === 401), headers.authorization);
    if (refusal) return refusal;
    if (!body.verdict.valid) return { ...validationReply(body.verdict.errors), variant };
    const badParameters = parameterErrors(validator, operation, { headers, params, query });
    if (badParameters.length > 0) return { ...validationReply(badParameters), variant };
    // An unreadable Prefer header ranks where a readable one does: after the checks, below a variant rule.
    if (!preferred.ok && by !== 'rule') return { ...errorReply(400, 'Invalid Prefer header', preferred.detail, 'Prefer'), variant };
    const reflector = reflectors.get(operation.pathTemplate);
    const reflected =
      reflect && result.statusCode < 300 && variant && reflector ? reflector(result.body, body.value as Json, headers) : result.body;
    return { status: result.statusCode, body: reflected, variant };
  };

  return {
    operations,
    answer: async (request) => {
      try {
        return await answer(request);
      } catch (error) {
        return errorReply(500, 'Mock failure', `The mock failed on this request: ${(error as Error).message}`);
      }
    },
  };
};
