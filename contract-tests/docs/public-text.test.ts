// The checks behind the reference page's text tests, shown to catch what they look for, and the
// spec's own text, including the examples a reader only sees after picking them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledSpec } from '../../src/lib/spec-validator.ts';
import { openRecordingBrowser, type RecordingBrowser } from './browser.ts';
import { identifiersBrokenMidWord } from './identifier-wrapping.ts';
import { internalVocabulary } from './internal-vocabulary.ts';

describe('internalVocabulary', () => {
  it.each([
    'A shopper by name and email (seed 003, without the stray trailing comma).',
    'ids from seed 000\'s response',
    'Example Seed003CustomerObject',
    'The contract issue (#2) lists tax',
    'see docs/decisions.md',
    'kept as a fixture',
    'where the source documents disagree',
  ])('flags %j', (text) => {
    expect(internalVocabulary(text)).not.toEqual([]);
  });

  it('lets a reader-facing description through', () => {
    expect(internalVocabulary('An existing customer, by ID. The order carries the customer record (Ron Swanson).')).toEqual([]);
  });
});

// Every string of the bundled spec the page can show: titles, summaries, descriptions, example names.
const publicStrings = (node: unknown, key = ''): string[] => {
  if (typeof node === 'string') return ['title', 'summary', 'description', 'name'].includes(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => publicStrings(item));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([name, value]) => [
    ...(key === 'examples' ? [name] : []),
    ...publicStrings(value, name),
  ]);
};

describe('the bundled spec', () => {
  it('says nothing, anywhere the reference can show it, about how the contract was made', () => {
    const strings = publicStrings(loadBundledSpec());
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.flatMap(internalVocabulary)).toEqual([]);
  });
});

describe('identifiersBrokenMidWord', () => {
  let browser: RecordingBrowser;
  beforeAll(async () => {
    browser = await openRecordingBrowser();
    await browser.page.goto(pathToFileURL(path.join(import.meta.dirname, 'fixtures', 'wrapped-identifiers.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('flags an identifier wrapped inside a word, and not one wrapped after its hyphens', async () => {
    expect(await identifiersBrokenMidWord(browser.page, 'td code')).toEqual(['account.member_id']);
    // The fixture must really wrap the header name, or the second half of the claim proves nothing.
    const headerLines = await browser.page.locator('td code').nth(1).evaluate((code) => code.getClientRects().length);
    expect(headerLines).toBeGreaterThan(1);
  });
});
