// The drift check of `npm run build:check` (scripts/build/outputs.ts): a committed output that is
// missing or differs by one byte from a fresh build is reported, identical ones are not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { outputsIn, staleOutputs } from '../../scripts/build/outputs.ts';

const folders: string[] = [];
const outputsWith = (contents: Record<string, string>) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outputs-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(contents)) fs.writeFileSync(path.join(folder, name), text);
  return outputsIn(folder);
};
afterEach(() => folders.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

const built = { 'openapi.json': '{"a":1}', 'schema.d.ts': 'type A = 1;', 'index.html': '<p>x</p>', 'changelog.md': '# C' };

test('identical outputs are not stale', () => {
  expect(staleOutputs(outputsWith(built), outputsWith(built))).toEqual([]);
});

test('an output one byte off is stale, and only that one', () => {
  const committed = outputsWith({ ...built, 'schema.d.ts': 'type A = 2;' });
  expect(staleOutputs(committed, outputsWith(built))).toEqual([committed.types]);
});

test('a missing output is stale', () => {
  const { 'index.html': _dropped, ...rest } = built;
  const committed = outputsWith(rest);
  expect(staleOutputs(committed, outputsWith(built))).toEqual([committed.docs]);
});
