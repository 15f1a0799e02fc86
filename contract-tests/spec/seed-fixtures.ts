// Every JSON example of the seed documents (../shared/seeds/), kept as a fixture, with what it is an
// example of. Where the seed text is not valid JSON as printed, `repairs` says what was changed and why;
// docs/decisions.md explains the decisions these fixtures rely on.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type SeedFixture = {
  file: string;
  seeds: string;
  /** The checkout variant (oneOf branch title) a request must match, or the response status it is an example of. */
  expect: { variant: string } | { status: 201 | 400 };
  repairs: string[];
};

export const seedFixtures: SeedFixture[] = [
  { file: '000-account-request.json', seeds: '000, 001', expect: { variant: 'Account' }, repairs: [] },
  {
    file: '004-account-request.json',
    seeds: '004 (legacy api.moltin.com page)',
    expect: { variant: 'Account' },
    repairs: [],
  },
  {
    file: '000-account-management-request.json',
    seeds: '000, 001, 002, 004',
    expect: { variant: 'Account Management token' },
    repairs: ['the seed elides billing_address and shipping_address as `...`; filled with those of the Account request of seed 000'],
  },
  {
    file: '000-account-response.json',
    seeds: '000, 001, 002, 004 (the same response for both account variants)',
    expect: { status: 201 },
    repairs: [
      'shipping_address and billing_address elided as `...`; filled with the addresses of the seed 000 Account request',
      'meta elided as `...`; filled with the meta of the seed 003 response',
      'included.items elided as `[...]`; filled with the first item of the seed 003 response, its id set to the one relationships.items names',
    ],
  },
  { file: '003-customer-id-request.json', seeds: '003', expect: { variant: 'Customer ID' }, repairs: [] },
  { file: '003-customer-id-response.json', seeds: '003', expect: { status: 201 }, repairs: [] },
  {
    file: '003-customer-object-request.json',
    seeds: '003',
    expect: { variant: 'Customer object' },
    repairs: ['the seed has a trailing comma after billing_address.country, which is not JSON; removed'],
  },
  { file: '003-insufficient-stock-error.json', seeds: '003', expect: { status: 400 }, repairs: [] },
];

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'seeds');

export const readSeedFixture = (fixture: SeedFixture): unknown =>
  JSON.parse(fs.readFileSync(path.join(fixturesDir, fixture.file), 'utf8'));

export const seedFixtureFiles = (): string[] => fs.readdirSync(fixturesDir).filter((name) => name.endsWith('.json'));
