// Turns the measurements into the markdown written to docs/benchmarks.md and printed by `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/lib/paths.ts';
import { checkoutRequest } from './checkout-request.ts';
import { loadSettings, type LoadResult } from './load.ts';

export interface Row {
  name: string;
  startupMs: number[];
  load: LoadResult;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

const packageVersion = (name: string): string =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

const table = (rows: Row[]): string =>
  [
    '| Server | Startup, median (ms) | Startups (ms) | Throughput (req/s) | p50 (ms) | p99 (ms) | Requests | Failed |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${whole(median(row.startupMs))} | ${row.startupMs.map(whole).join(', ')} | ` +
        `${whole(row.load.requestsPerSecond)} | ${row.load.p50Ms} | ${row.load.p99Ms} | ` +
        `${whole(row.load.total)} | ${row.load.failures} |`,
    ),
  ].join('\n');

const ratios = (mock: Row, prism: Row, ceiling: Row): string =>
  [
    `- **Mock vs bare Prism**: throughput ${times(mock.load.requestsPerSecond / prism.load.requestsPerSecond)}, ` +
      `p50 latency ${times(mock.load.p50Ms / prism.load.p50Ms)}, p99 latency ${times(mock.load.p99Ms / prism.load.p99Ms)}, ` +
      `startup ${times(median(mock.startupMs) / median(prism.startupMs))} (above 1× is more for throughput, slower for latency and startup).`,
    `- **Mock vs the ceiling**: throughput ${times(mock.load.requestsPerSecond / ceiling.load.requestsPerSecond)} ` +
      `of a bare Node server sending the same bytes (latencies are in whole milliseconds, autocannon's resolution, ` +
      'too coarse for a ratio against a ceiling that answers in under one).',
  ].join('\n');

const machine = (): string => {
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `${os.type()} ${os.release()}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')} (1/5/15 min) ` +
      'at the end of the run: other work on the machine shifts absolute numbers, less so the ratios within one run',
    `- Node ${process.version}; @stoplight/prism-cli ${packageVersion('@stoplight/prism-cli')}; autocannon ${packageVersion('autocannon')}`,
    `- Load: autocannon in the bench's own process, ${loadSettings.connections} connections, ` +
      `${loadSettings.warmUpSeconds} s warm-up then ${loadSettings.seconds} s measured per server, one server at a time, loopback only.`,
    `- Request: \`${checkoutRequest.method} ${checkoutRequest.path}\` with a bearer token and the spec's Customer object example ` +
      `(${checkoutRequest.body.length} bytes); every server answers it \`201\`.`,
    '- Startup: from spawning the process (`node --import tsx scripts/mock/main.ts`, `prism mock generated/openapi.json`, ' +
      '`node --import tsx scripts/bench/ceiling-server.ts`) to its first `2xx` to that request, polled every 10 ms; three starts each.',
  ].join('\n');
};

export const renderReport = (mock: Row, prism: Row, ceiling: Row): string =>
  [
    '# Benchmarks of the mock',
    '',
    'How the checkout mock compares with bare Prism on the same bundled spec (`generated/openapi.json`), and with a',
    "bare Node `http` server replying with the same bytes as the mock's `201` (the most any server could do here).",
    'Measured by `npm run bench` in one run; numbers are from one machine and move by several percent between runs.',
    '',
    table([mock, prism, ceiling]),
    '',
    '## Ratios',
    '',
    ratios(mock, prism, ceiling),
    '',
    '## How it was measured',
    '',
    machine(),
    '',
    'A "Failed" count above 0 means a server answered something other than `2xx` (or not at all) under load,',
    'which makes its row meaningless; the bench prints it rather than hiding it.',
    '',
    '## The reference page',
    '',
    'Its size and the time from opening it to the checkout operation on screen are in',
    '[reference-page-benchmark.md](reference-page-benchmark.md), written by `npm run bench:docs`.',
    '',
  ].join('\n');
