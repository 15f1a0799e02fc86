// The mock against unpatched `prism mock` on the same spec, in its own process: for every case of
// bare-prism-cases.ts, where Prism answers in the API's shape, the mock's status (and where the
// case says so, the example it chose) equals Prism's; every difference is one the case names, and
// a named difference that is no longer there fails too. `npm run mock:compare` prints the differences.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { flawOf, sendHostile, type HostileAnswer, type HostileRequest } from '../../scripts/mock/hostile-requests.ts';
import { binPath, bundledSpecPath } from '../../src/lib/paths.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { differentialCases, exampleOf, type DifferentialCase } from './bare-prism-cases.ts';
import { startMock, validator } from './support.ts';

interface BarePrism {
  url: string;
  process: ChildProcess;
}

const startBarePrism = (): Promise<BarePrism> =>
  new Promise((resolve, reject) => {
    const child = spawn(binPath('prism'), ['mock', '-h', '127.0.0.1', '-p', '0', bundledSpecPath], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    let output = '';
    const onOutput = (chunk: string) => {
      output += chunk;
      const url = /Prism is listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      // Prism logs every request; read and drop it, so a full pipe never slows it down.
      child.stdout.off('data', onOutput).resume();
      resolve({ url, process: child });
    };
    child.stdout.setEncoding('utf8').on('data', onOutput);
    child.on('exit', (code) => reject(new Error(`prism mock exited with ${code}: ${output}`)));
  });

const stopBarePrism = (prism?: BarePrism) => {
  if (prism?.process.exitCode === null) process.kill(-prism.process.pid!, 'SIGKILL');
};

const isErrorShape = (body: unknown) => validator.validate('#/components/schemas/ErrorResponse', body).length === 0;

interface Seen {
  status?: number;
  example?: string;
  /** Why the answer is not in the API's shape (a 5xx, problem+json, no answer, a crash), if it is not. */
  flaw?: string;
}

const seen = (request: HostileRequest, answer: HostileAnswer): Seen => {
  let body: unknown;
  try {
    body = JSON.parse(answer.body ?? '');
  } catch {
    body = undefined;
  }
  // A 2xx is judged as an answer to a valid request: JSON, in any shape the spec declares.
  const judgedAs = answer.status !== undefined && answer.status < 300 ? { ...request, deserves: 'success' as const } : request;
  return {
    status: answer.status,
    example: answer.status === undefined ? undefined : exampleOf(request.path, answer.status, body),
    flaw: flawOf(judgedAs, answer, isErrorShape),
  };
};

/** Why the mock's answer breaks the case's agreement with Prism's, or undefined when it keeps it. */
const disagreement = (testCase: DifferentialCase, ours: Seen, theirs: Seen): string | undefined => {
  if (theirs.flaw) return undefined; // Prism does not answer in the API's shape: nothing to agree with
  const sameStatus = ours.status === theirs.status;
  const sameExample = ours.example === theirs.example;
  if (testCase.agree === undefined) return sameStatus && sameExample ? `named as differing (${testCase.because}), yet both answer the same` : undefined;
  if (!sameStatus) return `status ${ours.status}, bare Prism ${theirs.status}`;
  if (testCase.agree === 'status and example' && !sameExample) return `example ${ours.example ?? '(none)'}, bare Prism ${theirs.example ?? '(none)'}`;
  return undefined;
};

/** Runs `work` over `items`, `width` at a time. */
const eachConcurrently = async <T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> => {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
};

let mock: MockServer;
let prism: BarePrism;
beforeAll(async () => {
  [prism, mock] = await Promise.all([startBarePrism(), startMock()]);
}, 120_000);
afterAll(async () => {
  stopBarePrism(prism);
  await mock?.close();
});

const cases = differentialCases();

it('answers as bare Prism wherever Prism answers in the API shape, and differs only where a case says why', async () => {
  expect(cases.length).toBeGreaterThan(200);
  // Every family is there: a list that lost one (say, the reserved references) would pass on what is left.
  for (const family of [/^valid /, /^Prefer code=\d+, example=/, /^reserved reference /, /^truncated JSON/]) expect(cases.some((testCase) => family.test(testCase.name)), String(family)).toBe(true);
  const compared = cases.filter((testCase) => !testCase.crashesPrism);
  const results = new Map<DifferentialCase, { ours: Seen; theirs: Seen }>();
  await eachConcurrently(compared, 4, async (testCase) => {
    const prismRequest = testCase.prismRequest ?? testCase.request;
    const [ours, theirs] = await Promise.all([sendHostile(mock.url, testCase.request), sendHostile(prism.url, prismRequest)]);
    results.set(testCase, { ours: seen(testCase.request, ours), theirs: seen(prismRequest, theirs) });
  });
  expect(prism.process.exitCode, 'bare Prism died on a request not marked crashesPrism in bare-prism-cases.ts').toBeNull();

  const failures: string[] = [];
  const differences: string[] = [];
  for (const testCase of compared) {
    const { ours, theirs } = results.get(testCase)!;
    const failure = disagreement(testCase, ours, theirs);
    if (failure) failures.push(`${testCase.name}: ${failure}`);
    const because = theirs.flaw ? `Prism does not answer in the API's shape: ${theirs.flaw}` : testCase.because;
    if (because) differences.push(`${testCase.name.slice(0, 60)}: mock ${ours.status} ${ours.example ?? ''}, Prism ${theirs.status ?? '-'} ${theirs.example ?? ''} -> ${because.slice(0, 120)}`);
  }
  if (process.env.PRINT_DIFFERENCES) console.log(differences.join('\n'));
  expect(failures).toEqual([]);
}, 120_000);

// Each needs a Prism of its own, a few seconds: `npm run mock:compare` checks them, `npm test` trusts the list.
it.runIf(process.env.CHECK_PRISM_CRASHES)('the requests marked crashesPrism still kill bare Prism, each on a fresh one', async () => {
  const survived: string[] = [];
  for (const testCase of cases.filter((candidate) => candidate.crashesPrism)) {
    const fresh = await startBarePrism();
    const exited = new Promise((resolve) => fresh.process.once('exit', resolve));
    await sendHostile(fresh.url, testCase.request);
    const died = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(resolve, 1000, false))]);
    if (!died) survived.push(testCase.name);
    stopBarePrism(fresh);
  }
  expect(survived).toEqual([]);
}, 120_000);
