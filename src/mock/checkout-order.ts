// Turns the spec's example order for a variant into the order for this request: a fresh id and
// timestamps, the contact or customer, billing and shipping address, order_number and external_ref
// the request sent (shipping falls back to billing), and relationships pointing at the account,
// member or customer it named.
// Items and prices stay those of the example: the mock has no catalogue.
import { randomUUID } from 'node:crypto';
import { idFromToken } from './tokens.ts';

type Json = Record<string, any>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// A customer named only by id keeps the name and email of the example's customer record.
const reflectField = (exampleValue: unknown, sent: unknown): unknown =>
  isObject(sent) && Object.keys(sent).length === 1 && 'id' in sent && isObject(exampleValue) ? { ...exampleValue, ...sent } : sent;

const relatedIds = (data: Json, accountManagementToken: string | undefined): Record<string, string | undefined> => ({
  account: data.account?.id ?? (accountManagementToken && idFromToken(accountManagementToken, 'account')),
  account_member: data.account
    ? data.account.member_id
    : accountManagementToken && idFromToken(accountManagementToken, 'account_member'),
  customer: data.customer?.id,
});

/** Fields a request may send that the order carries only when it was sent. */
const optionalReferences = ['order_number', 'external_ref'];

const nowSeconds = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export const reflectOrder = (exampleOrder: unknown, data: Json, accountManagementToken?: string): Json => {
  const response = structuredClone(exampleOrder) as Json;
  const order = response.data;
  const timestamps = { created_at: nowSeconds(), updated_at: nowSeconds() };
  order.id = randomUUID();
  order.meta.timestamps = timestamps;
  for (const item of response.included?.items ?? []) item.meta.timestamps = timestamps;
  for (const [field, sent] of Object.entries(data)) if (field in order) order[field] = reflectField(order[field], sent);
  // The example's own references must not stick to an order whose request sent none.
  for (const field of optionalReferences) if (!(field in data)) delete order[field];
  order.shipping_address = data.shipping_address ?? data.billing_address;
  const ids = relatedIds(data, accountManagementToken);
  for (const name of Object.keys(order.relationships)) {
    if (!(name in ids)) continue;
    const id = ids[name];
    if (id) order.relationships[name].data.id = id;
    else delete order.relationships[name];
  }
  return response;
};
