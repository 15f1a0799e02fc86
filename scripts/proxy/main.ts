// `npm run proxy -- <upstream URL> [prism options]`: Prism's validating proxy in front of a real
// backend. Every request and response passing through is checked against the bundled spec and
// violations are logged, so a team can watch live traffic against the contract. A front door
// (./front.ts) passes bodies that are not JSON straight to the backend, which Prism would answer itself.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { binPath, bundledSpecPath } from '../../src/lib/paths.ts';
import { startProxyFront } from './front.ts';

const usage = 'usage: npm run proxy -- <upstream URL> [extra prism proxy options, e.g. --errors]';
const [upstream, ...prismOptions] = process.argv.slice(2);

const isHttpUrl = (text: string | undefined): text is string => {
  try {
    return ['http:', 'https:'].includes(new URL(text ?? '').protocol);
  } catch {
    return false;
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

if (!isHttpUrl(upstream)) {
  console.error(upstream ? `Not an http(s) URL: ${upstream}\n${usage}` : usage);
  process.exit(2);
}

const port = Number(process.env.PORT ?? '4011');
const prismPort = await freePort();
// Loopback only: the proxy carries real tokens and is meant for the developer's own machine.
const prism = spawn(binPath('prism'), ['proxy', bundledSpecPath, upstream, '--port', String(prismPort), '--host', '127.0.0.1', ...prismOptions], {
  stdio: 'inherit',
});
// The front opens only once Prism accepts connections, so no request meets a proxy that is not there yet.
const accepts = (portNumber: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(portNumber, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
const prismReadyBy = performance.now() + 30_000;
while (!(await accepts(prismPort))) {
  if (prism.exitCode !== null || performance.now() > prismReadyBy) {
    console.error(`Prism's proxy did not start on port ${prismPort}${prism.exitCode !== null ? ` (it exited with ${prism.exitCode})` : ' within 30 s'}.`);
    prism.kill();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const front = await startProxyFront({ port, prism: `http://127.0.0.1:${prismPort}`, upstream, log: (line) => console.log(line) });
console.log(`[FRONT] listening on ${front.url}, validating through Prism on port ${prismPort}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => prism.kill(signal));
prism.on('exit', (code, signal) => void front.close().then(() => process.exit(code ?? (signal ? 1 : 0))));
