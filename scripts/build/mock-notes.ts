// What the reference page says about the mock: the `Prefer` header and the reserved cart references,
// which choose the mock's answer and which the API itself does not read. The page alone carries them
// (the bundled spec is the API's contract); the reserved references and their answers are read from
// the mock's own table, so the page cannot name one the mock lacks.
import { checkoutPath } from '../../src/lib/openapi.ts';
import { dereference } from '../../src/lib/json-pointer.ts';
import { SchemaValidator } from '../../src/lib/schema-validator.ts';
import { operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { reservedCartReferences } from '../../src/mock/scenarios.ts';

type Json = Record<string, any>;

// Each reserved reference's answer by the summary of its example, as the spec model reads the checkout's examples by status and key.
const reservedReferencesText = (spec: Json): string => {
  const summaries = operationAt(readSpecOperations(new SchemaValidator(spec)), checkoutPath).text.exampleSummaries;
  return [...reservedCartReferences]
    .map(([reference, { code, exampleKey }]) => `\`${reference}\` answers \`${code}\` ${summaries.get(code)?.get(exampleKey) ?? exampleKey}`)
    .join(', ');
};

const operationNotes = (spec: Json): string => `
**Trying errors against the mock** (\`npx ep-checkout mock\`, the \`127.0.0.1:4010\` server): two inputs
the API itself does not read pick the answer to an otherwise valid request.

- The \`Prefer\` header: \`Prefer: code=404\` answers that declared status with its first example,
  \`Prefer: example=InsufficientStock\` that named example (the names of the examples on this page),
  \`Prefer: code=400, example=CurrencyMismatch\` both; anything else is answered \`400\` with \`source\` \`Prefer\`.
- Reserved cart references: ${reservedReferencesText(spec)}.
`;

const referenceNote = `
The mock reserves ${[...reservedCartReferences.keys()].map((reference) => `\`${reference}\``).join(', ')} for its error answers (see the operation's description).`;

/** The spec with the mock's notes in the checkout operation's and the cart reference's descriptions. */
export const withMockNotes = (spec: Json): Json => {
  const copy = structuredClone(spec);
  const operation = copy.paths[checkoutPath].post;
  operation.description = `${operation.description.trimEnd()}\n${operationNotes(spec)}`;
  const reference = (copy.paths[checkoutPath].parameters as Json[]).map((parameter) => dereference(copy, parameter)).find((parameter) => parameter.name === 'reference');
  reference.description = `${reference.description.trimEnd()}${referenceNote}`;
  return copy;
};
