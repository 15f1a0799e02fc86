// `ep-checkout proxy`: the validating proxy in front of a real backend, one log line per request
// and one per violation of the contract.
import { startValidatingProxy } from '../proxy/validating-proxy.ts';
import { parseOptions, UsageError, wholeNumber } from './arguments.ts';

export const proxyUsage = `Usage: ep-checkout proxy --upstream URL [--port N] [--host H]

Forwards every request to the backend at URL and its answer back unchanged, and logs each way's
violations of the contract (checked by Prism against the bundled spec). A JSON request whose body
does not parse goes to the backend unchecked; a body over 1 MiB is answered 413, not forwarded.
Stop it with Ctrl-C.

Options:
  --upstream URL  the backend, an http(s) URL (required)
  --port N        port to listen on (default: $PORT, else 4011; 0 picks a free port)
  --host H        address to listen on (default: 127.0.0.1; the proxy carries real tokens)
  --help          this text`;

const httpUrl = (value: string | undefined): string => {
  if (value === undefined) throw new UsageError('proxy needs --upstream <http(s) URL of the backend>');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--upstream must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--upstream must be an http(s) URL, not "${value}"`);
  return value;
};

export const runProxy = async (args: string[]): Promise<number> => {
  const { help, flags } = parseOptions(args, { upstream: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  if (help) {
    console.log(proxyUsage);
    return 0;
  }
  const upstream = httpUrl(flags.upstream);
  const port = wholeNumber(flags.port ?? process.env.PORT, flags.port === undefined ? 'PORT' : '--port', { max: 65535 }) ?? 4011;
  const host = flags.host ?? '127.0.0.1';
  let proxy;
  try {
    proxy = await startValidatingProxy({ upstream, port, host, log: (line) => console.log(line) });
  } catch (error) {
    console.error(`The validating proxy could not start on ${host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`Validating proxy listening on ${proxy.url}, forwarding to ${upstream}`);
  const running = proxy;
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
