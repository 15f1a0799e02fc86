// The package's Node-only parts (`@ep-checkout/contract/node`, and the root import under Node): the mock
// in process and the bundled spec on disk. A browser bundle never resolves this module. The mock, and
// with it Prism and Ajv (optional dependencies), loads on the first `startMockServer` call, so that a
// client-only install can import the root under Node (server-side rendering, tests) all the same.
import type { MockServer, MockServerOptions } from './mock/server.ts';
import { loadWithOptionalDependencies } from './optional-dependencies.ts';
import { loadBundledSpec } from './lib/bundled-spec.ts';
import { bundledSpecPath } from './lib/paths.ts';

export type { MockServer, MockServerOptions };

/** The mock in this process, on `options.port` (0 for a free one; `url` says which); `close()` stops it. */
export const startMockServer = async (options?: MockServerOptions): Promise<MockServer> => {
  const [{ serveCheckoutMock }, { createCheckoutEngine }] = await loadWithOptionalDependencies('startMockServer', () =>
    Promise.all([import('./mock/server.ts'), import('./mock/engine.ts')]),
  );
  return serveCheckoutMock(createCheckoutEngine, options);
};

/** Where the bundled OpenAPI 3.1 document of the contract is on disk (also exported as `<package>/openapi.json`). */
export const checkoutSpecPath: string = bundledSpecPath;

/** The bundled OpenAPI 3.1 document of the contract, parsed. */
export const loadCheckoutSpec = (): Record<string, unknown> => loadBundledSpec();
