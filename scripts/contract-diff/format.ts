// One line per change, the same wording in the terminal and in the changelog.
import type { Change, Kind } from './classify.ts';

export const kinds: readonly Kind[] = ['breaking', 'non-breaking', 'annotation'];

export const kindLabel: Record<Kind, string> = {
  breaking: 'breaking',
  'non-breaking': 'non-breaking',
  annotation: 'annotation only',
};

export const whereOf = (change: Change): string =>
  [change.operation, change.variant && `variant "${change.variant}"`].filter(Boolean).join(', ');

export const formatChange = (change: Change): string => {
  const where = whereOf(change);
  return `${where ? `${where}: ` : ''}${change.description} (${change.pointer})`;
};

export const countsOf = (changes: Change[]): string =>
  kinds.map((kind) => `${changes.filter((change) => change.kind === kind).length} ${kindLabel[kind]}`).join(', ');
