// Prism's HTTP core, in process: it routes, checks security, validates headers and picks the
// declared response and example for a request. Results are fp-ts Eithers; this module turns them
// into plain promises and guards against Prism throwing or never answering.
import { createRequire } from 'node:module';
import { deferUnusedPrismModules } from './deferred-modules.ts';
import { lendDirectDual } from './fp-ts-dual.ts';
import { compilePathTemplatesOnce } from './path-templates.ts';
import { rememberMediaTypeMatches } from './media-type-matches.ts';
import { cachingNegotiator, type NegotiationCacheOptions } from './negotiation-cache.ts';

const require = createRequire(import.meta.url);

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
  /**
   * Prism's answer. Given the operation the mock routed the request to, Prism routes among that
   * operation alone (it still checks the method and path match): the same answer for less work,
   * proven by contract-tests/mock/negotiation-cache.test.ts.
   */
  answer(input: PrismInput, choice: MockChoice, operation?: OperationRef): Promise<PrismAnswer>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });

export interface PrismEngineOptions {
  timeoutMs?: number;
  /** Reuse Prism's negotiated answer for an identical negotiation (negotiation-cache.ts); `false` turns it off. */
  negotiationCache?: NegotiationCacheOptions | false;
}

/** `spec`: the bundled spec's path, or the spec itself (the MSW handlers have no file in a browser). */
export const createPrismEngine = async (spec: string | object, options: PrismEngineOptions = {}): Promise<PrismEngine> => {
  const { timeoutMs = 2000, negotiationCache = {} } = options;
  deferUnusedPrismModules();
  // Before anything loads fp-ts's other modules, which build their functions with `dual` as they load.
  lendDirectDual();
  compilePathTemplatesOnce();
  rememberMediaTypeMatches();
  const prismHttp = require('@stoplight/prism-http');
  const negotiate = require('@stoplight/prism-http/dist/mocker').default;
  const { createLogger } = require('@stoplight/prism-core');
  const operations: { method: string; path: string }[] = await prismHttp.getHttpOperationsFromSpec(spec);
  // A method and path template name one operation in OpenAPI.
  const alone = new Map(operations.map((operation) => [`${operation.method} ${operation.path}`, [operation]]));
  const baseConfig = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: false },
  };
  const prism = prismHttp.createInstance(baseConfig, {
    logger: createLogger('mock', { level: 'silent' }),
    mock: negotiationCache ? cachingNegotiator(negotiate, negotiationCache) : negotiate,
  });

  const request = async (input: PrismInput, choice: MockChoice, operation?: OperationRef): Promise<PrismAnswer> => {
    const config = { ...baseConfig, mock: { dynamic: false, ...choice } };
    const candidates = (operation && alone.get(`${operation.method} ${operation.pathTemplate}`)) ?? operations;
    const result = await prism.request(input, candidates, config)();
    if (result._tag === 'Left') return { kind: 'refused', status: result.left.status, detail: result.left.detail };
    const { output, validations } = result.right;
    return { kind: 'output', statusCode: output.statusCode, body: output.body, diagnostics: validations.input };
  };

  return {
    answer: (input, choice, operation) =>
      withTimeout(request(input, choice, operation), timeoutMs, () => ({ kind: 'refused', detail: 'Prism did not answer in time' })),
  };
};
