// Registers the contract suite (src/verify/suite.ts) with vitest: one block per group, one test per
// check. checkout.test.ts registers it against the target (`npm run test:contract`); the teeth
// meta-test registers the very same suite once per broken server.
import { describe, test } from 'vitest';
import { contractChecks, type ContractCheck, type ContractSuiteOptions } from '../../src/verify/suite.ts';

export const defineContractSuite = (options: ContractSuiteOptions): void => {
  const groups = new Map<string, ContractCheck[]>();
  for (const check of contractChecks(options)) groups.set(check.group, [...(groups.get(check.group) ?? []), check]);
  for (const [group, checks] of groups) {
    describe(group, () => {
      for (const check of checks) test.skipIf(check.skipped)(check.name, () => check.run());
    });
  }
};
