// Checks one HTTP response of an operation against the bundled spec: the status is declared, the
// content type is declared for it, and the body validates against its schema (the project's shared
// validator: JSON Schema 2020-12, strict, formats on), less what Elastic Path's own answers show.
import { checkoutPath } from '../lib/openapi.ts';
import { operationAt, readSpecOperations, type SpecOperation } from '../lib/spec-operations.ts';
import { SpecValidator } from '../lib/spec-validator.ts';
import { forgiven } from './evidence-allowances.ts';
import { evidence } from './evidence.ts';
import { RESPONSE_CONTENT_TYPE, RESPONSE_STATUS, shown, type Violation, violationsFromSchemaErrors } from './violations.ts';

export { checkoutPath };
export const tokenPath = '/oauth/access_token';

type MediaTypeObject = { schema?: { $ref?: string }; examples?: Record<string, { $ref?: string }> };
type ResponseObject = { content?: Record<string, MediaTypeObject> };

export type ReceivedResponse = { status: number; contentType: string | null; bodyText: string };
export type ResponseVerdict = { violations: Violation[]; body: unknown };
/** A rejection as the spec documents it: the status whose response lists the example, and the example's body. */
export type DocumentedError = { status: number; body: unknown };

// One validator per process: compiling the spec's schemas is the costly part.
let sharedValidator: SpecValidator | undefined;
export const specValidator = (): SpecValidator => (sharedValidator ??= new SpecValidator());

export class ResponseContract {
  private readonly validator = specValidator();
  private readonly responses: Record<string, ResponseObject | { $ref: string }>;
  /** The operation as the spec model reads it. */
  readonly operation: SpecOperation;

  constructor(private readonly path: string = checkoutPath) {
    this.responses = this.validator.spec.paths[path].post.responses;
    this.operation = operationAt(readSpecOperations(this.validator), path);
  }

  check(received: ReceivedResponse): ResponseVerdict {
    const basis = evidence.responseSchema;
    const declared = this.responseFor(received.status);
    if (!declared) {
      const expected = `one of the declared statuses ${Object.keys(this.responses).join(', ')}`;
      return { body: undefined, violations: [{ where: RESPONSE_STATUS, expected, actual: String(received.status), basis }] };
    }
    const mediaType = (received.contentType ?? '').split(';')[0].trim().toLowerCase();
    const content = declared.content ?? {};
    if (!(mediaType in content)) {
      const expected = `one of ${Object.keys(content).join(', ')} for status ${received.status}`;
      return { body: undefined, violations: [{ where: RESPONSE_CONTENT_TYPE, expected, actual: shown(received.contentType ?? undefined), basis }] };
    }
    let body: unknown;
    try {
      body = JSON.parse(received.bodyText);
    } catch {
      return { body: undefined, violations: [{ where: '', expected: `a JSON body (${mediaType})`, actual: shown(received.bodyText), basis }] };
    }
    const schemaRef = content[mediaType].schema?.$ref;
    if (!schemaRef) throw new Error(`The spec gives status ${received.status} (${mediaType}) of ${this.path} no component schema to validate against`);
    const context = { status: received.status, body };
    const errors = this.validator.validate(schemaRef, body).filter((error) => !forgiven(error, context));
    const violations = violationsFromSchemaErrors(errors, body, schemaRef.split('/').pop()!).map((violation) => ({ ...violation, basis }));
    return { body, violations };
  }

  /** The status and body of the named error example (its key in the spec), from the response that lists it. */
  documentedError(exampleName: string): DocumentedError {
    const found = [...this.operation.responseExamples].find(([, examples]) => examples.has(exampleName));
    if (!found) throw new Error(`No status of ${this.path} documents the example ${exampleName}`);
    const [status, examples] = found;
    return { status, body: examples.get(exampleName) };
  }

  /** The declared response for a status: the exact code, else its `4XX`-style range, else `default`. */
  private responseFor(status: number): ResponseObject | undefined {
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in this.responses);
    return key === undefined ? undefined : this.resolved(key);
  }

  private resolved(key: string): ResponseObject {
    let node = this.responses[key];
    while ('$ref' in node) node = this.validator.resolve(node.$ref) as ResponseObject | { $ref: string };
    return node;
  }
}
