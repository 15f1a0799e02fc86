// Runs a CLI from node_modules/.bin quietly; on failure prints its output and exits.
import { execFileSync } from 'node:child_process';
import { binPath, repoRoot } from '../../src/lib/paths.ts';
import { withoutNode20Notice } from '../redocly/node20-notice.ts';

export const runBin = (bin: string, args: string[]): void => {
  try {
    execFileSync(binPath(bin), args, { cwd: repoRoot, stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${bin} ${args.join(' ')} failed:\n${failure.stdout ?? ''}${withoutNode20Notice(String(failure.stderr ?? ''))}`);
    process.exit(1);
  }
};
