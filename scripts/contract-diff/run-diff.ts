// `npm run diff [-- <version|file|git-ref>] [--quiet]`: classify every change since the baseline and gate
// on breaking ones. Exit 0: no breaking change, or the major version was bumped (or nothing released yet).
// Exit 1: breaking change without a major bump. Exit 2: the comparison could not be made.
import { BaselineError, resolveBaseline } from './baseline.ts';
import { classifyChanges } from './classify.ts';
import { countsOf, formatChange, kindLabel, kinds } from './format.ts';
import { judge } from './gate.ts';
import { readSpec } from './releases.ts';
import { isVersion } from './version.ts';

export type DiffOptions = {
  args: string[];
  specPath: string;
  releasesDir: string;
  log: (line: string) => void;
};

export const runDiff = ({ args, specPath, releasesDir, log }: DiffOptions): number => {
  const quiet = args.includes('--quiet');
  const [target, ...extra] = args.filter((arg) => arg !== '--quiet');
  if (extra.length > 0) {
    log(`Usage: npm run diff [-- <version|file|git-ref>] [--quiet]; got ${args.join(' ')}`);
    return 2;
  }
  try {
    const current = readSpec(specPath);
    const baseline = resolveBaseline(target, releasesDir);
    if (!baseline) {
      log('Contract diff: no release yet (generated/releases/ is empty), nothing to hold the spec against.');
      return 0;
    }
    const [was, is] = [baseline.spec.info?.version, current.info?.version];
    for (const [name, version] of [[baseline.label, was], ['the current spec', is]] as const) {
      if (!isVersion(String(version))) {
        log(`Contract diff: info.version of ${name} is "${version}", not MAJOR.MINOR.PATCH.`);
        return 2;
      }
    }
    const changes = classifyChanges(baseline.spec, current);
    const verdict = judge(changes, was, is);
    log(`Contract diff against ${baseline.label} (${was}) -> current ${is}: ${countsOf(changes)}.`);
    if (!quiet) {
      for (const kind of kinds) {
        for (const change of changes.filter((c) => c.kind === kind)) log(`  [${kindLabel[kind]}] ${formatChange(change)}`);
      }
    }
    for (const line of verdict.message) log(line);
    return verdict.pass ? 0 : 1;
  } catch (error) {
    if (!(error instanceof BaselineError) && !(error instanceof SyntaxError)) throw error;
    log(`Contract diff: ${error.message}`);
    return 2;
  }
};
