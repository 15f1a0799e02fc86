// Runs the real contract suite against many servers in one vitest run, in this process through
// vitest's node API: suite-per-target.ts registers the suite once per target, so the suite's
// modules load once instead of once per server, which keeps the meta-test fast.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { createVitest, type TestCase, type TestModule } from 'vitest/node';
import { repoRoot } from '../../src/lib/paths.ts';

export type SuiteTarget = {
  name: string;
  baseUrl: string;
  /** CONTRACT_* variables for this target, such as CONTRACT_SKIP_VARIANTS; the rest keep their defaults. */
  env?: Record<string, string>;
};

export type SuiteOutcome = {
  passed: string[];
  failed: { test: string; messages: string[] }[];
  skipped: string[];
};

const suitePerTarget = path.relative(repoRoot, path.join(path.dirname(fileURLToPath(import.meta.url)), 'suite-per-target.ts'));

/** The test's name inside its target's block, as the contract suite alone would name it. */
const nameWithinTarget = (test: TestCase): string => test.fullName.split(' > ').slice(1).join(' > ');

const targetOf = (test: TestCase): string => test.fullName.split(' > ')[0];

const outcomesOf = (targets: SuiteTarget[], modules: TestModule[]): Map<string, SuiteOutcome> => {
  const outcomes = new Map(targets.map((target): [string, SuiteOutcome] => [target.name, { passed: [], failed: [], skipped: [] }]));
  // A file that fails to load runs no test at all: that is every target's failure.
  const loadErrors = modules.flatMap((module) => module.errors().map((error) => error.message));
  if (loadErrors.length > 0) for (const outcome of outcomes.values()) outcome.failed.push({ test: 'loading the suite', messages: loadErrors });
  for (const test of modules.flatMap((module) => [...module.children.allTests()])) {
    const outcome = outcomes.get(targetOf(test));
    if (!outcome) throw new Error(`A test outside every target's block: ${test.fullName}`);
    const result = test.result();
    if (result.state === 'passed') outcome.passed.push(nameWithinTarget(test));
    else if (result.state === 'failed') outcome.failed.push({ test: nameWithinTarget(test), messages: (result.errors ?? []).map((error) => error.message) });
    else outcome.skipped.push(nameWithinTarget(test));
  }
  return outcomes;
};

/** The contract suite's outcome against each target (target names must not contain " > "). */
export const runContractSuite = async (targets: SuiteTarget[]): Promise<Map<string, SuiteOutcome>> => {
  const vitest = await createVitest(
    'test',
    { watch: false, config: false, root: repoRoot, reporters: [{}] },
    defineConfig({
      test: { projects: [{ test: { name: 'contract-per-target', include: [suitePerTarget], provide: { contractTargets: targets } } }] },
    }),
  );
  try {
    const result = await vitest.runTestSpecifications(await vitest.globTestSpecifications());
    if (result.unhandledErrors.length > 0) {
      throw new Error(`The contract suite crashed: ${result.unhandledErrors.map((error) => String((error as Error)?.message ?? error)).join('; ')}`);
    }
    return outcomesOf(targets, result.testModules);
  } finally {
    await vitest.close();
  }
};
