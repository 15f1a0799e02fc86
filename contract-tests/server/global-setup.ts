// Starts the project's mock on a free port unless CONTRACT_BASE_URL names the server to test, and
// provides the base URL to the suite, with the client the mock issues tokens to.
import type { TestProject } from 'vitest/node';
import './target.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const configured = process.env.CONTRACT_BASE_URL?.trim();
  if (configured) {
    project.provide('contractTarget', { baseUrl: configured, env: {} });
    return undefined;
  }
  // Imported only when needed, so testing another server never loads the mock.
  const { startMockServer } = await import('../../src/node.ts');
  const { mockClient } = await import('../../src/mock/tokens.ts');
  const mock = await startMockServer({ port: 0 });
  project.provide('contractTarget', { baseUrl: mock.url, env: { CONTRACT_CLIENT_ID: mockClient.id, CONTRACT_CLIENT_SECRET: mockClient.secret } });
  return () => mock.close();
}
