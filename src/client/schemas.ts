// Top-level names for the contract's schemas that applications name in their own code (form state,
// props, fixtures), so that `Address` reads as `components['schemas']['Address']` does.
import type { components } from '../../generated/schema.d.ts';

type Schemas = components['schemas'];

/** Any schema of the contract by its name in the spec: `Schema<'OrderMeta'>`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

/** The checkout request body: `{ data: … }` in one of the four variants. */
export type CheckoutRequest = Schemas['CheckoutRequest'];
/** The `data` of a checkout request: one of the four variants. */
export type CheckoutData = CheckoutRequest['data'];
/** `data` of the Account variant (client credentials token; `account`, `contact`). */
export type AccountCheckout = Schemas['AccountCheckout'];
/** `data` of the Account Management token variant (implicit token and the EP-Account-Management-Authentication-Token header). */
export type AccountManagementCheckout = Schemas['AccountManagementCheckout'];
/** `data` of the Customer ID variant (`customer.id`). */
export type CustomerIdCheckout = Schemas['CustomerIdCheckout'];
/** `data` of the Customer object variant (`customer.name` and `customer.email`). */
export type CustomerObjectCheckout = Schemas['CustomerObjectCheckout'];

/** A billing address: the address fields and at least one of `region` and `county`. */
export type Address = Schemas['Address'];
/** A shipping address: an address with `phone_number` and `instructions`. */
export type ShippingAddress = Schemas['ShippingAddress'];
/** `customer` of the Customer object variant: `name` and `email`. */
export type CustomerDetails = Schemas['CustomerDetails'];
/** `customer` of the Customer ID variant: `id`. */
export type CustomerReference = Schemas['CustomerReference'];
/** `account` of the Account variant: `id` and an optional `member_id`. */
export type AccountReference = Schemas['AccountReference'];
/** `contact` of the account variants: `name` and `email`. */
export type Contact = Schemas['Contact'];

/** The `201` answer: `{ data: Order, included: … }`. */
export type OrderResponse = Schemas['OrderResponse'];
export type Order = Schemas['Order'];
/** An item of the order, in the answer's `included.items`. */
export type OrderItem = Schemas['OrderItem'];
export type OrderCustomer = Schemas['OrderCustomer'];
export type OrderDisplayPrice = Schemas['OrderDisplayPrice'];
export type FormattedPrice = Schemas['FormattedPrice'];
export type OrderStatus = Schemas['OrderStatus'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type ShippingStatus = Schemas['ShippingStatus'];

/** Every error answer: `{ errors: ApiError[] }`. */
export type ErrorResponse = Schemas['ErrorResponse'];
/** One error entry: `status`, `title`, and where known `detail`, `source` and `meta`. */
export type ApiError = Schemas['Error'];
/** The token endpoint's answer. */
export type AccessToken = Schemas['AccessToken'];
