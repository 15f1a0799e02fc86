// Loads one running target with autocannon: the same checkout request, a few connections, bounded in time.
import autocannon from 'autocannon';
import { checkoutRequest } from './checkout-request.ts';

export const loadSettings = { connections: 4, warmUpSeconds: 1, seconds: 5 };

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  failures: number; // non-2xx, errors and timeouts: any of them makes the row suspect
}

const hammer = (url: string, seconds: number) =>
  autocannon({
    url: `${url}${checkoutRequest.path}`,
    method: checkoutRequest.method,
    headers: checkoutRequest.headers,
    body: checkoutRequest.body,
    connections: loadSettings.connections,
    duration: seconds,
  });

export const measureLoad = async (url: string): Promise<LoadResult> => {
  await hammer(url, loadSettings.warmUpSeconds);
  const result = await hammer(url, loadSettings.seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
};
