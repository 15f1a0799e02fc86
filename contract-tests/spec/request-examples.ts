// The spec's own request examples, by variant title, for tests that start from a valid body.
import { checkoutPath } from '../../src/lib/openapi.ts';
import type { SpecValidator } from '../../src/lib/spec-validator.ts';

export type CheckoutBody = { data: Record<string, any> };

export const requestExamplesByVariant = (validator: SpecValidator): Record<string, CheckoutBody> => {
  const body = validator.resolve(validator.spec.paths[checkoutPath].post.requestBody.$ref);
  const examples = Object.values(body.content['application/json'].examples) as { $ref: string }[];
  return Object.fromEntries(
    examples.map((ref) => {
      const example = validator.resolve(ref.$ref) as { summary: string; value: CheckoutBody };
      return [example.summary, example.value];
    }),
  );
};
