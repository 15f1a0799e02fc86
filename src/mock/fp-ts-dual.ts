// Prism's validation is written as fp-ts pipelines, and each `E.chain(f)` or `O.chain(f)` in them
// goes through fp-ts's internal `dual`, which copies its arguments into arrays twice per call
// (`Array.from(arguments)`, then a spread): about a tenth of the mock's CPU per request. fp-ts builds
// its functions with `dual` as its modules load, so the mock lends it, before Prism loads fp-ts, a
// `dual` that passes the arguments of the usual calls on directly and hands every other call to the
// original. contract-tests/mock/fp-ts-dual.test.ts proves both give the same calls and answers.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Body = (...args: unknown[]) => unknown;
export type Dual = (arity: number | ((args: IArguments) => boolean), body: Body) => (...args: unknown[]) => unknown;
/** The `dual` fp-ts uses; once replaced, it keeps the original as `original`. */
type Replaceable = Dual & { original?: Dual };

/** The fp-ts function module Prism's fp-ts modules read `dual` from as they load. */
export const prismFpTsFunctions = (): { dual: Replaceable } =>
  createRequire(require.resolve('@stoplight/prism-http'))('fp-ts/lib/function');

/** Calls with as many arguments as the arity (data first) or one fewer (data last) skip the copies. */
export const directDual = (original: Dual): Dual => (arity, body) => {
  const general = original(arity, body);
  if (arity !== 2 && arity !== 3) return general;
  // A plain function with no declared parameters, as the original returns (its `length` is 0).
  return function (this: unknown) {
    const given = arguments.length;
    if (given === arity) return body.apply(this, arguments as unknown as unknown[]);
    if (given === arity - 1) {
      const first = arguments[0];
      if (arity === 2) return function (self: unknown) { return body.call(undefined, self, first); };
      const second = arguments[1];
      return function (self: unknown) { return body.call(undefined, self, first, second); };
    }
    return general.apply(this, arguments as unknown as unknown[]);
  };
};

export const lendDirectDual = (): void => {
  let functions: { dual: Replaceable };
  try {
    functions = prismFpTsFunctions();
  } catch {
    return; // fp-ts cannot be found from Prism (the fp-ts-dual test then fails, to say so)
  }
  // A later fp-ts without `dual` keeps its own way; an already replaced one stays as it is.
  if (typeof functions.dual !== 'function' || functions.dual.original) return;
  const original = functions.dual;
  const direct: Replaceable = directDual(original);
  direct.original = original;
  functions.dual = direct;
};
