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
