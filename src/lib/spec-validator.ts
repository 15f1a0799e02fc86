// The bundled spec read from disk, and its validator, for Node tools and tests. The validator itself
// (one Ajv setup) is src/lib/schema-validator.ts, which takes the document as an object.
import { loadBundledSpec } from './bundled-spec.ts';
import { SchemaValidator, type SpecDocument } from './schema-validator.ts';

export { describeErrors, errorPointer, type SpecDocument } from './schema-validator.ts';
export { loadBundledSpec };

/** The validator of the bundled spec (or of `spec`). */
export class SpecValidator extends SchemaValidator {
  constructor(spec: SpecDocument = loadBundledSpec()) {
    super(spec);
  }
}
