// What the contract suite needs to know about the server under test, read from the environment.
// Every default works against this project's mock, so `npm run test:contract` needs no setup.

export const variantNames = ['account', 'account-management', 'customer-id', 'customer-object'] as const;
export type VariantName = (typeof variantNames)[number];

export type ContractConfig = {
  clientToken: string;
  /** Undefined when not set: the suite then asks the target's `POST /oauth/access_token` for one. */
  implicitToken: string | undefined;
  accountManagementToken: string;
  customerToken: string;
  cartRef: string;
  missingCartRef: string;
  accountId: string;
  accountMemberId: string;
  customerId: string;
  currency: string;
  skippedVariants: ReadonlySet<VariantName>;
};

/** One row per environment variable: the table in docs/contract-tests.md mirrors this list. */
export const environmentDefaults = {
  CONTRACT_TOKEN: 'contract-tests-client-credentials-token',
  CONTRACT_AM_TOKEN: 'contract-tests-account-management-token',
  CONTRACT_CUSTOMER_TOKEN: 'contract-tests-customer-token',
  CONTRACT_CART_REF: 'contract-tests-cart',
  CONTRACT_MISSING_CART_REF: 'not-found',
  CONTRACT_ACCOUNT_ID: '0f8f3b1e-6c2a-4d7e-9a51-3c9e2b7d4a10',
  CONTRACT_ACCOUNT_MEMBER_ID: '5b2d9c47-1e8a-4f36-b0d2-7a4c6e9f1b23',
  CONTRACT_CUSTOMER_ID: '9e4a7c21-3b6d-4f58-8a1e-2d7b5c9f0e34',
  CONTRACT_CURRENCY: 'USD',
} as const;

const read = (env: NodeJS.ProcessEnv, name: keyof typeof environmentDefaults): string =>
  env[name]?.trim() || environmentDefaults[name];

export const parseSkippedVariants = (value: string | undefined): Set<VariantName> => {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(variantNames as readonly string[]).includes(name));
  // A typo must not silently test a variant the caller meant to skip, nor skip nothing.
  if (unknown.length > 0) {
    throw new Error(`CONTRACT_SKIP_VARIANTS names unknown variants: ${unknown.join(', ')} (known: ${variantNames.join(', ')})`);
  }
  return new Set(names as VariantName[]);
};

export const readContractConfig = (env: NodeJS.ProcessEnv = process.env): ContractConfig => ({
  clientToken: read(env, 'CONTRACT_TOKEN'),
  implicitToken: env.CONTRACT_IMPLICIT_TOKEN?.trim() || undefined,
  accountManagementToken: read(env, 'CONTRACT_AM_TOKEN'),
  customerToken: read(env, 'CONTRACT_CUSTOMER_TOKEN'),
  cartRef: read(env, 'CONTRACT_CART_REF'),
  missingCartRef: read(env, 'CONTRACT_MISSING_CART_REF'),
  accountId: read(env, 'CONTRACT_ACCOUNT_ID'),
  accountMemberId: read(env, 'CONTRACT_ACCOUNT_MEMBER_ID'),
  customerId: read(env, 'CONTRACT_CUSTOMER_ID'),
  currency: read(env, 'CONTRACT_CURRENCY'),
  skippedVariants: parseSkippedVariants(env.CONTRACT_SKIP_VARIANTS),
});
