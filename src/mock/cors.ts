// CORS, so a page served from another local port can call the mock. The allowed headers are those
// the spec declares, plus Authorization, Content-Type, Prism's Prefer and the headers the official
// JavaScript SDK adds to every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SpecOperation } from '../lib/spec-operations.ts';

const alwaysAllowedHeaders = ['Authorization', 'Content-Type', 'Prefer'];
const sdkHeaders = ['X-MOLTIN-SDK-LANGUAGE', 'X-MOLTIN-SDK-VERSION', 'X-MOLTIN-APPLICATION', 'X-MOLTIN-LANGUAGE'];

export interface CorsPolicy {
  allowHeaders: string;
  allowMethods: string;
}

export const corsPolicyFor = (operations: readonly SpecOperation[]): CorsPolicy => ({
  allowHeaders: [...new Set([...alwaysAllowedHeaders, ...operations.flatMap((op) => op.headerParams), ...sdkHeaders])].join(', '),
  allowMethods: [...new Set([...operations.map((op) => op.method.toUpperCase()), 'OPTIONS'])].join(', '),
});

/** The headers every answer carries: the caller's origin is allowed. The server and the MSW handlers both send them. */
export const originHeaders = (origin: string | undefined): Record<string, string> => ({ 'Access-Control-Allow-Origin': origin ?? '*', Vary: 'Origin' });

/** The headers of a preflight's `204`, besides the origin's. */
export const preflightHeaders = (policy: CorsPolicy): Record<string, string> => ({
  'Access-Control-Allow-Methods': policy.allowMethods,
  'Access-Control-Allow-Headers': policy.allowHeaders,
  'Access-Control-Max-Age': '600',
});

export const addCorsHeaders = (request: IncomingMessage, response: ServerResponse): void => {
  for (const [name, value] of Object.entries(originHeaders(request.headers.origin))) response.setHeader(name, value);
};

export const answerPreflight = (policy: CorsPolicy, response: ServerResponse): void => {
  response.writeHead(204, { ...preflightHeaders(policy), 'Content-Length': '0' });
  response.end();
};
