// Shared by the mock's suites: a mock per file, the spec's own examples and schemas, and a check
// that an answer is an error in the API's shape.
import { expect } from 'vitest';
import { checkoutVariants, variantByExampleKey } from '../../src/lib/checkout-variants.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { handTypedTokens } from '../../src/mock/tokens.ts';

export const validator = new SpecValidator();

type Json = Record<string, any>;

/** The spec model the mock itself is built on. */
export const specOperations = readSpecOperations(validator);
export const checkoutOperation = operationAt(specOperations, checkoutPath);

/** The spec's request example for a checkout variant (its example key, e.g. `CustomerId`). */
export const checkoutRequestExample = (key: string): Json => structuredClone(checkoutOperation.requestExamples.get(key)) as Json;

/** The example `key` of response `status` of the checkout operation. */
export const checkoutResponseExample = (status: number, key: string): Json =>
  structuredClone(checkoutOperation.responseExamples.get(status)?.get(key)) as Json;

/** The spec's example keys of the checkout variants (`Account`, `CustomerId`, …). */
export const variantKeys = checkoutVariants.map((variant) => variant.exampleKey);

/** Headers a request of `variant` (its example key) needs to be answered 201: a token of its grant and its required header. */
export const headersFor = (variant: string): Record<string, string> => {
  const { grant, requiredHeader } = variantByExampleKey(variant)!;
  const headers: Record<string, string> = { Authorization: `Bearer ${handTypedTokens[grant === 'implicit' ? 'implicit' : 'client_credentials']}` };
  if (requiredHeader) headers[requiredHeader] = 'member-token';
  return headers;
};

export const startMock = async (lines: string[] = []): Promise<MockServer> =>
  startMockServer({ log: (line) => lines.push(line) });

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export const call = async (url: string, init: RequestInit = {}): Promise<Answer> => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
};

/** Where a mock listens: an in-process one, or one in a process of its own. */
type Listening = Pick<MockServer, 'url'>;

export const checkout = (
  mock: Listening,
  body: unknown,
  headers: Record<string, string> = {},
  reference = 'cart-1',
): Promise<Answer> =>
  call(`${mock.url}/v2/carts/${encodeURIComponent(reference)}/checkout`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${handTypedTokens.client_credentials}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const token = async (mock: Listening, form: Record<string, string>): Promise<string> => {
  const answer = await call(`${mock.url}/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.access_token as string;
};

/** Asserts the answer is `status` with an application/json body in the API's error shape. */
export const expectApiError = (answer: Answer, status: number): Json[] => {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(validator.validate('#/components/schemas/ErrorResponse', answer.body), answer.text).toEqual([]);
  return answer.body.errors;
};
