// The package's version is the contract's: package.json (and its lockfile) follow `info.version` of
// the bundled spec, so `npm pack` publishes contract 2.0.0 as package 2.0.0.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/lib/paths.ts';

const manifests = [path.join(repoRoot, 'package.json'), path.join(repoRoot, 'package-lock.json')];

type Manifest = { version?: string; packages?: Record<string, { version?: string }> };

const contractVersion = (specPath: string): string => (JSON.parse(fs.readFileSync(specPath, 'utf8')) as { info: { version: string } }).info.version;

const versionsIn = (manifest: Manifest): (string | undefined)[] => [manifest.version, ...(manifest.packages ? [manifest.packages['']?.version] : [])];

/** The manifests whose version is not the contract's. */
export const staleManifests = (specPath: string): string[] => {
  const version = contractVersion(specPath);
  return manifests.filter((file) => versionsIn(JSON.parse(fs.readFileSync(file, 'utf8'))).some((found) => found !== version));
};

export const writePackageVersion = (specPath: string): void => {
  const version = contractVersion(specPath);
  for (const file of staleManifests(specPath)) {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    manifest.version = version;
    if (manifest.packages?.['']) manifest.packages[''].version = version;
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
};
