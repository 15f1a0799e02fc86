// CLI: `npm run release`; see cut-release.ts.
import { bundledSpecPath } from '../../src/lib/paths.ts';
import { cutRelease } from './cut-release.ts';
import { defaultReleasesDir } from './releases.ts';

const outcome = cutRelease(bundledSpecPath, defaultReleasesDir);
for (const line of outcome.message) (outcome.ok ? console.log : console.error)(line);
process.exitCode = outcome.ok ? 0 : 1;
