import { describe, expect, it } from 'vitest';
import { planChromium } from './chromium-plan.ts';

describe('planChromium', () => {
  it('does nothing when Chromium is already installed, whoever runs it', () => {
    expect(planChromium({ chromiumExists: true, isRoot: false, hasAptGet: false })).toEqual({ action: 'ok' });
    expect(planChromium({ chromiumExists: true, isRoot: true, hasAptGet: true })).toEqual({ action: 'ok' });
  });

  it("installs Debian's chromium with apt-get when running as root", () => {
    const plan = planChromium({ chromiumExists: false, isRoot: true, hasAptGet: true });
    expect(plan).toEqual({
      action: 'install',
      commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium']],
    });
  });

  it.each([
    { isRoot: false, hasAptGet: true },
    { isRoot: true, hasAptGet: false },
    { isRoot: false, hasAptGet: false },
  ])('stops with a one-line instruction when it cannot install (%o)', (host) => {
    const plan = planChromium({ chromiumExists: false, ...host });
    expect(plan.action).toBe('instruct');
    if (plan.action !== 'instruct') return;
    expect(plan.message).toContain('apt-get install -y chromium');
    expect(plan.message).not.toContain('\n');
  });
});
