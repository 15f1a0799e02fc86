// `npm run proxy -- <upstream URL> [prism options]`: Prism's validating proxy in front of a real
// backend. Every request and response passing through is checked against the bundled spec and
// violations are logged, so a team can watch live traffic against the contract.
import { spawn } from 'node:child_process';
import { binPath, bundledSpecPath } from '../src/lib/paths.ts';

const usage = 'usage: npm run proxy -- <upstream URL> [extra prism proxy options, e.g. --errors]';
const [upstream, ...prismOptions] = process.argv.slice(2);

const isHttpUrl = (text: string | undefined): text is string => {
  try {
    return ['http:', 'https:'].includes(new URL(text ?? '').protocol);
  } catch {
    return false;
  }
};

if (!isHttpUrl(upstream)) {
  console.error(upstream ? `Not an http(s) URL: ${upstream}\n${usage}` : usage);
  process.exit(2);
}

const port = process.env.PORT ?? '4011';
// Loopback only: the proxy carries real tokens and is meant for the developer's own machine.
const prism = spawn(binPath('prism'), ['proxy', bundledSpecPath, upstream, '--port', port, '--host', '127.0.0.1', ...prismOptions], {
  stdio: 'inherit',
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => prism.kill(signal));
prism.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
