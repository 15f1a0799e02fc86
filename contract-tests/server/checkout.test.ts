// `npm run test:contract`: the contract suite against CONTRACT_BASE_URL, or against the mock the
// global setup started, with the settings of the CONTRACT_* environment variables.
import { readContractConfig } from '../../src/verify/config.ts';
import { defineContractSuite } from './contract-suite.ts';
import { targetBaseUrl, targetEnvironment } from './target.ts';

defineContractSuite({ baseUrl: targetBaseUrl, config: readContractConfig(targetEnvironment()) });
