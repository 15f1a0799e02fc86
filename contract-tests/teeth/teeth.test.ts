// Proof that the contract suite is a gate with teeth: it passes against the mock, and fails
// against every deliberately broken server, for the reason that server is broken.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../src/mock/server.ts';
import { breakages } from './breakages.ts';
import { startBreakingProxy, type RunningServer } from './breaking-proxy.ts';
import { runContractSuite, type SuiteOutcome, type SuiteTarget } from './contract-suite-runner.ts';

const servers: RunningServer[] = [];
let outcomes: Map<string, SuiteOutcome>;

const outcomeFor = (name: string): SuiteOutcome => {
  const outcome = outcomes.get(name);
  if (!outcome) throw new Error(`The contract suite was not run against ${name}`);
  return outcome;
};
const failureMessages = (outcome: SuiteOutcome): string[] => outcome.failed.flatMap((failure) => failure.messages);
// Enough to know the suite really ran: every variant and every rejection it has today.
const fullSuite = 12;

beforeAll(async () => {
  const mock = await startMockServer({ port: 0 });
  servers.push(mock);
  const passThrough = await startBreakingProxy(mock.url, {});
  servers.push(passThrough);
  const broken = await Promise.all(breakages.map((breakage) => startBreakingProxy(mock.url, breakage)));
  servers.push(...broken);
  const targets: SuiteTarget[] = [
    { name: 'mock', baseUrl: mock.url },
    { name: 'pass-through', baseUrl: passThrough.url },
    { name: 'mock, skipping two variants', baseUrl: mock.url, env: { CONTRACT_SKIP_VARIANTS: 'account,customer-id' } },
    ...breakages.map((breakage, index) => ({ name: breakage.name, baseUrl: broken[index].url })),
  ];
  outcomes = await runContractSuite(targets);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('the contract suite passes against a correct server', () => {
  test('the mock itself', () => {
    const outcome = outcomeFor('mock');
    expect(failureMessages(outcome)).toEqual([]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.passed.length).toBeGreaterThanOrEqual(fullSuite);
  });

  test('the mock behind a breaking proxy that breaks nothing', () => {
    const outcome = outcomeFor('pass-through');
    expect(failureMessages(outcome)).toEqual([]);
    expect(outcome.passed.length).toBeGreaterThanOrEqual(fullSuite);
  });

  test('skipped variants are reported as skipped, never as passed', () => {
    const outcome = outcomeFor('mock, skipping two variants');
    const ofSkippedVariants = (names: string[]) => names.filter((name) => /^(account|customer-id) variant /.test(name));
    expect(failureMessages(outcome)).toEqual([]);
    expect(ofSkippedVariants(outcome.skipped)).toHaveLength(2);
    expect(ofSkippedVariants(outcome.passed)).toEqual([]);
    // The rejection that needs the Account variant is skipped with it.
    expect(outcome.skipped.filter((name) => name.includes('Account variant with an implicit token'))).toHaveLength(1);
  });
});

describe(`the contract suite fails against each of the ${breakages.length} broken servers`, () => {
  test.each(breakages)('$name: $breaks', (breakage) => {
    const outcome = outcomeFor(breakage.name);
    const messages = failureMessages(outcome);
    expect(outcome.failed.length, 'the suite passed against a broken server').toBeGreaterThan(0);
    expect(
      messages.some((message) => message.includes(breakage.caughtBy)),
      `no failure says "${breakage.caughtBy}"; the suite failed with:\n${messages.join('\n')}`,
    ).toBe(true);
  });
});
