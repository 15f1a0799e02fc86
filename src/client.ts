// A typed client of the checkout API on openapi-fetch: paths, bodies, headers and answers are the
// generated types, so a body the contract forbids does not compile.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from '../generated/schema.d.ts';

export type CheckoutClient = Client<paths>;

export type CheckoutClientOptions = ClientOptions & {
  /** The API's base URL, such as `https://useast.api.elasticpath.com` or the mock's `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** A bearer token, sent as `Authorization: Bearer <token>` with every request. */
  token?: string;
};

export const createCheckoutClient = ({ token, headers, ...options }: CheckoutClientOptions): CheckoutClient =>
  createClient<paths>({
    ...options,
    headers: token === undefined ? headers : { ...headers, Authorization: `Bearer ${token}` },
  });
