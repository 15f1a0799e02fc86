// The repository's own upgrade notes (docs/upgrade-notes/) fit the changes the gate classifies: every
// change of every release, and of the unreleased spec, is told to clients and servers by exactly one note.
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../src/lib/paths.ts';
import { classifyChanges } from '../../scripts/contract-diff/classify.ts';
import { defaultReleasesDir, latestRelease, listReleases, readRelease, readSpec } from '../../scripts/contract-diff/releases.ts';
import { defaultNotesDir, readUpgradeNotes, upgradeNoteProblems } from '../../scripts/contract-diff/upgrade-notes.ts';

const releases = listReleases(defaultReleasesDir);
const pairs = releases.slice(1).map((version, index) => [version, releases[index]] as const);

describe('upgrade notes of this repository', () => {
  it.each(pairs)('%s (against %s): every change covered by exactly one note', (version, previous) => {
    const changes = classifyChanges(readRelease(defaultReleasesDir, previous), readRelease(defaultReleasesDir, version));
    expect(upgradeNoteProblems(defaultNotesDir, version, changes)).toEqual([]);
  });

  it('the unreleased spec, when its version is not released yet', () => {
    const current = readSpec(bundledSpecPath);
    const latest = latestRelease(defaultReleasesDir)!;
    if (current.info.version === latest) return expect(readRelease(defaultReleasesDir, latest)).toEqual(current);
    expect(upgradeNoteProblems(defaultNotesDir, current.info.version, classifyChanges(readRelease(defaultReleasesDir, latest), current))).toEqual([]);
  });

  it('3.0.0 tells clients and servers what to do about shipping_address, detail, the new totals, the other spellings and token errors', () => {
    const told = (readUpgradeNotes(defaultNotesDir, '3.0.0') ?? []).map((note) => `${note.change} ${note.client} ${note.server}`).join('\n');
    for (const subject of ['`shipping_address`', '`detail`', '`balance_owing`', '`account-member`', '`shipping_group`', '`status`', '`deck-shoe-001`']) {
      expect(told).toContain(subject);
    }
  });

  it('2.0.0 tells clients and servers what to do about source, addresses, order references and included.items', () => {
    const told = (readUpgradeNotes(defaultNotesDir, '2.0.0') ?? []).map((note) => `${note.change} ${note.client} ${note.server}`).join('\n');
    for (const subject of ['`source`', '`region`', '`order_number`', '`included.items`', '`Accept`']) expect(told).toContain(subject);
  });
});
