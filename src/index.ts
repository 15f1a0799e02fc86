// The package's public surface: the contract's types and bundled spec, a typed client, and the mock
// for other repositories' tests. Everything else in the package is internal.
import fs from 'node:fs';
import type { components } from '../generated/schema.d.ts';
import { bundledSpecPath } from './lib/paths.ts';

export type { components, operations, paths } from '../generated/schema.d.ts';

type Schemas = components['schemas'];
/** The checkout request body: `{ data: … }` in one of the four variants. */
export type CheckoutRequest = Schemas['CheckoutRequest'];
/** `data` of the Account variant (client credentials token; `account`, `contact`). */
export type AccountCheckout = Schemas['AccountCheckout'];
/** `data` of the Account Management token variant (implicit token and the EP-Account-Management-Authentication-Token header). */
export type AccountManagementCheckout = Schemas['AccountManagementCheckout'];
/** `data` of the Customer ID variant (`customer.id`). */
export type CustomerIdCheckout = Schemas['CustomerIdCheckout'];
/** `data` of the Customer object variant (`customer.name` and `customer.email`). */
export type CustomerObjectCheckout = Schemas['CustomerObjectCheckout'];
/** The `201` answer: `{ data: Order, included: … }`. */
export type OrderResponse = Schemas['OrderResponse'];
export type Order = Schemas['Order'];
/** Every error answer: `{ errors: ApiError[] }`. */
export type ErrorResponse = Schemas['ErrorResponse'];
export type ApiError = Schemas['Error'];

export { createCheckoutClient, type CheckoutClient, type CheckoutClientOptions } from './client.ts';
export { startMockServer, type MockServer, type MockServerOptions } from './mock/server.ts';
/** An error's `source` (`data.billing_address.line_1`) to and from the keys of the body field it names, for highlighting a form field. */
export { pathOfSource, sourceOfPath } from './lib/error-source.ts';

/** Where the bundled OpenAPI 3.1 document of the contract is on disk (also exported as `<package>/openapi.json`). */
export const checkoutSpecPath: string = bundledSpecPath;

/** The bundled OpenAPI 3.1 document of the contract, parsed. */
export const loadCheckoutSpec = (): Record<string, unknown> => JSON.parse(fs.readFileSync(bundledSpecPath, 'utf8')) as Record<string, unknown>;
