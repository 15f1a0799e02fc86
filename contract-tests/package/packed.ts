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

type LockEntry = { dev?: boolean; optional?: boolean; devOptional?: boolean; version?: string; [key: string]: unknown };

// npm here writes lockfiles without download addresses; without one an offline install would ask the
// registry where a package's tarball is, so the consumer's lockfile spells out the standard address.
const registryTarball = (where: string, entry: LockEntry): string => {
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
};

// A package this project needs for development or for an optional dependency (`devOptional`) is, for a
// consumer, reached through the optional dependencies alone: `npm ci --omit=optional` must leave it out.
const consumerFlags = ({ devOptional, optional, ...entry }: LockEntry): LockEntry => (devOptional || optional ? { ...entry, optional: true } : entry);

// An offline install resolves nothing: the consumer gets a lockfile that pins the tarball and, from
// this project's own lockfile, exactly the runtime dependencies this project was tested with.
const consumerLockfile = (packed: Packed, tarballName: string) => {
  const ours = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const { dependencies, optionalDependencies, bin, engines, license } = ours.packages[''];
  const runtime = Object.entries(ours.packages)
    .filter(([where, entry]) => where.startsWith('node_modules/') && !entry.dev)
    .map(([where, entry]): [string, LockEntry] => [where, { resolved: registryTarball(where, entry), ...consumerFlags(entry) }]);
  const dependency = { [packed.name]: `file:${tarballName}` };
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: dependency },
      [`node_modules/${packed.name}`]: { version: packed.version, resolved: `file:${tarballName}`, dependencies, optionalDependencies, bin, engines, license },
      ...Object.fromEntries(runtime),
    },
  };
};

// Installing writes some 12,000 files: in memory where the machine offers it, which is faster.
const scratchRoot = (): string => (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());

/** `omit: ['optional']` installs as a consumer that wants only the client and the types. */
export const createConsumerProject = async ({ omit = [] }: { omit?: 'optional'[] } = {}): Promise<ConsumerProject> => {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'ep-checkout-consumer-'));
  const packed = await packProject(dir);
  const tarballName = path.basename(packed.tarball);
  const manifest = { name: 'consumer', private: true, type: 'module', dependencies: { [packed.name]: `file:${tarballName}` } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(consumerLockfile(packed, tarballName), null, 2));
  await run('npm', ['ci', '--offline', ...omit.map((kind) => `--omit=${kind}`), ...quietNpm], { cwd: dir });
  return { dir, packed, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

/** Bytes of every file under `folder`, as `du --apparent-size --bytes` counts them: an install's weight. */
export const bytesUnder = (folder: string): number =>
  fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
