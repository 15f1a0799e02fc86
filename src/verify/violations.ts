// A contract violation says where a response broke the contract, what the contract expects there
// and what the server sent, so a failing CI job can be read without rerunning anything.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { valueAt } from '../lib/json-pointer.ts';
import { errorPointer } from '../lib/spec-validator.ts';

export type Violation = {
  /** A JSON pointer into the response body, or the part of the response outside the body. */
  where: string;
  expected: string;
  actual: string;
};

export const RESPONSE_STATUS = 'HTTP status';
export const RESPONSE_CONTENT_TYPE = 'Content-Type header';

const maxShownLength = 160;

/** A short JSON rendering of what the server sent, for messages. */
export const shown = (value: unknown): string => {
  if (value === undefined) return 'nothing (absent)';
  const text = JSON.stringify(value);
  return text.length > maxShownLength ? `${text.slice(0, maxShownLength)}…` : text;
};

const expectation = (error: ErrorObject): string => {
  if (error.keyword === 'enum') return `one of ${shown(error.params.allowedValues)}`;
  if (error.keyword === 'const') return `exactly ${shown(error.params.allowedValue)}`;
  // Ajv words its messages as rules ("must be integer"); read them as expectations of the value.
  return `the value to ${(error.message ?? error.keyword).replace(/^must /, '')}`;
};

/** Turns Ajv's errors into violations that point at the offending value and quote it. */
export const violationsFromSchemaErrors = (errors: ErrorObject[], body: unknown, schemaName: string): Violation[] =>
  errors.map((error) => {
    // The shared validator files component schemas under $defs; name them as the spec does.
    const rule = `${schemaName} schema, keyword ${error.schemaPath.replace('#/$defs/', '#/components/schemas/')}`;
    const where = errorPointer(error);
    if (error.keyword === 'required') {
      return { where, expected: `required property "${error.params.missingProperty}" (${rule})`, actual: 'nothing (absent)' };
    }
    if (error.keyword === 'additionalProperties') {
      return { where, expected: `no property "${error.params.additionalProperty}" (${rule})`, actual: shown(valueAt(body, where)) };
    }
    return { where, expected: `${expectation(error)} (${rule})`, actual: shown(valueAt(body, where)) };
  });

const describeWhere = (where: string): string => (where.startsWith('/') ? `body ${where}` : where === '' ? 'body (root)' : where);

export const formatViolations = (variant: string, violations: Violation[]): string =>
  [
    `${violations.length} contract violation(s) in the ${variant} case:`,
    ...violations.map((v) => `  [${variant}] at ${describeWhere(v.where)}: expected ${v.expected}; server sent ${v.actual}`),
  ].join('\n');

export class ContractViolationError extends Error {
  constructor(readonly variant: string, readonly violations: Violation[]) {
    super(formatViolations(variant, violations));
    this.name = 'ContractViolationError';
  }
}

/** The assertion every contract test ends with. */
export const assertNoViolations = (variant: string, violations: Violation[]): void => {
  if (violations.length > 0) throw new ContractViolationError(variant, violations);
};
