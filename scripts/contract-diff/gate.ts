// The verdict: breaking changes fail unless the major version went up since the compared contract.
import type { Change } from './classify.ts';
import { formatChange } from './format.ts';
import { majorOf } from './version.ts';

export type Verdict = { pass: boolean; message: string[] };

export const judge = (changes: Change[], baseVersion: string, currentVersion: string): Verdict => {
  const breaking = changes.filter((change) => change.kind === 'breaking');
  if (breaking.length === 0) return { pass: true, message: [] };
  const nextMajor = `${majorOf(baseVersion) + 1}.0.0`;
  if (majorOf(currentVersion) > majorOf(baseVersion)) {
    return {
      pass: true,
      message: [`${breaking.length} breaking change(s) accepted: the major version went from ${baseVersion} to ${currentVersion}.`],
    };
  }
  return {
    pass: false,
    message: [
      `${breaking.length} breaking change(s) against ${baseVersion}, but info.version is ${currentVersion} (same major):`,
      ...breaking.map((change) => `  ✗ ${formatChange(change)}`),
      `A client or server built against ${baseVersion} can break. Either revert these changes, or announce them:`,
      `set info.version to ${nextMajor} in openapi/openapi.yaml, run \`npm run build\`, and cut the release with \`npm run release\`.`,
    ],
  };
};
