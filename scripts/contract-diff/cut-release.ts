// `npm run release`: freeze the bundled spec as releases/<info.version>.json. Refuses a version that is not
// greater than the latest release, a different spec under an existing version, breaking changes
// without a major bump (the same gate as `npm run diff`), and upgrade notes that do not fit the changes
// (breaking changes need them; see upgrade-notes.ts).
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { classifyChanges } from './classify.ts';
import { judge } from './gate.ts';
import { latestRelease, readSpec, releasePath } from './releases.ts';
import { defaultNotesDir, upgradeNoteProblems } from './upgrade-notes.ts';
import { compareVersions, isVersion } from './version.ts';

export type ReleaseOutcome = { ok: boolean; message: string[] };

export const cutRelease = (specPath: string, releasesDir: string, notesDir: string = defaultNotesDir): ReleaseOutcome => {
  const spec = readSpec(specPath);
  const version = String(spec.info?.version);
  if (!isVersion(version)) return refuse(`info.version "${version}" is not MAJOR.MINOR.PATCH.`);
  const file = releasePath(releasesDir, version);
  if (fs.existsSync(file)) {
    return isDeepStrictEqual(readSpec(file), spec)
      ? { ok: true, message: [`Release ${version} already exists with this exact spec; nothing to do.`] }
      : refuse(`Release ${version} already exists with a different spec. Releases are frozen: bump info.version.`);
  }
  const latest = latestRelease(releasesDir);
  if (latest && compareVersions(version, latest) <= 0) {
    return refuse(`info.version ${version} is not greater than the latest release ${latest}; bump it.`);
  }
  if (latest) {
    const changes = classifyChanges(readSpec(releasePath(releasesDir, latest)), spec);
    const verdict = judge(changes, latest, version);
    if (!verdict.pass) return refuse(...verdict.message);
    const untold = upgradeNoteProblems(notesDir, version, changes);
    if (untold.length > 0) return refuse('The upgrade notes do not fit the changes:', ...untold);
  }
  fs.mkdirSync(releasesDir, { recursive: true });
  fs.copyFileSync(specPath, file);
  return { ok: true, message: [`Released ${version}: ${file}`] };
};

const refuse = (...message: string[]): ReleaseOutcome => ({ ok: false, message: ['Release refused.', ...message] });
