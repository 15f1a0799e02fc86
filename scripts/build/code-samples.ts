// Request samples for the reference page (Redoc's `x-codeSamples`), one curl and one TypeScript sample
// per checkout variant, written from the spec's own request examples at build time so they cannot drift
// from them. They go into the page only: the bundled spec stays the contract. The docs project runs
// every sample against the mock (contract-tests/docs/code-samples.test.ts).
import { variantByExampleKey, type CheckoutVariant } from '../../src/lib/checkout-variants.ts';
import { dereference } from '../../src/lib/json-pointer.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';

type Json = Record<string, any>;
type Grant = CheckoutVariant['grant'];
export type CodeSample = { lang: 'curl' | 'TypeScript'; label: string; source: string; variant: string };

/** What a sample needs to be sent: the example key of its variant, the token's grant, an extra header. */
type VariantSample = { variant: string; summary: string; body: unknown; grant: Grant; header?: string };

const identifier = /^[A-Za-z_$][\w$]*$/;

/** A JSON value as a TypeScript literal a person would write: unquoted keys where they can be. */
const literal = (value: unknown, indent: string): string => {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${literal(item, inner)},`).join('\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([key, item]) => `${inner}${identifier.test(key) ? key : `'${key}'`}: ${literal(item, inner)},`);
  return `{\n${entries.join('\n')}\n${indent}}`;
};

const tokenComments: Record<Grant, string> = {
  client_credentials: 'a client credentials token (back ends only)',
  implicit: 'an implicit token (storefronts)',
  either: 'an implicit (storefront) or client credentials token',
};
const tokenComment = (grant: Grant): string => tokenComments[grant];

const curlSample = (sample: VariantSample, baseUrl: string, reference: string): string =>
  [
    `# ${sample.summary}: $ACCESS_TOKEN is ${tokenComment(sample.grant)} from POST /oauth/access_token`,
    `curl -sS -X POST ${baseUrl}${checkoutPath.replace('{reference}', reference)} \\`,
    `  -H "Authorization: Bearer $ACCESS_TOKEN" \\`,
    ...(sample.header ? [`  -H "${sample.header}: $ACCOUNT_MANAGEMENT_TOKEN" \\`] : []),
    `  -H 'Content-Type: application/json' \\`,
    `  --data @- <<'JSON'`,
    JSON.stringify(sample.body, null, 2),
    'JSON',
  ].join('\n');

const typeScriptSample = (sample: VariantSample, baseUrl: string, reference: string): string => {
  const names = sample.header ? 'token, accountManagementToken' : 'token';
  const fields = sample.header ? 'token: string; accountManagementToken: string' : 'token: string';
  const header = sample.header ? `, header: { '${sample.header}': accountManagementToken }` : '';
  return [
    "import { createCheckoutClient } from '@ep-checkout/contract';",
    '',
    `// ${sample.summary}: \`token\` is ${tokenComment(sample.grant)} from POST /oauth/access_token.`,
    `type CheckoutOptions = { ${fields}; baseUrl?: string };`,
    '',
    `export const checkOut = async ({ ${names}, baseUrl = '${baseUrl}' }: CheckoutOptions) => {`,
    '  const client = createCheckoutClient({ baseUrl, token });',
    `  const { data, error } = await client.POST('${checkoutPath}', {`,
    `    params: { path: { reference: '${reference}' }${header} },`,
    `    body: ${literal(sample.body, '    ')},`,
    '  });',
    "  if (error) throw new Error(error.errors.map((entry) => entry.title).join('; '));",
    '  return data.data; // the order',
    '};',
  ].join('\n');
};

/** The checkout operation's request examples, in the spec's order, with what sending each one needs. */
const variantSamples = (spec: Json): VariantSample[] => {
  const requestBody = dereference(spec, spec.paths[checkoutPath].post.requestBody);
  return Object.entries(requestBody.content['application/json'].examples as Json).map(([variant, ref]) => {
    const example = dereference(spec, ref);
    const needs = variantByExampleKey(variant);
    if (!needs) throw new Error(`The request example ${variant} is no variant of src/lib/checkout-variants.ts`);
    return { variant, summary: example.summary, body: example.value, grant: needs.grant, header: needs.requiredHeader };
  });
};

/** Every sample, curl and TypeScript for each variant, against the spec's first server. */
export const codeSamples = (spec: Json): CodeSample[] => {
  const baseUrl = spec.servers[0].url as string;
  const parameters = (spec.paths[checkoutPath].parameters as Json[]).map((parameter) => dereference(spec, parameter));
  const reference = parameters.find((parameter) => parameter.name === 'reference').example as string;
  return variantSamples(spec).flatMap((sample) => [
    { lang: 'curl', label: `curl · ${sample.summary}`, source: curlSample(sample, baseUrl, reference), variant: sample.variant },
    { lang: 'TypeScript', label: `TypeScript · ${sample.summary}`, source: typeScriptSample(sample, baseUrl, reference), variant: sample.variant },
  ]);
};

/**
 * The page's sample languages, as Redoc CE lists them: each sample is a language of its own (Redoc
 * finds a sample by its label), after the JSON payload that the page opens on.
 */
export const codeSampleLanguages = (spec: Json): { lang: string; label?: string }[] => [
  { lang: 'Payload' },
  ...codeSamples(spec).map(({ lang, label }) => ({ lang, label })),
];

/** The spec with the samples on the checkout operation, as the reference page renders it. */
export const withCodeSamples = (spec: Json): Json => {
  const copy = structuredClone(spec);
  copy.paths[checkoutPath].post['x-codeSamples'] = codeSamples(spec).map(({ lang, label, source }) => ({ lang, label, source }));
  return copy;
};
