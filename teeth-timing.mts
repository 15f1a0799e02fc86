import { startMockServer } from './src/mock/server.ts';
import { breakages } from './contract-tests/teeth/breakages.ts';
import { startBreakingProxy } from './contract-tests/teeth/breaking-proxy.ts';
import { runContractSuite } from './contract-tests/teeth/contract-suite-runner.ts';
const mock = await startMockServer({ port: 0 });
for (const b of [{name:'mock'}, ...breakages.filter(b => b.generated)]) {
  const p = await startBreakingProxy(mock.url, b as any);
  const t = performance.now();
  const o = await runContractSuite([{ name: b.name, baseUrl: p.url, env: (b as any).generated ? {} : { CONTRACT_EXAMPLES: '0' } }]);
  const ms = performance.now() - t;
  console.log(b.name, Math.round(ms), o.get(b.name)!.failed.length, o.get(b.name)!.advisory.length);
  if (b.name === 'names-cut-at-30') console.log(o.get(b.name)!.failed.map(f => f.messages[0].slice(0, 1500)).join('\n'));
  await p.close();
}
await mock.close();
