// The one Ajv setup: validates JSON values against the schemas of an OpenAPI document with a JSON
// Schema 2020-12 validator (strict mode, formats on), so request bodies, parameters, examples,
// fixtures and server answers are all judged alike. The document comes in as an object, so this
// module runs in Node and in a browser alike.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { dereference, pointerOf, valueAt } from './json-pointer.ts';

// OpenAPI annotations that may sit inside schemas; strict mode would reject them as unknown keywords.
const openApiSchemaKeywords = ['example', 'xml', 'externalDocs', 'discriminator'];
const specId = 'urn:checkout-contract:openapi';
const componentSchemas = '#/components/schemas/';

export type SpecDocument = Record<string, any>;

export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly compiledInline = new WeakMap<object, ValidateFunction>();

  constructor(readonly spec: SpecDocument) {
    // Union types (`type: [string, number, …]`) are plain JSON Schema; Elastic Path uses one for `meta.value`.
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    ajvFormats.default(this.ajv);
    this.ajv.addVocabulary(openApiSchemaKeywords);
    // The component schemas are registered once, as `$defs` of one schema, so their references resolve.
    const schemas = JSON.stringify(this.spec.components.schemas).replaceAll(componentSchemas, '#/$defs/');
    this.ajv.addSchema({ $id: specId, $defs: JSON.parse(schemas) });
  }

  /** Validates `value` against a component schema, named by its reference such as `#/components/schemas/Order`. */
  validate(schemaRef: string, value: unknown): ErrorObject[] {
    if (!schemaRef.startsWith(componentSchemas)) throw new Error(`Not a component schema: ${schemaRef}`);
    let validateFn = this.compiled.get(schemaRef);
    if (!validateFn) {
      validateFn = this.ajv.compile({ $ref: `${specId}#/$defs/${schemaRef.slice(componentSchemas.length)}` });
      this.compiled.set(schemaRef, validateFn);
    }
    return validateFn(value) ? [] : [...(validateFn.errors ?? [])];
  }

  /** Validates `value` against a schema written inline in the document (a parameter's, say), compiled once. */
  validateInline(schema: object, value: unknown): ErrorObject[] {
    let validateFn = this.compiledInline.get(schema);
    if (!validateFn) {
      validateFn = this.ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll(componentSchemas, `${specId}#/$defs/`)));
      this.compiledInline.set(schema, validateFn);
    }
    return validateFn(value) ? [] : [...(validateFn.errors ?? [])];
  }

  /** The object a local `#/...` reference points at. */
  resolve(ref: string): any {
    return valueAt(this.spec, ref);
  }

  /** The node itself, or what its `$ref` points at. */
  deref(node: unknown): any {
    return dereference(this.spec, node);
  }
}

/** The pointer of the value an Ajv error is about: the missing or unexpected property itself, not its parent. */
export const errorPointer = (error: ErrorObject): string => {
  const params = error.params as Record<string, unknown>;
  const property = params.missingProperty ?? params.additionalProperty;
  return typeof property === 'string' ? error.instancePath + pointerOf(property) : error.instancePath;
};

export const describeErrors = (errors: ErrorObject[]): string =>
  errors.map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
