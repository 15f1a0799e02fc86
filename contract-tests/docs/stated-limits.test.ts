// Length limits the mock guide states ("external_ref (at most 64 characters)") must be the spec's: every
// field a statement names has that maxLength, and every body field with a maxLength is stated.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { repoRoot } from '../../src/lib/paths.ts';
import { operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';

const validator = new SpecValidator();
// The checkout variants' schemas, as the spec model finds them in the request body's oneOf.
const variantSchemas = operationAt(readSpecOperations(validator), checkoutPath).variants!.branches.map((branch) => validator.resolve(branch));
const guide = fs.readFileSync(path.join(repoRoot, 'docs', 'mock.md'), 'utf8');

type Statement = { fields: string[]; limit: number; text: string };

// A list of field names ("order_number and external_ref", "`a`, `b` or `c`") right before "(at most N characters)".
const statement = /((?:`?[a-z_]+`?(?:, | and | or ))*`?[a-z_]+`?) \(at most (\d+) characters\)/g;

const statedLimits = (markdown: string): Statement[] =>
  [...markdown.matchAll(statement)].map((match) => ({
    fields: match[1].split(/, | and | or /).map((field) => field.replaceAll('`', '')),
    limit: Number(match[2]),
    text: match[0],
  }));

/** maxLength of each property of the checkout variants that has one, by property name. */
const bodyLimits = (): Map<string, number | undefined> => {
  const limits = new Map<string, number | undefined>();
  for (const schema of variantSchemas)
    for (const [name, property] of Object.entries(schema.properties as Record<string, unknown>))
      limits.set(name, validator.deref(property).maxLength as number | undefined);
  return limits;
};

const wrongStatements = (markdown: string): string[] => {
  const limits = bodyLimits();
  return statedLimits(markdown).flatMap(({ fields, limit, text }) =>
    fields.filter((field) => limits.get(field) !== limit).map((field) => `${field}: "${text}", the spec says ${limits.get(field) ?? 'no limit'}`),
  );
};

describe('length limits in docs/mock.md', () => {
  it("are the spec's maxLength for every field a statement names", () => {
    expect(statedLimits(guide).length).toBeGreaterThan(0);
    expect(wrongStatements(guide)).toEqual([]);
  });

  it('are stated for every body field with a maxLength', () => {
    const stated = new Set(statedLimits(guide).flatMap((statement) => statement.fields));
    const limited = [...bodyLimits()].filter(([, limit]) => limit !== undefined).map(([name]) => name);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.filter((name) => !stated.has(name))).toEqual([]);
  });

  it('catch a limit stated for a field that has none (the sentence this guide once had)', () => {
    expect(wrongStatements('your own order_number and external_ref (at most 64 characters)')).toEqual([
      'order_number: "order_number and external_ref (at most 64 characters)", the spec says no limit',
    ]);
  });
});
