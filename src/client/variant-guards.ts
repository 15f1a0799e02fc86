// Which of the four variants a checkout body's `data` is. The spec's oneOf tells them apart by which of
// `account`, `contact` and `customer` the object holds, and by the fields of `customer`; each branch
// forbids the others' keys, so for a body the types accept the keys alone decide.
import type { AccountCheckout, AccountManagementCheckout, CheckoutData, CustomerIdCheckout, CustomerObjectCheckout } from './schemas.ts';

const holds = (object: object, key: string): boolean => (object as Record<string, unknown>)[key] !== undefined;

/** The Account variant: `account` (with `contact`), sent by a back end with a client credentials token. */
export const isAccountCheckout = (data: CheckoutData): data is AccountCheckout => holds(data, 'account');

/** The Account Management token variant: `contact` without `account`. */
export const isAccountManagementCheckout = (data: CheckoutData): data is AccountManagementCheckout =>
  holds(data, 'contact') && !holds(data, 'account');

/** The Customer ID variant: `customer` naming an existing customer by `id`. */
export const isCustomerIdCheckout = (data: CheckoutData): data is CustomerIdCheckout =>
  holds(data, 'customer') && holds((data as CustomerIdCheckout).customer, 'id');

/** The Customer object variant: `customer` with `name` and `email`, no `id`. */
export const isCustomerObjectCheckout = (data: CheckoutData): data is CustomerObjectCheckout =>
  holds(data, 'customer') && !holds((data as CustomerObjectCheckout).customer, 'id');
