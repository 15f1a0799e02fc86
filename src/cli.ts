#!/usr/bin/env node
// `ep-checkout`: the checkout contract's command. `mock` serves the mock, `verify` runs the
// contract suite against a server, `proxy` checks live traffic to a backend. Usage mistakes and
// runs that cannot happen exit 2 in one line.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/paths.ts';
import { ConfigError } from './verify/config.ts';
import { UsageError } from './cli/arguments.ts';
import { loadWithOptionalDependencies, MissingOptionalDependency } from './optional-dependencies.ts';

const usage = `Usage: ep-checkout <command> [options]

Commands:
  mock      serve the checkout mock (ep-checkout mock --help)
  verify    run the contract suite against a server (ep-checkout verify --help)
  proxy     check live traffic to a backend against the contract (ep-checkout proxy --help)

Options:
  --help      this text
  --version   the version of the contract and of this package`;

const version = (): string => (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const run = async ([command, ...args]: string[]): Promise<number> => {
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v' || args.includes('--version')) {
    console.log(version());
    return 0;
  }
  // Each command loads only what it needs: `verify` never loads Prism, `mock` runs the prebuilt engine
  // (src/mock/prebuilt-engine.ts), which needs no optional dependency.
  if (command === 'mock') return (await import('./cli/mock-command.ts')).runMock(args);
  if (command === 'verify') return (await loadWithOptionalDependencies('ep-checkout verify', () => import('./cli/verify-command.ts'))).runVerify(args);
  if (command === 'proxy') return (await loadWithOptionalDependencies('ep-checkout proxy', () => import('./cli/proxy-command.ts'))).runProxy(args);
  throw new UsageError(`Unknown command "${command}" (commands: mock, verify, proxy)`);
};

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ConfigError || error instanceof MissingOptionalDependency)) throw error;
  console.error(`ep-checkout: ${error.message}`);
  process.exitCode = 2;
}
