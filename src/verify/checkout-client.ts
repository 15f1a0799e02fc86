// Sends checkout requests through openapi-fetch, typed by the generated schema, and hands back
// the raw response (status, content type, body text) so the contract checks see what the server sent.
// Each request goes out once, on a connection of its own (./fresh-connection.ts): a checkout is never sent again.
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.d.ts';
import { fetchOnFreshConnection, receivedOf } from './fresh-connection.ts';
import { checkoutPath, type ReceivedResponse } from './response-contract.ts';
import type { CheckoutBody, CheckoutHeaders } from './variants.ts';

export type CheckoutCall = {
  reference: string;
  /** The bearer token; left out, the request has no Authorization header. */
  token?: string;
  headers?: CheckoutHeaders;
  body: CheckoutBody;
  /** Replaces JSON serialisation, for requests whose body is deliberately not JSON. */
  rawBody?: string;
  /** Replaces `application/json`, for a body deliberately sent as another media type. */
  contentType?: string;
};

/** A request that got no answer in time, named so a failing CI job says which one and what the limit was. */
export class SlowAnswerError extends Error {
  override name = 'SlowAnswerError';
}

const isTimeout = (error: unknown): boolean => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

export const sendCheckout = async (baseUrl: string, call: CheckoutCall, label: string, timeoutMs: number): Promise<ReceivedResponse> => {
  let received: ReceivedResponse | undefined;
  const client = createClient<paths>({
    baseUrl,
    fetch: async (request) => {
      const response = await fetchOnFreshConnection(request);
      received = await receivedOf(response);
      return response;
    },
  });
  try {
    await client.POST(checkoutPath, {
      params: { path: { reference: call.reference }, header: call.headers },
      headers: {
        ...(call.token === undefined ? {} : { Authorization: `Bearer ${call.token}` }),
        ...(call.contentType === undefined ? {} : { 'Content-Type': call.contentType }),
      },
      body: call.body,
      ...(call.rawBody === undefined ? {} : { bodySerializer: () => call.rawBody }),
      parseAs: 'text',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (!isTimeout(error)) throw error;
    const request = `POST ${checkoutPath.replace('{reference}', encodeURIComponent(call.reference))}`;
    throw new SlowAnswerError(`[${label}] ${request} got no complete answer within ${timeoutMs} ms (the limit per request)`);
  }
  if (!received) throw new Error('openapi-fetch returned without calling fetch');
  return received;
};
