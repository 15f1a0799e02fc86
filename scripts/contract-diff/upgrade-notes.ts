// Upgrade notes: for each change of a release, what a client and what a server must do. They are
// hand-written, one YAML file per release (docs/upgrade-notes/<version>.yaml), because no diff tool knows
// what a change asks of people. Each note names the gate's changes it covers by patterns over their JSON
// pointers, and every change must be covered by exactly one note: a note cannot go missing, cover
// nothing, or drift from what the gate classifies (cut-release.ts refuses, the diff tests fail).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from '../../src/lib/paths.ts';
import type { Change } from './classify.ts';

export type UpgradeNote = {
  /** The change, in a line. */
  change: string;
  /** Regular expressions over the pointers of the gate's changes this note covers. */
  covers: string[];
  /** What a client (frontend, SDK user) must do. */
  client: string;
  /** What a server (a backend implementing the contract) must do. */
  server: string;
};

export const defaultNotesDir = path.join(repoRoot, 'docs', 'upgrade-notes');

export const notesPath = (notesDir: string, version: string): string => path.join(notesDir, `${version}.yaml`);

const isNote = (value: unknown): value is UpgradeNote => {
  const note = value as Partial<UpgradeNote> | null;
  const texts = [note?.change, note?.client, note?.server];
  return texts.every((text) => typeof text === 'string' && text.trim() !== '') && Array.isArray(note?.covers) && note.covers.length > 0 && note.covers.every((p) => typeof p === 'string');
};

/** The notes of a release, or undefined when it has none. Throws on a file that is not a list of notes. */
export const readUpgradeNotes = (notesDir: string, version: string): UpgradeNote[] | undefined => {
  const file = notesPath(notesDir, version);
  if (!fs.existsSync(file)) return undefined;
  const notes: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(notes) || !notes.every(isNote)) {
    throw new Error(`${file} must be a list of notes, each with change, covers (a list of patterns), client and server`);
  }
  return notes;
};

export type Coverage = {
  /** The changes each note covers, in the notes' order. */
  byNote: { note: UpgradeNote; changes: Change[] }[];
  /** Why the notes do not fit the changes: changes covered by no note or by several, notes that cover nothing. */
  problems: string[];
};

// The version bump is the release itself, not a change a note could tell anyone about.
const isVersionBump = (change: Change): boolean => change.pointer === '/info/version';

export const coverageOf = (notes: UpgradeNote[], allChanges: Change[]): Coverage => {
  const changes = allChanges.filter((change) => !isVersionBump(change));
  const matchers = notes.map((note) => note.covers.map((pattern) => new RegExp(pattern)));
  const notesOf = (change: Change) => notes.filter((_, index) => matchers[index].some((pattern) => pattern.test(change.pointer)));
  const problems: string[] = [];
  for (const change of changes) {
    const covering = notesOf(change);
    if (covering.length !== 1) {
      const by = covering.length === 0 ? 'no upgrade note' : `${covering.length} upgrade notes (${covering.map((note) => note.change).join('; ')})`;
      problems.push(`${change.kind} change at ${change.pointer} is covered by ${by}`);
    }
  }
  const byNote = notes.map((note) => ({ note, changes: changes.filter((change) => notesOf(change)[0] === note) }));
  for (const { note, changes: covered } of byNote) if (covered.length === 0) problems.push(`the upgrade note "${note.change}" covers no change`);
  return { byNote, problems };
};

/** Problems with the notes of a release against its changes: a release with breaking changes needs notes. */
export const upgradeNoteProblems = (notesDir: string, version: string, changes: Change[]): string[] => {
  const notes = readUpgradeNotes(notesDir, version);
  if (notes) return coverageOf(notes, changes).problems;
  return changes.some((change) => change.kind === 'breaking' && !isVersionBump(change))
    ? [`${version} has breaking changes but no upgrade notes: write ${path.relative(repoRoot, notesPath(notesDir, version))} (what a client and a server must do, per change)`]
    : [];
};
