// `npm run bench`: startup, throughput, latency and CPU per request of the mock vs bare Prism vs a
// bare Node server, side by side in one run, plus the mock as a pool of two worker processes. All three run at once (idle while another is loaded)
// and are loaded in turns, round after round, so a change in the machine's load hits all alike.
// Prints the table and writes it into its section of docs/benchmarks.md. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSettings, measureRound, warmUp, type LoadRound } from './load.ts';
import { writeSection } from './report-file.ts';
import { renderReport, type Row } from './report.ts';
import {
  ceilingTarget,
  mockTarget,
  mockWorkersTarget,
  prismTarget,
  runBench,
  startTarget,
  type RunningTarget,
  type Target,
} from './targets.ts';

const startsPerTarget = 3;

const startThrice = async (target: Target): Promise<{ running: RunningTarget; startupMs: number[] }> => {
  const startupMs: number[] = [];
  let running: RunningTarget | undefined;
  for (let start = 0; start < startsPerTarget; start += 1) {
    await running?.stop();
    running = await startTarget(target);
    startupMs.push(running.startupMs);
  }
  console.error(`${target.name}: started in ${startupMs.map(Math.round).join(', ')} ms`);
  return { running: running as RunningTarget, startupMs };
};

await runBench(async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const servers: { target: Target; running: RunningTarget; startupMs: number[]; rounds: LoadRound[] }[] = [];
  try {
    for (const target of [mockTarget, prismTarget, mockWorkersTarget(2)]) servers.push({ target, ...(await startThrice(target)), rounds: [] });
    const ceilingBody = path.join(scratch, 'mock-201.json');
    fs.writeFileSync(ceilingBody, servers[0].running.firstAnswer.body);
    const ceiling = ceilingTarget(ceilingBody, servers[0].running.firstAnswer.contentType);
    servers.push({ target: ceiling, ...(await startThrice(ceiling)), rounds: [] });

    for (const { target, running } of servers) await warmUp(target.name, running.url);
    for (let round = 1; round <= loadSettings.rounds; round += 1) {
      for (const server of servers) {
        server.rounds.push(await measureRound(server.target.name, server.running.url, server.running.pid));
        console.error(`round ${round}: ${server.target.name} ${Math.round(server.rounds.at(-1)!.requestsPerSecond)} req/s`);
      }
    }
  } finally {
    await Promise.all(servers.map(({ running }) => running.stop()));
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const rows: Row[] = servers.map(({ target, startupMs, rounds }) => ({ name: target.name, startupMs, rounds }));
  const [mock, prism, workers, ceiling] = rows;
  const report = renderReport(mock, prism, ceiling, workers);
  console.log(report);
  writeSection('npm run bench', report);
});
