// The contract's four checkout variants in one place: each one's names (the spec's example key,
// the `verify` name, the title the docs use), the token grant it needs, the header it requires,
// the spec's error example for a request that breaks its rule, and the relationships its order
// carries. The mock's variant rules, `verify`'s variants, the teeth and the tests derive from this
// list. Sources: the BearerToken security scheme's description and the parameters' descriptions in
// openapi/ (docs/decisions.md). `verify`'s expected values (bodies, ids) stay its own.

export type Grant = 'client_credentials' | 'implicit';
export type Relationship = 'account' | 'account_member' | 'customer';
export type VariantName = 'account' | 'account-management' | 'customer-id' | 'customer-object';

/** A response the spec declares, named by status and example key. */
export interface SpecExample {
  status: number;
  example: string;
}

export interface CheckoutVariant {
  /** The key of the variant's request and 201 examples in the spec (and in the mock's log and `Prefer`). */
  exampleKey: 'Account' | 'AccountManagementToken' | 'CustomerId' | 'CustomerObject';
  /** Its name in `ep-checkout verify` (`--skip-variant`) and the suite's report. */
  name: VariantName;
  /** As the request schema's title and the docs name it. */
  title: string;
  /** The grant of the token it is sent with; 'either' when both grants are accepted. */
  grant: Grant | 'either';
  /** A header the variant requires, as the spec spells it. */
  requiredHeader?: string;
  /** What the API answers a request of this variant that lacks `requiredHeader`, or sends a token of another grant. */
  refusals: { missingHeader?: SpecExample; wrongGrant?: SpecExample };
  /** Relationships an order of this variant carries (when the request names them), and those it never carries. */
  relationships: { carries: readonly Relationship[]; never: readonly Relationship[] };
}

export const accountManagementHeader = 'EP-Account-Management-Authentication-Token';

export const checkoutVariants: readonly CheckoutVariant[] = [
  {
    exampleKey: 'Account',
    name: 'account',
    title: 'Account',
    grant: 'client_credentials',
    refusals: { wrongGrant: { status: 403, example: 'ForbiddenGrant' } },
    relationships: { carries: ['account', 'account_member'], never: ['customer'] },
  },
  {
    exampleKey: 'AccountManagementToken',
    name: 'account-management',
    title: 'Account Management token',
    grant: 'implicit',
    requiredHeader: accountManagementHeader,
    refusals: { missingHeader: { status: 400, example: 'AccountManagementTokenMissing' } },
    relationships: { carries: ['account', 'account_member'], never: ['customer'] },
  },
  {
    exampleKey: 'CustomerId',
    name: 'customer-id',
    title: 'Customer ID',
    grant: 'either',
    refusals: {},
    relationships: { carries: ['customer'], never: ['account', 'account_member'] },
  },
  {
    exampleKey: 'CustomerObject',
    name: 'customer-object',
    title: 'Customer object',
    grant: 'either',
    refusals: {},
    relationships: { carries: [], never: ['account', 'account_member'] },
  },
];

export const variantByExampleKey = (exampleKey: string): CheckoutVariant | undefined =>
  checkoutVariants.find((variant) => variant.exampleKey === exampleKey);

export const variantNamed = (name: VariantName): CheckoutVariant => checkoutVariants.find((variant) => variant.name === name)!;
