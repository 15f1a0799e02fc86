// The implicit-grant token, when CONTRACT_IMPLICIT_TOKEN is not set: asked of the target's own
// `POST /oauth/access_token`, as a storefront would (the mock issues one to any client ID).
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.d.ts';

export const requestImplicitToken = async (baseUrl: string): Promise<string> => {
  const client = createClient<paths>({ baseUrl });
  const { data, error, response } = await client.POST('/oauth/access_token', {
    body: { grant_type: 'implicit', client_id: 'contract-tests' },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (!data?.access_token) {
    throw new Error(`No implicit token from ${baseUrl}/oauth/access_token (status ${response.status}: ${JSON.stringify(error)}); set CONTRACT_IMPLICIT_TOKEN`);
  }
  return data.access_token;
};
