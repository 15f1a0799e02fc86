// Where api-smart-diff gets a case wrong, the smallest fix on top of its answer. Each correction is covered
// by a test in contract-tests/diff/corrections.test.ts that shows the library's own answer first.
import type { Diff, DiffType } from 'api-smart-diff';
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

/**
 * The library calls every change of `type` breaking in a request and non-breaking in a response, whichever
 * way it goes. What matters is the direction: a request type may widen (the server accepts more) but not
 * narrow; a response type may narrow (clients receive less variety) but not widen.
 */
export const correctTypeChange = (diff: Diff, before: unknown, after: unknown): DiffType => {
  const index = schemaTypeIndex(diff.path);
  if (index < 0) return diff.type;
  const schemaPath = diff.path.slice(0, index);
  const [was, is] = [typesOf(locate(before, schemaPath)?.node), typesOf(locate(after, schemaPath)?.node)];
  if (!was || !is) return diff.type;
  const narrowed = was.some((type) => !covers(is, type));
  const widened = is.some((type) => !covers(was, type));
  const breaks = isResponsePath(diff.path) ? widened : narrowed;
  return breaks ? 'breaking' : 'non-breaking';
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
