// The `formatted` check reads the usual renderings of a price and refuses one that says another
// amount or another currency; each refusal here is a bug the contract suite must be able to see.
import { describe, expect, test } from 'vitest';
import { minorDigits, parseFormattedPrice } from '../../src/verify/formatted-price.ts';

describe('parseFormattedPrice reads what a price says', () => {
  test.each([
    ['$475.00', 'USD', 47500],
    ['-$5.00', 'USD', -500],
    ['$-5.00', 'USD', -500],
    ['\u2212$5.00', 'USD', -500],
    ['$0.00', 'USD', 0],
    ['US$1,234.50', 'USD', 123450],
    ['USD 12.00', 'USD', 1200],
    ['1.234,50 €', 'EUR', 123450],
    ['£10.00', 'GBP', 1000],
    ['¥500', 'JPY', 500],
    ['KWD 1.250', 'KWD', 1250],
  ])('%s in %s is %i minor units', (formatted, currency, amount) => {
    expect(parseFormattedPrice(formatted, currency)).toEqual({ amount });
  });
});

describe('parseFormattedPrice refuses a price it cannot vouch for', () => {
  test.each([
    ['€5.00', 'USD', 'names no symbol or code of USD'],
    ['CA$5.00', 'USD', 'is not a USD amount'],
    ['$475.0', 'USD', 'is not a USD amount with 2 minor digit(s)'],
    ['$475.001', 'USD', 'is not a USD amount with 2 minor digit(s)'],
    ['¥500.00', 'JPY', 'is not a JPY amount with 0 minor digit(s)'],
    ['$ten', 'USD', 'is not a USD amount'],
  ])('%s in %s', (formatted, currency, problem) => {
    const parsed = parseFormattedPrice(formatted, currency);
    expect('problem' in parsed && parsed.problem).toContain(problem);
  });

  test('minor digits follow ISO 4217 through Intl', () => {
    expect([minorDigits('USD'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });
});
