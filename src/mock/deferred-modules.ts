// Prism loads modules at startup that this mock never uses: @faker-js/faker (hundreds of ms of
// locale data; only for dynamic mocking, which the mock never asks for), postman-collection (only
// for Postman collections, through @stoplight/http-spec) and node-fetch (only for proxying and
// callbacks). Measured: about 100 ms less of startup for the last two. A stand-in in Node's module cache
// loads the real module on first use, so startup does not pay for them.
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Where Node resolves `name` from the chain of packages that requires it, e.g. prism-http -> http-spec. */
const resolveThrough = (chain: string[], name: string): string =>
  createRequire(chain.reduce((from, next) => createRequire(from).resolve(next), import.meta.url)).resolve(name);

type Exports = Record<PropertyKey, unknown>;

/** An object that stands for `target()`, which is only called when a property is first read. */
const lazyObject = (target: () => Exports): Exports =>
  new Proxy({}, { get: (_, key) => target()[key], has: (_, key) => key in target() });

/**
 * `shape` says how the requiring code reaches the module: through its exports directly, or through
 * `exports.default` read eagerly (json-schema-faker reads `faker.default` when Prism loads it).
 */
export const deferLoading = (name: string, requiredThrough: string[], shape: 'exports' | 'default' = 'exports'): void => {
  let file: string;
  try {
    file = resolveThrough(requiredThrough, name);
  } catch {
    return; // a later Prism that no longer uses the module: nothing to defer
  }
  if (require.cache[file]) return;
  let real: Exports | undefined;
  const load = () => {
    if (!real) {
      delete require.cache[file];
      real = require(file) as Exports;
    }
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = shape === 'default' ? { default: lazyObject(() => load().default as Exports) } : lazyObject(load);
  require.cache[file] = standIn;
};

export const deferUnusedPrismModules = (): void => {
  deferLoading('@faker-js/faker', ['@stoplight/prism-http'], 'default');
  deferLoading('postman-collection', ['@stoplight/prism-http', '@stoplight/http-spec']);
  deferLoading('node-fetch', ['@stoplight/prism-http']);
};
