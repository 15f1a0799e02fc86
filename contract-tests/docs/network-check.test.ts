// The docs test's "nothing off-machine" check, shown to catch a page that is not self-contained.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOffMachine, openRecordingBrowser, type RecordingBrowser } from './browser.ts';

const fixture = (name: string): string => pathToFileURL(path.join(import.meta.dirname, 'fixtures', name)).href;

describe('isOffMachine', () => {
  it.each(['file:///work/docs/index.html', 'data:image/png;base64,AA', 'blob:null/1234', 'about:blank',
    'http://127.0.0.1:8080/', 'http://localhost:4010/v2', 'http://[::1]:9/'])('keeps %s on this machine', (url) => {
    expect(isOffMachine(url)).toBe(false);
  });

  it.each(['https://cdn.redoc.ly/redoc/logo-mini.svg', 'https://fonts.googleapis.com/css', 'http://10.0.0.1/',
    'http://127.0.0.1.example.com/', 'wss://telemetry.example.com/'])('flags %s as leaving it', (url) => {
    expect(isOffMachine(url)).toBe(true);
  });
});

describe('the recording browser', () => {
  let browser: RecordingBrowser;
  beforeAll(async () => {
    browser = await openRecordingBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records the request of a page that loads a script from another machine', async () => {
    await browser.page.goto(fixture('external-script.html'));
    await browser.page.waitForLoadState('load');
    expect(browser.requests.filter(isOffMachine)).toEqual(['https://cdn.example.com/library.js']);
  });

  it('records nothing off-machine for a page that is self-contained', async () => {
    browser.requests.length = 0;
    await browser.page.goto(fixture('self-contained.html'));
    await expect.poll(() => browser.page.evaluate(() => document.body.dataset.ready)).toBe('yes');
    expect(browser.requests).toContain(fixture('self-contained.html'));
    expect(browser.requests.filter(isOffMachine)).toEqual([]);
  });
});
