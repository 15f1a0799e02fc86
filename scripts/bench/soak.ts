// `npm run bench:soak`: does a server keep its pace and its memory over a long run? The mock and bare
// Prism, one after the other, each under the bench's checkout load: requests per second in the first
// and the last 5 s of the first 30 s, and the server's resident memory after 10,000 and 100,000
// answers (the load goes on past 30 s until the 100,000th, for at most 3 minutes).
// Writes its own section of docs/benchmarks.md. Not part of `npm test` (it takes over a minute).
import fs from 'node:fs';
import { hammer, loadSettings, requireAll2xx } from './load.ts';
import { writeSection } from './report-file.ts';
import { environment } from './report.ts';
import { mockTarget, prismTarget, runBench, startTarget, type Target } from './targets.ts';

const warmUpSeconds = 3;
const runSeconds = 30;
const longestSeconds = 180;
const windowSeconds = 5;
const memoryMarks = [10_000, 100_000];
const allowedDrift = 0.1;

interface Soak {
  name: string;
  firstRate: number;
  lastRate: number;
  /** Answers so far -> resident memory in MiB at that moment. */
  rssMiB: Map<number, number>;
  total: number;
}

const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${(100 * ratio).toFixed(1)}%`;
const whole = (value: number): string => Math.round(value).toLocaleString('en-US');

const residentMiB = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
};

const soak = async (target: Target): Promise<Soak> => {
  const running = await startTarget(target);
  try {
    console.error(`${target.name}: ${warmUpSeconds} s of warm-up, then load until ${whole(memoryMarks.at(-1)!)} answers (at least ${runSeconds} s, at most ${longestSeconds} s)…`);
    requireAll2xx(target.name, await hammer(running.url, warmUpSeconds));
    const perSecond = new Array<number>(runSeconds + 1).fill(0);
    const rssMiB = new Map<number, number>();
    let answered = 0;
    const load = hammer(running.url, longestSeconds);
    const started = performance.now();
    load.on('response', () => {
      const second = Math.floor((performance.now() - started) / 1000);
      if (second < runSeconds) perSecond[second] += 1;
      answered += 1;
      if (memoryMarks.includes(answered)) rssMiB.set(answered, residentMiB(running.pid));
      if (answered >= memoryMarks.at(-1)! && second >= runSeconds) load.stop();
    });
    const result = await load;
    requireAll2xx(target.name, result);
    const mean = (seconds: number[]) => seconds.reduce((sum, count) => sum + count, 0) / seconds.length;
    return {
      name: target.name,
      firstRate: mean(perSecond.slice(0, windowSeconds)),
      lastRate: mean(perSecond.slice(runSeconds - windowSeconds, runSeconds)),
      rssMiB,
      total: answered,
    };
  } finally {
    await running.stop();
  }
};

const memory = (row: Soak, mark: number): string => (row.rssMiB.has(mark) ? row.rssMiB.get(mark)!.toFixed(1) : `not reached`);

const render = (rows: Soak[]): string => {
  const [first, last] = memoryMarks;
  return [
    `| Server | First ${windowSeconds} s (req/s) | Last ${windowSeconds} s (req/s) | Change | RSS after ${whole(first)} (MiB) | RSS after ${whole(last)} (MiB) | Change | Requests |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const rssChange = row.rssMiB.has(first) && row.rssMiB.has(last) ? percent(row.rssMiB.get(last)! / row.rssMiB.get(first)! - 1) : '–';
      return (
        `| ${row.name} | ${whole(row.firstRate)} | ${whole(row.lastRate)} | ${percent(row.lastRate / row.firstRate - 1)} | ` +
        `${memory(row, first)} | ${memory(row, last)} | ${rssChange} | ${whole(row.total)} |`
      );
    }),
    '',
    `The goals for the mock: no slow-down (the last ${windowSeconds} s at least ${100 - 100 * allowedDrift}% of the first ` +
      `${windowSeconds} s; a speed-up means the machine got quieter or the JIT warmed up further, and is shown, not failed), and ` +
      `RSS after ${whole(last)} requests within ${100 * allowedDrift}% of RSS after ${whole(first)}. "not reached" means the ` +
      `server did not answer that many requests in ${longestSeconds} s.`,
    '',
    ...environment(),
    `- Load: autocannon in the bench's own process, ${loadSettings.connections} connections, ${warmUpSeconds} s warm-up (JIT ` +
      `compilation), then load until the ${whole(memoryMarks.at(-1)!)}th answer (at least ${runSeconds} s, at most ${longestSeconds} s) per server, one server at a time, loopback only; requests counted per second as ` +
      'answers arrive; RSS read from `/proc/<pid>/status` at the moment the count is reached (warm-up answers not counted).',
  ].join('\n');
};

await runBench(async () => {
  const rows = [await soak(mockTarget), await soak(prismTarget)];
  const section = render(rows);
  console.log(section);
  writeSection('npm run bench:soak', section);
  const mock = rows[0];
  const slowDown = 1 - mock.lastRate / mock.firstRate;
  const growth = (mock.rssMiB.get(memoryMarks[1]) ?? Infinity) / (mock.rssMiB.get(memoryMarks[0]) ?? 1) - 1;
  if (slowDown > allowedDrift || Math.abs(growth) > allowedDrift) {
    console.error(`\nThe mock missed a goal: pace changed ${percent(mock.lastRate / mock.firstRate - 1)}, memory ${percent(growth)}.`);
    process.exitCode = 1;
  }
});
