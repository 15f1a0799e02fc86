// The package's variant guards (isAccountCheckout, …) decide from a body's keys alone; the spec decides
// with its oneOf. For every valid body the spec and the seeds hold, exactly one guard is true, and it is
// the one of the branch the oneOf matches.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isAccountCheckout, isAccountManagementCheckout, isCustomerIdCheckout, isCustomerObjectCheckout } from '../../src/client/index.ts';
import type { CheckoutData } from '../../src/client/index.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { matchingBranches, operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';
import { requestExamplesByVariant } from './request-examples.ts';

const validator = new SpecValidator();
const checkoutVariants = operationAt(readSpecOperations(validator), checkoutPath).variants!;
/** The titles of the oneOf branches a body's `data` matches on its own. */
const branchesOf = (data: unknown): string[] => matchingBranches(validator, checkoutVariants, { data });

type Guard = (data: CheckoutData) => boolean;
/** Each guard by the title of the oneOf branch it claims. */
const guards: Record<string, Guard> = {
  Account: isAccountCheckout,
  'Account Management token': isAccountManagementCheckout,
  'Customer ID': isCustomerIdCheckout,
  'Customer object': isCustomerObjectCheckout,
};

const seedRequests = (): [string, unknown][] => {
  const folder = path.join(import.meta.dirname, 'fixtures', 'seeds');
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('-request.json'))
    .map((file) => [file, JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')).data]);
};

const validBodies = (): [string, unknown][] =>
  [...Object.entries(requestExamplesByVariant(validator)).map(([name, body]): [string, unknown] => [name, body.data]), ...seedRequests()].filter(
    ([, data]) => branchesOf(data).length === 1,
  );

const guardsSaying = (table: Record<string, Guard>, data: unknown): string[] =>
  Object.entries(table)
    .filter(([, guard]) => guard(data as CheckoutData))
    .map(([title]) => title);

describe('the variant guards', () => {
  test('cover every branch of the oneOf', () => {
    const branches = validator.spec.components.schemas.CheckoutRequest.properties.data.oneOf as { $ref: string }[];
    expect(branches.map((branch) => validator.resolve(branch.$ref).title).sort()).toEqual(Object.keys(guards).sort());
  });

  test('agree with the oneOf on every valid body of the spec and the seeds, one guard each', () => {
    const bodies = validBodies();
    expect(new Set(bodies.map(([, data]) => branchesOf(data)[0])).size).toBe(Object.keys(guards).length);
    for (const [name, data] of bodies) expect(guardsSaying(guards, data), name).toEqual(branchesOf(data));
  });

  test('the comparison catches a guard that decides on the wrong key', () => {
    // `customer` alone does not make a Customer object checkout: the Customer ID variant holds it too.
    const careless = { ...guards, 'Customer object': (data: CheckoutData) => 'customer' in data };
    const disagreeing = validBodies().filter(([, data]) => guardsSaying(careless, data).join() !== branchesOf(data).join());
    expect(disagreeing.length).toBeGreaterThan(0);
  });
});
