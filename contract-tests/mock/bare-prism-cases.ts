// What the differential test sends to bare `prism mock` and to this mock: the hostile stream of
// scripts/mock/hostile-requests.ts as it is, and requests derived from the spec and the mock's own
// scenario table (a valid request per variant, every Prefer the spec can satisfy, every reserved
// cart reference, the variant rules). Each case says what must be equal, or why the two differ.
import { hostileRequests, type HostileRequest } from '../../scripts/mock/hostile-requests.ts';
import { checkoutVariants, type Grant } from '../../src/lib/checkout-variants.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { operationAt } from '../../src/lib/spec-operations.ts';
import { reservedCartReferences } from '../../src/mock/scenarios.ts';
import { checkoutOperation, checkoutRequestExample, specOperations } from './support.ts';

/** What both must agree on: the status and the example the answer is (or neither's is one), or the status only. */
export type Agreement = 'status and example' | 'status';

export interface DifferentialCase {
  name: string;
  request: HostileRequest;
  /** What Prism is sent instead, when the mock's feature has a Prism equivalent (a reserved reference is a Prefer). */
  prismRequest?: HostileRequest;
  /** What must be equal when Prism answers in the API's shape; undefined: the two differ, `because`. */
  agree?: Agreement;
  /** Why the example (agree: 'status') or the answer (agree: undefined) differs on purpose. */
  because?: string;
  /** Bare Prism dies on this request (an uncaught exception), so it is sent to Prism only when that is checked. */
  crashesPrism?: true;
}

export const reasons = {
  reflects: 'the mock reflects the request (the order carries what was sent, an error names the field at fault); Prism sends a fixed example',
  variantRule: 'a variant rule Prism cannot check (the spec states it in a description, not a schema)',
  unreadablePrefer: 'Prism ignores a Prefer it cannot read, or answers a 5xx for it; the mock refuses it with 400 naming Prefer',
  invalidUtf8: 'Prism decodes invalid UTF-8 with replacement characters and may accept the body; the mock answers 400',
  utf16: 'Prism decodes the body as UTF-8 whatever its charset and may accept it; the mock answers 415',
  bodyLimit: 'Prism has no body limit; the mock answers 413 above 1 MiB, as the API does',
  noContentType: 'Prism validates a body sent without a content type as JSON; the mock answers 415',
  emptyReference: 'Prism routes an empty cart reference to checkout and refuses it as a parameter; the mock finds no such path (404)',
  neverIssuedToken: 'Prism takes any bearer token; the mock answers 401 to a token it never issued, as the API does',
  multipleContentTypes: 'a list of content types is no media type; Prism reads its first, the mock answers 415',
} as const;

/** Bearer tokens of the form the mock mints, one per grant. */
const bearer: Record<Grant, string> = { implicit: 'Bearer mock_implicit_differential', client_credentials: 'Bearer mock_client_credentials_differential' };

/** The headers a variant's request example needs to be answered 201: a token of its grant and its required header (src/lib/checkout-variants.ts). */
const variantHeaders: Record<string, Record<string, string>> = Object.fromEntries(
  checkoutVariants.map(({ exampleKey, grant, requiredHeader }) => [
    exampleKey,
    { authorization: bearer[grant === 'either' ? 'implicit' : grant], ...(requiredHeader && { [requiredHeader.toLowerCase()]: 'differential-member' }) },
  ]),
);

const checkout = (name: string, body: unknown, headers: Record<string, string> = variantHeaders.CustomerObject, reference = 'differential-cart'): HostileRequest => ({
  name,
  method: 'POST',
  path: checkoutPath.replace('{reference}', encodeURIComponent(reference)),
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

const withPrefer = (request: HostileRequest, prefer: string): HostileRequest => ({
  ...request,
  name: `${request.name}, Prefer ${prefer}`,
  headers: { ...request.headers, prefer },
});

/** The variant rules Prism cannot check: each variant's example without its required header, or with a token of the other grant. */
const variantRuleCases = (): DifferentialCase[] =>
  checkoutVariants.flatMap(({ exampleKey, title, grant, requiredHeader, refusals: { missingHeader, wrongGrant } }): DifferentialCase[] => {
    const example = checkoutRequestExample(exampleKey);
    const headers = variantHeaders[exampleKey];
    const cases: DifferentialCase[] = [];
    if (missingHeader && requiredHeader) {
      const withoutHeader = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== requiredHeader.toLowerCase()));
      cases.push({ name: `${title} variant without its header`, request: checkout(`${exampleKey} example, no header`, example, withoutHeader), because: reasons.variantRule });
    }
    if (wrongGrant && grant !== 'either') {
      const other = (Object.keys(bearer) as Grant[]).find((another) => another !== grant)!;
      const request = checkout(`${exampleKey} example, ${other} token`, example, { ...headers, authorization: bearer[other] });
      cases.push({ name: `${title} variant with a token of the ${other} grant`, request, because: reasons.variantRule });
    }
    return cases;
  });

const specCases = (): DifferentialCase[] => {
  const body = checkoutRequestExample('CustomerObject');
  const valid = checkout('CustomerObject example', body);
  const cases: DifferentialCase[] = [];
  for (const variant of checkoutOperation.requestExamples.keys()) {
    cases.push({ name: `valid ${variant}`, request: checkout(`${variant} example`, checkoutRequestExample(variant), variantHeaders[variant]), agree: 'status', because: reasons.reflects });
  }
  for (const [status, examples] of checkoutOperation.responseExamples) {
    const keys = [...examples.keys()];
    const code = { name: `Prefer code=${status}`, request: withPrefer(valid, `code=${status}`) };
    cases.push(status === 201 ? { ...code, agree: 'status', because: reasons.reflects } : { ...code, agree: 'status and example' });
    for (const key of keys) cases.push({ name: `Prefer code=${status}, example=${key}`, request: withPrefer(valid, `code=${status}, example=${key}`), agree: 'status and example' });
  }
  for (const [reference, { code, exampleKey }] of reservedCartReferences) {
    const request = checkout(`reserved reference ${reference}`, body, variantHeaders.CustomerObject, reference);
    // Prism knows no reserved references: the same answer is what it gives when asked for it by Prefer.
    cases.push({ name: request.name, request, prismRequest: withPrefer(request, `code=${code}, example=${exampleKey}`), agree: 'status and example' });
  }
  const missingLine1 = checkoutRequestExample('CustomerId');
  delete missingLine1.data.billing_address.line_1;
  cases.push(
    { name: 'no Authorization', request: checkout('no Authorization', body, {}), agree: 'status and example' },
    { name: 'a bearer token the mock never issued', request: checkout('a bearer token the mock never issued', body, { authorization: 'Bearer any-token' }), because: reasons.neverIssuedToken },
    { name: 'Authorization Basic', request: checkout('Authorization Basic', body, { authorization: 'Basic dXNlcjpwYXNz' }), agree: 'status and example' },
    { name: 'a missing required field', request: checkout('a missing required field', missingLine1), agree: 'status', because: reasons.reflects },
    { name: 'an empty body', request: checkout('an empty body', ''), agree: 'status', because: reasons.reflects },
    { name: 'an X-MOLTIN-CURRENCY breaking its pattern', request: checkout('X-MOLTIN-CURRENCY usd', body, { ...variantHeaders.CustomerObject, 'x-moltin-currency': 'usd' }), agree: 'status', because: reasons.reflects },
    ...variantRuleCases(),
    { name: 'Prefer foo', request: withPrefer(valid, 'foo'), because: reasons.unreadablePrefer },
  );
  return cases;
};

// The hostile stream's requests whose answers differ on purpose; every other one must agree on its status.
const hostileDifferences: [RegExp, string][] = [
  [/^invalid UTF-8 /, reasons.invalidUtf8],
  [/charset=utf-16$/, reasons.utf16],
  [/^content type application\/json, text\/plain$/, reasons.multipleContentTypes],
  [/^(token request of 2 MiB|[25] MiB valid-looking JSON)$/, reasons.bodyLimit],
  [/^no content type/, reasons.noContentType],
  [/^path \/v2\/carts\/\/checkout$/, reasons.emptyReference],
  [/^Prefer /, reasons.unreadablePrefer],
];

// The hostile requests on which bare Prism 5.14 dies: an exception escapes its request handler.
const crashesPrism = /^(invalid UTF-8 e282 at 73|path \/v2\/carts\/(%FF|%E0%A4%A|%)\/checkout|Accept ,,;q=x, valid body)$/;

const hostileCases = (): DifferentialCase[] =>
  hostileRequests(checkoutRequestExample('CustomerId')).map((request): DifferentialCase => {
    if (crashesPrism.test(request.name)) return { name: request.name, request, because: 'bare Prism crashes on it', crashesPrism: true };
    const because = hostileDifferences.find(([name]) => name.test(request.name))?.[1];
    return because ? { name: request.name, request, because } : { name: request.name, request, agree: 'status' };
  });

export const differentialCases = (): DifferentialCase[] => [...specCases(), ...hostileCases()];

/** The name of the declared example of `status` on the request's operation that `body` is, verbatim. */
export const exampleOf = (path: string, status: number, body: unknown): string | undefined => {
  const operation = path.startsWith('/oauth/') ? operationAt(specOperations, '/oauth/access_token') : checkoutOperation;
  return [...(operation.responseExamples.get(status) ?? [])].find(([, example]) => JSON.stringify(example) === JSON.stringify(body))?.[0];
};
