// `ep-checkout verify`: the contract suite against a running server. Exit 0 when the server honours
// the contract, 1 on violations (or on advisory findings with --strict), 2 when the run could not
// happen (bad or empty settings, no server, no token, no check left to run).
import { ConfigError, parseCount, parseSeed, readContractConfig, skippedUnlessListed, variantNames, type ContractConfig } from '../verify/config.ts';
import { checkJUnitReportWritable, writeJUnitReport } from '../verify/junit.ts';
import { countOutcomes, runChecks, type CheckResult } from '../verify/run.ts';
import { contractChecks } from '../verify/suite.ts';
import { tokenSource } from '../verify/tokens.ts';
import { parseOptions, UsageError, wholeNumber, type ParsedOptions } from './arguments.ts';
import { waitForServer } from './wait-for-server.ts';

export const verifyUsage = `Usage: ep-checkout verify --base-url URL [options]

Runs the checkout contract suite against a running server: one checkout per variant, generated
valid and invalid bodies per variant, every rejection the contract promises and the token endpoint.
Settings not given as flags come from the CONTRACT_* variables (docs/contract-tests.md in this
package lists them).

Options:
  --base-url URL          the server under test (or $CONTRACT_BASE_URL)
  --junit FILE            also write a JUnit XML report to FILE
  --variants LIST         only these variants, comma-separated: account, account-management,
                          customer-id, customer-object (default: all but $CONTRACT_SKIP_VARIANTS)
  --seed N                seed of the generated bodies, to repeat a run (default: $CONTRACT_SEED, else random)
  --examples N            generated valid bodies per variant; 0 turns generation off
                          (default: $CONTRACT_EXAMPLES, else 8)
  --strict                advisory findings (resting on our judgement alone) fail the run too
  --timeout-ms N          limit for each request (default: $CONTRACT_TIMEOUT_MS, else 10000)
  --wait-ms N             wait up to N ms for the server to answer before the first check (default: 0)
  --token T               client credentials token (or $CONTRACT_TOKEN)
  --implicit-token T      implicit token (or $CONTRACT_IMPLICIT_TOKEN)
  --client-id ID          client to mint missing tokens with, from the server's /oauth/access_token
                          (or $CONTRACT_CLIENT_ID)
  --client-secret S       its secret, needed for a client credentials token (or $CONTRACT_CLIENT_SECRET)
  --help                  this text

Exit codes: 0 the server honours the contract; 1 contract violations (or advisory findings with
--strict); 2 the suite could not run.`;

const icons = { passed: '✓', failed: '✗', advisory: '!', skipped: '-' } as const;

const printResult = ({ check, outcome, durationMs, message }: CheckResult): void => {
  const time = outcome === 'skipped' ? ' (skipped)' : ` (${Math.round(durationMs)} ms)`;
  console.log(`  ${icons[outcome]} ${check.group} › ${check.name}${time}`);
  if (outcome === 'advisory') console.log('      advisory: every finding rests on our judgement alone, so it fails only with --strict');
  if (message) console.log(message.replace(/^/gm, '      '));
};

// Flags that map onto a CONTRACT_* variable; an empty one is refused like an empty variable.
const flagVariables = {
  token: 'CONTRACT_TOKEN',
  'implicit-token': 'CONTRACT_IMPLICIT_TOKEN',
  'client-id': 'CONTRACT_CLIENT_ID',
  'client-secret': 'CONTRACT_CLIENT_SECRET',
} as const;

const readConfig = (flags: ParsedOptions['flags'], strict: boolean): { baseUrl: string; config: ContractConfig } => {
  for (const [name, value] of Object.entries(flags)) if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} is empty; give it a value or leave it out`);
  const env = { ...process.env };
  for (const [flag, variable] of Object.entries(flagVariables)) if (flags[flag] !== undefined) env[variable] = flags[flag];
  if (process.env.CONTRACT_BASE_URL !== undefined && process.env.CONTRACT_BASE_URL.trim() === '' && flags['base-url'] === undefined) {
    throw new ConfigError('CONTRACT_BASE_URL is set but empty; give it a value or use --base-url');
  }
  const baseUrl = (flags['base-url'] ?? process.env.CONTRACT_BASE_URL ?? '').trim().replace(/\/+$/, '');
  if (!baseUrl) throw new UsageError('--base-url is required (or set CONTRACT_BASE_URL)');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new UsageError(`--base-url must be an http(s) URL, not "${baseUrl}"`);
  const config = readContractConfig(env);
  const timeout = wholeNumber(flags['timeout-ms'], '--timeout-ms', { min: 1 });
  return {
    baseUrl,
    config: {
      ...config,
      ...(timeout !== undefined && { requestTimeoutMs: timeout }),
      ...(flags.variants !== undefined && { skippedVariants: skippedUnlessListed(flags.variants) }),
      ...(flags.seed !== undefined && { seed: parseSeed(flags.seed, '--seed') }),
      ...(flags.examples !== undefined && { examples: parseCount(flags.examples, '--examples') }),
      ...(strict && { strict }),
    },
  };
};

/** The first lines of a run: what it tests and with which data, so a report says what it rests on. */
const printSettings = (baseUrl: string, config: ContractConfig, variants: string): void => {
  console.log(`ep-checkout verify`);
  console.log(`  server:   ${baseUrl}`);
  console.log(`  cart:     ${config.cartRef} (unknown cart: ${config.missingCartRef})`);
  console.log(`  customer: ${config.customerId}`);
  console.log(`  account:  ${config.accountId} (member ${config.accountMemberId})`);
  console.log(`  variants: ${variants}`);
  console.log(`  seed:     ${config.seed} (${config.examples === 0 ? 'generation off' : `${config.examples} generated valid bodies per variant`})${config.strict ? ', strict' : ''}`);
};

export const runVerify = async (args: string[]): Promise<number> => {
  const { help, flags } = parseOptions(args, {
    'base-url': { type: 'string' },
    junit: { type: 'string' },
    variants: { type: 'string' },
    seed: { type: 'string' },
    examples: { type: 'string' },
    strict: { type: 'boolean' },
    'timeout-ms': { type: 'string' },
    'wait-ms': { type: 'string' },
    token: { type: 'string' },
    'implicit-token': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
  });
  if (help) {
    console.log(verifyUsage);
    return 0;
  }
  const { strict, ...stringFlags } = flags as Record<string, string | undefined> & { strict?: boolean };
  const { baseUrl, config } = readConfig(stringFlags, strict === true);
  const waitMs = wholeNumber(stringFlags['wait-ms'], '--wait-ms') ?? 0;
  const junitFile = stringFlags.junit;
  if (junitFile !== undefined) checkJUnitReportWritable(junitFile);

  const tokens = tokenSource(() => baseUrl, config);
  const checks = contractChecks({ baseUrl: () => baseUrl, config, tokens });
  const variants = variantNames.filter((name) => !config.skippedVariants.has(name));
  printSettings(baseUrl, config, variants.join(', ') || 'none');
  if (checks.every((check) => check.skipped)) throw new ConfigError('every check is skipped (CONTRACT_SKIP_VARIANTS or --variants left no variant): nothing would be verified');

  const reachable = await waitForServer(baseUrl, waitMs, config.requestTimeoutMs);
  if (!reachable.ok) throw new ConfigError(reachable.reason);
  // Tokens first, so a missing or refused one stops the run with one line instead of failing every check.
  const needed = new Set(checks.filter((check) => !check.skipped).flatMap((check) => check.tokens));
  for (const kind of needed) await tokens(kind);

  console.log(`${checks.length} checks`);
  const results = await runChecks(checks, printResult, config.strict);
  if (junitFile !== undefined) writeJUnitReport(junitFile, results, `checkout contract: ${baseUrl}`);
  const counts = countOutcomes(results);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.advisory} advisory, ${counts.skipped} skipped (seed ${config.seed})`);
  return counts.failed > 0 ? 1 : 0;
};
