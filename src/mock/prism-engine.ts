// Prism's HTTP core, in process and as Prism ships it: given the operation the mock routed to, it
// checks security and picks the declared response and example for the mock's choice. It is extended
// only through its own override points (`createInstance(config, components)`): request validation
// is off (the mock's one validator checked the body, headers and path parameters already), the
// `route` component takes the operation the mock routed to, and the `mock` component is the
// negotiation cache. Results are fp-ts Eithers; this module turns them into plain promises and
// guards against Prism throwing or never answering. Loaded by plain imports a bundler can follow.
import * as prismHttp from '@stoplight/prism-http';
import * as prismMocker from '@stoplight/prism-http/dist/mocker/index.js';
import * as prismRouter from '@stoplight/prism-http/dist/router/index.js';
import type { SpecDocument } from '../lib/schema-validator.ts';
import { cachingNegotiator, type Negotiate, type NegotiationCacheOptions } from './negotiation-cache.ts';

export interface PrismInput {
  method: string;
  url: { path: string; query: Record<string, string | string[]> };
  headers: Record<string, string>;
  body?: unknown;
}

export interface MockChoice {
  code?: number;
  exampleKey?: string;
}

export interface OperationRef {
  method: string;
  pathTemplate: string;
}

export interface PrismDiagnostic {
  path?: string[];
  code?: string | number;
  message: string;
}

export type PrismAnswer =
  | { kind: 'output'; statusCode: number; body: unknown; diagnostics: PrismDiagnostic[] }
  | { kind: 'refused'; status?: number; detail?: string };

export interface PrismEngine {
  /** Prism's answer; given the operation the mock routed the request to, Prism takes that operation. */
  answer(input: PrismInput, choice: MockChoice, operation?: OperationRef): Promise<PrismAnswer>;
}

export interface PrismEngineOptions {
  timeoutMs?: number;
  /** Reuse Prism's negotiated answer for an identical negotiation (negotiation-cache.ts); `false` turns it off. */
  negotiationCache?: NegotiationCacheOptions | false;
}

type PrismOperation = { method: string; path: string };
type Either<R> = { _tag: 'Left'; left: any } | { _tag: 'Right'; right: R };
type Router = (request: { resources: PrismOperation[]; input: PrismInput }) => Either<PrismOperation>;

// A CommonJS module's `exports.default`: Node hands an ES import the whole `exports` as `default`,
// a bundler hands over `exports.default` itself.
const cjsDefault = <T>(namespace: object): T => {
  const value = (namespace as { default: unknown }).default;
  return (typeof value === 'function' ? value : (value as { default: unknown }).default) as T;
};
const negotiate = cjsDefault<Negotiate>(prismMocker);
const prismRoute = cjsDefault<Router>(prismRouter);

const withTimeout = <T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });

// Prism logs through pino; the mock keeps its own request log, so Prism's goes nowhere.
const silentLogger: Record<string, unknown> = {};
for (const level of ['trace', 'debug', 'info', 'success', 'warn', 'error', 'fatal']) silentLogger[level] = () => {};
silentLogger.child = () => silentLogger;

/** A mock request routed to `operation` is given Prism with that operation alone; anything else Prism routes itself. */
const routedByTheMock = (route: Router, routed: WeakSet<PrismOperation>): Router => (request) =>
  request.resources.length === 1 && routed.has(request.resources[0]) ? { _tag: 'Right', right: request.resources[0] } : route(request);

export const createPrismEngine = async (spec: SpecDocument, options: PrismEngineOptions = {}): Promise<PrismEngine> => {
  const { timeoutMs = 2000, negotiationCache = {} } = options;
  // Prism dereferences the document in place; the caller's copy stays as it was.
  const operations: PrismOperation[] = await prismHttp.getHttpOperationsFromSpec(structuredClone(spec));
  // A method and path template name one operation in OpenAPI.
  const alone = new Map(operations.map((operation) => [`${operation.method} ${operation.path}`, operation]));
  const routed = new WeakSet(operations);
  const baseConfig = {
    checkSecurity: true,
    validateRequest: false,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: false },
  };
  const prism = prismHttp.createInstance(baseConfig as never, {
    logger: silentLogger as never,
    route: routedByTheMock(prismRoute, routed) as never,
    mock: (negotiationCache ? cachingNegotiator(negotiate, negotiationCache) : negotiate) as never,
  });

  const request = async (input: PrismInput, choice: MockChoice, operation?: OperationRef): Promise<PrismAnswer> => {
    const config = { ...baseConfig, mock: { dynamic: false, ...choice } };
    const one = operation && alone.get(`${operation.method} ${operation.pathTemplate}`);
    const result = await prism.request(input as never, (one ? [one] : operations) as never, config as never)();
    if (result._tag === 'Left') {
      const { status, detail } = result.left as { status?: number; detail?: string };
      return { kind: 'refused', status, detail };
    }
    const { output, validations } = result.right;
    return { kind: 'output', statusCode: output.statusCode, body: output.body, diagnostics: validations.input as PrismDiagnostic[] };
  };

  return {
    answer: (input, choice, operation) =>
      withTimeout(request(input, choice, operation), timeoutMs, () => ({ kind: 'refused', detail: 'Prism did not answer in time' })),
  };
};
