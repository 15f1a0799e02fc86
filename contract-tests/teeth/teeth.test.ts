// Proof that the contract suite is a gate with teeth: it passes against the mock and against every
// answer Elastic Path's own evidence shows, and fails against every deliberately broken server, for
// the reason that server is broken. A breakage of what rests on our judgement alone is reported as
// advisory by default and fails only a --strict run.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../src/node.ts';
import { variantNames } from '../../src/verify/config.ts';
import { breakages, evidenceAnswers } from './breakages.ts';
import { startBreakingProxy, type Breakage, type RunningServer } from './breaking-proxy.ts';
import { runContractSuite, type SuiteOutcome, type SuiteTarget } from './contract-suite-runner.ts';

const servers: RunningServer[] = [];
let outcomes: Map<string, SuiteOutcome>;

const outcomeFor = (name: string): SuiteOutcome => {
  const outcome = outcomes.get(name);
  if (!outcome) throw new Error(`The contract suite was not run against ${name}`);
  return outcome;
};
const messagesOf = (findings: SuiteOutcome['failed']): string[] => findings.flatMap((finding) => finding.messages);
// Enough to know the suite really ran: the token endpoint, every variant with its generated bodies, every rejection.
const fullSuite = 25;
const generatedChecks = 8;
const strict = { CONTRACT_STRICT: 'true' };
// Generation costs a few hundred requests per target: it runs against the mock itself and against the
// breakages only generated bodies reach, there on one variant (every such breakage shows on any variant).
const generationOff = { CONTRACT_EXAMPLES: '0' };
const allVariantsBut = (kept: string): string => variantNames.filter((name) => name !== kept).join(',');
const generationFor = (breakage: Breakage) => (breakage.generated ? { CONTRACT_SKIP_VARIANTS: allVariantsBut('customer-object') } : generationOff);
const advisoryBreakages = breakages.filter((breakage) => breakage.finding === 'advisory');

beforeAll(async () => {
  const mock = await startMockServer({ port: 0 });
  servers.push(mock);
  const proxied = async (bends: Parameters<typeof startBreakingProxy>[1]) => {
    const proxy = await startBreakingProxy(mock.url, bends);
    servers.push(proxy);
    return proxy.url;
  };
  const targets: SuiteTarget[] = [
    { name: 'mock', baseUrl: mock.url },
    { name: 'mock, strict', baseUrl: mock.url, env: { ...strict, ...generationOff } },
    { name: 'pass-through', baseUrl: await proxied({}), env: generationOff },
    { name: 'mock, skipping two variants', baseUrl: mock.url, env: { CONTRACT_SKIP_VARIANTS: 'account,customer-id', ...generationOff } },
    ...(await Promise.all(breakages.map(async (breakage) => ({ name: breakage.name, baseUrl: await proxied(breakage), env: generationFor(breakage) })))),
    ...advisoryBreakages.map((breakage) => ({ name: `${breakage.name}, strict`, baseUrl: '', env: { ...strict, ...generationFor(breakage) } })),
    ...(await Promise.all(evidenceAnswers.map(async (answer) => ({ name: answer.name, baseUrl: await proxied(answer), env: generationOff })))),
  ];
  // A strict run of an advisory breakage goes to the same broken server.
  for (const target of targets) if (target.baseUrl === '') target.baseUrl = targets.find((other) => `${other.name}, strict` === target.name)!.baseUrl;
  outcomes = await runContractSuite(targets);
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('the contract suite passes against a correct server', () => {
  test('the mock itself, generation on', () => {
    const outcome = outcomeFor('mock');
    expect(messagesOf(outcome.failed)).toEqual([]);
    expect(messagesOf(outcome.advisory)).toEqual([]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.passed.length).toBeGreaterThanOrEqual(fullSuite);
  });

  test.each(['mock, strict', 'pass-through'])('%s, generation off', (name) => {
    const outcome = outcomeFor(name);
    expect(messagesOf(outcome.failed)).toEqual([]);
    expect(messagesOf(outcome.advisory)).toEqual([]);
    expect(outcome.passed.length).toBeGreaterThanOrEqual(fullSuite - generatedChecks);
  });

  test('skipped variants are reported as skipped, never as passed', () => {
    const outcome = outcomeFor('mock, skipping two variants');
    const ofSkippedVariants = (names: string[]) => names.filter((name) => /^(account|customer-id) variant /.test(name));
    expect(messagesOf(outcome.failed)).toEqual([]);
    expect(ofSkippedVariants(outcome.skipped)).toHaveLength(6); // each variant's fixed and two generated checks
    expect(ofSkippedVariants(outcome.passed)).toEqual([]);
    // The rejection that needs the Account variant is skipped with it.
    expect(outcome.skipped.filter((name) => name.includes('Account variant with an implicit token'))).toHaveLength(1);
  });
});

describe(`the contract suite passes each of the ${evidenceAnswers.length} answers Elastic Path's evidence shows`, () => {
  test.each(evidenceAnswers)('$name: $shows ($source)', (answer) => {
    const outcome = outcomeFor(answer.name);
    expect(messagesOf(outcome.failed), 'the suite failed an answer Elastic Path shows').toEqual([]);
    // Passed, or reported as advisory where a rule of ours meets it (a Customer ID order without its customer relationship).
    expect(outcome.passed.length + outcome.advisory.length).toBeGreaterThanOrEqual(fullSuite - generatedChecks);
  });
});

describe(`the contract suite fails against each of the ${breakages.length} broken servers`, () => {
  test.each(breakages)('$name: $breaks', (breakage) => {
    const outcome = outcomeFor(breakage.name);
    const findings = breakage.finding === 'advisory' ? outcome.advisory : outcome.failed;
    const messages = messagesOf(findings);
    expect(messages.length, breakage.finding === 'advisory' ? 'no advisory finding against a server broken in our judgement' : 'the suite passed against a broken server').toBeGreaterThan(0);
    expect(
      messages.some((message) => message.includes(breakage.caughtBy)),
      `no ${breakage.finding ?? 'failure'} says "${breakage.caughtBy}"; the suite said:\n${messages.join('\n')}`,
    ).toBe(true);
    if (breakage.finding === 'advisory') {
      expect(messagesOf(outcome.failed), 'an advisory breakage failed the run without --strict').toEqual([]);
      expect(messagesOf(outcomeFor(`${breakage.name}, strict`).failed).some((message) => message.includes(breakage.caughtBy)), 'a strict run did not fail').toBe(true);
    }
  });
});
