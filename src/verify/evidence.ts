// What each check of the contract suite rests on, by the evidence order of docs/decisions.md. A check
// resting on Elastic Path's evidence fails the run; one resting on our judgement alone is advisory:
// shown and counted, failing the run only with --strict. Every source the suite cites is named here,
// once, so the docs' table and the messages cannot drift apart.

export type EvidenceRank = 'seeds-example' | 'seeds-text' | 'elastic-path' | 'judgement';

export type Basis = { rank: EvidenceRank; source: string };

const rankNames: Record<EvidenceRank, string> = {
  'seeds-example': "the seeds' examples",
  'seeds-text': "the seeds' tables and text",
  'elastic-path': "Elastic Path's documentation, schema and SDK",
  judgement: 'our judgement',
};

export const isJudgement = (basis: Basis): boolean => basis.rank === 'judgement';

export const describeBasis = (basis: Basis): string => `${rankNames[basis.rank]}: ${basis.source}`;

const basis = (rank: EvidenceRank, source: string): Basis => ({ rank, source });

/** Every source a check cites, by what it supports. */
export const evidence = {
  responseSchema: basis('seeds-example', "the spec's response schemas, built from the seeds' examples (decisions 18-31)"),
  validBody: basis('seeds-text', "the seeds' tables and the SDK declare every field sent, in the lengths and formats the spec allows"),
  orderEchoesAddresses: basis('seeds-example', "seed 003's order carries the address lines sent (decision 18)"),
  customerIdNames: basis('judgement', "seed 003's Customer ID order names another person than the addresses sent; the echo of names and phone is ours (decisions 18, 19)"),
  orderEchoesPerson: basis('judgement', "seed 000's order names another contact than the one sent; the echo is ours (decision 18)"),
  orderReferences: basis('elastic-path', 'the published schema and SDK declare order_number and external_ref on the order (decision 10)'),
  relationships: basis('judgement', "seed 000's order names another account than the one sent, seed 003's Customer ID order has no customer relationship (decisions 18, 19)"),
  includedItems: basis('seeds-example', 'every seed order lists its items in included.items (decision 21)'),
  formattedPrice: basis('seeds-example', "every seed price's formatted spells its amount"),
  oneCurrency: basis('seeds-text', "seed 003: a cart's prices are in one currency, a price in another is refused"),
  itemValue: basis('elastic-path', "the published schema: an item's value is unit * quantity (cart_checkout.yaml, ItemPriceData)"),
  totalIsSumOfItems: basis('judgement', "seed 003's total (47500) is not the sum of its items (47500 and -500) (decision 24)"),
  shippingDefaultsToBilling: basis('seeds-text', 'seed 003: billing is shipping if not provided (decision 2)'),
  errorStatusMatches: basis('seeds-example', 'every error of the seeds and of the errors guide repeats its HTTP status'),
  unauthorized: basis('elastic-path', 'errors guide (elasticpath-dev guides/Getting-Started/errors.md): 401 for a missing or invalid token'),
  notFound: basis('elastic-path', 'errors guide: 404 when a resource is not found'),
  malformedJson: basis('elastic-path', 'errors guide: 400 for invalid JSON in the request body'),
  requiredFields: basis('seeds-text', "seed 003's tables and the SDK's AddressCommon name the required fields (decisions 1, 3)"),
  accountBillingRequired: basis('judgement', 'the account tables list no address; billing is required there by us (decision 1)'),
  regionOrCounty: basis('elastic-path', "the SDK's AddressWithRegion | AddressWithCounty (decision 4)"),
  externalRefLength: basis('elastic-path', 'the published schema and SDK: external_ref holds at most 64 characters (decision 10)'),
  errorSourceNamesField: basis('elastic-path', "the SDK's ResponseErrorItem.source: the JSON path of the invalid field (decision 29)"),
  lengthLimits: basis('judgement', 'a maxLength no seed, published schema or SDK states'),
  nonEmptyFields: basis('judgement', 'required text fields may not be empty (decision 3)'),
  formats: basis('judgement', 'emails and IDs in the formats the seeds use; that others are refused is ours (decision 17)'),
  mixedBody: basis('judgement', 'each body matches exactly one variant (decision 9)'),
  accountManagementHeader: basis('judgement', 'the Account Management variant without its header is a 400 naming it (decision 13)'),
  implicitRefused: basis('seeds-text', 'seed 000: the Account variant needs a client_credentials token (decision 14)'),
  implicitIs403: basis('judgement', 'the status of that refusal, 403, is ours (decision 14)'),
  unsupportedMediaType: basis('judgement', 'the seeds are silent on 415 for a body that is not JSON (decision 31)'),
  tokenAnswer: basis('elastic-path', "composable-frontend's authentication spec: access_token, token_type, expires_in, expires, identifier"),
} as const;
