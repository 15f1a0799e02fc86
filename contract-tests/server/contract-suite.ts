// The contract suite: runs every checkout variant and the rejections the contract promises against
// the target server, and judges each response by the bundled spec and by what the request asked for.
// Defined here and registered by checkout.test.ts (`npm run test:contract`); the teeth meta-test
// registers the very same suite once per broken server.
import { beforeAll, describe, expect, test } from 'vitest';
import { sendCheckout, type CheckoutCall } from '../../src/verify/checkout-client.ts';
import type { ContractConfig } from '../../src/verify/config.ts';
import { statusViolations } from '../../src/verify/expectations.ts';
import { checkErrorSemantics, checkErrorSource, checkOrderSemantics } from '../../src/verify/order-semantics.ts';
import { CheckoutResponseContract } from '../../src/verify/response-contract.ts';
import { requestImplicitToken } from '../../src/verify/tokens.ts';
import { billingAddress, buildVariants, contact, guestCustomer, type CheckoutBody, type Variant } from '../../src/verify/variants.ts';
import { assertNoViolations } from '../../src/verify/violations.ts';

export type ContractSuiteOptions = {
  /** The server under test, asked for when the tests start (a global setup may provide it). */
  baseUrl: () => string;
  config: ContractConfig;
};

// Compiled once per worker and shared by every registration of the suite.
let sharedContract: CheckoutResponseContract | undefined;

export const defineContractSuite = ({ baseUrl: targetBaseUrl, config }: ContractSuiteOptions): void => {
  const contract = (sharedContract ??= new CheckoutResponseContract());
  const variants = buildVariants(config);
  const isSkipped = (variant: Variant): boolean => config.skippedVariants.has(variant.name);
  const variantNamed = (name: Variant['name']): Variant => variants.find((variant) => variant.name === name)!;

  let baseUrl = '';
  let implicitToken: Promise<string> | undefined;
  const tokenOf = (kind: Variant['token']): Promise<string> => {
    if (kind === 'client') return Promise.resolve(config.clientToken);
    implicitToken ??= config.implicitToken ? Promise.resolve(config.implicitToken) : requestImplicitToken(baseUrl);
    return implicitToken;
  };

  beforeAll(() => {
    baseUrl = targetBaseUrl();
  });

  for (const variant of variants) {
    describe(`${variant.name} variant (${variant.title})`, () => {
      test.skipIf(isSkipped(variant))('answers 201 with the order the request asked for', async () => {
        const received = await sendCheckout(baseUrl, {
          reference: config.cartRef,
          token: await tokenOf(variant.token),
          headers: variant.headers,
          body: variant.body,
        });
        const { violations, body } = contract.check(received);
        const semantics = received.status === 201 && body !== undefined ? checkOrderSemantics(variant, body) : [];
        assertNoViolations(variant.name, [...statusViolations(received, 201, 'order created'), ...violations, ...semantics]);
        expect(received.status).toBe(201);
      });
    });
  }

  /**
   * A rejection as the spec documents it by the named example: the status of the response that lists the
   * example, a body in the error shape, entries that repeat the status and name the header the example names.
   */
  const expectRejection = async (label: string, call: CheckoutCall, exampleName: string, why: string): Promise<void> => {
    const documented = contract.documentedError(exampleName);
    const received = await sendCheckout(baseUrl, call);
    const { violations, body } = contract.check(received);
    const semantics = received.status >= 400 && body !== undefined ? [...checkErrorSemantics(received.status, body), ...checkErrorSource(documented.body, body)] : [];
    assertNoViolations(label, [...statusViolations(received, documented.status, why), ...violations, ...semantics]);
    expect(received.status).toBe(documented.status);
  };

  describe('rejections', () => {
    const answered = (exampleName: string): string => `answered ${contract.documentedError(exampleName).status}`;
    // Rejections ride on a variant the target serves, so the only thing wrong is the thing under test.
    const carrier = variants.find((variant) => !isSkipped(variant));
    const carrierCall = async (): Promise<CheckoutCall> => ({
      reference: config.cartRef,
      token: await tokenOf(carrier!.token),
      headers: carrier!.headers,
      body: carrier!.body,
    });

    test.skipIf(!carrier)(`a request without Authorization is ${answered('Unauthorized')}`, async () => {
      const call = await carrierCall();
      await expectRejection(`${carrier!.name}, no Authorization header`, { ...call, token: undefined }, 'Unauthorized', 'no bearer token');
    });

    test.skipIf(!carrier)(`an unknown cart is ${answered('CartNotFound')}`, async () => {
      const call = await carrierCall();
      await expectRejection(`${carrier!.name}, cart ${config.missingCartRef}`, { ...call, reference: config.missingCartRef }, 'CartNotFound', 'no such cart');
    });

    test.skipIf(!carrier)(`a body that breaks the schema is ${answered('ValidationFailed')}`, async () => {
      // @ts-expect-error no billing_address: the generated types refuse this body, as the contract does
      const body: CheckoutBody = { data: { customer: guestCustomer } };
      const call = await carrierCall();
      await expectRejection(`${carrier!.name}, body without billing_address`, { ...call, body }, 'ValidationFailed', 'invalid body');
    });

    test.skipIf(!carrier)(`a body mixing the account and customer variants is ${answered('ValidationFailed')}`, async () => {
      // @ts-expect-error account with customer: no variant allows both, and neither do the generated types
      const body: CheckoutBody = { data: { account: { id: config.accountId }, contact, customer: guestCustomer, billing_address: billingAddress } };
      const call = await carrierCall();
      await expectRejection(`${carrier!.name}, mixed-variant body`, { ...call, body }, 'ValidationFailed', 'matches no variant');
    });

    test.skipIf(!carrier)(`a body that is not JSON is ${answered('MalformedJson')}`, async () => {
      const call = await carrierCall();
      await expectRejection(`${carrier!.name}, malformed JSON`, { ...call, rawBody: '{"data": {' }, 'MalformedJson', 'malformed JSON');
    });

    const accountManagement = variantNamed('account-management');
    test.skipIf(isSkipped(accountManagement))(`the Account Management variant without its header is ${answered('AccountManagementTokenMissing')}, naming the header`, async () => {
      const call = { reference: config.cartRef, token: await tokenOf(accountManagement.token), body: accountManagement.body };
      await expectRejection(`${accountManagement.name}, no EP-Account-Management-Authentication-Token`, call, 'AccountManagementTokenMissing', 'missing required header');
    });

    const account = variantNamed('account');
    test.skipIf(isSkipped(account))(`the Account variant with an implicit token is ${answered('ForbiddenGrant')}`, async () => {
      const call = { reference: config.cartRef, token: await tokenOf('implicit'), headers: account.headers, body: account.body };
      await expectRejection(`${account.name}, implicit-grant token`, call, 'ForbiddenGrant', 'Account checkout needs a client credentials token');
    });
  });
};
