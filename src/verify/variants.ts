// The four checkout variants as the contract suite sends them. Every body is typed by the
// generated schema, so a body the contract forbids does not compile. The data differs from the
// spec's examples on purpose: a server that answers with an example instead of the request fails.
import type { components } from '../../generated/schema.d.ts';
import type { ContractConfig, VariantName } from './config.ts';

export type CheckoutBody = components['schemas']['CheckoutRequest'];
type Address = components['schemas']['Address'];
type ShippingAddress = components['schemas']['ShippingAddress'];
export type CheckoutHeaders = {
  'EP-Account-Management-Authentication-Token'?: string;
  'X-Moltin-Customer-Token'?: string;
  'X-MOLTIN-CURRENCY'?: string;
};

/** Which relationships an order from this variant must carry, and which it must not. */
export type RelationshipExpectation = {
  account?: string | 'any';
  account_member?: string | 'any';
  customer?: string;
  absent: ('account' | 'account_member' | 'customer')[];
};

export type Variant = {
  name: VariantName;
  title: string;
  token: 'client' | 'implicit';
  headers: CheckoutHeaders;
  body: CheckoutBody;
  relationships: RelationshipExpectation;
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

export const buildVariants = (config: ContractConfig): Variant[] => [
  {
    name: 'account',
    title: 'Account',
    token: 'client',
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
    relationships: { account: config.accountId, account_member: config.accountMemberId, absent: ['customer'] },
  },
  {
    name: 'account-management',
    title: 'Account Management token',
    token: 'implicit',
    headers: { 'EP-Account-Management-Authentication-Token': config.accountManagementToken },
    body: { data: { ...orderReferences('account-management'), contact, billing_address: billingAddress, shipping_address: shippingAddress } },
    // The account and member come from the header's token, so only their presence is known.
    relationships: { account: 'any', account_member: 'any', absent: ['customer'] },
  },
  {
    name: 'customer-id',
    title: 'Customer ID',
    token: 'client',
    headers: { 'X-Moltin-Customer-Token': config.customerToken },
    body: {
      data: { ...orderReferences('customer-id'), customer: { id: config.customerId }, billing_address: billingAddress, shipping_address: shippingAddress },
    },
    relationships: { customer: config.customerId, absent: ['account', 'account_member'] },
  },
  {
    name: 'customer-object',
    title: 'Customer object',
    token: 'client',
    headers: { 'X-MOLTIN-CURRENCY': config.currency },
    // No order_number or external_ref: the order must then carry none.
    body: { data: { customer: guestCustomer, billing_address: billingAddress, shipping_address: shippingAddress } },
    relationships: { absent: ['account', 'account_member'] },
  },
];
