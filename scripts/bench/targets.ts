// The servers the bench compares, each started as its own process on the bundled spec.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { binPath, bundledSpecPath, repoRoot } from '../../src/lib/paths.ts';
import { sendCheckout } from './checkout-request.ts';

export interface Target {
  name: string;
  command(port: number): { file: string; args: string[]; env?: Record<string, string> };
  /** Runs once before the first start, so no measured start pays for it (e.g. compiling). */
  prepare?(): void;
}

// As `npm run bench:*` runs TypeScript tools: node with tsx's loader, no extra tsx process in between.
const typeScriptScript = (script: string): { file: string; args: string[] } => ({
  file: process.execPath,
  args: ['--import', 'tsx', script],
});

// What `npm start` runs (without npm's own startup): scripts/start.mjs, which imports the compiled
// dist/cli.js. Asking it for help once first compiles src/ when it changed since the last compile.
const compileOnce = (): void => {
  const compiled = spawnSync(process.execPath, ['scripts/start.mjs', '--help'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (compiled.status !== 0) throw new Error('scripts/start.mjs could not compile the mock (see above)');
};

export const mockTarget: Target = {
  name: 'this mock (`npm start`)',
  command: (port) => ({ file: process.execPath, args: ['scripts/start.mjs'], env: { PORT: String(port) } }),
  prepare: compileOnce,
};

export const mockWorkersTarget = (workers: number): Target => ({
  name: `this mock, \`--workers ${workers}\``,
  command: (port) => ({ file: process.execPath, args: ['scripts/start.mjs', '--workers', String(workers)], env: { PORT: String(port) } }),
  prepare: compileOnce,
});

export const prismTarget: Target = {
  name: 'bare `prism mock`',
  command: (port) => ({
    file: binPath('prism'),
    args: ['mock', path.relative(repoRoot, bundledSpecPath), '-p', String(port), '-h', '127.0.0.1'],
  }),
};

export const ceilingTarget = (bodyFile: string, contentType: string): Target => ({
  name: 'bare Node `http` (ceiling)',
  command: (port) => ({
    ...typeScriptScript('scripts/bench/ceiling-server.ts'),
    env: { PORT: String(port), CEILING_BODY: bodyFile, CEILING_TYPE: contentType },
  }),
});

export interface RunningTarget {
  url: string;
  pid: number;
  startupMs: number;
  firstAnswer: { status: number; contentType: string; body: Buffer };
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

// Its own process group, so stopping it also stops what it spawned (tsx runs node as a child).
// Targets run detached, so nothing stops them if the bench dies: it stops them itself on the way out.
const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((child) => signalGroup(child, 'SIGKILL')));
process.once('SIGINT', () => process.exit(130));

const signalGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    // the group is already gone
  }
};

const stopGroup = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const stubborn = setTimeout(() => signalGroup(child, 'SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(stubborn);
      live.delete(child);
      signalGroup(child, 'SIGKILL'); // whatever of the group outlived its leader
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });

// Generous: on a machine shared with other work a pool of workers has taken 25 s to start.
const startupLimitMs = 60_000;

// Spawns the target and polls it with the checkout request until the first 2xx: that is its startup time.
const prepared = new Set<Target>();

export const startTarget = async (target: Target): Promise<RunningTarget> => {
  if (!prepared.has(target)) {
    target.prepare?.();
    prepared.add(target);
  }
  const port = await freePort();
  const { file, args, env } = target.command(port);
  const spawnedAt = performance.now();
  const child = spawn(file, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  live.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - spawnedAt < startupLimitMs) {
    if (child.exitCode !== null) throw new Error(`${target.name} exited with ${child.exitCode}:\n${stderr}`);
    const answer = await sendCheckout(url).catch(() => undefined);
    if (answer?.ok) {
      const startupMs = performance.now() - spawnedAt;
      const body = Buffer.from(await answer.arrayBuffer());
      const contentType = answer.headers.get('content-type') ?? '';
      return {
        url,
        pid: child.pid as number,
        startupMs,
        firstAnswer: { status: answer.status, contentType, body },
        stop: () => stopGroup(child),
      };
    }
    if (answer) throw new Error(`${target.name} answered the valid checkout with ${answer.status}: ${await answer.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await stopGroup(child);
  throw new Error(`${target.name} did not answer within ${startupLimitMs} ms:\n${stderr}`);
};

/** Runs a bench mode: on any failure, one clear line on stderr and exit code 1 (the targets are stopped on exit). */
export const runBench = async (mode: () => Promise<void>): Promise<void> => {
  try {
    await mode();
  } catch (error) {
    console.error(`\nBENCH FAILED: ${(error as Error).message}`);
    process.exit(1);
  }
};
