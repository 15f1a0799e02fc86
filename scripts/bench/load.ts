// Loads one running target with autocannon: the same checkout request, a few connections, bounded in
// time. A target that answers anything but 2xx under load stops the bench: its numbers would be meaningless.
import autocannon, { type Result } from 'autocannon';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { checkoutRequest } from './checkout-request.ts';

export const loadSettings = { connections: 4, warmUpSeconds: 1, seconds: 5, rounds: 3 };

/** One measured stretch of load. */
export interface LoadRound {
  requestsPerSecond: number;
  total: number;
  /** Every answer's latency in ms, at autocannon's full (sub-millisecond) resolution. */
  latenciesMs: number[];
  /** CPU time (user + system) the server process used meanwhile, in ms. */
  cpuMs: number;
}

export const hammer = (url: string, seconds: number): ReturnType<typeof autocannon> =>
  autocannon({
    url: `${url}${checkoutRequest.path}`,
    method: checkoutRequest.method,
    headers: checkoutRequest.headers,
    body: checkoutRequest.body,
    connections: loadSettings.connections,
    duration: seconds,
  });

/** Throws, naming the statuses seen, when any request got a non-2xx answer, an error or a timeout. */
export const requireAll2xx = (name: string, result: Result): void => {
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed === 0) return;
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${count} × ${status}`);
  throw new Error(
    `${name} failed under load: ${failed} of ${result.requests.total + result.errors} requests did not get a 2xx ` +
      `(${[...statuses, `${result.errors} connection errors`, `${result.timeouts} timeouts`].join(', ')}). ` +
      'Its numbers would be meaningless; the bench stops here.',
  );
};

const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// A child may end between listing it and reading it: it then counts for nothing.
const readProc = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

const childrenOf = (pid: number): number[] => readProc(`/proc/${pid}/task/${pid}/children`).split(' ').filter(Boolean).map(Number);

/** CPU time a process and its children (a worker pool) have used so far (user + system, all threads), in ms, from /proc. */
export const cpuMsOf = (pid: number): number => {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.replace(/^.*\) /, '').split(' ');
  // After the command name: utime and stime are fields 14 and 15 of the whole line, 12 and 13 here.
  const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  return own + childrenOf(pid).reduce((sum, child) => sum + cpuMsOf(child), 0);
};

export const warmUp = async (name: string, url: string): Promise<void> =>
  requireAll2xx(name, await hammer(url, loadSettings.warmUpSeconds));

export const measureRound = async (name: string, url: string, pid: number): Promise<LoadRound> => {
  const latenciesMs: number[] = [];
  const cpuBefore = cpuMsOf(pid);
  const load = hammer(url, loadSettings.seconds);
  load.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latenciesMs.push(ms));
  const result = await load;
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  requireAll2xx(name, result);
  return { requestsPerSecond: result.requests.average, total: result.requests.total, latenciesMs, cpuMs };
};
