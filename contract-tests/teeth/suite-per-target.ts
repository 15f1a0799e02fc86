// Registers the contract suite once per target the meta-test provides, each in a block named after
// the target and with its own settings, so one vitest run judges every server. Not a *.test.ts
// file: only the meta-test's own vitest instance runs it.
import { describe, inject } from 'vitest';
import { mockClient } from '../../src/mock/tokens.ts';
import { readContractConfig } from '../../src/verify/config.ts';
import { defineContractSuite } from '../server/contract-suite.ts';
import type { SuiteTarget } from './contract-suite-runner.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    contractTargets: SuiteTarget[];
  }
}

for (const target of inject('contractTargets')) {
  describe(target.name, () => {
    // The suite's defaults, the mock's client and the target's own variables; the caller's environment does not leak in.
    const env = { CONTRACT_CLIENT_ID: mockClient.id, CONTRACT_CLIENT_SECRET: mockClient.secret, ...target.env };
    defineContractSuite({ baseUrl: () => target.baseUrl, config: readContractConfig(env) });
  });
}
