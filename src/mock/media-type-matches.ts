// Prism's request validation asks, twice per request, whether the request's media type matches each
// media type the operation declares, and answers by parsing both strings afresh with content-type
// and fp-ts: about a tenth of the mock's CPU per request. The answer is a pure function of the two
// strings, so the mock remembers it per pair; Prism still asks it for every request's own
// Content-Type. contract-tests/mock/media-type-matches.test.ts proves remembered answers equal fresh ones.
import { createRequire } from 'node:module';
import { boundedMemo } from './bounded-memo.ts';

const require = createRequire(import.meta.url);

export type MediaTypeMatch = (mediaType: string, declared: string) => boolean;
/** The function Prism calls; once replaced, it keeps the original as `compute`. */
type Replaceable = MediaTypeMatch & { compute?: MediaTypeMatch };

/** The module whose export Prism's validator calls (through the module, so a replaced export is seen). */
export const prismMediaTypeMatching = (): { wildcardMediaTypeMatch: Replaceable } =>
  createRequire(require.resolve('@stoplight/prism-http'))('./validator/utils/wildcardMediaTypeMatch');

export interface MediaTypeMatchOptions {
  /** Most pairs kept; the oldest goes first, so ever-new Content-Type headers cannot grow it. */
  capacity?: number;
  keyOf?: (mediaType: string, declared: string) => string;
}

// The first string's length makes the key unambiguous whatever characters the strings hold.
const pairKey = (mediaType: string, declared: string): string => `${mediaType.length}:${mediaType}${declared}`;

export const rememberingMatcher = (compute: MediaTypeMatch, options: MediaTypeMatchOptions = {}): MediaTypeMatch => {
  const { capacity = 500, keyOf = pairKey } = options;
  const answers = boundedMemo<boolean>(capacity);
  return (mediaType, declared) => {
    // Prism passes strings; anything else is answered afresh.
    if (typeof mediaType !== 'string' || typeof declared !== 'string') return compute(mediaType, declared);
    const key = keyOf(mediaType, declared);
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(mediaType, declared);
      answers.set(key, answer);
    }
    return answer;
  };
};

export const rememberMediaTypeMatches = (options?: MediaTypeMatchOptions): void => {
  let matching: { wildcardMediaTypeMatch: Replaceable };
  try {
    matching = prismMediaTypeMatching();
  } catch {
    return; // a later Prism without this module (the media-type-matches test then fails, to say so)
  }
  if (matching.wildcardMediaTypeMatch.compute) return;
  const compute = matching.wildcardMediaTypeMatch;
  const remembering: Replaceable = rememberingMatcher(compute, options);
  remembering.compute = compute;
  matching.wildcardMediaTypeMatch = remembering;
};
