// `ep-checkout verify`: the contract suite against a running server. Exit 0 when the server honours
// the contract, 1 on violations, 2 when the run could not happen (bad arguments, no server, no token).
import { ConfigError, readContractConfig, skippedUnlessListed, type ContractConfig } from '../verify/config.ts';
import { prepareJUnitReport, writeJUnitReport } from '../verify/junit.ts';
import { countOutcomes, runChecks, type CheckResult } from '../verify/run.ts';
import { contractChecks } from '../verify/suite.ts';
import { tokenSource } from '../verify/tokens.ts';
import { parseOptions, UsageError, wholeNumber, type ParsedOptions } from './arguments.ts';
import { waitForServer } from './wait-for-server.ts';

export const verifyUsage = `Usage: ep-checkout verify --base-url URL [options]

Runs the checkout contract suite against a running server: one checkout per variant and every
rejection the contract promises. Settings not given as flags come from the CONTRACT_* variables
(docs/contract-tests.md in this package lists them).

Options:
  --base-url URL          the server under test (or $CONTRACT_BASE_URL)
  --junit FILE            also write a JUnit XML report to FILE
  --variants LIST         only these variants, comma-separated: account, account-management,
                          customer-id, customer-object (default: all but $CONTRACT_SKIP_VARIANTS)
  --timeout-ms N          limit for each request (default: $CONTRACT_TIMEOUT_MS, else 10000)
  --wait-ms N             wait up to N ms for the server to answer before the first check (default: 0)
  --token T               client credentials token (or $CONTRACT_TOKEN)
  --implicit-token T      implicit token (or $CONTRACT_IMPLICIT_TOKEN)
  --client-id ID          client to mint missing tokens with, from the server's /oauth/access_token
                          (or $CONTRACT_CLIENT_ID)
  --client-secret S       its secret, needed for a client credentials token (or $CONTRACT_CLIENT_SECRET)
  --help                  this text

Exit codes: 0 the server honours the contract; 1 contract violations; 2 the suite could not run.`;

const icons = { passed: '✓', failed: '✗', skipped: '-' } as const;

const printResult = ({ check, outcome, durationMs, message }: CheckResult): void => {
  const time = outcome === 'skipped' ? ' (skipped)' : ` (${Math.round(durationMs)} ms)`;
  console.log(`  ${icons[outcome]} ${check.group} › ${check.name}${time}`);
  if (message) console.log(message.replace(/^/gm, '      '));
};

const readConfig = (flags: ParsedOptions['flags']): { baseUrl: string; config: ContractConfig } => {
  const flag = (name: string) => flags[name];
  const env = {
    ...process.env,
    ...(flag('token') && { CONTRACT_TOKEN: flag('token') }),
    ...(flag('implicit-token') && { CONTRACT_IMPLICIT_TOKEN: flag('implicit-token') }),
    ...(flag('client-id') && { CONTRACT_CLIENT_ID: flag('client-id') }),
    ...(flag('client-secret') && { CONTRACT_CLIENT_SECRET: flag('client-secret') }),
  };
  const baseUrl = (flag('base-url') ?? process.env.CONTRACT_BASE_URL ?? '').trim().replace(/\/+$/, '');
  if (!baseUrl) throw new UsageError('--base-url is required (or set CONTRACT_BASE_URL)');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new UsageError(`--base-url must be an http(s) URL, not "${baseUrl}"`);
  const config = readContractConfig(env);
  const timeout = wholeNumber(flag('timeout-ms'), '--timeout-ms', { min: 1 });
  return {
    baseUrl,
    config: {
      ...config,
      ...(timeout !== undefined && { requestTimeoutMs: timeout }),
      ...(flag('variants') !== undefined && { skippedVariants: skippedUnlessListed(flag('variants')!) }),
    },
  };
};

export const runVerify = async (args: string[]): Promise<number> => {
  const { help, flags } = parseOptions(args, {
    'base-url': { type: 'string' },
    junit: { type: 'string' },
    variants: { type: 'string' },
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
  const { baseUrl, config } = readConfig(flags);
  const waitMs = wholeNumber(flags['wait-ms'], '--wait-ms') ?? 0;
  const junitFile = flags.junit;
  if (junitFile !== undefined) {
    try {
      prepareJUnitReport(junitFile);
    } catch (error) {
      throw new UsageError(`--junit ${junitFile} cannot be written: ${(error as Error).message}`);
    }
  }

  const reachable = await waitForServer(baseUrl, waitMs, config.requestTimeoutMs);
  if (!reachable.ok) throw new ConfigError(reachable.reason);

  const tokens = tokenSource(() => baseUrl, config);
  const checks = contractChecks({ baseUrl: () => baseUrl, config, tokens });
  // Tokens first, so a missing or refused one stops the run with one line instead of failing every check.
  const needed = new Set(checks.filter((check) => !check.skipped).flatMap((check) => check.tokens));
  for (const kind of needed) await tokens(kind);

  console.log(`ep-checkout verify: ${baseUrl}, ${checks.length} checks`);
  const results = await runChecks(checks, printResult);
  if (junitFile !== undefined) writeJUnitReport(junitFile, results, `checkout contract: ${baseUrl}`);
  const counts = countOutcomes(results);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts.failed > 0 ? 1 : 0;
};
