// The results of a verify run as a JUnit XML report, the format CI systems read (junit-report-builder
// writes it). Advisory checks are skipped test cases whose output says why, so CI counts them apart.
import junitExport, { type Builder } from 'junit-report-builder';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.ts';
import { describeBasis } from './evidence.ts';
import type { CheckResult } from './run.ts';

// Its types declare an ES default export, but Node hands ES modules the CommonJS module.exports itself.
const junit = junitExport as unknown as Builder;

/**
 * Makes sure the report can be written before any request is sent, and removes a report of an earlier
 * run: a run that cannot start then leaves no report at all, rather than an empty or stale one.
 */
export const checkJUnitReportWritable = (file: string): void => {
  try {
    const directory = path.dirname(path.resolve(file));
    fs.mkdirSync(directory, { recursive: true });
    fs.accessSync(directory, fs.constants.W_OK);
    fs.rmSync(file, { force: true });
  } catch (error) {
    throw new ConfigError(`--junit ${file} cannot be written: ${(error as Error).message}`);
  }
};

export const writeJUnitReport = (file: string, results: CheckResult[], suiteName: string): void => {
  const report = junit.newBuilder();
  const suite = report.testSuite().name(suiteName);
  for (const { check, outcome, durationMs, message } of results) {
    const testCase = suite.testCase().className(check.group).name(check.name).time(durationMs / 1000).property('source', describeBasis(check.source));
    if (outcome === 'failed') testCase.failure(message);
    if (outcome === 'skipped') testCase.skipped();
    if (outcome === 'advisory') testCase.skipped().property('advisory', 'rests on our judgement alone; fails only with --strict').standardOutput(message);
  }
  report.writeTo(file);
};
