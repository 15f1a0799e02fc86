// Settings that cannot lie: an empty variable (what CI substitutes for an unset one) or an invalid one
// stops the run before any request, naming it; a run that cannot start leaves no JUnit report behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, readContractConfig } from '../../src/verify/config.ts';
import { checkJUnitReportWritable } from '../../src/verify/junit.ts';

const refused = (env: Record<string, string>): string => {
  try {
    readContractConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('settings', () => {
  test.each(['CONTRACT_CART_REF', 'CONTRACT_TOKEN', 'CONTRACT_CUSTOMER_ID', 'CONTRACT_SKIP_VARIANTS', 'CONTRACT_SEED'])('an empty %s stops the run, naming it', (name) => {
    expect(refused({ [name]: '  ' })).toBe(`${name} is set but empty; give it a value or unset it`);
  });

  test('a currency that is not three capitals is refused', () => {
    expect(refused({ CONTRACT_CURRENCY: 'usd' })).toContain('CONTRACT_CURRENCY must be an ISO 4217 code of three capitals');
  });

  test.each(['CONTRACT_ACCOUNT_ID', 'CONTRACT_ACCOUNT_MEMBER_ID', 'CONTRACT_CUSTOMER_ID'])('%s that is not a UUID is refused', (name) => {
    expect(refused({ [name]: 'cust-42' })).toBe(`${name} must be a UUID, as the contract types it, not "cust-42"`);
  });

  test('seed, examples and strict are read, and a seed is made up when none is given', () => {
    const config = readContractConfig({ CONTRACT_SEED: '42', CONTRACT_EXAMPLES: '0', CONTRACT_STRICT: 'true' });
    expect([config.seed, config.examples, config.strict]).toEqual([42, 0, true]);
    expect(Number.isInteger(readContractConfig({}).seed)).toBe(true);
    expect(refused({ CONTRACT_EXAMPLES: 'many' })).toContain('CONTRACT_EXAMPLES must be a whole number');
  });

  test('a JUnit report of an earlier run is removed before the run, so a run that cannot start leaves none', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'junit-')), 'reports', 'contract.xml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<testsuites tests="12" failures="0"/>');
    checkJUnitReportWritable(file);
    expect(fs.existsSync(file)).toBe(false);
  });
});
