// CLI of the breaking-change gate; see run-diff.ts.
import { bundledSpecPath } from '../../src/lib/paths.ts';
import { defaultReleasesDir } from './releases.ts';
import { runDiff } from './run-diff.ts';

process.exitCode = runDiff({
  args: process.argv.slice(2),
  specPath: bundledSpecPath,
  releasesDir: defaultReleasesDir,
  log: (line) => console.log(line),
});
