// Registers the contract suite (src/verify/suite.ts) with vitest: one block per group, one test per
// check. checkout.test.ts registers it against the target (`npm run test:contract`). A check whose
// findings rest on our judgement alone passes with a warning that prints them, unless CONTRACT_STRICT.
import { describe, test } from 'vitest';
import { describeBasis } from '../../src/verify/evidence.ts';
import { verdictOf } from '../../src/verify/run.ts';
import { contractChecks, type ContractCheck, type ContractSuiteOptions } from '../../src/verify/suite.ts';

const run = async (check: ContractCheck, strict: boolean): Promise<void> => {
  try {
    await check.run();
  } catch (error) {
    if (verdictOf(error, strict) === 'failed') throw error;
    console.warn(`advisory, fails only with CONTRACT_STRICT (source: ${describeBasis(check.source)}):\n${(error as Error).message}`);
  }
};

export const defineContractSuite = (options: ContractSuiteOptions): void => {
  const groups = new Map<string, ContractCheck[]>();
  for (const check of contractChecks(options)) groups.set(check.group, [...(groups.get(check.group) ?? []), check]);
  for (const [group, checks] of groups) {
    describe(group, () => {
      for (const check of checks) test.skipIf(check.skipped)(check.name, () => run(check, options.config.strict));
    });
  }
};
