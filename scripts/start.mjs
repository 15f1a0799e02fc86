// `npm start`: the mock as the package runs it (compiled JavaScript in dist/, no TypeScript loader,
// so it starts fast), compiled again first when src/ changed since the last compile.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const newestChange = (dir) =>
  fs.existsSync(dir)
    ? Math.max(0, ...fs.readdirSync(dir, { recursive: true }).map((file) => fs.statSync(path.join(dir, file)).mtimeMs))
    : 0;

const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli) || newestChange(path.join(root, 'src')) > newestChange(path.join(root, 'dist'))) {
  console.error('src/ changed since the last compile: npm run compile…');
  const compiled = spawnSync('npm', ['run', '-s', 'compile'], { cwd: root, stdio: 'inherit' });
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
}
process.argv.splice(2, 0, 'mock');
await import(cli);
