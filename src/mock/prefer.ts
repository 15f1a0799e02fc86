// The `Prefer` header as docs/mock.md documents it: `code=<status>`, `example=<name>`, or both,
// separated by a comma. It is read here rather than by Prism, which silently ignores what it cannot
// read and, asked for an error example alone, looks for it among the success examples only.
import type { MockChoice } from './prism-engine.ts';
import type { SpecOperation } from '../lib/spec-operations.ts';

export type PreferAnswer = { ok: true; choice: MockChoice } | { ok: false; detail: string };

const syntax = 'Prefer takes "code=<status>", "example=<name>" or both, separated by a comma';

const readPreferHeader = (header: string): { code?: string; example?: string } | string => {
  const read: { code?: string; example?: string } = {};
  for (const part of header.split(',')) {
    const match = /^\s*(code|example)\s*=\s*([A-Za-z0-9_.-]+)\s*$/i.exec(part);
    if (!match) return `${syntax}; "${part.trim()}" is not one of them`;
    const name = match[1].toLowerCase() as 'code' | 'example';
    if (read[name] !== undefined) return `${syntax}; ${name} is given twice`;
    read[name] = match[2];
  }
  return read;
};

/** What the header asks this operation for, checked against the responses and examples the spec declares. */
export const preferredAnswer = (header: string | undefined, operation: SpecOperation): PreferAnswer => {
  if (header === undefined || header.trim() === '') return { ok: true, choice: {} };
  const read = readPreferHeader(header);
  if (typeof read === 'string') return { ok: false, detail: read };
  const declared = [...operation.responseExamples.keys()];
  const name = `${operation.method.toUpperCase()} ${operation.pathTemplate}`;
  const code = read.code === undefined ? undefined : Number(read.code);
  if (code !== undefined && !declared.includes(code)) {
    return { ok: false, detail: `${name} declares no ${read.code} response; it declares ${declared.join(', ')}` };
  }
  if (read.example === undefined) return { ok: true, choice: { code } };
  const holders = declared.filter((status) => operation.responseExamples.get(status)?.has(read.example!));
  if (holders.length === 0) {
    const names = declared.flatMap((status) => [...(operation.responseExamples.get(status)?.keys() ?? [])]);
    return { ok: false, detail: `${name} has no example named ${read.example}; its examples are ${names.join(', ')}` };
  }
  if (code !== undefined && !holders.includes(code)) {
    return { ok: false, detail: `${read.example} is an example of the ${holders.join(', ')} response, not of ${code}` };
  }
  return { ok: true, choice: { code: code ?? holders[0], exampleKey: read.example } };
};
