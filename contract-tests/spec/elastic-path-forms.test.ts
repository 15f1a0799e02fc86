// Where Elastic Path's own documents disagree, the contract accepts every form they show
// (docs/decisions.md, decisions 28 and 42–44), and still refuses what none of them shows.
import { describe, expect, test } from 'vitest';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';

const validator = new SpecValidator();
const accountOrder = (): Record<string, any> =>
  structuredClone(validator.deref(validator.deref(validator.spec.paths[checkoutPath].post.responses['201']).content['application/json'].examples.Account).value);
const isValid = (schema: string, value: unknown) => validator.validate(`#/components/schemas/${schema}`, value).length === 0;

describe('order relationships', () => {
  test.each([
    ['account_member', true],
    ['account-member', true],
    ['accountMember', false],
  ])('the account member typed %s: accepted %s', (type, accepted) => {
    const order = accountOrder();
    order.data.relationships.account_member.data.type = type;
    expect(isValid('OrderResponse', order)).toBe(accepted);
  });

  test.each([
    ['shipping_group', true],
    ['bundle', false],
  ])('an items entry of type %s: accepted %s', (type, accepted) => {
    const order = accountOrder();
    order.data.relationships.items.data.push({ type, id: '82fde17d-21e4-41f1-bda1-ddd017679b2a' });
    expect(isValid('OrderResponse', order)).toBe(accepted);
  });
});

describe('errors', () => {
  test("errors.md's 401 and 403, without detail, are errors of the contract", () => {
    expect(isValid('ErrorResponse', { errors: [{ status: 401, title: 'Unable to validate access token' }] })).toBe(true);
    expect(isValid('ErrorResponse', { errors: [{ status: 403, title: 'Forbidden' }] })).toBe(true);
    expect(isValid('ErrorResponse', { errors: [{ status: 403 }] })).toBe(false);
  });

  test.each([
    [401, true, true],
    ['401', true, false],
    ['4O1', false, false],
    ['200', false, false],
  ])('status %j: a token error %s, a checkout error %s', (status, asTokenError, asCheckoutError) => {
    expect(isValid('TokenErrorResponse', { errors: [{ status, title: 'Unauthorized' }] })).toBe(asTokenError);
    expect(isValid('ErrorResponse', { errors: [{ status, title: 'Unauthorized' }] })).toBe(asCheckoutError);
  });
});
