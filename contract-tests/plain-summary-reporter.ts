// Ends a vitest run with one plain line, `Tests: N passed, N failed, N skipped`, that CI systems
// read without knowing vitest's own summary format. Unhandled errors count as failures, and so does a
// file that failed with no failed test in it (a failing beforeAll or import leaves its tests skipped).
import type { Reporter, TestModule } from 'vitest/node';

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const testModule of testModules) {
      let failedTests = 0;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed += 1;
        else if (state === 'failed') failedTests += 1;
        else count.skipped += 1;
      }
      count.failed += failedTests === 0 && testModule.state() === 'failed' ? 1 : failedTests;
    }
    console.log(`Tests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }
}
