// The reference page's request samples (scripts/build/code-samples.ts), run as a reader would run them
// against the mock: every curl sample through bash, every TypeScript sample compiled by a strict tsc
// against the package's own types and then called. Each must check out its variant's example.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSamples, type CodeSample } from '../../scripts/build/code-samples.ts';
import { ensureCompiled } from '../../scripts/compiled.mjs';
import { variantByExampleKey } from '../../src/lib/checkout-variants.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { binPath, repoRoot } from '../../src/lib/paths.ts';
import { operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { runSnippet } from './guide-snippets.ts';

const run = promisify(execFile);
const validator = new SpecValidator();
const spec = validator.spec;
const samples = codeSamples(spec);
const serverUrl = spec.servers[0].url as string;
// The samples are written for the spec's first server; the snippet runner points the documented mock address at its own mock.
const documentedMockUrl = 'http://127.0.0.1:4010';

/** Tokens of the form the mock mints, of the grant each variant needs, and a member's token for the header. */
const tokens = (sample: CodeSample) => ({
  token: variantByExampleKey(sample.variant)?.grant === 'client_credentials' ? 'mock_client_credentials_samples' : 'mock_implicit_samples',
  accountManagementToken: 'member-1',
});

const { requestExamples } = operationAt(readSpecOperations(validator), checkoutPath);
const requestExample = (variant: string) => requestExamples.get(variant) as { data: { order_number?: string } };

let mock: MockServer;
let home: string;
// Inside the project, so that `@ep-checkout/contract` resolves to the package itself (its exports, dist/).
const samplesDir = path.join(repoRoot, 'test-output', 'code-samples');

beforeAll(async () => {
  ensureCompiled();
  mock = await startMockServer({ port: 0 });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'code-samples-'));
  fs.rmSync(samplesDir, { recursive: true, force: true });
  fs.mkdirSync(samplesDir, { recursive: true });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe('the request samples of the reference page', () => {
  it('are a curl and a TypeScript sample for each variant of the request examples', () => {
    const variants = [...requestExamples.keys()];
    expect(samples.map((sample) => `${sample.lang} ${sample.variant}`)).toEqual(variants.flatMap((variant) => [`curl ${variant}`, `TypeScript ${variant}`]));
  });

  it.each(samples.filter((sample) => sample.lang === 'curl'))('$label: checks out against the mock, as pasted', async (sample) => {
    const { token, accountManagementToken } = tokens(sample);
    const script = `ACCESS_TOKEN=${token} ACCOUNT_MANAGEMENT_TOKEN=${accountManagementToken}\n# → 201\n${sample.source.replaceAll(serverUrl, documentedMockUrl)}`;
    const result = await runSnippet(script, mock.url, home);
    expect({ exitCode: result.exitCode, stderr: result.stderr, statuses: result.statuses }, result.stdout).toEqual({ exitCode: 0, stderr: '', statuses: [201] });
    const order = JSON.parse(result.stdout).data;
    expect(order.type).toBe('order');
    expect(order.order_number).toBe(requestExample(sample.variant).data.order_number);
  });

  describe('in TypeScript', () => {
    const typeScript = samples.filter((sample) => sample.lang === 'TypeScript');
    const fileOf = (sample: CodeSample) => path.join(samplesDir, `${sample.variant}.ts`);
    // What each sample's checkOut returned, from one tsx process for them all (a process costs seconds here).
    let orders: Record<string, { order_number?: string }>;

    beforeAll(async () => {
      for (const sample of typeScript) fs.writeFileSync(fileOf(sample), sample.source);
      const calls = typeScript.map((sample) => `[${JSON.stringify(sample.variant)}, await (await import(${JSON.stringify(fileOf(sample))})).checkOut(${JSON.stringify({ ...tokens(sample), baseUrl: mock.url })})]`);
      const { stdout } = await run(binPath('tsx'), ['--eval', `(async () => console.log(JSON.stringify(Object.fromEntries([${calls.join(', ')}]))))()`], { cwd: repoRoot });
      orders = JSON.parse(stdout);
    }, 60_000);

    it('compile with a strict tsc against the package', async () => {
      const options = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'];
      const output = await run(binPath('tsc'), [...options, ...typeScript.map(fileOf)], { cwd: repoRoot }).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
      expect(output).toBe('');
    });

    it.each(typeScript)('$label: checks out against the mock', (sample) => {
      expect(orders[sample.variant]?.order_number).toBe(requestExample(sample.variant).data.order_number);
    });
  });
});
