// `npm run lint` runs Redocly CLI through this: the same arguments, output and exit code, without the
// Node 20 notice (see node20-notice.ts).
import { spawn } from 'node:child_process';
import { binPath, repoRoot } from '../../src/lib/paths.ts';
import { node20NoticeFilter } from './node20-notice.ts';

const child = spawn(binPath('redocly'), process.argv.slice(2), { cwd: repoRoot, stdio: ['inherit', 'inherit', 'pipe'] });
const stderr = node20NoticeFilter((text) => process.stderr.write(text));
child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
child.on('close', (code) => {
  stderr.end();
  process.exitCode = code ?? 1;
});
