// Every vitest suite lives under contract-tests/, one folder per project; `npm test` runs them all,
// `npm run test:<project>` one of them.
import { defineConfig } from 'vitest/config';

const project = (name: string, extra: Record<string, unknown> = {}) => ({
  test: { name, include: [`contract-tests/${name}/**/*.test.ts`], ...extra },
});

export default defineConfig({
  test: {
    // Most suites wait on servers and a browser in other processes, so two workers on two cores finish
    // a third sooner than vitest's default of one (measured: 31 s against 42 s); three was slower.
    maxWorkers: 2,
    reporters: ['default', './contract-tests/plain-summary-reporter.ts'],
    projects: [
      project('spec'),
      project('mock'),
      // A check may wait for a token and an answer, each up to CONTRACT_TIMEOUT_MS (10 s by default): the
      // suite's own message about a slow answer must come before vitest's generic timeout.
      project('contract', { include: ['contract-tests/server/**/*.test.ts'], globalSetup: ['contract-tests/server/global-setup.ts'], testTimeout: 30_000 }),
      project('teeth'),
      // The MSW handlers against the server mock.
      project('msw'),
      project('diff'),
      // Packs the project once and installs the tarball into empty projects, runs it on three Node versions:
      // slow, more so on a crowded machine (load average above 20 seen), so it has its own time limits.
      project('package', { globalSetup: ['contract-tests/package/global-setup.ts'], testTimeout: 120_000, hookTimeout: 240_000 }),
      project('docs', { globalSetup: ['contract-tests/docs/ensure-chromium.ts'], testTimeout: 60_000 }),
    ],
  },
});
