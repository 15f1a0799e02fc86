// node:module in the browser bundle: the modules src/mock/prism-engine.ts requires, bundled, and no
// `require.resolve` (the mock's Node-only speed-ups give up without it).
import * as prismCore from '@stoplight/prism-core';
import * as prismHttp from '@stoplight/prism-http';
import negotiate from '@stoplight/prism-http/dist/mocker/index.js';
import { unavailable } from './node-builtins.ts';

// The mock asks Prism's core for a silent logger; pino's browser build has no custom levels, and
// Prism logs at its own `success` level, so the browser gets a silent logger of its own.
const silentLogger: Record<string, unknown> = new Proxy({}, { get: (_, key) => (key === 'child' ? () => silentLogger : () => {}) });

const bundled: Record<string, unknown> = {
  '@stoplight/prism-http': prismHttp,
  '@stoplight/prism-http/dist/mocker': { default: negotiate },
  '@stoplight/prism-core': { ...prismCore, createLogger: () => silentLogger },
};

export const createRequire = () =>
  Object.assign((id: string) => bundled[id] ?? unavailable(`require('${id}')`)(), { resolve: unavailable('require.resolve') });

export default { createRequire };
