// The mock's engine as dist/prebuilt/ holds it: engine.ts with Prism's HTTP core and the validator
// bundled into one file (scripts/build/prebuilt.ts), for `ep-checkout mock`. Loading it takes a
// fraction of loading Prism's own modules, since it leaves out what the engine never runs (faker,
// dynamic mocking's data, alone about half of Prism's load time), and it needs none of the optional dependencies.
import { pathToFileURL } from 'node:url';
import { prebuiltEnginePath } from '../lib/paths.ts';
import type { EngineFactory } from './server.ts';

export const loadPrebuiltEngine = async (): Promise<EngineFactory> => {
  try {
    return ((await import(pathToFileURL(prebuiltEnginePath).href)) as typeof import('./engine.ts')).createCheckoutEngine;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`the prebuilt engine ${prebuiltEnginePath} is missing: build it with npm run compile`);
  }
};
