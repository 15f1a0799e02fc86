// The bearer tokens the suite sends: those it was given, or else minted from the target's own
// `POST /oauth/access_token` with the client id (and, for client credentials, the secret) it was
// given, as a storefront or a back end would. Each is minted once per run, on first use, and each token
// request goes out once, on a connection of its own, as checkouts do (./fresh-connection.ts).
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.d.ts';
import type { Grant } from '../lib/checkout-variants.ts';
import { ConfigError, type ContractConfig } from './config.ts';
import { fetchOnFreshConnection, receivedOf } from './fresh-connection.ts';
import type { ReceivedResponse } from './response-contract.ts';

export type TokenKind = 'client' | 'implicit';
export const tokenKinds: readonly TokenKind[] = ['client', 'implicit'];

/** The OAuth grant each kind of token is minted with. */
export const grants = { client: 'client_credentials', implicit: 'implicit' } as const satisfies Record<TokenKind, Grant>;

/** The kind of token that is not minted with `grant`. */
export const otherTokenKind = (grant: Grant): TokenKind => tokenKinds.find((kind) => grants[kind] !== grant)!;

/** `a client_credentials` or `an implicit`, as names and messages say it. */
export const aTokenOf = (kind: TokenKind): string => `${/^[aeiou]/.test(grants[kind]) ? 'an' : 'a'} ${grants[kind]}`;

/** The token endpoint's answer as received, for the check that judges it, and when it came (Unix seconds). */
export type TokenAnswer = { kind: TokenKind; received: ReceivedResponse; receivedAt: number };

const mint = async (baseUrl: string, kind: TokenKind, config: ContractConfig, keep: (answer: TokenAnswer) => void): Promise<string> => {
  const { clientId, clientSecret } = config;
  const given = kind === 'client' ? 'CONTRACT_TOKEN (--token)' : 'CONTRACT_IMPLICIT_TOKEN (--implicit-token)';
  if (!clientId || (kind === 'client' && !clientSecret)) {
    const needs = kind === 'client' ? 'a client id and secret (--client-id, --client-secret)' : 'a client id (--client-id)';
    throw new ConfigError(`No ${grants[kind]} token: set ${given}, or give ${needs} to mint one from ${baseUrl}/oauth/access_token`);
  }
  const body = kind === 'client'
    ? { grant_type: 'client_credentials' as const, client_id: clientId, client_secret: clientSecret! }
    : { grant_type: 'implicit' as const, client_id: clientId };
  const client = createClient<paths>({
    baseUrl,
    fetch: async (request) => {
      const response = await fetchOnFreshConnection(request);
      keep({ kind, received: await receivedOf(response), receivedAt: Date.now() / 1000 });
      return response;
    },
  });
  const { data, error, response } = await client
    .POST('/oauth/access_token', {
      body,
      bodySerializer: (fields) => new URLSearchParams(fields as Record<string, string>).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      signal: AbortSignal.timeout(config.requestTimeoutMs),
    })
    .catch((failure: Error) => {
      throw new ConfigError(`No ${grants[kind]} token: ${baseUrl}/oauth/access_token gave no answer (${failure.message}; the limit is ${config.requestTimeoutMs} ms)`);
    });
  if (!data?.access_token) {
    throw new ConfigError(`${baseUrl}/oauth/access_token gave no ${grants[kind]} token (status ${response.status}: ${JSON.stringify(error)}); check the client id and secret, or set ${given}`);
  }
  return data.access_token;
};

export type TokenSource = ((kind: TokenKind) => Promise<string>) & {
  /** Whether the token of this kind is minted from the server (not given). */
  mints(kind: TokenKind): boolean;
  /** The token endpoint's answer for the kind, once minted. */
  answer(kind: TokenKind): TokenAnswer | undefined;
};

/** Tokens for a target, minted at most once each. */
export const tokenSource = (baseUrl: () => string, config: ContractConfig): TokenSource => {
  const tokens = new Map<TokenKind, Promise<string>>();
  const answers = new Map<TokenKind, TokenAnswer>();
  const given: Record<TokenKind, string | undefined> = { client: config.clientToken, implicit: config.implicitToken };
  const source = (kind: TokenKind) => {
    let token = tokens.get(kind);
    if (!token) {
      token = given[kind] ? Promise.resolve(given[kind]) : mint(baseUrl(), kind, config, (answer) => answers.set(kind, answer));
      tokens.set(kind, token);
    }
    return token;
  };
  return Object.assign(source, { mints: (kind: TokenKind) => !given[kind], answer: (kind: TokenKind) => answers.get(kind) });
};
