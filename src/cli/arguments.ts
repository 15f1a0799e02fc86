// Command-line arguments, parsed by Node's own util.parseArgs; a mistake is a UsageError, which the
// command turns into one line and exit code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `--help`, and the string options by name. */
export type ParsedOptions = { help: boolean; flags: Record<string, string | undefined> };

export const parseOptions = (args: string[], options: Options): ParsedOptions => {
  try {
    const { help, ...flags } = parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false }).values;
    return { help: help === true, flags: flags as Record<string, string | undefined> };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

export const wholeNumber = (value: string | undefined, flag: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
};
