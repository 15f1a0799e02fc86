// A tiny HTTP server in front of the mock that forwards every request and lets one breakage bend
// the request on the way in or the reply on the way out: a server that is wrong in one known way.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Exchange = { method: string; path: string; headers: Record<string, string>; body: string };
export type Reply = { status: number; headers: Record<string, string>; body: string };

export type Breakage = {
  name: string;
  /** What this server gets wrong, in words. */
  breaks: string;
  /** Text that a failure message of the contract suite must contain: proof the right check caught it. */
  caughtBy: string;
  /** What is broken rests on our judgement alone: an advisory finding by default, a failure with --strict. */
  finding?: 'advisory';
  /** Only generated bodies reach what is broken: the suite runs against it with generation on (it is off for the others, to keep the meta-test fast). */
  generated?: true;
  request?: (exchange: Exchange) => Exchange;
  reply?: (reply: Reply, exchange: Exchange) => Reply;
};

export type RunningServer = { url: string; close(): Promise<void> };

// Headers that describe one hop, not the message; fetch and http.ServerResponse set their own.
const hopByHop = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

const endToEndHeaders = (headers: Iterable<[string, string | string[] | undefined]>): Record<string, string> => {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (value !== undefined && !hopByHop.has(name.toLowerCase())) kept[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
};

const readBody = async (request: http.IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export const startBreakingProxy = async (upstream: string, breakage: Pick<Breakage, 'request' | 'reply'>): Promise<RunningServer> => {
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const received: Exchange = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: endToEndHeaders(Object.entries(incoming.headers)),
        body: await readBody(incoming),
      };
      const exchange = breakage.request ? breakage.request(received) : received;
      const response = await fetch(upstream + exchange.path, {
        method: exchange.method,
        headers: exchange.headers,
        body: ['GET', 'HEAD'].includes(exchange.method) ? undefined : exchange.body,
      });
      const upstreamReply: Reply = { status: response.status, headers: endToEndHeaders(response.headers.entries()), body: await response.text() };
      const reply = breakage.reply ? breakage.reply(upstreamReply, exchange) : upstreamReply;
      outgoing.writeHead(reply.status, reply.headers).end(reply.body);
    } catch (error) {
      // A fault in a breakage must show up as a failing run, never as a hung request.
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(`breaking proxy failed: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
