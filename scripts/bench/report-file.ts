// docs/benchmarks.md is shared: each bench mode owns one section between its own markers and
// rewrites only that, so one mode (or another tool's section) never clobbers another.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/lib/paths.ts';

export const reportPath = path.join(repoRoot, 'docs', 'benchmarks.md');

const markers = (section: string) => [`<!-- ${section}: start (generated, do not edit) -->`, `<!-- ${section}: end -->`];

/** Replaces the section's content, or appends the section when the file does not have it yet. */
export const writeSection = (section: string, content: string, file = reportPath): void => {
  const [start, end] = markers(section);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const block = `${start}\n${content.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from !== -1 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
  console.error(`written to ${path.relative(repoRoot, file)} (section "${section}")`);
};
