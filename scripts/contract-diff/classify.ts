// Every difference between two bundled specs, classified by api-smart-diff and mapped to what a reader
// needs: how bad it is, where it is (operation, checkout variant, JSON pointer) and one line saying what.
import { apiCompare, type Diff } from 'api-smart-diff';
import { correctedType, describeParameterChange, describeTypeChange, isCrossedRef } from './corrections.ts';
import { inlineOperationRefs } from './inline-refs.ts';
import { pointerOf } from '../../src/lib/json-pointer.ts';
import { httpMethods } from '../../src/lib/openapi.ts';
import { dereference, locate, type JsonPath } from './spec-walk.ts';

export type Kind = 'breaking' | 'non-breaking' | 'annotation';

export type Change = {
  kind: Kind;
  /** Where to edit: a JSON pointer into the bundled spec (after the change, or before it for removals). */
  pointer: string;
  /** Like `POST /v2/carts/{reference}/checkout`, when the change is inside an operation. */
  operation?: string;
  /** The title of the request-body `oneOf` branch the change is in, e.g. "Account checkout". */
  variant?: string;
  description: string;
};

// The library reports "deprecated" separately (not breaking) and "unclassified" when it has no rule;
// the gate holds the unknown as breaking so that nothing slips through unread.
const kindOf = (type: Diff['type']): Kind =>
  type === 'annotation' ? 'annotation' : type === 'non-breaking' || type === 'deprecated' ? 'non-breaking' : 'breaking';

const operationOf = (path: JsonPath): string | undefined => {
  if (path[0] !== 'paths' || typeof path[1] !== 'string') return undefined;
  const method = path[2];
  return typeof method === 'string' && httpMethods.includes(method) ? `${method.toUpperCase()} ${path[1]}` : path[1];
};

const variantOf = (path: JsonPath, spec: unknown): string | undefined => {
  const index = path.indexOf('oneOf');
  if (index < 0 || !path.includes('requestBody') || path.length <= index + 1) return undefined;
  const branch = dereference(spec, locate(spec, path.slice(0, index + 2))?.node) as { title?: unknown } | undefined;
  return typeof branch?.title === 'string' ? branch.title : `oneOf branch ${String(path[index + 1])}`;
};

// Components show up again, resolved, under the operations that use them; only security schemes
// (referred to by name, not by $ref) need reporting where they are.
const isReported = (path: JsonPath): boolean => path[0] !== 'components' || path[1] === 'securitySchemes';

// The library writes "[Removed] property ..."; some of its templates come out empty or headless.
const tidy = (description: string | undefined): string | undefined => {
  const text = description?.replace(/^\[(\w+)\] /, '$1 ');
  return text && /^\w/.test(text) ? text : undefined;
};

const verbs = { add: 'Added', remove: 'Removed', replace: 'Changed', rename: 'Renamed' } as const;

export const classifyChanges = (before: unknown, after: unknown): Change[] => {
  const { diffs } = apiCompare(inlineOperationRefs(before), inlineOperationRefs(after));
  return diffs.filter((diff) => isReported(diff.path) && !isCrossedRef(diff, before, after)).map((diff) => {
    const side = diff.action === 'remove' ? before : after;
    const description =
      describeParameterChange(diff, before, after) ??
      describeTypeChange(diff, before, after) ??
      tidy(diff.description) ??
      `${verbs[diff.action]} \`${String(diff.path.at(-1))}\``;
    const unclassified = diff.type === 'unclassified' ? ' (unclassified by api-smart-diff; held as breaking)' : '';
    return {
      kind: kindOf(correctedType(diff, before, after)),
      pointer: (locate(side, diff.path) ?? locate(before, diff.path))?.pointer ?? pointerOf(...diff.path),
      operation: operationOf(diff.path),
      variant: variantOf(diff.path, side) ?? variantOf(diff.path, before),
      description: description + unclassified,
    };
  });
};
