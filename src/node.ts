// The package's Node-only parts (`@ep-checkout/contract/node`, and the root import under Node): the mock
// in process and the bundled spec on disk. A browser bundle never resolves this module.
import fs from 'node:fs';
import { bundledSpecPath } from './lib/paths.ts';

export { startMockServer, type MockServer, type MockServerOptions } from './mock/server.ts';

/** Where the bundled OpenAPI 3.1 document of the contract is on disk (also exported as `<package>/openapi.json`). */
export const checkoutSpecPath: string = bundledSpecPath;

/** The bundled OpenAPI 3.1 document of the contract, parsed. */
export const loadCheckoutSpec = (): Record<string, unknown> => JSON.parse(fs.readFileSync(bundledSpecPath, 'utf8')) as Record<string, unknown>;
