// `npm run docs`: serves docs/ on loopback for reading the reference locally (PORT overrides 8080).
// The docs browser test opens the page through the same server.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsPagePath } from '../src/lib/paths.ts';

const docsRoot = path.dirname(docsPagePath);

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const sendError = (response: http.ServerResponse, status: number, title: string, detail: string): void => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ errors: [{ status, title, detail }] }));
};

// Maps a URL path to a file inside docs/, or null when it would leave docs/ (../, encoded or not).
export const resolveDocsFile = (urlPath: string, root = docsRoot): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const inside = file === root || file.startsWith(root + path.sep);
  if (!inside) return null;
  return file === root ? path.join(root, 'index.html') : file;
};

const handle = (request: http.IncomingMessage, response: http.ServerResponse): void => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, 'Method Not Allowed', 'The docs server only answers GET and HEAD.');
    return;
  }
  const urlPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  // Browsers ask for it unprompted; the reference has none, and a 404 would be a console error.
  if (urlPath === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  const file = resolveDocsFile(urlPath);
  if (file === null || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    sendError(response, 404, 'Not Found', `No document at ${urlPath}.`);
    return;
  }
  response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
  if (request.method === 'HEAD') response.end();
  // The headers are gone by now; a read that fails can only cut the answer short, not crash the server.
  else fs.createReadStream(file).on('error', () => response.destroy()).pipe(response);
};

export const startDocsServer = async (
  options: { port?: number; host?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> => {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await startDocsServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Checkout API reference: ${url}/  (Ctrl+C to stop)`);
}
