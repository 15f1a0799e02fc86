// Prism's `mock` component, given through createInstance: reuses Prism's negotiated response for
// an identical negotiation. Prism still takes the routed operation and checks security for every
// request; only its last step, picking the declared response and
// example and assembling it, is remembered. That step reads nothing but the operation, the mock
// choice (status, example key, media types), the Accept header and the security results, and for
// a static mock it is a pure function of them, so the key is exactly those. Operations with
// callbacks (a side effect) and dynamic mocking (random by design) are never cached.
// contract-tests/mock/negotiation-cache.test.ts proves cached answers equal uncached ones.
import { boundedMemo } from './bounded-memo.ts';

type Either = { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: unknown };

export interface NegotiationRequest {
  resource: { id?: string; method?: string; path?: string; callbacks?: unknown[] };
  input: { data: { headers?: Record<string, string> }; validations: unknown[] };
  config: { dynamic?: boolean; code?: number | string; exampleKey?: string; mediaTypes?: string[]; ignoreExamples?: boolean; seed?: string };
}

/** Prism's `mock` component: negotiation request -> (logger -> result). */
export type Negotiate = (request: NegotiationRequest) => (logger: unknown) => Either;

const acceptOf = (headers: Record<string, string> | undefined): string | undefined => {
  if (!headers) return undefined;
  for (const name in headers) if (name.toLowerCase() === 'accept') return headers[name];
  return undefined;
};

/** Everything Prism's negotiation reads; two requests with the same key get the same answer. */
export const negotiationKey = ({ resource, input, config }: NegotiationRequest): string =>
  JSON.stringify([
    resource.id ?? `${resource.method} ${resource.path}`,
    config.code,
    config.exampleKey,
    config.mediaTypes,
    config.ignoreExamples,
    acceptOf(input.data.headers),
    input.validations,
  ]);

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

export interface NegotiationCacheOptions {
  /** Most answers kept; the oldest goes first. Hostile requests with ever-new validation messages cannot grow it. */
  capacity?: number;
  keyOf?: (request: NegotiationRequest) => string;
}

export const cachingNegotiator = (negotiate: Negotiate, options: NegotiationCacheOptions = {}): Negotiate => {
  const { capacity = 500, keyOf = negotiationKey } = options;
  const answers = boundedMemo<Either>(capacity);
  return (request) => {
    if (request.config.dynamic || request.resource.callbacks?.length) return negotiate(request);
    const key = keyOf(request);
    return (logger) => {
      const known = answers.get(key);
      if (known) return known;
      const answer = negotiate(request)(logger);
      // Only successful negotiations are kept: refusals are rare and carry a stack trace.
      if (answer._tag === 'Right') {
        // Frozen, because every later request shares it: a caller that mutated it would now fail loudly.
        answers.set(key, deepFreeze(answer));
      }
      return answer;
    };
  };
};
