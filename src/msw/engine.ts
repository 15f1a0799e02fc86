// The mock's decisions as one function, request facts -> reply, with no socket and no file in it, so
// the MSW handlers answer exactly as `ep-checkout mock` does, in Node and in the browser.
// INTERIM: until issue-16's pipeline lands (a pure engine in src/mock/), this composes the very modules
// src/mock/server.ts composes, in the server's order; the handler-vs-server differential test
// (contract-tests/package/msw-differential.test.ts) holds the two equal. Switching to the pipeline
// means replacing `answer` below with a call to it.
import { checkoutPath } from '../lib/openapi.ts';
import { wholeBody } from '../lib/error-source.ts';
import { SpecValidator, type SpecDocument } from '../lib/spec-validator.ts';
import { errorReply, validationReply, type ErrorReply } from '../mock/api-errors.ts';
import { judgeBody, type BodyVerdict } from '../mock/body-validation.ts';
import { reflectOrder } from '../mock/checkout-order.ts';
import { corsPolicyFor } from '../mock/cors.ts';
import { createPrismEngine, type PrismDiagnostic, type PrismInput } from '../mock/prism-engine.ts';
import { preferredAnswer } from '../mock/prefer.ts';
import { bodyLimitBytes, decodeUtf8 } from '../mock/read-body.ts';
import { route } from '../mock/router.ts';
import { accountManagementHeader, chooseAnswer } from '../mock/scenarios.ts';
import { readSpecOperations, type SpecOperation } from '../mock/spec-operations.ts';
import { issueToken } from '../mock/tokens.ts';

/** A request as the engine reads it: header names in lower case, the body as bytes. */
export interface RequestFacts {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface Reply {
  status: number;
  /** JSON, or undefined for an answer without a body (a CORS preflight). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CheckoutEngine {
  answer(request: RequestFacts): Promise<Reply>;
  /** The spec the engine answers from. */
  spec: SpecDocument;
}

type Json = Record<string, any>;

const reflectors: Record<string, (example: unknown, body: Json, headers: Record<string, string>) => unknown> = {
  [checkoutPath]: (example, body, headers) => reflectOrder(example, body.data, headers[accountManagementHeader]),
  '/oauth/access_token': (example) => issueToken(example as Json),
};

const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0].trim().toLowerCase();

const specErrorReply = (operation: SpecOperation, status: number, fallback: ErrorReply): Reply => {
  const body = operation.responseExamples.get(status)?.values().next().value;
  return body ? { status, body } : fallback;
};

const queryOf = (url: URL): Record<string, string | string[]> => {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
};

const parameterErrors = (operation: SpecOperation, diagnostics: PrismDiagnostic[], headers: Record<string, string>): ErrorReply | undefined => {
  const specName = (name: string) =>
    [...operation.headerParams, ...operation.pathParams].find((p) => p.toLowerCase() === name.toLowerCase()) ?? name;
  const fromPrism = diagnostics
    .filter((d) => d.path && ['header', 'path', 'query'].includes(d.path[0]))
    .map((d) => ({ parameter: specName(d.path![1] ?? ''), detail: d.message }));
  const empty = [...operation.emptyHeaderErrors]
    .filter(([name]) => headers[name.toLowerCase()] === '')
    .map(([name, why]) => ({ parameter: name, detail: `Request header parameter ${name} ${why}` }));
  const found = [...fromPrism, ...empty];
  if (found.length === 0) return undefined;
  return validationReply(found.map(({ parameter, detail }) => ({ status: 400, title: 'Failed Validation', detail, source: parameter })));
};

const parseBody = (mediaType: string, text: string): { ok: true; value: unknown; forPrism: unknown } | { ok: false; reply: Reply } => {
  if (mediaType === 'application/x-www-form-urlencoded') return { ok: true, value: Object.fromEntries(new URLSearchParams(text)), forPrism: text };
  try {
    const value = JSON.parse(text);
    return { ok: true, value, forPrism: value };
  } catch (error) {
    return { ok: false, reply: errorReply(400, 'Malformed JSON', `The request body is not valid JSON: ${(error as Error).message}`) };
  }
};

/** The engine on `spec` (the bundled spec, parsed): Prism's HTTP core plus the mock's own rules. */
export const createCheckoutEngine = async (spec: SpecDocument): Promise<CheckoutEngine> => {
  // Prism dereferences the document it is given in place; the validator needs it as written.
  const prism = await createPrismEngine(structuredClone(spec));
  const validator = new SpecValidator(spec);
  const operations = readSpecOperations(validator);
  const cors = corsPolicyFor(operations);

  const readRequestBody = (
    bytes: Uint8Array,
    operation: SpecOperation,
    contentType: string | undefined,
  ): { reply: Reply } | { verdict: BodyVerdict; value?: unknown; forPrism?: unknown } => {
    if (bytes.length > bodyLimitBytes) {
      return { reply: specErrorReply(operation, 413, errorReply(413, 'Payload Too Large', 'The request body is larger than 1 MiB')) };
    }
    const text = decodeUtf8(bytes);
    if (text === undefined) return { reply: errorReply(400, 'Malformed body', 'The request body is not valid UTF-8') };
    if (text.length === 0) {
      const missing = { status: 400, title: 'Failed Validation', detail: 'The request body is required', source: wholeBody };
      return { verdict: operation.bodySchemaRef ? { valid: false, errors: [missing] } : { valid: true } };
    }
    const mediaType = mediaTypeOf(contentType);
    if (!operation.mediaTypes.includes(mediaType)) {
      const expected = operation.mediaTypes.join(' or ') || 'no body';
      return { reply: specErrorReply(operation, 415, errorReply(415, 'Unsupported Media Type', `The request body must be sent as ${expected}`)) };
    }
    const parsed = parseBody(mediaType, text);
    if (!parsed.ok) return { reply: parsed.reply };
    const verdict = judgeBody(validator, operation, parsed.value);
    return { verdict, value: parsed.value, forPrism: verdict.valid ? parsed.forPrism : undefined };
  };

  const decide = async ({ method, url, headers, body: bytes }: RequestFacts): Promise<Reply> => {
    const found = route(operations, method, url.pathname);
    if ('refusal' in found) return found.refusal;
    const { operation, params } = found;
    const body = readRequestBody(bytes, operation, headers['content-type']);
    if ('reply' in body) return body.reply;
    const variant = body.verdict.valid ? body.verdict.variant : undefined;
    const { accept: _ignored, ...prismHeaders } = headers;
    const input: PrismInput = { method: method.toLowerCase(), url: { path: url.pathname, query: queryOf(url) }, headers: prismHeaders, body: body.forPrism };
    const preferred = preferredAnswer(headers.prefer, operation);
    const { choice, by, reflect } = chooseAnswer({ variant, headers, params, preferred: preferred.ok ? preferred.choice : {} });
    const result = await prism.answer(input, choice, operation);
    if (result.kind === 'refused') return errorReply(500, 'Mock failure', 'The mock could not build the answer to this request');
    if (result.statusCode === 401 && result.diagnostics.some((d) => d.code === 401)) return { status: 401, body: result.body };
    if (!body.verdict.valid) return validationReply(body.verdict.errors);
    const badParameters = parameterErrors(operation, result.diagnostics, headers);
    if (badParameters) return badParameters;
    if (!preferred.ok && by !== 'rule') return errorReply(400, 'Invalid Prefer header', preferred.detail, 'Prefer');
    const reflector = reflectors[operation.pathTemplate];
    const reflected = reflect && result.statusCode < 300 && variant && reflector ? reflector(result.body, body.value as Json, headers) : result.body;
    return { status: result.statusCode, body: reflected };
  };

  const answer = async (request: RequestFacts): Promise<Reply> => {
    const origin = { 'Access-Control-Allow-Origin': request.headers.origin ?? '*', Vary: 'Origin' };
    if (request.method === 'OPTIONS') {
      const preflight = { 'Access-Control-Allow-Methods': cors.allowMethods, 'Access-Control-Allow-Headers': cors.allowHeaders, 'Access-Control-Max-Age': '600' };
      return { status: 204, headers: { ...origin, ...preflight } };
    }
    let reply: Reply;
    try {
      reply = await decide(request);
    } catch (error) {
      reply = errorReply(500, 'Mock failure', `The mock failed on this request: ${(error as Error).message}`);
    }
    return { ...reply, headers: { ...origin, ...reply.headers } };
  };

  return { answer, spec };
};
