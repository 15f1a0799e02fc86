// Follows a path through a spec the way api-smart-diff sees it (with internal $refs resolved), and reports
// where the node really lives in the file, so a change can point at the line to edit.
import { pointerOf, tokensOf } from '../../src/lib/json-pointer.ts';

export type JsonPath = ReadonlyArray<string | number>;

const child = (node: unknown, key: string | number): unknown =>
  node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;

const refOf = (node: unknown): string | undefined => {
  const ref = child(node, '$ref');
  return typeof ref === 'string' && ref.startsWith('#/') ? ref : undefined;
};

export type Located = { node: unknown; pointer: string };

/**
 * The node at `path`, resolving internal $refs on the way; undefined when the path does not exist.
 * api-smart-diff wraps a `$ref` with sibling keywords as `allOf: [ref, siblings]` and a `oneOf` with
 * siblings as `allOf: [siblings, branch]`; such `allOf` steps, absent from the file, are walked through.
 */
export const locate = (spec: unknown, path: JsonPath): Located | undefined => {
  let node: unknown = spec;
  let where: Array<string | number> = [];
  const follow = (from: unknown): [unknown, Array<string | number>] => {
    let [target, at] = [from, where];
    for (let hops = 0, ref = refOf(target); ref && hops < 32; hops++, ref = refOf(target)) {
      at = tokensOf(ref);
      target = at.reduce<unknown>(child, spec);
    }
    return [target, at];
  };
  let onSiblings = false;
  for (let index = 0; index < path.length; index++) {
    const key = path[index];
    if (key === 'allOf' && child(follow(node)[0], 'allOf') === undefined) {
      onSiblings = path[index + 1] === 1 && refOf(node) !== undefined && Object.keys(node as object).length > 1;
      index++;
      continue;
    }
    if (!onSiblings) [node, where] = follow(node);
    onSiblings = false;
    node = child(node, key);
    if (node === undefined) return undefined;
    where = [...where, key];
  }
  return { node, pointer: pointerOf(...where) };
};

/** The node itself when it is not a reference, else what the reference points to. */
export const dereference = (spec: unknown, node: unknown): unknown => {
  const ref = refOf(node);
  return ref ? locate(spec, tokensOf(ref))?.node : node;
};
