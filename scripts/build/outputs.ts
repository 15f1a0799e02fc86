// The generated files, where they are committed, and how to tell which of them are stale.
import fs from 'node:fs';
import path from 'node:path';
import { bundledSpecPath, changelogPath, docsPagePath, typesPath } from '../../src/lib/paths.ts';

export type Outputs = { spec: string; types: string; docs: string; changelog: string };

export const committedOutputs: Outputs = {
  spec: bundledSpecPath,
  types: typesPath,
  docs: docsPagePath,
  changelog: changelogPath,
};

export const outputsIn = (folder: string): Outputs => ({
  spec: path.join(folder, 'openapi.json'),
  types: path.join(folder, 'schema.d.ts'),
  docs: path.join(folder, 'index.html'),
  changelog: path.join(folder, 'changelog.md'),
});

/** The committed files that are missing or differ, byte for byte, from a fresh build. */
export const staleOutputs = (committed: Outputs, fresh: Outputs): string[] =>
  (Object.keys(committed) as (keyof Outputs)[])
    .filter((key) => !fs.existsSync(committed[key]) || !fs.readFileSync(committed[key]).equals(fs.readFileSync(fresh[key])))
    .map((key) => committed[key]);
