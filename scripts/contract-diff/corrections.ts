// Where api-smart-diff gets a case wrong, the smallest fix on top of its answer. Each correction is covered
// by a test in contract-tests/diff/corrections.test.ts that shows the library's own answer first.
import type { Diff, DiffType } from 'api-smart-diff';
import { isDeepStrictEqual } from 'node:util';
import { tokensOf } from '../../src/lib/json-pointer.ts';
import { locate, type JsonPath } from './spec-walk.ts';

const allTypes = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

const typesOf = (schema: unknown): string[] | undefined => {
  if (schema === null || typeof schema !== 'object') return undefined;
  const type = (schema as { type?: unknown }).type;
  if (type === undefined) return allTypes;
  return Array.isArray(type) ? type.map(String) : [String(type)];
};

const covers = (types: string[], type: string): boolean =>
  types.includes(type) || (type === 'integer' && types.includes('number'));

/** Index of the `type` keyword of a schema in the path, or -1 (a property *named* "type" does not count). */
const schemaTypeIndex = (path: JsonPath): number => {
  const index = path.lastIndexOf('type');
  const atEnd = index === path.length - 1 || (index === path.length - 2 && typeof path.at(-1) === 'number');
  const isKeyword = index > 0 && path[index - 1] !== 'properties' && path.includes('schema');
  return atEnd && isKeyword ? index : -1;
};

export const isResponsePath = (path: JsonPath): boolean => path.includes('responses');

/*
 * Type changes: the library calls every change of `type` breaking in a request and non-breaking in a response, whichever
 * way it goes. What matters is the direction: a request type may widen (the server accepts more) but not
 * narrow; a response type may narrow (clients receive less variety) but not widen.
 */
const typeChange = (diff: Diff, before: unknown, after: unknown) => {
  const index = schemaTypeIndex(diff.path);
  if (index < 0) return undefined;
  const schemaPath = diff.path.slice(0, index);
  const [was, is] = [typesOf(locate(before, schemaPath)?.node), typesOf(locate(after, schemaPath)?.node)];
  if (!was || !is) return undefined;
  return { was, is, narrowed: was.some((type) => !covers(is, type)), widened: is.some((type) => !covers(was, type)) };
};

const isPropertyRemoval = (diff: Diff): boolean => diff.action === 'remove' && diff.path.at(-2) === 'properties';

export const correctedType = (diff: Diff, before: unknown, after: unknown): DiffType => {
  const type = typeChange(diff, before, after);
  if (type) return (isResponsePath(diff.path) ? type.widened : type.narrowed) ? 'breaking' : 'non-breaking';
  // The library calls removing an *optional* response property non-breaking. Clients built against the
  // contract read that property when it is there; taking it away silently drops data they use.
  if (isPropertyRemoval(diff) && isResponsePath(diff.path)) return 'breaking';
  return diff.type;
};

/** The library's words for an edited `type` array are "annotation (1)"; say what the type became. */
export const describeTypeChange = (diff: Diff, before: unknown, after: unknown): string | undefined => {
  const type = typeChange(diff, before, after);
  if (!type) return undefined;
  const verb = type.narrowed && !type.widened ? 'Narrowed' : type.widened && !type.narrowed ? 'Widened' : 'Changed';
  const where = isResponsePath(diff.path) ? 'response' : 'request';
  return `${verb} type in the ${where} from \`${type.was.join(' | ')}\` to \`${type.is.join(' | ')}\``;
};

/** The library describes every added parameter as "required"; say what the parameter really is. */
export const describeParameterChange = (diff: Diff, before: unknown, after: unknown): string | undefined => {
  const isParameter = diff.path.at(-2) === 'parameters' && typeof diff.path.at(-1) === 'number';
  if (!isParameter || (diff.action !== 'add' && diff.action !== 'remove')) return undefined;
  const parameter = locate(diff.action === 'add' ? after : before, diff.path)?.node as
    | { name?: string; in?: string; required?: boolean }
    | undefined;
  if (!parameter?.name) return undefined;
  const verb = diff.action === 'add' ? 'Added' : 'Removed';
  return `${verb} ${parameter.required ? 'required' : 'optional'} ${parameter.in} parameter \`${parameter.name}\``;
};

// What a schema requires, with its $refs resolved and its annotations left out; property names stay.
const annotationKeys = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs']);
const shapeOf = (spec: unknown, node: unknown, seen: ReadonlySet<string> = new Set(), namesOnly = false): unknown => {
  if (Array.isArray(node)) return node.map((item) => shapeOf(spec, item, seen));
  if (node === null || typeof node !== 'object') return node;
  const { $ref: ref, ...siblings } = node as Record<string, unknown>;
  const own = Object.entries(siblings)
    .filter(([key]) => namesOnly || !annotationKeys.has(key))
    .map(([key, value]) => [key, shapeOf(spec, value, seen, !namesOnly && key === 'properties')]);
  if (typeof ref !== 'string' || !ref.startsWith('#/') || seen.has(ref)) return Object.fromEntries(ref === undefined ? own : [...own, ['$ref', ref]]);
  return { target: shapeOf(spec, locate(spec, tokensOf(ref))?.node, new Set([...seen, ref])), ...Object.fromEntries(own) };
};

/*
 * The library pairs the items of an `allOf` or `oneOf` by likeness. When edits change every item at
 * once it can pair them crosswise and report each `$ref` as replaced by its sibling's, unclassified.
 * Where both specs hold the same `$ref` at that place and its schema differs only in annotations, nothing
 * was replaced. When the schema's requirements changed, the report stays: it is the library's only sign
 * of a change inside the item.
 */
export const isCrossedRef = (diff: Diff, before: unknown, after: unknown): boolean => {
  if (diff.action !== 'replace' || diff.path.at(-1) !== '$ref') return false;
  const refAt = (spec: unknown) => (locate(spec, diff.path.slice(0, -1))?.node as { $ref?: unknown } | undefined)?.$ref;
  const ref = refAt(before);
  if (typeof ref !== 'string' || ref !== refAt(after)) return false;
  const target = (spec: unknown) => shapeOf(spec, { $ref: ref });
  return isDeepStrictEqual(target(before), target(after));
};
