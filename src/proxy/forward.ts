// Sends a request on to another server as it came, and its answer back as it came: the validating
// proxy's way past Prism for a body Prism would answer itself (see validating-proxy.ts).
import http from 'node:http';

/** Sends `incoming` (its body already read) to `target`, and the answer back through `outgoing`. */
export const forward = (incoming: http.IncomingMessage, body: Buffer, outgoing: http.ServerResponse, target: string): void => {
  const url = new URL(incoming.url ?? '/', target);
  const headers = { ...incoming.headers, host: url.host, 'content-length': String(body.length) };
  const onward = http.request(url, { method: incoming.method, headers }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  onward.on('error', (error) => {
    const payload = JSON.stringify({ errors: [{ status: 502, title: 'Bad Gateway', detail: `The proxy could not reach ${target}: ${error.message}` }] });
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
    outgoing.end(payload);
  });
  onward.end(body);
};
