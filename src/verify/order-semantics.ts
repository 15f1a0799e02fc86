// What a schema cannot say about a created order: it is the order the request asked for, shaped by
// its variant, with money that adds up to what it displays and items that match their references.
import { parseFormattedPrice } from './formatted-price.ts';
import type { Variant } from './variants.ts';
import { pathOfSource } from '../lib/error-source.ts';
import { pointerOf, valueAt } from '../lib/json-pointer.ts';
import { shown, type Violation } from './violations.ts';

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every field the request sent must come back with the same value at `where`; `origin` says where the value came from. */
const echoes = (sent: Record<string, unknown>, body: Json, where: string, origin: string): Violation[] =>
  Object.entries(sent).flatMap(([field, value]) => {
    const pointer = `${where}${pointerOf(field)}`;
    const actual = valueAt(body, pointer);
    return actual === value ? [] : [{ where: pointer, expected: `${shown(value)}, ${origin}`, actual: shown(actual) }];
  });

const orderType = (body: Json): Violation[] =>
  valueAt(body, '/data/type') === 'order' ? [] : [{ where: '/data/type', expected: '"order"', actual: shown(valueAt(body, '/data/type')) }];

const requestData = (variant: Variant): Record<string, any> => variant.body.data as Record<string, any>;

/** `order_number` and `external_ref` come back as sent; an order may not invent them. */
const orderReferences = (variant: Variant, body: Json): Violation[] => {
  const data = requestData(variant);
  return ['order_number', 'external_ref'].flatMap((field) => {
    const pointer = `/data/${field}`;
    const [sent, actual] = [data[field], valueAt(body, pointer)];
    if (actual === sent) return [];
    return [{ where: pointer, expected: sent === undefined ? `no ${field}, as the request sent none` : `${shown(sent)}, the ${field} the request sent`, actual: shown(actual) }];
  });
};

const addresses = (variant: Variant, body: Json): Violation[] => {
  const data = requestData(variant);
  return [
    ...echoes(data.billing_address, body, '/data/billing_address', 'the billing address field the request sent'),
    ...echoes(data.shipping_address, body, '/data/shipping_address', 'the shipping address field the request sent'),
  ];
};

const person = (variant: Variant, body: Json): Violation[] => {
  const data = requestData(variant);
  if (data.contact) return echoes(data.contact, body, '/data/contact', 'the contact field the request sent');
  if (data.customer?.id) {
    // Name and email come from the customer record; only the ID is the request's.
    const customerId = valueAt(body, '/data/customer/id');
    return customerId === undefined || customerId === data.customer.id
      ? []
      : [{ where: '/data/customer/id', expected: `${shown(data.customer.id)}, the customer ID the request sent`, actual: shown(customerId) }];
  }
  return echoes(data.customer, body, '/data/customer', 'the customer field the request sent');
};

const relationships = (variant: Variant, body: Json): Violation[] => {
  const { absent, ...present } = variant.relationships;
  const required = Object.entries(present).flatMap(([name, id]) => {
    const pointer = `/data/relationships/${name}/data/id`;
    const actual = valueAt(body, pointer);
    if (id === 'any') {
      return typeof actual === 'string' && actual !== '' ? [] : [{ where: pointer, expected: `the ${name} relationship of a ${variant.title} order`, actual: shown(actual) }];
    }
    return actual === id ? [] : [{ where: pointer, expected: `${shown(id)}, the ${name} the request named`, actual: shown(actual) }];
  });
  const forbidden = absent.flatMap((name) => {
    const pointer = `/data/relationships/${name}`;
    const actual = valueAt(body, pointer);
    return actual === undefined ? [] : [{ where: pointer, expected: `no ${name} relationship on a ${variant.title} order`, actual: shown(actual) }];
  });
  return [...required, ...forbidden];
};

/** Every money object in the body: an integer amount, and a `formatted` that spells it in its currency. */
const money = (node: Json, pointer = ''): Violation[] => {
  if (Array.isArray(node)) return node.flatMap((item, index) => money(item, `${pointer}/${index}`));
  if (!isObject(node)) return [];
  const nested = Object.entries(node).flatMap(([key, value]) => money(value, pointer + pointerOf(key)));
  if (!('amount' in node) || typeof node.currency !== 'string') return nested;
  const own: Violation[] = [];
  if (!Number.isInteger(node.amount)) {
    own.push({ where: `${pointer}/amount`, expected: `an integer amount in minor units of ${node.currency}`, actual: shown(node.amount) });
  } else if (typeof node.formatted === 'string') {
    const parsed = parseFormattedPrice(node.formatted, node.currency);
    if ('problem' in parsed) {
      own.push({ where: `${pointer}/formatted`, expected: `${node.currency} ${node.amount} written out (it ${parsed.problem})`, actual: shown(node.formatted) });
    } else if (parsed.amount !== node.amount) {
      own.push({ where: `${pointer}/formatted`, expected: `${node.amount} ${node.currency} minor units written out, not ${parsed.amount}`, actual: shown(node.formatted) });
    }
  }
  return [...own, ...nested];
};

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
    : [{ where: '/included/items', expected: `items with the IDs of /data/relationships/items/data, in order: ${shown(referenced)}`, actual: `items with IDs ${shown(included)}` }];
};

export const checkOrderSemantics = (variant: Variant, body: Json): Violation[] => [
  ...orderType(body),
  ...person(variant, body),
  ...orderReferences(variant, body),
  ...addresses(variant, body),
  ...relationships(variant, body),
  ...money(body),
  ...includedItems(body),
];

const errorEntries = (body: Json): Json[] => {
  const errors = valueAt(body, '/errors');
  return Array.isArray(errors) ? errors : [];
};

/** Every error entry repeats the HTTP status of the response it came in. */
export const checkErrorSemantics = (status: number, body: Json): Violation[] =>
  errorEntries(body).flatMap((error, index) =>
    isObject(error) && error.status === status ? [] : [{ where: `/errors/${index}/status`, expected: `${status}, the HTTP status of the response`, actual: shown(isObject(error) ? error.status : error) }],
  );

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
        : [{ where: '/errors', expected: `an entry with source ${shown(header)}, the header at fault`, actual: `sources ${shown(errorEntries(body).map((error) => valueAt(error, '/source')))}` }],
    );
