// Packs this project as npm would publish it and installs the tarball into a fresh, empty project,
// offline from the local npm cache (every dependency is there after `npm ci`), as a user would; or,
// for a fresh resolution, online with no lockfile, as a user's first `npm install` resolves it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { repoRoot } from '../../src/lib/paths.ts';
import { ensureCompiled } from '../../scripts/compiled.mjs';
import { checkout, checkoutRequestExample, token } from '../mock/support.ts';

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

type LockEntry = {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
};
type Lockfile = { packages: Record<string, LockEntry> };

// npm here writes lockfiles without download addresses; without one an offline install would ask the
// registry where a package's tarball is, so the consumer's lockfile spells out the standard address.
const registryTarball = (where: string, entry: LockEntry): string => {
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
};

const ourLockfile = (): Lockfile => JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));

// Where npm finds `name` for the package installed at `from`: its own node_modules, then each parent's.
const installedFrom = (lock: Lockfile, from: string, name: string): string | undefined => {
  for (let base = from; ; base = base.slice(0, base.lastIndexOf('/node_modules/'))) {
    const where = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[where]) return where;
    if (!base.includes('/node_modules/')) return lock.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
  }
};

/** The lockfile locations of `names` (development packages of ours, such as msw) and everything they depend on. */
const closureOf = (lock: Lockfile, names: string[]): Set<string> => {
  const found = new Set<string>();
  const visit = (where: string | undefined) => {
    if (!where || found.has(where)) return;
    found.add(where);
    const entry = lock.packages[where];
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(installedFrom(lock, where, name));
  };
  for (const name of names) visit(`node_modules/${name}`);
  return found;
};

/** The consumer's own dependencies besides the package, at the versions our lockfile holds (so an offline install finds them). */
const ownDependencies = (names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, ourLockfile().packages[`node_modules/${name}`].version!]));

// A package this project needs for development or for an optional dependency (`devOptional`) is, for a
// consumer, reached through the optional dependencies alone: `npm ci --omit=optional` must leave it out.
const consumerFlags = ({ devOptional, optional, ...entry }: LockEntry): LockEntry => (devOptional || optional ? { ...entry, optional: true } : entry);

// An offline install resolves nothing: the consumer gets a lockfile that pins the tarball and, from
// this project's own lockfile, exactly the runtime dependencies this project was tested with.
const consumerLockfile = (packed: Packed, tarballName: string, own: Record<string, string>) => {
  const ours = ourLockfile();
  const { dependencies, optionalDependencies, bin, engines, license } = ours.packages[''];
  // The consumer's own packages that are development packages of ours (msw, vitest) come with theirs.
  const owned = closureOf(ours, Object.keys(own));
  const runtime = Object.entries(ours.packages)
    .filter(([where, entry]) => where.startsWith('node_modules/') && (!entry.dev || owned.has(where)))
    .map(([where, { dev: _dev, ...entry }]): [string, LockEntry] => [where, { resolved: registryTarball(where, entry), ...consumerFlags(entry) }]);
  const dependency = { [packed.name]: `file:${tarballName}` };
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: { ...dependency, ...own } },
      [`node_modules/${packed.name}`]: { version: packed.version, resolved: `file:${tarballName}`, dependencies, optionalDependencies, bin, engines, license },
      ...Object.fromEntries(runtime),
    },
  };
};

// Installing writes some 12,000 files: in memory where the machine offers it, which is faster.
const scratchRoot = (): string => (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());

// The package project's global setup packs once for every file of the project; a file run alone packs itself.
const packedOnce = async (dir: string): Promise<Packed> => {
  const provided = inject('packed') as Packed | undefined;
  if (!provided) return packProject(dir);
  const tarball = path.join(dir, path.basename(provided.tarball));
  fs.copyFileSync(provided.tarball, tarball);
  return { ...provided, tarball };
};

const emptyProject = async (prefix: string, own: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), prefix));
  const packed = await packedOnce(dir);
  const tarballName = path.basename(packed.tarball);
  const manifest = { name: 'consumer', private: true, type: 'module', dependencies: { [packed.name]: `file:${tarballName}`, ...own } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return { dir, packed, tarballName, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

/**
 * The tarball installed offline with our lockfile's runtime dependencies; `own` names packages the
 * consumer also depends on itself; `omit: ['optional']` installs as a consumer that wants only the client and the types.
 */
export const createConsumerProject = async ({ own = [], omit = [] }: { own?: string[]; omit?: 'optional'[] } = {}): Promise<ConsumerProject> => {
  const versions = ownDependencies(own);
  const { tarballName, ...project } = await emptyProject('ep-checkout-consumer-', versions);
  fs.writeFileSync(path.join(project.dir, 'package-lock.json'), JSON.stringify(consumerLockfile(project.packed, tarballName, versions), null, 2));
  await run('npm', ['ci', '--offline', ...omit.map((kind) => `--omit=${kind}`), ...quietNpm], { cwd: project.dir });
  return project;
};

/**
 * The tarball installed as a user's first `npm install` does it: no lockfile of ours, every range of
 * the package and of Prism resolved against the registry now (`own` as version ranges of the consumer's own).
 */
export const createFreshProject = async (own: Record<string, string>): Promise<ConsumerProject> => {
  const { tarballName: _, ...project } = await emptyProject('ep-checkout-fresh-', own);
  await run('npm', ['install', '--prefer-online', ...quietNpm], { cwd: project.dir, timeout: 180_000 });
  return project;
};

/** Bytes of every file under `folder`, as `du --apparent-size --bytes` counts them: an install's weight. */
export const bytesUnder = (folder: string): number =>
  fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);

export type PackagedMock = { url: string; process: ChildProcess; startupMs: number };

/**
 * `npx ep-checkout mock --port 0` in the consumer project `dir` (or the installed command run by the
 * `node` binary given), resolved with its URL once it says it is listening.
 */
export const startPackagedMock = (dir: string, { node }: { node?: string } = {}): Promise<PackagedMock> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const args = ['mock', '--port', '0'];
    const [file, fileArgs] = node ? [node, [path.join(dir, 'node_modules', '@ep-checkout', 'contract', 'dist', 'cli.js'), ...args]] : ['npx', ['--no-install', 'ep-checkout', ...args]];
    // Its own process group: npx runs the command through a shell, and stopping npx alone would leave the mock running.
    const child = spawn(file, fileArgs, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+?) /.exec(output)?.[1];
      if (url) resolve({ url, process: child, startupMs: performance.now() - started });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`ep-checkout mock exited with ${code}: ${output}`)));
  });

export const stopPackagedMock = (mock: PackagedMock | undefined): void => {
  if (mock?.process.exitCode === null) process.kill(-mock.process.pid!, 'SIGTERM');
};

/** A token minted by the mock, then the spec's Customer object checkout with it: the checkout's status. */
export const checkoutOnce = async (mock: PackagedMock): Promise<number> => {
  const minted = await token(mock, { grant_type: 'implicit', client_id: 'any' });
  return (await checkout(mock, checkoutRequestExample('CustomerObject'), { Authorization: `Bearer ${minted}` })).status;
};
