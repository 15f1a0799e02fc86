// Turns the spec's example order for a variant into the order for this request: a fresh id and
// timestamps, the contact or customer, billing and shipping address, order_number and external_ref
// the request sent, and relationships pointing at the account, member or customer it named.
// Items and prices stay those of the example, totals included (balance_owing, paid, authorized):
// the mock has no catalogue and takes no payment.
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

// The time in whole seconds, formatted once per second rather than for every order.
let formatted = { second: -1, text: '' };
const nowSeconds = (): string => {
  const second = Math.floor(Date.now() / 1000);
  if (second !== formatted.second) formatted = { second, text: new Date(second * 1000).toISOString().replace('.000Z', 'Z') };
  return formatted.text;
};

// The example is shared by every request (and frozen): only the objects on the way to a changed
// value are copied, which costs a fraction of a deep clone of the whole order.
export const reflectOrder = (exampleOrder: unknown, data: Json, accountManagementToken?: string): Json => {
  const example = exampleOrder as Json;
  const now = nowSeconds();
  const timestamps = { created_at: now, updated_at: now };
  const order: Json = { ...example.data, id: globalThis.crypto.randomUUID(), meta: { ...example.data.meta, timestamps } };
  for (const [field, sent] of Object.entries(data)) if (field in order) order[field] = reflectField(order[field], sent);
  // The example's own references must not stick to an order whose request sent none.
  for (const field of optionalReferences) if (!(field in data)) delete order[field];
  const ids = relatedIds(data, accountManagementToken);
  const relationships: Json = {};
  for (const [name, relationship] of Object.entries<Json>(order.relationships)) {
    if (!(name in ids)) relationships[name] = relationship;
    else if (ids[name]) relationships[name] = { ...relationship, data: { ...relationship.data, id: ids[name] } };
  }
  order.relationships = relationships;
  const response: Json = { ...example, data: order };
  if (example.included?.items) {
    const items = example.included.items.map((item: Json) => ({ ...item, meta: { ...item.meta, timestamps } }));
    response.included = { ...example.included, items };
  }
  return response;
};
