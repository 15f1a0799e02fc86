// Turns the measurements into the section `npm run bench` prints and writes into docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/lib/paths.ts';
import { checkoutRequest } from './checkout-request.ts';
import { loadSettings, type LoadRound } from './load.ts';

export interface Row {
  name: string;
  startupMs: number[];
  rounds: LoadRound[];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
const met = (reached: boolean): string => (reached ? 'met' : '**not met**');

const packageVersion = (name: string): string =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

interface Summary {
  throughput: number;
  p50: number;
  p99: number;
  cpuMicrosPerRequest: number;
  total: number;
  startup: number;
}

const summarise = (row: Row): Summary => {
  const latencies = row.rounds.flatMap((round) => round.latenciesMs).sort((a, b) => a - b);
  const total = row.rounds.reduce((sum, round) => sum + round.total, 0);
  return {
    throughput: median(row.rounds.map((round) => round.requestsPerSecond)),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMicrosPerRequest: (1000 * row.rounds.reduce((sum, round) => sum + round.cpuMs, 0)) / total,
    total,
    startup: median(row.startupMs),
  };
};

const table = (rows: Row[]): string =>
  [
    '| Server | Startup, median (ms) | Startups (ms) | Throughput, median (req/s) | Rounds (req/s) | p50 (ms) | p99 (ms) | CPU per request (µs) | Requests |',
    '| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const summary = summarise(row);
      return (
        `| ${row.name} | ${whole(summary.startup)} | ${row.startupMs.map(whole).join(', ')} | ${whole(summary.throughput)} | ` +
        `${row.rounds.map((round) => whole(round.requestsPerSecond)).join(', ')} | ${summary.p50.toFixed(2)} | ${summary.p99.toFixed(2)} | ` +
        `${whole(summary.cpuMicrosPerRequest)} | ${whole(summary.total)} |`
      );
    }),
  ].join('\n');

const ratios = (mockRow: Row, prismRow: Row, ceilingRow: Row, workersRow: Row): string => {
  const [mock, prism, ceiling, workers] = [mockRow, prismRow, ceilingRow, workersRow].map(summarise);
  return [
    `- **Mock vs bare Prism**: throughput ${times(mock.throughput / prism.throughput)}, ` +
      `p50 latency ${times(mock.p50 / prism.p50)}, p99 latency ${times(mock.p99 / prism.p99)}, ` +
      `CPU per request ${times(mock.cpuMicrosPerRequest / prism.cpuMicrosPerRequest)}, ` +
      `startup ${times(mock.startup / prism.startup)} (above 1× is more for throughput, slower or costlier for the rest).`,
    `- **Targets (issue 16), mock vs bare Prism on one process**: throughput at least 3×: ${met(mock.throughput / prism.throughput >= 3)}; ` +
      `p99 at most half: ${met(mock.p99 / prism.p99 <= 0.5)}; startup at most half: ${met(mock.startup / prism.startup <= 0.5)}.`,
    `- **Mock vs the ceiling**: throughput ${times(mock.throughput / ceiling.throughput)} of a bare Node server sending the same bytes.`,
    `- **${workersRow.name} vs one process**: throughput ${times(workers.throughput / mock.throughput)} ` +
      `(the load generator shares the machine's ${os.cpus().length} cores with the workers).`,
  ].join('\n');
};

/** Date, machine, load average and versions: the facts every bench section states with its numbers. */
export const environment = (): string[] => {
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `${os.type()} ${os.release()}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')} (1/5/15 min) ` +
      'at the end of the run: other work on the machine shifts absolute numbers, less so the ratios within one run',
    `- Node ${process.version}; @stoplight/prism-cli ${packageVersion('@stoplight/prism-cli')}; autocannon ${packageVersion('autocannon')}`,
    `- Request: \`${checkoutRequest.method} ${checkoutRequest.path}\` with a bearer token and the spec's Customer object example ` +
      `(${checkoutRequest.body.length} bytes); every server answers it \`201\`.`,
  ];
};

const machine = (): string =>
  [
    ...environment(),
    `- Load: autocannon in the bench's own process, ${loadSettings.connections} connections, loopback only. The servers run ` +
      `at once and are loaded one at a time: ${loadSettings.warmUpSeconds} s warm-up each, then ${loadSettings.rounds} rounds of ` +
      `${loadSettings.seconds} s per server in turn; throughput is the median round, latencies pool every answer of every round ` +
      '(autocannon measures each at sub-millisecond resolution), CPU per request is the server process\'s user + system time ' +
      '(all its threads, and a pool\'s workers, from `/proc/<pid>/stat`) over the rounds divided by the answers.',
    '- Startup: from spawning the process (`node scripts/start.mjs` as `npm start` runs it, compiled JavaScript from `dist/`; ' +
      '`prism mock generated/openapi.json`; `node scripts/start.mjs --workers 2`; ' +
      '`node --import tsx scripts/bench/ceiling-server.ts`) to its first `2xx` to that request, polled every 10 ms; three starts each.',
  ].join('\n');

/** The headline ratios are one process against one process: the mock's first row against bare Prism's. */
export const renderReport = (mock: Row, prism: Row, ceiling: Row, workers: Row): string =>
  [
    table([mock, prism, ceiling, workers]),
    '',
    ratios(mock, prism, ceiling, workers),
    '',
    machine(),
    '',
    'Every answer under load was a `2xx`: the bench stops with an error, and writes nothing, when a server answers',
    'anything else (or not at all), since its numbers would then be meaningless.',
  ].join('\n');
