// Does a price's `formatted` string say the same as its `amount` (minor units) and `currency`?
// The contract does not fix a locale, so any usual rendering is accepted: a sign, the currency's
// symbol or ISO code on either side, grouping separators, and the currency's own minor digits.

/** How many minor digits the currency has (2 for USD, 0 for JPY, 3 for KWD), per Intl's ISO 4217 data. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Every way the currency may be named in a formatted price: its symbols in a few locales and its code. */
const currencyMarkers = (currency: string): string[] => {
  const markers = new Set<string>([currency]);
  for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
      const symbol = parts.find((part) => part.type === 'currency')?.value;
      if (symbol) markers.add(symbol);
    }
  }
  // Longest first, so "US$" is taken whole rather than as "$" with a stray "US".
  return [...markers].sort((a, b) => b.length - a.length);
};

const minusSigns = /^[-\u2212]/;

/**
 * The amount in minor units that `formatted` spells for `currency`, or why it cannot be read.
 * Parsing is exact (no floating point): "-$1,234.50" in USD is -123450.
 */
export const parseFormattedPrice = (formatted: string, currency: string): { amount: number } | { problem: string } => {
  const marker = currencyMarkers(currency).find((candidate) => formatted.includes(candidate));
  if (!marker) return { problem: `names no symbol or code of ${currency}` };
  let rest = formatted.replace(marker, '').replace(/[\s\u00a0\u202f]/g, '');
  const negative = minusSigns.test(rest);
  rest = rest.replace(minusSigns, '');
  const digits = minorDigits(currency);
  const shape = digits > 0 ? new RegExp(`^(\\d{1,3}(?:[,.'\\u2019]?\\d{3})*)[.,](\\d{${digits}})$`) : /^(\d{1,3}(?:[,.'\u2019]?\d{3})*)$/;
  const match = shape.exec(rest);
  if (!match) return { problem: `is not a ${currency} amount with ${digits} minor digit(s)` };
  const majorUnits = Number(match[1].replace(/\D/g, ''));
  const minorUnits = digits > 0 ? Number(match[2]) : 0;
  const amount = majorUnits * 10 ** digits + minorUnits;
  return { amount: negative && amount !== 0 ? -amount : amount };
};
