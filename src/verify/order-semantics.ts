// What a schema cannot say about a created order: it is the order the request asked for, shaped by
// its variant, with money that adds up to what it displays and items that match their references.
import { parseFormattedPrice } from './formatted-price.ts';
import { evidence, type Basis } from './evidence.ts';
import type { CheckoutBody, Variant } from './variants.ts';
import { variantNamed, type Relationship } from '../lib/checkout-variants.ts';
import { pathOfSource } from '../lib/error-source.ts';
import { pointerOf, valueAt } from '../lib/json-pointer.ts';
import { shown, type Violation } from './violations.ts';

type Json = unknown;
type Sent = Record<string, any>;

const isObject = (value: Json): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every field the request sent must come back with the same value at `where`; `origin` says where the value came from. */
const echoes = (sent: Record<string, unknown>, body: Json, where: string, origin: string, basisOf: (field: string) => Basis): Violation[] =>
  Object.entries(sent).flatMap(([field, value]) => {
    const pointer = `${where}${pointerOf(field)}`;
    const actual = valueAt(body, pointer);
    return actual === value ? [] : [{ where: pointer, expected: `${shown(value)}, ${origin}`, actual: shown(actual), basis: basisOf(field) }];
  });

const orderType = (body: Json): Violation[] =>
  valueAt(body, '/data/type') === 'order' ? [] : [{ where: '/data/type', expected: '"order"', actual: shown(valueAt(body, '/data/type')), basis: evidence.responseSchema }];

/** `order_number` and `external_ref` come back as sent; an order may not invent them. */
const orderReferences = (data: Sent, body: Json): Violation[] =>
  ['order_number', 'external_ref'].flatMap((field) => {
    const pointer = `/data/${field}`;
    const [sent, actual] = [data[field], valueAt(body, pointer)];
    if (actual === sent) return [];
    const expected = sent === undefined ? `no ${field}, as the request sent none` : `${shown(sent)}, the ${field} the request sent`;
    return [{ where: pointer, expected, actual: shown(actual), basis: evidence.orderReferences }];
  });

// Seed 003's order ships to another person than the addresses sent named; its address lines are those sent.
const personalFields = new Set(['first_name', 'last_name', 'phone_number', 'instructions']);

const addresses = (data: Sent, body: Json): Violation[] => {
  const basisOf = (field: string): Basis => (personalFields.has(field) ? evidence.addressNames : evidence.orderEchoesAddresses);
  return [
    ...echoes(data.billing_address, body, '/data/billing_address', 'the billing address field the request sent', basisOf),
    ...echoes(data.shipping_address, body, '/data/shipping_address', 'the shipping address field the request sent', basisOf),
  ];
};

const person = (data: Sent, body: Json): Violation[] => {
  const basisOf = () => evidence.orderEchoesPerson;
  if (data.contact) return echoes(data.contact, body, '/data/contact', 'the contact field the request sent', basisOf);
  if (data.customer?.id) {
    // Name and email come from the customer record; only the ID is the request's.
    const customerId = valueAt(body, '/data/customer/id');
    return customerId === undefined || customerId === data.customer.id
      ? []
      : [{ where: '/data/customer/id', expected: `${shown(data.customer.id)}, the customer ID the request sent`, actual: shown(customerId), basis: evidence.relationships }];
  }
  return echoes(data.customer, body, '/data/customer', 'the customer field the request sent', basisOf);
};

type Expected = { named: Partial<Record<Relationship, string>>; present: readonly Relationship[]; absent: readonly Relationship[] };

/**
 * Which relationships an order from this body carries, and with which IDs: our judgement (decisions 18, 46).
 * Which ones it carries and never carries come from the one variant model.
 */
const expectedRelationships = (variant: Variant, data: Sent): Expected => {
  const { carries, never: absent } = variantNamed(variant.name).relationships;
  if (variant.name === 'account') return { named: { account: data.account.id, account_member: data.account.member_id }, present: [], absent };
  // The account and member come from the header's token, so only their presence is known.
  if (variant.name === 'account-management') return { named: {}, present: carries, absent };
  return { named: {}, present: [], absent };
};

/** A Customer ID order's `customer` relationship names the customer sent; one left out is only reported (decision 46). */
const customerRelationship = (variant: Variant, data: Sent, body: Json): Violation[] => {
  if (variant.name !== 'customer-id') return [];
  const where = '/data/relationships/customer/data/id';
  const actual = valueAt(body, where);
  if (actual === data.customer.id) return [];
  const missing = valueAt(body, '/data/relationships/customer') === undefined;
  return [{ where, expected: `${shown(data.customer.id)}, the customer the request named`, actual: shown(actual), basis: missing ? evidence.customerRelationshipMissing : evidence.customerRelationship }];
};

const relationships = (variant: Variant, data: Sent, body: Json): Violation[] => {
  const { named, present, absent } = expectedRelationships(variant, data);
  const basis = evidence.relationships;
  const idOf = (name: Relationship) => valueAt(body, `/data/relationships/${name}/data/id`);
  return [
    ...customerRelationship(variant, data, body),
    ...Object.entries(named)
      .filter(([name, id]) => id !== undefined && idOf(name as Relationship) !== id)
      .map(([name, id]) => ({ where: `/data/relationships/${name}/data/id`, expected: `${shown(id)}, the ${name} the request named`, actual: shown(idOf(name as Relationship)), basis })),
    ...present
      .filter((name) => typeof idOf(name) !== 'string' || idOf(name) === '')
      .map((name) => ({ where: `/data/relationships/${name}/data/id`, expected: `the ${name} relationship of a ${variant.title} order`, actual: shown(idOf(name)), basis })),
    ...absent
      .filter((name) => valueAt(body, `/data/relationships/${name}`) !== undefined)
      .map((name) => ({ where: `/data/relationships/${name}`, expected: `no ${name} relationship on a ${variant.title} order`, actual: shown(valueAt(body, `/data/relationships/${name}`)), basis })),
  ];
};

type Money = { pointer: string; amount: number; currency: string; formatted: unknown };

/** Every money object in the body with a numeric amount; a zero with no currency (as Elastic Path's orders show an unset tax) is no money at all. */
const moneyIn = (node: Json, pointer = ''): Money[] => {
  if (Array.isArray(node)) return node.flatMap((item, index) => moneyIn(item, `${pointer}/${index}`));
  if (!isObject(node)) return [];
  const nested = Object.entries(node).flatMap(([key, value]) => moneyIn(value, pointer + pointerOf(key)));
  if (typeof node.amount !== 'number' || typeof node.currency !== 'string' || (node.amount === 0 && node.currency === '')) return nested;
  return [{ pointer, amount: node.amount, currency: node.currency, formatted: node.formatted }, ...nested];
};

const isCurrencyCode = (currency: string): boolean => /^[A-Z]{3}$/.test(currency);

/** Each `formatted` spells its amount in its currency (the schema speaks for amounts that are no integer, or codes that are no code). */
const formattedPrices = (prices: Money[]): Violation[] =>
  prices.flatMap(({ pointer, amount, currency, formatted }) => {
    if (!Number.isInteger(amount) || !isCurrencyCode(currency) || typeof formatted !== 'string') return [];
    const parsed = parseFormattedPrice(formatted, currency);
    if ('problem' in parsed) return [{ where: `${pointer}/formatted`, expected: `${currency} ${amount} written out (it ${parsed.problem})`, actual: shown(formatted), basis: evidence.formattedRendering }];
    if (parsed.amount !== amount) return [{ where: `${pointer}/formatted`, expected: `${amount} ${currency} minor units written out, not ${parsed.amount}`, actual: shown(formatted), basis: evidence.formattedPrice }];
    return [];
  });

/** One currency throughout the order: that of its first item, which the cart's currency fixed. */
const oneCurrency = (prices: Money[], body: Json): Violation[] => {
  const itemCurrency = valueAt(body, '/included/items/0/unit_price/currency');
  const [currency, whose] = typeof itemCurrency === 'string' && itemCurrency !== '' ? [itemCurrency, "the order's first item"] : [prices[0]?.currency, "the order's first price"];
  return prices
    .filter((price) => price.currency !== currency)
    .map((price) => ({ where: `${price.pointer}/currency`, expected: `${shown(currency)}, the currency of ${whose}`, actual: shown(price.currency), basis: evidence.oneCurrency }));
};

const amountAt = (node: Json, pointer: string): number | undefined => {
  const amount = valueAt(node, `${pointer}/amount`);
  return typeof amount === 'number' ? amount : undefined;
};

const includedItemsOf = (body: Json): Json[] => {
  const items = valueAt(body, '/included/items');
  return Array.isArray(items) ? items : [];
};

/** Each item's line price is its unit price times its quantity. */
const itemValues = (body: Json): Violation[] =>
  includedItemsOf(body).flatMap((item, index) => {
    const quantity = valueAt(item, '/quantity');
    if (typeof quantity !== 'number') return [];
    const pairs: [string, string][] = [
      ['/unit_price', '/value'],
      ...['with_tax', 'without_tax'].map((kind): [string, string] => [`/meta/display_price/${kind}/unit`, `/meta/display_price/${kind}/value`]),
    ];
    return pairs.flatMap(([unitAt, valueAtPointer]) => {
      const [unit, value] = [amountAt(item, unitAt), amountAt(item, valueAtPointer)];
      if (unit === undefined || value === undefined || unit * quantity === value) return [];
      const where = `/included/items/${index}${valueAtPointer}/amount`;
      return [{ where, expected: `${unit * quantity}, the unit price ${unit} times the quantity ${quantity}`, actual: shown(value), basis: evidence.itemValue }];
    });
  });

/** The order's totals are the sums of its items' line prices. */
const totals = (body: Json): Violation[] =>
  ['with_tax', 'without_tax'].flatMap((kind) => {
    const total = amountAt(body, `/data/meta/display_price/${kind}`);
    const values = includedItemsOf(body).map((item) => amountAt(item, `/meta/display_price/${kind}/value`));
    if (total === undefined || values.length === 0 || values.some((value) => value === undefined)) return [];
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    return sum === total ? [] : [{ where: `/data/meta/display_price/${kind}/amount`, expected: `${sum}, the sum of the items' ${kind} values ${shown(values)}`, actual: shown(total), basis: evidence.totalIsSumOfItems }];
  });

const ids = (list: Json): Json[] => (Array.isArray(list) ? list.map((entry) => (isObject(entry) ? entry.id : undefined)) : []);

/**
 * `included.items` lists the items `relationships.items` names, in order; an order without them fails.
 * Shipping groups listed among `relationships.items` (Elastic Path's orders pages) are not order items.
 */
const includedItems = (body: Json): Violation[] => {
  const entries = valueAt(body, '/data/relationships/items/data');
  const referenced = ids(Array.isArray(entries) ? entries.filter((entry) => !(isObject(entry) && entry.type === 'shipping_group')) : entries);
  const included = ids(valueAt(body, '/included/items'));
  return JSON.stringify(referenced) === JSON.stringify(included)
    ? []
    : [{ where: '/included/items', expected: `items with the IDs of /data/relationships/items/data, in order: ${shown(referenced)}`, actual: `items with IDs ${shown(included)}`, basis: evidence.includedItems }];
};

/** What the schema cannot say about the order created from `sent`, each finding with its basis. */
export const checkOrderSemantics = (variant: Variant, sent: CheckoutBody, body: Json): Violation[] => {
  const data = sent.data as Sent;
  const prices = moneyIn(body);
  return [
    ...orderType(body),
    ...person(data, body),
    ...orderReferences(data, body),
    ...addresses(data, body),
    ...relationships(variant, data, body),
    ...formattedPrices(prices),
    ...oneCurrency(prices, body),
    ...itemValues(body),
    ...totals(body),
    ...includedItems(body),
  ];
};

const errorEntries = (body: Json): Json[] => {
  const errors = valueAt(body, '/errors');
  return Array.isArray(errors) ? errors : [];
};

/** Every error entry repeats the HTTP status of the response it came in (as a number, or as the string token errors use). */
export const checkErrorSemantics = (status: number, body: Json): Violation[] =>
  errorEntries(body).flatMap((error, index) => {
    const actual = isObject(error) ? error.status : error;
    return actual === status || actual === String(status)
      ? []
      : [{ where: `/errors/${index}/status`, expected: `${status}, the HTTP status of the response`, actual: shown(actual), basis: evidence.errorStatusMatches }];
  });

/** Some entry's `source` is the path of the field at fault (`data.billing_address.postcode`). */
export const checkErrorNamesField = (field: string, body: Json): Violation[] => {
  const sources = errorEntries(body).map((error) => valueAt(error, '/source'));
  return sources.includes(field) ? [] : [{ where: '/errors', expected: `an entry with source ${shown(field)}, the field at fault`, actual: `sources ${shown(sources)}`, basis: evidence.errorSourceNamesField }];
};

/**
 * The header a documented error names in `source` is named by the response too. (A source that is a body
 * path, such as `data.billing_address.line_1`, depends on the body that was sent, so the example's is not
 * held against the response.)
 */
export const checkErrorSource = (documented: Json, body: Json): Violation[] =>
  errorEntries(documented)
    .map((error) => valueAt(error, '/source'))
    .filter((source): source is string => typeof source === 'string' && pathOfSource(source) === undefined)
    .flatMap((header) =>
      errorEntries(body).some((error) => valueAt(error, '/source') === header)
        ? []
        : [{ where: '/errors', expected: `an entry with source ${shown(header)}, the header at fault`, actual: `sources ${shown(errorEntries(body).map((error) => valueAt(error, '/source')))}`, basis: evidence.accountManagementHeader }],
    );
