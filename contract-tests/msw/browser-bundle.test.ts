// The browser bundle of `./msw` holds the handlers, the mock's engine and Prism's core, and keeps out
// what a browser never runs (scripts/build/msw-browser.ts): each of those packages is replaced by a
// stand-in, and msw itself stays the consumer's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildBrowserBundle, measureBundle, type BundleShares } from '../../scripts/build/msw-browser.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msw-browser-'));
const outfile = path.join(dir, 'browser.js');
let shares: BundleShares;
beforeAll(async () => {
  shares = await buildBrowserBundle(outfile);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('holds the engine and Prism, not faker, Postman collections, node-fetch, the proxy agents or msw', () => {
  const owners = shares.map(([owner]) => owner);
  expect(owners).toEqual(expect.arrayContaining(['@stoplight/prism-http', 'ajv', 'src/mock', 'src/msw']));
  const keptOut = ['@faker-js/faker', 'postman-collection', 'node-fetch', 'http-proxy-agent', 'https-proxy-agent', 'msw'];
  expect(owners.filter((owner) => keptOut.includes(owner))).toEqual([]);
  expect(owners).toContain('scripts/build/msw-browser');
});

test('imports msw from the consumer, and nothing else', () => {
  const imports = [...fs.readFileSync(outfile, 'utf8').matchAll(/\bfrom\s*"([^"]+)"/g)].map((match) => match[1]);
  expect([...new Set(imports)]).toEqual(['msw']);
});

test('stays under 2 MiB minified and 600 KiB gzipped (1.46 MiB and 399 KiB when this was written)', () => {
  const { minifiedBytes, gzippedBytes } = measureBundle(outfile);
  expect(minifiedBytes).toBeLessThan(2 * 1024 * 1024);
  expect(gzippedBytes).toBeLessThan(600 * 1024);
});
