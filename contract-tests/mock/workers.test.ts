// `ep-checkout mock --workers N`: a pool of mock processes on one port answers as one mock does,
// and stops whole: after a SIGTERM to the primary, no worker is left running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { ensureCompiled, cliPath } from '../../scripts/compiled.mjs';
import { repoRoot } from '../../src/lib/paths.ts';
import { checkout, checkoutRequestExample } from './support.ts';

const childrenOf = (pid: number): number[] =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
const isRunning = (pid: number): boolean => fs.existsSync(`/proc/${pid}`) && !/State:\s+Z/.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));

// The command as the package runs it: compiled, each worker on the prebuilt engine.
test('two workers share the port, answer checkouts and all stop on SIGTERM', async () => {
  ensureCompiled();
  const pool = spawn(process.execPath, [cliPath, 'mock', '--port', '0', '--workers', '2'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    pool.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+) \(.*2 workers\)/.exec(output);
      if (found) resolve(found[1]);
    });
    pool.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    pool.once('exit', (code) => reject(new Error(`the pool exited with ${code}: ${output}`)));
  });
  const workers = childrenOf(pool.pid!);
  expect(workers).toHaveLength(2);

  const answers = await Promise.all(Array.from({ length: 6 }, () => checkout({ url }, checkoutRequestExample('CustomerObject'))));
  expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));

  const exited = new Promise<number | null>((resolve) => pool.once('exit', resolve));
  pool.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(workers.filter(isRunning)).toEqual([]);
}, 90_000);
