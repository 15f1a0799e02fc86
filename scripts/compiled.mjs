// dist/ is what runs and what is packed: compile src/ again only when it changed since the last
// compile, so `npm start` and the package test start at once from an up-to-date build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliPath = path.join(root, 'dist', 'cli.js');

const newestChange = (dir) =>
  fs.existsSync(dir)
    ? Math.max(0, ...fs.readdirSync(dir, { recursive: true }).map((file) => fs.statSync(path.join(dir, file)).mtimeMs))
    : 0;

/** Compiles src/ to dist/ when dist/ is missing or older than src/; exits on a failed compile. */
export const ensureCompiled = () => {
  if (fs.existsSync(cliPath) && newestChange(path.join(root, 'src')) <= newestChange(path.join(root, 'dist'))) return;
  console.error('dist/ is missing or older than src/: compiling it first (npm run compile)…');
  const compiled = spawnSync('npm', ['run', '-s', 'compile'], { cwd: root, stdio: 'inherit' });
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
};
