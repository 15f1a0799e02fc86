// Type-level checks of generated/schema.d.ts, run by `tsc` in `npm run lint`: the generated request
// type accepts each variant's example body from the bundled spec and rejects a mixed one. An
// `@ts-expect-error` line that stops being an error fails the type check, so each rejection is proven.
import type { components } from '../../generated/schema.d.ts';
import spec from '../../generated/openapi.json' with { type: 'json' };

type CheckoutRequest = components['schemas']['CheckoutRequest'];
const examples = spec.components.examples;

export const accountBody: CheckoutRequest = examples.AccountCheckoutRequest.value;
export const accountManagementBody: CheckoutRequest = examples.AccountManagementCheckoutRequest.value;
export const customerIdBody: CheckoutRequest = examples.CustomerIdCheckoutRequest.value;
export const customerObjectBody: CheckoutRequest = examples.CustomerObjectCheckoutRequest.value;

const billing_address = examples.CustomerObjectCheckoutRequest.value.data.billing_address;

export const mixedAccountAndCustomer: CheckoutRequest = {
  // @ts-expect-error a body holding both `account` and `customer` is no variant
  data: {
    account: { id: '8cee1b9e-3e39-4d5f-bd4a-86cdb985c6ee' },
    contact: { name: 'John Doe', email: 'john@email.com' },
    customer: { id: 'c8c1c511-beef-4812-9b7a-9f92c587217c' },
    billing_address,
  },
};

export const customerWithContact: CheckoutRequest = {
  // @ts-expect-error a customer body may not carry `contact`
  data: { customer: { name: 'John Doe', email: 'john@moltin.com' }, contact: { name: 'John Doe', email: 'john@moltin.com' }, billing_address },
};

// @ts-expect-error billing_address is required in every variant
export const withoutBilling: CheckoutRequest = { data: { customer: { id: 'c8c1c511-beef-4812-9b7a-9f92c587217c' } } };

export const addressWithoutRegionOrCounty: CheckoutRequest = {
  data: {
    customer: { id: 'c8c1c511-beef-4812-9b7a-9f92c587217c' },
    // @ts-expect-error an address names at least one of region and county
    billing_address: { first_name: 'John', last_name: 'Doe', line_1: '1 Main Street', postcode: '92802', country: 'US' },
  },
};

export const customerByIdAndDetails: CheckoutRequest = {
  data: {
    // @ts-expect-error a customer is named by `id` or by `name` and `email`, never both
    customer: { id: 'c8c1c511-beef-4812-9b7a-9f92c587217c', name: 'John Doe', email: 'john@moltin.com' },
    billing_address,
  },
};
