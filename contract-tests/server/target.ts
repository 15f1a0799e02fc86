// Where the contract suite sends its requests: the server named by CONTRACT_BASE_URL, or else the
// project's mock, started by the global setup (contract-tests/server/global-setup.ts) and provided here.
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    contractBaseUrl: string;
  }
}

export const targetBaseUrl = (): string => inject('contractBaseUrl').replace(/\/+$/, '');
