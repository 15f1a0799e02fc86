// Every shell snippet of the guides, run as a reader pastes it, against a mock on a free loopback
// port: each must run to its end and answer the statuses its comments promise. A snippet that cannot
// run here says why (```sh not-run: …) and is reported as skipped with that reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/lib/paths.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { runSnippet, shellSnippets } from './guide-snippets.ts';

const guides = ['README.md', 'docs/getting-started.md', 'docs/mock.md', 'docs/contract-tests.md'];

let mock: MockServer;
let home: string;
beforeAll(async () => {
  mock = await startMockServer();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-snippets-'));
}, 60_000);
afterAll(async () => {
  await mock?.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

const titleOf = (script: string): string => script.split('\n')[0].replace(/^#\s*/, '').slice(0, 70);

describe.each(guides)('%s', (guide) => {
  const snippets = shellSnippets(fs.readFileSync(path.join(repoRoot, guide), 'utf8'));

  for (const snippet of snippets) {
    if (snippet.notRun !== undefined) {
      it.skip(`${guide} snippet ${snippet.number} is not run against the mock: ${snippet.notRun}`, () => {});
      continue;
    }
    it(`${guide} snippet ${snippet.number} answers ${snippet.promised.join(', ') || 'nothing it promises'}: ${titleOf(snippet.script)}`, async () => {
      expect(snippet.promised.length, 'a runnable snippet says what status each of its requests answers (# → 201)').toBeGreaterThan(0);
      const run = await runSnippet(snippet.script, mock.url, home);
      expect({ exitCode: run.exitCode, stderr: run.stderr }, `its output:\n${run.stdout}`).toEqual({ exitCode: 0, stderr: '' });
      expect(run.statuses).toEqual(snippet.promised);
    });
  }
});

describe('the snippet check', () => {
  const markdown = [
    '```sh',
    '# → 201',
    'curl -s http://127.0.0.1:4010/v2/carts/c/checkout -H "Authorization: Bearer $UNSET_TOKEN" -d x',
    '```',
    '```sh',
    '# → 201',
    "curl -s http://127.0.0.1:4010/v2/carts/c/checkout -H 'Authorization: Bearer mock_implicit_dev' -H 'Content-Type: application/json' -d '…'",
    '```',
    '```sh not-run: starts a server',
    'npm start',
    '```',
    '```json',
    '{"not": "shell"}',
    '```',
  ].join('\n');

  it('reads shell blocks only, with their promises and not-run reasons', () => {
    const snippets = shellSnippets(markdown);
    expect(snippets.map(({ promised, notRun }) => ({ promised, notRun }))).toEqual([
      { promised: [201], notRun: undefined },
      { promised: [201], notRun: undefined },
      { promised: [], notRun: 'starts a server' },
    ]);
  });

  it('fails a snippet using a variable it never sets', async () => {
    const run = await runSnippet(shellSnippets(markdown)[0].script, mock.url, home);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/UNSET_TOKEN: unbound variable/);
  });

  it('catches a snippet whose answer is not the promised status (a placeholder body)', async () => {
    const run = await runSnippet(shellSnippets(markdown)[1].script, mock.url, home);
    expect(run.exitCode).toBe(0);
    expect(run.statuses).toEqual([400]);
  });

  it('refuses a marking it does not know', () => {
    expect(() => shellSnippets('```sh skip\nnpm start\n```')).toThrow(/unknown marking "skip"/);
  });
});
