// Releases, the changelog and the baselines of `npm run diff`, against temporary folders only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { cutRelease } from '../../scripts/contract-diff/cut-release.ts';
import { renderChangelog } from '../../scripts/contract-diff/render-changelog.ts';
import { runDiff } from '../../scripts/contract-diff/run-diff.ts';
import { changed, minimalSpec, tempDir, type MiniSpec } from './fixtures.ts';

let dir = '';
const releasesDir = () => path.join(dir, 'releases');
const specPath = () => path.join(dir, 'openapi.json');
const notesDir = () => path.join(dir, 'upgrade-notes');
const writeNotes = (version: string, notes: object[]) => {
  fs.mkdirSync(notesDir(), { recursive: true });
  fs.writeFileSync(path.join(notesDir(), `${version}.yaml`), YAML.stringify(notes));
};
const writeSpec = (spec: object) => fs.writeFileSync(specPath(), JSON.stringify(spec, null, 2));
const released = () => (fs.existsSync(releasesDir()) ? fs.readdirSync(releasesDir()).sort() : []);
const withVersion = (version: string, change: (spec: MiniSpec) => void = () => {}) =>
  changed((spec) => {
    change(spec);
    spec.info.version = version;
  });
const diff = (...args: string[]) => {
  const lines: string[] = [];
  const code = runDiff({ args, specPath: specPath(), releasesDir: releasesDir(), log: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
};

const dropVariant = (spec: MiniSpec) => void spec.components.schemas.CheckoutRequest.properties.data.oneOf.pop();
const dropVariantNote = { change: 'The Customer variant is gone', covers: ['/oneOf/1$'], client: 'Use the Account variant.', server: 'Answer 400 to a customer body.' };

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run release', () => {
  it('freezes the spec as <version>.json, byte for byte', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    expect(cutRelease(specPath(), releasesDir(), notesDir()).ok).toBe(true);
    expect(fs.readFileSync(path.join(releasesDir(), '1.0.0.json'), 'utf8')).toBe(fs.readFileSync(specPath(), 'utf8'));
  });

  it('accepts re-releasing the same spec, refuses a different spec under a released version', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    cutRelease(specPath(), releasesDir(), notesDir());
    expect(cutRelease(specPath(), releasesDir(), notesDir()).ok).toBe(true);
    writeSpec(changed((spec) => void (spec.info.title = 'Other')));
    const outcome = cutRelease(specPath(), releasesDir(), notesDir());
    expect(outcome.ok).toBe(false);
    expect(outcome.message.join(' ')).toMatch(/1.0.0 already exists with a different spec/);
    expect(JSON.parse(fs.readFileSync(path.join(releasesDir(), '1.0.0.json'), 'utf8')).info.title).toBe('Mini checkout');
  });

  it('refuses a version not greater than the latest release', () => {
    dir = tempDir();
    writeSpec(withVersion('1.2.0'));
    cutRelease(specPath(), releasesDir(), notesDir());
    writeSpec(withVersion('1.1.9', (spec) => void (spec.info.title = 'Later')));
    expect(cutRelease(specPath(), releasesDir(), notesDir()).ok).toBe(false);
    expect(released()).toEqual(['1.2.0.json']);
  });

  it('refuses a breaking change without a major bump, and takes it with one and its upgrade notes', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    cutRelease(specPath(), releasesDir(), notesDir());
    writeSpec(withVersion('1.1.0', dropVariant));
    expect(cutRelease(specPath(), releasesDir(), notesDir()).ok).toBe(false);
    writeSpec(withVersion('2.0.0', dropVariant));
    writeNotes('2.0.0', [dropVariantNote]);
    expect(cutRelease(specPath(), releasesDir(), notesDir())).toEqual({ ok: true, message: [expect.stringMatching(/^Released 2\.0\.0/)] });
    expect(released()).toEqual(['1.0.0.json', '2.0.0.json']);
  });

  it('refuses breaking changes without upgrade notes, or with notes that leave a change out or cover nothing', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    cutRelease(specPath(), releasesDir(), notesDir());
    writeSpec(withVersion('2.0.0', (spec) => {
      dropVariant(spec);
      spec.info.title = 'Renamed';
    }));
    expect(cutRelease(specPath(), releasesDir(), notesDir()).message.join('\n')).toMatch(/2\.0\.0 has breaking changes but no upgrade notes/);
    writeNotes('2.0.0', [dropVariantNote, { ...dropVariantNote, change: 'Nothing', covers: ['/no/such/pointer'] }]);
    const message = cutRelease(specPath(), releasesDir(), notesDir()).message.join('\n');
    expect(message).toMatch(/annotation change at \/info\/title is covered by no upgrade note/);
    expect(message).toMatch(/the upgrade note "Nothing" covers no change/);
    expect(released()).toEqual(['1.0.0.json']);
  });
});

describe('npm run diff baselines', () => {
  it('prints a one-line notice and passes when nothing is released yet', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    const { code, output } = diff();
    expect(code).toBe(0);
    expect(output).toMatch(/^Contract diff: no release yet[^\n]*$/);
  });

  it('compares with the latest release by semver, or with a given one', () => {
    dir = tempDir();
    for (const version of ['1.2.0', '1.10.0']) {
      writeSpec(withVersion(version, (spec) => void (spec.info.title = `Checkout ${version}`)));
      cutRelease(specPath(), releasesDir(), notesDir());
    }
    expect(diff().output).toMatch(/against release 1\.10\.0 \(1\.10\.0\).*: 0 breaking, 0 non-breaking, 0 annotation only/);
    expect(diff('1.2.0').output).toMatch(/against release 1\.2\.0 [^\n]*0 breaking[\s\S]*Replaced document metadata \(info\.title\)/);
    expect(diff('9.9.9')).toEqual({ code: 2, output: expect.stringMatching(/No release 9\.9\.9; released: 1\.2\.0, 1\.10\.0/) });
  });

  it('reads a git ref with git show, and exits 2 on what it cannot resolve', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    expect(diff('HEAD').output).toMatch(/^Contract diff against git HEAD \(\d+\.\d+\.\d+\)/);
    expect(diff('no-such-ref-or-file').code).toBe(2);
  });
});

describe('npm run changelog', () => {
  it('has a section per release against the one before, and Unreleased against the latest', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    cutRelease(specPath(), releasesDir(), notesDir());
    const addNote = (spec: MiniSpec) => void Object.assign(spec.components.schemas.AccountCheckout.properties, { note: { type: 'string' } });
    writeSpec(withVersion('1.1.0', addNote));
    cutRelease(specPath(), releasesDir(), notesDir());
    writeSpec(withVersion('1.1.0', (spec) => {
      addNote(spec);
      Object.assign(spec.components.schemas.Order.properties.status, { description: 'Where the order is.' });
    }));
    const changelog = renderChangelog(specPath(), releasesDir(), notesDir());
    const section = (title: string) => changelog.split(/^## /m).find((part) => part.startsWith(title)) ?? '';
    expect(section('Unreleased')).toMatch(/### Annotation only\n\n- POST \/v2\/carts\/\{reference\}\/checkout: .*description/);
    expect(section('Unreleased')).not.toMatch(/`note`/);
    expect(section('1.1.0')).toMatch(/### Non-breaking\n\n- POST .*variant "Account": Added property `note`/);
    expect(section('1.0.0')).toMatch(/Initial release of the contract\./);
    expect(changelog.indexOf('## 1.1.0')).toBeLessThan(changelog.indexOf('## 1.0.0'));
  });

  it('tells a release with upgrade notes note by note: clients, servers, and the changes the gate saw', () => {
    dir = tempDir();
    writeSpec(minimalSpec());
    cutRelease(specPath(), releasesDir(), notesDir());
    writeSpec(withVersion('2.0.0', dropVariant));
    writeNotes('2.0.0', [dropVariantNote]);
    cutRelease(specPath(), releasesDir(), notesDir());
    const changelog = renderChangelog(specPath(), releasesDir(), notesDir());
    const section = changelog.split(/^## /m).find((part) => part.startsWith('2.0.0')) ?? '';
    expect(section).toMatch(/### The Customer variant is gone\n\n- \*\*Clients:\*\* Use the Account variant\.\n- \*\*Servers:\*\* Answer 400 to a customer body\.\n- \*\*Gate:\*\* 1 breaking, 0 non-breaking, 0 annotation only, at `[^`]*\/oneOf\/1`/);
    expect(section).not.toMatch(/Not covered/);
  });
});
