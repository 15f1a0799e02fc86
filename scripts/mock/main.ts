// `npm start` / `npm run mock`: the checkout mock on 127.0.0.1:${PORT:-4010}, one log line per request.
import { startMockServer } from './server.ts';

const started = performance.now();
const mock = await startMockServer({
  port: Number(process.env.PORT ?? 4010),
  log: (line) => console.log(line),
});
console.log(`Checkout mock listening on ${mock.url} (ready in ${Math.round(performance.now() - started)} ms); see docs/mock.md`);

const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
