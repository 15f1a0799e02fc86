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
  responseSchema: basis('seeds-example', "the spec's response schemas, built from the seeds' examples (docs/decisions.md 18-31, 42-44)"),
  validBody: basis('seeds-text', "the seeds' tables and the SDK declare every field sent, in the lengths and formats the spec allows"),
  orderEchoesAddresses: basis('seeds-example', "seed 003's order carries the address lines sent (lines 87-112, 162-187)"),
  addressNames: basis('judgement', "seed 003's order ships to another name than the addresses sent; the echo of names, phone and instructions is ours (decision 18)"),
  orderEchoesPerson: basis('judgement', "seed 000's order names another contact than the one sent; the echo is ours (decision 18)"),
  orderReferences: basis('elastic-path', 'order_number and external_ref come back on the order, and none is invented (decisions 10, 48)'),
  relationships: basis('judgement', "seed 000's order names another account and member than the ones sent; which relationships an order has is ours (decisions 18, 46)"),
  customerRelationship: basis('elastic-path', "the orders overview and the SDK: relationships.customer names the customer sent (decision 46)"),
  customerRelationshipMissing: basis('judgement', "seed 003's Customer ID order has no customer relationship: one left out is reported, not failed (decision 46)"),
  includedItems: basis('seeds-example', 'every seed order lists its items in included.items (decision 21)'),
  formattedPrice: basis('seeds-example', "every seed price's formatted spells its amount (decision 51)"),
  formattedRendering: basis('judgement', 'the renderings a formatted price may take; a store may set its own (decision 51)'),
  oneCurrency: basis('seeds-text', "seed 003: a cart's prices are in one currency, a price in another is refused (lines 13-14)"),
  itemValue: basis('elastic-path', "the published schema: an item's value is unit * quantity (cart_checkout.yaml line 4916)"),
  totalIsSumOfItems: basis('judgement', "seed 003's total (47500) is not the sum of its items (47500 and -500) (decision 24)"),
  errorStatusMatches: basis('seeds-example', 'every error of the seeds and of the errors guide repeats its HTTP status (decisions 27, 44)'),
  unauthorized: basis('elastic-path', 'errors.md (elasticpath-dev guides/Getting-Started): 401 for a missing or invalid token'),
  notFound: basis('elastic-path', 'errors.md: 404 when a resource is not found'),
  malformedJson: basis('elastic-path', 'errors.md: 400 for invalid JSON in the request body'),
  forbiddenGrant: basis('seeds-text', 'seed 000: the Account variant needs a client_credentials token; errors.md: 403 for a valid token without the permission (decision 14)'),
  requiredFields: basis('seeds-text', "seed 003's tables and the SDK's AddressCommon name the required fields (decisions 1-3)"),
  accountBillingRequired: basis('judgement', 'the account tables list no address; every account example sends one, and we require it (decision 1)'),
  regionOrCounty: basis('elastic-path', "the SDK's AddressWithRegion | AddressWithCounty (decision 4)"),
  externalRefLength: basis('elastic-path', 'the published schema and SDK: external_ref holds at most 64 characters (decision 10)'),
  formats: basis('seeds-example', 'every seed ID is a UUID and every email an address (decision 17)'),
  errorSourceNamesField: basis('elastic-path', "errors.md and the SDK's ResponseErrorItem.source: the path of the invalid field (decision 29)"),
  lengthLimits: basis('judgement', 'a maxLength no seed, published schema or SDK states'),
  nonEmptyFields: basis('judgement', 'required text fields may not be empty (decisions 3, 4)'),
  mixedBody: basis('judgement', 'each body matches exactly one variant (decision 9)'),
  accountManagementHeader: basis('judgement', 'the Account Management variant without its header is a 400 naming it (decision 13)'),
  unsupportedMediaType: basis('judgement', 'no Elastic Path document shows 415 for a body that is not JSON (decision 31)'),
  tokenAnswer: basis('elastic-path', "authentication.yaml and the js-sdk: access_token, token_type, expires_in, expires, identifier at the top level (decision 50)"),
} as const;
