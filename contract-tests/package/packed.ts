// Packs this project as npm would publish it and installs the tarball into a fresh, empty project,
// offline from the local npm cache (every dependency is there after `npm ci`), as a user would.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/lib/paths.ts';
import { ensureCompiled } from '../../scripts/compiled.mjs';

const run = promisify(execFile);

export type PackedFile = { path: string; size: number };
export type Packed = { tarball: string; size: number; unpackedSize: number; files: PackedFile[]; name: string; version: string };
export type ConsumerProject = { dir: string; packed: Packed; remove(): void };

const quietNpm = ['--no-audit', '--no-fund', '--loglevel=error'];

export const packProject = async (destination: string): Promise<Packed> => {
  // `npm pack` would compile again in its prepare script; an up-to-date dist/ is enough.
  ensureCompiled();
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, ...quietNpm], { cwd: repoRoot });
  const [report] = JSON.parse(stdout);
  return { ...report, tarball: path.join(destination, report.filename) };
};

type LockEntry = { dev?: boolean; version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; [key: string]: unknown };
type Lockfile = { packages: Record<string, LockEntry> };

// npm here writes lockfiles without download addresses; without one an offline install would ask the
// registry where a package's tarball is, so the consumer's lockfile spells out the standard address.
const registryTarball = (where: string, entry: LockEntry): string => {
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
};

const readOurLockfile = (): Lockfile => JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile;

// Where npm finds `name` for the package installed at `from`: its own node_modules, then each parent's.
const installedFrom = (lock: Lockfile, from: string, name: string): string | undefined => {
  for (let base = from; ; base = base.slice(0, base.lastIndexOf('/node_modules/'))) {
    const where = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[where]) return where;
    if (!base.includes('/node_modules/')) return lock.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
  }
};

/** The lockfile locations of `names` (development packages of ours, such as msw) and everything they depend on. */
const closureOf = (lock: Lockfile, names: string[]): string[] => {
  const found = new Set<string>();
  const visit = (where: string | undefined) => {
    if (!where || found.has(where)) return;
    found.add(where);
    const entry = lock.packages[where];
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(installedFrom(lock, where, name));
  };
  for (const name of names) visit(`node_modules/${name}`);
  return [...found];
};

// An offline install resolves nothing: the consumer gets a lockfile that pins the tarball and, from
// this project's own lockfile, exactly the runtime dependencies this project was tested with (and the
// packages a consumer test also installs, with theirs).
const consumerLockfile = (packed: Packed, tarballName: string, alsoInstall: string[]) => {
  const ours = readOurLockfile();
  const { dependencies, peerDependencies, peerDependenciesMeta, bin, engines, license } = ours.packages[''];
  const wanted = new Set(closureOf(ours, alsoInstall));
  const runtime = Object.entries(ours.packages)
    .filter(([where, entry]) => where.startsWith('node_modules/') && (!entry.dev || wanted.has(where)))
    .map(([where, { dev: _dev, ...entry }]): [string, LockEntry] => [where, { resolved: registryTarball(where, entry), ...entry }]);
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: consumerDependencies(packed, tarballName, alsoInstall) },
      [`node_modules/${packed.name}`]: { version: packed.version, resolved: `file:${tarballName}`, dependencies, peerDependencies, peerDependenciesMeta, bin, engines, license },
      ...Object.fromEntries(runtime),
    },
  };
};

const consumerDependencies = (packed: Packed, tarballName: string, alsoInstall: string[]): Record<string, string> => {
  const ours = readOurLockfile();
  return {
    [packed.name]: `file:${tarballName}`,
    ...Object.fromEntries(alsoInstall.map((name) => [name, ours.packages[`node_modules/${name}`].version!])),
  };
};

// Installing writes some 12,000 files: in memory where the machine offers it, which is faster.
const scratchRoot = (): string => (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());

/** `alsoInstall`: packages this project develops with that the consumer installs next to it (e.g. `msw`). */
export const createConsumerProject = async (alsoInstall: string[] = []): Promise<ConsumerProject> => {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'ep-checkout-consumer-'));
  const packed = await packProject(dir);
  const tarballName = path.basename(packed.tarball);
  const manifest = { name: 'consumer', private: true, type: 'module', dependencies: consumerDependencies(packed, tarballName, alsoInstall) };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(consumerLockfile(packed, tarballName, alsoInstall), null, 2));
  await run('npm', ['ci', '--offline', ...quietNpm], { cwd: dir });
  return { dir, packed, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};
