// Runs the real contract suite, as `ep-checkout verify` runs it (src/verify/run.ts), against many
// servers at once in this process, each with its own settings, and sorts each check's outcome.
import { mockClient } from '../../src/mock/tokens.ts';
import { readContractConfig } from '../../src/verify/config.ts';
import { runChecks } from '../../src/verify/run.ts';
import { contractChecks } from '../../src/verify/suite.ts';

export type SuiteTarget = {
  name: string;
  baseUrl: string;
  /** CONTRACT_* variables for this target, such as CONTRACT_SKIP_VARIANTS or CONTRACT_STRICT; the rest keep their defaults. */
  env?: Record<string, string>;
};

export type SuiteOutcome = {
  passed: string[];
  failed: { test: string; messages: string[] }[];
  advisory: { test: string; messages: string[] }[];
  skipped: string[];
};

// Seeded, so a failing teeth case can be replayed; few examples, so dozens of servers are judged in seconds.
const teethEnvironment = { CONTRACT_CLIENT_ID: mockClient.id, CONTRACT_CLIENT_SECRET: mockClient.secret, CONTRACT_SEED: '15', CONTRACT_EXAMPLES: '2' };

const outcomeOf = async (target: SuiteTarget): Promise<SuiteOutcome> => {
  // The suite's defaults, the mock's client and the target's own variables; the caller's environment does not leak in.
  // Shrinking briefly is enough to prove it happens; the teeth judge what is caught.
  const config = { ...readContractConfig({ ...teethEnvironment, ...target.env }), shrinkMs: 300 };
  const results = await runChecks(contractChecks({ baseUrl: () => target.baseUrl, config }), undefined, config.strict);
  const outcome: SuiteOutcome = { passed: [], failed: [], advisory: [], skipped: [] };
  for (const { check, outcome: verdict, message } of results) {
    const test = `${check.group} > ${check.name}`;
    if (verdict === 'passed' || verdict === 'skipped') outcome[verdict].push(test);
    else outcome[verdict].push({ test, messages: [message ?? ''] });
  }
  return outcome;
};

// Targets judged at once: the mock behind them all is one process, and each run sends its requests one by one.
const concurrentTargets = 8;

/** The contract suite's outcome against each target. */
export const runContractSuite = async (targets: SuiteTarget[]): Promise<Map<string, SuiteOutcome>> => {
  const outcomes = new Map<string, SuiteOutcome>();
  const queue = [...targets];
  const worker = async (): Promise<void> => {
    for (let target = queue.shift(); target; target = queue.shift()) outcomes.set(target.name, await outcomeOf(target));
  };
  await Promise.all(Array.from({ length: concurrentTargets }, worker));
  return outcomes;
};
