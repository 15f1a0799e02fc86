// Sends the robustness test's hostile stream to bare `prism mock` and to this mock, and lists every
// answer that is not a 4xx in the API's error shape. Shows what the layer over Prism fixes.
// Run: npm run mock:compare   (loopback only; about half a minute)
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { binPath, bundledSpecPath } from '../../src/lib/paths.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';
import { flawOf, hostileRequests, sendHostile } from './hostile-requests.ts';
import { startMockServer } from '../../src/mock/server.ts';

const validator = new SpecValidator();
const isErrorShape = (body: unknown) => validator.validate('#/components/schemas/ErrorResponse', body).length === 0;
const exampleRef = validator.resolve('#/components/requestBodies/CheckoutRequest').content['application/json'].examples.CustomerId.$ref;
const validBody = validator.resolve(exampleRef).value;
const requests = hostileRequests(validBody);

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

const validCheckout = {
  name: 'valid checkout',
  method: 'POST',
  path: '/v2/carts/after/checkout',
  headers: { 'content-type': 'application/json', authorization: 'Bearer mock_implicit_compare' },
  body: Buffer.from(JSON.stringify(validBody)),
};

// Runs the stream; when the server dies on a request, `restart` brings it back so the rest still runs.
const runAgainst = async (label: string, url: string, restart: () => Promise<void>): Promise<void> => {
  const port = Number(new URL(url).port);
  const flaws: string[] = [];
  for (const request of requests) {
    let flaw = flawOf(request, await sendHostile(url, request), isErrorShape);
    if (flaw && !(await portAnswers(port))) {
      flaw = `crashed the server (${flaw})`;
      await restart();
    }
    if (flaw) flaws.push(`  ${request.name.slice(0, 60)} -> ${flaw.slice(0, 110)}`);
  }
  const valid = await sendHostile(url, validCheckout);
  console.log(`\n${label}: ${flaws.length} of ${requests.length} hostile requests not answered as they deserve (a 4xx in the API error shape, or a valid request's JSON)`);
  console.log(flaws.join('\n'));
  console.log(`  valid checkout afterwards -> ${valid.status ?? valid.failure}`);
};

const barePort = 4590;
let prism: ChildProcess | undefined;
const stopPrism = () => {
  if (prism?.exitCode === null) process.kill(-prism.pid!);
};
const startPrism = async (): Promise<void> => {
  stopPrism();
  prism = spawn(binPath('prism'), ['mock', '-h', '127.0.0.1', '-p', String(barePort), bundledSpecPath], { stdio: 'ignore', detached: true });
  const deadline = Date.now() + 60_000;
  while (!(await portAnswers(barePort))) {
    if (Date.now() > deadline) throw new Error('bare prism mock did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
try {
  await startPrism();
  await runAgainst('bare prism mock 5.14', `http://127.0.0.1:${barePort}`, startPrism);
} finally {
  stopPrism();
}
const mock = await startMockServer();
await runAgainst('this mock', mock.url, () => Promise.reject(new Error('this mock crashed')));
await mock.close();
