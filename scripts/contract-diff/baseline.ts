// What to compare the current spec with: a release version, a spec file, or a git ref.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundledSpecPath, repoRoot } from '../../src/lib/paths.ts';
import { latestRelease, listReleases, readSpec, releasePath, type Spec } from './releases.ts';
import { isVersion } from './version.ts';

export type Baseline = { label: string; spec: Spec };

export class BaselineError extends Error {}

export const resolveBaseline = (target: string | undefined, releasesDir: string): Baseline | undefined => {
  if (target === undefined) {
    const latest = latestRelease(releasesDir);
    return latest ? { label: `release ${latest}`, spec: readSpec(releasePath(releasesDir, latest)) } : undefined;
  }
  if (isVersion(target)) {
    const file = releasePath(releasesDir, target);
    if (!fs.existsSync(file)) {
      const known = listReleases(releasesDir);
      throw new BaselineError(`No release ${target}; released: ${known.length ? known.join(', ') : 'none yet'}.`);
    }
    return { label: `release ${target}`, spec: readSpec(file) };
  }
  if (fs.existsSync(target) && fs.statSync(target).isFile()) return { label: target, spec: readSpec(target) };
  return { label: `git ${target}`, spec: specAtGitRef(target) };
};

const specAtGitRef = (ref: string): Spec => {
  const file = path.relative(repoRoot, bundledSpecPath).split(path.sep).join('/');
  try {
    const text = execFileSync('git', ['show', `${ref}:${file}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(text) as Spec;
  } catch {
    throw new BaselineError(`"${ref}" is neither a release version, a file, nor a git ref holding ${file}.`);
  }
};
