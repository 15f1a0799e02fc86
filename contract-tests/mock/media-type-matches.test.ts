// The mock remembers Prism's answer to "does this media type match that declared one?"
// (src/mock/media-type-matches.ts). A remembered answer must equal a fresh one for every pair, asked
// first and again, whatever came before, and however few pairs are kept.
import { describe, expect, it } from 'vitest';
import {
  prismMediaTypeMatching,
  rememberMediaTypeMatches,
  rememberingMatcher,
  type MediaTypeMatch,
  type MediaTypeMatchOptions,
} from '../../src/mock/media-type-matches.ts';
import { validator } from './support.ts';

type Json = Record<string, any>;

// Every media type the spec declares, for requests and responses.
const declared = Object.values<Json>(validator.spec.paths).flatMap((pathItem) =>
  Object.values<Json>(pathItem).flatMap((operation) => [
    ...Object.keys(validator.deref(operation.requestBody ?? {}).content ?? {}),
    ...Object.values<Json>(operation.responses ?? {}).flatMap((response) => Object.keys(validator.deref(response).content ?? {})),
  ]),
);

// What requests send: the declared types in other spellings, wildcards, suffixes, parameters and garbage.
const sent = [
  'application/json',
  'APPLICATION/JSON',
  'application/json; charset=utf-8',
  'application/json;charset="utf-8"',
  'application/vnd.api+json',
  'application/problem+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  'text/*',
  'application/*',
  '*/*',
  'application',
  'application/',
  '/json',
  'application/json;',
  'application/json; =x',
  ' application/json',
  'a/bc',
  '',
];

const pairs = [...new Set([...declared, ...sent])].flatMap((a) => [...new Set([...declared, ...sent])].map((b) => [a, b] as const));

const { wildcardMediaTypeMatch } = prismMediaTypeMatching();
const fresh: MediaTypeMatch = wildcardMediaTypeMatch.compute ?? wildcardMediaTypeMatch;

// The pairs a matcher answers differently from Prism's own function, asked twice each, in two orders.
const disagreements = (matcher: MediaTypeMatch): string[] =>
  [...pairs, ...pairs, ...[...pairs].reverse()]
    .filter(([a, b]) => matcher(a, b) !== fresh(a, b))
    .map(([a, b]) => `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);

describe('remembered media type matches', () => {
  it('cover matches and mismatches of the spec’s own media types', () => {
    expect(declared).toContain('application/json');
    const answers = new Set(pairs.map(([a, b]) => fresh(a, b)));
    expect(answers).toEqual(new Set([true, false]));
  });

  it.each([
    ['kept without limit', { capacity: Infinity }],
    ['the default', {}],
    ['kept three at a time', { capacity: 3 }],
  ] as [string, MediaTypeMatchOptions][])('equal Prism’s fresh answers (%s)', (_name, options) => {
    expect(disagreements(rememberingMatcher(fresh, options))).toEqual([]);
  });

  it('are what Prism’s validator calls once the mock has set them up', () => {
    rememberMediaTypeMatches();
    rememberMediaTypeMatches();
    const matching = prismMediaTypeMatching();
    expect(matching.wildcardMediaTypeMatch.compute).toBe(fresh);
    expect(matching.wildcardMediaTypeMatch).not.toBe(fresh);
    expect(disagreements(matching.wildcardMediaTypeMatch)).toEqual([]);
  });

  // The comparison has teeth: a memo keyed on less than both strings gives wrong answers, and is caught.
  it.each([
    ['the declared media type', (a: string) => a],
    ['the request’s media type', (_a: string, b: string) => b],
  ])('catch a memo whose key leaves out %s', (_name, keyOf) => {
    expect(disagreements(rememberingMatcher(fresh, { capacity: Infinity, keyOf }))).not.toEqual([]);
  });
});
