// Tokens the mock issues from POST /oauth/access_token. The grant is written into the token, so a
// token keeps its grant across restarts of the mock and can be typed by hand (`mock_implicit_dev`).
// A token counts as issued when it has that form; any other bearer token is one the mock never
// issued, and the API answers those 401.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Grant } from '../lib/checkout-variants.ts';

const issuedForm = /^Bearer\s+mock_(implicit|client_credentials)_\S+$/i;

const randomHex = (bytes: number): string => bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));

/** A fresh token shaped like the spec's example for the grant (whose `identifier` names the grant). */
export const issueToken = (example: Record<string, unknown>): Record<string, unknown> => {
  const expiresIn = Number(example.expires_in ?? 3600);
  return {
    ...example,
    access_token: `mock_${example.identifier}_${randomHex(20)}`,
    expires: Math.floor(Date.now() / 1000) + expiresIn,
  };
};

/** The grant of a token of the mock's form (from an `Authorization: Bearer` header), if it is one. */
export const grantOfBearer = (authorization: string | undefined): Grant | undefined =>
  issuedForm.exec(authorization ?? '')?.[1].toLowerCase() as Grant | undefined;

/** A UUID derived from a token, the same for the same token, for ids a token stands for. */
export const idFromToken = (token: string, kind: string): string => {
  const hex = bytesToHex(sha256(new TextEncoder().encode(`${kind}:${token}`)));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The mock issues tokens to any client; this is the one its guides and tests name. */
export const mockClient = { id: 'mock-storefront', secret: 'mock-secret' } as const;

/** Tokens of the mock's form for hand-written requests (any `mock_<grant>_<text>` will do). */
export const handTypedTokens: Record<Grant, string> = {
  implicit: 'mock_implicit_dev',
  client_credentials: 'mock_client_credentials_dev',
};
