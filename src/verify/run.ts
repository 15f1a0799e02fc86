// Runs the contract checks one after another, outside any test framework, for `ep-checkout verify`.
import type { ContractCheck } from './suite.ts';

export type CheckOutcome = 'passed' | 'failed' | 'skipped';

export type CheckResult = {
  check: ContractCheck;
  outcome: CheckOutcome;
  durationMs: number;
  /** Why a failed check failed: the violations, or the request that got no answer. */
  message?: string;
};

export const runChecks = async (checks: ContractCheck[], onResult: (result: CheckResult) => void = () => {}): Promise<CheckResult[]> => {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const started = performance.now();
    let result: CheckResult;
    if (check.skipped) {
      result = { check, outcome: 'skipped', durationMs: 0 };
    } else {
      try {
        await check.run();
        result = { check, outcome: 'passed', durationMs: performance.now() - started };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = { check, outcome: 'failed', durationMs: performance.now() - started, message };
      }
    }
    results.push(result);
    onResult(result);
  }
  return results;
};

export const countOutcomes = (results: CheckResult[]): Record<CheckOutcome, number> => ({
  passed: results.filter((result) => result.outcome === 'passed').length,
  failed: results.filter((result) => result.outcome === 'failed').length,
  skipped: results.filter((result) => result.outcome === 'skipped').length,
});
