// Servers that are wrong in exactly one way, each a small transform over the real mock. The
// contract suite must fail against every one of them, and `caughtBy` names the failure message
// that proves the intended check (not some accident) caught it.
import { randomUUID } from 'node:crypto';
import { loadBundledSpec } from '../../src/lib/spec-validator.ts';
import { readContractConfig } from '../../src/verify/config.ts';
import type { Breakage, Exchange, Reply } from './breaking-proxy.ts';

type Json = Record<string, any>;

const config = readContractConfig({});
// A token of the form the mock issues (it refuses any other); it stands for what a broken server would let through.
const anyClientToken = 'mock_client_credentials_teeth';
const spec = loadBundledSpec();

const isCheckout = (exchange: Exchange): boolean => exchange.path.includes('/checkout');

const parsed = (text: string): Json | undefined => {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
};

/** Bends the JSON body of replies that `applies` selects; other replies pass untouched. */
const bendReply =
  (applies: (reply: Reply, exchange: Exchange) => boolean, bend: (body: Json, exchange: Exchange, reply: Reply) => Json | void) =>
  (reply: Reply, exchange: Exchange): Reply => {
    const body = parsed(reply.body);
    if (!body || !applies(reply, exchange)) return reply;
    const bent = bend(body, exchange, reply) ?? body;
    return { ...reply, body: JSON.stringify(bent) };
  };

const isOrder = (reply: Reply, exchange: Exchange): boolean => isCheckout(exchange) && reply.status === 201;
const isError = (reply: Reply, exchange: Exchange): boolean => isCheckout(exchange) && reply.status >= 400;
const onOrders = (bend: (order: Json, exchange: Exchange) => Json | void) => bendReply(isOrder, bend);
const onErrors = (bend: (error: Json, exchange: Exchange, reply: Reply) => Json | void) => bendReply(isError, bend);

/** Bends the JSON body of checkout requests that `applies` selects before they reach the mock. */
const bendRequest =
  (applies: (data: Json, exchange: Exchange) => boolean, bend: (exchange: Exchange, data: Json) => Exchange) =>
  (exchange: Exchange): Exchange => {
    const data = isCheckout(exchange) ? parsed(exchange.body)?.data : undefined;
    return data && typeof data === 'object' && applies(data, exchange) ? bend(exchange, data) : exchange;
  };

const withData = (exchange: Exchange, data: Json): Exchange => ({ ...exchange, body: JSON.stringify({ data }) });

/** A checkout request whose body is not JSON at all. */
const isMalformed = (exchange: Exchange): boolean => isCheckout(exchange) && exchange.body !== '' && !parsed(exchange.body);

/** The Account Management body sent without its header. */
const lacksAccountManagementHeader = (exchange: Exchange): boolean => {
  const data = isCheckout(exchange) ? parsed(exchange.body)?.data : undefined;
  return Boolean(data?.contact && !data.account && !exchange.headers['ep-account-management-authentication-token']);
};

const errorReply = (status: number, title: string): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ errors: [{ status, title, detail: title }] }),
});

/** The spec's example order for the variant the request body belongs to. */
const exampleOrderFor = (data: Json): Json => {
  const name = data.account ? 'AccountOrderCreated' : data.contact ? 'AccountManagementOrderCreated' : data.customer?.id ? 'CustomerIdOrderCreated' : 'CustomerObjectOrderCreated';
  return structuredClone(spec.components.examples[name].value) as Json;
};

const bumpFirstDigit = (text: string): string => text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));

export const breakages: Breakage[] = [
  {
    name: 'required-field-missing',
    breaks: 'orders come without their required `status`',
    caughtBy: 'at body /data/status: expected required property "status"',
    reply: onOrders((order) => void delete order.data.status),
  },
  {
    name: 'wrong-type',
    breaks: 'item quantities are strings',
    caughtBy: 'at body /included/items/0/quantity: expected the value to be integer',
    reply: onOrders((order) => {
      for (const item of order.included.items) item.quantity = String(item.quantity);
    }),
  },
  {
    name: 'undeclared-status',
    breaks: 'a created order is answered 200, which checkout does not declare',
    caughtBy: 'at HTTP status: expected one of the declared statuses',
    reply: (reply, exchange) => (isOrder(reply, exchange) ? { ...reply, status: 200 } : reply),
  },
  {
    name: 'wrong-content-type',
    breaks: 'every answer is labelled text/plain',
    caughtBy: 'at Content-Type header: expected one of application/json',
    reply: (reply) => ({ ...reply, headers: { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } }),
  },
  {
    name: 'html-error-page',
    breaks: 'errors come as an HTML page',
    caughtBy: 'at Content-Type header',
    reply: (reply, exchange) =>
      isError(reply, exchange) ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/html' }, body: `<h1>Error ${reply.status}</h1>` } : reply,
  },
  {
    name: 'error-in-another-shape',
    breaks: 'errors are `{"error": {"code", "message"}}` instead of the API error shape',
    caughtBy: 'at body /errors: expected required property "errors"',
    reply: onErrors((body, _exchange, reply) => ({ error: { code: reply.status, message: body.errors?.[0]?.detail ?? 'failed' } })),
  },
  {
    name: 'error-status-disagrees',
    breaks: "error entries carry a status other than the response's",
    caughtBy: 'the HTTP status of the response',
    reply: onErrors((body, _exchange, reply) => {
      for (const error of body.errors) error.status = reply.status === 400 ? 422 : 400;
    }),
  },
  {
    name: 'wrong-resource-type',
    breaks: 'the order says it is a `cart`',
    caughtBy: 'at body /data/type',
    reply: onOrders((order) => void (order.data.type = 'cart')),
  },
  {
    name: 'invalid-enum-value',
    breaks: 'the payment status is `pending`, which is not in the enum',
    caughtBy: 'at body /data/payment: expected one of',
    reply: onOrders((order) => void (order.data.payment = 'pending')),
  },
  {
    name: 'echoes-spec-example',
    breaks: "every order is the spec's example for its variant, whatever the request said",
    caughtBy: 'billing address field the request sent',
    reply: (reply, exchange) => {
      const data = parsed(exchange.body)?.data;
      return isOrder(reply, exchange) && data ? { ...reply, body: JSON.stringify(exampleOrderFor(data)) } : reply;
    },
  },
  {
    name: 'customer-id-ignored',
    breaks: 'a Customer ID order relates to another customer than the one sent',
    caughtBy: 'at body /data/relationships/customer/data/id',
    reply: onOrders((order) => {
      if (order.data.relationships.customer) order.data.relationships.customer.data.id = randomUUID();
    }),
  },
  {
    name: 'account-member-dropped',
    breaks: 'account orders lose their account_member relationship',
    caughtBy: 'at body /data/relationships/account_member/data/id',
    reply: onOrders((order) => void delete order.data.relationships.account_member),
  },
  {
    name: 'account-on-customer-order',
    breaks: 'customer orders carry an account relationship',
    caughtBy: 'at body /data/relationships/account: expected no account relationship',
    reply: onOrders((order) => {
      order.data.relationships.account ??= { data: { type: 'account', id: config.accountId } };
    }),
  },
  {
    name: 'non-integer-amount',
    breaks: 'the order total has a fractional amount',
    caughtBy: 'at body /data/meta/display_price/with_tax/amount',
    reply: onOrders((order) => void (order.data.meta.display_price.with_tax.amount += 0.5)),
  },
  {
    name: 'formatted-disagrees-with-amount',
    breaks: '`formatted` spells another amount than `amount`',
    caughtBy: 'at body /data/meta/display_price/without_tax/formatted',
    reply: onOrders((order) => {
      const price = order.data.meta.display_price.without_tax;
      price.formatted = bumpFirstDigit(price.formatted);
    }),
  },
  {
    name: 'formatted-in-another-currency',
    breaks: '`formatted` uses the euro sign for a USD amount',
    caughtBy: 'names no symbol or code of USD',
    reply: onOrders((order) => {
      const price = order.data.meta.display_price.with_tax;
      price.formatted = price.formatted.replace('$', '€');
    }),
  },
  {
    name: 'included-items-mismatch',
    breaks: '`included.items` holds an item `relationships.items` does not name',
    caughtBy: 'at body /included/items: expected items with the IDs of /data/relationships/items/data',
    reply: onOrders((order) => void (order.included.items[0].id = randomUUID())),
  },
  {
    name: 'included-omitted',
    breaks: 'orders come without `included`, so without their items',
    caughtBy: 'at body /included: expected required property "included"',
    reply: onOrders((order) => void delete order.included),
  },
  {
    name: 'order-references-dropped',
    breaks: 'orders lose the `external_ref` the request sent',
    caughtBy: 'the external_ref the request sent',
    reply: onOrders((order) => void delete order.data.external_ref),
  },
  {
    name: 'order-references-invented',
    breaks: 'orders carry an `order_number` the request never sent',
    caughtBy: 'expected no order_number, as the request sent none',
    reply: onOrders((order) => void (order.data.order_number ??= 'INVENTED-1')),
  },
  {
    name: 'error-source-old-shape',
    breaks: 'errors name their source in the old object shape `{pointer}` / `{parameter}` instead of a path string',
    caughtBy: 'at body /errors/0/source: expected the value to be string',
    reply: onErrors((body) => {
      for (const error of body.errors) {
        if (typeof error.source === 'string') {
          error.source = error.source.startsWith('data') ? { pointer: `/${error.source.replaceAll('.', '/')}` } : { parameter: error.source };
        }
      }
    }),
  },
  {
    name: 'address-without-region-or-county-accepted',
    breaks: 'an address with neither region nor county is served (201) instead of rejected',
    caughtBy: 'billing address without region or county] at HTTP status: expected 400',
    request: bendRequest(
      (data) => Boolean(data.billing_address && !data.billing_address.region && !data.billing_address.county),
      (exchange, data) => withData(exchange, { ...data, billing_address: { ...data.billing_address, county: 'Filled In' } }),
    ),
  },
  {
    name: 'auth-not-enforced',
    breaks: 'a request without Authorization is served as if it had a token',
    caughtBy: 'no Authorization header] at HTTP status: expected 401',
    request: (exchange) =>
      exchange.headers.authorization ? exchange : { ...exchange, headers: { ...exchange.headers, authorization: `Bearer ${anyClientToken}` } },
  },
  {
    name: 'unknown-cart-served',
    breaks: 'an unknown cart is checked out as if it existed (201 instead of 404)',
    caughtBy: 'at HTTP status: expected 404',
    request: (exchange) => ({ ...exchange, path: exchange.path.replace(`/carts/${config.missingCartRef}/`, `/carts/${config.cartRef}/`) }),
  },
  {
    name: 'invalid-body-accepted',
    breaks: 'a body without billing_address is completed with a default one and served',
    caughtBy: 'body without billing_address] at HTTP status: expected 400',
    request: bendRequest(
      (data) => !data.billing_address,
      (exchange, data) => withData(exchange, { ...data, billing_address: { first_name: 'A', last_name: 'B', line_1: 'C', region: 'E', postcode: 'D', country: 'US' } }),
    ),
  },
  {
    name: 'mixed-body-accepted',
    breaks: 'a body mixing account and customer is served by dropping the customer',
    caughtBy: 'mixed-variant body] at HTTP status: expected 400',
    request: bendRequest(
      (data) => Boolean(data.account && data.customer),
      (exchange, { customer: _dropped, ...data }) => withData(exchange, data),
    ),
  },
  {
    name: 'account-management-header-not-required',
    breaks: 'the Account Management variant is served without its header',
    caughtBy: 'no EP-Account-Management-Authentication-Token] at HTTP status: expected 400',
    request: (exchange) =>
      lacksAccountManagementHeader(exchange)
        ? { ...exchange, headers: { ...exchange.headers, 'ep-account-management-authentication-token': config.accountManagementToken } }
        : exchange,
  },
  {
    name: 'missing-header-answered-401',
    breaks: 'the Account Management variant without its header is answered 401, as if the token were wrong',
    caughtBy: 'no EP-Account-Management-Authentication-Token] at HTTP status: expected 400',
    reply: (reply, exchange) => (lacksAccountManagementHeader(exchange) ? errorReply(401, 'Unauthorized') : reply),
  },
  {
    name: 'missing-header-not-named',
    breaks: 'the 400 for the missing Account Management header does not name the header in `source`',
    caughtBy: 'expected an entry with source "EP-Account-Management-Authentication-Token"',
    reply: onErrors((body, exchange) => {
      if (lacksAccountManagementHeader(exchange)) for (const error of body.errors) delete error.source;
    }),
  },
  {
    name: 'implicit-token-accepted-for-account',
    breaks: 'the Account variant is served to an implicit-grant token (201 instead of 403)',
    caughtBy: 'implicit-grant token] at HTTP status: expected 403',
    request: bendRequest(
      (data) => Boolean(data.account),
      (exchange) => ({ ...exchange, headers: { ...exchange.headers, authorization: `Bearer ${anyClientToken}` } }),
    ),
  },
  {
    name: 'crash-on-malformed-json',
    breaks: 'a body that is not JSON crashes the server (500)',
    caughtBy: 'malformed JSON] at HTTP status: expected 400',
    reply: (reply, exchange) => (isMalformed(exchange) ? errorReply(500, 'Internal Server Error') : reply),
  },
  {
    name: 'malformed-json-answered-415',
    breaks: 'a body that is not JSON is answered 415, a declared status but not the one the contract gives it',
    caughtBy: 'malformed JSON] at HTTP status: expected 400',
    reply: (reply, exchange) => (isMalformed(exchange) ? errorReply(415, 'Unsupported Media Type') : reply),
  },
];
