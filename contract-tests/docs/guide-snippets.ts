// The shell snippets of the guides, as a reader pastes them. A snippet is a ```sh (or bash, shell)
// block. It promises the status of each curl it runs with a comment such as `# → 201`, in order.
// A block that cannot run against the mock (it installs, starts a server, needs a real backend)
// says why in its info string, ```sh not-run: <why>, which GitHub does not render.
import { execFile } from 'node:child_process';
import { marked } from 'marked';

const shellLanguages = new Set(['sh', 'bash', 'shell']);
// Snippets are written for the mock that `npm start` serves; the test points them at its own.
const documentedMockUrl = 'http://127.0.0.1:4010';

export interface ShellSnippet {
  /** 1-based position among the shell snippets of its guide. */
  number: number;
  script: string;
  /** Why the snippet is not run, when it says so. */
  notRun?: string;
  /** The statuses its comments promise, in order. */
  promised: number[];
}

export const shellSnippets = (markdown: string): ShellSnippet[] =>
  marked
    .lexer(markdown)
    .filter((token): token is typeof token & { lang: string; text: string } => token.type === 'code')
    .filter((token) => shellLanguages.has((token.lang ?? '').split(/\s+/)[0]))
    .map((token, index) => {
      const marking = token.lang.slice(token.lang.split(/\s+/)[0].length).trim();
      const notRun = /^not-run:\s*(\S.*)$/.exec(marking)?.[1];
      if (marking !== '' && notRun === undefined) {
        throw new Error(`Shell snippet ${index + 1} has an unknown marking "${marking}"; use "not-run: <why>".`);
      }
      const promised = [...token.text.matchAll(/#.*?→\s*(\d{3})\b/g)].map((match) => Number(match[1]));
      return { number: index + 1, script: token.text, notRun, promised };
    });

export interface SnippetRun {
  exitCode: number | null;
  /** The status of each curl the snippet ran, in order (000 when it got no answer). */
  statuses: number[];
  stdout: string;
  stderr: string;
}

// Runs the snippet as pasted into bash, strict about unset variables, against `baseUrl` instead of
// the documented mock address. A curl function reports each status on stderr, leaving stdout as
// the reader sees it. Asynchronous, so that a mock in this process can answer.
export const runSnippet = (script: string, baseUrl: string, home: string): Promise<SnippetRun> => {
  const statusProbe = 'curl() { command curl --write-out "%{stderr}snippet-status %{http_code}\\n" "$@"; }\n';
  const command = statusProbe + script.replaceAll(documentedMockUrl, baseUrl);
  return new Promise((resolve) => {
    const child = execFile(
      'bash',
      // --norc: Node's pipes are sockets, which bash takes for a remote shell and answers by reading bashrc.
      ['--norc', '-euo', 'pipefail', '-c', command],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const statuses = [...stderr.matchAll(/^snippet-status (\d{3})$/gm)].map((match) => Number(match[1]));
        resolve({ exitCode: error ? (child.exitCode ?? 1) : 0, statuses, stdout, stderr: stderr.replace(/^snippet-status \d{3}\n/gm, '') });
      },
    );
  });
};
