// Bodies that break one rule of the contract are rejected, each starting from a valid example so the
// test fails if the rule is missing from the spec rather than because the body was broken elsewhere.
import { describe, expect, test } from 'vitest';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { matchingBranches, operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';
import { requestExamplesByVariant } from './request-examples.ts';

const validator = new SpecValidator();
const examples = requestExamplesByVariant(validator);
const checkoutVariants = operationAt(readSpecOperations(validator), checkoutPath).variants!;
const checkoutSchema = '#/components/schemas/CheckoutRequest';

type Breakage = [name: string, variant: string, breakIt: (data: Record<string, any>) => void];

const breakages: Breakage[] = [
  ['Account without account.id', 'Account', (data) => delete data.account.id],
  ['Account with account.id not a string', 'Account', (data) => (data.account.id = 42)],
  ['Account without contact', 'Account', (data) => delete data.contact],
  ['Account without contact.email', 'Account', (data) => delete data.contact.email],
  ['Account with contact.email not an email', 'Account', (data) => (data.contact.email = 'john at example')],
  ['Account mixed with customer', 'Account', (data) => (data.customer = { id: 'c8c1c511-beef-4812-9b7a-9f92c587217c' })],
  ['Account Management token without contact.name', 'Account Management token', (data) => delete data.contact.name],
  ['Account Management token mixed with customer', 'Account Management token', (data) => (data.customer = { name: 'A', email: 'a@example.com' })],
  ['Customer ID with customer.id a number', 'Customer ID', (data) => (data.customer.id = 7)],
  ['customer with neither id nor email', 'Customer ID', (data) => (data.customer = { name: 'John Doe' })],
  ['customer with both an id and name/email', 'Customer ID', (data) => Object.assign(data.customer, { name: 'John Doe', email: 'john@moltin.com' })],
  ['Customer ID mixed with contact', 'Customer ID', (data) => (data.contact = { name: 'John Doe', email: 'john@moltin.com' })],
  ['Customer object without customer.email', 'Customer object', (data) => delete data.customer.email],
  ['Customer object mixed with account', 'Customer object', (data) => (data.account = { id: '8cee1b9e-3e39-4d5f-bd4a-86cdb985c6ee' })],
  ['billing address without line_1', 'Customer object', (data) => delete data.billing_address.line_1],
  ['billing address missing', 'Customer ID', (data) => delete data.billing_address],
  ['billing address a string', 'Account', (data) => (data.billing_address = '1234 Disney Drive')],
  ...['Customer object', 'Customer ID', 'Account Management token', 'Account'].map(
    (variant): Breakage => [`${variant} without shipping_address`, variant, (data) => delete data.shipping_address],
  ),
  ['shipping address without postcode', 'Account', (data) => delete data.shipping_address.postcode],
  ['shipping address with a numeric phone number', 'Customer object', (data) => (data.shipping_address.phone_number = 5555551234)],
  ['an unknown top-level field', 'Account Management token', (data) => (data.coupon = 'FREE')],
  ['billing address with neither region nor county', 'Customer ID', (data) => {
    delete data.billing_address.region;
    delete data.billing_address.county;
  }],
  ['shipping address with neither region nor county', 'Account', (data) => {
    delete data.shipping_address.region;
    delete data.shipping_address.county;
  }],
  ['billing address with an empty region and no county', 'Customer object', (data) => {
    data.billing_address.region = '';
    delete data.billing_address.county;
  }],
  ['billing address with an empty line_1', 'Customer object', (data) => (data.billing_address.line_1 = '')],
  ['billing address with an empty country', 'Account', (data) => (data.billing_address.country = '')],
  ['shipping address with an empty first_name', 'Account', (data) => (data.shipping_address.first_name = '')],
  ['shipping address with an empty postcode', 'Customer object', (data) => (data.shipping_address.postcode = '')],
  ['external_ref of 65 characters', 'Customer ID', (data) => (data.external_ref = 'x'.repeat(65))],
  ['order_number a number', 'Account Management token', (data) => (data.order_number = 1234)],
];

describe('the contract rejects a body that breaks one rule', () => {
  test.each(breakages)('%s', (_name, variant, breakIt) => {
    const body = structuredClone(examples[variant]);
    expect(validator.validate(checkoutSchema, body)).toEqual([]);
    breakIt(body.data);
    expect(matchingBranches(validator, checkoutVariants, body)).toEqual([]);
    expect(validator.validate(checkoutSchema, body).length).toBeGreaterThan(0);
  });

  test('a body without data, or with data not an object, is rejected', () => {
    for (const body of [{}, { data: null }, { data: [] }, { data: 'checkout' }, [], null]) {
      expect(validator.validate(checkoutSchema, body).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
  });
});

describe('what the contract leaves optional stays accepted', () => {
  test.each([
    ['Account without account.member_id', 'Account', (data: Record<string, any>) => delete data.account.member_id],
    ['a billing address with a county and no region (seed 004)', 'Account', (data: Record<string, any>) => delete data.billing_address.region],
    ['a shipping address with a region and no county', 'Customer object', (data: Record<string, any>) => delete data.shipping_address.county],
    ['any variant without order_number and external_ref', 'Customer ID', (data: Record<string, any>) => {
      delete data.order_number;
      delete data.external_ref;
    }],
    ['external_ref of exactly 64 characters, spaces and special characters included', 'Account', (data: Record<string, any>) => (data.external_ref = 'ERP #42 / '.padEnd(64, 'x'))],
  ])('%s', (_name, variant, change) => {
    const body = structuredClone(examples[variant]);
    change(body.data);
    expect(validator.validate(checkoutSchema, body)).toEqual([]);
    expect(matchingBranches(validator, checkoutVariants, body)).toEqual([variant]);
  });
});
