// A failure message must name the variant, the JSON pointer, what the contract expects and what
// the server sent; these are built from real checks of bodies that break the contract.
import { describe, expect, test } from 'vitest';
import { variantNamed } from '../../src/lib/checkout-variants.ts';
import { operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { readContractConfig } from '../../src/verify/config.ts';
import { checkOrderSemantics } from '../../src/verify/order-semantics.ts';
import { ResponseContract, checkoutPath, specValidator } from '../../src/verify/response-contract.ts';
import { buildVariants } from '../../src/verify/variants.ts';
import { ContractViolationError, assertNoViolations } from '../../src/verify/violations.ts';

const contract = new ResponseContract();
const checkoutOperation = operationAt(readSpecOperations(specValidator()), checkoutPath);
const declaredStatuses = [...checkoutOperation.responseExamples.keys()].join(', ');
const customerObject = buildVariants(readContractConfig({})).find((variant) => variant.name === 'customer-object')!;

const messageOf = (variant: string, violations: Parameters<typeof assertNoViolations>[1]): string => {
  try {
    assertNoViolations(variant, violations);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractViolationError);
    return (error as Error).message;
  }
  throw new Error('assertNoViolations accepted violations');
};

describe('failure messages', () => {
  test('a schema violation names variant, pointer, expectation and the value sent', () => {
    const { violations } = contract.check({ status: 404, contentType: 'application/json', bodyText: '{"errors":[{"status":"404","title":"Not found","detail":"x"}]}' });
    const message = messageOf('customer-object', violations);
    expect(message).toMatch(/\[customer-object\] at body \/errors\/0\/status: expected the value to be integer \(ErrorResponse schema, keyword [^)]*status\/type\); server sent "404"/);
  });

  test('a missing property is named by its own pointer', () => {
    const { violations } = contract.check({ status: 401, contentType: 'application/json', bodyText: '{"errors":[{"status":401,"detail":"No token"}]}' });
    expect(messageOf('account', violations)).toContain('[account] at body /errors/0/title: expected required property "title"');
  });

  test('an undeclared status and content type are named as such', () => {
    const status = contract.check({ status: 500, contentType: 'application/json', bodyText: '{}' }).violations;
    expect(messageOf('account', status)).toContain(`[account] at HTTP status: expected one of the declared statuses ${declaredStatuses}; server sent 500`);
    const contentType = contract.check({ status: 404, contentType: 'text/html', bodyText: '<h1>404</h1>' }).violations;
    expect(messageOf('account', contentType)).toContain('[account] at Content-Type header: expected one of application/json for status 404; server sent "text/html"');
  });

  test('a semantic violation quotes what the request sent', () => {
    const order = { data: { type: 'order', customer: { name: 'Someone Else', email: 'x@example.org' } } };
    expect(messageOf('customer-object', checkOrderSemantics(customerObject, customerObject.body, order))).toContain(
      '[customer-object] at body /data/customer/name: expected "Grace Guest", the customer field the request sent; server sent "Someone Else"',
    );
  });

  test('an amount sent as a string is said once, with the body that was sent', () => {
    const order = structuredClone(checkoutOperation.responseExamples.get(201)!.get(variantNamed('customer-object').exampleKey)) as Record<string, any>;
    order.data.meta.display_price.with_tax.amount = String(order.data.meta.display_price.with_tax.amount);
    const received = { status: 201, contentType: 'application/json', bodyText: JSON.stringify(order) };
    const violations = [...contract.check(received).violations, ...checkOrderSemantics(customerObject, customerObject.body, order)];
    let message = '';
    try {
      assertNoViolations('customer-object', violations, undefined, customerObject.body);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').filter((line) => line.includes('at body /data/meta/display_price/with_tax/amount'))).toHaveLength(1);
    expect(message).toContain(`[customer-object] body sent: ${JSON.stringify(customerObject.body).slice(0, 100)}`);
  });

  test('no violations, no failure', () => {
    expect(() => assertNoViolations('account', [])).not.toThrow();
  });
});
