// The mock as a library leaves its host alone: after startMockServer(), a consumer's own modules are
// the ones it installed. Before issue 16 the mock put a stand-in for node-fetch in Node's module
// cache (a consumer's `require('node-fetch')` then gave an object, and `fetch(url)` threw "not a
// function") and replaced fp-ts's shared `dual`, uri-template-lite's `URI.Template` and one of
// Prism's functions for the whole process; each check below failed then.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../../src/lib/paths.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { checkoutRequestExample } from './support.ts';

// Resolved as a consumer of the package resolves them, from its own project.
const consumerRequire = createRequire(path.join(repoRoot, 'package.json'));
const fromPrism = createRequire(consumerRequire.resolve('@stoplight/prism-http'));

type Functions = { dual: unknown };
let fpTsBefore: Functions;
let dualBefore: unknown;
let templateBefore: unknown;
let mock: MockServer;

beforeAll(async () => {
  // A consumer that loaded fp-ts and uri-template-lite before starting the mock.
  fpTsBefore = consumerRequire('fp-ts/function') as Functions;
  dualBefore = fpTsBefore.dual;
  templateBefore = (fromPrism('uri-template-lite') as { URI: { Template: unknown } }).URI.Template;
  mock = await startMockServer();
}, 60_000);
afterAll(() => mock?.close());

it("a consumer's own node-fetch, required after the mock started, is node-fetch and fetches", async () => {
  const fetch = consumerRequire('node-fetch') as (url: string, init: object) => Promise<{ status: number }>;
  expect(typeof fetch).toBe('function');
  expect(consumerRequire.cache[consumerRequire.resolve('node-fetch')]?.loaded).toBe(true);
  const answer = await fetch(`${mock.url}/v2/carts/c/checkout`, {
    method: 'POST',
    headers: { Authorization: 'Bearer mock_implicit_dev', 'Content-Type': 'application/json' },
    body: JSON.stringify(checkoutRequestExample('CustomerObject')),
  });
  expect(answer.status).toBe(201);
});

it("fp-ts's dual and uri-template-lite's Template are the ones the packages export", () => {
  expect((consumerRequire('fp-ts/function') as Functions).dual).toBe(dualBefore);
  expect(fpTsBefore.dual).not.toHaveProperty('original');
  expect((fromPrism('uri-template-lite') as { URI: { Template: unknown } }).URI.Template).toBe(templateBefore);
  expect(fromPrism('./validator/utils/wildcardMediaTypeMatch').wildcardMediaTypeMatch).not.toHaveProperty('compute');
});

it('no module of src/ writes to the module cache or replaces what another package exports', () => {
  const sources = fs.readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const patching = [/require\.cache/, /createRequire/, /new Module\(/, /Module\._load/];
  const found = sources.flatMap((file) => {
    const text = fs.readFileSync(path.join(repoRoot, 'src', file), 'utf8');
    return patching.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
  });
  expect(sources.length).toBeGreaterThan(20);
  expect(found).toEqual([]);
});
