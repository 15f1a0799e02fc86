// Runs the real contract suite (the test files of the `contract` project) against many servers,
// in this process through vitest's node API. A few vitest instances ("lanes") each rerun the suite
// for one target after another, handing it the base URL the way the contract project's global
// setup does; starting vitest once per lane instead of once per target keeps this fast.
import { defineConfig } from 'vitest/config';
import { createVitest, type TestModule, type Vitest } from 'vitest/node';
import { repoRoot } from '../../scripts/lib/paths.ts';

export type SuiteTarget = {
  name: string;
  baseUrl: string;
  /** CONTRACT_* variables for this target only, such as CONTRACT_SKIP_VARIANTS. */
  env?: Record<string, string>;
};

export type SuiteOutcome = {
  passed: string[];
  failed: { test: string; messages: string[] }[];
  skipped: string[];
};

// The same files the `contract` project in vitest.config.ts runs.
const contractSuiteFiles = ['contract-tests/server/**/*.test.ts'];

const outcomeOf = (modules: TestModule[]): SuiteOutcome => {
  const outcome: SuiteOutcome = { passed: [], failed: [], skipped: [] };
  for (const module of modules) {
    // A file that fails to load has no tests; its errors count as a failure.
    const loadErrors = module.errors().map((error) => error.message);
    if (loadErrors.length > 0) outcome.failed.push({ test: module.moduleId, messages: loadErrors });
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'passed') outcome.passed.push(test.fullName);
      else if (result.state === 'failed') outcome.failed.push({ test: test.fullName, messages: (result.errors ?? []).map((error) => error.message) });
      else outcome.skipped.push(test.fullName);
    }
  }
  return outcome;
};

const openLane = (): Promise<Vitest> =>
  createVitest(
    'test',
    { watch: false, config: false, root: repoRoot, reporters: [{}] },
    defineConfig({
      // One worker thread kept across reruns: the suite's modules need not load again for every target.
      test: { projects: [{ test: { name: 'contract', include: contractSuiteFiles, pool: 'threads', isolate: false, maxWorkers: 1 } }] },
    }),
  );

const runOnLane = async (vitest: Vitest, target: SuiteTarget): Promise<SuiteOutcome> => {
  for (const project of vitest.projects) {
    project.provide('contractBaseUrl', target.baseUrl);
    project.config.env = { ...target.env };
  }
  const result = await vitest.runTestSpecifications(await vitest.globTestSpecifications());
  const outcome = outcomeOf(result.testModules);
  const crashes = result.unhandledErrors.map((error) => ({ test: 'unhandled error', messages: [String((error as Error)?.message ?? error)] }));
  return { ...outcome, failed: [...outcome.failed, ...crashes] };
};

/** The suite's outcome against each target, run on `lanes` vitest instances side by side. */
export const runContractSuite = async (targets: SuiteTarget[], lanes = 2): Promise<Map<string, SuiteOutcome>> => {
  const outcomes = new Map<string, SuiteOutcome>();
  const queue = [...targets];
  const lane = async (): Promise<void> => {
    const vitest = await openLane();
    try {
      for (let target = queue.shift(); target; target = queue.shift()) outcomes.set(target.name, await runOnLane(vitest, target));
    } finally {
      await vitest.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, targets.length) }, lane));
  return outcomes;
};
