// Splits a V8 CPU profile of the mock under load into the parts of its work: each sample goes to
// the innermost frame on its stack that belongs to a part (so Ajv called by Prism counts as Prism's
// validation, Ajv called by the mock as the mock's own). Libraries with no part of their own (fp-ts,
// lodash, Ajv's generated code, builtins) count for whoever called them.

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

// First match wins, tried on each frame from the leaf up.
const parts: [name: string, matches: (frame: CallFrame) => boolean][] = [
  ['Prism: routing', ({ url }) => url.includes('/prism-http/dist/router/')],
  ['Prism: security and request validation', ({ url, functionName }) =>
    url.includes('/prism-http/dist/validator/') || (url.includes('/prism-core/') && functionName === 'inputValidation')],
  ['Prism: logging', ({ url }) => url.includes('/prism-http/dist/utils/logger') || url.includes('/pino/')],
  ['Prism: negotiation', ({ url }) => url.includes('/prism-http/dist/mocker/')],
  ['Prism: pipeline (prism-core, fp-ts glue)', ({ url }) => url.includes('/prism-core/') || url.includes('/prism-http/')],
  // The mock's own modules, compiled to dist/ or run from src/.
  ['Mock: body validation (Ajv)', ({ url }) => /\/(src|dist)\/(mock\/(body-validation|request-body|json-width)|lib\/schema-validator)\./.test(url)],
  ['Mock: reflection into the order', ({ url }) => /\/(src|dist)\/mock\/(checkout-order|tokens)\./.test(url)],
  ['Mock: negotiation cache', ({ url }) => /\/(src|dist)\/mock\/negotiation-cache\./.test(url)],
  ['Mock: logging', ({ url }) => /\/(src|dist)\/(mock\/request-log|cli\/mock-command)\./.test(url)],
  ['Mock: request handling (parsing, routing, scenarios, serialisation)', ({ url }) => /\/(src|dist)\/(mock|lib)\//.test(url)],
  ['Node: HTTP, sockets, streams, event loop', ({ url }) => url.startsWith('node:')],
  ['Garbage collection', ({ functionName }) => functionName === '(garbage collector)'],
];
const unplaced = 'Other (V8, native, unattributed)';
// Not work done for requests: time waiting, and loading modules before the first request.
const idle = (frame: CallFrame) => frame.functionName === '(idle)';
const loading = (frame: CallFrame) => frame.url.startsWith('node:internal/modules/') || frame.url.includes('/tsx/dist/');

export interface Breakdown {
  busyMs: number;
  /** Part name -> milliseconds of CPU, request work only. */
  parts: Map<string, number>;
}

/** Only the samples of the profile's last `seconds` count: the load ran then, startup came before. */
export const breakDown = (profile: CpuProfile, seconds: number): Breakdown => {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const selfMicros = new Map<number, number>();
  const from = profile.endTime - seconds * 1e6;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at >= from) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });

  const totals = new Map<string, number>([...parts.map(([name]): [string, number] => [name, 0]), [unplaced, 0]]);
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const stack: CallFrame[] = [];
    for (let node = byId.get(id); node; node = parent.get(node.id)) stack.push(node.callFrame);
    if (idle(stack[0]) || stack.some(loading)) continue;
    let part = unplaced;
    for (const frame of stack) {
      const found = parts.find(([, matches]) => matches(frame));
      if (found) {
        part = found[0];
        break;
      }
    }
    totals.set(part, (totals.get(part) ?? 0) + micros / 1000);
    busy += micros / 1000;
  }
  return { busyMs: busy, parts: totals };
};

/** A markdown table: per part, its share of the busy CPU time and microseconds per request. */
export const breakdownTable = (breakdown: Breakdown, requests: number): string =>
  [
    '| Part of the work | Share of CPU | µs per request |',
    '| --- | ---: | ---: |',
    ...[...breakdown.parts]
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => `| ${name} | ${((100 * ms) / breakdown.busyMs).toFixed(1)}% | ${((1000 * ms) / requests).toFixed(1)} |`),
    `| **All request work** | 100% | **${((1000 * breakdown.busyMs) / requests).toFixed(1)}** |`,
  ].join('\n');
