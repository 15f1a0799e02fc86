// The contract suite as plain data: one check per checkout variant, per generated family of bodies,
// per rejection the contract promises and for the token endpoint, each judging the response by the
// bundled spec and by what its request asked for, and each naming what its verdict rests on
// (./evidence.ts). Any runner can run it: vitest registers each check as a test (contract-tests/server),
// and `ep-checkout verify` runs them itself (./run.ts).
import { randomBytes } from 'node:crypto';
import { checkoutVariants } from '../lib/checkout-variants.ts';
import { sendCheckout, type CheckoutCall } from './checkout-client.ts';
import type { ContractConfig } from './config.ts';
import { evidence, type Basis } from './evidence.ts';
import { statusViolations } from './expectations.ts';
import { BodyGenerator } from './generated-bodies.ts';
import { checkGeneratedInvalidBodies, checkGeneratedValidBodies, type GenerationContext } from './generated-checks.ts';
import { checkErrorNamesField, checkErrorSemantics, checkErrorSource, checkOrderSemantics } from './order-semantics.ts';
import { ResponseContract, specValidator, tokenPath } from './response-contract.ts';
import { checkTokenAnswer } from './token-answer.ts';
import { aTokenOf, grants, otherTokenKind, tokenKinds, tokenSource, type TokenKind, type TokenSource } from './tokens.ts';
import { billingAddress, buildVariants, contact, guestCustomer, shippingAddress, storeReferences, type CheckoutBody, type Variant } from './variants.ts';
import { assertNoViolations, type Violation } from './violations.ts';

export type ContractCheck = {
  /** The block the check belongs to: a variant, the rejections, or the token endpoint. */
  group: string;
  name: string;
  /** What the check's verdict rests on; a check resting on our judgement alone is advisory. */
  source: Basis;
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

/** A token no server issued: one that takes any token serves it. */
export const neverIssuedToken = (): string => `ep-checkout-verify-never-issued-${randomBytes(12).toString('hex')}`;

// Compiled once per process and shared by every suite built in it.
let shared: { checkout: ResponseContract; token: ResponseContract } | undefined;

export const contractChecks = ({ baseUrl, config, tokens }: ContractSuiteOptions): ContractCheck[] => {
  shared ??= { checkout: new ResponseContract(), token: new ResponseContract(tokenPath) };
  const contract = shared.checkout;
  const variants = buildVariants(config);
  const tokenOf = tokens ?? tokenSource(baseUrl, config);
  const isSkipped = (variant: Variant): boolean => config.skippedVariants.has(variant.name);
  const variantNamed = (name: Variant['name']): Variant => variants.find((variant) => variant.name === name)!;
  const send = (call: CheckoutCall, label: string) => sendCheckout(baseUrl(), call, label, config.requestTimeoutMs);
  const sentOf = (call: CheckoutCall): unknown => call.rawBody ?? call.body;
  const variantCall = async (variant: Variant) => ({ reference: config.cartRef, token: await tokenOf(variant.token), headers: variant.headers });

  const variantCheck = (variant: Variant): ContractCheck => ({
    group: `${variant.name} variant (${variant.title})`,
    name: 'answers 201 with the order the request asked for',
    source: evidence.validBody,
    skipped: isSkipped(variant),
    tokens: [variant.token],
    run: async () => {
      const call = { ...(await variantCall(variant)), body: variant.body };
      const received = await send(call, variant.name);
      const { violations, body } = contract.check(received);
      const semantics = received.status === 201 && body !== undefined ? checkOrderSemantics(variant, variant.body, body) : [];
      assertNoViolations(variant.name, [...statusViolations(received, 201, 'order created'), ...violations, ...semantics], evidence.validBody, variant.body);
    },
  });

  const generation: GenerationContext = { baseUrl, config, contract, send, generator: new BodyGenerator(specValidator(), storeReferences(config), contract.operation.variants!.branches) };
  const generatedChecks = (variant: Variant): ContractCheck[] => [
    {
      group: `${variant.name} variant (${variant.title})`,
      name: `answers 201 with its own data to ${config.examples} generated valid bodies and two corner ones (seed ${config.seed})`,
      source: evidence.validBody,
      skipped: isSkipped(variant) || config.examples === 0,
      tokens: [variant.token],
      run: async () => checkGeneratedValidBodies(generation, variant, await variantCall(variant)),
    },
    {
      group: `${variant.name} variant (${variant.title})`,
      name: 'answers 400 naming the field to each body with one field broken (left out, emptied, too long, wrong format)',
      source: evidence.requiredFields,
      skipped: isSkipped(variant) || config.examples === 0,
      tokens: [variant.token],
      run: async () => checkGeneratedInvalidBodies(generation, variant, await variantCall(variant)),
    },
  ];

  /**
   * A rejection as the spec documents it by the named example: the status of the response that lists the
   * example, a body in the error shape, entries that repeat the status and name the field or header the example names.
   */
  const expectRejection = async (label: string, call: CheckoutCall, exampleName: string, why: string, basis: Basis, more: (body: unknown) => Violation[] = () => []): Promise<void> => {
    const documented = contract.documentedError(exampleName);
    const received = await send(call, label);
    const { violations, body } = contract.check(received);
    const semantics =
      received.status >= 400 && body !== undefined ? [...checkErrorSemantics(received.status, body), ...checkErrorSource(documented.body, body), ...more(body)] : [];
    assertNoViolations(label, [...statusViolations(received, documented.status, why, basis), ...violations, ...semantics], basis, sentOf(call));
  };
  const answered = (exampleName: string): string => `answered ${contract.documentedError(exampleName).status}`;

  // Rejections ride on a variant the target serves, so the only thing wrong is the thing under test.
  const carrier = variants.find((variant) => !isSkipped(variant));
  const carrierCall = async (changes: Partial<CheckoutCall>): Promise<CheckoutCall> => ({ ...(await variantCall(carrier!)), body: carrier!.body, ...changes });
  type Rejection = { name: string; what: string; example: string; why: string; source: Basis; changes: () => Partial<CheckoutCall>; more?: (body: unknown) => Violation[] };
  const carried = ({ name, what, example, why, source, changes, more }: Rejection): ContractCheck => ({
    group: 'rejections',
    name: `${name} is ${answered(example)}`,
    source,
    skipped: !carrier,
    tokens: carrier ? [carrier.token] : [],
    run: async () => expectRejection(`${carrier!.name}, ${what}`, await carrierCall(changes()), example, why, source, more),
  });

  const tooLongExternalRef = 'x'.repeat(65);

  // The variant rules of the one variant model (src/lib/checkout-variants.ts): a variant sent without the
  // header it requires, or with a token of the other grant, is refused as the spec's example the model names.
  const missingHeaderChecks = checkoutVariants.flatMap(({ name, title, requiredHeader, refusals: { missingHeader } }): ContractCheck[] => {
    if (!missingHeader || !requiredHeader) return [];
    const variant = variantNamed(name);
    const headers = Object.fromEntries(Object.entries(variant.headers).filter(([header]) => header !== requiredHeader));
    return [
      {
        group: 'rejections',
        name: `the ${title} variant without its header is ${answered(missingHeader.example)}, naming the header`,
        source: evidence.accountManagementHeader,
        skipped: isSkipped(variant),
        tokens: [variant.token],
        run: async () => {
          const call = { ...(await variantCall(variant)), headers, body: variant.body };
          await expectRejection(`${name}, no ${requiredHeader}`, call, missingHeader.example, 'missing required header', evidence.accountManagementHeader);
        },
      },
    ];
  });
  const wrongGrantChecks = checkoutVariants.flatMap(({ name, title, grant, refusals: { wrongGrant } }): ContractCheck[] => {
    if (!wrongGrant || grant === 'either') return [];
    const variant = variantNamed(name);
    const other = otherTokenKind(grant);
    return [
      {
        group: 'rejections',
        name: `the ${title} variant with ${aTokenOf(other)} token is ${answered(wrongGrant.example)}`,
        source: evidence.forbiddenGrant,
        skipped: isSkipped(variant),
        tokens: [other],
        run: async () => {
          const call = { reference: config.cartRef, token: await tokenOf(other), headers: variant.headers, body: variant.body };
          await expectRejection(`${name}, ${grants[other]}-grant token`, call, wrongGrant.example, `${title} checkout needs ${aTokenOf(variant.token)} token`, evidence.forbiddenGrant);
        },
      },
    ];
  });

  const tokenChecks = tokenKinds.map(
    (kind): ContractCheck => ({
      group: 'token endpoint',
      name: `answers ${aTokenOf(kind)} token request as the spec says, with expires in the future and agreeing with expires_in`,
      source: evidence.tokenAnswer,
      skipped: !tokenOf.mints(kind) || !variants.some((variant) => !isSkipped(variant) && variant.token === kind),
      tokens: [kind],
      run: async () => {
        await tokenOf(kind);
        const answer = tokenOf.answer(kind)!;
        const { violations, body } = shared!.token.check(answer.received);
        assertNoViolations(`token endpoint, ${kind}`, [...violations, ...(body === undefined ? [] : checkTokenAnswer(body, answer.receivedAt, kind))], evidence.tokenAnswer);
      },
    }),
  );

  return [
    ...tokenChecks,
    ...variants.flatMap((variant) => [variantCheck(variant), ...generatedChecks(variant)]),
    carried({ name: 'a request without Authorization', what: 'no Authorization header', example: 'Unauthorized', why: 'no bearer token', source: evidence.unauthorized, changes: () => ({ token: undefined }) }),
    carried({
      name: 'a request with a bearer token the server never issued',
      what: 'a token never issued',
      example: 'Unauthorized',
      why: 'a token the server never issued',
      source: evidence.unauthorized,
      changes: () => ({ token: neverIssuedToken() }),
    }),
    carried({ name: 'an unknown cart', what: `cart ${config.missingCartRef}`, example: 'CartNotFound', why: 'no such cart', source: evidence.notFound, changes: () => ({ reference: config.missingCartRef }) }),
    carried({
      name: 'a body that breaks the schema',
      what: 'body without billing_address',
      example: 'ValidationFailed',
      why: 'invalid body',
      source: evidence.requiredFields,
      changes: () => {
        // @ts-expect-error no billing_address: the generated types refuse this body, as the contract does
        const body: CheckoutBody = { data: { customer: guestCustomer, shipping_address: shippingAddress } };
        return { body };
      },
    }),
    carried({
      name: 'a body mixing the account and customer variants',
      what: 'mixed-variant body',
      example: 'ValidationFailed',
      why: 'matches no variant',
      source: evidence.mixedBody,
      changes: () => {
        // @ts-expect-error account with customer: no variant allows both, and neither do the generated types
        const body: CheckoutBody = { data: { account: { id: config.accountId }, contact, customer: guestCustomer, billing_address: billingAddress, shipping_address: shippingAddress } };
        return { body };
      },
    }),
    carried({
      name: 'an address with neither region nor county',
      what: 'billing address without region or county',
      example: 'ValidationFailed',
      why: 'an address needs region or county',
      source: evidence.regionOrCounty,
      changes: () => {
        const { region: _region, ...withoutRegion } = billingAddress;
        // @ts-expect-error an address names at least one of region and county, in the generated types too
        const body: CheckoutBody = { data: { customer: guestCustomer, billing_address: withoutRegion, shipping_address: shippingAddress } };
        return { body };
      },
    }),
    carried({
      name: 'an external_ref of 65 characters',
      what: 'external_ref of 65 characters',
      example: 'ValidationFailed',
      why: 'external_ref holds at most 64 characters',
      source: evidence.externalRefLength,
      changes: () => ({ body: { data: { ...carrier!.body.data, external_ref: tooLongExternalRef } } as CheckoutBody }),
      more: (body) => checkErrorNamesField('data.external_ref', body),
    }),
    carried({ name: 'a body that is not JSON', what: 'malformed JSON', example: 'MalformedJson', why: 'malformed JSON', source: evidence.malformedJson, changes: () => ({ rawBody: '{"data": {' }) }),
    carried({
      name: 'a body sent as text/plain',
      what: 'body sent as text/plain',
      example: 'UnsupportedMediaType',
      why: 'the body is not sent as JSON',
      source: evidence.unsupportedMediaType,
      changes: () => ({ rawBody: JSON.stringify(carrier!.body), contentType: 'text/plain' }),
    }),
    ...missingHeaderChecks,
    ...wrongGrantChecks,
  ];
};
