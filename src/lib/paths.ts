// Where things live, so scripts and tests never spell a path twice.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specRoot = path.join(repoRoot, 'openapi', 'openapi.yaml');
export const bundledSpecPath = path.join(repoRoot, 'generated', 'openapi.json');
export const typesPath = path.join(repoRoot, 'generated', 'schema.d.ts');
export const docsPagePath = path.join(repoRoot, 'docs', 'index.html');
export const changelogPath = path.join(repoRoot, 'docs', 'changelog.md');
// The mock's engine prebuilt with Prism in it (scripts/build/prebuilt.ts), which `ep-checkout mock` runs.
export const prebuiltDir = path.join(repoRoot, 'dist', 'prebuilt');
export const prebuiltEnginePath = path.join(prebuiltDir, 'checkout-engine.js');
export const binPath = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);
