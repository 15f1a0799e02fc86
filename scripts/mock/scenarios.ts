// Answers a frontend can ask for without touching the server, and the spec's rules Prism cannot
// check on its own. Each entry names a declared status and one of its examples in the spec.
import type { MockChoice } from './prism-engine.ts';
import { grantOfBearer } from './tokens.ts';

/** Cart references that always answer with an error (documented in docs/mock.md). */
export const reservedCartReferences: Record<string, Required<MockChoice>> = {
  'insufficient-stock': { code: 400, exampleKey: 'InsufficientStock' },
  'currency-mismatch': { code: 400, exampleKey: 'CurrencyMismatch' },
  missing: { code: 404, exampleKey: 'CartNotFound' },
  'not-found': { code: 404, exampleKey: 'CartNotFound' },
};

export const accountManagementHeader = 'ep-account-management-authentication-token';

interface RequestFacts {
  headers: Record<string, string | undefined>;
}

/** Per variant (the spec's example key), the rule that turns an otherwise valid request into an error. */
export const variantRules: Record<string, (request: RequestFacts) => Required<MockChoice> | undefined> = {
  // The header is optional for the operation but required for this variant (parameter description).
  AccountManagementToken: ({ headers }) =>
    headers[accountManagementHeader] === undefined ? { code: 400, exampleKey: 'AccountManagementTokenMissing' } : undefined,
  // Account checkout needs a client credentials token (security scheme description).
  Account: ({ headers }) =>
    grantOfBearer(headers.authorization) === 'implicit' ? { code: 403, exampleKey: 'ForbiddenGrant' } : undefined,
};
