// `npm run docs` serves docs/ and nothing else: the page itself, and API-shaped errors for the rest.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsPagePath } from '../../src/lib/paths.ts';
import { resolveDocsFile, startDocsServer } from '../../scripts/serve-docs.ts';

const docsRoot = path.dirname(docsPagePath);

// fetch() would normalise "../" away before sending; a raw request sends the path as written.
const rawGet = (url: string, requestPath: string): Promise<{ status: number; type: string; body: string }> =>
  new Promise((resolve, reject) => {
    const request = http.get(`${url}${requestPath}`, { path: requestPath }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'] ?? '', body }),
      );
    });
    request.on('error', reject);
  });

const escapes = ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/docs/../../package.json',
  '/%2e%2e%2f%2e%2e%2fetc/passwd', '/..\\package.json', '/%00index.html', '/%E0%A4%A'];

describe('resolveDocsFile', () => {
  it('maps / and /index.html to the reference page', () => {
    expect(resolveDocsFile('/')).toBe(docsPagePath);
    expect(resolveDocsFile('/index.html')).toBe(docsPagePath);
  });

  it.each(escapes)('never resolves %s outside docs/', (requestPath) => {
    const file = resolveDocsFile(requestPath);
    if (file !== null) expect(file.startsWith(docsRoot + path.sep)).toBe(true);
  });
});

describe('the docs server', () => {
  let server: Awaited<ReturnType<typeof startDocsServer>>;
  beforeAll(async () => {
    server = await startDocsServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on loopback and serves the reference page as HTML', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await rawGet(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body.length).toBe(fs.readFileSync(docsPagePath, 'utf8').length);
  });

  it.each(escapes)('answers %s with an API-shaped error, not a file from outside docs/', async (requestPath) => {
    const answer = await rawGet(server.url, requestPath);
    expect(answer.status).toBe(404);
    expect(answer.type).toBe('application/json');
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ status: 404, title: 'Not Found' }] });
  });
});
