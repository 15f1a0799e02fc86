// Words that belong to how this contract was made, not to the API: the seed pages it was built from,
// their fixtures, the issues that asked for changes. Provenance lives in docs/decisions.md and
// contract-tests/spec/seed-fixtures.ts; a reader of the reference never needs it.
const internalPhrases: RegExp[] = [
  /seed/i,
  /\bfixtures?\b/i,
  /\bmanifest\b/i,
  /\bcontract issue\b/i,
  /\bissue #?\d+/i,
  /\bsource (?:documents?|pages?)\b/i,
  /\btrailing comma\b/i,
  /\belided\b/i,
  /docs\/decisions\.md/i, // a path in this repository; the page links the guide itself
];

/** Each internal phrase found in the text, with a little context around it. */
export const internalVocabulary = (text: string): string[] =>
  internalPhrases.flatMap((phrase) =>
    [...text.matchAll(new RegExp(phrase.source, 'gi'))].map((match) =>
      text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/\s+/g, ' '),
    ),
  );
