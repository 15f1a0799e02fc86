// Request bodies generated from the bundled spec (fast-check arbitraries derived from each variant's
// schema): valid ones reaching the corners the schema allows, and invalid ones with exactly one field
// broken. The schema is walked, never copied: a field added to the spec is generated the next run.
import fc from 'fast-check';
import { sourceOfPath } from '../lib/error-source.ts';
import type { SpecValidator } from '../lib/spec-validator.ts';
import { evidence, type Basis } from './evidence.ts';
import type { CheckoutBody } from './variants.ts';

type Schema = Record<string, any>;

/** An object schema with its `allOf` merged: plain properties, and groups of alternatives (`anyOf`) of which at least one holds. */
type ObjectShape = { properties: Record<string, Schema>; required: string[]; alternatives: ObjectShape[][] };

/** How a body is generated: any valid one, one with every optional field at its longest, or one with only what is required. */
export type Mode = 'random' | 'full' | 'required';

// Our bound for text the schema gives no maxLength: long enough to catch a store that cuts names short.
const unboundedTextLength = 100;
const nonAscii = [...'ëéèçñøåßüöäÆŒłžЖжλ東京'];
const textUnit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ...nonAscii, ' ', '-', "'", '.');
const longestText = (length: number): string => 'Zoë Ångström-Łukasz '.repeat(Math.ceil(length / 19)).slice(0, length).replace(/ $/, 'z');

/** Text a person would type: no leading or trailing space. */
const text = (minLength: number, maxLength: number, mode: Mode): fc.Arbitrary<string> => {
  if (mode === 'full') return fc.constant(longestText(maxLength));
  if (mode === 'required') return fc.constant(minLength === 0 ? '' : 'Zoë'.slice(0, Math.max(minLength, 3)));
  // Any length up to the maximum is as likely (size 'max'), so long text is common; it shrinks toward short ASCII.
  return fc.string({ unit: textUnit, minLength, maxLength, size: 'max' }).map((value) => value.replace(/^ | $/g, 'x'));
};

const word = (chars: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength });

/** Emails with capitals and `+` tags, the kind a store must not refuse. */
const email = (mode: Mode): fc.Arbitrary<string> => {
  if (mode !== 'random') return fc.constant('Zoe.Contract+verify@Example.org');
  const local = fc.tuple(word('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10), fc.option(word('abcdefghijklmnopqrstuvwxyz0123456789', 6)));
  return fc
    .tuple(local, word('abcdefghijklmnopqrstuvwxyz', 10), fc.constantFrom('org', 'com', 'co.uk'))
    .map(([[name, tag], domain, tld]) => `${name}${tag === null ? '' : `+${tag}`}@${domain}.${tld}`);
};

export class BodyGenerator {
  constructor(
    private readonly validator: SpecValidator,
    /** Values of the store's data by body path (`data.customer.id`): a UUID field must name what exists. */
    private readonly references: Record<string, string>,
    /** The schemas of the checkout variants, as the spec model reads them from the body's `oneOf`. */
    private readonly variantBranches: readonly string[],
  ) {}

  /** The arbitrary of valid bodies of a variant (`schemaRef`: its branch of CheckoutRequest). */
  bodies(schemaRef: string, mode: Mode): fc.Arbitrary<CheckoutBody> {
    const isValid = (body: CheckoutBody) => this.validator.validate(schemaRef, body.data).length === 0;
    const bodies = this.value(this.validator.resolve(schemaRef), ['data'], mode).map((data) => ({ data }) as CheckoutBody);
    if (mode === 'random') return bodies.filter(isValid);
    // The corner bodies are fixed: one the spec refuses means this generator is out of step with it.
    return bodies.map((body) => {
      if (!isValid(body)) throw new Error(`The ${mode} body generated for ${schemaRef} breaks the spec: ${JSON.stringify(body)}`);
      return body;
    });
  }

  /** Every body with one field broken, from a valid body of the variant (`account`: an account variant, where billing is required by us alone). */
  breakages(schemaRef: string, valid: CheckoutBody, account: boolean): BrokenBody[] {
    // Leaving out a key that tells the variants apart (`account`, `contact`, `customer`) makes another
    // variant's body, or none: the mixed-body and fixed checks judge those, not a field-by-field 400.
    const branches: Schema[] = this.variantBranches.map((ref) => this.validator.resolve(ref));
    const distinguishing = new Set(branches.flatMap((branch) => Object.entries<Schema>(branch.properties ?? {}).filter(([, property]) => this.forbidden(property)).map(([name]) => `data.${name}`)));
    return this.broken(this.shape(this.validator.resolve(schemaRef)), ['data'], valid.data as Record<string, unknown>, account)
      .filter((breakage) => !(breakage.what === 'left out' && distinguishing.has(breakage.field)))
      .map((breakage) => ({ ...breakage, body: { data: breakage.body } as unknown as CheckoutBody }));
  }

  private deref(schema: Schema): Schema {
    return this.validator.deref(schema);
  }

  /** A schema that allows nothing (the spec's NotAllowed): such a field is never generated. */
  private forbidden(schema: Schema): boolean {
    return 'not' in this.deref(schema);
  }

  private shape(schema: Schema): ObjectShape {
    const node = this.deref(schema);
    const shape: ObjectShape = { properties: {}, required: [...(node.required ?? [])], alternatives: [] };
    for (const [name, property] of Object.entries<Schema>(node.properties ?? {})) if (!this.forbidden(property)) shape.properties[name] = property;
    for (const part of node.allOf ?? []) {
      const merged = this.shape(part);
      Object.assign(shape.properties, merged.properties);
      shape.required.push(...merged.required);
      shape.alternatives.push(...merged.alternatives);
    }
    if (node.anyOf) shape.alternatives.push(node.anyOf.map((alternative: Schema) => this.shape(alternative)));
    return shape;
  }

  private value(schema: Schema, path: string[], mode: Mode): fc.Arbitrary<unknown> {
    const node = this.deref(schema);
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    if (node.type === 'string') return this.string(node, path, mode);
    if (node.type === 'object' || node.allOf || node.properties) return this.object(this.shape(node), path, mode);
    throw new Error(`No generator for the schema at ${sourceOfPath(path)}: ${JSON.stringify(node).slice(0, 120)}`);
  }

  private string(node: Schema, path: string[], mode: Mode): fc.Arbitrary<string> {
    if (node.format === 'uuid') {
      const reference = this.references[sourceOfPath(path)];
      if (reference === undefined) throw new Error(`${sourceOfPath(path)} names store data the suite has no setting for`);
      return fc.constant(reference);
    }
    if (node.format === 'email') return email(mode);
    return text(node.minLength ?? 0, node.maxLength ?? unboundedTextLength, mode);
  }

  private object(shape: ObjectShape, path: string[], mode: Mode): fc.Arbitrary<Record<string, unknown>> {
    // Which alternatives of each "at least one of" group hold: all of them, the last alone (a county-only
    // address), or any non-empty choice.
    const chosen = shape.alternatives.map((group) =>
      mode === 'full' ? fc.constant(group) : mode === 'required' ? fc.constant(group.slice(-1)) : fc.subarray(group, { minLength: 1 }),
    );
    return fc.tuple(...chosen).chain((groups) => {
      const picked = groups.flat();
      const properties: Record<string, Schema> = Object.assign({}, shape.properties, ...picked.map((alternative) => alternative.properties));
      const required = new Set([...shape.required, ...picked.flatMap((alternative) => alternative.required)]);
      const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, this.value(property, [...path, name], mode)]));
      if (mode === 'required') return fc.record(Object.fromEntries([...required].map((name) => [name, model[name]])));
      return fc.record(model, { requiredKeys: mode === 'full' ? Object.keys(model) : [...required] });
    });
  }

  /** Bodies that differ from `valid` in one field each: dropped when required, emptied, too long, or in a broken format. */
  private broken(shape: ObjectShape, path: string[], valid: Record<string, unknown>, account: boolean): { field: string; what: string; basis: Basis; body: Record<string, unknown> }[] {
    const inAlternatives = new Set(shape.alternatives.flat().flatMap((alternative) => Object.keys(alternative.properties)));
    const replaced = (name: string, value: unknown) => {
      const copy = { ...valid };
      if (value === undefined) delete copy[name];
      else copy[name] = value;
      return copy;
    };
    return Object.entries(shape.properties).flatMap(([name, property]) => {
      const field = sourceOfPath([...path, name]);
      // "At least one of" fields are judged by their own fixed check; one of them alone may be left out or empty.
      if (inAlternatives.has(name) || !(name in valid)) return [];
      const node = this.deref(property);
      const out: { field: string; what: string; basis: Basis; body: Record<string, unknown> }[] = [];
      if (shape.required.includes(name)) out.push({ field, what: 'left out', basis: account && field === 'data.billing_address' ? evidence.accountBillingRequired : evidence.requiredFields, body: replaced(name, undefined) });
      if (node.type === 'string') {
        if ((node.minLength ?? 0) > 0) out.push({ field, what: 'empty', basis: evidence.nonEmptyFields, body: replaced(name, '') });
        if (node.maxLength !== undefined) out.push({ field, what: `${node.maxLength + 1} characters long`, basis: lengthBasis(field), body: replaced(name, 'x'.repeat(node.maxLength + 1)) });
        if (node.format) out.push({ field, what: `not in format ${node.format}`, basis: evidence.formats, body: replaced(name, `not-a-${node.format}`) });
      }
      if (node.type === 'object' || node.allOf || node.properties) {
        const inner = valid[name];
        if (inner !== null && typeof inner === 'object') {
          out.push(...this.broken(this.shape(node), [...path, name], inner as Record<string, unknown>, account).map((breakage) => ({ ...breakage, body: replaced(name, breakage.body) })));
        }
      }
      return out;
    });
  }
}

export type BrokenBody = { field: string; what: string; basis: Basis; body: CheckoutBody };

const lengthBasis = (field: string): Basis => (field.endsWith('.external_ref') ? evidence.externalRefLength : evidence.lengthLimits);
