// Opens the Redoc reference in headless Chromium and checks, from the rendered page, what a reader needs:
// the checkout operation, its four variants with their own fields and examples, its headers, its responses
// with their examples, no console error and nothing requested off this machine.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsPagePath, repoRoot } from '../../src/lib/paths.ts';
import { startDocsServer } from '../../scripts/serve-docs.ts';
import { checkoutPath } from '../../src/verify/response-contract.ts';
import { isOffMachine, openRecordingBrowser, type RecordingBrowser } from './browser.ts';
import { checkout } from './checkout-facts.ts';
import { RedocPage } from './redoc-page.ts';

const screenshots = path.join(repoRoot, 'test-output', 'docs');
// Redoc's telemetry (off in redocly.yaml) and lazy assets fire a few seconds after opening.
const lateRequestWindowMs = 6_500;
const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

describe('docs/index.html rendered in Chromium', () => {
  let browser: RecordingBrowser;
  let docs: Awaited<ReturnType<typeof startDocsServer>>;
  let redoc: RedocPage;
  let openedAt: number;

  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    docs = await startDocsServer();
    browser = await openRecordingBrowser();
    openedAt = Date.now();
    await browser.page.goto(`${docs.url}/index.html`);
    await browser.page.getByRole('heading', { level: 1 }).first().waitFor();
    const renderedMs = Date.now() - openedAt;
    redoc = new RedocPage(browser.page, checkout.operationId);
    await redoc.openOperation(checkout.tag, checkout.summary);
    console.log(
      `docs page: ${(fs.statSync(docsPagePath).size / 1024).toFixed(0)} KiB; first render ${renderedMs} ms, ` +
        `checkout operation open ${Date.now() - openedAt} ms after navigation`,
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await docs?.close();
  });

  it('shows the checkout operation with its method and path', async () => {
    const operation = redoc.operationSection();
    await expect.poll(() => operation.isVisible()).toBe(true);
    expect(await operation.innerText()).toMatch(new RegExp(`POST\\s+${checkoutPath.replace(/[{}]/g, '\\$&')}`));
  });

  it.each(checkout.headerNames)('shows the header parameter %s', async (name) => {
    const header = redoc.header(name);
    await expect.poll(() => header.isVisible()).toBe(true);
    expect(await header.innerText()).toContain(name);
  });

  describe.each(checkout.variants)('the $title variant', (variant) => {
    it('can be selected and shows its own fields, and the fields of other variants as not allowed', async () => {
      await redoc.selectVariant(variant.title);
      // Redoc re-renders the branch in steps after a switch, so read it until it settles (or time runs out).
      const sendableFields = async () =>
        [...(await redoc.visibleRequestFields()).keys()].filter((field) => !variant.forbidden.includes(field)).sort();
      await expect.poll(sendableFields, { timeout: 5_000 }).toEqual([...variant.fieldPaths].sort());
      const shown = await redoc.visibleRequestFields();
      for (const field of variant.forbidden) expect(shown.get(field), field).toMatch(/Not allowed here/);
      await redoc.operationSection().screenshot({ path: path.join(screenshots, `${slug(variant.title)}.png`) });
    });

    it('shows its request example and its 201 order example as in the spec', async () => {
      expect(await redoc.showExample('request', variant.requestExample.summary)).toEqual(variant.requestExample.value);
      await redoc.selectResponse('201');
      expect(await redoc.showExample('response', variant.orderExample.summary)).toEqual(variant.orderExample.value);
    });
  });

  describe.each(checkout.responses)('the $status response', (response) => {
    it('is visible with its description and every example as in the spec', async () => {
      const section = await redoc.selectResponse(response.status);
      await expect.poll(() => section.getByText(response.description, { exact: true }).isVisible()).toBe(true);
      expect(response.examples.length).toBeGreaterThan(0);
      for (const example of response.examples) {
        expect(await redoc.showExample('response', example.summary)).toEqual(example.value);
      }
    });
  });

  it('links guides that exist in docs/', async () => {
    const guides = await browser.page
      .locator('a[href$=".md"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(guides.length).toBeGreaterThan(0);
    const missing = [];
    for (const guide of new Set(guides)) if ((await fetch(guide)).status !== 200) missing.push(guide);
    expect(missing).toEqual([]);
  });

  it('requested nothing off this machine, late requests included', async () => {
    await browser.page.waitForTimeout(Math.max(0, openedAt + lateRequestWindowMs - Date.now()));
    expect(browser.requests).toContain(`${docs.url}/index.html`);
    expect(browser.requests.filter(isOffMachine)).toEqual([]);
  });

  it('logged no console error', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
