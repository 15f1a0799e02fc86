// RFC 6901 JSON Pointers and local `$ref`s, read and written the same way by the mock, the gate and the suites.

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** The pointer of a path of keys, such as `/data/billing_address/line_1`. */
export const pointerOf = (...tokens: (string | number)[]): string =>
  tokens.map((token) => `/${escapeToken(String(token))}`).join('');

/** The keys of a pointer, or of a local reference such as `#/components/schemas/Order`. */
export const tokensOf = (pointer: string): string[] => pointer.replace(/^#/, '').split('/').slice(1).map(unescapeToken);

/** The value at a pointer (or local reference) in `root`; undefined when there is none. */
export const valueAt = (root: unknown, pointer: string): unknown =>
  tokensOf(pointer).reduce<unknown>(
    (node, token) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined),
    root,
  );

/** The node itself, or what its local `$ref` points at in `root` (followed until it is no reference). */
export const dereference = (root: unknown, node: any): any =>
  node !== null && typeof node === 'object' && typeof node.$ref === 'string' ? dereference(root, valueAt(root, node.$ref)) : node;
