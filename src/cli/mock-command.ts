// `ep-checkout mock`: the checkout mock on a loopback port, one log line per request.
import { batchedLineWriter } from '../mock/request-log.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPrebuiltEngine } from '../mock/prebuilt-engine.ts';
import { serveCheckoutMock } from '../mock/server.ts';
import { isWorker, leavePool, startWorkers } from '../mock/workers.ts';
import { parseOptions, wholeNumber } from './arguments.ts';

export const mockUsage = `Usage: ep-checkout mock [--port N] [--host H]

Serves the checkout mock: POST /v2/carts/{reference}/checkout in all four variants, and
POST /oauth/access_token for tokens. Stop it with Ctrl-C.

Options:
  --port N   port to listen on (default: $PORT, else 4010; 0 picks a free port)
  --host H   address to listen on (default: 127.0.0.1)
  --workers N  N processes sharing the port, for load tests on several cores (default: 1)
  --help     this text`;

export const runMock = async (args: string[]): Promise<number> => {
  const { help, flags } = parseOptions(args, { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } });
  if (help) {
    console.log(mockUsage);
    return 0;
  }
  const port = wholeNumber(flags.port ?? process.env.PORT, flags.port === undefined ? 'PORT' : '--port', { max: 65535 }) ?? 4010;
  const host = flags.host ?? '127.0.0.1';
  const workers = wholeNumber(flags.workers, '--workers', { min: 1, max: 64 }) ?? 1;
  const started = performance.now();
  let mock;
  try {
    // The primary of a worker pool runs no mock itself; each worker runs this command alone.
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', `cli${path.extname(fileURLToPath(import.meta.url))}`);
    mock = workers > 1 && !isWorker() ? await startWorkers(workers, entry, ['mock', ...args]) : await serveCheckoutMock(await loadPrebuiltEngine(), { port, host, log: batchedLineWriter() });
  } catch (error) {
    // Most often the port is taken (EADDRINUSE): say so in one line rather than with a stack trace.
    console.error(`The checkout mock could not start on ${host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  const pool = workers > 1 ? `, ${workers} workers` : '';
  if (!isWorker()) console.log(`Checkout mock listening on ${mock.url} (ready in ${Math.round(performance.now() - started)} ms${pool})`);
  const running = mock;
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (isWorker()) leavePool();
  return 0;
};
