// Opens the Redoc reference in headless Chromium and checks, from the rendered page, what a reader needs:
// the checkout operation on the first screen, its four variants with their own fields and examples, its
// headers, its responses with their examples, identifiers that do not wrap mid-word, no internal
// vocabulary, no console error and nothing requested off this machine.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/lib/paths.ts';
import { startDocsServer } from '../../scripts/serve-docs.ts';
import { checkoutPath } from '../../src/verify/response-contract.ts';
import { isOffMachine, openRecordingBrowser, type RecordingBrowser } from './browser.ts';
import { codeSamples } from '../../scripts/build/code-samples.ts';
import { loadBundledSpec } from '../../src/lib/spec-validator.ts';
import { reservedCartReferences } from '../../src/mock/scenarios.ts';
import { checkout } from './checkout-facts.ts';
import { identifiersBrokenMidWord } from './identifier-wrapping.ts';
import { internalVocabulary } from './internal-vocabulary.ts';
import { RedocPage } from './redoc-page.ts';

const screenshots = path.join(repoRoot, 'test-output', 'docs');
// Redoc's telemetry (off in redocly.yaml) and lazy assets fire a few seconds after opening.
const lateRequestWindowMs = 6_500;
const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const [firstVariant] = checkout.variants;

describe('docs/index.html rendered in Chromium', () => {
  let browser: RecordingBrowser;
  let docs: Awaited<ReturnType<typeof startDocsServer>>;
  let redoc: RedocPage;
  let openedAt: number;
  // The page's text at each step: an example's description shows only while that example is picked.
  const renderedTexts: string[] = [];
  const recordText = async () => void renderedTexts.push(await browser.page.evaluate(() => document.body.innerText));

  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    docs = await startDocsServer();
    browser = await openRecordingBrowser();
    openedAt = Date.now();
    await browser.page.goto(`${docs.url}/index.html`);
    redoc = new RedocPage(browser.page, checkout.operationId);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await docs?.close();
  });

  it('shows the checkout operation, POST and its path, on the first screen on opening, without a click or a scroll', async () => {
    const heading = redoc.operationHeading(checkout.summary);
    await heading.waitFor();
    const box = await heading.boundingBox();
    const screen = browser.page.viewportSize();
    expect(box && screen && box.y + box.height <= screen.height, 'operation heading within the first screen').toBe(true);
    expect(await browser.page.evaluate(() => window.scrollY)).toBe(0);
    await browser.page.screenshot({ path: path.join(screenshots, 'on-opening.png') });
    expect(await redoc.operationSection().innerText()).toMatch(new RegExp(`POST\\s+${checkoutPath.replace(/[{}]/g, '\\$&')}`));
  });

  it('shows the request variants and every response status of the operation, without a click', async () => {
    const requestBody = await redoc.requestBodyText();
    for (const variant of checkout.variants) expect(requestBody).toContain(variant.title);
    expect(await redoc.responseStatuses()).toEqual(checkout.responses.map((response) => response.status));
  });

  it(`opens the variant picker and the request and order examples on the same variant, ${firstVariant.title}`, async () => {
    // Account needs a client credentials token, which only a back end may hold; readers building a
    // storefront must not meet it first.
    expect(firstVariant.title).not.toBe('Account');
    expect(await redoc.selectedVariant()).toBe(firstVariant.title);
    expect(await redoc.selectedExample('request')).toBe(firstVariant.requestExample.summary);
    expect(await redoc.selectedExample('response')).toBe(firstVariant.orderExample.summary);
  });

  it(`shows the ${firstVariant.title} request and order examples expanded, not folded as { … }`, async () => {
    expect(JSON.parse(await redoc.shownJson('request'))).toEqual(firstVariant.requestExample.value);
    expect(JSON.parse(await redoc.shownJson('response'))).toEqual(firstVariant.orderExample.value);
  });

  it('keeps identifiers in description tables whole: no break inside account.id or a header name', async () => {
    const codeInTables = '.md-table-wrapper td code';
    expect(await browser.page.locator(codeInTables).count()).toBeGreaterThan(0);
    expect(await identifiersBrokenMidWord(browser.page, codeInTables)).toEqual([]);
  });

  it.each(checkout.headerNames)('shows the header parameter %s', async (name) => {
    const header = redoc.header(name);
    await expect.poll(() => header.isVisible()).toBe(true);
    expect(await header.innerText()).toContain(name);
  });

  describe.each(checkout.variants)('the $title variant', (variant) => {
    it(`${variant.title}: can be selected and shows its own fields, and the other variants' fields as not allowed`, async () => {
      await redoc.selectVariant(variant.title);
      // Redoc re-renders the branch in steps after a switch, so read it until it settles (or time runs out).
      const sendableFields = async () =>
        [...(await redoc.visibleRequestFields()).keys()].filter((field) => !variant.forbidden.includes(field)).sort();
      await expect.poll(sendableFields, { timeout: 5_000 }).toEqual([...variant.fieldPaths].sort());
      const shown = await redoc.visibleRequestFields();
      for (const field of variant.forbidden) expect(shown.get(field), field).toMatch(/Not allowed here/);
      await redoc.operationSection().screenshot({ path: path.join(screenshots, `${slug(variant.title)}.png`) });
    });

    it(`${variant.title}: shows its request example and its 201 order example as in the spec`, async () => {
      expect(await redoc.showExample('request', variant.requestExample.summary)).toEqual(variant.requestExample.value);
      await redoc.selectResponse('201');
      expect(await redoc.showExample('response', variant.orderExample.summary)).toEqual(variant.orderExample.value);
      await recordText();
    });
  });

  describe.each(checkout.responses)('the $status response', (response) => {
    it(`${response.status}: is visible with its description and every example as in the spec`, async () => {
      const section = await redoc.selectResponse(response.status);
      await expect.poll(() => section.getByText(response.description, { exact: true }).isVisible()).toBe(true);
      expect(response.examples.length).toBeGreaterThan(0);
      for (const example of response.examples) {
        expect(await redoc.showExample('response', example.summary)).toEqual(example.value);
        await recordText();
      }
    });
  });

  describe('the request samples', () => {
    const samples = codeSamples(loadBundledSpec());

    it('are listed after the payload, a curl and a TypeScript sample for each variant', async () => {
      expect(await redoc.requestSampleLabels()).toEqual(['Payload', ...samples.map((sample) => sample.label)]);
    });

    it.each(samples)('$label: shows its code as built', async (sample) => {
      const shown = await redoc.showRequestSample(sample.label);
      expect(shown.replace(/\s+/g, ' ').trim()).toBe(sample.source.replace(/\s+/g, ' ').trim());
    });

    it('give way to the payload again, whose examples still show', async () => {
      await redoc.showRequestSample('Payload');
      expect(await redoc.showExample('request', firstVariant.requestExample.summary)).toEqual(firstVariant.requestExample.value);
    });
  });

  it("describes the mock's Prefer header and every reserved cart reference on the page", async () => {
    const operation = await redoc.operationSection().innerText();
    expect(operation).toContain('Prefer: code=404');
    expect(operation).toContain('Prefer: example=InsufficientStock');
    const references = [...reservedCartReferences.keys()];
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(operation, reference).toContain(reference);
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

  // Last of the page checks, so that every variant, response and example above has been rendered.
  it('shows none of the vocabulary of how the contract was made (seeds, fixtures, issues), at any step', async () => {
    await recordText();
    expect(renderedTexts.length).toBeGreaterThan(checkout.variants.length);
    expect([...new Set(renderedTexts.flatMap(internalVocabulary))]).toEqual([]);
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
