// Builds every generated artefact from the hand-written spec in openapi/:
//   generated/openapi.json  bundled spec (Redocly CLI)
//   generated/schema.d.ts   TypeScript types (openapi-typescript)
//   docs/index.html         Redoc reference, self-contained
//   docs/changelog.md       changes per release, from the breaking-change gate's classification
//   package.json version    the contract's info.version (and package-lock.json's)
// `--check` builds into a temporary folder and fails when a committed output differs from it,
// which is how `npm test` catches a spec edited without `npm run build`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderChangelog } from './contract-diff/render-changelog.ts';
import { defaultReleasesDir } from './contract-diff/releases.ts';
import { writeDocsPage } from './build/docs-page.ts';
import { committedOutputs, outputsIn, staleOutputs, type Outputs } from './build/outputs.ts';
import { staleManifests, writePackageVersion } from './build/package-version.ts';
import { runBin } from './build/run-bin.ts';
import { writeTypes } from './build/types.ts';
import { repoRoot, specRoot } from '../src/lib/paths.ts';

const buildInto = async (outputs: Outputs): Promise<void> => {
  runBin('redocly', ['bundle', specRoot, '--output', outputs.spec]);
  await writeTypes(outputs.spec, outputs.types);
  writeDocsPage(outputs.spec, outputs.docs);
  fs.writeFileSync(outputs.changelog, renderChangelog(outputs.spec, defaultReleasesDir));
};

const relative = (file: string): string => path.relative(repoRoot, file);

if (process.argv.includes('--check')) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-build-'));
  await buildInto(outputsIn(scratch));
  const stale = [...staleOutputs(committedOutputs, outputsIn(scratch)), ...staleManifests(outputsIn(scratch).spec)];
  fs.rmSync(scratch, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`Generated files are stale: ${stale.map(relative).join(', ')}. Run \`npm run build\` and commit the result.`);
    process.exit(1);
  }
  console.log('Generated files are up to date with openapi/.');
} else {
  await buildInto(committedOutputs);
  writePackageVersion(committedOutputs.spec);
  for (const file of Object.values(committedOutputs)) console.log(`built ${relative(file)}`);
}
