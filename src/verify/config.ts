// What the contract suite needs to know about the server under test, read from the environment
// (CONTRACT_*) and, for `ep-checkout verify`, from flags that override it. Data defaults (cart,
// account, customer) work against this project's mock; tokens have no default: they are given, or
// minted from the server's own `POST /oauth/access_token` with a client id (and secret) given.

import { checkoutVariants, type VariantName } from '../lib/checkout-variants.ts';

export type { VariantName };
export const variantNames: readonly VariantName[] = checkoutVariants.map((variant) => variant.name);

export type ContractConfig = {
  /** A client credentials token; undefined: minted with `clientId` and `clientSecret`. */
  clientToken: string | undefined;
  /** An implicit token; undefined: minted with `clientId`. */
  implicitToken: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  accountManagementToken: string;
  customerToken: string;
  cartRef: string;
  missingCartRef: string;
  accountId: string;
  accountMemberId: string;
  customerId: string;
  currency: string;
  skippedVariants: ReadonlySet<VariantName>;
  /** How long one request may take before its check fails. */
  requestTimeoutMs: number;
};

/** One row per environment variable with a default: the table in docs/contract-tests.md mirrors this list. */
export const environmentDefaults = {
  CONTRACT_AM_TOKEN: 'contract-tests-account-management-token',
  CONTRACT_CUSTOMER_TOKEN: 'contract-tests-customer-token',
  CONTRACT_CART_REF: 'contract-tests-cart',
  CONTRACT_MISSING_CART_REF: 'not-found',
  CONTRACT_ACCOUNT_ID: '0f8f3b1e-6c2a-4d7e-9a51-3c9e2b7d4a10',
  CONTRACT_ACCOUNT_MEMBER_ID: '5b2d9c47-1e8a-4f36-b0d2-7a4c6e9f1b23',
  CONTRACT_CUSTOMER_ID: '9e4a7c21-3b6d-4f58-8a1e-2d7b5c9f0e34',
  CONTRACT_CURRENCY: 'USD',
  CONTRACT_TIMEOUT_MS: '10000',
} as const;

/** Variables with no default: unset means "mint it" (tokens) or "not given" (client credentials). */
export const optionalVariables = ['CONTRACT_TOKEN', 'CONTRACT_IMPLICIT_TOKEN', 'CONTRACT_CLIENT_ID', 'CONTRACT_CLIENT_SECRET'] as const;

/** A setting that makes the run impossible: `ep-checkout verify` exits 2 on it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Environment = Record<string, string | undefined>;

const read = (env: Environment, name: keyof typeof environmentDefaults): string => env[name]?.trim() || environmentDefaults[name];
const optional = (env: Environment, name: (typeof optionalVariables)[number]): string | undefined => env[name]?.trim() || undefined;

const names = (value: string | undefined, setting: string): VariantName[] => {
  const listed = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = listed.filter((name) => !(variantNames as readonly string[]).includes(name));
  // A typo must not silently test a variant the caller meant to skip, nor skip nothing.
  if (unknown.length > 0) throw new ConfigError(`${setting} names unknown variants: ${unknown.join(', ')} (known: ${variantNames.join(', ')})`);
  return listed as VariantName[];
};

export const parseSkippedVariants = (value: string | undefined): Set<VariantName> => new Set(names(value, 'CONTRACT_SKIP_VARIANTS'));

/** The variants left out when only `value` (a comma-separated list) is to run. */
export const skippedUnlessListed = (value: string): Set<VariantName> => {
  const wanted = names(value, '--variants');
  if (wanted.length === 0) throw new ConfigError('--variants names no variant');
  return new Set(variantNames.filter((name) => !wanted.includes(name)));
};

export const parseTimeout = (value: string, setting: string): number => {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new ConfigError(`${setting} must be a whole number of milliseconds above 0, not "${value}"`);
  return ms;
};

export const readContractConfig = (env: Environment = process.env): ContractConfig => ({
  clientToken: optional(env, 'CONTRACT_TOKEN'),
  implicitToken: optional(env, 'CONTRACT_IMPLICIT_TOKEN'),
  clientId: optional(env, 'CONTRACT_CLIENT_ID'),
  clientSecret: optional(env, 'CONTRACT_CLIENT_SECRET'),
  accountManagementToken: read(env, 'CONTRACT_AM_TOKEN'),
  customerToken: read(env, 'CONTRACT_CUSTOMER_TOKEN'),
  cartRef: read(env, 'CONTRACT_CART_REF'),
  missingCartRef: read(env, 'CONTRACT_MISSING_CART_REF'),
  accountId: read(env, 'CONTRACT_ACCOUNT_ID'),
  accountMemberId: read(env, 'CONTRACT_ACCOUNT_MEMBER_ID'),
  customerId: read(env, 'CONTRACT_CUSTOMER_ID'),
  currency: read(env, 'CONTRACT_CURRENCY'),
  skippedVariants: parseSkippedVariants(env.CONTRACT_SKIP_VARIANTS),
  requestTimeoutMs: parseTimeout(read(env, 'CONTRACT_TIMEOUT_MS'), 'CONTRACT_TIMEOUT_MS'),
});
