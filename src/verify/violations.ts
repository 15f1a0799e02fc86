// A contract violation says where a response broke the contract, what the contract expects there
// and what the server sent, so a failing CI job can be read without rerunning anything.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { valueAt } from '../lib/json-pointer.ts';
import { errorPointer } from '../lib/spec-validator.ts';
import { describeBasis, isJudgement, type Basis } from './evidence.ts';

export type Violation = {
  /** A JSON pointer into the response body, or the part of the response outside the body. */
  where: string;
  expected: string;
  actual: string;
  /** What the expectation rests on; left out, the check's own basis. */
  basis?: Basis;
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

const maxShownRequestLength = 600;

export const formatViolations = (label: string, violations: Violation[], sent?: unknown): string => {
  const advisory = violations.every((v) => v.basis && isJudgement(v.basis));
  return [
    `${violations.length} ${advisory ? 'advisory finding(s)' : 'contract violation(s)'} in the ${label} case:`,
    ...violations.map((v) => {
      const mark = v.basis && isJudgement(v.basis) ? 'advisory, ' : '';
      const source = v.basis ? ` (${mark}source: ${describeBasis(v.basis)})` : '';
      return `  [${label}] at ${describeWhere(v.where)}: expected ${v.expected}; server sent ${v.actual}${source}`;
    }),
    ...(sent === undefined ? [] : [`  [${label}] body sent: ${shownRequest(sent)}`]),
  ].join('\n');
};

/** The request body as sent, long enough to replay by hand. */
export const shownRequest = (body: unknown): string => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > maxShownRequestLength ? `${text.slice(0, maxShownRequestLength)}…` : text;
};

/** One violation per place in the body: a semantic check says nothing more where the schema already spoke. */
const oncePerPlace = (violations: Violation[]): Violation[] => {
  const seen = new Set<string>();
  return violations.filter((v) => {
    if (!v.where.startsWith('/')) return true;
    if (seen.has(v.where)) return false;
    seen.add(v.where);
    return true;
  });
};

export class ContractViolationError extends Error {
  constructor(readonly variant: string, readonly violations: Violation[], readonly sent?: unknown) {
    super(formatViolations(variant, oncePerPlace(violations), sent));
    this.name = 'ContractViolationError';
  }

  /** True when every finding rests on our judgement alone. */
  get advisory(): boolean {
    return this.violations.every((v) => v.basis !== undefined && isJudgement(v.basis));
  }

  /** Several cases' findings as one, each case's message kept whole. */
  static combine(label: string, errors: ContractViolationError[]): ContractViolationError {
    const combined = new ContractViolationError(label, errors.flatMap((error) => error.violations));
    combined.message = errors.map((error) => error.message).join('\n');
    return combined;
  }
}

/** The assertion every contract test ends with: each violation without a basis of its own takes the check's. */
export const assertNoViolations = (variant: string, violations: Violation[], basis?: Basis, sent?: unknown): void => {
  if (violations.length === 0) return;
  throw new ContractViolationError(variant, violations.map((v) => ({ ...v, basis: v.basis ?? basis })), sent);
};
