// `npm run bench`: startup, throughput and latency of the mock vs bare Prism vs a bare Node server,
// side by side in one run; prints the table and writes it to docs/benchmarks.md. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/lib/paths.ts';
import { measureLoad } from './load.ts';
import { renderReport, type Row } from './report.ts';
import { ceilingTarget, mockTarget, prismTarget, startTarget, type RunningTarget, type Target } from './targets.ts';

const startsPerTarget = 3;
const reportPath = path.join(repoRoot, 'docs', 'benchmarks.md');

const measure = async (target: Target): Promise<{ row: Row; firstAnswer: RunningTarget['firstAnswer'] }> => {
  const startupMs: number[] = [];
  let running: RunningTarget | undefined;
  for (let start = 0; start < startsPerTarget; start += 1) {
    await running?.stop();
    running = await startTarget(target);
    startupMs.push(running.startupMs);
  }
  const live = running as RunningTarget;
  try {
    console.error(`${target.name}: started in ${startupMs.map(Math.round).join(', ')} ms; loading…`);
    const load = await measureLoad(live.url);
    return { row: { name: target.name, startupMs, load }, firstAnswer: live.firstAnswer };
  } finally {
    await live.stop();
  }
};

const mock = await measure(mockTarget);
const prism = await measure(prismTarget);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const ceilingBody = path.join(scratch, 'mock-201.json');
fs.writeFileSync(ceilingBody, mock.firstAnswer.body);
const ceiling = await measure(ceilingTarget(ceilingBody, mock.firstAnswer.contentType)).finally(() =>
  fs.rmSync(scratch, { recursive: true, force: true }),
);

const report = renderReport(mock.row, prism.row, ceiling.row);
fs.writeFileSync(reportPath, report);
console.log(report);
console.error(`written to ${path.relative(repoRoot, reportPath)}`);
