// Starts the project's mock on a free port unless CONTRACT_BASE_URL names the server to test,
// and provides the base URL to the suite.
import type { TestProject } from 'vitest/node';
import './target.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const configured = process.env.CONTRACT_BASE_URL?.trim();
  if (configured) {
    project.provide('contractBaseUrl', configured);
    return undefined;
  }
  // Imported only when needed, so testing another server never loads the mock.
  const { startMockServer } = await import('../../src/mock/server.ts');
  const mock = await startMockServer({ port: 0 });
  project.provide('contractBaseUrl', mock.url);
  return () => mock.close();
}
