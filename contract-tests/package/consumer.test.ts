// The package as another repository uses it: packed, installed from the tarball into an empty
// project, its command run with npx and its types compiled by a consumer's strict tsc.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { binPath, repoRoot } from '../../src/lib/paths.ts';
import { mockClient } from '../../src/mock/tokens.ts';
import { environmentDefaults } from '../../src/verify/config.ts';
import { breakages } from '../teeth/breakages.ts';
import { startBreakingProxy, type RunningServer } from '../teeth/breaking-proxy.ts';
import { bytesUnder, createConsumerProject, startPackagedMock, stopPackagedMock, type ConsumerProject, type PackagedMock } from './packed.ts';
import { missingLinks, relativeLinks } from './readme-links.ts';

const run = promisify(execFile);

let project: ConsumerProject;
let mock: PackagedMock;
const servers: RunningServer[] = [];

type CommandResult = { code: number; stdout: string; stderr: string };

const npx = async (args: string[], env: Record<string, string> = {}): Promise<CommandResult> => {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', ...args], { cwd: project.dir, env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};

const verifyArgs = (baseUrl: string, ...more: string[]) => [
  'ep-checkout', 'verify', '--base-url', baseUrl, '--client-id', mockClient.id, '--client-secret', mockClient.secret, '--timeout-ms', '5000', ...more,
];

beforeAll(async () => {
  project = await createConsumerProject();
  mock = await startPackagedMock(project.dir);
}, 120_000);

afterAll(async () => {
  stopPackagedMock(mock);
  await Promise.all(servers.map((server) => server.close()));
  project?.remove();
});

describe('the packed tarball', () => {
  test('holds the compiled package, the bundled spec and its types, the reference page and the guides, and nothing else', () => {
    const files = project.packed.files.map((file) => file.path);
    const allowed = /^(package\.json|README\.md|LICENSE|docs\/[\w-]+\.md|docs\/index\.html|generated\/openapi\.json|generated\/schema\.d\.ts|dist\/.+\.(js|d\.ts)|dist\/prebuilt\/THIRD-PARTY-LICENSES\.md)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'generated/openapi.json', 'generated/schema.d.ts', 'docs/index.html']));
  });

  test('its README links only files the tarball holds (and the check finds a link to one it lacks)', () => {
    const files = project.packed.files.map((file) => file.path);
    const readme = fs.readFileSync(path.join(project.dir, 'node_modules', '@ep-checkout', 'contract', 'README.md'), 'utf8');
    expect(relativeLinks(readme).length).toBeGreaterThan(0);
    expect(missingLinks(readme, files)).toEqual([]);
    expect(missingLinks(`${readme}\n[the seeds](docs/seeds/000.md) and [a script](scripts/build.ts#L3)\n`, files)).toEqual(['docs/seeds/000.md', 'scripts/build.ts']);
  });

  test("the reference page's links to the guides resolve inside the tarball", () => {
    const files = project.packed.files.map((file) => file.path);
    const page = fs.readFileSync(path.join(repoRoot, 'docs', 'index.html'), 'utf8');
    const guides = [...new Set([...page.matchAll(/\(([\w-]+\.md)\)/g)].map((match) => `docs/${match[1]}`))];
    expect(guides.length).toBeGreaterThan(0);
    expect(guides.filter((guide) => !files.includes(guide))).toEqual([]);
  });

  test('installs, by default, the optional dependencies the mock and verify run on', () => {
    const modules = path.join(project.dir, 'node_modules');
    for (const name of ['@stoplight/prism-http', 'ajv', 'junit-report-builder']) expect(fs.existsSync(path.join(modules, name)), name).toBe(true);
    // The weight a client-only install (browser.test.ts) leaves out.
    console.log(`plain install: ${bytesUnder(modules)} bytes in node_modules`);
  });

  test("has the contract's version", () => {
    const spec = JSON.parse(fs.readFileSync(path.join(repoRoot, 'generated', 'openapi.json'), 'utf8'));
    expect(project.packed.version).toBe(spec.info.version);
  });
});

describe('npx ep-checkout', () => {
  test('mock serves checkouts (started from the tarball, without a TypeScript loader)', async () => {
    const installed = fs.readdirSync(path.join(project.dir, 'node_modules'));
    expect(installed).not.toContain('tsx');
    const response = await fetch(`${mock.url}/v2/carts/any/checkout`, { method: 'OPTIONS' });
    expect(response.status).toBeLessThan(300);
  });

  test('verify against the packaged mock exits 0 and writes the JUnit report', async () => {
    const report = path.join(project.dir, 'reports', 'contract.xml');
    // Two generated bodies per variant keep this under the helper's 30 s on a loaded machine; the job test below runs the default.
    const result = await npx(verifyArgs(mock.url, '--junit', report, '--examples', '2'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed, 0 advisory, 0 skipped \(seed \d+\)$/m);
    const xml = fs.readFileSync(report, 'utf8');
    expect(xml).toMatch(/<testsuites tests="\d+" failures="0"/);
  });

  test('verify against a broken server exits 1 and names the violation', async () => {
    const breakage = breakages.find((candidate) => candidate.name === 'wrong-resource-type')!;
    const broken = await startBreakingProxy(mock.url, breakage);
    servers.push(broken);
    // Generation off: this is about the exit code and the message, not about shrinking bodies for seconds.
    const result = await npx(verifyArgs(broken.url, '--examples', '0'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(breakage.caughtBy);
    expect(result.stdout).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ advisory, \d+ skipped \(seed \d+\)$/m);
  });

  test('verify against a closed port exits 2 in one line', async () => {
    const closed = await startBreakingProxy(mock.url, {});
    await closed.close();
    const result = await npx(verifyArgs(closed.url));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^ep-checkout verify\n  server: /);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ep-checkout: No server answers at http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED$/)]);
  });

  test('--help and --version answer on each command', async () => {
    // The installed bin itself: npx adds nothing to check here but a third of a second per call.
    const bin = path.join(project.dir, 'node_modules', '.bin', 'ep-checkout');
    const commands = [[], ['mock'], ['verify'], ['proxy']];
    const answers = await Promise.all(commands.flatMap((command) => [run(bin, [...command, '--help']), run(bin, [...command, '--version'])]));
    commands.forEach((command, index) => {
      expect(answers[2 * index].stdout, command.join(' ')).toMatch(/^Usage: ep-checkout/);
      expect(answers[2 * index + 1].stdout.trim(), command.join(' ')).toBe(project.packed.version);
    });
  }, 120_000);
});

/** Every ```ts block of the guides that imports the package (the README's is compiled and run on its own). */
const packageExamples = (): string[] =>
  ['docs/mock.md', 'docs/contract-tests.md', 'docs/getting-started.md']
    .map((file) => fs.readFileSync(path.join(repoRoot, file), 'utf8'))
    .flatMap((text) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]))
    .filter((example) => /from '@ep-checkout\/contract(\/client|\/node)?'/.test(example));

describe("a consumer's strict TypeScript", () => {
  let compilerOutput: string;

  beforeAll(async () => {
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'consumer.ts'), path.join(project.dir, 'consumer.ts'));
    for (const [index, example] of packageExamples().entries()) fs.writeFileSync(path.join(project.dir, `guide-example-${index}.ts`), example);
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    fs.writeFileSync(path.join(project.dir, 'readme-example.ts'), /```ts\n([\s\S]*?)```/.exec(readme)![1]);
    fs.mkdirSync(path.join(project.dir, 'out'));
    fs.writeFileSync(path.join(project.dir, 'out', 'package.json'), '{"type":"module"}');
    // One strict compile of both files, which also emits them as JavaScript for Node 20 to run.
    const options = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--outDir', 'out'];
    const examples = packageExamples().map((_, index) => `guide-example-${index}.ts`);
    compilerOutput = await run(binPath('tsc'), [...options, 'consumer.ts', 'readme-example.ts', ...examples], { cwd: project.dir }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
  }, 240_000);

  test("compiles against the package's types and client", () => {
    expect(compilerOutput.split('\n').filter((line) => line.startsWith('consumer.ts'))).toEqual([]);
  });

  test('compiles every TypeScript example of the guides that uses the package', () => {
    expect(packageExamples().length).toBeGreaterThanOrEqual(1);
    expect(compilerOutput.split('\n').filter((line) => line.startsWith('guide-example'))).toEqual([]);
  });

  test("compiles and runs the README's library example", async () => {
    expect(compilerOutput).toBe('');
    const { stdout } = await run('node', ['out/readme-example.js'], { cwd: project.dir });
    expect(stdout.trim()).toMatch(/^order [0-9a-f-]{36}$/);
  });
});

describe("the GitHub Actions job in docs/contract-tests.md", () => {
  type Step = { name?: string; run?: string; env?: Record<string, string>; uses?: string; with?: Record<string, string> };
  const job = (): { env: Record<string, string>; steps: Step[] } => {
    const guide = fs.readFileSync(path.join(repoRoot, 'docs', 'contract-tests.md'), 'utf8');
    const block = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]).find((yaml) => yaml.includes('ep-checkout verify'));
    if (!block) throw new Error('docs/contract-tests.md has no yaml block that runs ep-checkout verify');
    const workflow = parseYaml(block) as { jobs: Record<string, { env: Record<string, string>; steps: Step[] }> };
    return Object.values(workflow.jobs)[0];
  };

  // Secrets and variables of the job, as this test's store (the packaged mock) has them: its client, and the
  // data the suite's defaults name (an unset one would be an empty string, which stops the run).
  const expressions: Record<string, string> = {
    'secrets.EP_CLIENT_ID': mockClient.id,
    'secrets.EP_CLIENT_SECRET': mockClient.secret,
    ...Object.fromEntries(Object.entries(environmentDefaults).flatMap(([name, value]) => [[`secrets.${name}`, value], [`vars.${name}`, value]])),
  };
  const resolve = (value: string): string => value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => expressions[name] ?? '');

  test('its verify step, run as written against the packaged mock, passes and writes the report the upload step publishes', async () => {
    const { env, steps } = job();
    const verify = steps.find((step) => step.run?.includes('ep-checkout verify'))!;
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(steps.some((step) => step.run?.includes('@ep-checkout/contract'))).toBe(true);
    const stepEnv = Object.fromEntries(Object.entries({ ...env, ...verify.env }).map(([name, value]) => [name, resolve(String(value))]));
    // The job's backend listens on 127.0.0.1:8080; here the packaged mock stands in for it.
    const result = await run('bash', ['-c', verify.run!], { cwd: project.dir, env: { ...process.env, ...stepEnv, CONTRACT_BASE_URL: mock.url } });
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed, 0 advisory, 0 skipped \(seed \d+\)$/m);
    expect(fs.readFileSync(path.join(project.dir, upload.with!.path), 'utf8')).toMatch(/<testsuites tests="\d+" failures="0"/);
  });
});

test('the packaged mock stops with its process group and leaves nothing listening', async () => {
  const exited = new Promise((resolve) => mock.process.once('exit', resolve));
  stopPackagedMock(mock);
  await exited;
  // The mock itself (a grandchild of npx) must be gone too, not only npx: within a second, nothing answers.
  const answers = () => fetch(`${mock.url}/v2/carts/any/checkout`, { method: 'OPTIONS' }).then(() => true, () => false);
  for (let tries = 0; tries < 20 && (await answers()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await answers()).toBe(false);
});
