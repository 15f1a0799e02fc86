// The mock lends fp-ts a `dual` that skips argument copies (src/mock/fp-ts-dual.ts). Every call to
// a function it builds must reach the body with the same `this` and arguments, and give the same
// answer and the same kind of function, as one built by fp-ts's own `dual`.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { directDual, lendDirectDual, prismFpTsFunctions, type Dual } from '../../src/mock/fp-ts-dual.ts';
import { createPrismEngine } from '../../src/mock/prism-engine.ts';
import { bundledSpecPath } from '../../src/lib/paths.ts';

const original: Dual = prismFpTsFunctions().dual.original ?? prismFpTsFunctions().dual;

// A body that reports exactly how it was called.
const body = function (this: unknown, ...args: unknown[]) {
  return { this: this ?? 'none', args };
};

const arities: Parameters<Dual>[0][] = [1, 2, 3, 4, (args) => typeof args[0] === 'string'];
const receivers = [undefined, { receiver: true }];
const argumentLists = [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd', 'e']];

// What a built function does when called: the body's call, or the function it returns and what that does.
const observe = (built: (...args: unknown[]) => unknown, receiver: unknown, args: unknown[]): unknown => {
  const result = built.apply(receiver, args);
  if (typeof result !== 'function') return { result, length: built.length };
  return { length: built.length, returnsLength: result.length, withData: result('data'), withExtra: result('data', 'extra') };
};

// The calls a `dual` answers differently from fp-ts's own.
const differences = (dual: Dual): string[] =>
  arities.flatMap((arity) =>
    receivers.flatMap((receiver) =>
      argumentLists
        .filter((args) => JSON.stringify(observe(dual(arity, body), receiver, args)) !== JSON.stringify(observe(original(arity, body), receiver, args)))
        .map((args) => `arity ${typeof arity === 'number' ? arity : 'predicate'}, ${args.length} arguments, this ${JSON.stringify(receiver)}`),
    ),
  );

describe('the direct dual', () => {
  it('calls every body as fp-ts’s own dual does, data first and data last', () => {
    expect(differences(directDual(original))).toEqual([]);
  });

  it('is what fp-ts builds Prism’s functions with once the mock has started Prism', async () => {
    lendDirectDual();
    await createPrismEngine(bundledSpecPath);
    expect(prismFpTsFunctions().dual.original).toBe(original);
    const either = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'))('fp-ts/lib/Either');
    const dataLast = (dual: Dual) => String(dual(2, body)('f'));
    expect(String(either.flatMap(() => undefined))).toBe(dataLast(directDual(original)));
    expect(dataLast(directDual(original))).not.toBe(dataLast(original));
  });

  // The comparison has teeth: a dual that loses `this`, swaps the data and the function, or drops an
  // argument is caught.
  const broken: [string, Dual][] = [
    ['loses this', (arity, fn) => directDual(original)(arity, function (this: unknown, ...args) { return fn.apply(undefined, args); })],
    ['puts the data last', (arity, fn) => directDual(original)(arity, function (this: unknown, ...args) { return fn.apply(this, args.length === 2 ? [args[1], args[0]] : args); })],
    ['drops the third argument', (arity, fn) => directDual(original)(arity, function (this: unknown, ...args) { return fn.apply(this, args.slice(0, 2)); })],
  ];
  it.each(broken)('catches a dual that %s', (_name, dual) => {
    expect(differences(dual)).not.toEqual([]);
  });
});
