// Tokens the mock issues from POST /oauth/access_token. The grant is written into the token so a
// token keeps its grant across restarts of the mock (and can be typed by hand when testing).
import { createHash, randomBytes } from 'node:crypto';

const tokenPrefix = 'mock_';

/** A fresh token shaped like the spec's example for the grant (whose `identifier` names the grant). */
export const issueToken = (example: Record<string, unknown>): Record<string, unknown> => {
  const expiresIn = Number(example.expires_in ?? 3600);
  return {
    ...example,
    access_token: `${tokenPrefix}${example.identifier}_${randomBytes(20).toString('hex')}`,
    expires: Math.floor(Date.now() / 1000) + expiresIn,
  };
};

/** The grant of a token this mock issued (from an `Authorization: Bearer` header), if any. */
export const grantOfBearer = (authorization: string | undefined): string | undefined =>
  /^Bearer\s+mock_(implicit|client_credentials)_/i.exec(authorization ?? '')?.[1];

/** A UUID derived from a token, the same for the same token, for ids a token stands for. */
export const idFromToken = (token: string, kind: string): string => {
  const hex = createHash('sha256').update(`${kind}:${token}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The mock issues tokens to any client; this is the one its guides and tests name. */
export const mockClient = { id: 'mock-storefront', secret: 'mock-secret' } as const;
