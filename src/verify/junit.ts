// The results of a verify run as a JUnit XML report, the format CI systems read (junit-report-builder writes it).
import junitExport, { type Builder } from 'junit-report-builder';
import fs from 'node:fs';
import path from 'node:path';
import type { CheckResult } from './run.ts';

// Its types declare an ES default export, but Node hands ES modules the CommonJS module.exports itself.
const junit = junitExport as unknown as Builder;

/** Makes sure the report can be written before any request is sent; throws when it cannot. */
export const prepareJUnitReport = (file: string): void => {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, '');
};

export const writeJUnitReport = (file: string, results: CheckResult[], suiteName: string): void => {
  const report = junit.newBuilder();
  const suite = report.testSuite().name(suiteName);
  for (const { check, outcome, durationMs, message } of results) {
    const testCase = suite.testCase().className(check.group).name(check.name).time(durationMs / 1000);
    if (outcome === 'failed') testCase.failure(message);
    if (outcome === 'skipped') testCase.skipped();
  }
  report.writeTo(file);
};
