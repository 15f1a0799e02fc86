// Answers a frontend can ask for without touching the server, and the variant rules Prism cannot
// check on its own (src/lib/checkout-variants.ts states them). Each entry names a declared status
// and one of its examples in the spec.
import { variantByExampleKey } from '../lib/checkout-variants.ts';
import type { MockChoice } from './prism-engine.ts';
import { grantOfBearer } from './tokens.ts';

/**
 * Cart references that always answer with an error (documented in docs/mock.md). A Map, so a cart
 * named `constructor` or `__proto__` is an ordinary cart, not a property every object has.
 */
export const reservedCartReferences: ReadonlyMap<string, Required<MockChoice>> = new Map([
  ['insufficient-stock', { code: 400, exampleKey: 'InsufficientStock' }],
  ['currency-mismatch', { code: 400, exampleKey: 'CurrencyMismatch' }],
  ['missing', { code: 404, exampleKey: 'CartNotFound' }],
  ['not-found', { code: 404, exampleKey: 'CartNotFound' }],
]);

/** Lower-case header names. */
type Headers = Record<string, string | undefined>;

/** The error a valid body of `variant` gets for what its headers lack: its required header first, then its token's grant. */
export const variantRuleBroken = (variant: string, headers: Headers): Required<MockChoice> | undefined => {
  const rules = variantByExampleKey(variant);
  if (!rules) return undefined;
  const { missingHeader, wrongGrant } = rules.refusals;
  if (missingHeader && rules.requiredHeader && headers[rules.requiredHeader.toLowerCase()] === undefined) {
    return { code: missingHeader.status, exampleKey: missingHeader.example };
  }
  if (wrongGrant && grantOfBearer(headers.authorization) !== rules.grant) return { code: wrongGrant.status, exampleKey: wrongGrant.example };
  return undefined;
};

export interface AnswerChoice {
  choice: MockChoice;
  /** What made the choice: a variant rule outranks an unreadable Prefer header. */
  by: 'rule' | 'prefer' | 'reference' | 'variant';
  /** The variant's own success example, to be filled with what the request sent; a named example is sent as it is. */
  reflect: boolean;
}

/**
 * What Prism should answer a request that passed validation: a variant rule's error first, then
 * what the Prefer header asks for, then a reserved cart reference's error, else the variant's own
 * success example.
 */
export const chooseAnswer = (facts: {
  variant?: string;
  headers: Headers;
  params: Record<string, string>;
  preferred: MockChoice;
}): AnswerChoice => {
  const { variant, headers, params, preferred } = facts;
  const rule = variant ? variantRuleBroken(variant, headers) : undefined;
  if (rule) return { choice: rule, by: 'rule', reflect: false };
  if (preferred.exampleKey !== undefined) return { choice: preferred, by: 'prefer', reflect: false };
  if (preferred.code !== undefined) {
    // A success status asked for without an example still gets the order of the body's variant.
    const isError = preferred.code >= 300;
    return { choice: isError ? preferred : { ...preferred, exampleKey: variant }, by: 'prefer', reflect: !isError };
  }
  const reserved = params.reference === undefined ? undefined : reservedCartReferences.get(params.reference);
  return reserved
    ? { choice: reserved, by: 'reference', reflect: false }
    : { choice: { exampleKey: variant }, by: 'variant', reflect: true };
};
