// The contract suite as plain data: one check per checkout variant and per rejection the contract
// promises, each judging the response by the bundled spec and by what its request asked for. Any
// runner can run it: vitest registers each check as a test (contract-tests/server), and
// `ep-checkout verify` runs them itself (./run.ts).
import { sendCheckout, type CheckoutCall } from './checkout-client.ts';
import type { ContractConfig } from './config.ts';
import { statusViolations } from './expectations.ts';
import { checkErrorSemantics, checkErrorSource, checkOrderSemantics } from './order-semantics.ts';
import { CheckoutResponseContract } from './response-contract.ts';
import { tokenSource, type TokenKind, type TokenSource } from './tokens.ts';
import { billingAddress, buildVariants, contact, guestCustomer, shippingAddress, type CheckoutBody, type Variant } from './variants.ts';
import { assertNoViolations } from './violations.ts';

export type ContractCheck = {
  /** The block the check belongs to: a variant, or the rejections. */
  group: string;
  name: string;
  /** Skipped checks are reported as skipped, never as passed. */
  skipped: boolean;
  /** Which tokens the check sends, so a runner can obtain them before it starts. */
  tokens: TokenKind[];
  /** Resolves when the server honours the contract; throws a ContractViolationError (or SlowAnswerError) when not. */
  run(): Promise<void>;
};

export type ContractSuiteOptions = {
  /** The server under test, asked for when a check runs (a test runner's setup may provide it late). */
  baseUrl: () => string;
  config: ContractConfig;
  /** Where tokens come from; by default those of `config`, minted from the target when not given. */
  tokens?: TokenSource;
};

// Compiled once per process and shared by every suite built in it.
let sharedContract: CheckoutResponseContract | undefined;

export const contractChecks = ({ baseUrl, config, tokens }: ContractSuiteOptions): ContractCheck[] => {
  const contract = (sharedContract ??= new CheckoutResponseContract());
  const variants = buildVariants(config);
  const tokenOf = tokens ?? tokenSource(baseUrl, config);
  const isSkipped = (variant: Variant): boolean => config.skippedVariants.has(variant.name);
  const variantNamed = (name: Variant['name']): Variant => variants.find((variant) => variant.name === name)!;
  const send = (call: CheckoutCall, label: string) => sendCheckout(baseUrl(), call, label, config.requestTimeoutMs);

  const variantCheck = (variant: Variant): ContractCheck => ({
    group: `${variant.name} variant (${variant.title})`,
    name: 'answers 201 with the order the request asked for',
    skipped: isSkipped(variant),
    tokens: [variant.token],
    run: async () => {
      const call = { reference: config.cartRef, token: await tokenOf(variant.token), headers: variant.headers, body: variant.body };
      const received = await send(call, variant.name);
      const { violations, body } = contract.check(received);
      const semantics = received.status === 201 && body !== undefined ? checkOrderSemantics(variant, body) : [];
      assertNoViolations(variant.name, [...statusViolations(received, 201, 'order created'), ...violations, ...semantics]);
    },
  });

  /**
   * A rejection as the spec documents it by the named example: the status of the response that lists the
   * example, a body in the error shape, entries that repeat the status and name the field or header the example names.
   */
  const expectRejection = async (label: string, call: CheckoutCall, exampleName: string, why: string): Promise<void> => {
    const documented = contract.documentedError(exampleName);
    const received = await send(call, label);
    const { violations, body } = contract.check(received);
    const semantics =
      received.status >= 400 && body !== undefined ? [...checkErrorSemantics(received.status, body), ...checkErrorSource(documented.body, body)] : [];
    assertNoViolations(label, [...statusViolations(received, documented.status, why), ...violations, ...semantics]);
  };
  const answered = (exampleName: string): string => `answered ${contract.documentedError(exampleName).status}`;

  // Rejections ride on a variant the target serves, so the only thing wrong is the thing under test.
  const carrier = variants.find((variant) => !isSkipped(variant));
  const carrierCall = async (changes: Partial<CheckoutCall>): Promise<CheckoutCall> => ({
    reference: config.cartRef,
    token: await tokenOf(carrier!.token),
    headers: carrier!.headers,
    body: carrier!.body,
    ...changes,
  });
  const carried = (name: string, what: string, exampleName: string, why: string, changes: () => Partial<CheckoutCall>): ContractCheck => ({
    group: 'rejections',
    name: `${name} is ${answered(exampleName)}`,
    skipped: !carrier,
    tokens: carrier ? [carrier.token] : [],
    run: async () => expectRejection(`${carrier!.name}, ${what}`, await carrierCall(changes()), exampleName, why),
  });

  const accountManagement = variantNamed('account-management');
  const account = variantNamed('account');
  return [
    ...variants.map(variantCheck),
    carried('a request without Authorization', 'no Authorization header', 'Unauthorized', 'no bearer token', () => ({ token: undefined })),
    carried('an unknown cart', `cart ${config.missingCartRef}`, 'CartNotFound', 'no such cart', () => ({ reference: config.missingCartRef })),
    carried('a body that breaks the schema', 'body without billing_address', 'ValidationFailed', 'invalid body', () => {
      // @ts-expect-error no billing_address: the generated types refuse this body, as the contract does
      const body: CheckoutBody = { data: { customer: guestCustomer, shipping_address: shippingAddress } };
      return { body };
    }),
    carried('a body mixing the account and customer variants', 'mixed-variant body', 'ValidationFailed', 'matches no variant', () => {
      // @ts-expect-error account with customer: no variant allows both, and neither do the generated types
      const body: CheckoutBody = { data: { account: { id: config.accountId }, contact, customer: guestCustomer, billing_address: billingAddress, shipping_address: shippingAddress } };
      return { body };
    }),
    carried('an address with neither region nor county', 'billing address without region or county', 'ValidationFailed', 'an address needs region or county', () => {
      const { region: _region, ...withoutRegion } = billingAddress;
      // @ts-expect-error an address names at least one of region and county, in the generated types too
      const body: CheckoutBody = { data: { customer: guestCustomer, billing_address: withoutRegion, shipping_address: shippingAddress } };
      return { body };
    }),
    carried('a body that is not JSON', 'malformed JSON', 'MalformedJson', 'malformed JSON', () => ({ rawBody: '{"data": {' })),
    {
      group: 'rejections',
      name: `the Account Management variant without its header is ${answered('AccountManagementTokenMissing')}, naming the header`,
      skipped: isSkipped(accountManagement),
      tokens: [accountManagement.token],
      run: async () => {
        const call = { reference: config.cartRef, token: await tokenOf(accountManagement.token), body: accountManagement.body };
        await expectRejection(`${accountManagement.name}, no EP-Account-Management-Authentication-Token`, call, 'AccountManagementTokenMissing', 'missing required header');
      },
    },
    {
      group: 'rejections',
      name: `the Account variant with an implicit token is ${answered('ForbiddenGrant')}`,
      skipped: isSkipped(account),
      tokens: ['implicit'],
      run: async () => {
        const call = { reference: config.cartRef, token: await tokenOf('implicit'), headers: account.headers, body: account.body };
        await expectRejection(`${account.name}, implicit-grant token`, call, 'ForbiddenGrant', 'Account checkout needs a client credentials token');
      },
    },
  ];
};
