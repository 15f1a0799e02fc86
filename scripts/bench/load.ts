// Loads one running target with autocannon: the same checkout request, a few connections, bounded in
// time. A target that answers anything but 2xx under load stops the bench: its numbers would be meaningless.
import autocannon, { type Result } from 'autocannon';
import { checkoutRequest } from './checkout-request.ts';

export const loadSettings = { connections: 4, warmUpSeconds: 1, seconds: 5 };

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
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

export const measureLoad = async (name: string, url: string): Promise<LoadResult> => {
  requireAll2xx(name, await hammer(url, loadSettings.warmUpSeconds));
  const result = await hammer(url, loadSettings.seconds);
  requireAll2xx(name, result);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
  };
};
