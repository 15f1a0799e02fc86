// The lint setup: the bundle consumers lint gets the same rules and the same reviewed exception as the
// source, and the wrapper of Redocly CLI removes its Node 20 notice and nothing else.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { binPath, bundledSpecPath, repoRoot, specRoot } from '../../src/lib/paths.ts';
import { node20NoticeFilter, withoutNode20Notice } from '../../scripts/redocly/node20-notice.ts';

const readYaml = (file: string) => parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const relative = (file: string) => path.relative(repoRoot, file);

describe('redocly.yaml', () => {
  it('lints both the source and the bundled spec', () => {
    const roots = Object.values(readYaml('redocly.yaml').apis as Record<string, { root: string }>).map((api) => api.root);
    expect(roots.sort()).toEqual([relative(bundledSpecPath), relative(specRoot)].sort());
  });
});

describe('.redocly.lint-ignore.yaml', () => {
  // Source entries are keyed by component file and point inside it; in the bundle the same schema
  // sits at #/components/schemas/<file name>.
  const ignored: Record<string, Record<string, string[]>> = readYaml('.redocly.lint-ignore.yaml');
  const fromSource = Object.entries(ignored)
    .filter(([file]) => file !== relative(bundledSpecPath))
    .flatMap(([file, rules]) =>
      Object.entries(rules).flatMap(([rule, pointers]) =>
        pointers.map((pointer) => `${rule} #/components/schemas/${path.basename(file, '.yaml')}${pointer.slice(1)}`),
      ),
    );
  const inBundle = Object.entries(ignored[relative(bundledSpecPath)] ?? {}).flatMap(([rule, pointers]) =>
    pointers.map((pointer) => `${rule} ${pointer}`),
  );

  it('excepts in the bundle exactly what it excepts in the source', () => {
    expect(fromSource.length).toBeGreaterThan(0);
    expect(inBundle.sort()).toEqual(fromSource.sort());
  });
});

const notice = [
  '',
  '    ╔════════════════════════════════════════╗',
  '    ║  Deprecation warning: Node.js 20 support is ending  ║',
  '    ║  You are using Node.js v20.20.2.  ║',
  '    ╚════════════════════════════════════════╝',
  '',
  '',
].join('\n');

describe('the Node 20 notice filter', () => {
  it('removes the notice and keeps what follows', () => {
    expect(withoutNode20Notice(`${notice}validating openapi/openapi.yaml...\n`)).toBe('validating openapi/openapi.yaml...\n');
  });

  it('keeps any other boxed notice', () => {
    const other = notice.replace('Node.js 20 support is ending', 'A new version is available');
    expect(withoutNode20Notice(other)).toBe(other);
  });

  it('removes the notice when it arrives in pieces, then passes the rest through as it comes', () => {
    const written: string[] = [];
    const filter = node20NoticeFilter((text) => written.push(text));
    for (const piece of [notice.slice(0, 20), notice.slice(20), 'error: no such file\n', 'second\n']) filter.push(piece);
    filter.end();
    expect(written.join('')).toBe('error: no such file\nsecond\n');
  });

  it("leaves the real CLI's output on this machine's Node without the notice, which the bare CLI prints", () => {
    const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
    const bare = run(binPath('redocly'), ['--version']);
    const wrapped = run(binPath('tsx'), ['scripts/redocly/main.ts', '--version']);
    if (process.versions.node.startsWith('20.')) expect(bare.stderr).toContain('Node.js 20 support is ending');
    expect(wrapped.status).toBe(0);
    expect(wrapped.stdout).toBe(bare.stdout);
    expect(wrapped.stderr).toBe(withoutNode20Notice(bare.stderr));
    expect(wrapped.stderr).not.toMatch(/Node\.js 20/);
  }, 30_000); // two CLI starts, each 1-2 s alone and more beside the rest of npm test
});
