import { breakages } from '/work/wt-15/contract-tests/teeth/breakages.ts';
import { startBreakingProxy } from '/work/wt-15/contract-tests/teeth/breaking-proxy.ts';
const [upstream, ...names] = process.argv.slice(2);
for (const name of names) {
  const p = await startBreakingProxy(upstream, breakages.find((b) => b.name === name)!);
  console.log(name, p.url);
}
