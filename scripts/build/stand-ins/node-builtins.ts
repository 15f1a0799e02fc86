// What the prebuilt engine (dist/prebuilt/, for browsers and `ep-checkout mock`) gets in place of
// Node's built-in modules. The mock's engine uses none; Prism's dependencies reach them from code the
// engine never runs (its forwarder, its file and HTTP resolvers) and, as they load or resolve the
// spec's local references, through `url.resolve`/`url.parse`, util's inspect symbol and the `os`
// details of a User-Agent header Prism writes for remote references the spec has none of: those get
// a browser equivalent here. Everything else throws if it is ever called.
const unavailable = (name: string) => () => {
  throw new Error(`${name} is not available in the prebuilt engine of @ep-checkout/contract`);
};

// url: Prism's reference resolver reads and resolves the spec's references, all local (`#/...`).
const placeholderBase = 'http://placeholder.invalid';
const withoutPlaceholder = (href: string): string => (href.startsWith(placeholderBase) ? href.slice(placeholderBase.length) : href);
export const resolve = (from: string, to: string): string => withoutPlaceholder(new URL(to, new URL(from, placeholderBase)).href);
export const parse = (text: string) => {
  const url = new URL(text, placeholderBase);
  const relative = url.origin === placeholderBase;
  return {
    protocol: relative ? null : url.protocol,
    host: relative ? null : url.host,
    hostname: relative ? null : url.hostname,
    pathname: url.pathname,
    search: url.search || null,
    hash: url.hash || null,
    href: withoutPlaceholder(url.href),
  };
};
export const format = unavailable('url.format');

// path (mime-types names `extname`; the forwarder `posix.join`), os, util, fs, http, https
const extname = (file: string): string => /\.[^./]*$/.exec(file)?.[0] ?? '';
export const posix = { extname, join: unavailable('path.join') };
export const type = (): string => 'Browser';
export const arch = (): string => 'unknown';
export const release = (): string => 'unknown';
export const inspect = { custom: Symbol.for('nodejs.util.inspect.custom') };
export const readFileSync = unavailable('fs.readFileSync');

export default { resolve, parse, format, extname, posix, type, arch, release, inspect, readFileSync };
