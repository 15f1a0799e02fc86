// `ep-checkout mock`: the checkout mock on a loopback port, one log line per request.
import { startMockServer } from '../mock/server.ts';
import { parseOptions, wholeNumber } from './arguments.ts';

export const mockUsage = `Usage: ep-checkout mock [--port N] [--host H]

Serves the checkout mock: POST /v2/carts/{reference}/checkout in all four variants, and
POST /oauth/access_token for tokens. Stop it with Ctrl-C.

Options:
  --port N   port to listen on (default: $PORT, else 4010; 0 picks a free port)
  --host H   address to listen on (default: 127.0.0.1)
  --help     this text`;

export const runMock = async (args: string[]): Promise<number> => {
  const { help, flags } = parseOptions(args, { port: { type: 'string' }, host: { type: 'string' } });
  if (help) {
    console.log(mockUsage);
    return 0;
  }
  const port = wholeNumber(flags.port ?? process.env.PORT, flags.port === undefined ? 'PORT' : '--port', { max: 65535 }) ?? 4010;
  const host = flags.host ?? '127.0.0.1';
  const started = performance.now();
  let mock;
  try {
    mock = await startMockServer({ port, host, log: (line) => console.log(line) });
  } catch (error) {
    // Most often the port is taken (EADDRINUSE): say so in one line rather than with a stack trace.
    console.error(`The checkout mock could not start on ${host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`Checkout mock listening on ${mock.url} (ready in ${Math.round(performance.now() - started)} ms)`);
  const running = mock;
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
