// Runs the contract checks one after another, outside any test framework, for `ep-checkout verify`.
// A check whose findings all rest on our judgement is advisory: counted apart, failing only with --strict.
import type { ContractCheck } from './suite.ts';
import { ContractViolationError } from './violations.ts';

export type CheckOutcome = 'passed' | 'failed' | 'advisory' | 'skipped';

export type CheckResult = {
  check: ContractCheck;
  outcome: CheckOutcome;
  durationMs: number;
  /** Why a failed or advisory check did not pass: the findings, or the request that got no answer. */
  message?: string;
};

/** How a check's error counts: advisory findings fail only a strict run. */
export const verdictOf = (error: unknown, strict: boolean): 'failed' | 'advisory' =>
  error instanceof ContractViolationError && error.advisory && !strict ? 'advisory' : 'failed';

export const runChecks = async (checks: ContractCheck[], onResult: (result: CheckResult) => void = () => {}, strict = false): Promise<CheckResult[]> => {
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
        result = { check, outcome: verdictOf(error, strict), durationMs: performance.now() - started, message };
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
  advisory: results.filter((result) => result.outcome === 'advisory').length,
  skipped: results.filter((result) => result.outcome === 'skipped').length,
});
