// Finds identifiers (code spans) that the browser wrapped in the middle of a word, such as
// `account.i` / `d`. A break right after a hyphen is allowed: long header names need it.
import type { Page } from 'playwright-core';

export const identifiersBrokenMidWord = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate((codeSelector) => {
    const broken: string[] = [];
    for (const code of document.querySelectorAll(codeSelector)) {
      const text = code.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const identifier = text.textContent ?? '';
      let start = 0;
      for (const segment of identifier.split(/(?<=-)/)) {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + segment.length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) {
          broken.push(identifier);
          break;
        }
        start += segment.length;
      }
    }
    return broken;
  }, selector);
