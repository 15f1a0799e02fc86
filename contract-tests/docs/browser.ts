// Headless Debian Chromium with a fresh profile, recording what a reader's browser would do behind their back:
// every request it makes and every error it logs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './chromium-plan.ts';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const localSchemes = new Set(['file:', 'data:', 'blob:', 'about:']);

// True for any request that would leave this machine.
export const isOffMachine = (url: string): boolean => {
  const parsed = new URL(url);
  if (localSchemes.has(parsed.protocol)) return false;
  return !loopbackHosts.has(parsed.hostname);
};

export interface RecordingBrowser {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export const openRecordingBrowser = async (): Promise<RecordingBrowser> => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 1400, height: 900 },
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  // Rendered content appears within a second here; a missing element should fail fast, not after 30 s.
  page.setDefaultTimeout(5_000);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    page,
    requests,
    consoleErrors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
};
