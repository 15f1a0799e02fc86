// Where the contract suite sends its requests: the server named by CONTRACT_BASE_URL, or else the
// project's mock, started by the global setup (./global-setup.ts) and provided here together with
// the CONTRACT_* settings it needs (the client the mock mints tokens for).
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    contractTarget: { baseUrl: string; env: Record<string, string> };
  }
}

export const targetBaseUrl = (): string => inject('contractTarget').baseUrl.replace(/\/+$/, '');

/** The environment, with the target's own settings filling what it leaves unset. */
export const targetEnvironment = (): Record<string, string | undefined> => ({ ...inject('contractTarget').env, ...process.env });
