// Type-level comparison of Elastic Path's shopper SDK (@epcc-sdk/sdks-shopper, generated from Elastic
// Path's published OpenAPI files) with generated/schema.d.ts, checked by `tsc` in `npm run lint`.
// Each direction is a compile-time assertion. Each `@ts-expect-error` marks a difference that
// docs/decisions.md records with its reason ("The shopper SDK and this contract"); when a difference
// goes away, tsc fails on the unused directive, and the record must go too.
import type {
  AccountCheckout as SdkAccountCheckout,
  AddressCommon as SdkAddressCommon,
  BillingAddress as SdkBillingAddress,
  CheckoutApiData,
  CustomerCheckout as SdkCustomerCheckout,
  OrderEntityResponse as SdkOrderEntityResponse,
  OrderItemResponse as SdkOrderItem,
  OrderMeta as SdkOrderMeta,
  OrderResponse as SdkOrder,
  ResponseErrorItem as SdkErrorItem,
  ShippingAddress as SdkShippingAddress,
} from '@epcc-sdk/sdks-shopper';
import type { components } from '../../generated/schema.d.ts';

type Schemas = components['schemas'];

/** True when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** True when every A is a B. */
type Assignable<A, B> = [A] extends [B] ? true : false;
const holds = <T extends true>(): T => true as T;

/** The keys a body may send: without those a variant declares NotAllowed (typed `never`). */
type SendableKeys<T> = keyof { [K in keyof T as [NonNullable<T[K]>] extends [never] ? never : K]: T[K] };
/** The keys a type names, without those of an index signature (an open object's `[key: string]`). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
/** An SDK type's `data` member, which the SDK makes optional. */
type DataOf<T extends { data?: unknown }> = NonNullable<T['data']>;

// Ours -> SDK: every body and answer of this contract is one the SDK's types accept.
export const oursToSdk = [
  holds<Assignable<Schemas['CheckoutRequest'], NonNullable<CheckoutApiData['body']>>>(),
  holds<Assignable<{ data: Schemas['AccountCheckout'] }, SdkAccountCheckout>>(),
  holds<Assignable<{ data: Schemas['AccountManagementCheckout'] }, SdkAccountCheckout>>(),
  holds<Assignable<{ data: Schemas['CustomerIdCheckout'] }, SdkCustomerCheckout>>(),
  holds<Assignable<{ data: Schemas['CustomerObjectCheckout'] }, SdkCustomerCheckout>>(),
  holds<Assignable<Schemas['Address'], SdkBillingAddress>>(),
  holds<Assignable<Schemas['ShippingAddress'], SdkShippingAddress>>(),
  holds<Assignable<Schemas['Order'], SdkOrder>>(),
  holds<Assignable<Schemas['OrderItem'], SdkOrderItem>>(),
  holds<Assignable<Schemas['OrderResponse'], SdkOrderEntityResponse>>(),
  holds<Assignable<Schemas['Error'], SdkErrorItem>>(),
];

// SDK -> ours, whole types that hold: the SDK's addresses are ones this contract accepts.
export const sdkToOursHolding = [
  holds<Assignable<SdkBillingAddress, Schemas['Address']>>(),
  holds<Assignable<SdkShippingAddress, Schemas['ShippingAddress']>>(),
];

// SDK -> ours, field by field: the SDK declares the fields this contract declares.
export const sameFields = [
  holds<Equal<keyof DataOf<SdkAccountCheckout>, SendableKeys<Schemas['AccountCheckout']>>>(),
  holds<Equal<keyof DataOf<SdkCustomerCheckout>, SendableKeys<Schemas['CustomerObjectCheckout']>>>(),
  holds<Equal<keyof DataOf<SdkCustomerCheckout>, SendableKeys<Schemas['CustomerIdCheckout']> | 'customer'>>(),
  holds<Equal<keyof NonNullable<DataOf<SdkCustomerCheckout>['customer']>, keyof Schemas['CustomerReference'] | keyof Schemas['CustomerDetails']>>(),
  holds<Equal<keyof NonNullable<DataOf<SdkAccountCheckout>['account']>, keyof Schemas['AccountReference']>>(),
  holds<Equal<keyof NonNullable<DataOf<SdkAccountCheckout>['contact']>, keyof Schemas['Contact']>>(),
  holds<Equal<keyof SdkAddressCommon, keyof Schemas['Address']>>(),
  holds<Equal<keyof SdkErrorItem, keyof Schemas['Error']>>(),
];

/** Order item fields of discounts, promotions, stock locations, catalogs, bundles, custom inputs, shipping groups and subscriptions, which no seed shows. */
type OrderItemExtras =
  | 'discounts'
  | 'promotion_source'
  | 'promotion_action_id'
  | 'location'
  | 'catalog_id'
  | 'catalog_source'
  | 'bundle_configuration'
  | 'components'
  | 'custom_inputs'
  | 'custom_attributes'
  | 'shipping_group_id'
  | 'subscription_offering_id'
  | 'subscription_configuration';

// SDK -> ours: the differences docs/decisions.md records, each exactly.
export const sdkToOurs = [
  // The SDK makes `data` and most fields optional; the contract requires what the seeds require (docs/decisions.md).
  // @ts-expect-error the SDK's Account body may leave out account, contact and billing_address
  holds<Assignable<DataOf<SdkAccountCheckout>, Schemas['AccountCheckout']>>(),
  // @ts-expect-error the SDK's customer body is one type for two variants: customer {id, name, email} all optional
  holds<Assignable<DataOf<SdkCustomerCheckout>, Schemas['CustomerIdCheckout'] | Schemas['CustomerObjectCheckout']>>(),
  // @ts-expect-error the SDK's order has every field optional
  holds<Assignable<SdkOrder, Schemas['Order']>>(),
  // @ts-expect-error only meta.value differs: openapi-typescript types this contract's object-valued value as an empty record
  holds<Assignable<SdkErrorItem, Schemas['Error']>>(),
  // Fields of the order's later life (payment, anonymisation, custom attributes) no seed response shows.
  holds<Equal<Exclude<keyof SdkOrder, 'anonymized' | 'payment_intent_id' | 'custom_attributes'>, keyof Schemas['Order']>>(),
  holds<Equal<Exclude<keyof SdkOrderMeta, 'is_manual'>, keyof Schemas['OrderMeta']>>(),
  holds<
    Equal<
      Exclude<keyof NonNullable<SdkOrderMeta['display_price']>, 'without_discount' | 'shipping' | 'shipping_discount'>,
      keyof Schemas['OrderDisplayPrice']
    >
  >(),
  holds<Equal<Exclude<keyof SdkOrderItem, OrderItemExtras>, keyof Schemas['OrderItem']>>(),
  // The SDK's error meta also names `error-meta-key` (payment rejections); meta stays open here.
  holds<Equal<Exclude<keyof NonNullable<SdkErrorItem['meta']>, 'error-meta-key'>, NamedKeys<NonNullable<Schemas['Error']['meta']>>>>(),
];
