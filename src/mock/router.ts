// Finds the spec operation for a method and path before any body is read.
import { errorReply, type ErrorReply } from './api-errors.ts';
import type { SpecOperation } from '../lib/spec-operations.ts';

export type Route = { operation: SpecOperation; params: Record<string, string> } | { refusal: ErrorReply };

export const route = (operations: SpecOperation[], method: string, path: string): Route => {
  const matches = operations
    .map((operation) => ({ operation, match: operation.pathPattern.exec(path) }))
    .filter((candidate) => candidate.match);
  if (matches.length === 0) return { refusal: errorReply(404, 'Not Found', `There is no operation at ${path}`) };
  const found = matches.find((candidate) => candidate.operation.method === method.toLowerCase());
  if (!found) {
    const allow = matches.map((candidate) => candidate.operation.method.toUpperCase()).join(', ');
    return {
      refusal: errorReply(405, 'Method Not Allowed', `${path} accepts ${allow}, not ${method}`, undefined, { Allow: allow }),
    };
  }
  const params: Record<string, string> = {};
  for (const [index, name] of found.operation.pathParams.entries()) {
    try {
      params[name] = decodeURIComponent(found.match![index + 1]);
    } catch {
      return { refusal: errorReply(400, 'format', `The ${name} is not valid percent-encoded UTF-8`, name) };
    }
  }
  return { operation: found.operation, params };
};
