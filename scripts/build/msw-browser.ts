// Builds dist/msw/browser.js, the browser bundle of `@ep-checkout/contract/msw` (the `browser` condition
// of the export): the handlers, the mock's engine, Prism's HTTP core and the spec in one ES module.
// `msw` stays external, so the consumer's own msw (and its service worker) is the one used. What a
// browser cannot have is replaced (./msw-browser/); `measureBundle` says what it weighs.
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundledSpecPath, repoRoot } from '../../src/lib/paths.ts';

export const browserBundlePath = path.join(repoRoot, 'dist', 'msw', 'browser.js');

const shims = path.join(import.meta.dirname, 'msw-browser');
const nodeBuiltins = /^(node:)?(fs|url|path|os|util|https?)$/;
const unusedPackages = /^(@faker-js\/faker|postman-collection|node-fetch|https?-proxy-agent)$/;
const specModule = path.join(repoRoot, 'src', 'msw', 'spec.ts');

const browserStandIns: Plugin = {
  name: 'browser-stand-ins',
  setup(build) {
    build.onResolve({ filter: nodeBuiltins }, () => ({ path: path.join(shims, 'node-builtins.ts') }));
    build.onResolve({ filter: unusedPackages }, () => ({ path: path.join(shims, 'unused-packages.ts') }));
    // The spec, inlined where Node would read its file.
    build.onLoad({ filter: /[\\/]src[\\/]msw[\\/]spec\.ts$/ }, (args) =>
      args.path === specModule
        ? { contents: `const spec = ${fs.readFileSync(bundledSpecPath, 'utf8')};\nexport const bundledSpec = () => spec;\n`, loader: 'js' }
        : undefined,
    );
  },
};

/** Bytes of the minified bundle per package (or per folder of this project). */
export type BundleShares = [string, number][];

export const buildBrowserBundle = async (outfile = browserBundlePath): Promise<BundleShares> => {
  const { metafile } = await build({
    entryPoints: [path.join(repoRoot, 'src', 'msw', 'index.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    external: ['msw'],
    // Its UMD build, which esbuild picks for a require(), loads its parts with a require it cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [browserStandIns],
    define: { 'process.env.NODE_ENV': '"production"', 'process.browser': 'true', 'process.platform': '"browser"', global: 'globalThis' },
    logLevel: 'error',
    metafile: true,
  });
  const shares = new Map<string, number>();
  for (const [file, input] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
    const owner = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? path.dirname(file);
    shares.set(owner, (shares.get(owner) ?? 0) + input.bytesInOutput);
  }
  return [...shares].sort((a, b) => b[1] - a[1]);
};

export const measureBundle = (file = browserBundlePath): { minifiedBytes: number; gzippedBytes: number } => {
  const bytes = fs.readFileSync(file);
  return { minifiedBytes: bytes.length, gzippedBytes: gzipSync(bytes, { level: 9 }).length };
};

if (import.meta.filename === process.argv[1]) {
  const shares = await buildBrowserBundle();
  const { minifiedBytes, gzippedBytes } = measureBundle();
  console.log(`${path.relative(repoRoot, browserBundlePath)}: ${(minifiedBytes / 1024).toFixed(0)} KiB minified, ${(gzippedBytes / 1024).toFixed(0)} KiB gzipped`);
  if (process.argv.includes('--shares')) for (const [owner, bytes] of shares.slice(0, 25)) console.log(`${(bytes / 1024).toFixed(0).padStart(6)} KiB  ${owner}`);
}
