// The frozen releases: one `<version>.json` per release, each the bundled spec as it was released.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/lib/paths.ts';
import { compareVersions, isVersion } from './version.ts';

export const defaultReleasesDir = path.join(repoRoot, 'generated', 'releases');

export type Spec = { info: { version: string } } & Record<string, unknown>;

export const releasePath = (releasesDir: string, version: string): string =>
  path.join(releasesDir, `${version}.json`);

/** Released versions, oldest first; an absent folder means no release yet. */
export const listReleases = (releasesDir: string): string[] => {
  if (!fs.existsSync(releasesDir)) return [];
  return fs
    .readdirSync(releasesDir)
    .filter((name) => name.endsWith('.json') && isVersion(name.slice(0, -'.json'.length)))
    .map((name) => name.slice(0, -'.json'.length))
    .sort(compareVersions);
};

export const latestRelease = (releasesDir: string): string | undefined => listReleases(releasesDir).at(-1);

export const readSpec = (file: string): Spec => JSON.parse(fs.readFileSync(file, 'utf8')) as Spec;

export const readRelease = (releasesDir: string, version: string): Spec => readSpec(releasePath(releasesDir, version));
