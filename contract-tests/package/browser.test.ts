// The package in a browser app, installed as a frontend that wants only the client and the types installs
// it: the packed tarball into an empty project with `npm ci --omit=optional` (no Prism, no Ajv). An app
// importing the client from the root and from `/client` is bundled for the browser by esbuild, served on
// loopback, and checks out from Chromium against the install's own `ep-checkout mock` (another origin,
// so CORS is exercised too), which runs the prebuilt engine without the optional dependencies.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRecordingBrowser, type RecordingBrowser } from '../docs/browser.ts';
import { bytesUnder, checkoutOnce, createConsumerProject, startPackagedMock, stopPackagedMock, type ConsumerProject, type PackagedMock } from './packed.ts';

const run = promisify(execFile);

let project: ConsumerProject;
let mock: PackagedMock;
let page: { url: string; close(): Promise<void> };
let browser: RecordingBrowser;
let bundle: { code: Uint8Array; metafile: Metafile };

/** esbuild as a frontend's build runs it: for the browser, from the consumer project's node_modules. */
const bundleForBrowser = (options: BuildOptions) =>
  build({ bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent', absWorkingDir: project.dir, ...options });

const bundleOf = async (source: string) => bundleForBrowser({ stdin: { contents: source, resolveDir: project.dir, loader: 'ts' } });

/** A static server for the app's page and its bundle, on a loopback port of its own. */
const servePage = (script: Uint8Array): Promise<typeof page> =>
  new Promise((resolve) => {
    const html = '<!doctype html><meta charset="utf-8"><title>checkout</title><script type="module" src="/app.js"></script>';
    const server = http.createServer((request, response) => {
      const [type, body] = request.url === '/app.js' ? ['text/javascript', script] : ['text/html', html];
      response.writeHead(200, { 'Content-Type': type }).end(body);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) }),
    );
  });

const packageInputs = (metafile: Metafile): string[] =>
  Object.keys(metafile.inputs)
    .map((input) => /node_modules\/@ep-checkout\/contract\/(.+)$/.exec(input)?.[1])
    .filter((input): input is string => input !== undefined);

beforeAll(async () => {
  project = await createConsumerProject({ omit: ['optional'] });
  mock = await startPackagedMock(project.dir);
  fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'browser-app.ts'), path.join(project.dir, 'browser-app.ts'));
  const built = await bundleForBrowser({ entryPoints: ['browser-app.ts'], outfile: 'app.js' });
  bundle = { code: built.outputFiles![0].contents, metafile: built.metafile! };
  page = await servePage(bundle.code);
  browser = await openRecordingBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await page?.close();
  stopPackagedMock(mock);
  project?.remove();
});

describe('a client-only install (npm ci --omit=optional)', () => {
  test('holds the package, openapi-fetch and its helper types, nothing else, within its weight budget', () => {
    const modules = path.join(project.dir, 'node_modules');
    const installed = fs.readdirSync(modules).flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(modules, name)).map((scoped) => `${name}/${scoped}`) : [name]));
    expect(installed.filter((name) => !name.startsWith('.')).sort()).toEqual(['@ep-checkout/contract', 'openapi-fetch', 'openapi-typescript-helpers']);
    const bytes = bytesUnder(modules);
    console.log(`client-only install: ${bytes} bytes in node_modules`);
    // Against 44.7 MB for any install before: 2.6 MB of it is the reference page, 1.5 MB the prebuilt MSW browser bundle.
    expect(bytes).toBeLessThan(5_500_000);
  });

  test('imports the root under Node (server-side rendering, tests) without the optional dependencies', async () => {
    const script = "import('@ep-checkout/contract').then((m) => console.log(typeof m.createCheckoutClient, typeof m.startMockServer))";
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: project.dir });
    expect(stdout.trim()).toBe('function function');
  });

  test('startMockServer says in one sentence that the optional dependencies are missing', async () => {
    const script = "import('@ep-checkout/contract').then((m) => m.startMockServer()).catch((e) => console.log(e.message))";
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: project.dir });
    expect(stdout.trim()).toMatch(/^startMockServer needs the optional dependencies of @ep-checkout\/contract, and \S+ is not installed .*without --omit=optional$/);
  });

  test('the mock command runs all the same, on its prebuilt engine: a token, then a checkout answered 201', async () => {
    expect(await checkoutOnce(mock)).toBe(201);
  });
});

describe('a browser bundle of the packed package', () => {
  test('takes the browser-safe modules only: the client, its guards and helpers, no mock, no spec on disk', () => {
    const inputs = packageInputs(bundle.metafile);
    expect(inputs).toContain('dist/client/index.js');
    expect(inputs.filter((input) => !/^dist\/(client\/[\w-]+|client|lib\/error-source)\.js$/.test(input))).toEqual([]);
    expect(Object.keys(bundle.metafile.inputs).filter((input) => input.startsWith('node:'))).toEqual([]);
  });

  test('is small: minified and gzipped sizes within budget', () => {
    const sizes = { minified: bundle.code.byteLength, gzipped: gzipSync(bundle.code).byteLength };
    console.log(`browser bundle of the client (root and /client): ${sizes.minified} bytes minified, ${sizes.gzipped} bytes gzipped`);
    expect(sizes.minified).toBeLessThan(20_000);
    expect(sizes.gzipped).toBeLessThan(8_000);
  });

  test('the Node-only entry does not bundle for a browser (the check above can fail)', async () => {
    const failure = await bundleOf("import { startMockServer } from '@ep-checkout/contract/node'; console.log(startMockServer);").then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/Could not resolve "node:/);
  });

  test("startMockServer is not among the root's exports in a browser bundle", async () => {
    const failure = await bundleOf("import { startMockServer } from '@ep-checkout/contract'; console.log(startMockServer);").then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/No matching export .* "startMockServer"/);
  });
});

describe('the bundled app in Chromium', () => {
  test('checks out against the mock with the client from the root and from /client', async () => {
    await browser.page.goto(`${page.url}/`);
    await browser.page.waitForFunction(() => 'checkoutFromPage' in globalThis);
    const result = await browser.page.evaluate((baseUrl) => (globalThis as unknown as { checkoutFromPage(url: string): Promise<unknown> }).checkoutFromPage(baseUrl), mock.url);
    expect(result).toEqual({
      fromRoot: { status: 201, orderNumber: 'PO-BROWSER' },
      fromClientPath: { status: 201, orderNumber: 'PO-BROWSER' },
      invalid: { status: 400, fieldsAtFault: [['data', 'billing_address', 'line_1']] },
      guards: { customerObject: true, account: false },
      sameModule: true,
    });
    // Chromium logs the invalid checkout's 400 as a failed resource load; nothing else may be logged.
    expect(browser.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
