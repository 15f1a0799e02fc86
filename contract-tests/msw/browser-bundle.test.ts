// The prebuilt engine (scripts/build/prebuilt.ts): the browser bundle of `./msw` holds the handlers,
// the mock's engine and Prism's core, and `ep-checkout mock` loads the same engine; both keep out
// what the engine never runs (each of those packages is replaced by a stand-in), and msw itself stays
// the consumer's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserBundleName, buildPrebuilt, measurePrebuilt, type BundleShares } from '../../scripts/build/prebuilt.ts';
import { prebuiltEnginePath } from '../../src/lib/paths.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prebuilt-'));
let shares: BundleShares;
beforeAll(async () => {
  shares = await buildPrebuilt(dir);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('holds the engine and Prism, not faker, Postman collections, node-fetch, the proxy agents or msw', () => {
  const owners = shares.map(([owner]) => owner);
  expect(owners).toEqual(expect.arrayContaining(['@stoplight/prism-http', 'ajv', 'src/mock', 'src/msw']));
  const keptOut = ['@faker-js/faker', 'postman-collection', 'node-fetch', 'http-proxy-agent', 'https-proxy-agent', 'msw'];
  expect(owners.filter((owner) => keptOut.includes(owner))).toEqual([]);
  expect(owners).toContain('scripts/build/stand-ins');
});

const importsOf = (file: string): string[] => [...new Set([...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\bfrom\s*"([^"]+)"/g)].map((match) => match[1]))];
const sharedChunks = (file: string): string[] => importsOf(file).filter((specifier) => /^\.\/shared-\w+\.js$/.test(specifier));

test('the browser bundle imports msw from the consumer and its shared chunks, nothing else', () => {
  expect(importsOf(browserBundleName).filter((specifier) => !sharedChunks(browserBundleName).includes(specifier))).toEqual(['msw']);
});

test("the command's engine imports only the chunks it shares with the browser bundle: no msw, no package", () => {
  const engine = path.basename(prebuiltEnginePath);
  expect(sharedChunks(engine).length).toBeGreaterThan(0);
  expect(importsOf(engine)).toEqual(sharedChunks(engine));
  for (const chunk of sharedChunks(engine)) expect(importsOf(chunk.slice(2))).toEqual([]);
});

test('the browser bundle stays under 2 MiB minified and 600 KiB gzipped with its chunks (1.46 MiB and 400 KiB when this was written)', () => {
  const { minifiedBytes, gzippedBytes } = measurePrebuilt(dir);
  expect(minifiedBytes).toBeLessThan(2 * 1024 * 1024);
  expect(gzippedBytes).toBeLessThan(600 * 1024);
});

test('carries the license of every package it bundles', () => {
  const notices = fs.readFileSync(path.join(dir, 'THIRD-PARTY-LICENSES.md'), 'utf8');
  const packages = shares.map(([owner]) => owner).filter((owner) => /^(@[\w.-]+\/)?\w[\w.-]*$/.test(owner));
  expect(packages).toContain('@stoplight/prism-http');
  for (const owner of packages)
    expect(notices).toMatch(new RegExp(`^## ${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d`, 'm'));
});
