// CLI: `npm run changelog` writes docs/changelog.md; see render-changelog.ts.
import fs from 'node:fs';
import path from 'node:path';
import { bundledSpecPath, changelogPath, repoRoot } from '../../src/lib/paths.ts';
import { defaultReleasesDir } from './releases.ts';
import { renderChangelog } from './render-changelog.ts';

fs.writeFileSync(changelogPath, renderChangelog(bundledSpecPath, defaultReleasesDir));
console.log(`Wrote ${path.relative(repoRoot, changelogPath)}`);
