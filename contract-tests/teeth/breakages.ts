// Servers that are wrong in exactly one way, each a small transform over the real mock. The
// contract suite must fail against every one of them, and `caughtBy` names the failure message
// that proves the intended check (not some accident) caught it. A breakage of what rests on our
// judgement alone is `advisory`: reported as such by default, failing the run only with --strict.
// And answers Elastic Path's own evidence shows, which the suite must pass (`evidenceAnswers`).
import { randomUUID } from 'node:crypto';
import { checkoutVariants, variantByExampleKey, type CheckoutVariant } from '../../src/lib/checkout-variants.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { operationAt, readSpecOperations, variantOf } from '../../src/lib/spec-operations.ts';
import { readContractConfig } from '../../src/verify/config.ts';
import { specValidator } from '../../src/verify/response-contract.ts';
import { grants } from '../../src/verify/tokens.ts';
import type { Breakage, Exchange, Reply } from './breaking-proxy.ts';

type Json = Record<string, any>;

const config = readContractConfig({});
// A token of the form the mock issues (it refuses any other); it stands for what a broken server would let through.
const anyClientToken = 'mock_client_credentials_teeth';
// The spec model, on the validator the contract suite uses in this process.
const validator = specValidator();
const checkoutOperation = operationAt(readSpecOperations(validator), checkoutPath);

// The variant rules the suite checks, from the one variant model (src/lib/checkout-variants.ts): the
// variant that requires a header (Account Management token) and the one that requires a grant (Account).
const headerVariant = checkoutVariants.find((variant) => variant.refusals.missingHeader)!;
const headerRule = { header: headerVariant.requiredHeader!, status: headerVariant.refusals.missingHeader!.status };
const grantVariant = checkoutVariants.find((variant) => variant.refusals.wrongGrant)!;
const grantRule = { otherGrant: Object.values(grants).find((grant) => grant !== grantVariant.grant)!, status: grantVariant.refusals.wrongGrant!.status };

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

/** The variant of the checkout body sent, as the spec's oneOf tells it. */
const sentVariant = (exchange: Exchange): CheckoutVariant | undefined => {
  const body = isCheckout(exchange) ? parsed(exchange.body) : undefined;
  const exampleKey = body && variantOf(validator, checkoutOperation.variants!, body);
  return exampleKey ? variantByExampleKey(exampleKey) : undefined;
};

/** A body of the variant that requires a header, sent without it. */
const lacksRequiredHeader = (exchange: Exchange): boolean => sentVariant(exchange) === headerVariant && !exchange.headers[headerRule.header.toLowerCase()];

const errorReply = (status: number, title: string, source?: string): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ errors: [{ status, title, detail: title, ...(source && { source }) }] }),
});

const isToken = (exchange: Exchange): boolean => exchange.path.startsWith('/oauth/access_token');
const onTokens = (bend: (token: Json) => Json | void) => bendReply((reply, exchange) => isToken(exchange) && reply.status === 200, bend);
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The request's checkout data, if it is a checkout with a JSON body. */
const sentData = (exchange: Exchange): Json | undefined => (isCheckout(exchange) ? parsed(exchange.body)?.data : undefined);
const sentAddresses = (data: Json | undefined): Json[] => [data?.billing_address, data?.shipping_address].filter(Boolean);

/** Sets a price's amount, and its `formatted` to match, so that only the amount is wrong. */
const setAmount = (price: Json, amount: number): void => {
  price.amount = amount;
  if (typeof price.formatted === 'string') price.formatted = new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency }).format(amount / 100);
};

const toEuro = (price: Json): void => {
  price.currency = 'EUR';
  if (typeof price.formatted === 'string') price.formatted = price.formatted.replace('$', '€');
};

/** Cuts every string of the order's addresses and person to `length` characters. */
const cutNames = (order: Json, length: number): void => {
  for (const part of [order.data.billing_address, order.data.shipping_address, order.data.contact, order.data.customer]) {
    for (const [key, value] of Object.entries(part ?? {})) if (typeof value === 'string') part[key] = value.slice(0, length);
  }
};

/** The spec's example order for the variant the request body belongs to. */
const exampleOrderFor = (exchange: Exchange): Json | undefined => {
  const variant = sentVariant(exchange);
  return variant && (structuredClone(checkoutOperation.responseExamples.get(201)?.get(variant.exampleKey)) as Json);
};

const bumpFirstDigit = (text: string): string => text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));

export const breakages: Breakage[] = [
  {
    name: 'any-token-accepted',
    breaks: 'any bearer token is accepted, one the server never issued too',
    caughtBy: 'a token never issued] at HTTP status: expected 401',
    request: (exchange) => (/^Bearer ep-checkout-verify-never-issued-/.test(exchange.headers.authorization ?? '') ? { ...exchange, headers: { ...exchange.headers, authorization: `Bearer ${anyClientToken}` } } : exchange),
  },
  {
    name: 'token-already-expired',
    breaks: 'the token endpoint answers with a token that has already expired',
    caughtBy: 'the token has already expired',
    reply: onTokens((token) => void (token.expires = nowSeconds() - 60)),
  },
  {
    name: 'token-expires-disagrees',
    breaks: '`expires` says an hour later than `expires_in`',
    caughtBy: "the answer's time plus expires_in",
    reply: onTokens((token) => void (token.expires += 3600)),
  },
  {
    name: 'token-answer-wrong-shape',
    breaks: 'the token answer lacks `identifier`',
    caughtBy: 'at body /identifier: expected required property "identifier"',
    reply: onTokens((token) => void delete token.identifier),
  },
  {
    name: 'total-not-sum-of-items',
    breaks: "the order's total is one dollar more than the sum of its items",
    finding: 'advisory',
    caughtBy: "the sum of the items' with_tax values",
    reply: onOrders((order) => setAmount(order.data.meta.display_price.with_tax, order.data.meta.display_price.with_tax.amount + 100)),
  },
  {
    name: 'eur-totals-on-usd-order',
    breaks: "the order's totals are in EUR, its items in USD",
    caughtBy: 'at body /data/meta/display_price/with_tax/currency: expected "USD", the currency of the order\'s first item',
    reply: onOrders((order) => Object.values(order.data.meta.display_price as Json).forEach(toEuro)),
  },
  {
    name: 'item-in-another-currency',
    breaks: 'one item of a USD order is priced in EUR',
    caughtBy: 'at body /included/items/1/unit_price/currency: expected "USD"',
    reply: onOrders((order) => {
      const item = order.included.items.at(-1);
      [item.unit_price, item.value, ...Object.values(item.meta.display_price as Json).flatMap((pair: Json) => [pair.unit, pair.value])].forEach(toEuro);
    }),
  },
  {
    name: 'item-value-not-unit-times-quantity',
    breaks: "an item's line value is not its unit price times its quantity",
    caughtBy: 'the unit price 47500 times the quantity 1',
    reply: onOrders((order) => {
      const item = order.included.items[0];
      setAmount(item.value, item.value.amount + 1);
    }),
  },
  {
    name: 'external-ref-65-accepted',
    breaks: 'an external_ref of 65 characters is cut to 64 and served',
    caughtBy: 'external_ref of 65 characters] at HTTP status: expected 400',
    request: bendRequest(
      (data) => typeof data.external_ref === 'string' && data.external_ref.length > 64,
      (exchange, data) => withData(exchange, { ...data, external_ref: data.external_ref.slice(0, 64) }),
    ),
  },
  {
    name: 'county-only-address-refused',
    generated: true,
    breaks: 'an address with a county and no region (a UK address) is refused',
    caughtBy: 'expected 201 (a body the contract allows); server sent 400',
    reply: (reply, exchange) =>
      sentAddresses(sentData(exchange)).some((address) => address.county && !address.region) ? errorReply(400, 'Failed Validation', 'data.billing_address.region') : reply,
  },
  {
    name: 'crash-on-non-ascii',
    generated: true,
    breaks: 'a body with non-ASCII text (`Zoë`) crashes the server (500)',
    caughtBy: 'expected 201 (a body the contract allows); server sent 500',
    reply: (reply, exchange) => (isCheckout(exchange) && parsed(exchange.body) && /[^\x00-\x7f]/.test(exchange.body) ? errorReply(500, 'Internal Server Error') : reply),
  },
  {
    name: 'plus-in-email-refused',
    generated: true,
    breaks: 'an email with a `+` tag is refused',
    caughtBy: 'expected 201 (a body the contract allows); server sent 400',
    reply: (reply, exchange) => {
      const data = sentData(exchange);
      const email = data?.contact?.email ?? data?.customer?.email;
      return typeof email === 'string' && email.includes('+') && email.includes('@') ? errorReply(400, 'Failed Validation', 'data.customer.email') : reply;
    },
  },
  {
    name: 'names-cut-at-30',
    generated: true,
    breaks: 'names and address lines are cut at 30 characters',
    caughtBy: 'the billing address field the request sent',
    reply: onOrders((order) => cutNames(order, 30)),
  },
  {
    name: 'non-ascii-mangled',
    generated: true,
    breaks: 'non-ASCII letters come back as `?`',
    caughtBy: 'address field the request sent',
    reply: onOrders((order) => JSON.parse(JSON.stringify(order).replace(/[^\x00-\x7f]/g, '?'))),
  },
  {
    name: 'billing-without-postcode-accepted',
    generated: true,
    breaks: 'a billing address without `postcode` is completed and served',
    caughtBy: 'data.billing_address.postcode left out] at HTTP status: expected 400',
    request: bendRequest(
      (data) => Boolean(data.billing_address && !('postcode' in data.billing_address)),
      (exchange, data) => withData(exchange, { ...data, billing_address: { ...data.billing_address, postcode: '00000' } }),
    ),
  },
  {
    name: 'shipping-copied-from-billing',
    generated: true,
    breaks: 'a body without `shipping_address` is served with the billing address copied into it, as versions 1 and 2 of this mock did (decision 2)',
    caughtBy: 'data.shipping_address left out] at HTTP status: expected 400',
    request: bendRequest(
      (data) => Boolean(data.billing_address && !data.shipping_address),
      (exchange, data) => withData(exchange, { ...data, shipping_address: { ...data.billing_address } }),
    ),
  },
  {
    name: 'error-source-not-the-field',
    generated: true,
    breaks: 'validation errors name the whole body (`request`) instead of the field at fault',
    caughtBy: 'the field at fault',
    reply: onErrors((body, _exchange, reply) => {
      if (reply.status === 400) for (const error of body.errors) error.source = 'request';
    }),
  },
  {
    name: 'external-ref-cut-on-order',
    generated: true,
    breaks: 'the order carries the external_ref cut to 20 characters',
    caughtBy: 'the external_ref the request sent',
    reply: onOrders((order) => {
      if (typeof order.data.external_ref === 'string') order.data.external_ref = order.data.external_ref.slice(0, 20);
    }),
  },
  {
    name: 'email-lowercased-on-order',
    generated: true,
    breaks: "the order's customer and contact emails are lowercased",
    finding: 'advisory',
    caughtBy: '/email: expected',
    reply: onOrders((order) => {
      for (const person of [order.data.contact, order.data.customer]) if (typeof person?.email === 'string') person.email = person.email.toLowerCase();
    }),
  },
  {
    name: 'empty-name-accepted',
    generated: true,
    breaks: 'an empty `first_name` is served',
    finding: 'advisory',
    caughtBy: 'data.billing_address.first_name empty] at HTTP status: expected 400',
    request: bendRequest(
      (data) => data.billing_address?.first_name === '',
      (exchange, data) => withData(exchange, { ...data, billing_address: { ...data.billing_address, first_name: 'Filled' } }),
    ),
  },
  {
    name: 'text-plain-body-accepted',
    breaks: 'a JSON body sent as `text/plain` is served instead of answered 415',
    finding: 'advisory',
    caughtBy: 'body sent as text/plain] at HTTP status: expected 415',
    request: (exchange) => (exchange.headers['content-type']?.startsWith('text/plain') ? { ...exchange, headers: { ...exchange.headers, 'content-type': 'application/json' } } : exchange),
  },
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
      const order = isOrder(reply, exchange) ? exampleOrderFor(exchange) : undefined;
      return order ? { ...reply, body: JSON.stringify(order) } : reply;
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
    finding: 'advisory',
    breaks: 'account orders lose their account_member relationship',
    caughtBy: 'at body /data/relationships/account_member/data/id',
    reply: onOrders((order) => void delete order.data.relationships.account_member),
  },
  {
    name: 'account-on-customer-order',
    finding: 'advisory',
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
    finding: 'advisory',
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
    finding: 'advisory',
    breaks: 'a body mixing account and customer is served by dropping the customer',
    caughtBy: 'mixed-variant body] at HTTP status: expected 400',
    request: bendRequest(
      (data) => Boolean(data.account && data.customer),
      (exchange, { customer: _dropped, ...data }) => withData(exchange, data),
    ),
  },
  {
    name: 'account-management-header-not-required',
    finding: 'advisory',
    breaks: 'the Account Management variant is served without its header',
    caughtBy: `no ${headerRule.header}] at HTTP status: expected ${headerRule.status}`,
    request: (exchange) =>
      lacksRequiredHeader(exchange) ? { ...exchange, headers: { ...exchange.headers, [headerRule.header.toLowerCase()]: config.accountManagementToken } } : exchange,
  },
  {
    name: 'missing-header-answered-401',
    finding: 'advisory',
    breaks: 'the Account Management variant without its header is answered 401, as if the token were wrong',
    caughtBy: `no ${headerRule.header}] at HTTP status: expected ${headerRule.status}`,
    reply: (reply, exchange) => (lacksRequiredHeader(exchange) ? errorReply(401, 'Unauthorized') : reply),
  },
  {
    name: 'missing-header-not-named',
    finding: 'advisory',
    breaks: 'the 400 for the missing Account Management header does not name the header in `source`',
    caughtBy: `expected an entry with source "${headerRule.header}"`,
    reply: onErrors((body, exchange) => {
      if (lacksRequiredHeader(exchange)) for (const error of body.errors) delete error.source;
    }),
  },
  {
    name: 'implicit-token-accepted-for-account',
    breaks: 'the Account variant is served to an implicit-grant token (201 instead of 403)',
    caughtBy: `${grantRule.otherGrant}-grant token] at HTTP status: expected ${grantRule.status}`,
    request: (exchange) => (sentVariant(exchange) === grantVariant ? { ...exchange, headers: { ...exchange.headers, authorization: `Bearer ${anyClientToken}` } } : exchange),
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

/** An answer Elastic Path's own evidence shows, made of the mock's by one bend: the suite must pass it. */
export type EvidenceAnswer = Pick<Breakage, 'name' | 'request' | 'reply'> & { shows: string; source: string };

export const evidenceAnswers: EvidenceAnswer[] = [
  {
    name: 'errors-without-detail',
    shows: 'error entries without `detail`',
    source: 'elasticpath-dev guides/Getting-Started/errors.md (401, 403, 429)',
    reply: onErrors((body) => {
      for (const error of body.errors) delete error.detail;
    }),
  },
  {
    name: 'validation-titles-are-keywords',
    shows: 'validation errors titled by their JSON Schema keyword (`required`, `format`)',
    source: 'elasticpath-dev guides/Getting-Started/errors.md (400: "title": "required")',
    reply: onErrors((body, _exchange, reply) => {
      if (reply.status === 400) for (const [index, error] of body.errors.entries()) error.title = index % 2 === 0 ? 'required' : 'format';
    }),
  },
  {
    name: 'display-price-members-beyond-totals',
    shows: '`display_price` with `balance_owing`, `paid`, `authorized`, `discount`, `without_discount`, `shipping`',
    source: 'elasticpath-dev docs/carts-orders/orders/orders-api/get-an-order.md',
    reply: onOrders((order) => {
      const prices = order.data.meta.display_price;
      const zero = { ...prices.with_tax, amount: 0, formatted: '$0.00' };
      Object.assign(prices, { balance_owing: { ...prices.with_tax }, paid: zero, authorized: zero, discount: zero, without_discount: { ...prices.with_tax }, shipping: zero });
    }),
  },
  {
    name: 'account-member-with-a-hyphen',
    shows: 'the `account_member` relationship typed `account-member`',
    source: 'elasticpath-dev docs/carts-orders/orders/orders-api/get-an-order.md',
    reply: onOrders((order) => {
      if (order.data.relationships.account_member) order.data.relationships.account_member.data.type = 'account-member';
    }),
  },
  {
    name: 'customer-id-order-without-customer-relationship',
    shows: 'a Customer ID order without a `customer` relationship',
    source: "seed 003's Customer ID response",
    reply: onOrders((order) => void delete order.data.relationships.customer),
  },
  {
    name: 'token-errors-with-a-string-status',
    shows: '401 errors whose `status` is the string `"401"`',
    source: 'composable-frontend packages/sdks/specs/authentication.yaml (UnauthorizedError)',
    reply: bendReply(
      (reply) => reply.status === 401,
      (body) => {
        for (const error of body.errors) error.status = '401';
      },
    ),
  },
  {
    name: 'unset-tax-zero-without-currency',
    shows: 'an order tax of 0 with an empty currency and formatted',
    source: 'elasticpath-dev docs/carts-orders/orders/orders-api/get-an-order.md',
    reply: onOrders((order) => void (order.data.meta.display_price.tax = { amount: 0, currency: '', formatted: '' })),
  },
];
