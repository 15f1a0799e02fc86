// vitest globalSetup of the docs project: makes sure Debian's Chromium is there before any browser test runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumPath, planChromium } from './chromium-plan.ts';

const onPath = (command: string): boolean =>
  (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && fs.existsSync(`${dir}/${command}`));

export default function ensureChromium(): void {
  const plan = planChromium({
    chromiumExists: fs.existsSync(chromiumPath),
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get'),
  });
  if (plan.action === 'instruct') throw new Error(plan.message);
  if (plan.action === 'install') {
    for (const [command, ...args] of plan.commands) {
      execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    if (!fs.existsSync(chromiumPath)) throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing.`);
  }
}
