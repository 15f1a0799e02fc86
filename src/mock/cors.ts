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

export const addCorsHeaders = (request: IncomingMessage, response: ServerResponse): void => {
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Vary', 'Origin');
};

export const answerPreflight = (policy: CorsPolicy, response: ServerResponse): void => {
  response.writeHead(204, {
    'Access-Control-Allow-Methods': policy.allowMethods,
    'Access-Control-Allow-Headers': policy.allowHeaders,
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  response.end();
};
