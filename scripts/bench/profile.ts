// `npm run bench:profile`: where the mock's CPU time goes under load. Starts the mock on its engine's
// own modules (profiled-mock.mjs) with V8's sampling profiler on, loads it with the bench's checkout
// request, stops it and splits the profile into the parts of the work (profile-breakdown.ts); writes
// its own section of docs/benchmarks.md. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hammer, loadSettings, requireAll2xx } from './load.ts';
import { breakDown, breakdownTable, type CpuProfile } from './profile-breakdown.ts';
import { writeSection } from './report-file.ts';
import { environment } from './report.ts';
import { mockTarget, runBench, startTarget, type Target } from './targets.ts';

const loadSeconds = 10;

// The largest profile in the folder is the main thread's (tsx's loader thread writes a small one too).
const mainThreadProfile = (folder: string): CpuProfile => {
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`the mock wrote no CPU profile into ${folder}`);
  const largest = files.map((name) => path.join(folder, name)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  return JSON.parse(fs.readFileSync(largest, 'utf8')) as CpuProfile;
};

await runBench(async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  try {
    const profiled: Target = {
      name: 'this mock (startMockServer)',
      command: (port) => ({ file: process.execPath, args: ['--cpu-prof', `--cpu-prof-dir=${folder}`, 'scripts/bench/profiled-mock.mjs'], env: { PORT: String(port) } }),
      prepare: mockTarget.prepare,
    };
    const running = await startTarget(profiled);
    console.error(`${profiled.name}: profiling under ${loadSeconds} s of load…`);
    const result = await hammer(running.url, loadSeconds);
    await running.stop();
    requireAll2xx(profiled.name, result);
    const breakdown = breakDown(mainThreadProfile(folder), loadSeconds);
    const section = [
      breakdownTable(breakdown, result.requests.total),
      '',
      `Served ${result.requests.total.toLocaleString('en-US')} checkouts in ${loadSeconds} s ` +
        `(${Math.round(result.requests.average).toLocaleString('en-US')} req/s while profiled).`,
      '',
      ...environment(),
      `- Load: autocannon in the bench's own process, ${loadSettings.connections} connections, ${loadSeconds} s, loopback only; ` +
        `the mock started by \`startMockServer\` from \`dist/\` (the engine's own modules and Prism's as installed: the prebuilt engine \`npm start\` runs is one minified file a profile cannot split), with \`--cpu-prof\`. Only the profile's last ${loadSeconds} s count ` +
        '(startup comes before them), and idle time is left out.',
    ].join('\n');
    console.log(section);
    writeSection('npm run bench:profile', section);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
