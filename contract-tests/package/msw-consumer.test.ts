// `@ep-checkout/contract/msw` as a frontend uses it, from the packed tarball installed next to msw in
// an empty project: under msw/node in a plain Node script, in Chromium through MSW's service worker
// (the page bundled by esbuild, so the export's `browser` condition picks the prebuilt bundle), and
// the guide's vitest and Storybook examples (docs/mock.md, its ```ts file=<name> blocks) as written.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { marked } from 'marked';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath } from '../docs/chromium-plan.ts';
import { validator } from '../mock/support.ts';
import { repoRoot } from '../../src/lib/paths.ts';
import { createConsumerProject, type ConsumerProject } from './packed.ts';

const run = promisify(execFile);
const fixtures = path.join(import.meta.dirname, 'fixtures');

let project: ConsumerProject;
beforeAll(async () => {
  project = await createConsumerProject({ own: ['msw', 'msw-storybook-addon', 'vitest'] });
}, 180_000);
afterAll(() => project?.remove());

type Json = Record<string, any>;
type Answer = { status: number; body: Json };

const isValid = (schema: string, body: unknown) => validator.validate(`#/components/schemas/${schema}`, body).length === 0;

describe('under msw/node', () => {
  let results: Json;
  beforeAll(async () => {
    fs.copyFileSync(path.join(fixtures, 'msw-node.mjs'), path.join(project.dir, 'msw-node.mjs'));
    const { stdout, stderr } = await run('node', ['msw-node.mjs'], { cwd: project.dir, timeout: 60_000 });
    expect(stderr).toBe('');
    results = JSON.parse(stdout);
  }, 90_000);

  test('issues tokens of both grants, in the shape the mock mints', () => {
    expect(results.tokens.map((answer: Answer) => [answer.status, answer.body.access_token.replace(/_[0-9a-f]+$/, '')])).toEqual([
      [200, 'mock_implicit'],
      [200, 'mock_client_credentials'],
    ]);
  });

  test('checks out every variant with an order that carries the request', () => {
    for (const [variant, answer] of Object.entries<Answer>(results.variants)) {
      expect(answer.status, variant).toBe(201);
      expect(isValid('OrderResponse', answer.body), variant).toBe(true);
    }
    expect(results.variants.CustomerObject.body.data.customer).toEqual(results.sentCustomer);
    expect(results.viaBaseUrl.status).toBe(201);
  });

  test('answers an invalid body with the field at fault as source, a reserved reference and Prefer as the mock does', () => {
    expect(results.invalid.status).toBe(400);
    expect(results.invalid.body.errors.map((error: Json) => error.source)).toEqual(['data.billing_address.line_1']);
    expect([results.reserved.status, results.reserved.body.errors[0].title]).toEqual([400, 'Insufficient stock']);
    expect(results.prefer.status).toBe(404);
  });

  test('takes per-test overrides: a scenario by name, an order of your own, a delay, a network error, a rejected token', () => {
    expect([results.scenario.status, results.scenario.body.errors[0].title]).toEqual([400, 'Currency mismatch']);
    expect(results.scenarioByExample.status).toBe(404);
    expect([results.order.status, results.order.body.data.order_number]).toEqual([201, 'MY-ORDER-7']);
    expect(results.delayedMs).toBeGreaterThanOrEqual(300);
    expect(results.networkError).toBe('TypeError');
    expect(results.tokenRejected.status).toBe(401);
    expect(isValid('ErrorResponse', results.tokenRejected.body)).toBe(true);
  });
});

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves `dir` on a free loopback port: a service worker needs a page from http://127.0.0.1. */
const serveStatic = async (dir: string): Promise<{ url: string; close(): void }> => {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html'));
    if (!file.startsWith(dir) || !fs.existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
};

describe('in Chromium, through the service worker', () => {
  let results: Json;
  let offMachine: string[];
  beforeAll(async () => {
    const publicDir = path.join(project.dir, 'public');
    await run('npx', ['--no-install', 'msw', 'init', 'public', '--no-save'], { cwd: project.dir, timeout: 30_000 });
    fs.copyFileSync(path.join(fixtures, 'msw-browser', 'index.html'), path.join(publicDir, 'index.html'));
    fs.copyFileSync(path.join(fixtures, 'msw-browser', 'page.js'), path.join(project.dir, 'page.js'));
    const bundle = await build({
      entryPoints: [path.join(project.dir, 'page.js')],
      outfile: path.join(publicDir, 'page.js'),
      absWorkingDir: project.dir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      metafile: true,
      logLevel: 'error',
    });
    // The browser build of the package, not the Node module.
    const packageInputs = Object.keys(bundle.metafile.inputs).filter((input) => input.includes('@ep-checkout/contract/dist/'));
    expect(packageInputs).toContain('node_modules/@ep-checkout/contract/dist/prebuilt/msw-browser.js');
    expect(packageInputs.filter((input) => !/\/dist\/prebuilt\/(msw-browser|shared-\w+)\.js$/.test(input))).toEqual([]);
    const site = await serveStatic(publicDir);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      offMachine = [];
      // A request the service worker did not answer would have left the page for the network.
      page.on('requestfinished', async (request) => {
        const response = await request.response();
        if (!request.url().startsWith(site.url) && !response?.fromServiceWorker()) offMachine.push(request.url());
      });
      page.on('requestfailed', (request) => offMachine.push(`${request.url()} (failed)`));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(site.url);
      // A page that fails says so in `errors`, checked below, rather than by a timeout.
      await page.waitForFunction(() => (window as { results?: unknown }).results !== undefined, null, { timeout: 30_000 }).catch(() => {});
      results = await page.evaluate(() => (window as { results?: Json }).results ?? {});
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      site.close();
    }
  }, 120_000);

  test('checks out through the handlers, on the base URL and on the spec host, as the mock does', () => {
    expect(results.token.status).toBe(200);
    expect([results.order.status, isValid('OrderResponse', results.order.body)]).toEqual([201, true]);
    expect(results.order.body.data.customer).toEqual({ name: 'Ann Lee', email: 'ann@example.com' });
    expect(results.onSpecHost.status).toBe(201);
    expect(results.invalid.body.errors.map((error: Json) => error.source)).toEqual(['data.billing_address.postcode']);
    expect([results.reserved.status, results.reserved.body.errors[0].title]).toEqual([400, 'Insufficient stock']);
    expect([results.scenario.status, results.ownOrder.body.data.order_number]).toEqual([404, 'STORY-1']);
  });

  test('sends nothing off the machine: the service worker answers the spec host', () => {
    expect(offMachine).toEqual([]);
  });
});

/** The guide's files: its ```ts blocks marked `file=<name>`, by name. */
const guideFiles = (): Map<string, string> =>
  new Map(
    marked
      .lexer(fs.readFileSync(path.join(repoRoot, 'docs', 'mock.md'), 'utf8'))
      .flatMap((token) => (token.type === 'code' ? [token as { lang?: string; text: string }] : []))
      .flatMap(({ lang, text }) => {
        const name = /^ts file=(\S+)$/.exec(lang ?? '')?.[1];
        return name ? [[name, text] as [string, string]] : [];
      }),
  );

const { FORCE_COLOR: _color, ...inherited } = process.env;
const plainOutput = { ...inherited, NO_COLOR: '1' };

describe("the guide's MSW examples, as written", () => {
  const vitest = (args: string[]) =>
    run('npx', ['--no-install', 'vitest', 'run', ...args], { cwd: project.dir, timeout: 120_000, env: plainOutput }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: `${error.stdout}${error.stderr}` }),
    );

  beforeAll(() => {
    const files = guideFiles();
    expect([...files.keys()].sort()).toEqual(['.storybook/preview.ts', 'checkout.test.ts', 'src/CheckoutPage.stories.ts', 'vitest.config.ts', 'vitest.setup.ts']);
    for (const [name, text] of files) {
      fs.mkdirSync(path.dirname(path.join(project.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(project.dir, name), text);
    }
    const guide = path.join(fixtures, 'msw-guide');
    fs.copyFileSync(path.join(guide, 'CheckoutPage.ts'), path.join(project.dir, 'src', 'CheckoutPage.ts'));
    // Named as a test in the consumer only: here it would be one of this project's own tests.
    fs.copyFileSync(path.join(guide, 'storybook-run.ts'), path.join(project.dir, 'storybook.test.ts'));
    fs.copyFileSync(path.join(guide, 'storybook.vitest.config.ts'), path.join(project.dir, 'storybook.vitest.config.ts'));
  });

  test('the vitest setup file and test pass', async () => {
    const result = await vitest(['checkout.test.ts']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+5 passed \(5\)/);
  }, 150_000);

  test('the Storybook preview and stories give each story its answer', async () => {
    const result = await vitest(['--config', 'storybook.vitest.config.ts']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+1 passed \(1\)/);
  }, 150_000);
});
