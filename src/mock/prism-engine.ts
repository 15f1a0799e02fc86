// Prism's HTTP core, in process: it routes, checks security, validates headers and picks the
// declared response and example for a request. Results are fp-ts Eithers; this module turns them
// into plain promises and guards against Prism throwing or never answering.
import Module, { createRequire } from 'node:module';

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

export interface PrismDiagnostic {
  path?: string[];
  code?: string | number;
  message: string;
}

export type PrismAnswer =
  | { kind: 'output'; statusCode: number; body: unknown; diagnostics: PrismDiagnostic[] }
  | { kind: 'refused'; status?: number; detail?: string };

export interface PrismEngine {
  answer(input: PrismInput, choice: MockChoice): Promise<PrismAnswer>;
}

// Prism's mocker loads @faker-js/faker (about a second of locale data) and hands it to
// json-schema-faker when required, but faker is used only for dynamic mocking, which this mock
// never asks for. A stand-in that loads the real faker on first use keeps startup well under 2 s.
const deferFakerLoad = (): void => {
  const fakerPath = createRequire(require.resolve('@stoplight/prism-http')).resolve('@faker-js/faker');
  if (require.cache[fakerPath]) return;
  let faker: Record<PropertyKey, unknown> | undefined;
  const realFaker = () => {
    if (!faker) {
      delete require.cache[fakerPath];
      faker = require(fakerPath).default as Record<PropertyKey, unknown>;
    }
    return faker;
  };
  const standIn = new Module(fakerPath);
  standIn.filename = fakerPath;
  standIn.loaded = true;
  standIn.exports = { default: new Proxy({}, { get: (_, key) => realFaker()[key], has: (_, key) => key in realFaker() }) };
  require.cache[fakerPath] = standIn;
};

const withTimeout = <T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });

export const createPrismEngine = async (specPath: string, timeoutMs = 2000): Promise<PrismEngine> => {
  deferFakerLoad();
  const prismHttp = require('@stoplight/prism-http');
  const { createLogger } = require('@stoplight/prism-core');
  const operations: unknown[] = await prismHttp.getHttpOperationsFromSpec(specPath);
  const baseConfig = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: false },
  };
  const prism = prismHttp.createInstance(baseConfig, { logger: createLogger('mock', { level: 'silent' }) });

  const request = async (input: PrismInput, choice: MockChoice): Promise<PrismAnswer> => {
    const config = { ...baseConfig, mock: { dynamic: false, ...choice } };
    const result = await prism.request(input, operations, config)();
    if (result._tag === 'Left') return { kind: 'refused', status: result.left.status, detail: result.left.detail };
    const { output, validations } = result.right;
    return { kind: 'output', statusCode: output.statusCode, body: output.body, diagnostics: validations.input };
  };

  return {
    answer: (input, choice) =>
      withTimeout(request(input, choice), timeoutMs, () => ({ kind: 'refused', detail: 'Prism did not answer in time' })),
  };
};
