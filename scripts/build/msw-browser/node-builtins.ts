// What the browser bundle of the MSW handlers gets in place of Node's built-in modules (node:module
// apart, in node-module.ts, which must not load Prism while Prism loads these). The handlers
// reach Node only through code they never run in a page (Prism's forwarder and its proxy agents, its
// file resolver, the mock's Node-only speed-ups, which give up when `require.resolve` fails) and
// through a few calls that have a browser equivalent (random ids, a token's hash, `os` in a header
// Prism never sends): those get it, everything else throws if it is ever called.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

export const unavailable = (name: string) => () => {
  throw new Error(`${name} is not available in the browser bundle of @ep-checkout/contract/msw`);
};

// node:crypto
export const randomUUID = (): string => globalThis.crypto.randomUUID();
export const randomBytes = (size: number) => {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(size));
  return { toString: () => bytesToHex(bytes) };
};
export const createHash = () => {
  let text = '';
  const hash = { update: (more: string) => ((text += more), hash), digest: () => bytesToHex(sha256(text)) };
  return hash;
};

// node:fs, node:url, node:path, node:os, node:util: src/lib/paths.ts works out file paths as it loads
// (they are never read here); ono (Prism's errors) names util.inspect's symbol.
export const readFileSync = unavailable('fs.readFileSync');
export const fileURLToPath = (url: string | URL): string => new URL(url).pathname;
const dirname = (file: string): string => file.replace(/\/[^/]*\/?$/, '') || '/';
const join = (...parts: string[]): string => parts.join('/').replace(/\/+/g, '/');
const extname = (file: string): string => /\.[^./]*$/.exec(file)?.[0] ?? '';
export const posix = { dirname, join, extname, resolve: join, sep: '/' };
export const path = posix;
// Prism's reference resolver reads and resolves the references of the spec, all local (`#/...`).
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
export const type = () => 'Browser';
export const arch = () => 'browser';
export const release = () => '';
export const inspect = { custom: Symbol.for('nodejs.util.inspect.custom') };

export default { randomUUID, randomBytes, createHash, readFileSync, fileURLToPath, ...posix, posix, format, parse, resolve, type, arch, release, inspect };
