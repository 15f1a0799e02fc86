// The mock compiles each path template Prism matches requests against once, not per request
// (src/mock/path-templates.ts). A template compiled once must match every path as a fresh one does,
// whichever paths came before.
import { expect, test } from 'vitest';
import { compilePathTemplatesOnce, prismUriTemplates } from '../../src/mock/path-templates.ts';
import { validator } from './support.ts';

const templates = Object.keys(validator.spec.paths);
const paths = [
  '/v2/carts/cart-1/checkout',
  '/v2/carts/insufficient-stock/checkout',
  '/v2/carts/a%20b%2Fc/checkout',
  '/v2/carts/%E0%A4%A/checkout',
  '/v2/carts//checkout',
  '/v2/carts/x/y/checkout',
  '/oauth/access_token',
  '/oauth/access_token/extra',
  '/',
];

// A match's result, or the error it throws (a malformed escape does, compiled once or not).
const outcome = (match: () => unknown): unknown => {
  try {
    return { matched: match() };
  } catch (error) {
    return { threw: String(error) };
  }
};

test('a path template compiled once matches every path as a freshly compiled one does', () => {
  compilePathTemplatesOnce();
  const { URI } = prismUriTemplates();
  const fresh = URI.Template.compile!;
  expect(fresh).toBeDefined();
  for (let round = 0; round < 2; round += 1) {
    for (const template of templates) {
      for (const path of paths) {
        const once = outcome(() => new URI.Template(template).match(path));
        expect(once, `${template} ${path}`).toEqual(outcome(() => new fresh(template).match(path)));
      }
    }
  }
  // Compiled once: the same compiled template every time.
  expect(new URI.Template(templates[0])).toBe(new URI.Template(templates[0]));
});
