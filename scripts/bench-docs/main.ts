// `npm run bench:docs`: the size of the reference page and the time from opening it to the checkout
// operation on screen, in Debian's headless Chromium; writes docs/reference-page-benchmark.md.
// Not part of `npm test`: timings belong to this machine and this moment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../contract-tests/docs/chromium-plan.ts';
import { docsPagePath, repoRoot } from '../../src/lib/paths.ts';

const runs = 7;
const goalMs = 1500;
const viewport = { width: 1400, height: 900 };
const operationHeading = 'Check out a cart';
const reportPath = path.join(repoRoot, 'docs', 'reference-page-benchmark.md');

interface Run {
  visibleMs: number; // from the start of navigation to the operation heading visible on the first screen
  firstPaintMs: number; // first contentful paint, by the page's own clock
  loadMs: number; // the load event, by the page's own clock: the page's scripts have run
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number): string => Math.round(value).toLocaleString('en-US');

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const measured: Run[] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    // A fresh context per run: no cache, no stored state, as a reader opening the file.
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const startedAt = performance.now();
    await page.goto(pathToFileURL(docsPagePath).href, { waitUntil: 'commit' });
    const heading = page.getByRole('heading', { name: operationHeading }).first();
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    const box = await heading.boundingBox();
    const visibleMs = performance.now() - startedAt;
    if (!box || box.y + box.height > viewport.height) throw new Error(`"${operationHeading}" is not on the first screen`);
    await page.waitForLoadState('load');
    const timing = await page.evaluate(() => ({
      firstPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      loadMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    measured.push({ visibleMs, ...timing });
    await context.close();
  }
} finally {
  await browser.close();
}

const page = fs.readFileSync(docsPagePath);
const version = browser.version();
const visible = measured.map((run) => run.visibleMs);
const report = `# Benchmark of the reference page

How heavy \`docs/index.html\` is, and how long a reader waits, opening it from disk, for the checkout
operation to be on the first screen. Written by \`npm run bench:docs\`; numbers are from one machine.

| Measure | Value |
| --- | ---: |
| Page size | ${(page.length / 1024).toFixed(0)} KiB (${page.length.toLocaleString('en-US')} bytes) |
| Page size, gzip | ${(zlib.gzipSync(page).length / 1024).toFixed(0)} KiB |
| Opening to the checkout operation visible, median of ${runs} | **${ms(median(visible))} ms** (goal: ${ms(goalMs)} ms or less) |
| Opening to the checkout operation visible, each run | ${visible.map(ms).join(', ')} ms |
| First contentful paint, median | ${ms(median(measured.map((run) => run.firstPaintMs)))} ms |
| Load event (the page's scripts have run), median | ${ms(median(measured.map((run) => run.loadMs)))} ms |

## How it was measured

- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')} (1/5/15 min) at the end
- Browser: Debian's Chromium ${version}, headless, a ${viewport.width} × ${viewport.height} window, a fresh context (no cache) per run
- "Visible": from the start of the navigation to \`file://…/docs/index.html\` until the heading "${operationHeading}" is rendered and inside the first screen, without a scroll or a click
`;
fs.writeFileSync(reportPath, report);
console.log(report);
if (median(visible) > goalMs) console.error(`The median ${ms(median(visible))} ms is over the goal of ${ms(goalMs)} ms.`);
