// The package's browser-safe surface (`@ep-checkout/contract/client`, and the root import in a browser
// bundle): the contract's types, the typed client, the variant guards and the error-source helpers.
// Nothing here may import a Node built-in or read a file: a browser bundle holds all of it.
export type { components, operations, paths } from '../../generated/schema.d.ts';
export type * from './schemas.ts';
export { createCheckoutClient, type CheckoutClient, type CheckoutClientOptions } from '../client.ts';
export { isAccountCheckout, isAccountManagementCheckout, isCustomerIdCheckout, isCustomerObjectCheckout } from './variant-guards.ts';
/** An error's `source` (`data.billing_address.line_1`) to and from the keys of the body field it names, for highlighting a form field. */
export { pathOfSource, sourceOfPath } from '../lib/error-source.ts';
