// Packs the project once for every file of the package project: each copies the tarball into its own consumer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { packProject, type Packed } from './packed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    packed?: Packed;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ep-checkout-packed-'));
  project.provide('packed', await packProject(dir));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
