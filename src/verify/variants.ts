// The four checkout variants as the contract suite sends them. Every body is typed by the
// generated schema, so a body the contract forbids does not compile. The data differs from the
// spec's examples on purpose: a server that answers with an example instead of the request fails.
import type { components } from '../../generated/schema.d.ts';
import { accountManagementHeader, variantNamed, type VariantName } from '../lib/checkout-variants.ts';
import type { ContractConfig } from './config.ts';

export type CheckoutBody = components['schemas']['CheckoutRequest'];
type Address = components['schemas']['Address'];
type ShippingAddress = components['schemas']['ShippingAddress'];
export type CheckoutHeaders = {
  [accountManagementHeader]?: string;
  'X-Moltin-Customer-Token'?: string;
  'X-MOLTIN-CURRENCY'?: string;
};

export type Variant = {
  name: VariantName;
  title: string;
  token: 'client' | 'implicit';
  headers: CheckoutHeaders;
  body: CheckoutBody;
  /** The `oneOf` branch of the spec's CheckoutRequest this variant's bodies match. */
  schema: string;
};

export const billingAddress: Address = {
  first_name: 'Ada',
  last_name: 'Contract',
  company_name: 'Gatekeepers Ltd',
  line_1: '7 Verification Row',
  line_2: 'Unit 3',
  city: 'Portland',
  region: 'OR',
  postcode: '97201',
  country: 'US',
};

export const shippingAddress: ShippingAddress = {
  first_name: 'Grace',
  last_name: 'Contract',
  line_1: '42 Assertion Avenue',
  city: 'Seattle',
  region: 'WA',
  postcode: '98101',
  country: 'US',
  phone_number: '(206) 555-0142',
  instructions: 'Ring twice',
};

export const contact = { name: 'Ada Contract', email: 'ada.contract@example.org' };

/** The variant's own `order_number` and `external_ref`, which the order must carry back. */
const orderReferences = (name: VariantName) => ({ order_number: `CT-${name}-0042`, external_ref: `contract suite / ${name} #42` });
export const guestCustomer = { name: 'Grace Guest', email: 'grace.guest@example.org' };

/** A variant's name, title and token grant, from the one variant model (src/lib/checkout-variants.ts). */
const known = (name: VariantName) => {
  const { title, grant } = variantNamed(name);
  return { name, title, token: grant === 'implicit' ? 'implicit' : 'client' } as const;
};

export const buildVariants = (config: ContractConfig): Variant[] => [
  {
    ...known('account'),
    schema: '#/components/schemas/AccountCheckout',
    headers: {},
    body: {
      data: {
        ...orderReferences('account'),
        account: { id: config.accountId, member_id: config.accountMemberId },
        contact,
        billing_address: billingAddress,
        shipping_address: shippingAddress,
      },
    },
  },
  {
    ...known('account-management'),
    schema: '#/components/schemas/AccountManagementCheckout',
    headers: { [accountManagementHeader]: config.accountManagementToken },
    body: { data: { ...orderReferences('account-management'), contact, billing_address: billingAddress, shipping_address: shippingAddress } },
  },
  {
    ...known('customer-id'),
    schema: '#/components/schemas/CustomerIdCheckout',
    headers: { 'X-Moltin-Customer-Token': config.customerToken },
    body: {
      data: { ...orderReferences('customer-id'), customer: { id: config.customerId }, billing_address: billingAddress, shipping_address: shippingAddress },
    },
  },
  {
    ...known('customer-object'),
    schema: '#/components/schemas/CustomerObjectCheckout',
    headers: { 'X-MOLTIN-CURRENCY': config.currency },
    // No order_number or external_ref: the order must then carry none.
    body: { data: { customer: guestCustomer, billing_address: billingAddress, shipping_address: shippingAddress } },
  },
];

/**
 * Values of the store's own data, by the path of the body field that names them: a generated body
 * must name the account and customer that exist, not random UUIDs.
 */
export const storeReferences = (config: ContractConfig): Record<string, string> => ({
  'data.account.id': config.accountId,
  'data.account.member_id': config.accountMemberId,
  'data.customer.id': config.customerId,
});
