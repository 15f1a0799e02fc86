// `npm start` / `npm run mock`: the checkout mock on 127.0.0.1:${PORT:-4010}, one log line per request.
import { startMockServer, type MockServer } from '../../src/node.ts';

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), not "${process.env.PORT}".`);
  process.exit(1);
}

const started = performance.now();
let mock: MockServer;
try {
  mock = await startMockServer({ port, log: (line) => console.log(line) });
} catch (error) {
  // Most often the port is taken (EADDRINUSE): say so in one line rather than with a stack trace.
  console.error(`The checkout mock could not start on 127.0.0.1:${port}: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`Checkout mock listening on ${mock.url} (ready in ${Math.round(performance.now() - started)} ms); see docs/mock.md`);

const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
